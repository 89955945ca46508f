// The job queue: pg-boss on the same database in both modes (in embedded mode through the PGlite
// socket, with ordinary pg connections). Each job has a zod schema for its payload, checked when it
// is sent and again when it is worked, since a job row may outlive the code that wrote it.
// Error classes decide retries (as in Crawlee): a PermanentJobError fails at once; anything else is
// retried with backoff up to the job's limit. A job that must not retry is cancelled (pg-boss's
// terminal state that skips retries) and the reason logged.
//
// A pg-boss worker waits its polling interval (2 s) after every fetch, even one that brought a job,
// so a queue of quick jobs ran one job per worker per two seconds and a pipeline of hops (crawl,
// extract, link, score) paid up to two seconds a hop. Here a worker that finished a job fetches
// again at once, until the queue is empty; and a job sent from this process wakes this process's
// idle workers of its queue. Workers in other processes still find it at their next poll.
import { PgBoss, type QueueOptions } from 'pg-boss';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Database } from './db/connect.js';
import { scrubbedError } from './logger.js';
import type { WorkerIdentity } from './worker-identity.js';

export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

export interface JobContext {
  log: Logger;
  jobId: string;
  /** How many times this job ran before (0 on the first run). */
  retryCount: number;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  schema: S;
  handler: (data: z.infer<S>, ctx: JobContext) => Promise<void>;
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
  /**
   * A running job's worker refreshes it this often (pg-boss does it by itself); a job whose worker
   * stopped is failed by the scheduler's supervisor, and retried, within about this time.
   */
  heartbeatSeconds?: number;
  /**
   * Runs once when a process starts working this queue, before it takes a job: to close what a
   * previous incarnation of this process left half done.
   */
  recover?: (ctx: { log: Logger; jobs: Jobs }) => Promise<void>;
  /** Cron schedule run by the scheduler role, with the payload it sends. */
  schedule?: { cron: string; data: z.infer<S> };
}

export function defineJob<S extends z.ZodType>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

/** What a sender needs of a job: its queue name and payload schema, not its handler. */
export type JobRef<S extends z.ZodType = z.ZodType> = Pick<JobDefinition<S>, 'name' | 'schema'>;

export interface SendOptions {
  /**
   * pg-boss's singleton key, kept with the job. It does not drop a second send: pg-boss enforces
   * it only on queues of other policies than the standard one made here (test/e2e/scale-out saw two
   * jobs with one key), so a handler must stay right when its work is queued twice.
   */
  singletonKey?: string;
  startAfter?: Date | number;
  priority?: number;
}

export interface Jobs {
  send<S extends z.ZodType>(
    def: JobRef<S>,
    data: z.infer<S>,
    opts?: SendOptions,
  ): Promise<string | null>;
  /** Starts workers for these jobs in this process. */
  work(defs: readonly JobDefinition[], concurrency: number): Promise<void>;
  /**
   * Fails a job now, whoever holds it (a worker that is known to be gone): it is retried after the
   * job's retry delay if retries remain.
   */
  fail(def: JobRef, jobId: string, reason: string): Promise<void>;
  /** Installs the cron schedules of these jobs (scheduler role). */
  schedule(defs: readonly JobDefinition[]): Promise<void>;
  stop(): Promise<void>;
  boss: PgBoss;
}

export interface StartJobsOptions {
  database: Database;
  log: Logger;
  /** Runs pg-boss maintenance and cron in this process (the scheduler role). */
  scheduler: boolean;
  /** Every job definition the program knows; queues are created for all of them. */
  definitions: readonly JobDefinition[];
  /**
   * This process as a worker: each job it completes keeps the name and instance as its output, so
   * which process ran a job can be read from the queue afterwards (with many workers sharing it).
   */
  worker?: WorkerIdentity;
  /**
   * How long an idle worker waits before it looks for work sent by another process (pg-boss's
   * default, 2 s, when absent). Work sent from this process, and the rest of a queue a worker is
   * draining, is taken at once whatever this says.
   */
  pollingIntervalSeconds?: number;
}

/** What a completed job keeps as its output (pg-boss's `output` column): who ran it. */
export interface JobOutput {
  worker: string;
  instance: string;
}

/** Whether a queue as stored already has these options (those this module sets). */
function sameQueueOptions(queue: QueueOptions, wanted: QueueOptions): boolean {
  const keys = [
    'retryLimit',
    'retryDelay',
    'retryBackoff',
    'expireInSeconds',
    'heartbeatSeconds',
  ] as const;
  return keys.every((k) => (queue[k] ?? null) === (wanted[k] ?? null));
}

export async function startJobs(opts: StartJobsOptions): Promise<Jobs> {
  const { database, log } = opts;
  const c = database.connection;
  const boss = new PgBoss({
    ...(c.connectionString ? { connectionString: c.connectionString } : {}),
    ...(c.host ? { host: c.host } : {}),
    ...(c.port ? { port: c.port } : {}),
    ...(c.user ? { user: c.user } : {}),
    ...(c.database ? { database: c.database } : {}),
    max: 4,
    schema: 'pgboss',
    application_name: 'ariadne-jobs',
    supervise: opts.scheduler,
    schedule: opts.scheduler,
    migrate: true,
  });
  boss.on('error', (err: unknown) => log.error({ err }, 'job queue error'));
  await boss.start();
  const existing = new Map((await boss.getQueues()).map((q) => [q.name, q]));
  for (const def of opts.definitions) {
    const queueOptions = {
      retryLimit: def.retryLimit ?? 3,
      retryDelay: def.retryDelaySeconds ?? 10,
      retryBackoff: true,
      expireInSeconds: def.expireInSeconds ?? 15 * 60,
      ...(def.heartbeatSeconds ? { heartbeatSeconds: def.heartbeatSeconds } : {}),
    };
    const queue = existing.get(def.name);
    // Written only when they differ: every process start would otherwise write every queue.
    if (!queue) await boss.createQueue(def.name, queueOptions);
    else if (!sameQueueOptions(queue, queueOptions)) await boss.updateQueue(def.name, queueOptions);
  }

  /** This process's workers by queue. */
  const localWorkers = new Map<string, string[]>();
  const wake = (name: string) => {
    for (const id of localWorkers.get(name) ?? []) boss.notifyWorker(id);
  };

  const jobs: Jobs = {
    boss,
    async send(def, data, sendOpts) {
      const payload = def.schema.parse(data) as object;
      const id = await boss.send(def.name, payload, {
        ...(sendOpts?.singletonKey ? { singletonKey: sendOpts.singletonKey } : {}),
        ...(sendOpts?.startAfter
          ? {
              startAfter:
                sendOpts.startAfter instanceof Date
                  ? sendOpts.startAfter
                  : new Date(sendOpts.startAfter),
            }
          : {}),
        ...(sendOpts?.priority !== undefined ? { priority: sendOpts.priority } : {}),
      });
      if (id !== null && !sendOpts?.startAfter) wake(def.name);
      return id;
    },
    async work(defs, concurrency) {
      for (const def of defs) {
        await def.recover?.({ log: log.child({ job: def.name, recover: true }), jobs });
        // One pg-boss worker per slot, so that each knows its own id and can ask to fetch again.
        const ids = localWorkers.get(def.name) ?? [];
        localWorkers.set(def.name, ids);
        for (let slot = 0; slot < concurrency; slot++) {
          const self: { id?: string } = {};
          self.id = await boss.work(
            def.name,
            {
              localConcurrency: 1,
              batchSize: 1,
              includeMetadata: true,
              ...(opts.pollingIntervalSeconds
                ? { pollingIntervalSeconds: opts.pollingIntervalSeconds }
                : {}),
            },
            async (jobs): Promise<JobOutput | undefined> => {
              // Set before the job is settled, so the loop skips its pause and fetches again;
              // a fetch that comes back empty pauses as usual. Undefined only for a job taken
              // before boss.work() returned: that one ends with the usual pause.
              if (self.id) boss.notifyWorker(self.id);
              for (const job of jobs) {
                const jobLog = log.child({ job: def.name, jobId: job.id });
                const parsed = def.schema.safeParse(job.data);
                if (!parsed.success) {
                  jobLog.error(
                    { issues: parsed.error.issues },
                    'job payload is invalid; cancelled without retry',
                  );
                  await boss.cancel(def.name, job.id);
                  continue;
                }
                try {
                  await def.handler(parsed.data, {
                    log: jobLog,
                    jobId: job.id,
                    retryCount: job.retryCount,
                  });
                } catch (err) {
                  if (err instanceof PermanentJobError) {
                    // pg-boss would retry a failed job; cancelling is its terminal state without retries.
                    jobLog.warn(
                      { reason: err.message },
                      'job failed permanently; cancelled without retry',
                    );
                    await boss.cancel(def.name, job.id);
                    continue;
                  }
                  jobLog.warn({ err }, 'job failed; will retry if retries remain');
                  // pg-boss stores the error with the job; a failed query's parameters stay out.
                  throw scrubbedError(err);
                }
              }
              // One job per batch, so pg-boss stores this as the job's output.
              return opts.worker
                ? { worker: opts.worker.name, instance: opts.worker.instance }
                : undefined;
            },
          );
          ids.push(self.id);
        }
      }
    },
    async fail(def, jobId, reason) {
      await boss.fail(def.name, jobId, { message: reason });
    },
    async schedule(defs) {
      for (const def of defs) {
        if (def.schedule)
          await boss.schedule(def.name, def.schedule.cron, def.schedule.data as object, {
            tz: 'UTC',
          });
      }
    },
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: true });
    },
  };
  return jobs;
}
