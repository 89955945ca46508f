// A source cannot make the server fetch its own network: start URLs, discovered links, redirect
// hops and image URLs that reach loopback, private or metadata addresses are refused after DNS
// resolution, recorded per URL as `address_refused`, not retried and never stored as captures or
// ads, on both databases. The site the source is allowed to crawl is crawled as before.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardAllowing } from '../../test/helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR } from '../platform/actor.js';
import type { Lookup } from '../platform/address-guard.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { executeCrawl, requestCrawl } from './crawl-service.js';
import { ads, captures, crawlErrors } from './schema.js';
import { saveSource } from './sources.js';

let t: TestDatabase;
let blobs: BlobStore;
let blobDir: string;
let site: http.Server;
let base: string;
/** Stands for an admin port or a metadata service on the server's own network. */
let secret: http.Server;
let secretPort: number;
const secretHits: string[] = [];

// "intranet.example" looks public and resolves to loopback (no /etc/hosts edit: the test's lookup).
const lookup: Lookup = async (name) => {
  if (name === 'intranet.example') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
};

beforeAll(async () => {
  t = await openTestDatabase();
  blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-refusal-'));
  blobs = createFsBlobStore(blobDir);
  secret = http.createServer((req, res) => {
    secretHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<h1>internal</h1><div class="body">secret configuration</div>');
  });
  await new Promise<void>((r) => secret.listen(0, '::', r));
  secretPort = (secret.address() as AddressInfo).port;
  site = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const html = (body: string) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(body);
    };
    const redirect = (to: string) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    if (url === '/list')
      return html(
        ['/ad/1', '/ad/2', '/ad/3', `http://intranet.example:${secretPort}/ad/4`]
          .map((href) => `<a class="ad" href="${href}">ad</a>`)
          .join(''),
      );
    if (url === '/ad/1')
      return html(
        `<h1>Ad 1</h1><div class="body">An ordinary ad</div>` +
          `<img src="http://127.0.0.1:${secretPort}/photo.jpg">` +
          `<img src="http://[::1]:${secretPort}/photo2.jpg">` +
          `<img src="http://169.254.169.254/latest/meta-data/iam.jpg">`,
      );
    if (url === '/ad/2') return redirect(`http://127.0.0.1:${secretPort}/ad/2`);
    if (url === '/ad/3') return redirect('http://169.254.169.254/ad/3');
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => site.close(() => r()));
  await new Promise<void>((r) => secret.close(() => r()));
  await t?.cleanup();
  rmSync(blobDir, { recursive: true, force: true });
});

async function crawl(name: string, startUrls: string[]) {
  const db = t.database.db;
  const { source } = await saveSource(db, CLI_ACTOR, {
    name,
    country: 'NL',
    startUrls,
    listing: { adLinkSelector: 'a.ad', adUrlPattern: '/ad/\\d+$' },
    fields: {
      title: { selector: 'h1' },
      body: { selector: '.body' },
      images: { selector: 'img', attribute: 'src', all: true },
    },
    politeness: { delayMs: 0 },
    fetchImages: true,
    keepImages: true,
  });
  const run = await requestCrawl(db, CLI_ACTOR, source.id, 'cli');
  // Only the test site is opened, by host and port: the secret server shares its loopback address.
  const addressGuard = guardAllowing([base], lookup);
  const summary = await executeCrawl(
    { db, blobs, keys: t.config.secrets, log: pino({ level: 'silent' }), addressGuard },
    run.id,
  );
  const errors = await db.select().from(crawlErrors).where(eq(crawlErrors.runId, run.id));
  const stored = await db.select().from(captures).where(eq(captures.runId, run.id));
  const found = await db.select().from(ads).where(eq(ads.sourceId, source.id));
  return { summary, errors, captured: stored.map((c) => c.url), ads: found.map((a) => a.url) };
}

describe('crawling and internal addresses', () => {
  it('refuses start URLs on internal addresses, by literal, by localhost and by a name that resolves there', async () => {
    const urls = [
      `http://127.0.0.1:${secretPort}/list`,
      `http://localhost:${secretPort}/list`,
      `http://intranet.example:${secretPort}/list`,
      `http://[::1]:${secretPort}/list`,
    ];
    const r = await crawl('internal-start', urls);
    expect(r.summary.status).toBe('finished');
    expect(r.summary.errorsByKind).toEqual({ address_refused: 4 });
    // One record per URL: a refusal is final, never retried.
    expect(r.errors.map((e) => [e.url, e.kind]).sort()).toEqual(
      urls.map((u) => [u, 'address_refused']).sort(),
    );
    const message = (u: string) => r.errors.find((e) => e.url === u)?.message;
    expect(message(urls[0]!)).toBe('127.0.0.1, a loopback address; not fetched');
    expect(message(urls[2]!)).toBe(
      'intranet.example resolves to 127.0.0.1, a loopback address; not fetched',
    );
    expect(message(urls[1]!)).toMatch(/^localhost resolves to .*, a loopback address/);
    expect(r.captured).toEqual([]);
    expect(r.ads).toEqual([]);
    expect(secretHits).toEqual([]);
  });

  it('refuses redirect hops, discovered links and images that reach inside, and crawls the rest', async () => {
    const r = await crawl('mixed-site', [
      `${base}/list`,
      `http://intranet.example:${secretPort}/list`,
    ]);
    expect(r.summary.status).toBe('finished');
    const refused = r.errors
      .filter((e) => e.kind === 'address_refused')
      .map((e) => e.url)
      .sort();
    expect(refused).toEqual(
      [
        `${base}/ad/2`, // 302 to 127.0.0.1 on another port
        `${base}/ad/3`, // 302 to the metadata address
        `http://intranet.example:${secretPort}/list`,
        `http://intranet.example:${secretPort}/ad/4`,
        `http://127.0.0.1:${secretPort}/photo.jpg`,
        `http://[::1]:${secretPort}/photo2.jpg`,
        'http://169.254.169.254/latest/meta-data/iam.jpg',
      ].sort(),
    );
    expect(r.errors.filter((e) => e.kind !== 'address_refused')).toEqual([]);
    expect(r.errors.find((e) => e.url === `${base}/ad/3`)?.message).toBe(
      '169.254.169.254, a link-local address (where cloud metadata services answer); not fetched',
    );
    // The ordinary ad is kept; the redirects are kept as evidence of what the site did, and
    // nothing from an internal address is stored at all.
    expect(r.ads).toEqual([`${base}/ad/1`]);
    expect(r.captured.sort()).toEqual(
      [`${base}/robots.txt`, `${base}/list`, `${base}/ad/1`, `${base}/ad/2`, `${base}/ad/3`].sort(),
    );
    expect(secretHits).toEqual([]);
  });
});
