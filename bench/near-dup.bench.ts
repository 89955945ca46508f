// Near-duplicate text (src/link/minhash.ts, template-text.ts) on the synthetic ad board: how fast ad
// texts become MinHash signatures and LSH buckets (reference: InfoShield's ~140 ads/s, as quoted in
// the issue), how long one ad's candidate lookup takes in the in-memory LSH index (reference: an
// exact Jaccard scan over all ads), and how well templates as the store assigns them (centroid
// clusters, src/link/template-clusters.ts) find the board's templates (ads of one operator share
// templates; independents write their own), beside near-duplicate pairs and those pairs joined
// transitively, which chains.
// BENCH_NEAR_DUP_ADS sets the ads online on day 0 (default 62,500, about 100k ads in all).
import { availableParallelism, loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { generateWorld } from '../fixtures/ad-board/index.js';
import {
  LshIndex,
  NEAR_DUP_THRESHOLD,
  estimateJaccard,
  exactJaccard,
  lshBuckets,
  minhashSignature,
  shingles,
} from '../src/link/minhash.js';
import { TEMPLATE_THRESHOLD, TemplateClusterer } from '../src/link/template-clusters.js';
import { templateTokens } from '../src/link/template-text.js';
import { UnionFind } from '../src/link/union-find.js';
import type { BenchResult } from './run.js';

/** InfoShield (Lee et al., KDD 2021) as quoted in the issue: about 140 ads per second. */
const INFOSHIELD_ADS_PER_SECOND = 140;

/** One ad's text for near-duplicate detection, with the board's truth: its template. */
export interface NearDupCase {
  id: string;
  text: string;
  /** What the store masks: the display name and the city as written. */
  names: string[];
  template: string;
}

/** The first version of every ad of a generated world. */
export function boardNearDupCases(opts: {
  seed: string;
  ads: number;
  days?: number;
}): NearDupCase[] {
  const world = generateWorld({ seed: opts.seed, ads: opts.ads, days: opts.days ?? 14 });
  return world.ads.flatMap((ad) => {
    const v = ad.versions[0];
    if (!v) return [];
    return [
      {
        id: ad.id,
        text: `${v.title}\n${v.body}`,
        names: [v.displayName, v.cityAsWritten],
        template: v.templateId,
      },
    ];
  });
}

export function caseSignature(c: NearDupCase): Int32Array {
  return minhashSignature(shingles(templateTokens(c.text, { names: c.names })));
}

export interface PrecisionRecall {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface NearDupQuality {
  /** Pairs of ads: predicted = shares an LSH bucket and estimated Jaccard ≥ threshold. */
  pairs: PrecisionRecall;
  /** Pairs of ads in one template as the store assigns them (centroid clusters, template-clusters.ts). */
  templates: PrecisionRecall;
  /** Pairs of ads in one template once predicted pairs are joined transitively (what chains). */
  transitive: PrecisionRecall;
  /** Templates found (with at least two ads), and ads placed per second by the clustering alone. */
  templateCount: number;
  clusterAdsPerSecond: number;
  /** Mean LSH candidates per ad (ads added before it). */
  candidatesPerAd: number;
}

const pairsIn = (n: number) => (n * (n - 1)) / 2;

function score(tp: number, predicted: number, truth: number): PrecisionRecall {
  return {
    tp,
    fp: predicted - tp,
    fn: truth - tp,
    precision: predicted ? tp / predicted : 1,
    recall: truth ? tp / truth : 1,
  };
}

/** Pairs of items sharing a key. */
function pairsOf<K>(keys: K[]): number {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.values()].reduce((s, n) => s + pairsIn(n), 0);
}

/** Precision and recall of a grouping of the cases (one key per case) against their templates. */
function groupingScore(cases: NearDupCase[], groupOf: string[]): PrecisionRecall {
  return score(
    pairsOf(cases.map((c, i) => `${groupOf[i]}\u0000${c.template}`)),
    pairsOf(groupOf),
    pairsOf(cases.map((c) => c.template)),
  );
}

/**
 * Precision and recall of near-duplicate pairs (at `threshold`), of templates as the store assigns
 * them (at `templateThreshold`), and of pairs joined transitively, against the cases' templates.
 */
export function evaluateNearDup(
  cases: NearDupCase[],
  signatures: ArrayLike<number>[],
  threshold = NEAR_DUP_THRESHOLD,
  templateThreshold = TEMPLATE_THRESHOLD,
): NearDupQuality {
  const index = new LshIndex<number>();
  const uf = new UnionFind();
  let tp = 0;
  let predicted = 0;
  let candidates = 0;
  cases.forEach((c, i) => {
    const sig = signatures[i] ?? [];
    uf.add(String(i));
    for (const j of index.candidates(sig)) {
      candidates++;
      if (estimateJaccard(sig, signatures[j] ?? []) < threshold) continue;
      predicted++;
      if (cases[j]?.template === c.template) tp++;
      uf.union(String(i), String(j));
    }
    index.add(i, sig);
  });
  const t0 = performance.now();
  const clusters = new TemplateClusterer<number>(templateThreshold);
  cases.forEach((_, i) => clusters.add(i, signatures[i] ?? []));
  const clusterMs = performance.now() - t0;
  const truth = pairsOf(cases.map((c) => c.template));
  return {
    pairs: score(tp, predicted, truth),
    templates: groupingScore(
      cases,
      cases.map((_, i) => {
        const t = clusters.templateOf(i);
        return t === null ? `ad:${i}` : `t:${t}`;
      }),
    ),
    transitive: groupingScore(
      cases,
      cases.map((_, i) => uf.find(String(i))),
    ),
    templateCount: clusters.templates.length,
    clusterAdsPerSecond: cases.length / (clusterMs / 1000),
    candidatesPerAd: candidates / Math.max(1, cases.length),
  };
}

const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
const pr = (s: PrecisionRecall) =>
  `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;

export async function nearDupBench(): Promise<BenchResult> {
  const lines: string[] = [];
  // ~100k ads by default: 62,500 online on day 0 plus those posted over the next days.
  const online = Number(process.env.BENCH_NEAR_DUP_ADS ?? 62_500);
  const cases = boardNearDupCases({ seed: 'near-dup-bench', ads: online });
  const n = cases.length;
  const templates = new Set(cases.map((c) => c.template)).size;
  lines.push(
    `${fmt(n)} ads (first versions) of the ad board, ${fmt(templates)} templates; load average ${fmt(loadavg()[0] ?? 0)} on ${availableParallelism()} CPUs`,
  );

  // 1. Text → tokens → shingles → signature → buckets.
  const t0 = performance.now();
  const tokens = cases.map((c) => templateTokens(c.text, { names: c.names }));
  const t1 = performance.now();
  const sets = tokens.map((t) => shingles(t));
  const t2 = performance.now();
  const sigs = sets.map((s) => minhashSignature(s));
  const t3 = performance.now();
  let bucketCount = 0;
  for (const s of sigs) bucketCount += lshBuckets(s).length;
  const t4 = performance.now();
  const perSecond = (ms: number) => n / (ms / 1000);
  const total = perSecond(t4 - t0);
  lines.push(
    `signatures: ${fmt(total)} ads/s end to end (tokens ${fmt(perSecond(t1 - t0))}/s, shingles ${fmt(perSecond(t2 - t1))}/s, MinHash ×128 ${fmt(perSecond(t3 - t2))}/s, ${bucketCount / n} buckets ${fmt(perSecond(t4 - t3))}/s); mean ${fmt(sets.reduce((s, x) => s + x.length, 0) / n)} shingles per ad`,
  );
  lines.push(
    `  vs InfoShield ~${INFOSHIELD_ADS_PER_SECOND} ads/s (reference, as quoted in the issue): ratio ${fmt(total / INFOSHIELD_ADS_PER_SECOND)}`,
  );

  // 2. In-memory index: build, then one candidate lookup (with estimate filter) per ad.
  const index = new LshIndex<number>();
  const b0 = performance.now();
  sigs.forEach((s, i) => index.add(i, s));
  const b1 = performance.now();
  let candidates = 0;
  let near = 0;
  for (let i = 0; i < n; i++) {
    const sig = sigs[i] ?? [];
    for (const j of index.candidates(sig)) {
      if (j === i) continue;
      candidates++;
      if (estimateJaccard(sig, sigs[j] ?? []) >= NEAR_DUP_THRESHOLD) near++;
    }
  }
  const b2 = performance.now();
  const lookupUs = ((b2 - b1) * 1000) / n;
  lines.push(
    `LSH index of ${fmt(n)} ads built in ${fmt(b1 - b0)} ms; lookup + estimate filter ${fmt(lookupUs)} µs per ad (${fmt(candidates / n)} candidates, ${fmt(near / n)} near-duplicates ≥ ${NEAR_DUP_THRESHOLD} per ad)`,
  );

  // Reference: an exact Jaccard scan of one ad against every other, timed on a sample.
  const sample = 300;
  const e0 = performance.now();
  for (let i = 0; i < sample; i++) {
    const a = sets[i] ?? new Uint32Array(0);
    for (let j = 0; j < n; j += 10) exactJaccard(a, sets[j] ?? new Uint32Array(0));
  }
  const e1 = performance.now();
  const scanUs = (((e1 - e0) * 1000) / (sample * Math.ceil(n / 10))) * n;
  lines.push(
    `  vs exact Jaccard scan of all ${fmt(n)} ads: ${fmt(scanUs)} µs per ad (reference, timed on a sample); ratio ${fmt(scanUs / lookupUs)}`,
  );

  // 3. Quality against the board's templates.
  const q = evaluateNearDup(cases, sigs);
  lines.push(
    `templates (centroid clusters at ${TEMPLATE_THRESHOLD}, as the store assigns them): ${pr(q.templates)}; ${fmt(q.templateCount)} templates, clustering ${fmt(q.clusterAdsPerSecond)} ads/s; with the signatures ${fmt(1 / (1 / total + 1 / q.clusterAdsPerSecond))} ads/s`,
  );
  lines.push(`  pairs at ${NEAR_DUP_THRESHOLD}: ${pr(q.pairs)}`);
  lines.push(
    `  for comparison, those pairs joined transitively (what chains): ${pr(q.transitive)}`,
  );
  return { name: 'near-duplicate text (MinHash/LSH) on the ad board', lines };
}

// `npx tsx bench/near-dup.bench.ts` runs this one alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await nearDupBench();
  console.log(`\n== ${result.name}`);
  for (const line of result.lines) console.log(`  ${line}`);
}
