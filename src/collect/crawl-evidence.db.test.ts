// An ad's evidence is every answer its URL gave over time, on both databases: unchanged recrawls,
// a 500 before a successful retry, the redirect hop in front of it and the 410 that marked it gone
// are all in the ad's detail and its WARC export (which verifies); the gone-ad re-check goes the
// crawl's one way (robots.txt, politeness delay, captures, counters); another source's capture of
// the same URL stays out.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import pino from 'pino';
import { WARCParser } from 'warcio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardAllowing } from '../../test/helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { getAdDetail } from './ads-query.js';
import { exportAdWarc, verifyCaptures } from './captures.js';
import { executeCrawl, requestCrawl } from './crawl-service.js';
import { ads, crawlErrors, crawlRuns } from './schema.js';
import { saveSource } from './sources.js';
import { verifyWarc } from './warc.js';

interface Reply {
  status?: number;
  body?: string;
  headers?: Record<string, string>;
}

let t: TestDatabase;
let blobs: BlobStore;
let blobDir: string;
let server: http.Server;
let base: string;
/** Every request the site answered, with when it arrived. */
const requests: { path: string; at: number }[] = [];
/** Scripted answers per path: each request takes the first; the last one stays. */
const site = new Map<string, Reply[]>();

const adPage = (id: string, text = `Hello from ad ${id}.`): Reply => ({
  body: `<article data-id="${id}"><h1>Ad ${id}</h1><div class="body">${text}</div></article>`,
  headers: { 'content-type': 'text/html; charset=utf-8' },
});
const listing = (links: string[]): Reply => ({
  body: links.map((href) => `<a class="ad" href="${href}">ad</a>`).join(''),
  headers: { 'content-type': 'text/html; charset=utf-8' },
});
const robots = (disallow: string[]): Reply => ({
  body: `User-agent: *\n${disallow.map((p) => `Disallow: ${p}\n`).join('')}`,
  headers: { 'content-type': 'text/plain' },
});

beforeAll(async () => {
  t = await openTestDatabase();
  blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-evidence-'));
  blobs = createFsBlobStore(blobDir);
  server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    requests.push({ path: p, at: performance.now() });
    const script = site.get(p);
    const reply = script && script.length > 1 ? script.shift()! : script?.[0];
    if (!reply) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(reply.status ?? 200, reply.headers ?? { 'content-type': 'text/html' });
    res.end(reply.body ?? '');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t?.cleanup();
  rmSync(blobDir, { recursive: true, force: true });
});

const log = pino({ level: 'silent' });

const definition = (name: string, listPath: string, delayMs = 0) => ({
  name,
  country: 'NL',
  startUrls: [`${base}${listPath}`],
  listing: { adLinkSelector: 'a.ad' },
  fields: {
    title: { selector: 'h1' },
    body: { selector: '.body' },
    externalId: { selector: 'article', attribute: 'data-id' },
  },
  politeness: { delayMs, maxConcurrencyPerHost: 1 },
  limits: { maxRetries: 1 },
  recrawlHours: 0,
  fetchImages: false,
});

async function crawl(sourceId: string) {
  const run = await requestCrawl(t.database.db, CLI_ACTOR, sourceId, 'cli');
  const since = requests.length;
  const summary = await executeCrawl(
    { db: t.database.db, blobs, keys: t.config.secrets, log, addressGuard: guardAllowing([base]) },
    run.id,
  );
  return { summary, requested: requests.slice(since) };
}

async function adOf(sourceId: string, externalId: string) {
  const [ad] = await t.database.db
    .select()
    .from(ads)
    .where(and(eq(ads.sourceId, sourceId), eq(ads.externalId, externalId)));
  expect(ad, `ad ${externalId}`).toBeDefined();
  return ad!;
}

/** Status and URL of every response record in an exported WARC, in file order. */
async function exportedResponses(data: Buffer): Promise<{ status: number; url: string }[]> {
  const out: { status: number; url: string }[] = [];
  for await (const record of new WARCParser(
    (async function* () {
      yield new Uint8Array(data);
    })(),
  )) {
    if (record.warcType !== 'response') continue;
    out.push({
      status: Number(record.httpHeaders?.statusCode ?? 0),
      url: record.warcTargetURI ?? '',
    });
    await record.readFully(false);
  }
  return out;
}

describe("an ad's evidence over time", () => {
  let sourceId: string;

  it('keeps a 500 before a successful retry, and the redirect hop in front of an ad', async () => {
    site.set('/robots.txt', [robots([])]);
    site.set('/list', [listing(['/ad/1', '/ad/2', '/ad/3', '/ad/old-4'])]);
    site.set('/ad/1', [adPage('1')]);
    site.set('/ad/2', [adPage('2')]);
    site.set('/ad/3', [{ status: 500, body: 'busy' }, adPage('3')]);
    site.set('/ad/old-4', [{ status: 301, headers: { location: '/ad/4' } }]);
    site.set('/ad/4', [adPage('4')]);
    const { source } = await saveSource(t.database.db, CLI_ACTOR, definition('evidence', '/list'));
    sourceId = source.id;
    const { summary } = await crawl(sourceId);
    expect(summary).toMatchObject({ status: 'finished', adsNew: 4 });

    const three = await adOf(sourceId, '3');
    const detail = await getAdDetail(t.database.db, t.config.secrets, three.id);
    expect(detail.captures.map((c) => [c.status, c.kind, c.url])).toEqual([
      [500, 'page', `${base}/ad/3`],
      [200, 'page', `${base}/ad/3`],
    ]);
    const exported = await exportAdWarc(
      t.database.db,
      blobs,
      t.config.secrets.fieldKeys,
      CLI_ACTOR,
      three.id,
    );
    expect(exported.captures).toBe(2);
    expect(await exportedResponses(exported.data)).toEqual([
      { status: 500, url: `${base}/ad/3` },
      { status: 200, url: `${base}/ad/3` },
    ]);
    expect((await verifyWarc(exported.data)).every((c) => c.ok)).toBe(true);

    const four = await adOf(sourceId, '4');
    const hops = await getAdDetail(t.database.db, t.config.secrets, four.id);
    expect(hops.captures.map((c) => [c.status, c.url])).toEqual([
      [301, `${base}/ad/old-4`],
      [200, `${base}/ad/4`],
    ]);
  });

  it('keeps the 410 that marks an ad gone as a capture in its evidence, counted in the run', async () => {
    site.set('/list', [listing(['/ad/1', '/ad/3', '/ad/old-4'])]);
    site.set('/ad/2', [{ status: 410, body: 'removed' }]);
    const { summary, requested } = await crawl(sourceId);
    expect(summary.adsGone).toBe(1);
    // robots.txt, the listing, ads 1, 3 and 4 (one fetch through its redirect), the re-check of 2.
    expect(requested.map((r) => r.path).sort()).toEqual(
      ['/robots.txt', '/list', '/ad/1', '/ad/3', '/ad/old-4', '/ad/4', '/ad/2'].sort(),
    );
    expect(summary.pagesFetched).toBe(6);
    const [run] = await t.database.db
      .select()
      .from(crawlRuns)
      .where(eq(crawlRuns.id, summary.runId));
    expect(run?.pagesFetched).toBe(6);

    const two = await adOf(sourceId, '2');
    expect(two.status).toBe('gone');
    const detail = await getAdDetail(t.database.db, t.config.secrets, two.id);
    expect(detail.captures.map((c) => [c.status, c.kind])).toEqual([
      [200, 'page'],
      [410, 'page'],
    ]);
    const exported = await exportAdWarc(
      t.database.db,
      blobs,
      t.config.secrets.fieldKeys,
      CLI_ACTOR,
      two.id,
    );
    expect((await exportedResponses(exported.data)).map((r) => r.status)).toEqual([200, 410]);
  });

  it('lists every capture of an ad recrawled unchanged, and robots.txt stops a re-check', async () => {
    site.set('/robots.txt', [robots(['/ad/3'])]);
    site.set('/list', [listing(['/ad/1', '/ad/old-4'])]);
    site.set('/ad/3', [{ status: 410, body: 'removed' }]);
    const { summary, requested } = await crawl(sourceId);
    expect(summary.adsUnchanged).toBe(2);

    // Three crawls of an unchanged ad: one version, three captures, all in the export.
    const one = await adOf(sourceId, '1');
    const detail = await getAdDetail(t.database.db, t.config.secrets, one.id);
    expect(detail.versions).toHaveLength(1);
    expect(detail.captures.map((c) => c.status)).toEqual([200, 200, 200]);
    const times = detail.captures.map((c) => Date.parse(c.fetchedAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const exported = await exportAdWarc(
      t.database.db,
      blobs,
      t.config.secrets.fieldKeys,
      CLI_ACTOR,
      one.id,
    );
    expect(exported.captures).toBe(3);
    const checks = await verifyWarc(exported.data);
    expect(checks.filter((c) => c.type === 'response')).toHaveLength(3);
    expect(checks.every((c) => c.ok)).toBe(true);

    // Ad 3 is no longer listed, but robots.txt now forbids its page: not asked, not called gone.
    expect(requested.map((r) => r.path)).not.toContain('/ad/3');
    const three = await adOf(sourceId, '3');
    expect(three.status).toBe('active');
    const errors = await t.database.db
      .select()
      .from(crawlErrors)
      .where(eq(crawlErrors.runId, summary.runId));
    expect(errors.map((e) => [e.url, e.kind])).toEqual([[`${base}/ad/3`, 'robots_disallowed']]);
    expect(errors[0]!.message).toMatch(/robots\.txt disallows.*not marked gone/);
    expect(summary.errorsByKind).toEqual({ robots_disallowed: 1 });
    expect(
      (await verifyCaptures(t.database.db, blobs, t.config.secrets.fieldKeys)).problems,
    ).toEqual([]);
  });

  it("keeps another source's capture of the same URL out of the ad's evidence", async () => {
    const { source: mirror } = await saveSource(
      t.database.db,
      CLI_ACTOR,
      definition('evidence-mirror', '/list'),
    );
    await crawl(mirror.id);
    const mine = await getAdDetail(t.database.db, t.config.secrets, (await adOf(sourceId, '1')).id);
    expect(mine.captures).toHaveLength(3);
    const theirs = await getAdDetail(
      t.database.db,
      t.config.secrets,
      (await adOf(mirror.id, '1')).id,
    );
    expect(theirs.captures).toHaveLength(1);
    expect(mine.captures.map((c) => c.id)).not.toContain(theirs.captures[0]!.id);
  });

  it('waits the politeness delay before a gone-ad re-check, as before any other request', async () => {
    const delayMs = 1000;
    site.set('/polite/list', [listing(['/polite/ad/1', '/polite/ad/2'])]);
    site.set('/polite/ad/1', [adPage('p1')]);
    site.set('/polite/ad/2', [adPage('p2')]);
    const { source } = await saveSource(
      t.database.db,
      CLI_ACTOR,
      definition('polite', '/polite/list', delayMs),
    );
    await crawl(source.id);
    site.set('/polite/list', [listing(['/polite/ad/1'])]);
    site.set('/polite/ad/2', [{ status: 404, body: 'gone' }]);
    const { summary, requested } = await crawl(source.id);
    expect(summary.adsGone).toBe(1);
    expect(requested.map((r) => r.path)).toEqual([
      '/robots.txt',
      '/polite/list',
      '/polite/ad/1',
      '/polite/ad/2',
    ]);
    // The gate spaces the requests as they leave; they arrive here a little later each, by more or
    // less, so allow some jitter: skipping the delay shows as a gap of a few tens of milliseconds.
    const gaps = requested.slice(1).map((r, i) => Math.round(r.at - requested[i]!.at));
    for (const gap of gaps)
      expect(gap, `gaps ${gaps.join(', ')} ms`).toBeGreaterThan(delayMs - 200);
  });
});
