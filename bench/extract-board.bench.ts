// Extraction measured against the synthetic ad board's ground truth (not hand-picked cases): every
// version of every ad in a generated world is a case for phones (E.164, with the disguises the
// board used), WhatsApp contacts, the stated age, the city and the ad's language
// (fixtures/ad-board/extract-corpus.ts says what each expects). Prints precision and recall per
// field and per language, and how many ad versions are extracted per second.
import { boardCorpus, evaluateBoard } from '../fixtures/ad-board/extract-corpus.js';
import type { BenchResult } from './run.js';

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

export async function extractBoardBench(): Promise<BenchResult> {
  const corpus = boardCorpus({ seed: 'extract-bench', ads: 2000 });
  const versions = new Set(corpus.map((c) => c.id.slice(0, c.id.lastIndexOf('.')))).size;
  const t0 = performance.now();
  const e = evaluateBoard(corpus);
  const seconds = (performance.now() - t0) / 1000;
  const lines = [
    `${corpus.length} cases from ${versions} ad versions of the ad board (seed extract-bench), ${(versions / seconds).toFixed(0)} versions/s`,
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
