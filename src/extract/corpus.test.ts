// Quality floors over the hand-written hard cases (src/extract/corpus): precision and recall per
// field and for phones per language, how often the disguise and the minor flag are right. The
// floors sit just under what the extractor achieves, so a regression fails here.
import { describe, expect, it } from 'vitest';
import { evaluate, loadCorpus, type CorpusField } from './evaluate.js';
import { LEXICON_LANGUAGES } from './lexicon.js';

const corpus = loadCorpus();
const result = evaluate(corpus);

const FLOORS: Record<CorpusField, { precision: number; recall: number }> = {
  phone: { precision: 0.98, recall: 0.97 },
  email: { precision: 0.95, recall: 0.93 },
  url: { precision: 0.95, recall: 0.9 },
  messenger: { precision: 0.95, recall: 0.93 },
  age: { precision: 0.97, recall: 0.95 },
  price: { precision: 0.95, recall: 0.93 },
  place: { precision: 0.97, recall: 0.95 },
  postcode: { precision: 0.95, recall: 0.9 },
  location_type: { precision: 0.95, recall: 0.9 },
  language: { precision: 0.95, recall: 0.95 },
  spoken_language: { precision: 0.95, recall: 0.9 },
  indicator: { precision: 0.97, recall: 0.95 },
};

describe('hard-cases corpus', () => {
  it('is big and covers the nine languages, every disguise and every decoy kind', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(500);
    const languages = new Set(corpus.map((c) => c.lang));
    for (const lang of LEXICON_LANGUAGES) expect(languages.has(lang), lang).toBe(true);
    const disguises = new Set(corpus.flatMap((c) => c.obfuscation ?? []));
    for (const o of [
      'words',
      'lookalike',
      'spacing',
      'emoji',
      'unicode_digits',
      'split_line',
      'plus_word',
    ]) {
      expect(disguises.has(o as never), o).toBe(true);
    }
    const phoneDecoys = corpus.filter((c) => c.field === 'phone' && c.expect.length === 0);
    expect(phoneDecoys.length).toBeGreaterThanOrEqual(50);
    const decoyText = phoneDecoys.map((c) => c.text).join('\n');
    for (const kind of [
      /€|£|lei|zł|Ft|лв|euro/i,
      /\d{1,2}[.-]\d{2}[.-]\d{4}/,
      /\d{1,2}[:.]\d{2}/,
      /jaar|years|Jahre|ans|años|ani|lata|éves|години/,
      /\d{4} [A-Z]{2}\b/,
      /cm|kg|\d{2}-\d{2}-\d{2}/,
      /id:?\s/i,
    ]) {
      expect(decoyText, String(kind)).toMatch(kind);
    }
  });

  for (const [field, floor] of Object.entries(FLOORS) as [
    CorpusField,
    { precision: number; recall: number },
  ][]) {
    it(`holds the floor for ${field}`, () => {
      const score = result.fields[field];
      expect(score, field).toBeDefined();
      expect(score?.precision, `${field} precision`).toBeGreaterThanOrEqual(floor.precision);
      expect(score?.recall, `${field} recall`).toBeGreaterThanOrEqual(floor.recall);
    });
  }

  it('holds the phone floor in every language', () => {
    for (const lang of LEXICON_LANGUAGES) {
      const score = result.languages[lang]?.phone;
      expect(score?.precision, lang).toBeGreaterThanOrEqual(0.95);
      expect(score?.recall, lang).toBeGreaterThanOrEqual(0.9);
    }
  });

  // Signs of criminal recruitment (issue 17) per language, sex ads and real vacancies counting as
  // false positives. Batches 2, 3, 6 and 7 first ran unseen at recall 0.25–0.85 (their notes keep
  // the figures): these floors guard the cases the patterns were widened for and batch 7 as it was
  // found, not a claim about new slang.
  it('holds the floor for the signs of criminal recruitment in Dutch and English', () => {
    for (const lang of ['nl', 'en']) {
      const score = result.recruitment[lang];
      expect(score?.cases, lang).toBeGreaterThanOrEqual(60);
      expect(score?.precision, `${lang} precision`).toBeGreaterThanOrEqual(0.95);
      expect(score?.recall, `${lang} recall`).toBeGreaterThanOrEqual(0.9);
    }
  });

  // Batch 8 (written before the code, first run 21 of 32) gives the kind of exploitation a case's
  // signs should add up to: school questions, "24/7", vacancies and job chatter in recruitment
  // posts and beside them must not read as sexual, sex ads must stay sexual.
  it('adds the signs up to the expected kind of exploitation', () => {
    expect(result.exploitation.total).toBeGreaterThanOrEqual(30);
    expect(result.exploitation.correct / result.exploitation.total).toBeGreaterThanOrEqual(0.95);
  });

  it('records the disguise exactly and flags minors', () => {
    expect(result.obfuscation.correct / result.obfuscation.total).toBeGreaterThanOrEqual(0.95);
    expect(result.minorFlag.correct / result.minorFlag.total).toBeGreaterThanOrEqual(0.98);
  });
});
