// SMS text as SMPP carries it: GSM 03.38 septets (with the escape table) and UCS-2 bytes, GSM-7
// packing for SMSCs that want it, and the concatenation UDH. Which encoding and where a long text
// is cut is the domain's decision (src/outreach/domain/sms-encoding.ts: never inside an escape
// pair or a surrogate pair); this module only turns those parts into bytes and back.

/** GSM 03.38 basic table, by septet value. */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** GSM 03.38 extension table: character → septet that follows the escape (0x1B). */
const GSM_EXTENDED: ReadonlyMap<string, number> = new Map([
  ['\f', 0x0a],
  ['^', 0x14],
  ['{', 0x28],
  ['}', 0x29],
  ['\\', 0x2f],
  ['[', 0x3c],
  ['~', 0x3d],
  [']', 0x3e],
  ['|', 0x40],
  ['€', 0x65],
]);

const ESC = 0x1b;
const GSM_BASIC_INDEX: ReadonlyMap<string, number> = new Map(
  [...GSM_BASIC].map((ch, i) => [ch, i] as const),
);
const GSM_EXTENDED_BY_SEPTET: ReadonlyMap<number, string> = new Map(
  [...GSM_EXTENDED].map(([ch, septet]) => [septet, ch] as const),
);

/** GSM-7 septets, one per octet (what most SMSCs expect for data_coding 0 over SMPP). */
export function encodeGsm7(text: string): Buffer {
  const out: number[] = [];
  for (const ch of text) {
    const basic = GSM_BASIC_INDEX.get(ch);
    if (basic !== undefined && ch !== '\x1b') {
      out.push(basic);
      continue;
    }
    const ext = GSM_EXTENDED.get(ch);
    if (ext === undefined)
      throw new Error(`Character U+${ch.codePointAt(0)?.toString(16)} is not in GSM-7`);
    out.push(ESC, ext);
  }
  return Buffer.from(out);
}

/** Unpacked GSM-7 septets back to text; an escape at the very end is kept as '\x1b'. */
export function decodeGsm7(septets: Uint8Array): string {
  let text = '';
  for (let i = 0; i < septets.length; i++) {
    const s = (septets[i] ?? 0) & 0x7f;
    if (s === ESC && i + 1 < septets.length) {
      const next = (septets[i + 1] ?? 0) & 0x7f;
      // An unknown extension septet shows as its basic character, as the standard asks.
      text += GSM_EXTENDED_BY_SEPTET.get(next) ?? GSM_BASIC[next] ?? ' ';
      i++;
      continue;
    }
    text += GSM_BASIC[s] ?? ' ';
  }
  return text;
}

/**
 * Resolves escape pairs left in decoded GSM text, e.g. after joining parts that a sender split
 * between the escape and its character: '\x1b' + the basic character of the extension septet.
 */
export function joinGsmEscapes(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch !== '\x1b') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) break; // a dangling escape carries no character
    const septet = GSM_BASIC_INDEX.get(next);
    out += (septet !== undefined ? GSM_EXTENDED_BY_SEPTET.get(septet) : undefined) ?? next;
    i++;
  }
  return out;
}

/**
 * Packs septets 7 bits each, least significant first, after `fillBits` zero bits (the fill that
 * aligns the first septet after a UDH to a septet boundary).
 */
export function packGsm7(septets: Uint8Array, fillBits = 0): Buffer {
  const totalBits = fillBits + septets.length * 7;
  const out = Buffer.alloc(Math.ceil(totalBits / 8));
  let bit = fillBits;
  for (const raw of septets) {
    const s = raw & 0x7f;
    const byte = bit >> 3;
    const shift = bit & 7;
    out[byte] = (out[byte] ?? 0) | ((s << shift) & 0xff);
    if (shift > 1) out[byte + 1] = (out[byte + 1] ?? 0) | (s >> (8 - shift));
    bit += 7;
  }
  return out;
}

/** The inverse of packGsm7 for `count` septets. */
export function unpackGsm7(packed: Uint8Array, count: number, fillBits = 0): Buffer {
  const out = Buffer.alloc(count);
  let bit = fillBits;
  for (let i = 0; i < count; i++) {
    const byte = bit >> 3;
    const shift = bit & 7;
    let value = (packed[byte] ?? 0) >> shift;
    if (shift > 1) value |= (packed[byte + 1] ?? 0) << (8 - shift);
    out[i] = value & 0x7f;
    bit += 7;
  }
  return out;
}

/** UCS-2 (UTF-16 big-endian, as SMS carries it; astral characters as surrogate pairs). */
export function encodeUcs2(text: string): Buffer {
  return Buffer.from(text, 'utf16le').swap16();
}

export function decodeUcs2(bytes: Uint8Array): string {
  const even = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return even.swap16().toString('utf16le');
}

/** Concatenation UDH with an 8-bit reference: UDHL 5, IEI 0x00, IEDL 3, ref, total, sequence. */
export function concatUdh(ref: number, total: number, seq: number): Buffer {
  return Buffer.from([0x05, 0x00, 0x03, ref & 0xff, total, seq]);
}

export interface ConcatInfo {
  ref: number;
  total: number;
  seq: number;
}

/**
 * Reads the concatenation element from UDH information elements ([IEI, length, ...data] each),
 * either the 8-bit (IEI 0x00) or the 16-bit reference form (IEI 0x08).
 */
export function readConcat(elements: readonly Uint8Array[]): ConcatInfo | undefined {
  for (const ie of elements) {
    if (ie[0] === 0x00 && ie[1] === 3 && ie.length >= 5) {
      return { ref: ie[2] ?? 0, total: ie[3] ?? 0, seq: ie[4] ?? 0 };
    }
    if (ie[0] === 0x08 && ie[1] === 4 && ie.length >= 6) {
      return { ref: ((ie[2] ?? 0) << 8) | (ie[3] ?? 0), total: ie[4] ?? 0, seq: ie[5] ?? 0 };
    }
  }
  return undefined;
}

/** Splits a raw UDH (starting with its length octet) into information elements. */
export function udhElements(udh: Uint8Array): Uint8Array[] {
  const elements: Uint8Array[] = [];
  const end = Math.min(udh.length, (udh[0] ?? 0) + 1);
  let i = 1;
  while (i + 1 < end) {
    const len = udh[i + 1] ?? 0;
    elements.push(udh.subarray(i, Math.min(end, i + 2 + len)));
    i += 2 + len;
  }
  return elements;
}
