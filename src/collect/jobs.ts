// Queue workers of the collect context: run a requested crawl, and queue scheduled crawls of
// sources whose cron schedule is due (checked every minute by the scheduler's tick).
import { Cron } from 'croner';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { SYSTEM_ACTOR } from '../platform/actor.js';
import { AppError } from '../platform/errors.js';
import {
  defineJob,
  PermanentJobError,
  type JobDefinition,
  type JobRef,
  type Jobs,
} from '../platform/jobs.js';
import { abandonQueuedRun, executeCrawl, requestCrawl, type CollectDeps } from './crawl-service.js';
import { crawlRuns, sources } from './schema.js';

export const CRAWL_JOB = 'collect.crawl';
export const CrawlJobPayload = z.object({ runId: z.uuid() });
/** For senders (routes, scheduler): the crawl job's name and payload. */
export const crawlJobRef: JobRef<typeof CrawlJobPayload> = {
  name: CRAWL_JOB,
  schema: CrawlJobPayload,
};

export function collectJobs(deps: CollectDeps & { jobs: () => Jobs }): JobDefinition[] {
  const crawl = defineJob({
    ...crawlJobRef,
    retryLimit: 2,
    retryDelaySeconds: 60,
    expireInSeconds: 6 * 3600,
    handler: async ({ runId }, ctx) => {
      try {
        const summary = await executeCrawl({ ...deps, log: ctx.log }, runId);
        ctx.log.info({ summary }, 'crawl finished');
      } catch (err) {
        if (err instanceof AppError && (err.code === 'not_found' || err.code === 'conflict')) {
          if (err.code === 'conflict') await abandonQueuedRun(deps.db, runId, err.message);
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
      const due = await dueSources(deps, new Date());
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
