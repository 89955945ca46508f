// A source whose ads only exist after the page's script runs: the HTTP crawler finds nothing,
// the browser crawler (Crawlee's PlaywrightCrawler on Debian's Chromium) finds every ad, and a
// script that tries to reach another host is blocked.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { listAds } from '../../src/collect/ads-query.js';
import { executeCrawl, requestCrawl } from '../../src/collect/crawl-service.js';
import { saveSource } from '../../src/collect/sources.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let server: http.Server;
let base: string;
let dir: string;
const hits: string[] = [];

const shell = (script: string) =>
  `<!doctype html><html><head><meta charset="utf-8"></head><body><main id="app">Loading…</main><script>${script}</script></body></html>`;

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-bcrawl-'));
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = req.url ?? '/';
    if (url === '/robots.txt') return res.end('User-agent: *\nAllow: /\n');
    if (url === '/api/ads') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify([1, 2, 3]));
    }
    const m = /^\/api\/ad\/(\d+)$/.exec(url);
    if (m) {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({ id: m[1], title: `Script ad ${m[1]}`, body: `Body of script ad ${m[1]}` }),
      );
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    if (url === '/list') {
      return res.end(
        shell(`fetch('http://203.0.113.9/track').catch(()=>{});
          fetch('/api/ads').then(r=>r.json()).then(ids=>{document.getElementById('app').innerHTML=ids.map(i=>'<a class="ad" href="/ad/'+i+'">ad '+i+'</a>').join('')})`),
      );
    }
    const a = /^\/ad\/(\d+)$/.exec(url);
    if (a) {
      return res.end(
        shell(
          `fetch('/api/ad/${a[1]}').then(r=>r.json()).then(ad=>{document.getElementById('app').innerHTML='<h1>'+ad.title+'</h1><div class="body">'+ad.body+'</div>'})`,
        ),
      );
    }
    res.end(shell(''));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const definition = (crawler: 'http' | 'browser') => ({
  name: `script-site-${crawler}`,
  country: 'NL',
  crawler,
  startUrls: [`${base}/list`],
  listing: { adLinkSelector: 'a.ad' },
  fields: { title: { selector: 'h1' }, body: { selector: '.body' } },
  waitForSelector: crawler === 'browser' ? 'a.ad, .body' : undefined,
  politeness: { delayMs: 0 },
  fetchImages: false,
});

async function crawl(crawler: 'http' | 'browser') {
  const { source } = await saveSource(t.database.db, CLI_ACTOR, definition(crawler));
  const run = await requestCrawl(t.database.db, CLI_ACTOR, source.id, 'cli');
  return executeCrawl(
    {
      db: t.database.db,
      blobs: createFsBlobStore(dir),
      keys: t.config.secrets,
      log: pino({ level: 'silent' }),
    },
    run.id,
  );
}

describe('crawling pages built by script', () => {
  it('finds nothing over plain HTTP', async () => {
    const summary = await crawl('http');
    expect(summary.adsFound).toBe(0);
    expect(summary.health.status).toBe('broken');
  });

  it('finds every ad with the browser crawler and reads the rendered text', async () => {
    const summary = await crawl('browser');
    expect(summary).toMatchObject({ adsFound: 3, adsNew: 3 });
    const ads = await listAds(t.database.db, t.config.secrets, {
      limit: 10,
      source: 'script-site-browser',
    });
    expect(ads.items.map((a) => a.title).sort()).toEqual([
      'Script ad 1',
      'Script ad 2',
      'Script ad 3',
    ]);
    expect(ads.items[0]!.snippet).toMatch(/^Body of script ad \d$/);
  }, 120_000);
});
