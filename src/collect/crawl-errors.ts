// What went wrong in a crawl, in the kinds analysts see (a 404, a refused address, robots.txt),
// and which of those are worth another try.
import { AddressRefused } from '../platform/address-guard.js';
import { FetchFailure } from './fetch-page.js';
import { CircuitOpenError } from './politeness.js';
import type { FetchErrorKind } from './schema.js';

export interface CrawlError {
  url: string;
  kind: FetchErrorKind;
  status?: number | undefined;
  message: string;
}

export class RobotsDisallowedError extends Error {
  constructor(readonly url: string) {
    super('robots.txt disallows this URL; not fetched');
    this.name = 'RobotsDisallowedError';
  }
}

/**
 * A browser navigation that went where browser-pins.ts sends everything not allowed: the dead
 * proxy or an unresolvable name. Retrying cannot change that.
 */
export function blockedByBrowserPins(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return /net::ERR_PROXY_CONNECTION_FAILED|net::ERR_NAME_NOT_RESOLVED/.test(message);
}

/** Classifies anything thrown while handling a request into the error kinds analysts see. */
export function classifyError(err: unknown): {
  kind: FetchErrorKind;
  status?: number;
  message: string;
} {
  if (err instanceof FetchFailure)
    return { kind: err.kind, status: err.status, message: err.message };
  if (err instanceof CircuitOpenError) return { kind: 'circuit_open', message: err.message };
  if (err instanceof RobotsDisallowedError)
    return { kind: 'robots_disallowed', message: err.message };
  if (err instanceof AddressRefused) return { kind: 'address_refused', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (blockedByBrowserPins(err))
    return {
      kind: 'network',
      message: `${/\S*net::ERR_\w+[^\n]*/.exec(message)?.[0] ?? message}: the browser reaches only the source's own hosts, at the addresses checked when the crawl began (a redirect elsewhere ends here)`,
    };
  if (/timed? ?out|timeout/i.test(message)) return { kind: 'timeout', message };
  if (/net::|ECONN|ENOTFOUND|EAI_AGAIN|socket/i.test(message)) return { kind: 'network', message };
  return { kind: 'parse', message };
}

/**
 * False for a failure that cannot get better by retrying: a FetchFailure that is final (404, too
 * large, redirect loop) or asks for more patience than we allow, an open circuit, or a browser
 * navigation sent nowhere by the pins.
 */
export function worthRetrying(err: unknown, maxPauseMs: number): boolean {
  if (blockedByBrowserPins(err)) return false;
  if (err instanceof FetchFailure && (!err.retryable || (err.retryAfterMs ?? 0) > maxPauseMs))
    return false;
  return !(err instanceof CircuitOpenError);
}
