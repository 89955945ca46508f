// The link context's part of retention: which entities other records lean on (ids they hold may be
// of entities since merged away: they lean on the entity the merge went into), the ads of a set of
// entities, and the erasure of an entity that retention lets go, with the keys, buckets and
// template places of its ads. The ads themselves belong to collect, which erases them after this.
// Also the entities that never became a lead: the caller names the ones kept (leads, contacted,
// held); the rest go once their evidence is past the period, as an uncontacted lead's would.
import { and, asc, eq, gte, inArray, isNotNull, lt, min, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import { entities, entityMerges, linkAds, linkKeys, linkLsh, linkStrongKeys } from './schema.js';
import { recountTemplates } from './store.js';

/**
 * The current entities behind a list of entity ids (a subquery of ids), as a subquery: the ids
 * themselves and the entities those of them that were merged away went into.
 */
export function currentEntityIds(db: DbOrTx, ids: SQL): SQL {
  return sql`SELECT ${entities.id} FROM ${entities} WHERE ${entities.id} IN (${ids})
    UNION SELECT ${entityMerges.intoId} FROM ${entityMerges} WHERE ${entityMerges.fromId} IN (${ids})`;
}

/** The ads linked into these entities (a subquery of entity ids), as a subquery. */
export function adIdsOfEntities(db: DbOrTx, entityIds: SQL): SQL {
  return db
    .select({ id: linkAds.adId })
    .from(linkAds)
    .where(inArray(linkAds.entityId, sql`(${entityIds})`))
    .getSQL();
}

/**
 * Those of these ads that an entity still holds, as a subquery: an ad linked again meanwhile (into
 * another entity) is one a kept record leans on, so retention leaves it.
 */
export function stillLinkedAdIds(db: DbOrTx, adIds: readonly string[]): SQL {
  return db
    .select({ id: linkAds.adId })
    .from(linkAds)
    .where(inArray(linkAds.adId, adIds.length > 0 ? [...adIds] : [NO_ID]))
    .getSQL();
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

/**
 * Entities whose evidence (an ad joined, changed or left) is older than `cutoff` and that are not
 * among `kept` (a subquery of entity ids), oldest first; and when the next one's evidence is.
 */
export async function idleEntitiesDue(db: DbOrTx, cutoff: Date, kept: SQL) {
  const free = sql`${entities.id} NOT IN (${kept})`;
  const due = await db
    .select({ id: entities.id })
    .from(entities)
    .where(and(free, lt(entities.evidenceAt, cutoff)))
    .orderBy(asc(entities.evidenceAt), asc(entities.id));
  const [next] = await db
    .select({ at: min(entities.evidenceAt) })
    .from(entities)
    .where(and(free, gte(entities.evidenceAt, cutoff)));
  return { due: due.map((r) => r.id), nextEvidenceAt: next?.at ? new Date(next.at) : null };
}

/** Whether this entity is still due: re-checked under its row lock before it is erased. */
export async function entityStillDue(
  tx: DbOrTx,
  entityId: string,
  cutoff: Date,
  kept: SQL,
): Promise<boolean> {
  const rows = await tx
    .select({ id: entities.id })
    .from(entities)
    .where(
      and(
        eq(entities.id, entityId),
        lt(entities.evidenceAt, cutoff),
        sql`${entities.id} NOT IN (${kept})`,
      ),
    )
    .for('update');
  return rows.length > 0;
}

/** The ids of the entities that were merged into this one (a merge of a merge included). */
export async function formerEntityIds(tx: DbOrTx, entityId: string): Promise<string[]> {
  const former = await tx
    .select({ id: entityMerges.fromId })
    .from(entityMerges)
    .where(eq(entityMerges.intoId, entityId));
  return former.map((r) => r.id);
}

/** What an entity holds for its erasure: its ads, and the ids that were merged into it. */
export async function entityHoldings(tx: DbOrTx, entityId: string) {
  const ads = await tx
    .select({ id: linkAds.adId })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId))
    .orderBy(linkAds.adId);
  return { adIds: ads.map((r) => r.id), formerIds: await formerEntityIds(tx, entityId) };
}

/**
 * Erases an entity with its ads' link rows (keys, near-duplicate buckets, membership), its strong
 * keys and the record of the ids merged into it. Templates its ads were in are recounted (one left
 * with a single ad dissolves); returns the other entities whose template counts changed, which
 * score again on their next evidence. Runs inside the caller's transaction.
 */
export async function eraseEntity(
  tx: DbOrTx,
  entityId: string,
  adIds: readonly string[],
  now: Date,
): Promise<{ ads: number; templateNeighbours: string[] }> {
  const ids = [...adIds];
  let neighbours = new Set<string>();
  if (ids.length > 0) {
    const templates = await tx
      .selectDistinct({ id: linkAds.templateId })
      .from(linkAds)
      .where(sql`${inArray(linkAds.adId, ids)} AND ${isNotNull(linkAds.templateId)}`);
    await tx.delete(linkLsh).where(inArray(linkLsh.adId, ids));
    await tx.delete(linkKeys).where(inArray(linkKeys.adId, ids));
    await tx.delete(linkAds).where(inArray(linkAds.adId, ids));
    neighbours = await recountTemplates(
      tx,
      new Set(templates.flatMap((t) => (t.id ? [t.id] : []))),
      now,
    );
  }
  // Ads linked into the entity under another id than these (none, unless linking ran meanwhile:
  // the caller holds the lead's row lock, not linking's) would keep it alive: leave it then.
  const [left] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(linkAds)
    .where(eq(linkAds.entityId, entityId));
  if ((left?.n ?? 0) > 0) return { ads: ids.length, templateNeighbours: [] };
  await tx.delete(linkStrongKeys).where(eq(linkStrongKeys.entityId, entityId));
  await tx.delete(entityMerges).where(eq(entityMerges.intoId, entityId));
  await tx.delete(entities).where(eq(entities.id, entityId));
  neighbours.delete(entityId);
  return { ads: ids.length, templateNeighbours: [...neighbours].sort() };
}
