// Small-cell suppression for what leaves the programme (funders, the ministry): a count from 1 to
// 4 could point at a person, so it is shown as "<5" (primary suppression); and since a hidden cell
// can be worked out by subtraction when it is the only hidden one in a line that adds up to a
// shown total, another cell of that line is hidden as well (secondary suppression), repeated until
// every line that adds up has no hidden cell or at least two. Zero is shown: it says nobody.

/** A published cell: the count, "<5" (too small to show), or "x" (hidden so "<5" cannot be derived). */
export type PublishedCell = number | '<5' | 'x';

export const SMALL_CELL_MAX = 4;

export interface SuppressOptions {
  /** Add a total per row (last column) and take part in suppression through it. */
  rowTotals: boolean;
  /** Add a total per column (last row). */
  columnTotals: boolean;
  /** Columns whose total must be hidden whatever its value (hidden in another table already). */
  hiddenColumnTotals?: ReadonlySet<number>;
}

export interface SuppressedTable {
  /** Body rows, each with its total last when rowTotals. */
  rows: PublishedCell[][];
  /** The column totals (and the grand total last when rowTotals), when columnTotals. */
  totals: PublishedCell[] | null;
}

type Mark = 'shown' | 'small' | 'secondary';

/** Suppresses a table of counts; refuses what is not a table of whole, non-negative counts. */
export function suppressTable(
  body: readonly (readonly number[])[],
  opts: SuppressOptions,
): SuppressedTable {
  const width = body[0]?.length ?? 0;
  for (const row of body) {
    if (row.length !== width) throw new RangeError('Every row needs the same number of cells.');
    for (const v of row) {
      if (!Number.isSafeInteger(v) || v < 0) {
        throw new RangeError(`A count is a whole number from 0: got ${v}.`);
      }
    }
  }
  // The full grid: body, a total column, a total row, as the options ask.
  const grid: number[][] = body.map((row) =>
    opts.rowTotals ? [...row, row.reduce((a, b) => a + b, 0)] : [...row],
  );
  const cols = width + (opts.rowTotals ? 1 : 0);
  if (opts.columnTotals) {
    grid.push(Array.from({ length: cols }, (_, j) => grid.reduce((a, row) => a + row[j]!, 0)));
  }
  const marks: Mark[][] = grid.map((row) =>
    row.map((v) => (v >= 1 && v <= SMALL_CELL_MAX ? 'small' : 'shown')),
  );
  if (opts.columnTotals) {
    const last = marks.length - 1;
    for (const j of opts.hiddenColumnTotals ?? []) {
      if (j < 0 || j >= width) throw new RangeError(`No column ${j} to hide the total of.`);
      if (marks[last]![j] === 'shown' && grid[last]![j]! > 0) marks[last]![j] = 'secondary';
    }
  }

  // Each line is a set of cells of which the last is the sum of the others.
  const lines: [number, number][][] = [];
  const bodyRows = body.length;
  if (opts.rowTotals) {
    for (let i = 0; i < grid.length; i++) {
      lines.push(Array.from({ length: cols }, (_, j) => [i, j] as [number, number]));
    }
  }
  if (opts.columnTotals) {
    for (let j = 0; j < cols; j++) {
      lines.push(Array.from({ length: bodyRows + 1 }, (_, i) => [i, j] as [number, number]));
    }
  }

  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      const hidden = line.filter(([i, j]) => marks[i]![j] !== 'shown');
      if (hidden.length !== 1) continue;
      // Hide the smallest other non-zero cell, a body cell before the line's total.
      const candidates = line
        .slice(0, -1)
        .filter(([i, j]) => marks[i]![j] === 'shown' && grid[i]![j]! > 0)
        .sort(([a, b], [c, d]) => grid[a]![b]! - grid[c]![d]!);
      const total = line[line.length - 1]!;
      const pick = candidates[0] ?? (marks[total[0]]![total[1]] === 'shown' ? total : undefined);
      if (!pick) continue;
      marks[pick[0]]![pick[1]] = 'secondary';
      changed = true;
    }
  }

  const publish = (i: number, j: number): PublishedCell =>
    marks[i]![j] === 'small' ? '<5' : marks[i]![j] === 'secondary' ? 'x' : grid[i]![j]!;
  const rows = grid.slice(0, bodyRows).map((row, i) => row.map((_, j) => publish(i, j)));
  const totals = opts.columnTotals ? grid[bodyRows]!.map((_, j) => publish(bodyRows, j)) : null;
  return { rows, totals };
}

/**
 * Several tables that share their column totals (the same funnel per period, per region, per
 * language): a total hidden in one is hidden in all, or one table would give away another's.
 */
export function suppressSharingTotals(
  tables: readonly (readonly (readonly number[])[])[],
  width: number,
): SuppressedTable[] {
  let hidden = new Set<number>();
  for (;;) {
    const out = tables.map((body) =>
      body.length === 0
        ? { rows: [], totals: Array<PublishedCell>(width).fill(0) }
        : suppressTable(body, { rowTotals: false, columnTotals: true, hiddenColumnTotals: hidden }),
    );
    const next = new Set(hidden);
    for (const t of out) t.totals!.forEach((c, j) => typeof c === 'string' && next.add(j));
    if (next.size === hidden.size) return out;
    hidden = next;
  }
}
