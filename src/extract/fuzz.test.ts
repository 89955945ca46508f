// Hostile text: property tests (fast-check) that nothing throws and every span is sound, a fuzz pass
// over empty, huge, binary, right-to-left and mixed-script text, and a growth check that time grows
// linearly with length (n vs 8n characters) on pathological repetition — a ratio, not a wall clock.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractAll } from './extract.js';
import { ExtractionResult } from './schema.js';

function checkSound(body: string, country = 'NL'): void {
  const result = extractAll({ body, title: body.slice(0, 40), country });
  expect(ExtractionResult.safeParse(result).success).toBe(true);
  for (const f of result.facts) {
    expect(f.span.start).toBeGreaterThanOrEqual(0);
    expect(f.span.end).toBeGreaterThanOrEqual(f.span.start);
    if (f.kind === 'language') continue;
    const text = f.span.field === 'title' ? body.slice(0, 40) : body;
    expect(text.slice(f.span.start, f.span.end)).toBe(f.raw);
  }
}

// Characters ads and attackers use: digits of many scripts, keycaps, look-alikes, separators,
// number words, RTL and combining marks, currency, '@' and '.'.
const adChar = fc.constantFrom(
  ...'0123456789０１２３٠١٢३४OolI|+-./()*_ \n\t\u200b\u200f\u202e€$£@:#%'.split(''),
  '\uFE0F\u20E3', '🔟', '𝟓', '①', 'nul ', 'zes ', 'twaalf ', 'plus ', ' at ', ' dot ', 'jaar ', 'ans ',
  'wa.me/31', 't.me/', 'www.', '.nl', 'Den Haag ', 'Best ', '18 ', '€100 ', 'מספר ', 'رقم ', 'Говоря ',
); // prettier-ignore

describe('property: any text', () => {
  it('never throws and keeps every span on the original text (arbitrary Unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => checkSound(s)),
      { numRuns: 300 },
    );
  });
  it('never throws on ad-like character soup', () => {
    fc.assert(
      fc.property(fc.array(adChar, { maxLength: 200 }), (parts) => checkSound(parts.join(''))),
      { numRuns: 400 },
    );
  });
  it('never throws on binary junk and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => checkSound(s, 'DE')),
      { numRuns: 200 },
    );
  });
});

describe('fuzz pass', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['1 MB text', 'Bel 06 48271935 of mail lisa@example.nl, €100 per uur. '.repeat(20_000)],
    [
      'binary junk',
      Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 7919) % 65536)).join(''),
    ],
    ['right-to-left', 'رقم الهاتف ٠٦٤٨٢٧١٩٣٥ اتصل بي \u202eolleh\u202c מספר 06-48271935'],
    ['mixed scripts', 'Говоря English, 日本語, עברית: O6 48 27 l9 35 𝟎𝟔 ‏06 48‏'],
    ['lone surrogates', '\ud800\udc00\ud800 06 48 27 19 35 \udfff'],
  ];
  it.each(cases)('survives %s', (_name, text) => {
    expect(() => checkSound(text)).not.toThrow();
  });
});

// Pathological repetition aimed at each extractor: digits, words, '@', dots, keywords, emoji.
const GENERATORS: Record<string, (n: number) => string> = {
  'zeros and spaces': (n) => '0 '.repeat(n / 2),
  'aaaa…': (n) => 'a'.repeat(n),
  '@@@@…': (n) => '@'.repeat(n),
  'random digit soup': (n) =>
    Array.from({ length: n / 2 }, (_, i) => String((i * 7919) % 10)).join(' '),
  'number words': (n) => 'nul zes '.repeat(n / 8),
  'cyrillic number words': (n) => 'нула осем '.repeat(n / 10),
  'dots and labels': (n) => 'ab.'.repeat(n / 3),
  domains: (n) => 'a.nl '.repeat(n / 5),
  addresses: (n) => 'a@b.nl '.repeat(n / 7),
  handles: (n) => 'insta: @ab_c '.repeat(n / 13),
  keycaps: (n) => '0️⃣'.repeat(n / 3),
  'plus signs': (n) => '+'.repeat(n),
  'lexicon first words': (n) => 'alleen geen zonder net 24 '.repeat(n / 26),
  'ad-like': (n) => 'bel 06 12 34 56 78 € 100 Amsterdam 19 jaar whatsapp '.repeat(n / 53),
};

/**
 * Milliseconds of CPU this thread used, where Node can tell (24 can): on a busy machine (CI runs
 * suites in parallel) the wall clock also counts the time other jobs had the core, and a run of
 * the large text was seen to take 32 times the small one's floor that way.
 */
const threadMs: () => number =
  typeof process.threadCpuUsage === 'function'
    ? () => {
        const { user, system } = process.threadCpuUsage();
        return (user + system) / 1000;
      }
    : () => performance.now();

function timeOf(text: string): number {
  let best = Infinity;
  // Best of five: what is left of noise (a GC pause, cold caches) slows single runs, never the best.
  for (let i = 0; i < 5; i++) {
    const t0 = threadMs();
    extractAll({ body: text, country: 'NL' });
    best = Math.min(best, threadMs() - t0);
  }
  return best;
}

describe('linear time', () => {
  const n = 20_000;
  it.each(Object.keys(GENERATORS))(
    'grows linearly on %s (8× the text, well under 64× the time)',
    (name) => {
      const gen = GENERATORS[name];
      if (!gen) throw new Error(name);
      const small = gen(n);
      const large = gen(8 * n);
      timeOf(small); // warm up the JIT and caches
      const ratio = timeOf(large) / Math.max(timeOf(small), 1);
      // Linear is 8; quadratic would be 64. 32 leaves room for noise and GC and still tells them apart.
      expect(ratio, `${name}: ${ratio.toFixed(1)}×`).toBeLessThan(32);
    },
  );
});
