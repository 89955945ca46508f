// Runs a crawl of one source end to end: claims the run (one crawl per source at a time, across
// all workers), crawls, stores captures, ads and errors, re-checks the ads no longer listed, assesses
// the source's health against its history and writes the summary. Runs stay honest about their
// workers: a crawling worker beats a heartbeat on its run, a run whose worker is gone (restarted,
// or silent for a few heartbeats) is failed at once with why, and its retried job resumes the crawl.
// Used by the job and by the CLI.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne, notInArray, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { auditFields, type Actor } from '../platform/actor.js';
import type { AddressGuard } from '../platform/address-guard.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { systemClock, type Clock } from '../platform/clock.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { oneOffIdentity, type WorkerIdentity } from '../platform/worker-identity.js';
import {
  activeAdsNotSeenSince,
  findAdByUrl,
  markAdsGone,
  recordAdObservation,
  touchAdSeen,
} from './ads.js';
import { sealCapture } from './captures.js';
import {
  classifyError,
  createCrawlFetcher,
  type CaptureKind,
  type CrawlError,
  type CrawlFetcher,
  type FetchPlace,
} from './crawl-fetcher.js';
import type { CrawlStats, FoundAd } from './crawler.js';
import { FetchFailure, type FetchedResponse } from './fetch-page.js';
import { assessHealth, type HealthAssessment, type RunYield } from './health.js';
import { captures, crawlErrors, crawlRuns, sources } from './schema.js';
import { buildCaptureWarc, sha256Hex } from './warc.js';

export interface CollectDeps {
  db: Db;
  blobs: BlobStore;
  /** Ad text and captures are kept encrypted under these (config.secrets). */
  keys: AtRestKeys;
  log: Logger;
  chromiumPath?: string;
  /** Refuses internal addresses for every fetch (src/platform/address-guard.ts). */
  addressGuard: AddressGuard;
  /** Told about every new or changed ad version (the runtime queues its extraction). */
  onAdVersion?: (adVersionId: string) => Promise<void>;
  /** "Now" for every time-dependent decision (liveness, recrawl freshness). Default: the system's. */
  clock?: Clock;
  /** Who runs the crawl. Default: this process, under a name no worker takes. */
  worker?: WorkerIdentity;
}

export type CrawlRunRow = typeof crawlRuns.$inferSelect;

export interface CrawlSummary {
  runId: string;
  source: string;
  status: 'finished' | 'failed';
  pagesFetched: number;
  adsFound: number;
  adsNew: number;
  adsChanged: number;
  adsUnchanged: number;
  adsGone: number;
  parseErrors: number;
  errorsByKind: Record<string, number>;
  health: HealthAssessment;
  message?: string;
}

/** How often a crawling worker moves its run's heartbeat on. */
export const RUN_HEARTBEAT_MS = 15_000;
/**
 * A running run whose heartbeat is older than this (six missed beats: a busy database may delay a
 * few) has lost its worker. Keep it at most the crawl job's pg-boss heartbeat (jobs.ts), so a job
 * retried because its worker died finds the run already dead rather than apparently still held.
 */
export const RUN_DEAD_AFTER_MS = 6 * RUN_HEARTBEAT_MS;
/** A dead run is resumed (its ad pages not read again) only when it stopped less than this ago. */
export const RESUME_WITHIN_MS = 60 * 60_000;

let thisProcess: WorkerIdentity | undefined;
const defaultWorker = () => (thisProcess ??= oneOffIdentity('crawl'));
/** Runs this process is crawling right now: alive for certain, however late their heartbeat. */
const runsInHand = new Set<string>();

export async function requestCrawl(
  db: Db,
  actor: Actor,
  sourceId: string,
  trigger: 'manual' | 'schedule' | 'cli',
): Promise<CrawlRunRow> {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new AppError('not_found', keyed('collect.sourceNotFound', 'No such source.'));
  if (!source.enabled && trigger === 'schedule')
    throw new AppError('conflict', keyed('collect.sourceDisabled', 'The source is disabled.'));
  const [run] = await db
    .insert(crawlRuns)
    .values({ sourceId, trigger, requestedBy: actor.userId })
    .returning();
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'crawl.request',
    targetType: 'source',
    targetId: sourceId,
    details: { runId: run!.id, trigger },
  });
  return run!;
}

/**
 * Closes a run that will never start because its job was refused (another crawl of the source was
 * running): left "queued" it would keep anyone who waits for it waiting for ever, and a scheduled
 * one would hold back every later scheduled crawl of the source.
 */
export async function abandonQueuedRun(
  db: Db,
  runId: string,
  message: string,
  clock: Clock = systemClock,
): Promise<void> {
  await db
    .update(crawlRuns)
    .set({ status: 'failed', failure: 'refused', finishedAt: clock.now(), message })
    .where(and(eq(crawlRuns.id, runId), eq(crawlRuns.status, 'queued')));
}

export interface LostRun {
  id: string;
  sourceId: string;
  jobId: string | null;
  message: string | null;
}

/**
 * Fails, with why, every running run whose worker is gone: the runs a previous incarnation of this
 * worker left (same name, another instance: this process is its successor, so that one is dead),
 * and the runs whose heartbeat stopped. A run held by a live worker (a fresh heartbeat, or crawled
 * by this very process) is left alone. Returned so their jobs can be failed at once.
 */
export async function failRunsOfLostWorkers(
  db: DbOrTx,
  clock: Clock,
  worker: WorkerIdentity,
  scope: { sourceId?: string } = {},
): Promise<LostRun[]> {
  const now = clock.now();
  const deadline = new Date(now.getTime() - RUN_DEAD_AFTER_MS);
  const inScope = scope.sourceId ? eq(crawlRuns.sourceId, scope.sourceId) : undefined;
  const returned = {
    id: crawlRuns.id,
    sourceId: crawlRuns.sourceId,
    jobId: crawlRuns.jobId,
    message: crawlRuns.message,
  };
  const restarted = await db
    .update(crawlRuns)
    .set({
      status: 'failed',
      failure: 'worker_lost',
      finishedAt: now,
      message: `the worker running this crawl (${worker.name}) was restarted before the crawl ended`,
    })
    .where(
      and(
        eq(crawlRuns.status, 'running'),
        eq(crawlRuns.workerName, worker.name),
        ne(crawlRuns.workerInstance, worker.instance),
        inScope,
      ),
    )
    .returning(returned);
  const silent = await db
    .update(crawlRuns)
    .set({
      status: 'failed',
      failure: 'worker_lost',
      finishedAt: now,
      message: sql`'the worker running this crawl (' || coalesce(${crawlRuns.workerName}, 'unknown') || ') stopped answering: no heartbeat for more than ' || ${String(RUN_DEAD_AFTER_MS / 1000)} || ' s'`,
    })
    .where(
      and(
        eq(crawlRuns.status, 'running'),
        sql`coalesce(${crawlRuns.heartbeatAt}, ${crawlRuns.startedAt}, ${crawlRuns.createdAt}) < ${deadline.toISOString()}`,
        runsInHand.size > 0 ? notInArray(crawlRuns.id, [...runsInHand]) : undefined,
        inScope,
      ),
    )
    .returning(returned);
  return [...restarted, ...silent];
}

/** Moves the run's heartbeat on; false when this worker no longer holds the run. */
export async function beatRun(
  db: DbOrTx,
  clock: Clock,
  worker: WorkerIdentity,
  runId: string,
): Promise<boolean> {
  const rows = await db
    .update(crawlRuns)
    .set({ heartbeatAt: clock.now() })
    .where(
      and(
        eq(crawlRuns.id, runId),
        eq(crawlRuns.status, 'running'),
        eq(crawlRuns.workerInstance, worker.instance),
      ),
    )
    .returning({ id: crawlRuns.id });
  return rows.length > 0;
}

/** A run that a live worker holds: the job is tried again later rather than given up. */
export class RunHeldError extends Error {
  constructor(runId: string, workerName: string | null) {
    super(`Crawl run ${runId} is being run by ${workerName ?? 'another worker'}.`);
    this.name = 'RunHeldError';
  }
}

interface Claim {
  run: CrawlRunRow;
  source: typeof sources.$inferSelect;
  /** Set when this run continues one whose worker died. */
  resume: {
    from: CrawlRunRow;
    /** Ads checked since then were read by the dead run(s) and are not fetched again; null: unsafe. */
    doneSince: Date | null;
  } | null;
}

/**
 * Claims a run for this worker: refused while another crawl of the same source is alive. Runs of
 * the source whose worker is gone are failed first, so a crash does not block the source. A run
 * that was failed because its worker died (the job is retried) continues in a new run.
 */
async function claimRun(
  db: Db,
  clock: Clock,
  worker: WorkerIdentity,
  runId: string,
  jobId: string | undefined,
): Promise<Claim> {
  return db.transaction(async (tx) => {
    const [requested] = await tx.select().from(crawlRuns).where(eq(crawlRuns.id, runId));
    if (!requested)
      throw new AppError('not_found', keyed('collect.runNotFound', `No crawl run ${runId}.`));
    const [source] = await tx
      .select()
      .from(sources)
      .where(eq(sources.id, requested.sourceId))
      .for('update');
    if (!source)
      throw new AppError(
        'not_found',
        keyed('collect.crawlSourceRemoved', 'The source of this crawl was removed.'),
      );
    await failRunsOfLostWorkers(tx, clock, worker, { sourceId: source.id });
    // The requested run as it is now, or the last of the runs that continued it after a crash.
    let [run] = await tx.select().from(crawlRuns).where(eq(crawlRuns.id, runId));
    for (;;) {
      if (!run || run.status !== 'failed' || run.failure !== 'worker_lost') break;
      const [next] = await tx.select().from(crawlRuns).where(eq(crawlRuns.resumedFrom, run.id));
      if (!next) break;
      run = next;
    }
    if (!run)
      throw new AppError('not_found', keyed('collect.runNotFound', `No crawl run ${runId}.`));
    if (run.status === 'running') throw new RunHeldError(run.id, run.workerName);
    if (run.status === 'finished' || (run.status === 'failed' && run.failure !== 'worker_lost'))
      throw new AppError(
        'conflict',
        keyed('collect.runAlreadyDone', `Crawl run ${run.id} already ${run.status}.`, {
          status: run.status,
        }),
      );
    const [other] = await tx
      .select({ id: crawlRuns.id })
      .from(crawlRuns)
      .where(
        and(
          eq(crawlRuns.sourceId, source.id),
          eq(crawlRuns.status, 'running'),
          ne(crawlRuns.id, run.id),
        ),
      );
    if (other)
      throw new AppError(
        'conflict',
        keyed(
          'collect.otherCrawlRunning',
          `Another crawl of "${source.name}" is running (${other.id}).`,
          { name: source.name },
        ),
      );
    const now = clock.now();
    const holder = {
      status: 'running' as const,
      heartbeatAt: now,
      workerName: worker.name,
      workerInstance: worker.instance,
      jobId: jobId ?? null,
    };
    if (run.status === 'queued') {
      const [claimed] = await tx
        .update(crawlRuns)
        .set({ ...holder, startedAt: run.startedAt ?? now })
        .where(eq(crawlRuns.id, run.id))
        .returning();
      return { run: claimed!, source, resume: null };
    }
    // The run's worker died: continue in a new run, so the failed one keeps its record of why.
    const [next] = await tx
      .insert(crawlRuns)
      .values({
        ...holder,
        sourceId: source.id,
        trigger: run.trigger,
        requestedBy: run.requestedBy,
        resumedFrom: run.id,
        startedAt: now,
      })
      .returning();
    await tx
      .update(crawlRuns)
      .set({ message: `${run.message ?? 'its worker was lost'}; resumed in run ${next!.id}` })
      .where(eq(crawlRuns.id, run.id));
    return {
      run: next!,
      source,
      resume: { from: run, doneSince: resumeSince(requested, run, source, now) },
    };
  });
}

/**
 * Resuming means not fetching again the ad pages that the dead run(s) already read. That is safe
 * only when what they stored is complete, was read with the same rules, and is as fresh as one
 * crawl's pages are:
 * - an ad counts as read once its observation committed (ads.last_checked_at moves in the same
 *   transaction that stores its version), so a page whose handling the crash cut short is fetched
 *   again; listing pages are always fetched again — they are the queue (Crawlee's queue lived in the
 *   dead worker's memory), so no ad the dead run had still to visit is lost, and every listed ad is
 *   fetched or marked seen, which keeps the gone-ad check right;
 * - the source was not edited since the first of the runs started (same field rules, same URLs);
 * - the dead run stopped less than RESUME_WITHIN_MS ago: a later retry is a new crawl, not the
 *   rest of the old one.
 * Otherwise the new run crawls everything, as a fresh crawl would.
 */
function resumeSince(
  first: CrawlRunRow,
  dead: CrawlRunRow,
  source: typeof sources.$inferSelect,
  now: Date,
): Date | null {
  const since = first.startedAt;
  if (!since) return null;
  if (source.updatedAt.getTime() > since.getTime()) return null;
  const stoppedAt = dead.heartbeatAt ?? dead.startedAt ?? since;
  if (now.getTime() - stoppedAt.getTime() > RESUME_WITHIN_MS) return null;
  return since;
}

function captureKey(at: Date): string {
  const d = at.toISOString();
  return `captures/${d.slice(0, 4)}/${d.slice(5, 7)}/${d.slice(8, 10)}/${randomUUID()}.warc.gz`;
}

export async function storeCapture(
  deps: Pick<CollectDeps, 'db' | 'blobs' | 'keys'>,
  res: FetchedResponse,
  ids: { sourceId: string | null; runId: string | null },
  kind: 'page' | 'image' | 'import',
  /** Groups the redirect hops of one fetch with the answer they led to. */
  fetch: FetchPlace | null = null,
): Promise<string> {
  const warc = await buildCaptureWarc(res);
  // Sealed under its own data key; the row keeps the digests of the plain record (evidence).
  const sealed = sealCapture(deps.keys.fieldKeys, warc.data);
  const stored = await deps.blobs.put(captureKey(res.fetchedAt), sealed.data, {
    contentType: 'application/octet-stream',
  });
  const [row] = await deps.db
    .insert(captures)
    .values({
      sourceId: ids.sourceId,
      runId: ids.runId,
      kind,
      url: res.url,
      fetchedAt: res.fetchedAt,
      status: res.status,
      contentType: res.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? null,
      payloadSha256: warc.payloadSha256,
      recordKey: stored.key,
      recordSha256: sha256Hex(warc.data),
      recordSize: warc.data.length,
      warcRecordId: warc.responseRecordId,
      fetchId: fetch?.fetchId ?? null,
      fetchHop: fetch?.hop ?? null,
      dataKeyEnc: sealed.dataKeyEnc,
    })
    .returning({ id: captures.id });
  return row!.id;
}

function parsePostedAt(raw: string | undefined): Date | null {
  if (!raw) return null;
  const t = Date.parse(raw);
  return Number.isNaN(t) ? null : new Date(t);
}

function externalIdFor(found: FoundAd): string {
  const id = found.parsed.fields.externalId?.trim();
  if (id) return id.slice(0, 200);
  const u = new URL(found.url);
  return `${u.pathname}${u.search}`.slice(0, 500);
}

function yieldOf(
  run: Pick<CrawlRunRow, 'adsFound' | 'parseErrors' | 'fieldFill' | 'fieldMisses'>,
): RunYield {
  return {
    adsFound: run.adsFound,
    parseErrors: run.parseErrors,
    fieldFill: run.fieldFill,
    fieldMisses: run.fieldMisses,
  };
}

/**
 * Re-checks the ads a complete crawl did not list, through the crawl's own fetcher (robots.txt,
 * politeness, captures, counters): a 404/410 means gone, a page means still there. Anything else —
 * robots.txt forbidding the page included — leaves the ad as it was, with the reason recorded.
 */
async function detectGone(
  deps: CollectDeps,
  fetcher: CrawlFetcher,
  sourceId: string,
  since: Date,
  clock: Clock,
  signal: AbortSignal,
): Promise<number> {
  const candidates = await activeAdsNotSeenSince(deps.db, sourceId, since);
  const gone: string[] = [];
  for (const ad of candidates) {
    signal.throwIfAborted();
    try {
      const { res } = await fetcher.fetch(ad.url);
      await touchAdSeen(deps.db, ad.id, res.fetchedAt);
    } catch (err) {
      if (err instanceof FetchFailure && (err.status === 404 || err.status === 410)) {
        gone.push(ad.id);
        continue;
      }
      const c = classifyError(err);
      await fetcher.recordError({
        url: ad.url,
        ...c,
        message: `re-check of an unlisted ad: ${c.message}; not marked gone`,
      });
    }
  }
  await markAdsGone(deps.db, gone, clock.now());
  return gone.length;
}

export interface ExecuteOptions {
  onProgress?: (stats: CrawlStats) => void;
  /** The pg-boss job running the crawl, recorded on the run so a dead worker's job can be failed. */
  jobId?: string;
}

export async function executeCrawl(
  deps: CollectDeps,
  requestedRunId: string,
  opts: ExecuteOptions = {},
): Promise<CrawlSummary> {
  const { db, log } = deps;
  const clock = deps.clock ?? systemClock;
  const worker = deps.worker ?? defaultWorker();
  const { run, source, resume } = await claimRun(db, clock, worker, requestedRunId, opts.jobId);
  const runId = run.id;
  if (resume)
    log.info(
      { runId, resumedFrom: resume.from.id, skipsReadAds: Boolean(resume.doneSince) },
      'resuming a crawl whose worker was lost',
    );
  const def = source.definition;
  const startedAt = run.startedAt ?? clock.now();
  const held = { id: runId, status: 'running' as const, instance: worker.instance };
  const stillHeld = and(
    eq(crawlRuns.id, held.id),
    eq(crawlRuns.status, held.status),
    eq(crawlRuns.workerInstance, held.instance),
  );

  // The heartbeat says this worker is alive; if the run was taken away meanwhile (failed by a sweep
  // that thought this worker dead), the crawl stops rather than racing whoever continues it.
  const lost = new AbortController();
  const heartbeat = setInterval(() => {
    beatRun(db, clock, worker, runId)
      .then((stillOurs) => {
        if (!stillOurs)
          lost.abort(new Error(`crawl run ${runId} was taken from this worker (${worker.name})`));
      })
      .catch((err: unknown) => log.warn({ err, runId }, 'crawl heartbeat failed'));
  }, RUN_HEARTBEAT_MS);
  heartbeat.unref();
  runsInHand.add(runId);
  const letGo = () => {
    clearInterval(heartbeat);
    runsInHand.delete(runId);
  };

  const ids = { sourceId: source.id, runId };
  const fetcher = createCrawlFetcher(
    def,
    {
      capture: (res: FetchedResponse, kind: CaptureKind, place: FetchPlace) =>
        storeCapture(deps, res, ids, kind, place),
      error: async (e: CrawlError) => {
        await db.insert(crawlErrors).values({
          runId,
          url: e.url.slice(0, 2000),
          kind: e.kind,
          status: e.status ?? null,
          message: e.message.slice(0, 2000),
        });
      },
    },
    {
      robotsOverride: Boolean(source.robotsOverrideReason),
      addressGuard: deps.addressGuard,
      signal: lost.signal,
    },
  );
  const { errorsByKind } = fetcher.counters;
  const doneSince = resume?.doneSince ?? null;

  let stats: CrawlStats;
  let adsGone: number;
  try {
    // Crawlee takes seconds to load: only a process that crawls pays for it, not every command
    // and server start.
    const { runCrawl } = await import('./crawler.js');
    stats = await runCrawl(
      def,
      {
        ad: async (found) => {
          const f = found.parsed.fields;
          const defined = Object.values(def.fields).filter(Boolean).length;
          const recorded = await recordAdObservation(db, deps.keys, {
            sourceId: source.id,
            externalId: externalIdFor(found),
            url: found.url,
            seenAt: found.fetchedAt,
            content: {
              title: f.title ?? null,
              body: f.body ?? '',
              postedRaw: f.postedAt ?? null,
              city: f.city ?? null,
              displayName: f.displayName ?? null,
              phoneRaw: f.phone ?? null,
              ageRaw: f.age ?? null,
              priceRaw: f.price ?? null,
              imageHashes: found.images.map((i) => i.sha256),
            },
            postedAt: parsePostedAt(f.postedAt),
            images: found.images.map((i) => ({
              url: i.url,
              sha256: i.sha256,
              phash: i.phash,
              ...(i.captureId ? { captureId: i.captureId } : {}),
            })),
            captureId: found.pageCaptureId,
            parseErrors: found.parsed.errors,
            fillRatio: defined ? (defined - found.parsed.missing.length) / defined : null,
          });
          if (recorded.outcome !== 'unchanged') await deps.onAdVersion?.(recorded.versionId);
          return recorded.outcome;
        },
        shouldFetchAd: async (url) => {
          if (def.recrawlHours <= 0 && !doneSince) return true;
          const ad = await findAdByUrl(db, source.id, url);
          if (!ad || ad.status === 'gone') return true;
          // Read by the dead run this one continues (see resumeSince for when that is safe).
          if (doneSince && ad.lastCheckedAt.getTime() >= doneSince.getTime()) return false;
          if (def.recrawlHours <= 0) return true;
          return ad.lastCheckedAt.getTime() < clock.now().getTime() - def.recrawlHours * 3_600_000;
        },
        seenWithoutFetch: async (url) => {
          const ad = await findAdByUrl(db, source.id, url);
          if (ad) await touchAdSeen(db, ad.id, clock.now());
        },
        ...(opts.onProgress ? { progress: opts.onProgress } : {}),
      },
      {
        fetcher,
        log,
        addressGuard: deps.addressGuard,
        signal: lost.signal,
        ...(deps.chromiumPath ? { chromiumPath: deps.chromiumPath } : {}),
      },
    );
    // Absence proves nothing when the crawl was cut short or its listings failed.
    adsGone =
      stats.truncated || stats.listingFailures > 0
        ? 0
        : await detectGone(deps, fetcher, source.id, startedAt, clock, lost.signal);
  } catch (err) {
    letGo();
    const message = lost.signal.aborted
      ? String((lost.signal.reason as Error | undefined)?.message ?? 'the run was taken away')
      : err instanceof Error
        ? err.message
        : String(err);
    log.error({ err, runId }, 'crawl failed');
    // Only while this worker still holds the run: a run taken away keeps the reason it was given.
    await db
      .update(crawlRuns)
      .set({
        status: 'failed',
        failure: 'crawl_error',
        finishedAt: clock.now(),
        message: message.slice(0, 2000),
        pagesFetched: fetcher.counters.pagesFetched,
        errorsByKind,
      })
      .where(stillHeld);
    throw err;
  }
  letGo();

  const fieldFill: Record<string, number> = {};
  for (const [field, rule] of Object.entries(def.fields)) {
    if (rule && stats.adsParsed > 0)
      fieldFill[field] = (stats.fieldFound[field] ?? 0) / stats.adsParsed;
  }
  const history = await db
    .select()
    .from(crawlRuns)
    .where(
      and(
        eq(crawlRuns.sourceId, source.id),
        eq(crawlRuns.status, 'finished'),
        ne(crawlRuns.id, runId),
      ),
    )
    .orderBy(desc(crawlRuns.finishedAt))
    .limit(5);
  const current: RunYield = {
    adsFound: stats.adsFound,
    parseErrors: stats.parseErrors,
    fieldFill,
    fieldMisses: stats.fieldMisses,
  };
  const health = assessHealth(current, history.map(yieldOf));
  const notes = [
    resume
      ? `continues run ${resume.from.id}, whose worker was lost${resume.doneSince ? '; ads that run had read were not fetched again' : ''}`
      : null,
    stats.truncated
      ? `stopped at the page limit (${def.limits.maxPages}); gone ads not checked`
      : stats.listingFailures > 0
        ? `${stats.listingFailures} listing page(s) failed; gone ads not checked`
        : null,
  ].filter((n): n is string => n !== null);
  const finishedAt = clock.now();
  await db.transaction(async (tx) => {
    const finished = await tx
      .update(crawlRuns)
      .set({
        status: 'finished',
        finishedAt,
        pagesFetched: stats.pagesFetched,
        adsFound: stats.adsFound,
        adsNew: stats.adsNew,
        adsChanged: stats.adsChanged,
        adsUnchanged: stats.adsUnchanged,
        adsGone,
        parseErrors: stats.parseErrors,
        errorsByKind,
        fieldFill,
        fieldMisses: stats.fieldMisses,
        message: notes.length ? notes.join('; ') : null,
      })
      .where(stillHeld)
      .returning({ id: crawlRuns.id });
    if (finished.length === 0)
      throw new Error(`crawl run ${runId} was taken from this worker before it could finish`);
    await tx
      .update(sources)
      .set({
        health: health.status,
        healthDetail: { ...health, runId, at: finishedAt.toISOString() },
      })
      .where(eq(sources.id, source.id));
  });
  if (health.status !== 'ok') log.warn({ source: source.name, health }, 'source health dropped');
  return {
    runId,
    source: source.name,
    status: 'finished',
    pagesFetched: stats.pagesFetched,
    adsFound: stats.adsFound,
    adsNew: stats.adsNew,
    adsChanged: stats.adsChanged,
    adsUnchanged: stats.adsUnchanged,
    adsGone,
    parseErrors: stats.parseErrors,
    errorsByKind,
    health,
    ...(notes.length ? { message: notes.join('; ') } : {}),
  };
}

export async function listCrawlRuns(db: Db, sourceId: string, limit = 20): Promise<CrawlRunRow[]> {
  return db
    .select()
    .from(crawlRuns)
    .where(eq(crawlRuns.sourceId, sourceId))
    .orderBy(desc(crawlRuns.createdAt))
    .limit(limit);
}

export async function listCrawlErrors(db: Db, runId: string, limit = 500) {
  return db.select().from(crawlErrors).where(eq(crawlErrors.runId, runId)).limit(limit);
}
