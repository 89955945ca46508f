// Quality of a clustering against ground truth: pairwise precision and recall (of all pairs of
// items put together, how many belong together, and of all pairs that belong together, how many
// were put together), computed from the contingency table without listing pairs.

export interface PairwiseScore {
  precision: number;
  recall: number;
  f1: number;
  predictedPairs: number;
  truePairs: number;
  correctPairs: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function pairwiseScore(
  predicted: Map<string, string>,
  truth: Map<string, string>,
): PairwiseScore {
  const cells = new Map<string, number>();
  const pred = new Map<string, number>();
  const gold = new Map<string, number>();
  for (const [item, p] of predicted) {
    const t = truth.get(item);
    if (t === undefined) continue;
    cells.set(`${p}\u0000${t}`, (cells.get(`${p}\u0000${t}`) ?? 0) + 1);
    pred.set(p, (pred.get(p) ?? 0) + 1);
    gold.set(t, (gold.get(t) ?? 0) + 1);
  }
  let correct = 0;
  for (const n of cells.values()) correct += pairs(n);
  let predictedPairs = 0;
  for (const n of pred.values()) predictedPairs += pairs(n);
  let truePairs = 0;
  for (const n of gold.values()) truePairs += pairs(n);
  const precision = predictedPairs === 0 ? 1 : correct / predictedPairs;
  const recall = truePairs === 0 ? 1 : correct / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predictedPairs, truePairs, correctPairs: correct };
}

/** Share of the first k ranked items that are relevant. */
export function precisionAtK(ranked: string[], relevant: Set<string>, k: number): number {
  const top = ranked.slice(0, k);
  if (top.length === 0) return 0;
  return top.filter((id) => relevant.has(id)).length / top.length;
}
