// Queue workers of the score context: score an entity whose evidence changed (after linking, or
// after the score model changed), re-score everything, and check saved searches for new matches.
import { z } from 'zod';
import { entitiesPage } from '../link/index.js';
import type { AtRestKeys, FieldKey } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { defineJob, type JobDefinition, type JobRef, type Jobs } from '../platform/jobs.js';
import type { ScoreHooks } from './hooks.js';
import { processEntity } from './pipeline.js';
import { checkSavedSearches } from './saved-searches.js';

export const ScoreEntityPayload = z.object({ entityId: z.uuid() });
export const scoreEntityJobRef: JobRef<typeof ScoreEntityPayload> = {
  name: 'score.entity',
  schema: ScoreEntityPayload,
};
export const RescoreAllPayload = z.object({ reason: z.string().max(200) });
export const rescoreAllJobRef: JobRef<typeof RescoreAllPayload> = {
  name: 'score.rescore-all',
  schema: RescoreAllPayload,
};

/** Queues scoring of entities; one pending job per entity. */
export async function queueScoring(jobs: Jobs, entityIds: string[]): Promise<void> {
  for (const entityId of entityIds) {
    await jobs.send(scoreEntityJobRef, { entityId }, { singletonKey: entityId });
  }
}

/** Scores every entity (after a model change, or from `ariadne score --all`). */
export async function scoreAll(
  db: Db,
  keys: readonly FieldKey[],
  onProgress?: (done: number) => void,
  hooks?: ScoreHooks,
): Promise<{ entities: number; leadsCreated: number; urgent: number }> {
  let after: string | null = null;
  let done = 0;
  let leadsCreated = 0;
  let urgent = 0;
  for (;;) {
    const page = await entitiesPage(db, after, 200);
    if (page.length === 0) break;
    after = page[page.length - 1] ?? null;
    for (const id of page) {
      const r = await processEntity(db, keys, id, new Date(), hooks);
      if (r?.lead === 'created') leadsCreated++;
      if (r?.result.urgent) urgent++;
      done++;
    }
    onProgress?.(done);
  }
  return { entities: done, leadsCreated, urgent };
}

/**
 * Scoring reads stored facts and saved searches read ads: both are encrypted, hence the keys. The
 * hooks carry a minor's lead to the child protocol (src/app wires them to cases).
 */
export function scoreJobs(deps: { db: Db; keys: AtRestKeys; hooks: ScoreHooks }): JobDefinition[] {
  return [
    defineJob({
      ...scoreEntityJobRef,
      retryLimit: 3,
      handler: async ({ entityId }) => {
        await processEntity(deps.db, deps.keys.fieldKeys, entityId, new Date(), deps.hooks);
      },
    }),
    defineJob({
      ...rescoreAllJobRef,
      retryLimit: 1,
      expireInSeconds: 6 * 3600,
      handler: async ({ reason }, ctx) => {
        const result = await scoreAll(deps.db, deps.keys.fieldKeys, undefined, deps.hooks);
        ctx.log.info({ reason, ...result }, 're-scoring finished');
      },
    }),
    defineJob({
      name: 'score.saved-searches',
      schema: z.object({}),
      schedule: { cron: '*/5 * * * *', data: {} },
      retryLimit: 1,
      handler: async (_data, ctx) => {
        const alerted = await checkSavedSearches(deps.db, deps.keys);
        if (alerted > 0) ctx.log.info({ alerted }, 'saved searches have new matches');
      },
    }),
  ];
}
