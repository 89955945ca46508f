// The one way a crawl fetches anything over HTTP — listings, ad pages, images, robots.txt and the
// re-check of an ad that is no longer listed: robots.txt first, then the per-host gate (concurrency,
// delay, Retry-After pauses, circuit breaker), then fetchPage, and every answer received (redirect
// hops, error pages, the 404/410 that says an ad is gone) kept as a capture and counted in the run.
// It is one path on purpose: the re-check once had its own, which skipped robots.txt and the delay
// and kept no evidence of the answer that made an ad "gone".
import { randomUUID } from 'node:crypto';
import type { AddressGuard } from '../platform/address-guard.js';
import { RobotsDisallowedError, type CrawlError } from './crawl-errors.js';
import { robotsCheck } from './crawl-robots.js';
import { fetchPage, FetchFailure, type FetchedResponse } from './fetch-page.js';
import { HostGate } from './politeness.js';
import type { SourceDefinition } from './source-definition.js';

export {
  blockedByBrowserPins,
  classifyError,
  RobotsDisallowedError,
  type CrawlError,
} from './crawl-errors.js';

export type CaptureKind = 'page' | 'image';

/** Where an answer sits: which fetch (its redirect hops and final answer share the id), which hop. */
export interface FetchPlace {
  fetchId: string;
  hop: number;
}

export interface FetcherHooks {
  /** Stores a response as evidence; returns the capture id. */
  capture(res: FetchedResponse, kind: CaptureKind, fetch: FetchPlace): Promise<string>;
  error(err: CrawlError): Promise<void>;
}

/** The run's counters that every fetch moves. */
export interface FetchCounters {
  /** Page requests answered (listings, ads, robots.txt, re-checks; not images). */
  pagesFetched: number;
  errorsByKind: Record<string, number>;
}

export interface FetchOptions {
  kind?: CaptureKind;
  /** False: fetch without keeping the answer (images of a source that keeps only their hashes). */
  keep?: boolean;
  accept?: string;
  maxBytes?: number;
}

export interface Fetched {
  res: FetchedResponse;
  /** Capture of the final answer; null when the answer was not kept. */
  captureId: string | null;
}

export interface CrawlFetcher {
  readonly counters: FetchCounters;
  /** Shared with the browser crawler, whose navigations cannot go through fetchPage. */
  readonly gate: HostGate;
  allowedByRobots: (url: string) => Promise<boolean>;
  /**
   * Fetches `url` politely and keeps every answer. Throws RobotsDisallowedError (nothing sent),
   * CircuitOpenError (nothing sent) or FetchFailure (its answers are already kept).
   */
  fetch: (url: string, opts?: FetchOptions) => Promise<Fetched>;
  /** Keeps and counts a page answer received by the browser crawler. */
  keepBrowserResponse: (res: FetchedResponse) => Promise<string>;
  /** Counts an error by kind and hands it to the run. */
  recordError: (e: CrawlError) => Promise<void>;
}

export interface CrawlFetcherOptions {
  /** An admin recorded a reason to crawl despite robots.txt. */
  robotsOverride: boolean;
  /** Refuses internal addresses for every fetch (src/platform/address-guard.ts). */
  addressGuard: AddressGuard;
  signal?: AbortSignal;
}

export function createCrawlFetcher(
  def: SourceDefinition,
  hooks: FetcherHooks,
  opts: CrawlFetcherOptions,
): CrawlFetcher {
  const counters: FetchCounters = { pagesFetched: 0, errorsByKind: {} };
  const gate = new HostGate({
    maxConcurrencyPerHost: def.politeness.maxConcurrencyPerHost,
    delayMs: def.politeness.delayMs,
  });
  const fetchOpts = {
    userAgent: def.politeness.userAgent,
    timeoutMs: def.limits.pageTimeoutMs,
    maxBytes: def.limits.maxResponseBytes,
    maxRedirects: def.limits.maxRedirects,
    guard: opts.addressGuard,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };

  const recordError = async (e: CrawlError) => {
    counters.errorsByKind[e.kind] = (counters.errorsByKind[e.kind] ?? 0) + 1;
    await hooks.error(e);
  };

  const keepAll = async (responses: FetchedResponse[], kind: CaptureKind, fetchId: string) => {
    const ids: string[] = [];
    for (const [hop, r] of responses.entries())
      ids.push(await hooks.capture(r, kind, { fetchId, hop }));
    return ids;
  };

  /** Through the gate, keeping every response received; robots.txt is the caller's business. */
  const gatedFetch = async (url: string, o: FetchOptions): Promise<Fetched> => {
    const kind = o.kind ?? 'page';
    const keep = o.keep ?? true;
    const fetchId = randomUUID();
    const host = new URL(url).host;
    const release = await gate.acquire(host);
    try {
      const { response, hops } = await fetchPage(url, {
        ...fetchOpts,
        ...(o.accept ? { accept: o.accept } : {}),
        ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
      });
      gate.recordSuccess(host);
      if (kind === 'page') counters.pagesFetched++;
      const ids = keep ? await keepAll([...hops, response], kind, fetchId) : [];
      return { res: response, captureId: ids[ids.length - 1] ?? null };
    } catch (err) {
      if (err instanceof FetchFailure) {
        if (kind === 'page' && err.hops.length > 0) counters.pagesFetched++;
        if (keep) await keepAll(err.hops, kind, fetchId);
        if (err.kind === 'rate_limited') gate.pause(host, err.retryAfterMs ?? 5_000);
        if (err.kind === 'http_5xx' || err.kind === 'timeout' || err.kind === 'network')
          gate.recordFailure(host);
      }
      throw err;
    } finally {
      release();
    }
  };

  const allowedByRobots = robotsCheck(def, {
    override: opts.robotsOverride,
    fetch: (url) => gatedFetch(url, {}),
    gate,
    recordError,
  });

  return {
    counters,
    gate,
    allowedByRobots,
    recordError,
    fetch: async (url, o = {}) => {
      if (!(await allowedByRobots(url))) throw new RobotsDisallowedError(url);
      return gatedFetch(url, o);
    },
    keepBrowserResponse: async (res) => {
      counters.pagesFetched++;
      return hooks.capture(res, 'page', { fetchId: randomUUID(), hop: 0 });
    },
  };
}
