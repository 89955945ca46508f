// Runs a crawl of one source end to end: claims the run (one crawl per source at a time, across
// all workers), crawls, stores captures, ads and errors, decides which ads are gone, assesses the
// source's health against its history and writes the summary. Used by the job and by the CLI.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, ne, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import {
  activeAdsNotSeenSince,
  findAdByUrl,
  markAdChecked,
  markAdsGone,
  recordAdObservation,
  touchAdSeen,
} from './ads.js';
import { sealCapture } from './captures.js';
import { runCrawl, type CrawlError, type CrawlStats, type FoundAd } from './crawler.js';
import { fetchPage, FetchFailure, type FetchedResponse } from './fetch-page.js';
import { assessHealth, type HealthAssessment, type RunYield } from './health.js';
import { captures, crawlErrors, crawlRuns, sources } from './schema.js';
import type { SourceDefinition } from './source-definition.js';
import { buildCaptureWarc, sha256Hex } from './warc.js';

export interface CollectDeps {
  db: Db;
  blobs: BlobStore;
  /** Ad text and captures are kept encrypted under these (config.secrets). */
  keys: AtRestKeys;
  log: Logger;
  chromiumPath?: string;
  /** Told about every new or changed ad version (the runtime queues its extraction). */
  onAdVersion?: (adVersionId: string) => Promise<void>;
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

const DEAD_AFTER_MS = 10 * 60_000;

export async function requestCrawl(
  db: Db,
  actor: Actor,
  sourceId: string,
  trigger: 'manual' | 'schedule' | 'cli',
): Promise<CrawlRunRow> {
  const [source] = await db.select().from(sources).where(eq(sources.id, sourceId));
  if (!source) throw new AppError('not_found', 'No such source.');
  if (!source.enabled && trigger === 'schedule')
    throw new AppError('conflict', 'The source is disabled.');
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
export async function abandonQueuedRun(db: Db, runId: string, message: string): Promise<void> {
  await db
    .update(crawlRuns)
    .set({ status: 'failed', finishedAt: new Date(), message })
    .where(and(eq(crawlRuns.id, runId), eq(crawlRuns.status, 'queued')));
}

/** Claims a run: refused while another crawl of the same source is alive. */
async function claimRun(
  db: Db,
  runId: string,
): Promise<{ run: CrawlRunRow; source: typeof sources.$inferSelect }> {
  return db.transaction(async (tx) => {
    const [run] = await tx.select().from(crawlRuns).where(eq(crawlRuns.id, runId));
    if (!run) throw new AppError('not_found', `No crawl run ${runId}.`);
    const [source] = await tx
      .select()
      .from(sources)
      .where(eq(sources.id, run.sourceId))
      .for('update');
    if (!source) throw new AppError('not_found', 'The source of this crawl was removed.');
    if (run.status === 'finished' || run.status === 'failed')
      throw new AppError('conflict', `Crawl run ${runId} already ${run.status}.`);
    const deadline = new Date(Date.now() - DEAD_AFTER_MS);
    // A worker that died mid-crawl leaves a run "running" with a stale heartbeat: close it.
    await tx
      .update(crawlRuns)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        message: 'the worker running this crawl stopped answering',
      })
      .where(
        and(
          eq(crawlRuns.sourceId, run.sourceId),
          eq(crawlRuns.status, 'running'),
          sql`coalesce(${crawlRuns.heartbeatAt}, ${crawlRuns.startedAt}) < ${deadline.toISOString()}`,
        ),
      );
    const [other] = await tx
      .select({ id: crawlRuns.id })
      .from(crawlRuns)
      .where(
        and(
          eq(crawlRuns.sourceId, run.sourceId),
          eq(crawlRuns.status, 'running'),
          ne(crawlRuns.id, runId),
        ),
      );
    if (other)
      throw new AppError('conflict', `Another crawl of "${source.name}" is running (${other.id}).`);
    const now = new Date();
    const [claimed] = await tx
      .update(crawlRuns)
      .set({ status: 'running', startedAt: run.startedAt ?? now, heartbeatAt: now })
      .where(eq(crawlRuns.id, runId))
      .returning();
    return { run: claimed!, source };
  });
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

/** Re-checks ads that were not seen in a complete crawl: a 404/410 means gone, a page means still there. */
async function detectGone(
  deps: CollectDeps,
  def: SourceDefinition,
  sourceId: string,
  since: Date,
  recordError: (e: CrawlError) => Promise<void>,
): Promise<number> {
  const candidates = await activeAdsNotSeenSince(deps.db, sourceId, since);
  const gone: string[] = [];
  for (const ad of candidates) {
    try {
      await fetchPage(ad.url, {
        userAgent: def.politeness.userAgent,
        timeoutMs: def.limits.pageTimeoutMs,
        maxBytes: def.limits.maxResponseBytes,
        maxRedirects: def.limits.maxRedirects,
      });
      await touchAdSeen(deps.db, ad.id, new Date());
    } catch (err) {
      if (err instanceof FetchFailure && (err.status === 404 || err.status === 410))
        gone.push(ad.id);
      else if (err instanceof FetchFailure)
        await recordError({
          url: ad.url,
          kind: err.kind,
          status: err.status,
          message: `re-check of an unlisted ad: ${err.message}`,
        });
      else await markAdChecked(deps.db, ad.id, new Date());
    }
    if (def.politeness.delayMs) await new Promise((r) => setTimeout(r, def.politeness.delayMs));
  }
  await markAdsGone(deps.db, gone, new Date());
  return gone.length;
}

export async function executeCrawl(
  deps: CollectDeps,
  runId: string,
  onProgress?: (stats: CrawlStats) => void,
): Promise<CrawlSummary> {
  const { db, log } = deps;
  const { run, source } = await claimRun(db, runId);
  const def = source.definition;
  const startedAt = run.startedAt ?? new Date();
  const errorsByKind: Record<string, number> = {};
  const recordError = async (e: CrawlError) => {
    await db.insert(crawlErrors).values({
      runId,
      url: e.url.slice(0, 2000),
      kind: e.kind,
      status: e.status ?? null,
      message: e.message.slice(0, 2000),
    });
  };
  let lastBeat = Date.now();
  const beat = async () => {
    if (Date.now() - lastBeat < 15_000) return;
    lastBeat = Date.now();
    await db.update(crawlRuns).set({ heartbeatAt: new Date() }).where(eq(crawlRuns.id, runId));
  };
  const ids = { sourceId: source.id, runId };
  let stats: CrawlStats;
  try {
    stats = await runCrawl(
      def,
      {
        capture: async (res, kind) => {
          await beat();
          return storeCapture(deps, res, ids, kind);
        },
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
        error: async (e) => {
          errorsByKind[e.kind] = (errorsByKind[e.kind] ?? 0) + 1;
          await recordError(e);
        },
        shouldFetchAd: async (url) => {
          if (def.recrawlHours <= 0) return true;
          const ad = await findAdByUrl(db, source.id, url);
          return (
            !ad ||
            ad.status === 'gone' ||
            ad.lastCheckedAt.getTime() < Date.now() - def.recrawlHours * 3_600_000
          );
        },
        seenWithoutFetch: async (url) => {
          const ad = await findAdByUrl(db, source.id, url);
          if (ad) await touchAdSeen(db, ad.id, new Date());
        },
        ...(onProgress ? { progress: onProgress } : {}),
      },
      {
        robotsOverride: Boolean(source.robotsOverrideReason),
        log,
        ...(deps.chromiumPath ? { chromiumPath: deps.chromiumPath } : {}),
      },
    );
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    log.error({ err, runId }, 'crawl failed');
    await db
      .update(crawlRuns)
      .set({
        status: 'failed',
        finishedAt: new Date(),
        message: message.slice(0, 2000),
        errorsByKind,
      })
      .where(eq(crawlRuns.id, runId));
    throw err;
  }

  // Absence proves nothing when the crawl was cut short or its listings failed.
  const adsGone =
    stats.truncated || stats.listingFailures > 0
      ? 0
      : await detectGone(deps, def, source.id, startedAt, async (e) => {
          errorsByKind[e.kind] = (errorsByKind[e.kind] ?? 0) + 1;
          await recordError(e);
        });

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
  await db.transaction(async (tx) => {
    await tx
      .update(crawlRuns)
      .set({
        status: 'finished',
        finishedAt: new Date(),
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
        message: stats.truncated
          ? `stopped at the page limit (${def.limits.maxPages}); gone ads not checked`
          : stats.listingFailures > 0
            ? `${stats.listingFailures} listing page(s) failed; gone ads not checked`
            : null,
      })
      .where(eq(crawlRuns.id, runId));
    await tx
      .update(sources)
      .set({
        health: health.status,
        healthDetail: { ...health, runId, at: new Date().toISOString() },
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
    ...(stats.truncated ? { message: `stopped at the page limit (${def.limits.maxPages})` } : {}),
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
