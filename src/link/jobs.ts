// Queue workers of the link context: link a batch of ads after extraction (their entities and
// templates updated incrementally), then hand the entities whose evidence changed to the caller.
import { z } from 'zod';
import type { Db } from '../platform/db/connect.js';
import { defineJob, type JobDefinition, type JobRef } from '../platform/jobs.js';
import { linkAdBatch, type LinkHooks, type LinkOutcome, type LinkSettings } from './store.js';

export const LinkAdsPayload = z.object({ adIds: z.array(z.uuid()).min(1).max(1000) });
export const linkAdsJobRef: JobRef<typeof LinkAdsPayload> = {
  name: 'link.ads',
  schema: LinkAdsPayload,
};

export function linkJobs(deps: {
  db: Db;
  settings: LinkSettings;
  hooks: LinkHooks;
  /** Called after the batch committed, with the entities to refresh and score. */
  onLinked: (outcome: LinkOutcome) => Promise<void>;
}): JobDefinition[] {
  return [
    defineJob({
      ...linkAdsJobRef,
      retryLimit: 5,
      handler: async ({ adIds }) => {
        const outcome = await linkAdBatch(deps.db, deps.settings, adIds, deps.hooks);
        await deps.onLinked(outcome);
      },
    }),
  ];
}
