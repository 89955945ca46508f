// Fetches one URL the way evidence needs it: the exact bytes the server sent, every redirect hop
// kept (each hop is a capture too), a hard cap on response size, a time limit, and failures
// classified so the crawler knows what to retry. Scraped content is hostile: nothing here parses
// or runs it. Every connection, the first and each redirect hop, goes through the address guard
// (src/platform/address-guard.ts), which refuses loopback, private, link-local and other internal
// addresses after DNS resolution, so a source cannot make the server fetch its own network.
import { request } from 'undici';
import { AddressRefused, type AddressGuard } from '../platform/address-guard.js';

export type FetchFailureKind =
  | 'http_4xx'
  | 'http_5xx'
  | 'rate_limited'
  | 'timeout'
  | 'too_large'
  | 'redirect_limit'
  | 'address_refused'
  | 'network';

export class FetchFailure extends Error {
  constructor(
    readonly kind: FetchFailureKind,
    message: string,
    readonly status?: number,
    /** Milliseconds the server asked us to wait (Retry-After), if any. */
    readonly retryAfterMs?: number,
    /** Responses received before failing (redirect hops, an error page): still evidence. */
    readonly hops: FetchedResponse[] = [],
  ) {
    super(message);
    this.name = 'FetchFailure';
  }

  /** A 404 or a too-large page will not change on retry; a 503 or a timeout may. */
  get retryable(): boolean {
    return (
      this.kind === 'http_5xx' ||
      this.kind === 'rate_limited' ||
      this.kind === 'timeout' ||
      this.kind === 'network'
    );
  }
}

export interface FetchedResponse {
  url: string;
  method: 'GET';
  requestHeaders: Record<string, string>;
  status: number;
  statusText: string;
  headers: [string, string][];
  body: Buffer;
  fetchedAt: Date;
}

export interface FetchOptions {
  userAgent: string;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  accept?: string;
  signal?: AbortSignal;
  /** Decides which addresses may be contacted; required so that no caller can go around it. */
  guard: AddressGuard;
}

export interface FetchResult {
  /** The final response (2xx); `hops` holds the redirects before it, in order. */
  response: FetchedResponse;
  hops: FetchedResponse[];
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function headerValue(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

function flattenHeaders(raw: Record<string, string | string[] | undefined>): [string, string][] {
  const out: [string, string][] = [];
  for (const [k, v] of Object.entries(raw)) {
    if (v === undefined) continue;
    for (const item of Array.isArray(v) ? v : [v]) out.push([k, item]);
  }
  return out;
}

/** The guard's refusal, whether undici passed it on as it was or wrapped it. */
function refusalIn(err: unknown): AddressRefused | undefined {
  for (let e = err; e instanceof Error; e = e.cause) if (e instanceof AddressRefused) return e;
  return undefined;
}

async function fetchOnce(
  url: string,
  opts: FetchOptions,
  hops: FetchedResponse[],
): Promise<FetchedResponse> {
  const requestHeaders: Record<string, string> = {
    'user-agent': opts.userAgent,
    accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    'accept-encoding': 'identity',
  };
  const fetchedAt = new Date();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  const onOuterAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const res = await request(url, {
      dispatcher: opts.guard.dispatcher,
      method: 'GET',
      headers: requestHeaders,
      signal: controller.signal,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
    });
    const headers = flattenHeaders(res.headers);
    const declared = Number(headerValue(headers, 'content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      res.body.destroy();
      throw new FetchFailure(
        'too_large',
        `response of ${declared} bytes exceeds the ${opts.maxBytes}-byte limit`,
        res.statusCode,
        undefined,
        hops,
      );
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > opts.maxBytes) {
        res.body.destroy();
        throw new FetchFailure(
          'too_large',
          `response exceeds the ${opts.maxBytes}-byte limit`,
          res.statusCode,
          undefined,
          hops,
        );
      }
      chunks.push(buf);
    }
    return {
      url,
      method: 'GET',
      requestHeaders,
      status: res.statusCode,
      statusText: STATUS_TEXT[res.statusCode] ?? '',
      headers,
      body: Buffer.concat(chunks),
      fetchedAt,
    };
  } catch (err) {
    if (err instanceof FetchFailure) throw err;
    const refused = refusalIn(err);
    if (refused)
      throw new FetchFailure('address_refused', refused.message, undefined, undefined, hops);
    if (controller.signal.aborted) {
      throw new FetchFailure(
        'timeout',
        `no complete response within ${opts.timeoutMs} ms`,
        undefined,
        undefined,
        hops,
      );
    }
    const code = (err as { code?: string }).code ?? '';
    throw new FetchFailure(
      'network',
      `${code ? code + ': ' : ''}${(err as Error).message}`,
      undefined,
      undefined,
      hops,
    );
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onOuterAbort);
  }
}

/**
 * Fetches a URL, following redirects by hand (each hop kept) up to `maxRedirects`. Throws a
 * FetchFailure for anything but a final 2xx; the failure carries what was received.
 */
export async function fetchPage(url: string, opts: FetchOptions): Promise<FetchResult> {
  const hops: FetchedResponse[] = [];
  const seen = new Set<string>();
  const scheme = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (scheme !== 'http:' && scheme !== 'https:')
    throw new FetchFailure('http_4xx', scheme ? `not an HTTP URL (${scheme})` : 'not a valid URL');
  let current = url;
  for (;;) {
    const res = await fetchOnce(current, opts, hops);
    if (res.status >= 300 && res.status < 400) {
      const location = headerValue(res.headers, 'location');
      if (!location)
        throw new FetchFailure(
          'http_4xx',
          `redirect ${res.status} without a Location header`,
          res.status,
          undefined,
          [...hops, res],
        );
      hops.push(res);
      const next = new URL(location, current).toString();
      if (!/^https?:$/.test(new URL(next).protocol)) {
        throw new FetchFailure(
          'http_4xx',
          `redirect to a non-HTTP URL (${new URL(next).protocol})`,
          res.status,
          undefined,
          hops,
        );
      }
      if (seen.has(next) || next === url) {
        throw new FetchFailure(
          'redirect_limit',
          `redirect loop back to ${next}`,
          res.status,
          undefined,
          hops,
        );
      }
      if (hops.length > opts.maxRedirects) {
        throw new FetchFailure(
          'redirect_limit',
          `more than ${opts.maxRedirects} redirects`,
          res.status,
          undefined,
          hops,
        );
      }
      seen.add(current);
      current = next;
      continue;
    }
    if (res.status === 429 || (res.status === 503 && headerValue(res.headers, 'retry-after'))) {
      throw new FetchFailure(
        'rate_limited',
        `HTTP ${res.status}${headerValue(res.headers, 'retry-after') ? `, Retry-After ${headerValue(res.headers, 'retry-after')}` : ''}`,
        res.status,
        parseRetryAfter(headerValue(res.headers, 'retry-after')),
        [...hops, res],
      );
    }
    if (res.status >= 500)
      throw new FetchFailure('http_5xx', `HTTP ${res.status}`, res.status, undefined, [
        ...hops,
        res,
      ]);
    if (res.status >= 400)
      throw new FetchFailure('http_4xx', `HTTP ${res.status}`, res.status, undefined, [
        ...hops,
        res,
      ]);
    return { response: res, hops };
  }
}

export function contentTypeOf(res: FetchedResponse): string | undefined {
  return headerValue(res.headers, 'content-type');
}
