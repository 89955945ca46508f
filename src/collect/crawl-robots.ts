// robots.txt for a crawl: read once per origin (politely, and kept as evidence of what we were
// allowed), its crawl-delay handed to the host gate, every URL checked against it; and the check a
// URL the crawl found passes before it is queued, which records a refusal so analysts see why.
import { createRequire } from 'node:module';
import { classifyError, type CrawlError } from './crawl-errors.js';
import { contentTypeOf, FetchFailure, type FetchedResponse } from './fetch-page.js';
import { decodePage } from './parse-page.js';
import type { HostGate } from './politeness.js';
import type { SourceDefinition } from './source-definition.js';

interface Robots {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS with a default-export typing that NodeNext resolution misreads.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (
  url: string,
  text: string,
) => Robots;

export interface RobotsDeps {
  /** An admin recorded a reason to crawl despite robots.txt. */
  override: boolean;
  /** Fetches robots.txt through the crawl's gate, keeping the answer. */
  fetch: (url: string) => Promise<{ res: FetchedResponse }>;
  gate: HostGate;
  recordError: (e: CrawlError) => Promise<void>;
}

/** Whether robots.txt lets the crawl fetch a URL (always, when the source ignores it or an admin overrode it). */
export function robotsCheck(
  def: SourceDefinition,
  deps: RobotsDeps,
): (url: string) => Promise<boolean> {
  // The promise is cached so concurrent requests to a new host fetch it once.
  const robots = new Map<string, Promise<Robots | null>>();
  const loadRobots = async (origin: string, host: string): Promise<Robots | null> => {
    const robotsUrl = `${origin}/robots.txt`;
    let parsed: Robots | null;
    try {
      const { res } = await deps.fetch(robotsUrl);
      parsed = robotsParser(robotsUrl, decodePage(res.body, contentTypeOf(res)).html);
    } catch (err) {
      if (err instanceof FetchFailure && err.kind === 'http_4xx') {
        parsed = null; // no robots.txt: everything is allowed (RFC 9309 §2.3.1.3)
      } else if (err instanceof FetchFailure && err.kind === 'address_refused') {
        // The host's pages are refused for the same reason: each is recorded as such when its
        // turn comes, rather than as "disallowed by robots.txt", which would hide the reason.
        parsed = null;
      } else {
        // Unreachable robots.txt means "assume complete disallow" (RFC 9309 §2.3.1.4).
        parsed = robotsParser(robotsUrl, 'User-agent: *\nDisallow: /');
        const c = classifyError(err);
        await deps.recordError({
          url: robotsUrl,
          ...c,
          message: `robots.txt unreachable, host treated as disallowed: ${c.message}`,
        });
      }
    }
    const delay = parsed?.getCrawlDelay(def.politeness.userAgent);
    if (delay) deps.gate.setMinDelay(host, delay * 1000);
    return parsed;
  };
  return async (url) => {
    if (!def.politeness.respectRobotsTxt || deps.override) return true;
    const { origin, host } = new URL(url);
    let pending = robots.get(origin);
    if (!pending) {
      pending = loadRobots(origin, host);
      robots.set(origin, pending);
    }
    const r = await pending;
    return r ? r.isAllowed(url, def.politeness.userAgent) !== false : true;
  };
}

/** A URL the crawl found may be queued; a disallowed one is recorded, not fetched. */
export async function admittedByRobots(
  fetcher: {
    allowedByRobots: (url: string) => Promise<boolean>;
    recordError: (e: CrawlError) => Promise<void>;
  },
  url: string,
): Promise<boolean> {
  if (await fetcher.allowedByRobots(url)) return true;
  await fetcher.recordError({
    url,
    kind: 'robots_disallowed',
    message: 'robots.txt disallows this URL; not fetched',
  });
  return false;
}
