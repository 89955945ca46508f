// What the crawl queues: a found URL goes on the queue unless it is too deep, already queued as an
// ad, refused by robots.txt, or an ad page checked recently enough (then it only counts as seen).
import type { CrawlFetcher } from './crawl-fetcher.js';
import { admittedByRobots } from './crawl-robots.js';
import type { CrawlHooks, CrawlStats } from './crawl-stats.js';
import type { SourceDefinition } from './source-definition.js';

export type PageKind = 'listing' | 'ad';

/** What the crawl carries with each request. */
export interface PageRequest {
  kind: PageKind;
  depth: number;
}

/** Everything queueing and page handling use; one per crawl. */
export interface CrawlContext {
  def: SourceDefinition;
  hooks: CrawlHooks;
  fetcher: CrawlFetcher;
  stats: CrawlStats;
  queue: {
    addRequest(r: { url: string; uniqueKey: string; userData: PageRequest }): Promise<unknown>;
  };
}

/**
 * Depth counts hops away from the listings: paging through a long listing (page 2, 3, … 40) or from
 * one city's listing to the next is not going deeper, or a big site would be cut off.
 */
export function linkedRequests(from: PageRequest): { listing: PageRequest; ad: PageRequest } {
  return {
    listing: { kind: 'listing', depth: from.kind === 'listing' ? from.depth : from.depth + 1 },
    ad: { kind: 'ad', depth: from.depth + 1 },
  };
}

export async function enqueueUrls(
  ctx: CrawlContext,
  urls: readonly string[],
  request: PageRequest,
): Promise<void> {
  const { def, hooks, stats } = ctx;
  for (const url of urls) {
    if (request.depth > def.limits.maxDepth) continue;
    if (request.kind === 'ad' && stats.adUrls.has(url)) continue;
    if (!(await admittedByRobots(ctx.fetcher, url))) continue;
    if (request.kind === 'ad') {
      stats.adUrls.add(url);
      if (hooks.shouldFetchAd && !(await hooks.shouldFetchAd(url))) {
        await hooks.seenWithoutFetch?.(url);
        stats.adsFound++;
        stats.adsUnchanged++;
        continue;
      }
    }
    await ctx.queue.addRequest({
      url,
      uniqueKey: `${request.kind}:${url}`,
      userData: { ...request },
    });
  }
}
