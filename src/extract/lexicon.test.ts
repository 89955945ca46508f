// Every lexicon file loads and follows INDICATORS.md: evidence levels with their weights, contested
// signs weigh nothing, the same code means the same thing in every language, Dutch and English
// cover every category, and a malformed file is refused with a clear message.
import { describe, expect, it } from 'vitest';
import { LEXICON_LANGUAGES, loadBuiltInLexicons, parseLexicon, WEIGHT_RANGE } from './lexicon.js';
import { IndicatorCategory } from './schema.js';

const lexicons = loadBuiltInLexicons();

describe('lexicon files', () => {
  it('has one valid file per ad language', () => {
    expect(lexicons.map((l) => l.language).sort()).toEqual([...LEXICON_LANGUAGES].sort());
  });

  it('weighs every entry by its evidence level; contested entries weigh nothing', () => {
    for (const file of lexicons) {
      for (const e of file.entries) {
        const range = WEIGHT_RANGE[e.evidence];
        expect(e.weight, `${file.language} ${e.code}`).toBeGreaterThanOrEqual(range.min);
        expect(e.weight, `${file.language} ${e.code}`).toBeLessThanOrEqual(range.max);
        if (e.evidence === 'contested') expect(e.weight).toBe(0);
      }
    }
  });

  it('keeps the contested signs of INDICATORS.md contested (movement, screening)', () => {
    for (const file of lexicons) {
      for (const e of file.entries) {
        if (e.category === 'movement' || e.category === 'screening')
          expect(e.evidence).toBe('contested');
      }
    }
  });

  it('gives a code the same category, evidence and weight in every language', () => {
    const seen = new Map<string, string>();
    for (const file of lexicons) {
      for (const e of file.entries) {
        const sig = `${e.category}|${e.evidence}|${e.weight}`;
        expect(seen.get(e.code) ?? sig, `${file.language} ${e.code}`).toBe(sig);
        seen.set(e.code, sig);
      }
    }
  });

  it('covers every lexical category in Dutch and English (the complete files)', () => {
    const lexical = IndicatorCategory.options.filter((c) => c !== 'obfuscation');
    for (const lang of ['nl', 'en']) {
      const file = lexicons.find((l) => l.language === lang);
      const categories = new Set(file?.entries.map((e) => e.category));
      for (const c of lexical) expect(categories.has(c), `${lang} ${c}`).toBe(true);
    }
  });

  it('has the validated indicators started in every language', () => {
    for (const file of lexicons) {
      const codes = new Set(file.entries.map((e) => e.code));
      for (const code of [
        'trust.real_photos',
        'youth.barely_legal',
        'ethnicity.specified',
        'unsafe.without_condom',
      ]) {
        expect(codes.has(code), `${file.language} ${code}`).toBe(true);
      }
    }
  });

  it('refuses a malformed file and says why', () => {
    const bad = {
      language: 'nl',
      version: 'x',
      entries: [
        {
          code: 'movement.new_in_town',
          category: 'movement',
          evidence: 'contested',
          weight: 2,
          patterns: ['(24/7|nonstop)'],
          explanation: 'a contested sign that someone tried to score',
          source: 'test',
        },
      ],
    };
    expect(() => parseLexicon(bad, 'bad.json')).toThrow(/weight must follow the evidence level/);
    expect(() => parseLexicon(bad, 'bad.json')).toThrow(/single word/);
  });
});
