// An entity's derived data: its features and movement, refreshed after linking changed its ads, and
// what scoring reads of it. Reads ads and facts only through the collect and extract contexts.
import { and, eq, inArray, ne, sql } from 'drizzle-orm';
import { adsForLinking, adVersionTexts, type AdForLinking } from '../collect/index.js';
import { factsOfVersions, type StoredFact } from '../facts/index.js';
import type { FieldKey } from '../platform/crypto.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { boilerplateSpans, type TextField } from './boilerplate.js';
import { computeFeatures, movementOf, type CrossEntityCounts } from './features.js';
import { hammingHex, SAME_IMAGE_MAX_DISTANCE } from './keys.js';
import { entities, entityMerges, linkAds, linkKeys, linkTemplates } from './schema.js';
import { sharedTemplatesOf, type TemplateUse } from './shared-templates.js';
import { boilerplateOfSources } from './boilerplate-store.js';
import type { AdPlaceSighting, EntityFeatures, LinkedAd } from './types.js';

const CHUNK = 500;
/** Ads of other entities compared per picture band, bounded for pictures everyone uses. */
const IMAGE_CANDIDATES = 200;

function chunks<T>(list: T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Follows merges: the entity an old id now lives in (itself if it was never merged). */
export async function resolveEntityId(db: DbOrTx, id: string): Promise<string | null> {
  const [row] = await db.select({ id: entities.id }).from(entities).where(eq(entities.id, id));
  if (row) return row.id;
  const [merge] = await db
    .select({ into: entityMerges.intoId })
    .from(entityMerges)
    .where(eq(entityMerges.fromId, id));
  if (!merge) return null;
  const [target] = await db
    .select({ id: entities.id })
    .from(entities)
    .where(eq(entities.id, merge.into));
  return target?.id ?? null;
}

export async function memberAdIds(db: DbOrTx, entityId: string): Promise<string[]> {
  const rows = await db
    .select({ adId: linkAds.adId })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId));
  return rows.map((r) => r.adId).sort();
}

/** Places of one version: its city field if it names one, otherwise the places in its text. */
function placesOf(
  facts: StoredFact[],
): { placeId: string; name: string; country: string; lat: number; lon: number }[] {
  const places = facts.filter((f) => f.kind === 'place');
  const fromCity = places.filter((f) => f.span.field === 'city');
  const chosen = fromCity.length > 0 ? fromCity : places;
  const seen = new Set<string>();
  const out = [];
  for (const f of chosen) {
    const placeId = String(f.placeId);
    if (seen.has(placeId)) continue;
    seen.add(placeId);
    out.push({
      placeId,
      name: String(f.value),
      country: String(f.country),
      lat: Number(f.lat),
      lon: Number(f.lon),
    });
  }
  return out;
}

export interface AdWithFacts {
  ad: AdForLinking;
  /** Facts of the current version. */
  facts: StoredFact[];
  /** Spans of the current version that are its source's boilerplate (see boilerplate.ts). */
  boilerplate: BoilerplateSpan[];
  linked: LinkedAd;
}

export type BoilerplateSpan = { field: TextField; start: number; end: number };

/**
 * The boilerplate spans of ad versions (each of an ad of the given source): the sentences of their
 * text that their source repeats across most of its ads over many numbers. Only versions of sources
 * with boilerplate are read (and decrypted).
 */
export async function boilerplateSpansOf(
  db: DbOrTx,
  keys: readonly FieldKey[],
  versions: { versionId: string; sourceId: string }[],
): Promise<Map<string, BoilerplateSpan[]>> {
  const out = new Map<string, BoilerplateSpan[]>();
  const sets = await boilerplateOfSources(
    db,
    versions.map((v) => v.sourceId),
  );
  const wanted = versions.filter((v) => (sets.get(v.sourceId)?.size ?? 0) > 0);
  if (wanted.length === 0) return out;
  const texts = await adVersionTexts(
    db,
    keys,
    wanted.map((v) => v.versionId),
  );
  for (const v of wanted) {
    const text = texts.get(v.versionId);
    const set = sets.get(v.sourceId);
    if (text && set) out.set(v.versionId, boilerplateSpans(text, set));
  }
  return out;
}

/**
 * Ads with their facts and the linking view of them (places over all versions, keys, template).
 * The stored facts are encrypted, hence the field keys.
 */
export async function loadLinkedAds(
  db: DbOrTx,
  keys: readonly FieldKey[],
  adIds: string[],
): Promise<AdWithFacts[]> {
  const out: AdWithFacts[] = [];
  for (const part of chunks(adIds)) {
    const ads = await adsForLinking(db, part);
    const facts = await factsOfVersions(
      db,
      keys,
      ads.flatMap((a) => a.versions.map((v) => v.versionId)),
    );
    const keyRows = await db
      .select({ adId: linkKeys.adId, kind: linkKeys.kind, hash: linkKeys.keyHash })
      .from(linkKeys)
      .where(inArray(linkKeys.adId, part));
    const linkRows = await db
      .select({ adId: linkAds.adId, templateId: linkAds.templateId })
      .from(linkAds)
      .where(inArray(linkAds.adId, part));
    const templateOf = new Map(linkRows.map((r) => [r.adId, r.templateId]));
    const boilerplate = await boilerplateSpansOf(
      db,
      keys,
      ads.map((a) => ({ versionId: a.currentVersionId, sourceId: a.sourceId })),
    );
    for (const ad of ads) {
      const current = facts.get(ad.currentVersionId) ?? [];
      const places: AdPlaceSighting[] = [];
      ad.versions.forEach((v, i) => {
        const next = ad.versions[i + 1];
        // When we saw it, not the posted date an ad claims (scraped, often far off).
        const from = i === 0 ? ad.firstSeenAt : v.seenAt;
        const to = next ? next.seenAt : ad.lastSeenAt;
        for (const p of placesOf(facts.get(v.versionId) ?? [])) places.push({ ...p, from, to });
      });
      const current_ = ad.versions.find((v) => v.versionId === ad.currentVersionId);
      const language = current.find((f) => f.kind === 'language');
      out.push({
        ad,
        facts: current,
        boilerplate: boilerplate.get(ad.currentVersionId) ?? [],
        linked: {
          adId: ad.adId,
          sourceId: ad.sourceId,
          status: ad.status,
          firstSeenAt: ad.firstSeenAt,
          lastSeenAt: ad.lastSeenAt,
          displayNameKey: current_?.displayNameKey ?? null,
          statedAges: [
            ...new Set(
              current
                .filter((f) => f.kind === 'age' && typeof f.min === 'number')
                .map((f) => Number(f.min)),
            ),
          ].sort((a, b) => a - b),
          language: language ? String(language.value) : null,
          spokenLanguages: [
            ...new Set(
              current.filter((f) => f.kind === 'spoken_language').map((f) => String(f.value)),
            ),
          ].sort(),
          places,
          keys: keyRows
            .filter((k) => k.adId === ad.adId)
            .map((k) => ({ kind: k.kind, hash: k.hash })),
          obfuscatedContacts: current.filter(
            (f) => ['phone', 'email', 'messenger'].includes(f.kind) && f.obfuscated === true,
          ).length,
          templateId: templateOf.get(ad.adId) ?? null,
        },
      });
    }
  }
  return out.sort((a, b) => a.ad.adId.localeCompare(b.ad.adId));
}

/** How many ads and entities use each template, as linking keeps them. */
export async function templateUses(
  db: DbOrTx,
  templateIds: readonly string[],
): Promise<Map<string, TemplateUse>> {
  const uses = new Map<string, TemplateUse>();
  for (const part of chunks([...templateIds])) {
    const rows = await db
      .select({
        id: linkTemplates.id,
        adCount: linkTemplates.adCount,
        entityCount: linkTemplates.entityCount,
      })
      .from(linkTemplates)
      .where(inArray(linkTemplates.id, part));
    for (const r of rows) uses.set(r.id, { adCount: r.adCount, entityCount: r.entityCount });
  }
  return uses;
}

/** Counts that need other entities: shared templates and pictures. */
async function crossCounts(
  db: DbOrTx,
  entityId: string,
  members: AdWithFacts[],
): Promise<CrossEntityCounts> {
  const templateIds = [
    ...new Set(members.map((m) => m.linked.templateId).filter((t): t is string => !!t)),
  ];
  const uses = await templateUses(db, templateIds);
  const { templateAds, templateEntities } = sharedTemplatesOf(
    members.map((m) => m.linked.templateId),
    uses,
  );

  // Pictures: other entities' ads sharing a perceptual-hash band, confirmed by Hamming distance.
  const bandKeys = [
    ...new Set(
      members.flatMap((m) =>
        m.linked.keys.filter((k) => k.kind === 'image_band').map((k) => k.hash),
      ),
    ),
  ];
  const candidates = new Map<string, string>();
  for (const part of chunks(bandKeys, 100)) {
    const res = await db.execute<{ ad_id: string; entity_id: string }>(sql`
      SELECT DISTINCT c.ad_id, c.entity_id
      FROM unnest(${sql.param(part)}::text[]) AS q(key_hash)
      CROSS JOIN LATERAL (
        SELECT k.ad_id, la.entity_id FROM link_keys k JOIN link_ads la ON la.ad_id = k.ad_id
        WHERE k.key_hash = q.key_hash AND la.entity_id <> ${entityId}
        LIMIT ${IMAGE_CANDIDATES}
      ) c`);
    for (const r of res.rows) candidates.set(r.ad_id, r.entity_id);
  }
  let sharedImages = 0;
  const imageEntities = new Set<string>();
  if (candidates.size > 0) {
    const others = await adsForLinking(db, [...candidates.keys()].slice(0, IMAGE_CANDIDATES * 4));
    const otherImages = others.flatMap((o) => {
      const v = o.versions.find((x) => x.versionId === o.currentVersionId);
      return (v?.images ?? []).map((img) => ({ phash: img.phash, entity: candidates.get(o.adId) }));
    });
    const mine = new Set(
      members.flatMap((m) => {
        const v = m.ad.versions.find((x) => x.versionId === m.ad.currentVersionId);
        return (v?.images ?? []).map((i) => i.phash);
      }),
    );
    for (const phash of mine) {
      let shared = false;
      for (const o of otherImages) {
        if (!o.entity || !/^[0-9a-f]{16}$/.test(o.phash) || !/^[0-9a-f]{16}$/.test(phash)) continue;
        if (hammingHex(phash, o.phash) <= SAME_IMAGE_MAX_DISTANCE) {
          shared = true;
          imageEntities.add(o.entity);
        }
      }
      if (shared) sharedImages++;
    }
  }
  return { templateAds, templateEntities, sharedImages, imageEntities: imageEntities.size };
}

/** The boilerplate spans of one version of an ad (for the ad page; empty when it has none). */
export async function boilerplateOfAdVersion(
  db: DbOrTx,
  keys: readonly FieldKey[],
  adId: string,
  versionId: string,
): Promise<BoilerplateSpan[]> {
  const [ad] = await adsForLinking(db, [adId]);
  if (!ad) return [];
  const spans = await boilerplateSpansOf(db, keys, [{ versionId, sourceId: ad.sourceId }]);
  return spans.get(versionId) ?? [];
}

/** Recomputes an entity's features and movement; returns null if the entity no longer exists. */
export async function refreshEntity(
  db: DbOrTx,
  keys: readonly FieldKey[],
  entityId: string,
  now = new Date(),
): Promise<{ features: EntityFeatures; members: AdWithFacts[] } | null> {
  const [entity] = await db.select().from(entities).where(eq(entities.id, entityId));
  if (!entity) return null;
  const members = await loadLinkedAds(db, keys, await memberAdIds(db, entityId));
  const cross = await crossCounts(db, entityId, members);
  const features = computeFeatures(
    members.map((m) => m.linked),
    cross,
    now,
  );
  const movement = movementOf(members.map((m) => m.linked));
  await db
    .update(entities)
    .set({
      features,
      movement,
      adCount: members.length,
      placeIds: [...new Set(movement.map((s) => s.placeId))].sort(),
      languages: features.languages,
      featuresAt: entity.evidenceAt,
    })
    .where(eq(entities.id, entityId));
  return { features, members };
}

/** Entities whose features are older than their evidence (or were never computed), a page at a time. */
export async function staleEntities(db: DbOrTx, limit: number): Promise<string[]> {
  const rows = await db
    .select({ id: entities.id })
    .from(entities)
    .where(sql`${entities.featuresAt} IS NULL OR ${entities.featuresAt} < ${entities.evidenceAt}`)
    .orderBy(entities.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Other entities sharing a template with this one (for "similar" and the graph). */
export async function templateNeighbours(db: DbOrTx, entityId: string, limit = 50) {
  const mine = db
    .select({ t: linkAds.templateId })
    .from(linkAds)
    .where(and(eq(linkAds.entityId, entityId), sql`${linkAds.templateId} IS NOT NULL`));
  return db
    .selectDistinct({ entityId: linkAds.entityId, templateId: linkAds.templateId })
    .from(linkAds)
    .where(and(inArray(linkAds.templateId, mine), ne(linkAds.entityId, entityId)))
    .limit(limit);
}
