// Ad records over time: one row per ad (source + external id), one version per distinct content.
// An unchanged ad is not stored again (only its last-seen time moves); a changed ad gets a new
// version with the fields that changed; an ad that is gone keeps the time it was last seen.
// A version's text is kept encrypted (ad-text.ts): functions here that write or read it take the
// keys; what other contexts read without keys (linking's view) holds no text.
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { AtRestKeys, FieldKey } from '../platform/crypto.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { adContentHash, changedFields, type AdContent } from './ad-changes.js';
import { clearAdSearchTerms } from './ad-search.js';
import { AdText, displayNameKey, openAdText, sealAdText } from './ad-text.js';
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
  /** Pictures with their addresses (kept encrypted with the text; the hashes stay in clear). */
  images: (ImageHash & { url: string })[];
  captureId: string | null;
  parseErrors: string[];
  fillRatio: number | null;
}

function versionContent(keys: readonly FieldKey[], v: AdVersionRow): AdContent {
  const { imageUrls: _urls, ...text } = openAdText(keys, v.contentEnc, v.id);
  return { ...text, imageHashes: v.images.map((i) => i.sha256) };
}

function textOf(obs: AdObservation): AdText {
  const { imageHashes: _hashes, ...text } = obs.content;
  return { ...text, imageUrls: obs.images.map((i) => i.url) };
}

export interface RecordedAd {
  outcome: 'new' | 'changed' | 'unchanged';
  adId: string;
  versionId: string;
  version: number;
}

/** Records one sighting of an ad. Runs in a transaction with a row lock, so two workers agree. */
export async function recordAdObservation(
  db: DbOrTx,
  keys: AtRestKeys,
  obs: AdObservation,
): Promise<RecordedAd> {
  const hash = adContentHash(keys.identifierPepper, obs.content);
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
        contentEnc: sealAdText(keys.fieldKeys, textOf(obs)),
        displayNameKey: displayNameKey(keys.identifierPepper, obs.content.displayName),
        postedAt: obs.postedAt,
        images: obs.images.map(({ url: _url, ...hashes }) => hashes),
        captureId: obs.captureId,
        parseErrors: obs.parseErrors,
        changedFields: latest
          ? changedFields(versionContent(keys.fieldKeys, latest), obs.content)
          : [],
        fillRatio: obs.fillRatio,
      })
      .returning({ id: adVersions.id });
    // The old text's search terms no longer describe the ad; the new ones come with extraction.
    if (latest) await clearAdSearchTerms(tx, ad.id);
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
  keys: readonly FieldKey[],
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
  const text = openAdText(keys, v.contentEnc, v.id);
  return {
    versionId: v.id,
    adId: ad.id,
    isCurrent: v.version === ad.version,
    country: row.definition.country,
    postedAt: v.postedAt,
    seenAt: v.seenAt,
    title: text.title,
    body: text.body,
    phoneRaw: text.phoneRaw,
    ageRaw: text.ageRaw,
    priceRaw: text.priceRaw,
    city: text.city,
    displayName: text.displayName,
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

/**
 * A subquery of one column (id): the current version of every ad. For another context's count
 * or join over current versions, so that it never names this context's tables.
 */
export function currentAdVersionIdsQuery(): SQL {
  return sql`SELECT v.id FROM ${ads} a JOIN ${adVersions} v ON v.ad_id = a.id AND v.version = a.version`;
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

/**
 * What linking reads of an ad without keys: its life, and every version in order with its
 * pictures' hashes and a keyed hash of its display name. The text is read apart (adVersionTexts).
 */
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
    displayNameKey: string | null;
    images: ImageHash[];
  }[];
}

export async function adsForLinking(db: DbOrTx, adIds: string[]): Promise<AdForLinking[]> {
  if (adIds.length === 0) return [];
  const rows = await db
    .select({
      ad: ads,
      v: {
        id: adVersions.id,
        version: adVersions.version,
        seenAt: adVersions.seenAt,
        postedAt: adVersions.postedAt,
        displayNameKey: adVersions.displayNameKey,
        images: adVersions.images,
      },
    })
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
      displayNameKey: v.displayNameKey,
      images: v.images,
    });
  }
  return [...out.values()].filter((a) => a.currentVersionId !== '');
}

/** The text of ad versions linking compares (title and body, with the name and city to mask). */
export interface AdTextForLinking {
  title: string | null;
  body: string;
  displayName: string | null;
  city: string | null;
}

export async function adVersionTexts(
  db: DbOrTx,
  keys: readonly FieldKey[],
  versionIds: string[],
): Promise<Map<string, AdTextForLinking>> {
  const out = new Map<string, AdTextForLinking>();
  for (let i = 0; i < versionIds.length; i += 500) {
    const rows = await db
      .select({ id: adVersions.id, contentEnc: adVersions.contentEnc })
      .from(adVersions)
      .where(inArray(adVersions.id, versionIds.slice(i, i + 500)));
    for (const r of rows) {
      const t = openAdText(keys, r.contentEnc, r.id);
      out.set(r.id, { title: t.title, body: t.body, displayName: t.displayName, city: t.city });
    }
  }
  return out;
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

/**
 * Encrypts the text of a version stored before encryption at rest (set aside in clear by the
 * migration that dropped the plaintext columns) and re-keys its content hash, which was a plain
 * sha256 then. Run by the start-up upgrade step; a version gone since is skipped.
 */
export async function sealLegacyAdVersion(
  tx: DbOrTx,
  keys: AtRestKeys,
  versionId: string,
  payload: unknown,
): Promise<void> {
  const parsed = AdText.safeParse(payload);
  if (!parsed.success) {
    throw new AppError('internal', `The set-aside text of ad version ${versionId} is unreadable.`, {
      issues: parsed.error.issues,
    });
  }
  const text = parsed.data;
  const [row] = await tx
    .select({ images: adVersions.images })
    .from(adVersions)
    .where(eq(adVersions.id, versionId));
  if (!row) return;
  const { imageUrls: _urls, ...fields } = text;
  await tx
    .update(adVersions)
    .set({
      contentEnc: sealAdText(keys.fieldKeys, text),
      contentHash: adContentHash(keys.identifierPepper, {
        ...fields,
        imageHashes: row.images.map((i) => i.sha256),
      }),
      displayNameKey: displayNameKey(keys.identifierPepper, text.displayName),
    })
    .where(eq(adVersions.id, versionId));
}
