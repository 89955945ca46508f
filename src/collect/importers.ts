// Importing ads collected elsewhere: JSON lines and CSV with documented columns (web archives are
// archive-import.ts). Every row is validated on its own: a malformed row is reported with its line
// number and the good rows are kept.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { recordAdObservation, type AdObservation } from './ads.js';
import { ImportedAd } from '../contracts/import-columns.js';
import type { SourceRow } from './sources.js';

export { IMPORT_COLUMNS, ImportedAd } from '../contracts/import-columns.js';

export interface ImportReport {
  rows: number;
  imported: { new: number; changed: number; unchanged: number };
  errors: { line: number; message: string }[];
}

function emptyReport(): ImportReport {
  return { rows: 0, imported: { new: 0, changed: 0, unchanged: 0 }, errors: [] };
}

export function toObservation(
  source: SourceRow,
  row: ImportedAd,
  captureId: string | null,
): AdObservation {
  const seenAt = row.seen_at ? new Date(row.seen_at) : new Date();
  const u = new URL(row.url);
  return {
    sourceId: source.id,
    externalId: row.external_id ?? `${u.pathname}${u.search}`,
    url: row.url,
    seenAt,
    content: {
      title: row.title ?? null,
      body: row.body,
      postedRaw: row.posted_at ?? null,
      city: row.city ?? null,
      displayName: row.display_name ?? null,
      phoneRaw: row.phone ?? null,
      ageRaw: row.age ?? null,
      priceRaw: row.price ?? null,
      imageHashes: [],
    },
    postedAt: row.posted_at ? new Date(row.posted_at) : null,
    images: [],
    captureId,
    parseErrors: [],
    fillRatio: null,
  };
}

const describe = (e: z.ZodError) =>
  e.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');

async function importRows(
  db: Db,
  keys: AtRestKeys,
  source: SourceRow,
  rows: { line: number; value: unknown }[],
  report: ImportReport,
) {
  for (const { line, value } of rows) {
    report.rows++;
    const parsed = ImportedAd.safeParse(value);
    if (!parsed.success) {
      report.errors.push({ line, message: describe(parsed.error) });
      continue;
    }
    const result = await recordAdObservation(db, keys, toObservation(source, parsed.data, null));
    report.imported[result.outcome]++;
  }
}

export async function importJsonLines(
  db: Db,
  keys: AtRestKeys,
  actor: Actor,
  source: SourceRow,
  text: string,
): Promise<ImportReport> {
  const report = emptyReport();
  const rows: { line: number; value: unknown }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    try {
      rows.push({ line: i + 1, value: JSON.parse(raw) });
    } catch (err) {
      report.rows++;
      report.errors.push({ line: i + 1, message: `not valid JSON: ${(err as Error).message}` });
    }
  });
  await importRows(db, keys, source, rows, report);
  await audit(db, actor, source, 'jsonl', report);
  return report;
}

export async function importCsv(
  db: Db,
  keys: AtRestKeys,
  actor: Actor,
  source: SourceRow,
  text: string,
): Promise<ImportReport> {
  const report = emptyReport();
  const records = parseCsv<{ record: Record<string, string>; info: { lines: number } }>(text, {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
    skip_empty_lines: true,
    bom: true,
    relax_quotes: false,
    skip_records_with_error: true,
    info: true,
    on_skip: (err) => {
      report.rows++;
      report.errors.push({
        line: Number(err?.lines ?? 0),
        message: err?.message ?? 'unreadable row',
      });
      return undefined;
    },
  });
  const rows = records.map(({ record, info }) => ({
    line: info.lines,
    // CSV has no null: an empty cell means the column is absent.
    value: Object.fromEntries(Object.entries(record).filter(([, v]) => v !== '')),
  }));
  await importRows(db, keys, source, rows, report);
  await audit(db, actor, source, 'csv', report);
  return report;
}

async function audit(
  db: Db,
  actor: Actor,
  source: SourceRow,
  format: string,
  report: ImportReport,
) {
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'ads.import',
    targetType: 'source',
    targetId: source.id,
    details: { format, rows: report.rows, imported: report.imported, errors: report.errors.length },
  });
}
