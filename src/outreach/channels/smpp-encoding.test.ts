// GSM-7 / UCS-2 encoding, splitting and packing, and the receipt parser and flow-control pieces
// of the SMPP channel, without a network.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  concatUdh,
  decodeGsm7,
  decodeUcs2,
  encodeGsm7,
  encodeUcs2,
  joinGsmEscapes,
  packGsm7,
  readConcat,
  udhElements,
  unpackGsm7,
} from './smpp-encoding.js';
import { smsInfo, splitSms } from '../domain/sms-encoding.js';
import { backoffDelay, TokenBucket, Window } from './smpp-limits.js';
import {
  alternativeIds,
  parseReceiptText,
  statusFromMessageState,
  statusFromStat,
} from './smpp-receipt.js';

/** A UTF-16 string with half a surrogate pair (String#isWellFormed is ES2024, past our lib). */
const hasLoneSurrogate = (s: string): boolean =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe("the domain's split, encoded for SMPP", () => {
  it('keeps escape and surrogate pairs whole at the part boundary', () => {
    const gsm = splitSms(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(gsm.map((p) => encodeGsm7(p).length)).toEqual([152, 12]);
    const ucs = splitSms(`${'ж'.repeat(66)}😀${'ж'.repeat(10)}`);
    expect(ucs.map((p) => encodeUcs2(p).length)).toEqual([132, 24]);
  });

  it('gives parts that fit a short_message after the UDH, and join back to the text (property)', () => {
    const alphabet = fc.constantFrom('a', 'Z', ' ', '€', '{', 'é', 'ж', '😀', '👍🏽', '\n', '@');
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 1, maxLength: 600 }), (chars) => {
        const text = chars.join('');
        const parts = splitSms(text);
        const ucs2 = smsInfo(text).encoding === 'UCS-2';
        expect(parts.join('')).toBe(text);
        for (const part of parts) {
          expect(hasLoneSurrogate(part)).toBe(false);
          const octets = ucs2 ? encodeUcs2(part).length : encodeGsm7(part).length;
          const max = parts.length === 1 ? 140 : 134; // UCS-2 octets; GSM septets are 160 / 153
          expect(octets).toBeLessThanOrEqual(ucs2 ? max : parts.length === 1 ? 160 : 153);
          if (!ucs2) expect(decodeGsm7(encodeGsm7(part))).toBe(part);
        }
      }),
    );
  });
});

describe('GSM-7 and UCS-2', () => {
  it('encodes the escape table as ESC + septet and decodes it back', () => {
    expect([...encodeGsm7('€[')]).toEqual([0x1b, 0x65, 0x1b, 0x3c]);
    expect([...encodeGsm7('@£_')]).toEqual([0x00, 0x01, 0x11]);
    const text = 'Hoi {naam}, €5 ^~|\\ [ok] äöüñ ΔΩ';
    expect(decodeGsm7(encodeGsm7(text))).toBe(text);
    expect(() => encodeGsm7('ça')).toThrow(); // ç is not in the basic table (Ç is)
    expect(() => encodeGsm7('😀')).toThrow();
  });

  it('packs septets as the GSM standard example ("hellohello")', () => {
    const packed = packGsm7(encodeGsm7('hellohello'));
    expect(packed.toString('hex').toUpperCase()).toBe('E8329BFD4697D9EC37');
    expect(decodeGsm7(unpackGsm7(packed, 10))).toBe('hellohello');
  });

  it('packs after a UDH with fill bits and unpacks back', () => {
    const septets = encodeGsm7('Concatenated text with € and more');
    const packed = packGsm7(septets, 1);
    expect(unpackGsm7(packed, septets.length, 1)).toEqual(septets);
    expect(packed.length).toBe(Math.ceil((1 + septets.length * 7) / 8));
  });

  it('joins an escape left dangling by a part boundary', () => {
    expect(joinGsmEscapes('abc\x1b')).toBe('abc');
    expect(joinGsmEscapes('abc\x1be fg')).toBe('abc€ fg');
    expect(joinGsmEscapes('\x1b(x\x1b)')).toBe('{x}');
  });

  it('encodes UCS-2 big-endian with surrogate pairs', () => {
    expect(encodeUcs2('A😀').toString('hex')).toBe('0041d83dde00');
    expect(decodeUcs2(Buffer.from('0041d83dde00', 'hex'))).toBe('A😀');
  });

  it('writes and reads the concatenation UDH (8- and 16-bit references)', () => {
    const udh = concatUdh(0x1ab, 3, 2);
    expect([...udh]).toEqual([5, 0, 3, 0xab, 3, 2]);
    expect(readConcat(udhElements(udh))).toEqual({ ref: 0xab, total: 3, seq: 2 });
    const udh16 = Buffer.from([6, 8, 4, 0x12, 0x34, 4, 1]);
    expect(readConcat(udhElements(udh16))).toEqual({ ref: 0x1234, total: 4, seq: 1 });
  });
});

describe('receipts', () => {
  it('parses the standard receipt text', () => {
    const r = parseReceiptText(
      'id:0123456789 sub:001 dlvrd:001 submit date:2411231015 done date:2411231016 stat:DELIVRD err:000 Text:Hoi',
    );
    expect(r).toMatchObject({ id: '0123456789', stat: 'DELIVRD', err: '000' });
    expect(r.doneDate?.toISOString()).toBe('2024-11-23T10:16:00.000Z');
    expect(statusFromStat(r.stat)).toBe('delivered');
    expect(statusFromStat('undeliv')).toBe('failed');
    expect(statusFromStat('ENROUTE')).toBe('pending');
    expect(statusFromMessageState(5)).toBe('failed');
    expect(statusFromMessageState(2)).toBe('delivered');
    expect(statusFromMessageState(undefined)).toBeUndefined();
  });

  it('offers the other spellings of an id', () => {
    expect(alternativeIds('5a001')).toContain('368641');
    expect(alternativeIds('368641')).toContain('5a001');
    expect(alternativeIds('00AB')).toContain('ab');
  });
});

describe('flow control', () => {
  it('hands out at most `size` window slots, in order', async () => {
    const window = new Window(2);
    const a = await window.acquire();
    const b = await window.acquire();
    let third = false;
    const c = window.acquire().then((release) => {
      third = true;
      return release;
    });
    await new Promise((r) => setTimeout(r, 5));
    expect(third).toBe(false);
    a();
    (await c)();
    b();
    expect(window.outstanding).toBe(0);
    expect(window.highWater).toBe(2);
  });

  it('spaces tokens by the rate', async () => {
    const bucket = new TokenBucket(100, 1);
    const started = performance.now();
    for (let i = 0; i < 11; i++) await bucket.take();
    expect(performance.now() - started).toBeGreaterThanOrEqual(95);
    bucket.close();
  });

  it('backs off exponentially with jitter, capped', () => {
    const policy = { initialMs: 100, maxMs: 1_000 };
    expect(backoffDelay(policy, 0, () => 0)).toBe(50);
    expect(backoffDelay(policy, 0, () => 1)).toBe(100);
    expect(backoffDelay(policy, 3, () => 1)).toBe(800);
    expect(backoffDelay(policy, 20, () => 1)).toBe(1_000);
  });
});
