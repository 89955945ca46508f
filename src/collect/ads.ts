// Ad records over time: one row per ad (source + external id), one version per distinct content.
// An unchanged ad is not stored again (only its last-seen time moves); a changed ad gets a new
// version with the fields that changed; an ad that is gone keeps the time it was last seen.
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import { adContentHash, changedFields, type AdContent } from './ad-changes.js';
import { ads, adVersions, sources, type ImageHash } from './schema.js';

export type AdRow = typeof ads.$inferSelect;
export type AdVersionRow = typeof adVersions.$inferSelect;

export interface AdObservation {
  sourceId: string;
  externalId: string;
  url: string;
  seenAt: Date;
  content: AdContent;
  postedAt: Date | null;
  images: ImageHash[];
  captureId: string | null;
  parseErrors: string[];
  fillRatio: number | null;
}

function versionContent(v: AdVersionRow): AdContent {
  return {
    title: v.title,
    body: v.body,
    postedRaw: v.postedRaw,
    city: v.city,
    displayName: v.displayName,
    phoneRaw: v.phoneRaw,
    ageRaw: v.ageRaw,
    priceRaw: v.priceRaw,
    imageHashes: v.images.map((i) => i.sha256),
  };
}

export interface RecordedAd {
  outcome: 'new' | 'changed' | 'unchanged';
  adId: string;
  versionId: string;
  version: number;
}

/** Records one sighting of an ad. Runs in a transaction with a row lock, so two workers agree. */
export async function recordAdObservation(db: DbOrTx, obs: AdObservation): Promise<RecordedAd> {
  const hash = adContentHash(obs.content);
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(ads)
      .values({
        sourceId: obs.sourceId,
        externalId: obs.externalId,
        url: obs.url,
        firstSeenAt: obs.seenAt,
        lastSeenAt: obs.seenAt,
        lastCheckedAt: obs.seenAt,
      })
      .onConflictDoNothing()
      .returning();
    const isNew = inserted.length > 0;
    const [ad] = isNew
      ? inserted
      : await tx
          .select()
          .from(ads)
          .where(and(eq(ads.sourceId, obs.sourceId), eq(ads.externalId, obs.externalId)))
          .for('update');
    if (!ad) throw new Error('ad row vanished during its own transaction');
    const [latest] = isNew
      ? []
      : await tx
          .select()
          .from(adVersions)
          .where(eq(adVersions.adId, ad.id))
          .orderBy(desc(adVersions.version))
          .limit(1);
    if (latest && latest.contentHash === hash) {
      await tx
        .update(ads)
        .set({
          lastSeenAt: obs.seenAt,
          lastCheckedAt: obs.seenAt,
          status: 'active',
          goneAt: null,
          url: obs.url,
        })
        .where(eq(ads.id, ad.id));
      return {
        outcome: 'unchanged' as const,
        adId: ad.id,
        versionId: latest.id,
        version: latest.version,
      };
    }
    const version = latest ? latest.version + 1 : 1;
    const [row] = await tx
      .insert(adVersions)
      .values({
        adId: ad.id,
        version,
        contentHash: hash,
        seenAt: obs.seenAt,
        title: obs.content.title,
        body: obs.content.body,
        postedAt: obs.postedAt,
        postedRaw: obs.content.postedRaw,
        city: obs.content.city,
        displayName: obs.content.displayName,
        phoneRaw: obs.content.phoneRaw,
        ageRaw: obs.content.ageRaw,
        priceRaw: obs.content.priceRaw,
        images: obs.images,
        captureId: obs.captureId,
        parseErrors: obs.parseErrors,
        changedFields: latest ? changedFields(versionContent(latest), obs.content) : [],
        fillRatio: obs.fillRatio,
      })
      .returning({ id: adVersions.id });
    await tx
      .update(ads)
      .set({
        version,
        lastSeenAt: obs.seenAt,
        lastCheckedAt: obs.seenAt,
        status: 'active',
        goneAt: null,
        url: obs.url,
      })
      .where(eq(ads.id, ad.id));
    return {
      outcome: latest ? ('changed' as const) : ('new' as const),
      adId: ad.id,
      versionId: row!.id,
      version,
    };
  });
}

export async function findAdByUrl(
  db: DbOrTx,
  sourceId: string,
  url: string,
): Promise<AdRow | undefined> {
  const [row] = await db
    .select()
    .from(ads)
    .where(and(eq(ads.sourceId, sourceId), eq(ads.url, url)))
    .limit(1);
  return row;
}

export async function touchAdSeen(db: DbOrTx, adId: string, at: Date): Promise<void> {
  await db.update(ads).set({ lastSeenAt: at }).where(eq(ads.id, adId));
}

/** Active ads of a source not seen since `since` (candidates for being gone). */
export async function activeAdsNotSeenSince(
  db: DbOrTx,
  sourceId: string,
  since: Date,
): Promise<AdRow[]> {
  return db
    .select()
    .from(ads)
    .where(and(eq(ads.sourceId, sourceId), eq(ads.status, 'active'), lt(ads.lastSeenAt, since)));
}

export async function markAdsGone(db: DbOrTx, adIds: string[], checkedAt: Date): Promise<void> {
  if (adIds.length === 0) return;
  // gone_at is when the ad was last seen: that is the last moment we know it existed.
  await db
    .update(ads)
    .set({ status: 'gone', goneAt: sql`${ads.lastSeenAt}`, lastCheckedAt: checkedAt })
    .where(inArray(ads.id, adIds));
}

export async function markAdChecked(db: DbOrTx, adId: string, at: Date): Promise<void> {
  await db.update(ads).set({ lastCheckedAt: at }).where(eq(ads.id, adId));
}

/** What another context needs to read an ad version's text (extraction): fields and region. */
export interface AdVersionText {
  versionId: string;
  adId: string;
  isCurrent: boolean;
  country: string;
  postedAt: Date | null;
  seenAt: Date;
  title: string | null;
  body: string;
  phoneRaw: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
  city: string | null;
  displayName: string | null;
}

export async function readAdVersionText(
  db: DbOrTx,
  versionId: string,
): Promise<AdVersionText | undefined> {
  const [row] = await db
    .select({ v: adVersions, ad: ads, definition: sources.definition })
    .from(adVersions)
    .innerJoin(ads, eq(adVersions.adId, ads.id))
    .innerJoin(sources, eq(ads.sourceId, sources.id))
    .where(eq(adVersions.id, versionId));
  if (!row) return undefined;
  const { v, ad } = row;
  return {
    versionId: v.id,
    adId: ad.id,
    isCurrent: v.version === ad.version,
    country: row.definition.country,
    postedAt: v.postedAt,
    seenAt: v.seenAt,
    title: v.title,
    body: v.body,
    phoneRaw: v.phoneRaw,
    ageRaw: v.ageRaw,
    priceRaw: v.priceRaw,
    city: v.city,
    displayName: v.displayName,
  };
}

/** Ids of every ad's current version, in pages (for re-running extraction over everything). */
export async function currentAdVersionIds(
  db: DbOrTx,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: adVersions.id })
    .from(adVersions)
    .innerJoin(ads, and(eq(adVersions.adId, ads.id), eq(adVersions.version, ads.version)))
    .where(after ? sql`${adVersions.id} > ${after}` : undefined)
    .orderBy(adVersions.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function setAdVersionLanguage(
  db: DbOrTx,
  versionId: string,
  language: string | null,
): Promise<void> {
  await db.update(adVersions).set({ language }).where(eq(adVersions.id, versionId));
}

/** The id of an ad's version (its current one unless a number is given). */
export async function adVersionIdOf(
  db: DbOrTx,
  adId: string,
  version?: number,
): Promise<string | undefined> {
  const [row] = await db
    .select({ id: adVersions.id })
    .from(adVersions)
    .innerJoin(ads, eq(adVersions.adId, ads.id))
    .where(and(eq(ads.id, adId), eq(adVersions.version, version ?? sql`${ads.version}`)))
    .limit(1);
  return row?.id;
}

/** What linking reads of an ad: its life, and every version's text-bearing fields in order. */
export interface AdForLinking {
  adId: string;
  sourceId: string;
  status: 'active' | 'gone';
  firstSeenAt: Date;
  lastSeenAt: Date;
  currentVersionId: string;
  versions: {
    versionId: string;
    version: number;
    seenAt: Date;
    postedAt: Date | null;
    title: string | null;
    body: string;
    displayName: string | null;
    city: string | null;
    images: ImageHash[];
  }[];
}

export async function adsForLinking(db: DbOrTx, adIds: string[]): Promise<AdForLinking[]> {
  if (adIds.length === 0) return [];
  const rows = await db
    .select({ ad: ads, v: adVersions })
    .from(ads)
    .innerJoin(adVersions, eq(adVersions.adId, ads.id))
    .where(inArray(ads.id, adIds))
    .orderBy(ads.id, adVersions.version);
  const out = new Map<string, AdForLinking>();
  for (const { ad, v } of rows) {
    let entry = out.get(ad.id);
    if (!entry) {
      entry = {
        adId: ad.id,
        sourceId: ad.sourceId,
        status: ad.status,
        firstSeenAt: ad.firstSeenAt,
        lastSeenAt: ad.lastSeenAt,
        currentVersionId: '',
        versions: [],
      };
      out.set(ad.id, entry);
    }
    if (v.version === ad.version) entry.currentVersionId = v.id;
    entry.versions.push({
      versionId: v.id,
      version: v.version,
      seenAt: v.seenAt,
      postedAt: v.postedAt,
      title: v.title,
      body: v.body,
      displayName: v.displayName,
      city: v.city,
      images: v.images,
    });
  }
  return [...out.values()].filter((a) => a.currentVersionId !== '');
}

/** Ad ids in id order, a page at a time (for rebuilding everything derived from ads). */
export async function adIdsPage(
  db: DbOrTx,
  after: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: ads.id })
    .from(ads)
    .where(after ? sql`${ads.id} > ${after}` : undefined)
    .orderBy(ads.id)
    .limit(limit);
  return rows.map((r) => r.id);
}
