import { describe, expect, it } from 'vitest';
import { suppressSharingTotals, suppressTable, type PublishedCell } from './suppression.js';

/** Can a hidden cell be worked out from a line that adds up? (one hidden cell, the rest shown) */
function derivable(rows: PublishedCell[][], lines: [number, number][][]): boolean {
  return lines.some(
    (line) => line.filter(([i, j]) => typeof rows[i]![j] === 'string').length === 1,
  );
}

describe('suppressTable', () => {
  it('shows 0 and 5 and up, hides 1 to 4 as "<5"', () => {
    const t = suppressTable([[0, 1, 2, 3, 4, 5, 120]], { rowTotals: false, columnTotals: false });
    expect(t.rows).toEqual([[0, '<5', '<5', '<5', '<5', 5, 120]]);
    expect(t.totals).toBeNull();
  });

  it('hides a second cell of a row that has a total, the smallest non-zero one', () => {
    const t = suppressTable([[3, 0, 40, 9, 7]], { rowTotals: true, columnTotals: false });
    // 3 is small; 7 is the smallest other non-zero: hidden so 3 = 59 - 0 - 40 - 9 - 7 fails.
    expect(t.rows).toEqual([['<5', 0, 40, 9, 'x', 59]]);
  });

  it('hides a second cell of a column that has a total', () => {
    const t = suppressTable([[2], [10], [6]], { rowTotals: false, columnTotals: true });
    expect(t.rows).toEqual([['<5'], [10], ['x']]);
    expect(t.totals).toEqual([18]);
  });

  it('hides the total when nothing else in the line could hide the small cell', () => {
    const t = suppressTable([[3, 0]], { rowTotals: true, columnTotals: false });
    expect(t.rows).toEqual([['<5', 0, '<5']]);
    const u = suppressTable([[0], [3], [0]], { rowTotals: false, columnTotals: true });
    expect(u.totals).toEqual(['<5']);
  });

  it('cascades across rows and columns until no hidden cell is alone in a line', () => {
    const body = [
      [2, 20, 30],
      [15, 25, 35],
      [40, 45, 50],
    ];
    const t = suppressTable(body, { rowTotals: true, columnTotals: true });
    const n = t.rows.length;
    const grid = [...t.rows, t.totals!];
    const lines: [number, number][][] = [];
    for (let i = 0; i <= n; i++) lines.push([0, 1, 2, 3].map((j) => [i, j] as [number, number]));
    for (let j = 0; j < 4; j++) lines.push([0, 1, 2, 3].map((i) => [i, j] as [number, number]));
    expect(grid[0]![0]).toBe('<5');
    expect(derivable(grid, lines)).toBe(false);
    // Only what needed hiding: the small cell and at most three more.
    expect(grid.flat().filter((c) => typeof c === 'string').length).toBeLessThanOrEqual(4);
    // Shown cells keep their true values.
    expect(grid[2]![2]).toBe(50);
    expect(t.totals![3]).toBe(262);
  });

  it('leaves a table without small cells as it is, with its totals', () => {
    const t = suppressTable(
      [
        [5, 6],
        [7, 0],
      ],
      { rowTotals: true, columnTotals: true },
    );
    expect(t.rows).toEqual([
      [5, 6, 11],
      [7, 0, 7],
    ]);
    expect(t.totals).toEqual([12, 6, 18]);
  });

  it('hides a column total asked for, and what that hiding then needs', () => {
    const t = suppressTable([[10], [20]], {
      rowTotals: false,
      columnTotals: true,
      hiddenColumnTotals: new Set([0]),
    });
    expect(t.totals).toEqual(['x']);
    // The total alone hidden gives itself away (10 + 20): a body cell goes too.
    expect(t.rows.flat().filter((c) => c === 'x')).toHaveLength(1);
  });

  it('refuses what is not a table of counts', () => {
    const opts = { rowTotals: true, columnTotals: true };
    expect(() => suppressTable([[1, -1]], opts)).toThrow(RangeError);
    expect(() => suppressTable([[1.5]], opts)).toThrow(RangeError);
    expect(() => suppressTable([[Number.NaN]], opts)).toThrow(RangeError);
    expect(() => suppressTable([[1, 2], [3]], opts)).toThrow(/same number/);
    expect(() => suppressTable([[10]], { ...opts, hiddenColumnTotals: new Set([3]) })).toThrow(
      RangeError,
    );
  });
});

describe('suppressSharingTotals', () => {
  it('hides a total in every table once one table hides it', () => {
    // By period: column 0 = 2 + 10 = 12, (2 small, 10 then hidden too); by region: 6 + 6.
    const byPeriod = [
      [2, 5],
      [10, 5],
    ];
    const byRegion = [
      [6, 5],
      [6, 5],
    ];
    const [p, r] = suppressSharingTotals([byPeriod, byRegion], 2);
    expect(p!.totals).toEqual([12, 10]);
    expect(r!.rows).toEqual([
      [6, 5],
      [6, 5],
    ]);
    const [q, s] = suppressSharingTotals([[[2], [1]], [[3]]], 1);
    // Total 3 is small: hidden in both.
    expect(q!.totals).toEqual(['<5']);
    expect(s!.totals).toEqual(['<5']);
    expect(s!.rows).toEqual([['<5']]);
  });

  it('keeps a shown total shown when only body cells had to go', () => {
    const [p, r] = suppressSharingTotals([[[3], [27]], [[30]]], 1);
    expect(p!.rows).toEqual([['<5'], ['x']]);
    expect(p!.totals).toEqual([30]);
    expect(r!.totals).toEqual([30]);
  });

  it('answers an empty table with zero totals', () => {
    const [t] = suppressSharingTotals([[]], 3);
    expect(t).toEqual({ rows: [], totals: [0, 0, 0] });
  });
});
