// Extraction measured against the synthetic ad board's ground truth (not hand-picked cases): every
// version of every ad in a generated world is a case for phones (E.164, with the disguises the
// board used) and for the ad's language. Prints precision and recall per field and per language.
import { generateWorld } from '../fixtures/ad-board/index.js';
import { groundTruthOf } from '../fixtures/ad-board/ground-truth.js';
import { evaluate, type CorpusCase } from '../src/extract/index.js';
import type { BenchResult } from './run.js';

export function boardCorpus(seed: string, ads: number): CorpusCase[] {
  const truth = groundTruthOf(generateWorld({ seed, ads, days: 3 }));
  const cases: CorpusCase[] = [];
  for (const ad of truth.ads) {
    for (const v of ad.versions) {
      const base = {
        lang: ad.language,
        title: v.title,
        text: v.body,
        country: 'NL',
        postedAt: ad.postedAt,
      };
      const phones = [...new Set(v.phones.filter((p) => p.where !== 'field').map((p) => p.e164))];
      cases.push({ ...base, id: `${ad.id}.v${v.version}.phone`, field: 'phone', expect: phones });
      cases.push({
        ...base,
        id: `${ad.id}.v${v.version}.language`,
        field: 'language',
        expect: [ad.language],
      });
    }
  }
  return cases;
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

export async function extractBoardBench(): Promise<BenchResult> {
  const corpus = boardCorpus('extract-bench', 2000);
  const t0 = performance.now();
  const e = evaluate(corpus);
  const seconds = (performance.now() - t0) / 1000;
  const lines = [
    `${corpus.length} cases from ${corpus.length / 2} ad versions of the ad board (seed extract-bench), ${(corpus.length / 2 / seconds).toFixed(0)} versions/s`,
  ];
  for (const [field, s] of Object.entries(e.fields)) {
    lines.push(
      `${field.padEnd(9)} P ${pct(s.precision)} R ${pct(s.recall)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`,
    );
  }
  for (const [lang, byField] of Object.entries(e.languages)) {
    lines.push(
      `  ${lang}: ` +
        Object.entries(byField)
          .map(([f, s]) => `${f} P ${pct(s.precision)} R ${pct(s.recall)}`)
          .join(', '),
    );
  }
  return { name: 'extraction vs ad-board ground truth', lines };
}
