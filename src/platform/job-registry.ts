// Every job the program knows, from every context. Workers, the scheduler and senders all take
// their definitions from here so queue names and payload schemas agree across processes.
import type { Logger } from 'pino';
import { z } from 'zod';
import { collectJobs } from '../collect/jobs.js';
import { extractJobs, extractVersionJobRef } from '../extract/db/jobs.js';
import { linkAdsJobRef, linkJobs } from '../link/jobs.js';
import { linkSettings } from '../link/store.js';
import { linkHooks } from '../score/hooks.js';
import { queueScoring, scoreJobs } from '../score/jobs.js';
import { outreachJobs } from '../outreach/jobs.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import type { BlobStore } from './blobs/blob-store.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { defineJob, type JobDefinition, type Jobs } from './jobs.js';

export interface JobDeps {
  config: Config;
  database: Database;
  blobs: BlobStore;
  log: Logger;
  /** The running queue, for jobs that queue other jobs (available once started). */
  jobs: () => Jobs;
  /** Registers what must be closed when the process stops (after the workers, before the DB). */
  onStop?: (close: () => Promise<void>) => void;
}

export function platformJobs(deps: JobDeps): JobDefinition[] {
  return [
    defineJob({
      name: 'platform.purge-sessions',
      schema: z.object({}),
      schedule: { cron: '*/15 * * * *', data: {} },
      retryLimit: 1,
      handler: async (_data, ctx) => {
        const removed = await purgeExpiredSessions(deps.database.db, deps.config);
        if (removed > 0) ctx.log.info({ removed }, 'expired sessions removed');
      },
    }),
  ];
}

export function allJobs(deps: JobDeps): JobDefinition[] {
  return [
    ...platformJobs(deps),
    ...collectJobs({
      db: deps.database.db,
      blobs: deps.blobs,
      keys: deps.config.secrets,
      log: deps.log,
      jobs: deps.jobs,
      onAdVersion: async (adVersionId) => {
        await deps.jobs().send(extractVersionJobRef, { adVersionId });
      },
    }),
    ...extractJobs({
      db: deps.database.db,
      config: deps.config,
      onExtracted: async (adIds) => {
        for (let i = 0; i < adIds.length; i += 500) {
          await deps.jobs().send(linkAdsJobRef, { adIds: adIds.slice(i, i + 500) });
        }
      },
    }),
    ...linkJobs({
      db: deps.database.db,
      settings: linkSettings(deps.config),
      hooks: linkHooks,
      onLinked: async (outcome) => {
        await queueScoring(deps.jobs(), outcome.touched);
      },
    }),
    ...scoreJobs({ db: deps.database.db, keys: deps.config.secrets }),
    ...outreachJobs({
      db: deps.database.db,
      config: deps.config,
      log: deps.log,
      jobs: deps.jobs,
      ...(deps.onStop ? { onStop: deps.onStop } : {}),
    }),
  ];
}
