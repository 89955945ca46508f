// Measures extraction against a labelled corpus: precision and recall per field and per language,
// plus how often the recorded obfuscation and minor flags are right. Used by the floor tests and the
// bench, and open to any corpus in the same shape (the ad board's ground truth, for one).
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { exploitationTypeOf } from './exploitation.js';
import { extractAll } from './extract.js';
import type { RuleSet } from './rules.js';
import { ExploitationType, Obfuscation, type ExtractionResult, type Fact } from './schema.js';

export const CorpusField = z.enum([
  'phone',
  'email',
  'url',
  'messenger',
  'age',
  'price',
  'place',
  'postcode',
  'location_type',
  'language',
  'spoken_language',
  'indicator',
]);
export type CorpusField = z.infer<typeof CorpusField>;

export const CorpusCase = z
  .object({
    id: z.string().min(1),
    /** Language the case is written in (ISO 639-1). */
    lang: z.string().min(2).max(3),
    /** The kind of fact this case tests; facts of other kinds are ignored. */
    field: CorpusField,
    text: z.string(),
    title: z.string().optional(),
    country: z.string().optional(),
    postedAt: z.string().optional(),
    /**
     * Expected normalised values: E.164 for phones, "platform:handle" for messengers, "19" or
     * "19-21" for ages, "150 EUR/60min" for prices, gazetteer ids for places, codes for indicators.
     * Empty for a decoy: nothing of this kind should be found.
     */
    expect: z.array(z.string()),
    /** For a case with one expected phone or contact: exactly how it was disguised. */
    obfuscation: z.array(Obfuscation).optional(),
    /** For age cases: whether the minor flag should be set. */
    minor: z.boolean().optional(),
    /**
     * For indicator cases: the kind of exploitation all the ad's signs add up to, derived signs
     * (a very low price, a stated minor age) included — what the queue's type filter will show.
     */
    exploitation: ExploitationType.optional(),
    note: z.string().optional(),
    /**
     * Whether the case was written before the code that reads it (a fair test of the general
     * form) or after (a regression guard for a case the code was shown).
     */
    written: z.enum(['before_code', 'after_code']).optional(),
  })
  .strict();
export type CorpusCase = z.infer<typeof CorpusCase>;

export interface Score {
  cases: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CaseFailure {
  id: string;
  field: CorpusField;
  missing: string[];
  unexpected: string[];
  obfuscation?: { expected: string[]; got: string[] };
  exploitation?: { expected: ExploitationType; got: ExploitationType };
}

export interface Evaluation {
  fields: Partial<Record<CorpusField, Score>>;
  languages: Record<string, Partial<Record<CorpusField, Score>>>;
  overall: Score;
  obfuscation: { correct: number; total: number };
  minorFlag: { correct: number; total: number };
  /** Cases with an expected exploitation type, and how many of them add up to it. */
  exploitation: { correct: number; total: number };
  /**
   * The signs of criminal recruitment alone (codes `crime.*`) over the indicator cases, per
   * language: every indicator case counts, so a sex ad or a real vacancy that draws one is a false
   * positive here.
   */
  recruitment: Record<string, Score>;
  failures: CaseFailure[];
}

/** Codes of the criminal-recruitment signs (issue 17). */
export const isRecruitmentCode = (code: string): boolean => code.startsWith('crime.');

/** The comparable value of a fact for a corpus field, or null if the fact does not count there. */
function valueFor(field: CorpusField, fact: Fact): string | null {
  switch (fact.kind) {
    case 'place':
      return field === 'place' ? fact.placeId : null;
    case 'indicator':
      // Derived signals are measured through the facts they derive from.
      return field === 'indicator' && fact.language !== 'derived' ? fact.code : null;
    case 'phone':
    case 'email':
    case 'url':
    case 'messenger':
    case 'age':
    case 'price':
    case 'postcode':
    case 'location_type':
    case 'language':
    case 'spoken_language':
      return fact.kind === field ? fact.value : null;
  }
}

const emptyScore = (): Score => ({ cases: 0, tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });

function add(score: Score, tp: number, fp: number, fn: number): void {
  score.cases += 1;
  score.tp += tp;
  score.fp += fp;
  score.fn += fn;
  score.precision = score.tp + score.fp === 0 ? 1 : score.tp / (score.tp + score.fp);
  score.recall = score.tp + score.fn === 0 ? 1 : score.tp / (score.tp + score.fn);
}

/** Runs extraction over every case and scores it. */
export function evaluate(
  corpus: CorpusCase[],
  options: { rules?: RuleSet; extract?: (c: CorpusCase) => ExtractionResult } = {},
): Evaluation {
  const run =
    options.extract ??
    ((c: CorpusCase) =>
      extractAll(
        { title: c.title, body: c.text, country: c.country, postedAt: c.postedAt },
        options.rules,
      ));
  const result: Evaluation = {
    fields: {},
    languages: {},
    overall: emptyScore(),
    obfuscation: { correct: 0, total: 0 },
    minorFlag: { correct: 0, total: 0 },
    exploitation: { correct: 0, total: 0 },
    recruitment: {},
    failures: [],
  };
  for (const c of corpus) {
    const extraction = run(c);
    const got = new Set<string>();
    for (const f of extraction.facts) {
      const v = valueFor(c.field, f);
      if (v !== null) got.add(v);
    }
    const expected = new Set(c.expect);
    const tp = [...expected].filter((v) => got.has(v)).length;
    const unexpected = [...got].filter((v) => !expected.has(v));
    const missing = [...expected].filter((v) => !got.has(v));
    add((result.fields[c.field] ??= emptyScore()), tp, unexpected.length, missing.length);
    const lang = (result.languages[c.lang] ??= {});
    add((lang[c.field] ??= emptyScore()), tp, unexpected.length, missing.length);
    add(result.overall, tp, unexpected.length, missing.length);
    if (c.field === 'indicator') {
      const crime = (list: string[]) => list.filter(isRecruitmentCode).length;
      const crimeTp = [...expected].filter((v) => isRecruitmentCode(v) && got.has(v)).length;
      add(
        (result.recruitment[c.lang] ??= emptyScore()),
        crimeTp,
        crime(unexpected),
        crime(missing),
      );
    }
    const failure: CaseFailure = { id: c.id, field: c.field, missing, unexpected };

    if (c.obfuscation && c.expect.length === 1) {
      const fact = extraction.facts.find((f) => valueFor(c.field, f) === c.expect[0]);
      const gotObf = fact && 'obfuscation' in fact ? [...fact.obfuscation].sort() : [];
      const wantObf = [...c.obfuscation].sort();
      result.obfuscation.total += 1;
      if (fact && gotObf.join() === wantObf.join()) result.obfuscation.correct += 1;
      else failure.obfuscation = { expected: wantObf, got: gotObf };
    }
    if (c.minor !== undefined) {
      const ages = extraction.facts.filter((f) => f.kind === 'age');
      result.minorFlag.total += 1;
      if (ages.some((a) => a.kind === 'age' && a.minor) === c.minor) result.minorFlag.correct += 1;
    }
    if (c.exploitation !== undefined) {
      const type = exploitationTypeOf(
        extraction.facts.flatMap((f) => (f.kind === 'indicator' ? [f] : [])),
      );
      result.exploitation.total += 1;
      if (type === c.exploitation) result.exploitation.correct += 1;
      else failure.exploitation = { expected: c.exploitation, got: type };
    }
    if (
      missing.length > 0 ||
      unexpected.length > 0 ||
      failure.obfuscation ||
      failure.exploitation
    ) {
      result.failures.push(failure);
    }
  }
  return result;
}

const CORPUS_DIR = new URL('./corpus/', import.meta.url);

/** The hand-written hard cases shipped in src/extract/corpus (*.jsonl), validated line by line. */
export function loadCorpus(dir: URL = CORPUS_DIR): CorpusCase[] {
  const cases: CorpusCase[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort();
  for (const file of files) {
    const lines = readFileSync(new URL(file, dir), 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = CorpusCase.safeParse(JSON.parse(line) as unknown);
      if (!parsed.success) {
        throw new Error(
          `${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`,
        );
      }
      cases.push(parsed.data);
    });
  }
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) throw new Error(`duplicate corpus case id ${c.id}`);
    ids.add(c.id);
  }
  return cases;
}
