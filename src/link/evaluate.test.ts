import { describe, expect, it } from 'vitest';
import { pairwiseScore, precisionAtK } from './evaluate.js';

const m = (o: Record<string, string>) => new Map(Object.entries(o));

describe('pairwise precision and recall', () => {
  it('is perfect for the same partition under other names', () => {
    const s = pairwiseScore(m({ a: 'x', b: 'x', c: 'y' }), m({ a: '1', b: '1', c: '2' }));
    expect(s).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
  it('counts a wrong merge against precision and a missed join against recall', () => {
    const merged = pairwiseScore(m({ a: 'x', b: 'x', c: 'x' }), m({ a: '1', b: '1', c: '2' }));
    expect(merged.precision).toBeCloseTo(1 / 3);
    expect(merged.recall).toBe(1);
    const split = pairwiseScore(m({ a: 'x', b: 'y', c: 'z' }), m({ a: '1', b: '1', c: '2' }));
    expect(split.precision).toBe(1);
    expect(split.recall).toBe(0);
  });
  it('ranks by precision at k', () => {
    expect(precisionAtK(['a', 'b', 'c', 'd'], new Set(['a', 'c']), 2)).toBe(0.5);
    expect(precisionAtK([], new Set(['a']), 5)).toBe(0);
  });
});
