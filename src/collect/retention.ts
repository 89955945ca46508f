// The collect context's part of retention: the ads of a lead that retention lets go, and captures
// (fetched pages and pictures: a row here, a sealed WARC record in the blob store) past their
// period that are no kept ad's evidence. An ad's evidence is what capturesForAd exports: the
// captures its versions and kept pictures point at, every capture of its URLs by its own source,
// and the redirect hops of those fetches. Which ads are kept (a lead's, a case's) and which a legal
// hold keeps, the caller says as subqueries of ad ids; this context never reads theirs.
import { and, asc, count, eq, gte, inArray, lt, min, notInArray, sql, type SQL } from 'drizzle-orm';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { adSearchTerms, adTombstones, adVersions, ads, captures } from './schema.js';

const UUID_TEXT = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** The captures that are evidence of these ads (a subquery of ad ids), as a subquery of ids. */
export function evidenceCaptureIds(adIds: SQL): SQL {
  return sql`
    WITH ev_ads AS (SELECT a.id, a.source_id, a.url FROM ${ads} a WHERE a.id IN (${adIds})),
    pointed AS (
      SELECT v.capture_id AS id FROM ${adVersions} v
        WHERE v.ad_id IN (SELECT id FROM ev_ads) AND v.capture_id IS NOT NULL
      UNION
      SELECT (img->>'captureId')::uuid FROM ${adVersions} v
        CROSS JOIN LATERAL jsonb_array_elements(v.images) AS img
        WHERE v.ad_id IN (SELECT id FROM ev_ads) AND (img->>'captureId') ~ ${UUID_TEXT}
    ),
    direct AS (
      SELECT c.id, c.fetch_id FROM ${captures} c WHERE c.id IN (SELECT id FROM pointed)
      UNION
      SELECT c.id, c.fetch_id FROM ${captures} c
        JOIN ev_ads a ON a.source_id = c.source_id AND a.url = c.url
      UNION
      SELECT c.id, c.fetch_id FROM ${captures} c
        JOIN ${captures} p ON p.id IN (SELECT id FROM pointed)
          AND p.source_id = c.source_id AND p.url = c.url
    )
    SELECT id FROM direct
    UNION
    SELECT c.id FROM ${captures} c
      WHERE c.fetch_id IN (SELECT fetch_id FROM direct WHERE fetch_id IS NOT NULL)`;
}

export interface CaptureRetentionScope {
  /** Ads whose evidence is kept whatever its age (a kept lead's, a case's). */
  keptAds: SQL;
  /** Ads whose evidence a legal hold keeps: counted as held once past the period. */
  heldAds: SQL;
}

/** Captures fetched before `cutoff` that are no kept ad's evidence, the held count, and the next. */
export async function capturesDue(db: DbOrTx, cutoff: Date, scope: CaptureRetentionScope) {
  const free = notInArray(captures.id, sql`(${evidenceCaptureIds(scope.keptAds)})`);
  const due = await db
    .select({ id: captures.id })
    .from(captures)
    .where(and(lt(captures.fetchedAt, cutoff), free))
    .orderBy(asc(captures.fetchedAt), asc(captures.id));
  const [heldRow] = await db
    .select({ n: count() })
    .from(captures)
    .where(
      and(
        lt(captures.fetchedAt, cutoff),
        inArray(captures.id, sql`(${evidenceCaptureIds(scope.heldAds)})`),
      ),
    );
  const [next] = await db
    .select({ at: min(captures.fetchedAt) })
    .from(captures)
    .where(and(gte(captures.fetchedAt, cutoff), free));
  return {
    due: due.map((r) => r.id),
    held: heldRow?.n ?? 0,
    nextFetchedAt: next?.at ? new Date(next.at) : null,
  };
}

const BATCH = 200;

/**
 * Erases these captures if they are still due (re-checked inside each batch's transaction, so a
 * capture that became evidence meanwhile stays), then their blobs once no row names them. A blob
 * whose delete fails is counted, not retried: its data key went with the row (envelope
 * encryption), so the sealed bytes left behind can no longer be opened.
 */
export async function eraseCaptures(
  db: Db,
  blobs: BlobStore,
  ids: readonly string[],
  cutoff: Date,
  scope: CaptureRetentionScope,
): Promise<{ captures: number; blobs: number; blobFailures: number }> {
  let erased = 0;
  let blobsGone = 0;
  let blobFailures = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const part = ids.slice(i, i + BATCH);
    const keys = await db.transaction(async (tx) => {
      const gone = await tx
        .delete(captures)
        .where(
          and(
            inArray(captures.id, part),
            lt(captures.fetchedAt, cutoff),
            notInArray(captures.id, sql`(${evidenceCaptureIds(scope.keptAds)})`),
          ),
        )
        .returning({ key: captures.recordKey });
      const named = [...new Set(gone.map((g) => g.key))];
      if (named.length === 0) return [];
      // A record another capture still names (none today: every capture has its own) stays.
      const still = await tx
        .selectDistinct({ key: captures.recordKey })
        .from(captures)
        .where(inArray(captures.recordKey, named));
      erased += gone.length;
      const kept = new Set(still.map((s) => s.key));
      return named.filter((k) => !kept.has(k));
    });
    for (const key of keys) {
      try {
        await blobs.delete(key);
        blobsGone++;
      } catch {
        blobFailures++;
      }
    }
  }
  return { captures: erased, blobs: blobsGone, blobFailures };
}

/**
 * Erases ads with their versions and search terms, except those `except` (a subquery of ad ids
 * that kept records lean on) names, leaving a tombstone each for Insights; the captures they
 * pointed at stay until capture retention finds them no longer evidence. Runs in the caller's
 * transaction; returns how many went.
 */
export async function eraseAds(
  tx: DbOrTx,
  adIds: readonly string[],
  except: SQL,
  now: Date,
): Promise<number> {
  if (adIds.length === 0) return 0;
  const rows = await tx
    .select({ id: ads.id, firstSeenAt: ads.firstSeenAt, language: adVersions.language })
    .from(ads)
    .leftJoin(adVersions, and(eq(adVersions.adId, ads.id), eq(adVersions.version, 1)))
    .where(and(inArray(ads.id, [...adIds]), notInArray(ads.id, sql`(${except})`)));
  const go = rows.map((r) => r.id);
  if (go.length === 0) return 0;
  // Insights still counts them as collected (its funnel is counted from the records).
  await tx
    .insert(adTombstones)
    .values(rows.map((r) => ({ firstSeenAt: r.firstSeenAt, language: r.language, erasedAt: now })));
  await tx.delete(adSearchTerms).where(inArray(adSearchTerms.adId, go));
  await tx.delete(adVersions).where(inArray(adVersions.adId, go));
  const gone = await tx.delete(ads).where(inArray(ads.id, go)).returning({ id: ads.id });
  return gone.length;
}
