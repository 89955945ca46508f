// The collect API as the console uses it: sources saved with validation messages, a crawl queued
// as a job and run by a real worker, the crawl history with per-URL errors, ads listed with
// filters and keyset pages, an ad's detail (audited) and its WARC download.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectJobs } from '../../src/collect/jobs.js';
import { reextractAll } from '../../src/facts/store.js';
import { verifyWarc } from '../../src/collect/warc.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { signInAs } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let site: http.Server;
let base: string;
let blobDir: string;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await openTestDatabase();
  blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-api-blobs-'));
  const blobs = createFsBlobStore(blobDir);
  site = http.createServer((req, res) => {
    const url = req.url ?? '/';
    if (url === '/list') {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(
        Array.from({ length: 5 }, (_, i) => `<a class="ad" href="/ad/${i}">${i}</a>`).join('') +
          '<a class="ad" href="/ad/missing">x</a>',
      );
    }
    const m = /^\/ad\/(\d)$/.exec(url);
    if (m) {
      res.writeHead(200, { 'content-type': 'text/html' });
      return res.end(
        `<h1>Ad ${m[1]}</h1><p class="b">Text of ad ${m[1]} in ${Number(m[1]) % 2 ? 'Utrecht' : 'Breda'}</p><span class="c">${Number(m[1]) % 2 ? 'Utrecht' : 'Breda'}</span>`,
      );
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const defs = collectJobs({
    db: t.database.db,
    blobs,
    keys: t.config.secrets,
    log,
    addressGuard: guardAllowing([base]),
    jobs: () => jobs,
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 1);
  app = await buildHttpServer({ config: t.config, database: t.database, blobs, jobs, log });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await new Promise<void>((r) => site.close(() => r()));
  await t?.cleanup();
  rmSync(blobDir, { recursive: true, force: true });
});

const signIn = (role: 'analyst' | 'outreach_worker' | 'partner') =>
  signInAs(app, t.database.db, role);

const definition = () => ({
  name: 'api-site',
  country: 'NL',
  startUrls: [`${base}/list`],
  listing: { adLinkSelector: 'a.ad' },
  fields: { title: { selector: 'h1' }, body: { selector: 'p.b' }, city: { selector: '.c' } },
  politeness: { delayMs: 0 },
  recrawlHours: 0,
  fetchImages: false,
});

describe('collect API', () => {
  let call: Awaited<ReturnType<typeof signIn>>;
  let sourceId: string;

  it('explains an invalid source definition field by field', async () => {
    call = await signIn('analyst');
    const bad = await call('POST', '/api/sources', {
      ...definition(),
      name: 'Bad Name!',
      startUrls: [],
    });
    expect(bad.res.statusCode).toBe(400);
    expect((bad.json.error as { message: string }).message).toMatch(/name: .*\n?.*startUrls/s);
    const ok = await call('POST', '/api/sources', definition());
    expect(ok.res.statusCode).toBe(200);
    sourceId = (ok.json.source as { id: string }).id;
  });

  it('queues a crawl that a worker runs, and shows its history with errors per URL', async () => {
    const queued = await call('POST', `/api/sources/${sourceId}/crawl`, {});
    expect(queued.res.statusCode).toBe(202);
    const runId = queued.json.runId as string;
    let run: { status: string; adsFound: number; errorsByKind: Record<string, number> } | undefined;
    for (let i = 0; i < 150 && run?.status !== 'finished'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      run = (await call('GET', `/api/crawl-runs/${runId}`)).json.run as typeof run;
    }
    expect(run).toMatchObject({ status: 'finished', adsFound: 5, errorsByKind: { http_4xx: 1 } });
    const detail = await call('GET', `/api/crawl-runs/${runId}`);
    expect((detail.json.errors as { url: string }[])[0]!.url).toBe(`${base}/ad/missing`);
    const src = await call('GET', `/api/sources/${sourceId}`);
    expect((src.json.runs as unknown[]).length).toBe(1);
  });

  it('lists ads with filters and keyset pages', async () => {
    // Words become searchable when an ad is extracted (a job that follows the crawl).
    await reextractAll(t.database.db, t.config);
    const breda = await call('GET', '/api/ads?city=breda');
    expect((breda.json.items as unknown[]).length).toBe(3);
    const first = await call('GET', '/api/ads?limit=2');
    const second = await call('GET', `/api/ads?limit=2&cursor=${first.json.nextCursor as string}`);
    const third = await call('GET', `/api/ads?limit=2&cursor=${second.json.nextCursor as string}`);
    const ids = [first, second, third].flatMap((p) =>
      (p.json.items as { id: string }[]).map((a) => a.id),
    );
    expect(new Set(ids).size).toBe(5);
    expect(third.json.nextCursor).toBeNull();
    expect((await call('GET', '/api/ads?cursor=garbage')).res.statusCode).toBe(400);
    expect((await call('GET', '/api/ads?q=Utrecht')).json.items).toHaveLength(2);
    expect((await call('GET', '/api/ads?q=text%20utrecht')).json.items).toHaveLength(2);
    // Numbers are not searchable: refused with the reason, not answered.
    const numbered = await call('GET', '/api/ads?q=ad%203');
    expect(numbered.res.statusCode).toBe(400);
    expect((numbered.json.error as { message: string }).message).toMatch(/numbers and handles/);
  });

  it('audits reading an ad and serves its captures as a verifiable WARC', async () => {
    const list = await call('GET', '/api/ads?limit=1');
    const id = (list.json.items as { id: string }[])[0]!.id;
    const detail = await call('GET', `/api/ads/${id}`);
    expect((detail.json.versions as unknown[]).length).toBe(1);
    const reads = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'ad.read'));
    expect(reads.some((r) => r.targetId === id)).toBe(true);
    const warc = await call('GET', `/api/ads/${id}/warc`);
    expect(warc.res.headers['content-type']).toBe('application/warc');
    const checks = await verifyWarc(warc.res.rawPayload);
    expect(checks.some((c) => c.type === 'response')).toBe(true);
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('keeps partners out and lets outreach workers read but not run sources', async () => {
    const partner = await signIn('partner');
    expect((await partner('GET', '/api/ads')).res.statusCode).toBe(403);
    const worker = await signIn('outreach_worker');
    expect((await worker('GET', '/api/ads')).res.statusCode).toBe(200);
    expect((await worker('POST', `/api/sources/${sourceId}/crawl`, {})).res.statusCode).toBe(403);
    expect(
      (
        await worker('POST', `/api/sources/${sourceId}/robots-override`, {
          reason: 'a reason that is long enough',
        })
      ).res.statusCode,
    ).toBe(403);
  });
});
