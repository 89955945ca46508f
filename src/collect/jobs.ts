// Queue workers of the collect context: run a requested crawl, and queue scheduled crawls of
// sources whose cron schedule is due (checked every minute by the scheduler's tick). A worker that
// starts fails the crawls its previous incarnation left running, and the tick fails those whose
// worker stopped answering; either way their jobs are failed at once, so they are retried (and the
// crawl resumed) within a minute or two rather than when the job would have expired.
import { Cron } from 'croner';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../platform/actor.js';
import { systemClock } from '../platform/clock.js';
import { AppError } from '../platform/errors.js';
import {
  defineJob,
  PermanentJobError,
  type JobDefinition,
  type JobRef,
  type Jobs,
} from '../platform/jobs.js';
import { oneOffIdentity } from '../platform/worker-identity.js';
import {
  abandonQueuedRun,
  executeCrawl,
  failRunsOfLostWorkers,
  requestCrawl,
  type CollectDeps,
  type LostRun,
} from './crawl-service.js';
import { crawlRuns, sources } from './schema.js';

export const CRAWL_JOB = 'collect.crawl';
export const CrawlJobPayload = z.object({ runId: z.uuid() });
/** For senders (routes, scheduler): the crawl job's name and payload. */
export const crawlJobRef: JobRef<typeof CrawlJobPayload> = {
  name: CRAWL_JOB,
  schema: CrawlJobPayload,
};

export function collectJobs(deps: CollectDeps & { jobs: () => Jobs }): JobDefinition[] {
  const clock = deps.clock ?? systemClock;
  const worker = deps.worker ?? oneOffIdentity('worker');
  const crawlDeps = { ...deps, clock, worker };
  /** A lost run's job is failed now (retried after the retry delay), not left until it expires. */
  const failJobsOf = async (lost: LostRun[], jobs: Jobs, log: Logger) => {
    for (const run of lost) {
      log.warn({ runId: run.id, jobId: run.jobId, reason: run.message }, 'crawl worker lost');
      if (run.jobId) await jobs.fail(crawlJobRef, run.jobId, run.message ?? 'crawl worker lost');
    }
  };
  const crawl = defineJob({
    ...crawlJobRef,
    retryLimit: 2,
    retryDelaySeconds: 30,
    // A crawl may take hours; the heartbeat, not the expiry, tells a dead worker's job apart.
    expireInSeconds: 6 * 3600,
    // At least RUN_DEAD_AFTER_MS: a job retried for a lost heartbeat then finds its run dead.
    heartbeatSeconds: 90,
    recover: async ({ jobs, log }) => {
      await failJobsOf(await failRunsOfLostWorkers(deps.db, clock, worker), jobs, log);
    },
    handler: async ({ runId }, ctx) => {
      try {
        const summary = await executeCrawl({ ...crawlDeps, log: ctx.log }, runId, {
          jobId: ctx.jobId,
        });
        ctx.log.info({ summary }, 'crawl finished');
      } catch (err) {
        if (err instanceof AppError && (err.code === 'not_found' || err.code === 'conflict')) {
          if (err.code === 'conflict') await abandonQueuedRun(deps.db, runId, err.message, clock);
          throw new PermanentJobError(err.message);
        }
        throw err;
      }
    },
  });
  const tick = defineJob({
    name: 'collect.schedule-tick',
    schema: z.object({}),
    schedule: { cron: '* * * * *', data: {} },
    retryLimit: 0,
    handler: async (_data, ctx) => {
      await failJobsOf(await failRunsOfLostWorkers(deps.db, clock, worker), deps.jobs(), ctx.log);
      const due = await dueSources(deps, clock.now());
      for (const sourceId of due) {
        const run = await requestCrawl(deps.db, SYSTEM_ACTOR, sourceId, 'schedule');
        await deps.jobs().send(crawl, { runId: run.id }, { singletonKey: `crawl:${sourceId}` });
        ctx.log.info({ sourceId, runId: run.id }, 'scheduled crawl queued');
      }
    },
  });
  return [crawl, tick];
}

/** Enabled sources whose cron fired since their last scheduled crawl was requested. */
export async function dueSources(deps: Pick<CollectDeps, 'db'>, now: Date): Promise<string[]> {
  const rows = await deps.db.select().from(sources).where(eq(sources.enabled, true));
  const scheduled = rows.filter((s) => s.definition.schedule);
  if (scheduled.length === 0) return [];
  const last = await deps.db
    .select({
      sourceId: crawlRuns.sourceId,
      createdAt: crawlRuns.createdAt,
      status: crawlRuns.status,
    })
    .from(crawlRuns)
    .where(
      and(
        inArray(
          crawlRuns.sourceId,
          scheduled.map((s) => s.id),
        ),
        eq(crawlRuns.trigger, 'schedule'),
      ),
    )
    .orderBy(desc(crawlRuns.createdAt));
  const due: string[] = [];
  for (const s of scheduled) {
    const previous = last.find((r) => r.sourceId === s.id);
    if (previous && (previous.status === 'queued' || previous.status === 'running')) continue;
    const cron = new Cron(s.definition.schedule!, { paused: true, timezone: 'UTC' });
    const from = previous?.createdAt ?? s.createdAt;
    const next = cron.nextRun(from);
    if (next && next <= now) due.push(s.id);
  }
  return due;
}
