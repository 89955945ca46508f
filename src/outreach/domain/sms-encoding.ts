// SMS encoding and segmentation: whether a text fits the GSM 03.38 default alphabet (7-bit) or
// needs UCS-2, how many septets or code units it costs, and how it splits into concatenated parts.
// The template editor shows the figures; the SMPP channel sends the parts.
//
// Rules that keep a message readable on every handset:
// - GSM-7: 160 septets in a single message, 153 per part once a concatenation header (UDH) is
//   needed. The extension characters (^ { } \ [ ] ~ | € and form feed) cost two septets (ESC +
//   code) and the pair is never split across parts, or the receiving phone shows garbage.
// - UCS-2: 70 UTF-16 code units single, 67 per part. A character outside the Basic Multilingual
//   Plane (most emoji) is a surrogate pair; a pair is never split, because phones that decode part
//   by part show two broken halves.
// - Only the default alphabet is used, never national language shift tables: few European routes
//   support them, and a wrongly decoded first message is worse than a longer one.
import { z } from 'zod';
import { AppError, keyed } from '../../platform/errors.js';

/** The GSM 03.38 basic table (127 characters; 0x1B, the escape, is not a character). */
export const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
/** The extension table: each costs an escape septet plus its own. */
export const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export const SMS_LIMITS = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
} as const;
/** A concatenation reference counts parts in one byte. */
export const MAX_SMS_SEGMENTS = 255;
/** Longest text examined at all; far beyond any SMS (255 × 153 septets). */
export const MAX_SMS_INPUT = 100_000;

export type SmsEncoding = keyof typeof SMS_LIMITS;

export const SmsText = z
  .string()
  .max(MAX_SMS_INPUT, `A text is examined up to ${MAX_SMS_INPUT} characters.`);

export interface SmsInfo {
  encoding: SmsEncoding;
  /** Unicode code points (an emoji is one; a flag is two). */
  characters: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2: what the network counts. */
  units: number;
  /** Messages the network bills; 0 for an empty text. */
  segments: number;
  /** Capacity of each segment in units: 160/153 (GSM-7) or 70/67 (UCS-2). */
  perSegment: number;
  /** Units still free in the last segment before another one is needed. */
  remainingInSegment: number;
  /** Characters that force UCS-2, each once, in order of first appearance. */
  nonGsmChars: string[];
}

/** Septets one character costs in GSM-7, or null if it is not in the alphabet. */
export function gsmSeptets(char: string): 1 | 2 | null {
  if (BASIC.has(char)) return 1;
  if (EXTENSION.has(char)) return 2;
  return null;
}

/** Whether the whole text fits the GSM 7-bit default alphabet. */
export function isGsm7(text: string): boolean {
  for (const ch of SmsText.parse(text)) if (gsmSeptets(ch) === null) return false;
  return true;
}

interface Costed {
  encoding: SmsEncoding;
  chars: string[];
  costs: number[];
  nonGsm: string[];
}

function cost(text: string): Costed {
  const chars = Array.from(text);
  const nonGsm = new Set<string>();
  const gsm: number[] = [];
  for (const ch of chars) {
    const septets = gsmSeptets(ch);
    if (septets === null) nonGsm.add(ch);
    else gsm.push(septets);
  }
  if (nonGsm.size === 0) return { encoding: 'GSM-7', chars, costs: gsm, nonGsm: [] };
  // UCS-2 counts UTF-16 code units: 2 for a surrogate pair, 1 for everything else (a lone
  // surrogate too — it is sent as the unit it is).
  return { encoding: 'UCS-2', chars, costs: chars.map((c) => c.length), nonGsm: [...nonGsm] };
}

/** Greedy packing into parts of `capacity` units; a character is never split. */
function pack(costs: readonly number[], capacity: number): Array<{ from: number; to: number }> {
  const parts: Array<{ from: number; to: number }> = [];
  let from = 0;
  let used = 0;
  costs.forEach((c, i) => {
    if (used + c > capacity) {
      parts.push({ from, to: i });
      from = i;
      used = 0;
    }
    used += c;
  });
  if (costs.length > from) parts.push({ from, to: costs.length });
  return parts;
}

function layout(costed: Costed) {
  const limits = SMS_LIMITS[costed.encoding];
  const units = costed.costs.reduce((a, b) => a + b, 0);
  if (units <= limits.single) {
    const parts = units === 0 ? [] : [{ from: 0, to: costed.costs.length }];
    return { units, perSegment: limits.single, parts };
  }
  return { units, perSegment: limits.multi, parts: pack(costed.costs, limits.multi) };
}

/** What the template editor shows: encoding, counts, segments, and what forces UCS-2. */
export function smsInfo(text: string): SmsInfo {
  const costed = cost(SmsText.parse(text));
  const { units, perSegment, parts } = layout(costed);
  const last = parts[parts.length - 1];
  const lastUnits = last ? costed.costs.slice(last.from, last.to).reduce((a, b) => a + b, 0) : 0;
  return {
    encoding: costed.encoding,
    characters: costed.chars.length,
    units,
    segments: parts.length,
    perSegment,
    remainingInSegment: perSegment - lastUnits,
    nonGsmChars: costed.nonGsm,
  };
}

/**
 * The parts to send as one concatenated message (one part if it fits a single SMS; none for an
 * empty text). Joined, the parts are the text again. Throws if it would need more than 255 parts.
 */
export function splitSms(text: string): string[] {
  const costed = cost(SmsText.parse(text));
  const { parts } = layout(costed);
  if (parts.length > MAX_SMS_SEGMENTS) {
    throw new AppError(
      'validation_failed',
      keyed(
        'outreach.tooManySmsParts',
        `This text needs ${parts.length} SMS parts; at most ${MAX_SMS_SEGMENTS} can be joined.`,
        { parts: parts.length, max: MAX_SMS_SEGMENTS },
      ),
    );
  }
  return parts.map((p) => costed.chars.slice(p.from, p.to).join(''));
}

// Typographic punctuation that word processors put in and that forces UCS-2 for no reason.
// Letters are never replaced: "ș" is not "s" to the person reading it.
const GSM_LOOKALIKES: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u00B4': "'",
  '\u0060': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\u2022': '-',
};
const LOOKALIKE_RE = new RegExp(`[${Object.keys(GSM_LOOKALIKES).join('')}]`, 'gu');

/**
 * The text with typographic quotes, dashes, ellipses and special spaces replaced by their GSM
 * equivalents — offered to the writer, never applied silently.
 */
export function replaceGsmLookalikes(text: string): string {
  return SmsText.parse(text).replace(LOOKALIKE_RE, (c) => GSM_LOOKALIKES[c] ?? c);
}
