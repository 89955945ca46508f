// Importing ads collected elsewhere: JSON lines and CSV with documented columns, and WARC files
// made by other tools (read with a source's rules). Every row is validated on its own: a malformed
// row is reported with its line number and the good rows are kept. Imported WARC records are kept
// as captures like crawled ones: sealed in the blob store, their digests those of the original.
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { WARCParser } from 'warcio';
import { z } from 'zod';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { recordAdObservation, type AdObservation } from './ads.js';
import { sealCapture } from './captures.js';
import { decodePage, parseAdPage } from './parse-page.js';
import { ImportedAd } from '../contracts/import-columns.js';
import { captures } from './schema.js';
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

function toObservation(
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

async function* once(data: Uint8Array): AsyncGenerator<Uint8Array> {
  yield data;
}

/**
 * Reads a WARC file made by another tool: each HTML response record is stored as a capture (its
 * original bytes, untouched) and read as an ad with the source's field rules.
 */
export async function importWarc(
  db: Db,
  blobs: BlobStore,
  keys: AtRestKeys,
  actor: Actor,
  source: SourceRow,
  data: Buffer,
): Promise<ImportReport> {
  const report = emptyReport();
  const parser = new WARCParser(once(data));
  let index = 0;
  try {
    for await (const record of parser) {
      index++;
      if (record.warcType !== 'response') continue;
      const url = record.warcTargetURI ?? '';
      const offset = parser.offset;
      const payload = Buffer.from(await record.readFully(true));
      const length = parser.recordLength;
      const contentType = record.httpHeaders?.headers.get('content-type') ?? '';
      const status = Number(record.httpHeaders?.statusCode ?? 0);
      if (!/html/i.test(contentType) || status < 200 || status >= 300) continue;
      report.rows++;
      const original = data.subarray(offset, offset + length);
      // A random name: a name made of the record's hash would be an unkeyed hash of ad text.
      const sealed = sealCapture(keys.fieldKeys, original);
      const stored = await blobs.put(
        `imports/${source.name}/${randomUUID()}.warc${data[0] === 0x1f ? '.gz' : ''}`,
        sealed.data,
        { contentType: 'application/octet-stream' },
      );
      const [capture] = await db
        .insert(captures)
        .values({
          sourceId: source.id,
          runId: null,
          kind: 'import',
          url,
          fetchedAt: new Date(record.warcDate ?? Date.now()),
          status,
          contentType,
          payloadSha256: createHash('sha256').update(payload).digest('hex'),
          recordKey: stored.key,
          recordSha256: createHash('sha256').update(original).digest('hex'),
          recordSize: original.length,
          warcRecordId: record.warcHeader('WARC-Record-ID') ?? '',
          dataKeyEnc: sealed.dataKeyEnc,
        })
        .returning({ id: captures.id });
      const { html } = decodePage(payload, contentType);
      const ad = parseAdPage(html, url, source.definition);
      if (!ad.fields.body) {
        report.errors.push({
          line: index,
          message: `record ${index} (${url}): ${ad.errors.join('; ') || 'no ad body'}`,
        });
        continue;
      }
      const f = ad.fields;
      const row = ImportedAd.safeParse({
        url,
        ...(f.externalId ? { external_id: f.externalId } : {}),
        ...(f.title ? { title: f.title } : {}),
        body: f.body,
        ...(f.city ? { city: f.city } : {}),
        ...(f.displayName ? { display_name: f.displayName } : {}),
        ...(f.phone ? { phone: f.phone } : {}),
        ...(f.age ? { age: f.age } : {}),
        ...(f.price ? { price: f.price } : {}),
        ...(record.warcDate ? { seen_at: new Date(record.warcDate).toISOString() } : {}),
      });
      if (!row.success) {
        report.errors.push({
          line: index,
          message: `record ${index} (${url}): ${describe(row.error)}`,
        });
        continue;
      }
      const result = await recordAdObservation(
        db,
        keys,
        toObservation(source, row.data, capture!.id),
      );
      report.imported[result.outcome]++;
    }
  } catch (err) {
    report.errors.push({
      line: index + 1,
      message: `the WARC file cannot be read past record ${index}: ${(err as Error).message}`,
    });
  }
  await audit(db, actor, source, 'warc', report);
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
