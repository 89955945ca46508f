// The crawl's one way to fetch, against a loopback site: robots.txt is asked before anything else
// and a disallowed URL is never requested; every answer (redirect hops, an error page) is kept with
// its place in the fetch and counted; images a source does not keep are fetched without a capture.
import { guardAllowing } from '../../test/helpers/address-guard.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrawlFetcher, RobotsDisallowedError, type FetchPlace } from './crawl-fetcher.js';
import { FetchFailure, type FetchedResponse } from './fetch-page.js';
import { SourceDefinition } from './source-definition.js';

let server: http.Server;
let base: string;
const requested: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    requested.push(p);
    if (p === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('User-agent: *\nDisallow: /private/\n');
    }
    if (p === '/old') {
      res.writeHead(301, { location: '/broken' });
      return res.end();
    }
    if (p === '/broken') {
      res.writeHead(500, { 'content-type': 'text/html' });
      return res.end('<h1>oops</h1>');
    }
    res.writeHead(200, { 'content-type': p.endsWith('.png') ? 'image/png' : 'text/html' });
    res.end(`page ${p}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
});

function setUp() {
  const kept: { url: string; status: number; kind: string; place: FetchPlace }[] = [];
  const errors: string[] = [];
  const def = SourceDefinition.parse({
    name: 'fetcher',
    country: 'NL',
    startUrls: [`${base}/`],
    listing: { adUrlPattern: '/ad/' },
    fields: { body: { selector: 'p' } },
    politeness: { delayMs: 0 },
  });
  const fetcher = createCrawlFetcher(
    def,
    {
      capture: async (res: FetchedResponse, kind, place) => {
        kept.push({ url: new URL(res.url).pathname, status: res.status, kind, place });
        return `capture-${kept.length}`;
      },
      error: async (e) => {
        errors.push(`${e.kind} ${e.url}`);
      },
    },
    { robotsOverride: false, addressGuard: guardAllowing([base]) },
  );
  return { fetcher, kept, errors };
}

describe('the crawl fetcher', () => {
  it('asks robots.txt first and never requests a disallowed URL', async () => {
    const { fetcher, kept } = setUp();
    requested.length = 0;
    await expect(fetcher.fetch(`${base}/private/x`)).rejects.toBeInstanceOf(RobotsDisallowedError);
    expect(requested).toEqual(['/robots.txt']);
    // robots.txt itself is evidence of what we were allowed, and a page fetched.
    expect(kept.map((k) => [k.url, k.status])).toEqual([['/robots.txt', 200]]);
    expect(fetcher.counters.pagesFetched).toBe(1);
  });

  it('keeps every answer of a failed fetch in order under one fetch id, and counts it', async () => {
    const { fetcher, kept } = setUp();
    const err: unknown = await fetcher.fetch(`${base}/old`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchFailure);
    expect((err as FetchFailure).status).toBe(500);
    const answers = kept.filter((k) => k.url !== '/robots.txt');
    expect(answers.map((k) => [k.url, k.status, k.place.hop])).toEqual([
      ['/old', 301, 0],
      ['/broken', 500, 1],
    ]);
    expect(answers[0]!.place.fetchId).toBe(answers[1]!.place.fetchId);
    expect(fetcher.counters.pagesFetched).toBe(2);
    const ok = await fetcher.fetch(`${base}/ad/1`);
    expect(ok.captureId).toBe(`capture-${kept.length}`);
    expect(kept.at(-1)!.place.fetchId).not.toBe(answers[0]!.place.fetchId);
  });

  it('fetches an image it is not to keep without a capture, and counts no page for it', async () => {
    const { fetcher, kept } = setUp();
    await fetcher.fetch(`${base}/robots-first`);
    const before = kept.length;
    const pages = fetcher.counters.pagesFetched;
    const image = await fetcher.fetch(`${base}/img/1.png`, { kind: 'image', keep: false });
    expect(image.captureId).toBeNull();
    expect(image.res.status).toBe(200);
    expect(kept).toHaveLength(before);
    expect(fetcher.counters.pagesFetched).toBe(pages);
  });

  it('counts the errors it is told about by kind', async () => {
    const { fetcher, errors } = setUp();
    await fetcher.recordError({ url: `${base}/a`, kind: 'http_5xx', message: 'HTTP 500' });
    await fetcher.recordError({ url: `${base}/b`, kind: 'http_5xx', message: 'HTTP 500' });
    expect(fetcher.counters.errorsByKind).toEqual({ http_5xx: 2 });
    expect(errors).toEqual([`http_5xx ${base}/a`, `http_5xx ${base}/b`]);
  });
});
