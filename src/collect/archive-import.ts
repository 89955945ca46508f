// Importing web archives made by other tools (WARC and ARC, plain or gzipped, as wget, Webrecorder,
// pywb, Heritrix or a browser extension wrote them): each whole HTML page becomes a capture (its
// original record, sealed in the blob store) and is read as an ad with the source's field rules.
// Evidence must be whole: a record is kept only when it is complete and matches its declared
// length and every digest it carries; anything else is reported with its record number and byte
// offset. The import is gathered and decided first, then written all at once (blobs, then one
// transaction), so a cancelled or failed import leaves nothing behind.
import { createHash, randomUUID } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { brotliDecompressSync, gunzipSync, inflateSync, gzipSync } from 'node:zlib';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { ImportedAd } from '../contracts/import-columns.js';
import { recordAdObservation } from './ads.js';
import {
  MAX_INFLATED_BYTES,
  NotAnArchiveError,
  checkRecordDigests,
  httpMessageOf,
  readArchive,
  sniffArchive,
  type ArchiveKind,
  type ArchiveProblem,
  type ArchiveRecord,
  type HttpMessage,
} from './archive-reader.js';
import { sealCapture } from './captures.js';
import { toObservation } from './importers.js';
import { decodePage, parseAdPage } from './parse-page.js';
import { captures } from './schema.js';
import type { SourceRow } from './sources.js';
import { checkDigest, type DigestCheck } from './warc-digest.js';

/** The record types every report counts, even at zero. */
export const RECORD_TYPES = [
  'warcinfo',
  'request',
  'response',
  'revisit',
  'resource',
  'metadata',
] as const;

export interface ArchiveImportReport {
  format: 'warc' | 'arc';
  gzip: boolean;
  bytes: number;
  /** Records read whole, by type (other types under their own name). */
  records: Record<string, number>;
  /** Captures kept (all of them, or none when the import was cancelled). */
  kept: number;
  ads: { new: number; changed: number; unchanged: number };
  /** Whole records not kept as captures, by reason. */
  skipped: { reason: string; count: number }[];
  /** Damaged, incomplete or altered records and bytes, in file order. */
  problems: ArchiveProblem[];
  /** Captures kept whose page the source's field rules could not read as an ad. */
  notAds: { record: number; offset: number; url: string; reason: string }[];
  cancelled: boolean;
}

export interface ImportArchiveOptions {
  signal?: AbortSignal;
  /** Called as records are read and as captures are stored. */
  onProgress?: (p: { phase: 'reading' | 'storing'; done: number }) => void;
}

/** A page to keep: everything decided, nothing written yet. */
interface Keep {
  record: ArchiveRecord;
  url: string;
  date: Date | null;
  status: number;
  contentType: string;
  payload: Buffer;
  /** The records that make the evidence (a revisit carries the record it revisits). */
  parts: ArchiveRecord[];
}

const describeCheck = (what: string, c: DigestCheck) =>
  c.state === 'mismatch'
    ? `${what} (${c.algorithm}, ${c.encoding}) does not match: the record is damaged or was changed`
    : c.state === 'unreadable'
      ? `${what} cannot be checked: ${c.reason}`
      : '';

function offsetText(p: { offset: number; within: number | null }): string {
  return p.within === null
    ? `byte ${p.offset}`
    : `byte ${p.within} of the gzip member at byte ${p.offset}`;
}

/** Human text of one problem: its record and where it is. */
export function describeProblem(p: ArchiveProblem): string {
  return `${p.record === null ? 'between records' : `record ${p.record}`} at ${offsetText(p)}: ${p.reason}`;
}

function contentDecoded(payload: Buffer, encoding: string | undefined): Buffer | string {
  const e = (encoding ?? '').trim().toLowerCase();
  const limit = { maxOutputLength: MAX_INFLATED_BYTES };
  try {
    if (e === '' || e === 'identity') return payload;
    if (e === 'gzip' || e === 'x-gzip') return gunzipSync(payload, limit);
    if (e === 'deflate') return inflateSync(payload, limit);
    if (e === 'br') return brotliDecompressSync(payload, limit);
  } catch (err) {
    return `its ${e}-encoded body cannot be decoded (${(err as Error).message})`;
  }
  return `its body is in an encoding we cannot read (${e})`;
}

/** The report of an archive import as the command prints it. */
export function formatArchiveReport(file: string, r: ArchiveImportReport): string[] {
  const byType = Object.entries(r.records)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  const total = Object.values(r.records).reduce((a, b) => a + b, 0);
  const lines = [
    `${file}: ${r.format.toUpperCase()}${r.gzip ? ', gzipped' : ''}, ${r.bytes} bytes`,
    `  records read whole: ${total} (${byType})`,
  ];
  if (r.cancelled) {
    lines.push('  cancelled: nothing of this import was kept (no capture, no ad).');
  } else {
    lines.push(
      `  captures kept: ${r.kept}; ads ${r.ads.new} new, ${r.ads.changed} changed, ${r.ads.unchanged} unchanged`,
    );
  }
  for (const s of r.skipped) lines.push(`  skipped ${s.count}: ${s.reason}`);
  for (const n of r.notAds)
    lines.push(
      `  capture of record ${n.record} (${n.url}) kept, but no ad read from it: ${n.reason}`,
    );
  lines.push(
    `  problems: ${r.problems.length}${r.problems.length ? ' (these records are not kept)' : ''}`,
  );
  for (const p of r.problems) lines.push(`    ${describeProblem(p)}`);
  return lines;
}

const isHtml = (contentType: string) => /html/i.test(contentType);

/**
 * Reads an archive made by another tool into a source. Throws AppError 'unsupported_media_type'
 * when the file is neither WARC nor ARC; anything else wrong inside is in the report.
 */
export async function importWarc(
  db: Db,
  blobs: BlobStore,
  keys: AtRestKeys,
  actor: Actor,
  source: SourceRow,
  data: Buffer,
  options: ImportArchiveOptions = {},
): Promise<ArchiveImportReport> {
  const { signal } = options;
  let kind: ArchiveKind;
  try {
    kind = sniffArchive(data);
  } catch (err) {
    if (!(err instanceof NotAnArchiveError)) throw err;
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'ads.import',
      targetType: 'source',
      targetId: source.id,
      details: { format: 'warc', bytes: data.length, refused: err.message },
    });
    throw new AppError('unsupported_media_type', `The file is ${err.message}.`);
  }
  const report: ArchiveImportReport = {
    format: kind.format,
    gzip: kind.gzip,
    bytes: data.length,
    records: Object.fromEntries(RECORD_TYPES.map((t) => [t, 0])),
    kept: 0,
    ads: { new: 0, changed: 0, unchanged: 0 },
    skipped: [],
    problems: [],
    notAds: [],
    cancelled: false,
  };
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  const problem = (r: ArchiveRecord, reason: string) =>
    report.problems.push({ record: r.number, offset: r.offset, within: r.within, reason });
  const written: string[] = [];
  try {
    // Gather and decide: read every record, keep what is whole.
    const keep: Keep[] = [];
    const revisits: ArchiveRecord[] = [];
    const responses = {
      byId: new Map<string, ArchiveRecord>(),
      byUrl: new Map<string, ArchiveRecord[]>(),
    };
    let steps = 0;
    for (const event of readArchive(data, kind)) {
      // The reader is synchronous; between records the loop lets a signal or a timer in.
      if (++steps % 16 === 0) {
        await yieldToLoop();
        signal?.throwIfAborted();
        options.onProgress?.({ phase: 'reading', done: steps });
      }
      if (event.kind === 'problem') {
        report.problems.push(event.problem);
        continue;
      }
      const r = event.record;
      report.records[r.type] = (report.records[r.type] ?? 0) + 1;
      const digests = checkRecordDigests(r);
      const bad = [
        describeCheck('its WARC-Block-Digest', digests.block),
        describeCheck('its WARC-Payload-Digest', digests.payload),
      ].filter(Boolean);
      if (bad.length) {
        problem(r, `${bad.join('; ')}; not kept`);
        continue;
      }
      if (r.headers.has('warc-segment-number')) {
        // One part of a record split over several: alone it is not the whole page.
        skip('segmented record (parts are not joined)');
        continue;
      }
      if (r.type === 'revisit') {
        revisits.push(r);
        continue;
      }
      if (r.type === 'resource') {
        const contentType = r.headers.get('content-type') ?? '';
        if (!isHtml(contentType) || !r.targetUri) {
          skip('resource that is not an HTML page');
          continue;
        }
        if (!r.date) {
          problem(r, 'it has no readable WARC-Date; not kept');
          continue;
        }
        // A resource record is the document itself, with no HTTP answer around it: kept as a 200.
        keep.push({
          record: r,
          url: r.targetUri,
          date: r.date,
          status: 200,
          contentType,
          payload: r.block,
          parts: [r],
        });
        continue;
      }
      if (r.type !== 'response') {
        skip(`${r.type} record (not a page)`);
        continue;
      }
      const http = httpMessageOf(r.block);
      if (!http || http.status === null) {
        skip('response record without an HTTP answer (dns, whois…)');
        continue;
      }
      if (r.recordId) responses.byId.set(r.recordId, r);
      if (r.targetUri) {
        const same = responses.byUrl.get(r.targetUri);
        if (same) same.push(r);
        else responses.byUrl.set(r.targetUri, [r]);
      }
      const page = pageOf(r, http);
      if (typeof page === 'string') {
        if (page.startsWith('!')) problem(r, `${page.slice(1)}; not kept`);
        else skip(page);
        continue;
      }
      keep.push({ ...page, parts: [r] });
    }
    for (const v of revisits) {
      const target =
        (v.headers.get('warc-refers-to') && responses.byId.get(v.headers.get('warc-refers-to')!)) ||
        findRevisited(v, responses.byUrl);
      if (!target) {
        skip('revisit of a record not in this file, or not whole');
        continue;
      }
      const http = httpMessageOf(target.block)!;
      const check = checkDigest(
        v.headers.get('warc-payload-digest'),
        http.body,
        ...(http.payload ? [http.payload] : []),
      );
      if (check.state === 'mismatch' || check.state === 'unreadable') {
        problem(
          v,
          `${describeCheck('its WARC-Payload-Digest', check)} (against record ${target.number}); not kept`,
        );
        continue;
      }
      const page = pageOf(target, http);
      if (typeof page === 'string') {
        skip(`revisit of a record not kept (${page.replace(/^!/, '')})`);
        continue;
      }
      const revisitStatus = httpMessageOf(v.block)?.status;
      keep.push({
        ...page,
        record: v,
        date: v.date ?? page.date,
        status:
          revisitStatus && revisitStatus >= 200 && revisitStatus < 300
            ? revisitStatus
            : page.status,
        parts: [v, target],
      });
    }
    report.skipped = [...skipped].map(([reason, count]) => ({ reason, count }));
    keep.sort((a, b) => a.record.number - b.record.number);

    // Store: blobs first (each under a new random name), then every row in one transaction.
    const stored: { keep: Keep; key: string; bytes: Buffer; dataKeyEnc: string }[] = [];
    for (const k of keep) {
      signal?.throwIfAborted();
      // The record's own gzip member when it had one; otherwise its exact bytes as a new member,
      // so that an export of the captures is one valid .warc.gz.
      const bytes = Buffer.concat(k.parts.map((p) => p.member ?? gzipSync(p.bytes)));
      const sealed = sealCapture(keys.fieldKeys, bytes);
      // A random name: a name made of the record's hash would be an unkeyed hash of ad text.
      const key = `imports/${source.name}/${randomUUID()}.${kind.format}.gz`;
      written.push(key);
      await blobs.put(key, sealed.data, { contentType: 'application/octet-stream' });
      stored.push({ keep: k, key, bytes, dataKeyEnc: sealed.dataKeyEnc });
      options.onProgress?.({ phase: 'storing', done: stored.length });
    }
    const ads = { new: 0, changed: 0, unchanged: 0 };
    const notAds: ArchiveImportReport['notAds'] = [];
    await db.transaction(async (tx) => {
      for (const s of stored) {
        signal?.throwIfAborted();
        const { keep: k } = s;
        const [capture] = await tx
          .insert(captures)
          .values({
            sourceId: source.id,
            runId: null,
            kind: 'import',
            url: k.url,
            fetchedAt: k.date!,
            status: k.status,
            contentType: k.contentType,
            payloadSha256: createHash('sha256').update(k.payload).digest('hex'),
            recordKey: s.key,
            recordSha256: createHash('sha256').update(s.bytes).digest('hex'),
            recordSize: s.bytes.length,
            warcRecordId: k.record.recordId ?? '',
            dataKeyEnc: s.dataKeyEnc,
          })
          .returning({ id: captures.id });
        const ad = adRowOf(k, source);
        if (typeof ad === 'string') {
          notAds.push({ record: k.record.number, offset: k.record.offset, url: k.url, reason: ad });
          continue;
        }
        const result = await recordAdObservation(tx, keys, toObservation(source, ad, capture!.id));
        ads[result.outcome]++;
      }
      signal?.throwIfAborted();
    });
    report.kept = stored.length;
    report.ads = ads;
    report.notAds = notAds;
  } catch (err) {
    // Nothing of a failed or cancelled import stays: its rows rolled back, its blobs go too.
    for (const key of written) await blobs.delete(key).catch(() => undefined);
    if (!signal?.aborted) throw err;
    report.cancelled = true;
    report.kept = 0;
    report.ads = { new: 0, changed: 0, unchanged: 0 };
    report.notAds = [];
  }
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'ads.import',
    targetType: 'source',
    targetId: source.id,
    details: {
      format: report.format,
      gzip: report.gzip,
      bytes: report.bytes,
      records: report.records,
      kept: report.kept,
      imported: report.ads,
      skipped: report.skipped.reduce((n, s) => n + s.count, 0),
      problems: report.problems.length,
      cancelled: report.cancelled,
    },
  });
  return report;
}

/** An HTML page in a response, or why not ("!" first: a problem with the file, not a choice). */
function pageOf(r: ArchiveRecord, http: HttpMessage): Omit<Keep, 'parts'> | string {
  const status = http.status ?? 0;
  if (status < 200 || status >= 300) return `answer with HTTP status ${status}`;
  const contentType = http.headers.get('content-type') ?? '';
  if (!isHtml(contentType)) return 'not an HTML page';
  if (!r.targetUri) return '!it names no WARC-Target-URI';
  if (!r.date) return '!it has no readable WARC-Date';
  if (!http.payload) return '!its chunked body does not decode (bad chunking)';
  return { record: r, url: r.targetUri, date: r.date, status, contentType, payload: http.payload };
}

/** A revisit without WARC-Refers-To: the earlier answer for its URL (and date, when it names one). */
function findRevisited(
  v: ArchiveRecord,
  byUrl: Map<string, ArchiveRecord[]>,
): ArchiveRecord | undefined {
  const url = v.headers.get('warc-refers-to-target-uri') ?? v.targetUri;
  const candidates = url ? (byUrl.get(url) ?? []) : [];
  const date = v.headers.get('warc-refers-to-date');
  if (date) {
    const at = new Date(date).getTime();
    const same = candidates.find((c) => c.date?.getTime() === at);
    if (same) return same;
  }
  const digest = v.headers.get('warc-payload-digest');
  return candidates.find((c) => {
    const http = httpMessageOf(c.block);
    return (
      http &&
      checkDigest(digest, http.body, ...(http.payload ? [http.payload] : [])).state === 'match'
    );
  });
}

function adRowOf(k: Keep, source: SourceRow): ImportedAd | string {
  const body = contentDecoded(
    k.payload,
    httpMessageOf(k.parts[k.parts.length - 1]!.block)?.headers.get('content-encoding'),
  );
  if (typeof body === 'string') return body;
  const { html } = decodePage(body, k.contentType);
  const ad = parseAdPage(html, k.url, source.definition);
  if (!ad.fields.body) return ad.errors.join('; ') || 'no ad body';
  const f = ad.fields;
  const row = ImportedAd.safeParse({
    url: k.url,
    ...(f.externalId ? { external_id: f.externalId } : {}),
    ...(f.title ? { title: f.title } : {}),
    body: f.body,
    ...(f.city ? { city: f.city } : {}),
    ...(f.displayName ? { display_name: f.displayName } : {}),
    ...(f.phone ? { phone: f.phone } : {}),
    ...(f.age ? { age: f.age } : {}),
    ...(f.price ? { price: f.price } : {}),
    ...(k.date ? { seen_at: k.date.toISOString() } : {}),
  });
  if (!row.success)
    return row.error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
  return row.data;
}
