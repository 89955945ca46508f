// Browser sources: Crawlee's PlaywrightCrawler on Debian's Chromium, held to the source's own
// checked hosts (see browser-pins.ts) and to the crawl's host gate, its answers kept as evidence
// like the HTTP fetcher's.
import { PlaywrightCrawler, type Configuration, type PlaywrightCrawlerOptions } from 'crawlee';
import type { BrowserPins } from './browser-pins.js';
import type { CrawlContext, PageRequest } from './crawl-enqueue.js';
import { handlePage } from './crawl-page.js';
import { FetchFailure, type FetchedResponse } from './fetch-page.js';

/** Frees the host slot a browser request took before navigating; safe to call more than once. */
export function releaseHostSlot(request: { userData: unknown }): void {
  const data = request.userData as { release?: () => void };
  const release = data.release;
  delete data.release;
  release?.();
}

/** Options shared with the HTTP crawler (queue, limits, retries), and the crawl's own steps. */
export interface BrowserCrawlSetup {
  common: Omit<PlaywrightCrawlerOptions, 'requestHandler' | 'failedRequestHandler'>;
  pins: BrowserPins;
  chromiumPath: string | undefined;
  backoff: (retryCount: number) => Promise<void>;
  onFinalFailure: (url: string, err: unknown, request: PageRequest) => Promise<void>;
}

/**
 * The environment Chromium starts with: the server's, without a library preloaded into the server
 * (the journey that moves the server's clock preloads libfaketime, under which Chromium's crash
 * handler cannot read the time and the browser never starts).
 */
export function browserEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) {
    if (v !== undefined && k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')) out[k] = v;
  }
  return out;
}

export function createBrowserCrawler(
  ctx: CrawlContext,
  setup: BrowserCrawlSetup,
  config: Configuration,
): PlaywrightCrawler {
  const { def, fetcher } = ctx;
  const { pins } = setup;
  // Requests of a page to a refused host of the source are recorded once per URL.
  const refusedSeen = new Set<string>();
  return new PlaywrightCrawler(
    {
      ...setup.common,
      navigationTimeoutSecs: Math.ceil(def.limits.pageTimeoutMs / 1000),
      launchContext: {
        launchOptions: {
          executablePath: setup.chromiumPath ?? '/usr/bin/chromium',
          headless: true,
          env: browserEnv(process.env),
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
          await setup.backoff(request.retryCount);
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
              await fetcher.recordError({
                url,
                kind: 'address_refused',
                message: refusedHost.message,
              });
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
        const data = request.userData as PageRequest;
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
        await handlePage(ctx, { url: page.url(), html, captureId, fetchedAt }, data);
      },
      failedRequestHandler: async ({ request }, err) => {
        releaseHostSlot(request);
        await setup.onFinalFailure(request.url, err, request.userData as PageRequest);
      },
    },
    config,
  );
}
