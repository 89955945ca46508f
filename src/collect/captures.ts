// Captures as evidence out of the system: an ad's evidence (every capture of its pages and kept
// images over time, error answers included), exported as one .warc.gz that standard readers open,
// and every stored capture verified against the digests recorded when it was fetched.
import { and, asc, eq, gt, inArray, isNotNull } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { adVersions, ads, captures } from './schema.js';
import { buildWarcInfo, sha256Hex, verifyWarc } from './warc.js';

export type CaptureRow = typeof captures.$inferSelect;

/**
 * An ad's evidence: every capture, over time and in fetch order, of the ad's URLs — its current URL,
 * the URLs its versions were read from, and its images' URLs — by the ad's own source (the same URL
 * crawled for another source is that source's evidence, not this ad's), with the redirect hops
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
    for (const img of v.images) {
      urls.add(img.url);
      if (img.captureId) pointedAt.add(img.captureId);
    }
  }
  if (pointedAt.size > 0) {
    // An ad's URL may have changed over time: the pages its versions were read from count too.
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
