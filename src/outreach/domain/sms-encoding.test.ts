import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  GSM_BASIC,
  GSM_EXTENSION,
  MAX_SMS_SEGMENTS,
  gsmSeptets,
  isGsm7,
  replaceGsmLookalikes,
  smsInfo,
  splitSms,
} from './sms-encoding.js';

/** Any code point, lone surrogates included (fast-check's 'binary' unit takes seconds to set up). */
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

/** Units one part costs in the given encoding, counted independently of the module. */
function unitsOf(part: string, encoding: 'GSM-7' | 'UCS-2'): number {
  if (encoding === 'UCS-2') return part.length;
  return Array.from(part).reduce((n, c) => n + (GSM_EXTENSION.includes(c) ? 2 : 1), 0);
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

describe('the GSM 03.38 tables', () => {
  it('has 127 basic characters (the escape is not one) and 10 extension characters', () => {
    expect(new Set(GSM_BASIC).size).toBe(127);
    expect(GSM_BASIC.length).toBe(127);
    expect(new Set(GSM_EXTENSION).size).toBe(10);
    for (const c of GSM_EXTENSION) expect(GSM_BASIC.includes(c)).toBe(false);
    expect(GSM_BASIC.includes('\x1b')).toBe(false);
  });

  it('counts extension characters as two septets', () => {
    for (const c of '^{}\\[~]|€\f') expect(gsmSeptets(c)).toBe(2);
    expect(gsmSeptets('a')).toBe(1);
    expect(gsmSeptets('\x1b')).toBeNull();
  });
});

describe('smsInfo', () => {
  it('reads plain text as GSM-7', () => {
    expect(smsInfo('Hoi, hoe gaat het?')).toEqual({
      encoding: 'GSM-7',
      characters: 18,
      units: 18,
      segments: 1,
      perSegment: 160,
      remainingInSegment: 142,
      nonGsmChars: [],
    });
  });

  it('keeps Greek capitals that are in the alphabet in GSM-7, but not the look-alike ones', () => {
    expect(smsInfo('ΔΦΓΛΩΠΨΣΘΞ').encoding).toBe('GSM-7');
    // Greek capital Alpha looks like A but is not in the table; lower-case Greek never is.
    expect(smsInfo('Α').encoding).toBe('UCS-2');
    expect(smsInfo('Ωω').nonGsmChars).toEqual(['ω']);
  });

  it('names each character that forces UCS-2 once, in order of appearance', () => {
    const info = smsInfo('“Hi” ‘there’ “again”');
    expect(info.encoding).toBe('UCS-2');
    expect(info.nonGsmChars).toEqual(['“', '”', '‘', '’']);
    expect(info.units).toBe(20);
  });

  it('treats capital Ç as GSM and small ç, tab and the escape itself as not', () => {
    expect(isGsm7('Ç')).toBe(true);
    expect(isGsm7('ç')).toBe(false);
    expect(isGsm7('a\tb')).toBe(false);
    expect(isGsm7('a\x1bb')).toBe(false);
    expect(isGsm7('line\r\nline')).toBe(true);
  });

  it('cuts GSM-7 at exactly 160 single / 153 per part', () => {
    expect(smsInfo('a'.repeat(160))).toMatchObject({
      segments: 1,
      perSegment: 160,
      remainingInSegment: 0,
    });
    expect(smsInfo('a'.repeat(161))).toMatchObject({
      segments: 2,
      perSegment: 153,
      remainingInSegment: 145,
    });
    expect(smsInfo('a'.repeat(153 * 2))).toMatchObject({ segments: 2, remainingInSegment: 0 });
    expect(smsInfo('a'.repeat(153 * 2 + 1))).toMatchObject({
      segments: 3,
      remainingInSegment: 152,
    });
  });

  it('counts € as two septets: 80 fit one SMS, 81 do not', () => {
    expect(smsInfo('€'.repeat(80))).toMatchObject({
      encoding: 'GSM-7',
      characters: 80,
      units: 160,
      segments: 1,
    });
    expect(smsInfo('€'.repeat(81))).toMatchObject({ units: 162, segments: 2 });
    expect(smsInfo('a'.repeat(159) + '€')).toMatchObject({ units: 161, segments: 2 });
  });

  it('cuts UCS-2 at 70 single / 67 per part, counting emoji as two units', () => {
    expect(smsInfo('ж'.repeat(70))).toMatchObject({
      encoding: 'UCS-2',
      units: 70,
      segments: 1,
      perSegment: 70,
    });
    expect(smsInfo('ж'.repeat(71))).toMatchObject({ segments: 2, perSegment: 67 });
    expect(smsInfo('😀'.repeat(35))).toMatchObject({ characters: 35, units: 70, segments: 1 });
    expect(smsInfo('😀'.repeat(36))).toMatchObject({ units: 72, segments: 2 });
    // One emoji turns a 160-character GSM text into three UCS-2 parts.
    expect(smsInfo('a'.repeat(159) + '😀')).toMatchObject({
      encoding: 'UCS-2',
      units: 161,
      segments: 3,
    });
  });

  it('has no segments for an empty text', () => {
    expect(smsInfo('')).toMatchObject({
      segments: 0,
      units: 0,
      characters: 0,
      remainingInSegment: 160,
    });
  });

  it('refuses what is not a string', () => {
    expect(() => smsInfo(42 as unknown as string)).toThrow();
  });
});

describe('splitSms', () => {
  it('sends a short text as one part and an empty one as none', () => {
    expect(splitSms('Hoi')).toEqual(['Hoi']);
    expect(splitSms('')).toEqual([]);
    expect(splitSms('a'.repeat(160))).toEqual(['a'.repeat(160)]);
  });

  it('splits 161 characters into 153 + 8', () => {
    expect(splitSms('a'.repeat(161)).map((p) => p.length)).toEqual([153, 8]);
  });

  it('never splits an escape pair: a € that would straddle the cut moves to the next part', () => {
    const text = 'a'.repeat(152) + '€' + 'b'.repeat(20);
    const parts = splitSms(text);
    expect(parts[0]).toBe('a'.repeat(152));
    expect(parts[1]).toBe('€' + 'b'.repeat(20));
    expect(parts.join('')).toBe(text);
  });

  it('fills a part to 153 septets when the escape pair fits exactly', () => {
    const text = 'a'.repeat(151) + '€' + 'b'.repeat(20);
    expect(splitSms(text)[0]).toBe('a'.repeat(151) + '€');
  });

  it('never splits a surrogate pair: an emoji at the cut moves to the next part', () => {
    const text = 'ж'.repeat(66) + '😀' + 'ж'.repeat(10);
    const parts = splitSms(text);
    expect(parts[0]).toBe('ж'.repeat(66));
    expect(parts[1]?.startsWith('😀')).toBe(true);
    expect(splitSms('😀'.repeat(36)).map((p) => Array.from(p).length)).toEqual([33, 3]);
  });

  it('keeps a flag (two regional indicators) whole only as far as pairs go', () => {
    // Phones join concatenated parts before display, so a flag split between its two code points
    // shows correctly; each code point's surrogate pair stays whole.
    const parts = splitSms('🇳🇱'.repeat(40));
    for (const p of parts) {
      expect(isHigh(p.charCodeAt(p.length - 1))).toBe(false);
      expect(isLow(p.charCodeAt(0))).toBe(false);
    }
    expect(parts.join('')).toBe('🇳🇱'.repeat(40));
  });

  it(`joins at most ${MAX_SMS_SEGMENTS} parts`, () => {
    expect(splitSms('a'.repeat(153 * MAX_SMS_SEGMENTS))).toHaveLength(MAX_SMS_SEGMENTS);
    expect(() => splitSms('a'.repeat(153 * MAX_SMS_SEGMENTS + 1))).toThrow(/at most 255/);
  });

  const alphabet = fc.constantFrom(
    'a', 'Z', ' ', '\n', 'é', 'Δ', '€', '{', '\\', '~', 'ж', 'ș', '😀', '🇳', '“', '\ud800', '\udfff',
  ); // prettier-ignore
  const texts = fc.oneof(
    fc.string({ unit: alphabet, maxLength: 700 }),
    fc.string({ unit: anyChar, maxLength: 400 }),
    fc.string({ unit: fc.constantFrom('a', '€', '^'), minLength: 150, maxLength: 500 }),
  );

  it('parts re-join to the text, respect the limits, never split a pair, and fill greedily', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const info = smsInfo(text);
        const parts = splitSms(text);
        expect(parts.join('')).toBe(text);
        expect(parts).toHaveLength(info.segments);
        const limit = info.segments > 1 ? info.perSegment : info.encoding === 'GSM-7' ? 160 : 70;
        expect(info.perSegment).toBe(limit);
        parts.forEach((part, k) => {
          expect(part.length).toBeGreaterThan(0);
          expect(unitsOf(part, info.encoding)).toBeLessThanOrEqual(limit);
          const next = parts[k + 1];
          if (next !== undefined) {
            // A surrogate pair is never cut in two.
            expect(isHigh(part.charCodeAt(part.length - 1)) && isLow(next.charCodeAt(0))).toBe(
              false,
            );
            // Greedy: the next character would not have fitted.
            const nextChar = Array.from(next)[0] as string;
            expect(unitsOf(part + nextChar, info.encoding)).toBeGreaterThan(limit);
          }
        });
        expect(parts.reduce((n, p) => n + unitsOf(p, info.encoding), 0)).toBe(info.units);
      }),
      { numRuns: 400 },
    );
  });
});

describe('replaceGsmLookalikes', () => {
  it('turns typographic punctuation into GSM and leaves letters alone', () => {
    const fixed = replaceGsmLookalikes('“Hoi” – ‘ok’… ș');
    expect(fixed).toBe('"Hoi" - \'ok\'... ș');
    expect(smsInfo(replaceGsmLookalikes('“Hoi” — ‘ok’…\u00a0x')).encoding).toBe('GSM-7');
  });
});
