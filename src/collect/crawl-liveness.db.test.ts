// A crawl whose worker is gone does not hold its source hostage, on both databases: a worker that
// starts fails the runs its previous incarnation left (and their jobs, so they are retried now), a
// run whose heartbeat stopped is failed when the next crawl of its source starts, a run held by a
// live worker is left alone, and the retried job resumes the crawl without reading again what the
// dead run read — unless that would not be safe.
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { guardAllowing } from '../../test/helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR, SYSTEM_ACTOR } from '../platform/actor.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { fixedClock } from '../platform/clock.js';
import { PermanentJobError, startJobs, type Jobs } from '../platform/jobs.js';
import type { WorkerIdentity } from '../platform/worker-identity.js';
import {
  beatRun,
  executeCrawl,
  failRunsOfLostWorkers,
  requestCrawl,
  RUN_DEAD_AFTER_MS,
} from './crawl-service.js';
import { collectJobs, CRAWL_JOB, crawlJobRef } from './jobs.js';
import { crawlRuns } from './schema.js';
import { saveSource } from './sources.js';

let t: TestDatabase;
let blobs: BlobStore;
let blobDir: string;
let server: http.Server;
let base: string;
let jobs: Jobs;
const requested: string[] = [];
const log = pino({ level: 'silent' });
/** Requests to /hold wait for this to be called. */
let releaseHold: () => void = () => undefined;
let holding = new Promise<void>((r) => (releaseHold = r));

beforeAll(async () => {
  t = await openTestDatabase();
  blobDir = mkdtempSync(path.join(tmpdir(), 'ariadne-liveness-'));
  blobs = createFsBlobStore(blobDir);
  server = http.createServer((req, res) => {
    const p = req.url ?? '/';
    requested.push(p);
    if (p === '/hold') {
      void holding.then(() => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end('<p>nothing listed</p>');
      });
      return;
    }
    const ad = /^\/ad\/(\d)$/.exec(p);
    res.writeHead(p === '/list' || ad ? 200 : 404, { 'content-type': 'text/html' });
    res.end(
      p === '/list'
        ? '<a class="ad" href="/ad/1">1</a><a class="ad" href="/ad/2">2</a>'
        : ad
          ? `<article data-id="${ad[1]}"><p class="body">Ad ${ad[1]} here.</p></article>`
          : 'not found',
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await jobs?.stop();
  await new Promise<void>((r) => server.close(() => r()));
  await t?.cleanup();
  rmSync(blobDir, { recursive: true, force: true });
});

const definition = (name: string, body = '.body', start = '/list') => ({
  name,
  country: 'NL',
  startUrls: [`${base}${start}`],
  listing: { adLinkSelector: 'a.ad' },
  fields: {
    body: { selector: body },
    externalId: { selector: 'article', attribute: 'data-id' },
  },
  politeness: { delayMs: 0 },
  recrawlHours: 0,
  fetchImages: false,
});

async function newSource(name: string) {
  return (await saveSource(t.database.db, CLI_ACTOR, definition(name))).source;
}

async function runOf(id: string) {
  const [run] = await t.database.db.select().from(crawlRuns).where(eq(crawlRuns.id, id));
  return run!;
}

/** A run as a worker leaves it when it dies mid-crawl. */
async function leftRunning(
  runId: string,
  worker: WorkerIdentity,
  heartbeatAt: Date,
  jobId: string | null = null,
) {
  await t.database.db
    .update(crawlRuns)
    .set({
      status: 'running',
      startedAt: heartbeatAt,
      heartbeatAt,
      finishedAt: null,
      workerName: worker.name,
      workerInstance: worker.instance,
      jobId,
      failure: null,
      message: null,
    })
    .where(eq(crawlRuns.id, runId));
}

describe('crawl runs whose worker is gone', () => {
  it('are failed at once when the worker starts again, and their jobs retried', async () => {
    const clock = fixedClock(new Date());
    const db = t.database.db;
    const worker = { name: 'worker-a', instance: 'second-start' };
    const defs = collectJobs({
      db,
      blobs,
      log,
      keys: t.config.secrets,
      addressGuard: guardAllowing([base]),
      jobs: () => jobs,
      clock,
      worker,
    });
    jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });

    // Worker A's first incarnation took a crawl job and died with it; its heartbeat is still fresh.
    const mine = await requestCrawl(db, SYSTEM_ACTOR, (await newSource('left-by-me')).id, 'manual');
    await jobs.send(crawlJobRef, { runId: mine.id });
    const [job] = await jobs.boss.fetch(CRAWL_JOB);
    expect(job?.data).toEqual({ runId: mine.id });
    await leftRunning(mine.id, { name: 'worker-a', instance: 'first-start' }, clock.now(), job!.id);
    // Worker B is alive and crawling; worker C stopped answering two minutes ago.
    const live = await requestCrawl(db, SYSTEM_ACTOR, (await newSource('live-other')).id, 'manual');
    await leftRunning(live.id, { name: 'worker-b', instance: 'b1' }, clock.now());
    const silent = await requestCrawl(db, SYSTEM_ACTOR, (await newSource('silent')).id, 'manual');
    await leftRunning(
      silent.id,
      { name: 'worker-c', instance: 'c1' },
      new Date(clock.now().getTime() - 2 * 60_000),
    );

    // The worker starts working the crawl queue (its crawls are not what this test is about).
    const crawl = defs.find((d) => d.name === CRAWL_JOB)!;
    await jobs.work([{ ...crawl, handler: async () => undefined }], 1);

    expect(await runOf(mine.id)).toMatchObject({
      status: 'failed',
      failure: 'worker_lost',
      finishedAt: clock.now(),
      message: expect.stringMatching(/worker-a.*restarted before the crawl ended/) as unknown,
    });
    expect(await runOf(live.id)).toMatchObject({ status: 'running', finishedAt: null });
    expect(await runOf(silent.id)).toMatchObject({
      status: 'failed',
      failure: 'worker_lost',
      message: expect.stringMatching(/worker-c.*stopped answering/) as unknown,
    });
    // The dead incarnation's job is not left active until it expires: it waits for its retry.
    const after = await jobs.boss.getJobById(CRAWL_JOB, job!.id);
    expect(after?.state).toBe('retry');
  });

  it('do not refuse a new crawl of their source', async () => {
    const clock = fixedClock(new Date());
    const db = t.database.db;
    const source = await newSource('stale');
    const stale = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'manual');
    // Older than a few heartbeats, far younger than the ten minutes a run used to be given.
    await leftRunning(
      stale.id,
      { name: 'worker-gone', instance: 'x' },
      new Date(clock.now().getTime() - RUN_DEAD_AFTER_MS - 60_000),
    );
    const next = await requestCrawl(db, CLI_ACTOR, source.id, 'cli');
    const summary = await executeCrawl(
      {
        db,
        blobs,
        log,
        keys: t.config.secrets,
        addressGuard: guardAllowing([base]),
        clock,
        worker: { name: 'cli', instance: 'now' },
      },
      next.id,
    );
    expect(summary).toMatchObject({ status: 'finished', adsNew: 2 });
    expect(await runOf(stale.id)).toMatchObject({
      status: 'failed',
      failure: 'worker_lost',
      message: expect.stringMatching(/worker-gone.*stopped answering/) as unknown,
    });
  });

  it('resume in a new run that does not read again what the dead run read', async () => {
    const db = t.database.db;
    const source = await newSource('resumable');
    const clock = fixedClock(new Date());
    const first = { name: 'worker-r', instance: 'first' };
    const run = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'schedule');
    await executeCrawl(
      {
        db,
        blobs,
        log,
        keys: t.config.secrets,
        addressGuard: guardAllowing([base]),
        clock,
        worker: first,
      },
      run.id,
    );
    // As if the worker had died after storing both ads, before closing the run.
    await leftRunning(run.id, first, clock.now(), 'job-1');
    clock.advance(RUN_DEAD_AFTER_MS + 15_000);

    const handler = collectJobs({
      db,
      blobs,
      log,
      keys: t.config.secrets,
      addressGuard: guardAllowing([base]),
      jobs: () => jobs,
      clock,
      worker: { name: 'worker-s', instance: 's1' },
    }).find((d) => d.name === CRAWL_JOB)!.handler;
    const before = requested.length;
    await handler({ runId: run.id }, { log, jobId: 'job-1', retryCount: 1 });
    expect(requested.slice(before)).toEqual(['/robots.txt', '/list']);

    const dead = await runOf(run.id);
    expect(dead).toMatchObject({ status: 'failed', failure: 'worker_lost' });
    const [resumed] = await db.select().from(crawlRuns).where(eq(crawlRuns.resumedFrom, run.id));
    expect(resumed).toMatchObject({
      status: 'finished',
      trigger: 'schedule',
      workerName: 'worker-s',
      jobId: 'job-1',
      adsFound: 2,
      adsGone: 0,
      message: expect.stringMatching(
        /continues run .*ads that run had read were not fetched again/,
      ) as unknown,
    });
    expect(dead.message).toContain(`resumed in run ${resumed!.id}`);

    // The same job once more finds the crawl done: no third run.
    await expect(
      handler({ runId: run.id }, { log, jobId: 'job-1', retryCount: 2 }),
    ).rejects.toBeInstanceOf(PermanentJobError);
    expect(await db.select().from(crawlRuns).where(eq(crawlRuns.sourceId, source.id))).toHaveLength(
      2,
    );
  });

  it('read every ad again when the source was edited since the dead run started', async () => {
    const db = t.database.db;
    const source = await newSource('edited');
    const clock = fixedClock(new Date());
    const worker = { name: 'worker-e', instance: 'first' };
    const run = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'manual');
    await executeCrawl(
      {
        db,
        blobs,
        log,
        keys: t.config.secrets,
        addressGuard: guardAllowing([base]),
        clock,
        worker,
      },
      run.id,
    );
    await leftRunning(run.id, worker, clock.now(), 'job-e');
    await saveSource(db, CLI_ACTOR, definition('edited', 'article .body'));
    const before = requested.length;
    // The worker itself restarts: its previous incarnation's run is dead at once.
    await executeCrawl(
      {
        db,
        blobs,
        log,
        keys: t.config.secrets,
        addressGuard: guardAllowing([base]),
        clock,
        worker: { name: 'worker-e', instance: 'second' },
      },
      run.id,
    );
    expect(requested.slice(before).sort()).toEqual(['/ad/1', '/ad/2', '/list', '/robots.txt']);
    const [resumed] = await db.select().from(crawlRuns).where(eq(crawlRuns.resumedFrom, run.id));
    expect(resumed?.message).toMatch(/continues run/);
    expect(resumed?.message).not.toMatch(/not fetched again/);
  });

  it('never include a run this process is crawling, however late its heartbeat', async () => {
    const db = t.database.db;
    const clock = fixedClock(new Date());
    const { source } = await saveSource(db, CLI_ACTOR, definition('busy-db', '.body', '/hold'));
    const run = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'manual');
    holding = new Promise<void>((r) => (releaseHold = r));
    const crawling = executeCrawl(
      {
        db,
        blobs,
        log,
        keys: t.config.secrets,
        addressGuard: guardAllowing([base]),
        clock,
        worker: { name: 'slow', instance: 's' },
      },
      run.id,
    );
    await vi.waitUntil(() => requested.includes('/hold'), { timeout: 30_000 });
    // As if the database had been too busy to take a heartbeat for minutes.
    clock.advance(RUN_DEAD_AFTER_MS * 3);
    const lost = await failRunsOfLostWorkers(db, clock, { name: 'sweeper', instance: 'y' });
    expect(lost.map((r) => r.id)).not.toContain(run.id);
    releaseHold();
    expect(await crawling).toMatchObject({ status: 'finished', runId: run.id });
  });

  it('stop beating once their run was taken away', async () => {
    const db = t.database.db;
    const clock = fixedClock(new Date());
    const worker = { name: 'worker-h', instance: 'h1' };
    const run = await requestCrawl(db, SYSTEM_ACTOR, (await newSource('hung')).id, 'manual');
    await leftRunning(run.id, worker, clock.now());
    expect(await beatRun(db, clock, worker, run.id)).toBe(true);
    clock.advance(RUN_DEAD_AFTER_MS + 1);
    const lost = await failRunsOfLostWorkers(db, clock, { name: 'sweeper', instance: 'z' });
    expect(lost.map((r) => r.id)).toContain(run.id);
    expect(await beatRun(db, clock, worker, run.id)).toBe(false);
  });
});
