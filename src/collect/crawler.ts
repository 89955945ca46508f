// The crawl of one source. Crawlee runs the queue (concurrency, retries, request limits); HTTP
// sources are fetched by our own fetcher so the exact bytes become evidence, and parsed with
// Cheerio; browser sources run in Crawlee's PlaywrightCrawler on Debian's Chromium. Every fetch
// goes through the crawl's CrawlFetcher (robots.txt, per-host politeness, captures, counters), which
// the caller creates and goes on using after the crawl (the re-check of unlisted ads). The address
// guard holds for both: no internal address is fetched, whoever names it (see pinSourceHosts for
// how the browser is kept to the addresses that were checked).
// Storage is not done here: the caller passes hooks, so this module has no SQL in it.
import { setTimeout as sleep } from 'node:timers/promises';
import {
  BasicCrawler,
  Configuration,
  log as crawleeLog,
  LogLevel,
  PlaywrightCrawler,
  RequestQueue,
} from 'crawlee';
import type { Logger } from 'pino';
import type { AddressGuard } from '../platform/address-guard.js';
import { pinSourceHosts } from './browser-pins.js';
import { blockedByBrowserPins, classifyError, type CrawlFetcher } from './crawl-fetcher.js';
import { contentTypeOf, FetchFailure, type FetchedResponse } from './fetch-page.js';
import { fingerprintImage, type ImageFingerprint } from './image-hash.js';
import { decodePage, findLinks, loadPage, parseAdPage, type ParsedAd } from './parse-page.js';
import { CircuitOpenError } from './politeness.js';
import type { SourceDefinition } from './source-definition.js';

export { classifyError, type CrawlError } from './crawl-fetcher.js';

export interface FoundAd {
  url: string;
  parsed: ParsedAd;
  pageCaptureId: string;
  fetchedAt: Date;
  images: (ImageFingerprint & { url: string; captureId?: string })[];
}

export type AdOutcome = 'new' | 'changed' | 'unchanged';

export interface CrawlHooks {
  ad(found: FoundAd): Promise<AdOutcome>;
  /** False when the ad page was checked recently enough (recrawl interval): skip fetching it. */
  shouldFetchAd?(url: string): Promise<boolean>;
  /** Called for an ad URL that was skipped as fresh, so its last-seen time moves on. */
  seenWithoutFetch?(url: string): Promise<void>;
  progress?(stats: CrawlStats): void;
}

export interface CrawlStats {
  /** Read from the fetcher: every page answer of this crawl so far. */
  readonly pagesFetched: number;
  /** Ad pages fetched and read (the base for field fill ratios). */
  adsParsed: number;
  adsFound: number;
  adsNew: number;
  adsChanged: number;
  adsUnchanged: number;
  parseErrors: number;
  /** The fetcher's, shared: every error of the run by kind. */
  errorsByKind: Record<string, number>;
  fieldFound: Record<string, number>;
  fieldMisses: Record<string, string[]>;
  adUrls: Set<string>;
  /** True when maxPages cut the crawl short: absence of an ad then proves nothing. */
  truncated: boolean;
  /** Listing pages that could not be read: absence of an ad then proves nothing either. */
  listingFailures: number;
}

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

type PageKind = 'listing' | 'ad';
interface UserData {
  kind: PageKind;
  depth: number;
}

function emptyStats(fetcher: CrawlFetcher): CrawlStats {
  return {
    get pagesFetched() {
      return fetcher.counters.pagesFetched;
    },
    adsParsed: 0,
    adsFound: 0,
    adsNew: 0,
    adsChanged: 0,
    adsUnchanged: 0,
    parseErrors: 0,
    errorsByKind: fetcher.counters.errorsByKind,
    fieldFound: {},
    fieldMisses: {},
    adUrls: new Set(),
    truncated: false,
    listingFailures: 0,
  };
}

/** Frees the host slot a browser request took before navigating; safe to call more than once. */
function releaseHostSlot(request: { userData: unknown }): void {
  const data = request.userData as { release?: () => void };
  const release = data.release;
  delete data.release;
  release?.();
}

export async function runCrawl(
  def: SourceDefinition,
  hooks: CrawlHooks,
  opts: CrawlOptions,
): Promise<CrawlStats> {
  const { fetcher } = opts;
  const stats = emptyStats(fetcher);
  const recordError = fetcher.recordError;
  const allowedByRobots = fetcher.allowedByRobots;

  const config = new Configuration({ persistStorage: false, purgeOnStart: true });
  crawleeLog.setLevel(LogLevel.OFF);
  const queue = await RequestQueue.open(
    `crawl-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    { config },
  );
  const enqueue = async (urls: string[], userData: UserData) => {
    for (const url of urls) {
      if (userData.depth > def.limits.maxDepth) continue;
      if (userData.kind === 'ad' && stats.adUrls.has(url)) continue;
      if (!(await allowedByRobots(url))) {
        await recordError({
          url,
          kind: 'robots_disallowed',
          message: 'robots.txt disallows this URL; not fetched',
        });
        continue;
      }
      if (userData.kind === 'ad') {
        stats.adUrls.add(url);
        if (hooks.shouldFetchAd && !(await hooks.shouldFetchAd(url))) {
          await hooks.seenWithoutFetch?.(url);
          stats.adsFound++;
          stats.adsUnchanged++;
          continue;
        }
      }
      await queue.addRequest({
        url,
        uniqueKey: `${userData.kind}:${url}`,
        userData: { ...userData },
      });
    }
  };

  const handleAdHtml = async (
    url: string,
    page: ReturnType<typeof loadPage>,
    captureId: string,
    fetchedAt: Date,
  ) => {
    const parsed = parseAdPage(page, url, def);
    stats.adsParsed++;
    if (parsed.errors.length) stats.parseErrors++;
    for (const [field] of Object.entries(def.fields).filter(([, r]) => r)) {
      if (parsed.missing.includes(field as never)) {
        const misses = (stats.fieldMisses[field] ??= []);
        if (misses.length < 5) misses.push(url);
      } else {
        stats.fieldFound[field] = (stats.fieldFound[field] ?? 0) + 1;
      }
    }
    if (!parsed.fields.body) {
      await recordError({
        url,
        kind: 'parse',
        message: parsed.errors.join('; ') || 'no ad body found',
      });
      return;
    }
    const images: FoundAd['images'] = [];
    if (def.fetchImages) {
      for (const imageUrl of (parsed.fields.images ?? []).slice(0, 10)) {
        try {
          if (!(await allowedByRobots(imageUrl))) continue;
          // Only the hashes are kept unless the source keeps images: least data.
          const { res, captureId: imageCapture } = await fetcher.fetch(imageUrl, {
            kind: 'image',
            keep: def.keepImages,
            accept: 'image/*',
            maxBytes: Math.min(def.limits.maxResponseBytes, 10 * 1024 * 1024),
          });
          const fp = await fingerprintImage(res.body);
          images.push({
            ...fp,
            url: imageUrl,
            ...(imageCapture ? { captureId: imageCapture } : {}),
          });
        } catch (err) {
          await recordError({ url: imageUrl, ...classifyError(err) });
        }
      }
    }
    stats.adsFound++;
    const outcome = await hooks.ad({ url, parsed, pageCaptureId: captureId, fetchedAt, images });
    if (outcome === 'new') stats.adsNew++;
    else if (outcome === 'changed') stats.adsChanged++;
    else stats.adsUnchanged++;
    hooks.progress?.(stats);
  };

  const handleHtml = async (
    url: string,
    html: string,
    captureId: string,
    fetchedAt: Date,
    data: UserData,
  ) => {
    const $ = loadPage(html);
    const links = findLinks($, url, def);
    // Depth counts hops away from the listings: paging through a long listing (page 2, 3, … 40)
    // or from one city's listing to the next is not going deeper, or a big site would be cut off.
    await enqueue(links.listings, {
      kind: 'listing',
      depth: data.kind === 'listing' ? data.depth : data.depth + 1,
    });
    await enqueue(links.ads, { kind: 'ad', depth: data.depth + 1 });
    if (data.kind === 'ad') await handleAdHtml(url, $, captureId, fetchedAt);
  };

  const onFinalFailure = async (url: string, err: unknown, kind: PageKind) => {
    if (kind === 'listing') stats.listingFailures++;
    await recordError({ url, ...classifyError(err) });
  };
  const backoff = async (retryCount: number) => {
    if (retryCount > 0) await sleep(Math.min(500 * 2 ** (retryCount - 1), 10_000));
  };
  const startRequests = def.startUrls;
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
    // A FetchFailure that cannot get better (404, too large, redirect loop) is not retried; one
    // that asks for more patience than we allow is given up too.
    errorHandler: async (
      {
        request,
      }: { request: { noRetry: boolean; url: string; retryCount: number; userData: unknown } },
      err: Error,
    ) => {
      // A browser request that failed before its post-navigation hook ran still holds its host
      // slot: without this, every retried navigation would leak one until the crawl stalls.
      releaseHostSlot(request);
      if (blockedByBrowserPins(err)) request.noRetry = true;
      if (
        err instanceof FetchFailure &&
        (!err.retryable || (err.retryAfterMs ?? 0) > fetcher.gate.maxPauseMs)
      )
        request.noRetry = true;
      if (err instanceof CircuitOpenError) request.noRetry = true;
      // A failure that will be retried is still a fact about the site (a 429, a flaky 500):
      // analysts see it, marked as retried. The final failure is recorded by the failed handler.
      if (!request.noRetry && request.retryCount < def.limits.maxRetries) {
        const c = classifyError(err);
        await recordError({
          url: request.url,
          ...c,
          message: `${c.message} (attempt ${request.retryCount + 1}; retrying)`,
        });
      }
    },
  };

  await enqueue(startRequests, { kind: 'listing', depth: 0 });

  if (def.crawler === 'http') {
    const crawler = new BasicCrawler(
      {
        ...common,
        useSessionPool: false,
        requestHandler: async ({ request }) => {
          await backoff(request.retryCount);
          const data = request.userData as UserData;
          const { res, captureId } = await fetcher.fetch(request.url);
          const { html } = decodePage(res.body, contentTypeOf(res));
          // A page answer is always kept (only images may be fetched without keeping them).
          await handleHtml(res.url, html, captureId!, res.fetchedAt, data);
        },
        failedRequestHandler: async ({ request }, err) =>
          onFinalFailure(request.url, err, (request.userData as UserData).kind),
      },
      config,
    );
    await runUntilAborted(crawler, opts.signal);
    stats.truncated =
      (await queue.handledCount()) >= def.limits.maxPages && !(await queue.isFinished());
  } else {
    const pins = await pinSourceHosts(def.startUrls, opts.addressGuard);
    // Requests of a page to a refused host of the source are recorded once per URL.
    const refusedSeen = new Set<string>();
    const crawler = new PlaywrightCrawler(
      {
        ...common,
        navigationTimeoutSecs: Math.ceil(def.limits.pageTimeoutMs / 1000),
        launchContext: {
          launchOptions: {
            executablePath: opts.chromiumPath ?? '/usr/bin/chromium',
            headless: true,
            // Everything but the source's own checked hosts goes to a proxy that does not exist:
            // neither a scraped page's script nor Chromium's own background requests can reach
            // anyone else (Crawlee would otherwise route the browser through its in-process proxy
            // to anywhere), and Chromium resolves names only as pinned (browser-pins.ts).
            proxy: { server: 'http://127.0.0.1:9', bypass: pins.proxyBypass },
            args: [
              '--no-sandbox',
              '--disable-gpu',
              '--disable-background-networking',
              '--disable-component-update',
              '--disable-sync',
              '--no-first-run',
              `--host-resolver-rules=${pins.resolverRules}`,
              // WebRTC sends UDP to any address a script names, past both proxy and resolver.
              '--force-webrtc-ip-handling-policy=disable_non_proxied_udp',
            ],
          },
          userAgent: def.politeness.userAgent,
        },
        browserPoolOptions: { useFingerprints: false },
        useSessionPool: false,
        preNavigationHooks: [
          async ({ request, page }) => {
            const host = new URL(request.url).host;
            const refused = pins.refused.get(host);
            if (refused) throw new FetchFailure('address_refused', refused.message);
            await backoff(request.retryCount);
            const release = await fetcher.gate.acquire(host);
            (request.userData as { release?: () => void }).release = release;
            // Same-site only, and only the hosts the guard let through: a scraped page's script
            // may not call out anywhere else, nor open a WebSocket at all.
            await page.routeWebSocket(/.*/, (ws) => ws.close());
            await page.route('**/*', async (route) => {
              const url = route.request().url();
              const target = new URL(url);
              const web = target.protocol === 'http:' || target.protocol === 'https:';
              if (target.protocol === 'data:' || (web && pins.hosts.has(target.host))) {
                await route.continue();
                return;
              }
              await route.abort('blockedbyclient');
              const refusedHost = web ? pins.refused.get(target.host) : undefined;
              if (refusedHost && !refusedSeen.has(url)) {
                refusedSeen.add(url);
                await recordError({ url, kind: 'address_refused', message: refusedHost.message });
              }
            });
          },
        ],
        postNavigationHooks: [
          async ({ request }) => {
            releaseHostSlot(request);
          },
        ],
        requestHandler: async ({ request, page, response }) => {
          const data = request.userData as UserData;
          const fetchedAt = new Date();
          if (!response) throw new FetchFailure('network', 'no response from the browser');
          const status = response.status();
          const headers = Object.entries(await response.allHeaders());
          const document: FetchedResponse = {
            url: response.url(),
            method: 'GET',
            requestHeaders: await response.request().allHeaders(),
            status,
            statusText: response.statusText(),
            headers,
            body: await response.body().catch(() => Buffer.alloc(0)),
            fetchedAt,
          };
          const captureId = await fetcher.keepBrowserResponse(document);
          if (status === 429 || status === 503)
            throw new FetchFailure('rate_limited', `HTTP ${status}`, status);
          if (status >= 500) throw new FetchFailure('http_5xx', `HTTP ${status}`, status);
          if (status >= 400) throw new FetchFailure('http_4xx', `HTTP ${status}`, status);
          if (def.waitForSelector) {
            await page
              .waitForSelector(def.waitForSelector, { timeout: def.limits.pageTimeoutMs })
              .catch(() => undefined);
          } else {
            await page
              .waitForLoadState('networkidle', { timeout: def.limits.pageTimeoutMs })
              .catch(() => undefined);
          }
          const html = await page.content();
          if (html.length > def.limits.maxResponseBytes)
            throw new FetchFailure('too_large', 'rendered page exceeds the size limit');
          await handleHtml(page.url(), html, captureId, fetchedAt, data);
        },
        failedRequestHandler: async ({ request }, err) => {
          releaseHostSlot(request);
          await onFinalFailure(request.url, err, (request.userData as UserData).kind);
        },
      },
      config,
    );
    await runUntilAborted(crawler, opts.signal);
    stats.truncated =
      (await queue.handledCount()) >= def.limits.maxPages && !(await queue.isFinished());
  }
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
