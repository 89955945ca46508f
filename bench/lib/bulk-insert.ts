// Bulk insertion for loading many synthetic rows fast: one INSERT … SELECT FROM unnest($1::type[],
// $2::type[], …) per table and chunk — one parameter per column whatever the number of rows, so
// no 65,535-parameter limit and one round trip per chunk. Column names and SQL types come from the
// tables' Drizzle definitions, so the loader follows the schema. Columns left out take defaults.
import { getTableColumns, getTableName, type Table } from 'drizzle-orm';
import type pg from 'pg';

/** Rows by column (Drizzle property name → values); JSON columns already serialised. */
export type ColumnRows = Record<string, (string | number | boolean | null)[]>;

export function emptyColumns(keys: readonly string[]): ColumnRows {
  return Object.fromEntries(keys.map((k) => [k, []]));
}

export function rowCount(rows: ColumnRows): number {
  const first = Object.values(rows)[0];
  return first ? first.length : 0;
}

/** Appends one row (object of property → value) to column-major rows. */
export function pushRow(rows: ColumnRows, row: Record<string, string | number | boolean | null>) {
  for (const [k, list] of Object.entries(rows)) list.push(row[k] ?? null);
}

export async function bulkInsert(
  client: pg.Pool | pg.PoolClient,
  table: Table,
  rows: ColumnRows,
): Promise<number> {
  const n = rowCount(rows);
  if (n === 0) return 0;
  const columns = getTableColumns(table);
  const names: string[] = [];
  const casts: string[] = [];
  const values: unknown[] = [];
  for (const [key, list] of Object.entries(rows)) {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    if (list.length !== n) throw new Error(`${getTableName(table)}.${key}: ${list.length} ≠ ${n}`);
    names.push(`"${column.name}"`);
    values.push(list);
    casts.push(`$${values.length}::${column.getSQLType()}[]`);
  }
  await client.query(
    `INSERT INTO "${getTableName(table)}" (${names.join(', ')}) SELECT * FROM unnest(${casts.join(', ')})`,
    values,
  );
  return n;
}
