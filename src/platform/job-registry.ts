// What every job registry is given (JobDeps) and the platform's own jobs (sessions, audit anchors).
// The registry of every context's jobs is the composition root's: src/app/jobs.ts.
import type { Logger } from 'pino';
import { z } from 'zod';
import { anchorAuditHead, anchorCron } from './audit/audit-anchors.js';
import { purgeExpiredSessions } from './auth/sessions.js';
import type { AddressGuard } from './address-guard.js';
import { purgeStaleAddresses } from './auth/sign-in-addresses.js';
import type { BlobStore } from './blobs/blob-store.js';
import type { Clock } from './clock.js';
import type { Config } from './config.js';
import type { Database } from './db/connect.js';
import { defineJob, PermanentJobError, type JobDefinition, type Jobs } from './jobs.js';
import { TimestampError } from './timestamp/rfc3161.js';
import { loadTrustAnchors, type TsaSettings } from './timestamp/tsa-client.js';
import type { WorkerIdentity } from './worker-identity.js';

export interface JobDeps {
  config: Config;
  database: Database;
  blobs: BlobStore;
  log: Logger;
  /** Refuses internal addresses for every crawl fetch (the demo opens its own board in it). */
  addressGuard: AddressGuard;
  /** "Now" for every time-dependent decision a job makes: `systemClock` in production. */
  clock: Clock;
  /** The running queue, for jobs that queue other jobs (available once started). */
  jobs: () => Jobs;
  /** Registers what must be closed when the process stops (after the workers, before the DB). */
  onStop?: (close: () => Promise<void>) => void;
  /** This process as a worker (name kept across restarts, instance new at each start). */
  worker?: WorkerIdentity;
}

export const auditAnchorJobRef = { name: 'platform.audit-anchor', schema: z.object({}) };

export function platformJobs(deps: JobDeps): JobDefinition[] {
  const { tsa, tsaTrustFile, anchorIntervalMinutes } = deps.config.audit;
  // Read at start, so a broken trust file stops the process with a clear message (not every hour).
  const tsaSettings: TsaSettings | null =
    tsa && tsaTrustFile
      ? { url: tsa.url, timeoutMs: tsa.timeoutMs, trustAnchors: loadTrustAnchors(tsaTrustFile) }
      : null;
  return [
    defineJob({
      name: 'platform.purge-sessions',
      schema: z.object({}),
      schedule: { cron: '*/15 * * * *', data: {} },
      retryLimit: 1,
      handler: async (_data, ctx) => {
        const removed = await purgeExpiredSessions(deps.database.db, deps.config);
        if (removed > 0) ctx.log.info({ removed }, 'expired sessions removed');
        // Client addresses are kept only while a failure still counts or a sign-in is recent.
        const forgotten = await purgeStaleAddresses(deps.database.db, deps.clock.now());
        if (forgotten > 0) ctx.log.info({ forgotten }, 'stale sign-in addresses removed');
      },
    }),
    defineJob({
      ...auditAnchorJobRef,
      // Off without a TSA; a schedule left from an earlier configuration finds nothing to do.
      ...(tsaSettings ? { schedule: { cron: anchorCron(anchorIntervalMinutes), data: {} } } : {}),
      retryLimit: 5,
      retryDelaySeconds: 60,
      handler: async (_data, ctx) => {
        if (!tsaSettings) {
          ctx.log.info('no time-stamping authority configured (AUDIT_TSA_URL); nothing anchored');
          return;
        }
        try {
          const anchor = await anchorAuditHead(deps.database.db, tsaSettings, deps.clock);
          if (anchor) ctx.log.info({ anchor: anchor.id, seq: anchor.seq }, 'audit chain anchored');
        } catch (err) {
          // TSA down or busy: retried (with backoff), and the next scheduled run tries anyway.
          // A refused or unverifiable time-stamp will not get better by asking again at once.
          if (err instanceof TimestampError && !err.retryable) {
            throw new PermanentJobError(`audit anchoring failed: ${err.message}`);
          }
          throw err;
        }
      },
    }),
  ];
}
