// The crawl pipeline end to end on both databases, against a tiny site served here: captures,
// ad versions, changed and gone ads, per-URL errors, robots.txt, and WARC export that verifies.
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
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { listAds, getAdDetail } from './ads-query.js';
import { exportAdWarc, verifyCaptures } from './captures.js';
import { executeCrawl, requestCrawl } from './crawl-service.js';
import { ads, captures, crawlErrors } from './schema.js';
import { saveSource } from './sources.js';
import { verifyWarc } from './warc.js';

let t: TestDatabase;
let blobs: BlobStore;
let blobDir: string;
let server: http.Server;
let base: string;
const fetched: string[] = [];
const site: Record<string, { status?: number; body: string; headers?: Record<string, string> }> =
  {};

function setSite(day: 1 | 2) {
  for (const k of Object.keys(site)) delete site[k];
  site['/robots.txt'] = { body: 'User-agent: *\nDisallow: /private/\n' };
  const ads1 = day === 1 ? ['1', '2', '3'] : ['1', '2'];
  site['/city/amsterdam'] = {
    body: `<h1>Amsterdam</h1>${ads1.map((id) => `<a class="ad" href="/ad/${id}">ad ${id}</a>`).join('')}<a class="ad" href="/ad/broken">broken</a><a class="ad" href="/private/x">private</a><a class="next" href="/city/amsterdam?page=2">next</a>`,
  };
  site['/city/amsterdam?page=2'] = { body: '<p>no more ads</p>' };
  for (const id of ads1) {
    const price = id === '2' && day === 2 ? '200' : '150';
    site[`/ad/${id}`] = {
      body: `<article data-id="${id}"><h1>Ad ${id}</h1><div class="body">Hello from ad ${id}. Price ${price}</div><span class="city">Amsterdam</span></article>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    };
  }
  site['/ad/broken'] = { status: 500, body: 'oops' };
}

beforeAll(async () => {
  t = await openTestDatabase();
  blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-blobs-'));
  blobs = createFsBlobStore(blobDir);
  setSite(1);
  server = http.createServer((req, res) => {
    fetched.push(req.url ?? '');
    const page = site[req.url ?? ''];
    if (!page) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(page.status ?? 200, page.headers ?? { 'content-type': 'text/html' });
    res.end(page.body);
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

async function crawlOnce(sourceId: string) {
  const run = await requestCrawl(t.database.db, CLI_ACTOR, sourceId, 'cli');
  return executeCrawl(
    { db: t.database.db, blobs, keys: t.config.secrets, log, addressGuard: guardAllowing([base]) },
    run.id,
  );
}

describe('crawl pipeline', () => {
  let sourceId: string;

  it('crawls, stores captures and ad versions, and records every failure', async () => {
    const { source } = await saveSource(t.database.db, CLI_ACTOR, {
      name: 'tiny-site',
      country: 'NL',
      startUrls: [`${base}/city/amsterdam`],
      listing: { adLinkSelector: 'a.ad', nextPageSelector: 'a.next' },
      fields: {
        title: { selector: 'h1' },
        body: { selector: '.body' },
        city: { selector: '.city' },
        externalId: { selector: 'article', attribute: 'data-id' },
      },
      politeness: { delayMs: 0, maxConcurrencyPerHost: 2 },
      limits: { maxRetries: 1 },
      recrawlHours: 0,
      fetchImages: false,
    });
    sourceId = source.id;
    const summary = await crawlOnce(sourceId);
    expect(summary).toMatchObject({
      status: 'finished',
      adsFound: 3,
      adsNew: 3,
      adsChanged: 0,
      adsGone: 0,
    });
    // The 500 is recorded once as retried and once as the final failure.
    expect(summary.errorsByKind).toMatchObject({ http_5xx: 2, robots_disallowed: 1 });
    expect(fetched).not.toContain('/private/x');
    const errs = await t.database.db.select().from(crawlErrors);
    expect(errs.find((e) => e.kind === 'http_5xx')?.url).toBe(`${base}/ad/broken`);
    const caps = await t.database.db.select().from(captures);
    expect(caps.length).toBeGreaterThanOrEqual(6);
    const list = await listAds(t.database.db, t.config.secrets, { limit: 10, source: 'tiny-site' });
    expect(list.items.map((a) => a.externalId).sort()).toEqual(['1', '2', '3']);
  });

  it('keeps an unchanged ad as is, versions a changed one and marks a removed one gone', async () => {
    setSite(2);
    const summary = await crawlOnce(sourceId);
    expect(summary).toMatchObject({
      adsFound: 2,
      adsNew: 0,
      adsChanged: 1,
      adsUnchanged: 1,
      adsGone: 1,
    });
    const [gone] = await t.database.db.select().from(ads).where(eq(ads.externalId, '3'));
    expect(gone?.status).toBe('gone');
    expect(gone?.goneAt?.getTime()).toBe(gone?.lastSeenAt.getTime());
    const [changed] = await t.database.db.select().from(ads).where(eq(ads.externalId, '2'));
    const detail = await getAdDetail(t.database.db, t.config.secrets, changed!.id);
    expect(detail.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(detail.versions[0]!.changedFields).toEqual(['body']);
    expect(detail.versions[0]!.body).toMatch(/Price 200/);
  });

  it("exports an ad's captures as a WARC whose digests verify, and catches tampering", async () => {
    const [ad] = await t.database.db.select().from(ads).where(eq(ads.externalId, '2'));
    const exported = await exportAdWarc(
      t.database.db,
      blobs,
      t.config.secrets.fieldKeys,
      CLI_ACTOR,
      ad!.id,
    );
    expect(exported.captures).toBe(2);
    const checks = await verifyWarc(exported.data);
    expect(checks.filter((c) => c.type === 'response')).toHaveLength(2);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(
      (await verifyCaptures(t.database.db, blobs, t.config.secrets.fieldKeys)).problems,
    ).toEqual([]);
    // Overwrite one stored record with other bytes: verification must name it.
    const [cap] = await t.database.db.select().from(captures).limit(1);
    await blobs.put(cap!.recordKey, Buffer.from('tampered'));
    const result = await verifyCaptures(t.database.db, blobs, t.config.secrets.fieldKeys);
    expect(
      result.problems.some(
        (p) => p.captureId === cap!.id && /changed since capture/.test(p.problem),
      ),
    ).toBe(true);
  });
});
