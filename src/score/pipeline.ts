// Scoring after linking: an entity whose evidence changed gets its features refreshed (link
// context), then every ad of it and the entity itself are scored with the active model, and its
// lead is brought in line. Idempotent: running it twice gives the same scores and the same queue.
import { eq, inArray, sql } from 'drizzle-orm';
import { refreshEntity, entityEvidence, linkAdBatch, type LinkSettings } from '../link/index.js';
import { linkHooks, type ScoreHooks } from './hooks.js';
import type { FieldKey } from '../platform/crypto.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { activeModel } from './model-store.js';
import { leadThresholdOf } from './model.js';
import { syncLead } from './leads.js';
import { concernsMinor } from './minor.js';
import { adScores, entityScores } from './schema.js';
import { scoreAd, scoreEntity } from './score.js';
import type { ScoreResult } from './types.js';

export interface EntityScored {
  entityId: string;
  result: ScoreResult;
  lead: Awaited<ReturnType<typeof syncLead>>;
}

/**
 * Refreshes and scores one entity; null when it no longer exists (merged or emptied). A lead that
 * concerns a minor is handed to `hooks.onMinorLead` in the same transaction (the child protocol);
 * without hooks (scoring on its own, in tests of the scorer) no alert is raised.
 */
export async function processEntity(
  db: Db,
  keys: readonly FieldKey[],
  entityId: string,
  now = new Date(),
  hooks?: ScoreHooks,
): Promise<EntityScored | null> {
  return db.transaction(async (tx) => {
    // One scorer per entity at a time; a second job for it waits and then sees fresh data.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`score:${entityId}`}))`);
    const refreshed = await refreshEntity(tx, keys, entityId, now);
    if (!refreshed) return null;
    const { version, model } = await activeModel(tx);
    const ads = refreshed.members.map((m) => ({
      adId: m.ad.adId,
      facts: m.facts,
      boilerplate: m.boilerplate,
    }));
    for (const ad of ads) {
      const r = scoreAd(ad, model, version);
      const row = {
        adId: ad.adId,
        score: r.score,
        urgent: r.urgent,
        reasons: r.reasons,
        modelVersion: version,
        scoredAt: now,
      };
      await tx.insert(adScores).values(row).onConflictDoUpdate({ target: adScores.adId, set: row });
    }
    const result = scoreEntity({ ads, features: refreshed.features }, model, version);
    const row = {
      entityId,
      score: result.score,
      urgent: result.urgent,
      flags: result.flags,
      reasons: result.reasons,
      modelVersion: version,
      scoredAt: now,
      exploitationType: result.exploitationType,
    };
    await tx
      .insert(entityScores)
      .values(row)
      .onConflictDoUpdate({ target: entityScores.entityId, set: row });
    const evidence = await entityEvidence(tx, entityId);
    const lead = evidence
      ? await syncLead(tx, evidence, result, leadThresholdOf(model, result.exploitationType))
      : ('none' as const);
    // A minor's entity is urgent, so it always has a lead (whatever its score).
    if (hooks && concernsMinor(result) && lead !== 'none' && lead !== 'dropped') {
      await hooks.onMinorLead(tx, { entityId, at: now });
    }
    return { entityId, result, lead };
  });
}

export async function entityScoreOf(db: DbOrTx, entityId: string) {
  const [row] = await db.select().from(entityScores).where(eq(entityScores.entityId, entityId));
  return row ?? null;
}

/** The scores of these entities (unscored ones are left out). */
export async function entityScoresOf(db: DbOrTx, entityIds: string[]) {
  if (entityIds.length === 0) return [];
  return db.select().from(entityScores).where(inArray(entityScores.entityId, entityIds));
}

/**
 * Links ads and scores the entities they touched, in this process (for the CLI, where no worker
 * runs; the server does the same through jobs).
 */
export async function linkAndScore(
  db: Db,
  settings: LinkSettings,
  adIds: string[],
  hooks?: ScoreHooks,
): Promise<{ entities: number; leadsCreated: number }> {
  let entities = 0;
  let leadsCreated = 0;
  for (let i = 0; i < adIds.length; i += 500) {
    const outcome = await linkAdBatch(db, settings, adIds.slice(i, i + 500), linkHooks);
    for (const id of outcome.touched) {
      const r = await processEntity(db, settings.fieldKeys, id, new Date(), hooks);
      entities++;
      if (r?.lead === 'created') leadsCreated++;
    }
  }
  return { entities, leadsCreated };
}
