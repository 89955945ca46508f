// Captures as evidence out of the system: export the WARC records behind an ad (every version's
// page and kept images) as one .warc.gz that standard readers open, and verify every stored capture
// against the digests recorded when it was fetched.
import { asc, eq, gt, inArray } from 'drizzle-orm';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { adVersions, ads, captures } from './schema.js';
import { buildWarcInfo, sha256Hex, verifyWarc } from './warc.js';

export type CaptureRow = typeof captures.$inferSelect;

export async function capturesForAd(db: Db, adId: string): Promise<CaptureRow[]> {
  const versions = await db
    .select({ captureId: adVersions.captureId, images: adVersions.images })
    .from(adVersions)
    .where(eq(adVersions.adId, adId));
  const ids = new Set<string>();
  for (const v of versions) {
    if (v.captureId) ids.add(v.captureId);
    for (const img of v.images) if (img.captureId) ids.add(img.captureId);
  }
  if (ids.size === 0) return [];
  return db
    .select()
    .from(captures)
    .where(inArray(captures.id, [...ids]))
    .orderBy(asc(captures.fetchedAt));
}

/** One .warc.gz with a warcinfo record and every capture of the ad; the export is audited. */
export async function exportAdWarc(
  db: Db,
  blobs: BlobStore,
  actor: Actor,
  adId: string,
): Promise<{ data: Buffer; filename: string; captures: number }> {
  const [ad] = await db.select().from(ads).where(eq(ads.id, adId));
  if (!ad) throw new AppError('not_found', 'No such ad.');
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
  for (const row of rows) parts.push(await blobs.get(row.recordKey));
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

/** Recomputes every capture's stored-file hash and its WARC digests. */
export async function verifyCaptures(
  db: Db,
  blobs: BlobStore,
  onProgress?: (checked: number) => void,
): Promise<{ checked: number; problems: CaptureProblem[] }> {
  const problems: CaptureProblem[] = [];
  let checked = 0;
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
      let data: Buffer;
      try {
        data = await blobs.get(row.recordKey);
      } catch (err) {
        problems.push({
          captureId: row.id,
          url: row.url,
          problem: `stored record missing: ${(err as Error).message}`,
        });
        continue;
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
      }
    }
    onProgress?.(checked);
  }
  return { checked, problems };
}
