// Queue workers of the extraction context: extract one ad version (queued after every new or
// changed ad), and re-extract everything whose result was made with older rules (queued when
// analysts change custom terms or the block-list).
import { z } from 'zod';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { defineJob, type JobDefinition, type JobRef } from '../platform/jobs.js';
import { extractAdVersion, reextractAll } from './store.js';

export const ExtractVersionPayload = z.object({ adVersionId: z.uuid() });
export const extractVersionJobRef: JobRef<typeof ExtractVersionPayload> = {
  name: 'extract.ad-version',
  schema: ExtractVersionPayload,
};
export const ReextractPayload = z.object({ reason: z.string().max(200) });
export const reextractJobRef: JobRef<typeof ReextractPayload> = {
  name: 'extract.reextract',
  schema: ReextractPayload,
};

export function extractJobs(deps: {
  db: Db;
  config: Config;
  /** Called with ads whose current version was (re-)extracted, so linking can follow. */
  onExtracted?: (adIds: string[]) => Promise<void>;
}): JobDefinition[] {
  return [
    defineJob({
      ...extractVersionJobRef,
      retryLimit: 3,
      handler: async ({ adVersionId }) => {
        const result = await extractAdVersion(deps.db, deps.config, adVersionId);
        if (result?.isCurrent) await deps.onExtracted?.([result.adId]);
      },
    }),
    defineJob({
      ...reextractJobRef,
      retryLimit: 2,
      expireInSeconds: 6 * 3600,
      handler: async ({ reason }, ctx) => {
        const result = await reextractAll(deps.db, deps.config, {
          ...(deps.onExtracted ? { onExtracted: deps.onExtracted } : {}),
        });
        ctx.log.info({ reason, ...result }, 're-extraction finished');
      },
    }),
  ];
}
