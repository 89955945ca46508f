// Where the records other contexts count for Insights took place: the first place of the entity
// an ad belongs to, or of an entity a conversation is about (following a merge to the entity it
// went into). Given as SQL for the counting queries of collect and outreach, which the insights
// context hands these to: a count stays one query however many ads a period holds, and those
// contexts learn nothing of link's tables. A place is a gazetteer id, never anything personal.
import { sql, type SQL } from 'drizzle-orm';
import { entities, entityMerges, linkAds } from './schema.js';

/** The place of an entity (or of the one it was merged into); null when it has none. */
export function entityPlaceSql(entityId: SQL): SQL {
  return sql`coalesce(
    (SELECT pe.place_ids[1] FROM ${entities} pe WHERE pe.id = ${entityId}),
    (SELECT pe.place_ids[1] FROM ${entityMerges} pm JOIN ${entities} pe ON pe.id = pm.into_id
      WHERE pm.from_id = ${entityId}))`;
}

/** The place of the entity an ad is linked into; null when not linked yet or placeless. */
export function adPlaceSql(adId: SQL): SQL {
  return sql`(SELECT pe.place_ids[1] FROM ${linkAds} pl JOIN ${entities} pe ON pe.id = pl.entity_id
    WHERE pl.ad_id = ${adId})`;
}
