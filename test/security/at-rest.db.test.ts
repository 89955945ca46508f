// Identifiers at rest, on both databases: a crawl of a page with planted identifiers (a phone
// number in E.164, national, spaced, dotted and dashed forms, in the structured phone field, a
// second number written in words, an e-mail address and a messenger handle) goes through the real
// jobs — crawl, extraction, linking, scoring — and then everything Ariadne keeps is searched byte
// for byte for every form of every identifier: a pg_dump (PostgreSQL), every table's rows as text
// (both), the raw files of the embedded data directory (PGlite), and every object in the blob
// store, with any gzip member in it decompressed and searched too. The exported WARC is the
// positive control: there the page is whole again, and the same search finds every identifier.
import { systemClock } from '../../src/platform/clock.js';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gunzipSync, constants as zlib } from 'node:zlib';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportAdWarc, verifyCaptures } from '../../src/collect/captures.js';
import { requestCrawl } from '../../src/collect/crawl-service.js';
import { crawlJobRef } from '../../src/collect/jobs.js';
import { ads } from '../../src/collect/schema.js';
import { saveSource } from '../../src/collect/sources.js';
import { verifyWarc } from '../../src/collect/warc.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createBlobStore } from '../../src/platform/blobs/index.js';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { exposedPaths } from '../../src/platform/data-dir.js';
import { allJobs } from '../../src/app/jobs.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { leads } from '../../src/score/schema.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

/** Every form in which each planted identifier could be kept. */
const PLANTED: Record<string, string[]> = {
  'phone A': [
    '+31647258139',
    '31647258139',
    '0647258139',
    '647258139',
    '06 47 25 81 39',
    '06.47.25.81.39',
    '06-47258139',
    '06 47258139',
    '+31 6 47258139',
    'tel:+31-6-47258139',
  ],
  'phone B (in words)': [
    '+31648361592',
    '0648361592',
    '648361592',
    '06 48 36 15 92',
    '06 48361592',
    'nul zes vier acht drie zes een vijf negen twee',
  ],
  'e-mail': ['zq.veldhoen@example.org', 'zq.veldhoen'],
  'telegram handle': ['kiwi_mariposa', '@kiwi_mariposa'],
};

const adPage = (id: string, extra: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>Lotte</title></head><body><article data-id="${id}">
<h1>Lotte nieuw in Utrecht 06-47258139</h1>
<div class="body">Hoi! Bel of app +31647258139 of 0647258139. Ook 06 47 25 81 39 en 06.47.25.81.39.
Prive nummer: nul zes vier acht drie zes een vijf negen twee. Mail zq.veldhoen@example.org,
telegram @kiwi_mariposa. Bijna 18, nieuw meisje. ${extra}</div>
<span class="phone">06-47258139</span><span class="name">Lotte</span>
<span class="city">Utrecht</span><span class="age">19</span><span class="price">150 euro</span>
</article></body></html>`;

const SITE: Record<string, string> = {
  '/robots.txt': 'User-agent: *\nAllow: /\n',
  '/list': '<a class="ad" href="/ad/one">one</a><a class="ad" href="/ad/two">two</a>',
  '/ad/one': adPage('one', 'Alleen hotel.'),
  '/ad/two': adPage('two', 'Ook in Amersfoort, 24/7.'),
};

let t: TestDatabase;
let jobs: Jobs | undefined;
let blobs: BlobStore;
let server: http.Server;
let base: string;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await openTestDatabase();
  blobs = createBlobStore(t.config.blobs);
  server = http.createServer((req, res) => {
    const page = SITE[req.url ?? ''];
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(page ?? 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const defs = allJobs({
    config: t.config,
    database: t.database,
    blobs,
    log,
    addressGuard: guardAllowing([base]),
    clock: systemClock,
    jobs: () => {
      if (!jobs) throw new Error('jobs not started');
      return jobs;
    },
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 2);
});
afterAll(async () => {
  await jobs?.stop();
  await new Promise<void>((r) => server.close(() => r()));
  await t?.cleanup();
});

async function until(what: string, check: () => Promise<boolean>, ms = 90_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const lowerAscii = (data: Buffer): Buffer =>
  Buffer.from(data.map((b) => (b >= 0x41 && b <= 0x5a ? b + 32 : b)));

/** Which planted forms occur in `data` (ASCII case ignored), as "identifier: form". */
function plantedIn(data: Buffer): string[] {
  const hay = lowerAscii(data);
  const found: string[] = [];
  for (const [name, forms] of Object.entries(PLANTED)) {
    for (const form of forms) {
      if (hay.includes(Buffer.from(form.toLowerCase(), 'utf8'))) found.push(`${name}: ${form}`);
    }
  }
  return found;
}

/** Every gzip member that starts somewhere in `data`, decompressed (as far as it reads). */
function gzipMembers(data: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let i = data.indexOf(GZIP_MAGIC); i >= 0; i = data.indexOf(GZIP_MAGIC, i + 1)) {
    try {
      out.push(gunzipSync(data.subarray(i), { finishFlush: zlib.Z_SYNC_FLUSH }));
    } catch {
      // Not a gzip member after all (three bytes by chance).
    }
  }
  return out;
}
const GZIP_MAGIC = Buffer.from([0x1f, 0x8b, 0x08]);

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    const st = lstatSync(full);
    if (st.isDirectory()) out.push(...filesUnder(full));
    else if (st.isFile()) out.push(full);
  }
  return out;
}

/** Searches a file and the gzip members inside it; hits name the file. */
function scanFile(file: string, label: string): string[] {
  const data = readFileSync(file);
  const hits = plantedIn(data).map((h) => `${label} ${file}: ${h}`);
  for (const member of gzipMembers(data)) {
    hits.push(...plantedIn(member).map((h) => `${label} ${file} (gzip member): ${h}`));
  }
  return hits;
}

describe('identifiers at rest', () => {
  it('keeps no planted identifier in clear in the databases or the blob store', async () => {
    const db = t.database.db;
    const { source } = await saveSource(db, CLI_ACTOR, {
      name: 'planted',
      country: 'NL',
      startUrls: [`${base}/list`],
      listing: { adLinkSelector: 'a.ad' },
      fields: {
        title: { selector: 'h1' },
        body: { selector: '.body' },
        phone: { selector: '.phone' },
        displayName: { selector: '.name' },
        city: { selector: '.city' },
        age: { selector: '.age' },
        price: { selector: '.price' },
        externalId: { selector: 'article', attribute: 'data-id' },
      },
      politeness: { delayMs: 0 },
      recrawlHours: 0,
      fetchImages: false,
    });
    const run = await requestCrawl(db, CLI_ACTOR, source.id, 'cli');
    await jobs!.send(crawlJobRef, { runId: run.id });
    // Crawl → extraction → linking → scoring: the two ads share a number, so one entity, and
    // "bijna 18" makes it an urgent lead.
    await until('a lead', async () => (await db.select().from(leads)).length > 0);
    await until('both ads scored', async () => {
      const r = await t.database.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ad_scores',
      );
      return r.rows[0]!.n === 2;
    });
    await jobs!.stop();
    jobs = undefined;

    // Positive control: the exported evidence is the page as fetched, identifiers and all.
    const [ad] = await db
      .select()
      .from(ads)
      .where(sql`${ads.externalId} = 'one'`);
    const exported = await exportAdWarc(db, blobs, t.config.secrets.fieldKeys, CLI_ACTOR, ad!.id);
    expect((await verifyWarc(exported.data)).every((c) => c.ok)).toBe(true);
    const inExport = gzipMembers(exported.data).flatMap(plantedIn);
    for (const [name, forms] of Object.entries(PLANTED)) {
      const plantedForms = forms.filter((f) => SITE['/ad/one']!.includes(f));
      for (const form of plantedForms) expect(inExport).toContain(`${name}: ${form}`);
    }
    expect(await verifyCaptures(db, blobs, t.config.secrets.fieldKeys)).toMatchObject({
      problems: [],
      inClear: 0,
    });

    const hits: string[] = [];
    // Every table's rows as text, through SQL (both databases).
    const tables = await t.database.pool.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'm', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg_toast%'`,
    );
    expect(tables.rows.length).toBeGreaterThan(20);
    for (const { schema, name } of tables.rows) {
      const rows = await t.database.pool.query<{ row: string }>(
        `SELECT t::text AS row FROM "${schema}"."${name}" t`,
      );
      for (const r of rows.rows) {
        hits.push(...plantedIn(Buffer.from(r.row)).map((h) => `row of ${schema}.${name}: ${h}`));
      }
    }
    if (t.kind === 'postgres') {
      const dump = spawnSync('pg_dump', ['--no-owner', t.config.databaseUrl!], {
        maxBuffer: 256 * 1024 * 1024,
      });
      expect(dump.status, dump.stderr.toString()).toBe(0);
      expect(dump.stdout.length).toBeGreaterThan(10_000);
      hits.push(...plantedIn(dump.stdout).map((h) => `pg_dump: ${h}`));
    }
    // The blob store, object by object.
    const blobDir = t.config.blobs.kind === 'fs' ? t.config.blobs.dir : '';
    const blobFiles = filesUnder(blobDir);
    expect(blobFiles.length).toBeGreaterThanOrEqual(3);
    for (const file of blobFiles) hits.push(...scanFile(file, 'blob'));
    // What it stands for is still there, encrypted: facts and the words to search by.
    const kept = await t.database.pool.query<{ facts: number; terms: number }>(
      `SELECT (SELECT count(*)::int FROM ad_extractions WHERE facts_enc IS NOT NULL) AS facts,
              (SELECT sum(cardinality(terms))::int FROM ad_search_terms) AS terms`,
    );
    expect(kept.rows[0]!.facts).toBe(2);
    expect(kept.rows[0]!.terms).toBeGreaterThan(20);
    if (t.kind === 'pglite') {
      // The embedded database's own files, once it has written everything out and closed.
      await t.database.close();
      // …which, like everything in the data directory, only their owner may read.
      expect(exposedPaths(t.config.dataDir, 50)).toEqual([]);
      const files = filesUnder(path.join(t.config.dataDir, 'pglite'));
      expect(files.length).toBeGreaterThan(100);
      for (const file of files) hits.push(...scanFile(file, 'pglite file'));
    }
    expect(hits).toEqual([]);
  });
});
