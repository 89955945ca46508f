// Captures as evidence out of the system: an ad's evidence (every capture of its pages and kept
// images over time, error answers included), exported as one .warc.gz that standard readers open,
// and every stored capture verified against the digests recorded when it was fetched.
// In the blob store a capture is sealed (envelope encryption, platform/blobs/envelope.ts) under a
// data key kept wrapped in its row; it is opened here, so what leaves is the plain .warc.gz whose
// sha256 was recorded at capture time. Captures stored in clear before sealing still read, and
// `ariadne keys rotate` seals them (sealLegacyCaptures).
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { openBlob, sealBlob } from '../platform/blobs/envelope.js';
import type { FieldKey } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { adVersions, ads, captures } from './schema.js';
import { buildWarcInfo, sha256Hex, verifyWarc, warcForExport } from './warc.js';

export type CaptureRow = typeof captures.$inferSelect;

/** Associated-data context of a capture's wrapped data key. */
export const CAPTURE_KEY_CONTEXT = 'captures.data_key';

/** Seals a capture's bytes for the blob store; keep `dataKeyEnc` in its row. */
export function sealCapture(keys: readonly FieldKey[], record: Uint8Array) {
  return sealBlob(keys, record, CAPTURE_KEY_CONTEXT);
}

/** The plain stored record of a capture (the .warc.gz as captured). */
export async function readCaptureRecord(
  blobs: BlobStore,
  keys: readonly FieldKey[],
  row: Pick<CaptureRow, 'recordKey' | 'dataKeyEnc'>,
): Promise<Buffer> {
  const stored = await blobs.get(row.recordKey);
  return row.dataKeyEnc === null
    ? stored
    : openBlob(keys, stored, row.dataKeyEnc, CAPTURE_KEY_CONTEXT);
}

/**
 * An ad's evidence: every capture, over time and in fetch order, of the ad's URLs — its current URL,
 * the URLs its versions were read from, and its kept images' URLs — by the ad's own source (the same
 * URL crawled for another source is that source's evidence, not this ad's), with the redirect hops
 * that led to them. That includes what no version points at: the fetches of unchanged recrawls,
 * an error answer before a successful retry, and the 404/410 that marked the ad gone.
 */
export async function capturesForAd(db: Db, adId: string): Promise<CaptureRow[]> {
  const [ad] = await db
    .select({ url: ads.url, sourceId: ads.sourceId })
    .from(ads)
    .where(eq(ads.id, adId));
  if (!ad) return [];
  const versions = await db
    .select({ captureId: adVersions.captureId, images: adVersions.images })
    .from(adVersions)
    .where(eq(adVersions.adId, adId));
  const pointedAt = new Set<string>();
  const urls = new Set<string>([ad.url]);
  for (const v of versions) {
    if (v.captureId) pointedAt.add(v.captureId);
    // A kept image's URL is read from its capture below (the version keeps only its hashes).
    for (const img of v.images) if (img.captureId) pointedAt.add(img.captureId);
  }
  if (pointedAt.size > 0) {
    // An ad's URL may have changed over time: the pages its versions were read from count too,
    // and so do the URLs of its kept images.
    const read = await db
      .select({ url: captures.url })
      .from(captures)
      .where(inArray(captures.id, [...pointedAt]));
    for (const r of read) urls.add(r.url);
  }
  // One index scan per branch (captures_url_idx, captures_fetch_idx, the primary key): written as
  // ORs the same lookup became a sequential scan of every capture.
  const ofAdUrls = and(eq(captures.sourceId, ad.sourceId), inArray(captures.url, [...urls]))!;
  const hopsOf = db
    .select({ fetchId: captures.fetchId })
    .from(captures)
    .where(and(ofAdUrls, isNotNull(captures.fetchId)));
  const branches = [
    db.select().from(captures).where(ofAdUrls),
    db.select().from(captures).where(inArray(captures.fetchId, hopsOf)),
    ...(pointedAt.size > 0
      ? [
          db
            .select()
            .from(captures)
            .where(inArray(captures.id, [...pointedAt])),
        ]
      : []),
  ] as const;
  return union(...branches).orderBy(
    asc(captures.fetchedAt),
    asc(captures.fetchId),
    asc(captures.fetchHop),
  );
}

/** One .warc.gz with a warcinfo record and every capture of the ad; the export is audited. */
export async function exportAdWarc(
  db: Db,
  blobs: BlobStore,
  keys: readonly FieldKey[],
  actor: Actor,
  adId: string,
): Promise<{ data: Buffer; filename: string; captures: number }> {
  const [ad] = await db.select().from(ads).where(eq(ads.id, adId));
  if (!ad) throw new AppError('not_found', keyed('collect.adNotFound', 'No such ad.'));
  const rows = await capturesForAd(db, adId);
  const filename = `ariadne-ad-${adId}.warc.gz`;
  const parts: Buffer[] = [
    Buffer.from(
      await buildWarcInfo(filename, {
        software: 'Ariadne',
        format: 'WARC File Format 1.1',
        description: `Captures of ad ${ad.externalId} (${ad.url})`,
        exportedAt: new Date().toISOString(),
      }),
    ),
  ];
  for (const row of rows) parts.push(warcForExport(await readCaptureRecord(blobs, keys, row)));
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'captures.export',
    targetType: 'ad',
    targetId: adId,
    details: { captures: rows.length },
  });
  return { data: Buffer.concat(parts), filename, captures: rows.length };
}

export interface CaptureProblem {
  captureId: string;
  url: string;
  problem: string;
}

/**
 * Recomputes every capture's record hash (the SHA-256 Ariadne recorded when it kept it) and the
 * digests its records carry; a sealed capture must also pass its integrity check. A record that
 * came with no digest of its own is a note, not a problem. `inClear` counts captures still stored unsealed (before encryption at rest).
 */
export async function verifyCaptures(
  db: Db,
  blobs: BlobStore,
  keys: readonly FieldKey[],
  onProgress?: (checked: number) => void,
): Promise<{
  checked: number;
  problems: CaptureProblem[];
  notes: CaptureProblem[];
  inClear: number;
}> {
  const problems: CaptureProblem[] = [];
  const notes: CaptureProblem[] = [];
  let checked = 0;
  let inClear = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(captures)
      .where(gt(captures.id, after))
      .orderBy(asc(captures.id))
      .limit(500);
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      checked++;
      let stored: Buffer;
      try {
        stored = await blobs.get(row.recordKey);
      } catch (err) {
        problems.push({
          captureId: row.id,
          url: row.url,
          problem: `stored record missing: ${(err as Error).message}`,
        });
        continue;
      }
      let data = stored;
      if (row.dataKeyEnc === null) inClear++;
      else {
        try {
          data = openBlob(keys, stored, row.dataKeyEnc, CAPTURE_KEY_CONTEXT);
        } catch (err) {
          problems.push({
            captureId: row.id,
            url: row.url,
            problem: `stored file changed since capture (${(err as Error).message})`,
          });
          continue;
        }
      }
      if (sha256Hex(data) !== row.recordSha256) {
        problems.push({
          captureId: row.id,
          url: row.url,
          problem: 'stored file changed since capture (sha256 differs)',
        });
      }
      for (const rec of await verifyWarc(data)) {
        for (const p of rec.problems)
          problems.push({ captureId: row.id, url: row.url, problem: `${rec.type} record: ${p}` });
        for (const n of rec.notes)
          notes.push({ captureId: row.id, url: row.url, problem: `${rec.type} record: ${n}` });
      }
    }
    onProgress?.(checked);
  }
  return { checked, problems, notes, inClear };
}

/**
 * Seals captures stored in clear before encryption at rest (run by `ariadne keys rotate`). The
 * sealed copy is written under a new key (`<old key>.sealed`) and the row moved to it before the
 * clear copy is deleted, so a crash loses nothing; the deletion is retried on every run for rows
 * whose clear copy may be left. A copy whose sha256 no longer matches its capture is left as it
 * is and reported: sealing it would hide that it changed.
 */
export async function sealLegacyCaptures(
  db: Db,
  blobs: BlobStore,
  keys: readonly FieldKey[],
  onProgress?: (sealed: number) => void,
): Promise<{ sealed: number; problems: CaptureProblem[] }> {
  const problems: CaptureProblem[] = [];
  let sealed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select()
      .from(captures)
      .where(and(isNull(captures.dataKeyEnc), gt(captures.id, after)))
      .orderBy(asc(captures.id))
      .limit(200);
    if (rows.length === 0) break;
    for (const row of rows) {
      after = row.id;
      let plain: Buffer;
      try {
        plain = await blobs.get(row.recordKey);
      } catch (err) {
        problems.push({ captureId: row.id, url: row.url, problem: (err as Error).message });
        continue;
      }
      if (sha256Hex(plain) !== row.recordSha256) {
        problems.push({
          captureId: row.id,
          url: row.url,
          problem: 'not sealed: the stored file changed since capture (sha256 differs)',
        });
        continue;
      }
      const box = sealCapture(keys, plain);
      const stored = await blobs.put(`${row.recordKey}.sealed`, box.data, {
        contentType: 'application/octet-stream',
      });
      await db
        .update(captures)
        .set({ recordKey: stored.key, dataKeyEnc: box.dataKeyEnc })
        .where(and(eq(captures.id, row.id), isNull(captures.dataKeyEnc)));
      await blobs.delete(row.recordKey);
      sealed++;
    }
    onProgress?.(sealed);
  }
  // Clear copies a crash may have left behind after their row moved to the sealed one.
  const moved = await db
    .select({ key: captures.recordKey })
    .from(captures)
    .where(sql`${captures.recordKey} LIKE '%.sealed' AND ${captures.dataKeyEnc} IS NOT NULL`);
  for (const m of moved) await blobs.delete(m.key.slice(0, -'.sealed'.length));
  return { sealed, problems };
}
