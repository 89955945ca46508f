// Reading entities for the queue and the entity page: evidence for the queue's filters, members,
// identifiers (masked, with the id a worker uses for an audited reveal), similar ads outside the
// entity, and the graph of ads and identifiers. Never plaintext identifiers.
import { and, eq, inArray, ne, sql, type Column, type SQL } from 'drizzle-orm';
import { adsForLinking } from '../collect/index.js';
import { linkIdentifiersOf } from '../facts/index.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { memberAdIds, templateUses } from './entity.js';
import { sharedTemplatesOf, type SharedTemplates } from './shared-templates.js';
import { estimateJaccard, lshBuckets } from './minhash.js';
import { entities, linkAds, linkKeys } from './schema.js';

export async function entityEvidence(db: DbOrTx, entityId: string) {
  const [row] = await db
    .select({
      entityId: entities.id,
      placeIds: entities.placeIds,
      languages: entities.languages,
      evidenceAt: entities.evidenceAt,
    })
    .from(entities)
    .where(eq(entities.id, entityId));
  return row ?? null;
}

export async function entityRow(db: DbOrTx, entityId: string) {
  const [row] = await db.select().from(entities).where(eq(entities.id, entityId));
  return row ?? null;
}

/** The rows of these entities (in no particular order; unknown ids are left out). */
export async function entityRows(db: DbOrTx, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db.select().from(entities).where(inArray(entities.id, entityIds));
}

/** Entity id of each ad (for ad lists that link to the person behind them). */
export async function entityOfAds(db: DbOrTx, adIds: string[]): Promise<Map<string, string>> {
  if (adIds.length === 0) return new Map();
  const rows = await db
    .select({ adId: linkAds.adId, entityId: linkAds.entityId })
    .from(linkAds)
    .where(inArray(linkAds.adId, adIds));
  return new Map(rows.map((r) => [r.adId, r.entityId]));
}

export interface EntityIdentifier {
  /** Id of one stored identifier with this value, for the audited reveal. */
  identifierId: string;
  kind: string;
  platform: string | null;
  masked: string;
  ads: number;
  obfuscated: boolean;
  /** Other entities' ads carrying it (a weak key shared across entities, e.g. a picture). */
  keyHash: string;
}

/** Identifiers of the entity's current ad versions, one per distinct value, masked. */
export async function entityIdentifiers(db: DbOrTx, adIds: string[]): Promise<EntityIdentifier[]> {
  const ads = await adsForLinking(db, adIds);
  const rows = await linkIdentifiersOf(
    db,
    ads.map((a) => a.currentVersionId),
  );
  const adOfVersion = new Map(ads.map((a) => [a.currentVersionId, a.adId]));
  const byValue = new Map<string, EntityIdentifier & { adSet: Set<string> }>();
  for (const r of rows) {
    const entry = byValue.get(r.valueHash);
    const adId = adOfVersion.get(r.versionId) ?? '';
    if (entry) {
      entry.adSet.add(adId);
      entry.obfuscated ||= r.obfuscated;
      continue;
    }
    byValue.set(r.valueHash, {
      identifierId: r.id,
      kind: r.kind,
      platform: r.platform,
      masked: r.masked,
      ads: 0,
      obfuscated: r.obfuscated,
      keyHash: r.linkHash,
      adSet: new Set([adId]),
    });
  }
  return [...byValue.values()]
    .map(({ adSet, ...rest }) => ({ ...rest, ads: adSet.size }))
    .sort(
      (a, b) => b.ads - a.ads || a.kind.localeCompare(b.kind) || a.masked.localeCompare(b.masked),
    );
}

/**
 * How many different names the person's ads that carry this identifier go by. A number behind
 * several names is often a controller's or an agency's phone: whoever reads a message to it may
 * not be the person it names. Null when the identifier is not one of this entity's.
 */
export async function namesOnIdentifier(
  db: DbOrTx,
  entityId: string,
  identifierId: string,
): Promise<{ names: number; ads: number } | null> {
  const ads = await adsForLinking(db, await memberAdIds(db, entityId));
  const rows = await linkIdentifiersOf(
    db,
    ads.map((a) => a.currentVersionId),
  );
  const target = rows.find((r) => r.id === identifierId);
  if (!target) return null;
  const versions = new Set(
    rows.filter((r) => r.valueHash === target.valueHash).map((r) => r.versionId),
  );
  const names = new Set<string>();
  let carrying = 0;
  for (const ad of ads) {
    if (!versions.has(ad.currentVersionId)) continue;
    carrying++;
    const key = ad.versions.find((v) => v.versionId === ad.currentVersionId)?.displayNameKey;
    if (key) names.add(key);
  }
  return { names: names.size, ads: carrying };
}

/** Ads outside the entity whose text is a near-duplicate of one of its ads. */
export async function similarAds(
  db: DbOrTx,
  entityId: string,
  threshold: number,
  limit = 50,
): Promise<{ adId: string; entityId: string; similarity: number; toAdId: string }[]> {
  const mine = await db
    .select({ adId: linkAds.adId, minhash: linkAds.minhash })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId))
    .limit(200);
  if (mine.length === 0) return [];
  const src: string[] = [];
  const bands: number[] = [];
  const buckets: string[] = [];
  for (const m of mine) {
    for (const b of lshBuckets(m.minhash)) {
      src.push(m.adId);
      bands.push(b.band);
      buckets.push(b.bucket.toString());
    }
  }
  const res = await db.execute<{
    src: string;
    ad_id: string;
    entity_id: string;
    minhash: number[];
  }>(sql`
    SELECT DISTINCT ON (c.ad_id) q.src, c.ad_id, la.entity_id, la.minhash
    FROM unnest(${sql.param(src)}::uuid[], ${sql.param(bands)}::smallint[], ${sql.param(buckets)}::bigint[])
      AS q(src, band, bucket)
    CROSS JOIN LATERAL (
      SELECT l.ad_id FROM link_lsh l
      WHERE l.band = q.band AND l.bucket = q.bucket
      LIMIT 50
    ) c
    JOIN link_ads la ON la.ad_id = c.ad_id
    WHERE la.entity_id <> ${entityId}`);
  const sigOf = new Map(mine.map((m) => [m.adId, m.minhash]));
  const out: { adId: string; entityId: string; similarity: number; toAdId: string }[] = [];
  for (const r of res.rows) {
    const a = sigOf.get(r.src);
    if (!a) continue;
    const sim = estimateJaccard(a, r.minhash);
    if (sim >= threshold) {
      out.push({
        adId: r.ad_id,
        entityId: r.entity_id,
        similarity: Math.round(sim * 100) / 100,
        toAdId: r.src,
      });
    }
  }
  return out
    .sort((x, y) => y.similarity - x.similarity || x.adId.localeCompare(y.adId))
    .slice(0, limit);
}

/**
 * The entity's shared templates (see shared-templates.ts), counted from its ads as they are now:
 * the same definition, and the same numbers, as its "ads with a shared template" feature.
 */
export async function entityTemplates(db: DbOrTx, entityId: string): Promise<SharedTemplates> {
  const rows = await db
    .select({ templateId: linkAds.templateId })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId));
  const ids = rows.map((r) => r.templateId);
  const uses = await templateUses(db, [...new Set(ids.filter((t): t is string => !!t))]);
  return sharedTemplatesOf(ids, uses);
}

export interface GraphNode {
  id: string;
  kind: 'ad' | 'identifier' | 'template' | 'entity';
  label: string;
}
export interface GraphEdge {
  source: string;
  target: string;
  kind: string;
}

/**
 * The entity as a graph: its ads, the identifiers joining them (masked), its templates, and other
 * entities reached through shared templates or pictures.
 */
export async function entityGraph(
  db: DbOrTx,
  entityId: string,
  labels: { adTitle: Map<string, string> },
): Promise<{ nodes: GraphNode[]; edges: GraphEdge[] }> {
  const adIds = await memberAdIds(db, entityId);
  const shown = adIds.slice(0, 300);
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const ad of shown) {
    nodes.push({ id: `ad:${ad}`, kind: 'ad', label: labels.adTitle.get(ad) ?? ad.slice(0, 8) });
  }
  const idents = await entityIdentifiers(db, shown);
  const ads = await adsForLinking(db, shown);
  const rows = await linkIdentifiersOf(
    db,
    ads.map((a) => a.currentVersionId),
  );
  const adOfVersion = new Map(ads.map((a) => [a.currentVersionId, a.adId]));
  // One node per identifier value. Keyed by value, not link hash: a phone and the WhatsApp
  // account on that number share a link hash, and keying by it left the phone without edges.
  const valueOfRow = new Map(rows.map((r) => [r.id, r.valueHash]));
  const nodeOfValue = new Map<string, string>();
  for (const i of idents) {
    const id = `id:${i.identifierId}`;
    const value = valueOfRow.get(i.identifierId);
    if (value) nodeOfValue.set(value, id);
    nodes.push({ id, kind: 'identifier', label: `${i.platform ?? i.kind} ${i.masked}` });
  }
  const seenEdge = new Set<string>();
  for (const r of rows) {
    const target = nodeOfValue.get(r.valueHash);
    const ad = adOfVersion.get(r.versionId);
    if (!target || !ad) continue;
    const key = `${ad}|${target}`;
    if (seenEdge.has(key)) continue;
    seenEdge.add(key);
    edges.push({ source: `ad:${ad}`, target, kind: r.kind });
  }
  const templ = await db
    .select({ adId: linkAds.adId, templateId: linkAds.templateId })
    .from(linkAds)
    .where(
      and(
        inArray(linkAds.adId, shown.length ? shown : ['00000000-0000-0000-0000-000000000000']),
        sql`${linkAds.templateId} IS NOT NULL`,
      ),
    );
  const templateIds = [...new Set(templ.map((t) => t.templateId as string))];
  for (const t of templateIds) nodes.push({ id: `tpl:${t}`, kind: 'template', label: 'template' });
  for (const t of templ)
    edges.push({ source: `ad:${t.adId}`, target: `tpl:${t.templateId}`, kind: 'template' });
  if (templateIds.length > 0) {
    const others = await db
      .selectDistinct({ entityId: linkAds.entityId, templateId: linkAds.templateId })
      .from(linkAds)
      .where(and(inArray(linkAds.templateId, templateIds), ne(linkAds.entityId, entityId)))
      .limit(50);
    const added = new Set<string>();
    for (const o of others) {
      if (!added.has(o.entityId)) {
        added.add(o.entityId);
        nodes.push({ id: `ent:${o.entityId}`, kind: 'entity', label: o.entityId.slice(0, 8) });
      }
      edges.push({ source: `tpl:${o.templateId}`, target: `ent:${o.entityId}`, kind: 'template' });
    }
  }
  // Pictures shared with other entities (exact perceptual hash).
  const imageKeys = await db
    .select({ keyHash: linkKeys.keyHash, adId: linkKeys.adId })
    .from(linkKeys)
    .where(
      and(
        inArray(linkKeys.adId, shown.length ? shown : ['00000000-0000-0000-0000-000000000000']),
        eq(linkKeys.kind, 'image'),
      ),
    );
  if (imageKeys.length > 0) {
    const shared = await db
      .selectDistinct({ keyHash: linkKeys.keyHash, entityId: linkAds.entityId })
      .from(linkKeys)
      .innerJoin(linkAds, eq(linkAds.adId, linkKeys.adId))
      .where(
        and(
          inArray(
            linkKeys.keyHash,
            imageKeys.map((k) => k.keyHash),
          ),
          ne(linkAds.entityId, entityId),
        ),
      )
      .limit(50);
    for (const s of shared) {
      const node = `ent:${s.entityId}`;
      if (!nodes.some((n) => n.id === node)) {
        nodes.push({ id: node, kind: 'entity', label: s.entityId.slice(0, 8) });
      }
      for (const k of imageKeys.filter((k) => k.keyHash === s.keyHash)) {
        edges.push({ source: `ad:${k.adId}`, target: node, kind: 'image' });
      }
    }
  }
  return { nodes, edges };
}

/** Ad ids in the order linking should see them (first seen), a page at a time. */
export async function entitiesPage(db: DbOrTx, after: string | null, limit: number) {
  const rows = await db
    .select({ id: entities.id })
    .from(entities)
    .where(after ? sql`${entities.id} > ${after}` : undefined)
    .orderBy(entities.id)
    .limit(limit);
  return rows.map((r) => r.id);
}

/**
 * The alias of each entity id, following merges (an id merged away answers with the survivor's
 * alias, which is the one the entity keeps). Ids of entities that no longer exist are left out.
 */
export async function entityAliases(
  db: DbOrTx,
  entityIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(entityIds)];
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const res = await db.execute<{ id: string; alias: string }>(sql`
    SELECT q.id::text AS id, e.alias
    FROM unnest(${sql.param(ids)}::uuid[]) AS q(id)
    LEFT JOIN entity_merges m ON m.from_id = q.id
    JOIN entities e ON e.id = COALESCE(
      (SELECT id FROM entities WHERE id = q.id), m.into_id)`);
  for (const r of res.rows) out.set(r.id, r.alias);
  return out;
}

/**
 * A condition on an entity id column: the entity's alias contains `text` (already reduced by
 * aliasSearchText). For the queue's search, which filters leads without reading link's tables.
 */
export function entityAliasMatchSql(entityIdColumn: SQL | Column, text: string): SQL {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  return sql`EXISTS (SELECT 1 FROM entities ea WHERE ea.id = ${entityIdColumn} AND ea.alias LIKE ${pattern})`;
}
