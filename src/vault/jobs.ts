// The vault's jobs: time-stamping a new chain head (queued after each one, and a sweep every five
// minutes for heads a failed request left bare), and every quarter hour dropping uploads left
// unfinished past their expiry and sessions past their idle time.
import { z } from 'zod';
import { defineJob, PermanentJobError, type JobDefinition } from '../platform/jobs.js';
import { TimestampError } from '../platform/timestamp/rfc3161.js';
import type { TsaSettings } from '../platform/timestamp/tsa-client.js';
import { purgeVaultSessions } from './access.js';
import type { VaultDeps } from './deps.js';
import { expireUploads } from './items.js';
import { timestampHead, timestampPendingHeads } from './timestamps.js';

export const vaultTimestampJobRef = {
  name: 'vault.timestamp-head',
  schema: z.object({ vaultId: z.uuid() }),
};

export function vaultJobs(deps: VaultDeps, tsa: TsaSettings | null): JobDefinition[] {
  const permanent = (err: unknown) => {
    if (err instanceof TimestampError && !err.retryable) {
      throw new PermanentJobError(`vault time-stamp failed: ${err.message}`);
    }
    throw err;
  };
  return [
    defineJob({
      ...vaultTimestampJobRef,
      retryLimit: 5,
      retryDelaySeconds: 60,
      handler: async ({ vaultId }, ctx) => {
        if (!tsa) return;
        try {
          const seq = await timestampHead(deps, tsa, vaultId);
          if (seq !== null) ctx.log.info({ seq }, 'vault head time-stamped');
        } catch (err) {
          permanent(err);
        }
      },
    }),
    defineJob({
      name: 'vault.timestamp-sweep',
      schema: z.object({}),
      ...(tsa ? { schedule: { cron: '*/5 * * * *', data: {} } } : {}),
      retryLimit: 1,
      handler: async (_data, ctx) => {
        if (!tsa) return;
        const stamped = await timestampPendingHeads(deps, tsa);
        if (stamped) ctx.log.info({ stamped }, 'vault heads time-stamped');
      },
    }),
    defineJob({
      name: 'vault.cleanup',
      schema: z.object({}),
      schedule: { cron: '*/15 * * * *', data: {} },
      retryLimit: 1,
      handler: async (_data, ctx) => {
        const expired = await expireUploads(deps);
        const sessions = await purgeVaultSessions(deps);
        if (expired || sessions)
          ctx.log.info({ expired, sessions }, 'vault uploads and sessions cleaned');
      },
    }),
  ];
}
