import { describe, expect, it } from 'vitest';
import { UnionFind } from './union-find.js';

describe('union-find', () => {
  it('groups transitively and independently of the order of unions', () => {
    const pairs: [string, string][] = [
      ['a', 'b'],
      ['c', 'd'],
      ['b', 'c'],
      ['e', 'f'],
    ];
    const sets = (order: [string, string][]) => {
      const uf = new UnionFind();
      for (const [x, y] of order) uf.union(x, y);
      uf.add('g');
      return [...uf.groups().values()].map((g) => [...g].sort().join('')).sort();
    };
    expect(sets(pairs)).toEqual(['abcd', 'ef', 'g']);
    expect(sets([...pairs].reverse())).toEqual(['abcd', 'ef', 'g']);
  });
  it('handles long chains without deep recursion', () => {
    const uf = new UnionFind();
    for (let i = 0; i < 200_000; i++) uf.union(`n${i}`, `n${i + 1}`);
    expect(uf.find('n0')).toBe(uf.find('n200000'));
  });
});
