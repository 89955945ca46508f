// The crawl of one source. Crawlee runs the queue (concurrency, retries, request limits); HTTP
// sources are fetched by our own fetcher so the exact bytes become evidence, and parsed with
// Cheerio; browser sources run in Crawlee's PlaywrightCrawler on Debian's Chromium
// (crawl-browser.ts). Every fetch goes through the crawl's CrawlFetcher (robots.txt, per-host
// politeness, captures, counters), which the caller creates and goes on using after the crawl (the
// re-check of unlisted ads). The address guard holds for both: no internal address is fetched,
// whoever names it (see pinSourceHosts for how the browser is kept to the addresses that were
// checked). This module only orchestrates: what is queued is crawl-enqueue.ts's business, what a
// page yields crawl-page.ts's, robots.txt crawl-robots.ts's.
// Storage is not done here: the caller passes hooks, so this module has no SQL in it.
import { setTimeout as sleep } from 'node:timers/promises';
import { BasicCrawler, Configuration, log as crawleeLog, LogLevel, RequestQueue } from 'crawlee';
import type { Logger } from 'pino';
import type { AddressGuard } from '../platform/address-guard.js';
import { pinSourceHosts } from './browser-pins.js';
import { createBrowserCrawler, releaseHostSlot } from './crawl-browser.js';
import { enqueueUrls, type CrawlContext, type PageRequest } from './crawl-enqueue.js';
import { classifyError, worthRetrying } from './crawl-errors.js';
import type { CrawlFetcher } from './crawl-fetcher.js';
import { handlePage } from './crawl-page.js';
import { emptyStats, type CrawlHooks, type CrawlStats } from './crawl-stats.js';
import { contentTypeOf } from './fetch-page.js';
import { decodePage } from './parse-page.js';
import type { SourceDefinition } from './source-definition.js';

export { classifyError, type CrawlError } from './crawl-fetcher.js';
export type { AdOutcome, CrawlHooks, CrawlStats, FoundAd } from './crawl-stats.js';

export interface CrawlOptions {
  /** The crawl's one way to fetch (robots.txt, politeness, captures, counters). */
  fetcher: CrawlFetcher;
  log: Logger;
  /** Aborted: the crawl stops taking requests and ends (the caller decides what that means). */
  signal?: AbortSignal;
  chromiumPath?: string;
  /** Refuses internal addresses for every fetch of the crawl, the browser's included. */
  addressGuard: AddressGuard;
}

/** Waits before a retry, longer each time (the first attempt goes at once). */
async function backoff(retryCount: number): Promise<void> {
  if (retryCount > 0) await sleep(Math.min(500 * 2 ** (retryCount - 1), 10_000));
}

export async function runCrawl(
  def: SourceDefinition,
  hooks: CrawlHooks,
  opts: CrawlOptions,
): Promise<CrawlStats> {
  const { fetcher } = opts;
  const stats = emptyStats(fetcher);
  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  crawleeLog.setLevel(LogLevel.OFF);
  const queue = await RequestQueue.open(
    `crawl-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    { config },
  );
  const ctx: CrawlContext = { def, hooks, fetcher, stats, queue };

  const onFinalFailure = async (url: string, err: unknown, request: PageRequest) => {
    if (request.kind === 'listing') stats.listingFailures++;
    await fetcher.recordError({ url, ...classifyError(err) });
  };
  const concurrency = Math.min(
    32,
    def.politeness.maxConcurrencyPerHost * new Set(def.startUrls.map((u) => new URL(u).host)).size,
  );
  const common = {
    requestQueue: queue,
    maxRequestRetries: def.limits.maxRetries,
    maxRequestsPerCrawl: def.limits.maxPages,
    maxConcurrency: concurrency,
    // Politeness is the HostGate's job; Crawlee's autoscaling would otherwise start at one request
    // at a time and ramp up slowly, which on a small site is most of the crawl.
    minConcurrency: concurrency,
    requestHandlerTimeoutSecs: Math.ceil(def.limits.pageTimeoutMs / 1000) * 3 + 120,
    errorHandler: async (
      {
        request,
      }: { request: { noRetry: boolean; url: string; retryCount: number; userData: unknown } },
      err: Error,
    ) => {
      // A browser request that failed before its post-navigation hook ran still holds its host
      // slot: without this, every retried navigation would leak one until the crawl stalls.
      releaseHostSlot(request);
      if (!worthRetrying(err, fetcher.gate.maxPauseMs)) request.noRetry = true;
      // A failure that will be retried is still a fact about the site (a 429, a flaky 500):
      // analysts see it, marked as retried. The final failure is recorded by the failed handler.
      if (!request.noRetry && request.retryCount < def.limits.maxRetries) {
        const c = classifyError(err);
        await fetcher.recordError({
          url: request.url,
          ...c,
          message: `${c.message} (attempt ${request.retryCount + 1}; retrying)`,
        });
      }
    },
  };

  await enqueueUrls(ctx, def.startUrls, { kind: 'listing', depth: 0 });

  const crawler =
    def.crawler === 'http'
      ? new BasicCrawler(
          {
            ...common,
            useSessionPool: false,
            requestHandler: async ({ request }) => {
              await backoff(request.retryCount);
              const { res, captureId } = await fetcher.fetch(request.url);
              const { html } = decodePage(res.body, contentTypeOf(res));
              // A page answer is always kept (only images may be fetched without keeping them).
              const page = { url: res.url, html, captureId: captureId!, fetchedAt: res.fetchedAt };
              await handlePage(ctx, page, request.userData as PageRequest);
            },
            failedRequestHandler: async ({ request }, err) =>
              onFinalFailure(request.url, err, request.userData as PageRequest),
          },
          config,
        )
      : createBrowserCrawler(
          ctx,
          {
            common,
            pins: await pinSourceHosts(def.startUrls, opts.addressGuard),
            chromiumPath: opts.chromiumPath,
            backoff,
            onFinalFailure,
          },
          config,
        );
  await runUntilAborted(crawler, opts.signal);
  stats.truncated =
    (await queue.handledCount()) >= def.limits.maxPages && !(await queue.isFinished());
  await queue.drop().catch(() => undefined);
  opts.signal?.throwIfAborted();
  return stats;
}

/** Runs a crawler; an abort (the run was taken from this worker) stops it taking new requests. */
async function runUntilAborted(
  crawler: { run(): Promise<unknown>; stop(reason?: string): void },
  signal: AbortSignal | undefined,
): Promise<void> {
  const stop = () => crawler.stop('the crawl was stopped');
  signal?.addEventListener('abort', stop, { once: true });
  try {
    await crawler.run();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
