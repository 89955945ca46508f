// What a crawl reports: the ads it found (handed to the caller's hooks, which store them) and its
// running counts, read by the caller for the run's record and the source's health.
import type { CrawlFetcher } from './crawl-fetcher.js';
import type { ImageFingerprint } from './image-hash.js';
import type { ParsedAd } from './parse-page.js';

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

export function emptyStats(fetcher: CrawlFetcher): CrawlStats {
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
