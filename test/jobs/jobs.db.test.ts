// Jobs survive a crash: a job enqueued by a process that is then killed (SIGKILL, no clean
// shutdown) runs when a worker starts afterwards — on PGlite this also proves the embedded database
// recovers from a stale lock. Retries, permanent failures and bad payloads are checked too.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/platform/config.js';
import { openDatabase, type Database } from '../../src/platform/db/connect.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { seedPgliteDataDir } from '../helpers/db-template.js';
import { workerIdentity } from '../../src/platform/worker-identity.js';
import { createPgDatabase, testDbKind, testSecretsEnv } from '../helpers/test-db.js';
import { failures, recordJob, recorded } from '../fixtures/test-jobs.js';

const log = pino({ level: 'silent' });
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function until(check: () => boolean | Promise<boolean>, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function environment() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'ariadne-jobs-'));
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    ...testSecretsEnv(),
  };
  // Migrated already: what is tested is the queue across processes, not the first migration.
  if (testDbKind() === 'postgres') {
    const db = await createPgDatabase({ migrated: true });
    env.DATABASE_URL = db.url;
    cleanups.push(() => db.drop());
  } else {
    await seedPgliteDataDir(dataDir, env);
  }
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return env;
}

/** Starts the child; resolves, once it enqueued, with a kill that settles when it is gone. */
function runChild(env: Record<string, string>, marker: string): Promise<() => Promise<void>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/enqueue-and-wait.ts', marker],
    {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('ENQUEUED')) {
        resolve(() => {
          const gone = new Promise<void>((r) => child.once('exit', () => r()));
          child.kill('SIGKILL');
          return gone;
        });
      }
    });
    child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${err}`)));
  });
}

describe('job queue', () => {
  let database: Database;
  let jobs: Jobs;
  const identity = workerIdentity('test-worker-1');

  it('runs a job enqueued by a process that was killed', async () => {
    const env = await environment();
    const kill = await runChild(env, 'after-crash');
    await kill();
    database = await openDatabase(loadConfig(env), { requireOwner: true, log });
    cleanups.push(() => database.close());
    jobs = await startJobs({
      database,
      log,
      scheduler: true,
      definitions: [recordJob],
      worker: identity,
    });
    cleanups.push(() => jobs.stop());
    await jobs.work([recordJob], 2);
    await until(() => recorded.some((r) => r.marker === 'after-crash'));
  });

  it('retries a failing job until it succeeds', async () => {
    await jobs.send(recordJob, { marker: 'flaky', failTimes: 2, permanent: false });
    await until(() => recorded.some((r) => r.marker === 'flaky'));
    expect(failures.get('flaky')).toBe(2);
    expect(recorded.find((r) => r.marker === 'flaky')?.retryCount).toBe(2);
  });

  it('keeps which worker ran a job as its output', async () => {
    const id = await jobs.send(recordJob, { marker: 'who-ran-it', failTimes: 0, permanent: false });
    await until(
      async () => (await jobs.boss.getJobById(recordJob.name, id!))?.state === 'completed',
    );
    const job = await jobs.boss.getJobById(recordJob.name, id!);
    expect(job?.output).toEqual({ worker: 'test-worker-1', instance: identity.instance });
  });

  it('does not retry a permanent failure', async () => {
    const id = await jobs.send(recordJob, { marker: 'never', failTimes: 0, permanent: true });
    await until(
      async () => (await jobs.boss.getJobById(recordJob.name, id!))?.state === 'cancelled',
    );
    expect(recorded.some((r) => r.marker === 'never')).toBe(false);
  });

  it('refuses to enqueue a payload that does not match the job schema', async () => {
    await expect(jobs.send(recordJob, { marker: 42 } as never)).rejects.toThrow();
  });
});

describe('a worker with work to do', () => {
  it('takes work sent from its process at once and drains the queue without pausing', async () => {
    const env = await environment();
    const database = await openDatabase(loadConfig(env), { requireOwner: true, log });
    cleanups.push(() => database.close());
    // An hour between polls: if a job had to wait for the worker's next poll (the wake on send, or
    // the fetch again after a job, missing), this test would run out of time instead of passing.
    const jobs = await startJobs({
      database,
      log,
      scheduler: false,
      definitions: [recordJob],
      pollingIntervalSeconds: 3600,
    });
    cleanups.push(() => jobs.stop());
    await jobs.work([recordJob], 1);
    const markers = ['drain-1', 'drain-2', 'drain-3', 'drain-4'];
    // Sent together: one wakes the idle worker, and the rest wait for it to fetch again.
    await Promise.all(
      markers.map((marker) => jobs.send(recordJob, { marker, failTimes: 0, permanent: false })),
    );
    await until(() => markers.every((m) => recorded.some((r) => r.marker === m)));
  });
});

describe('queues at start', () => {
  it('are written when their options change, and left alone when they do not', async () => {
    const env = await environment();
    const database = await openDatabase(loadConfig(env), { requireOwner: true, log });
    cleanups.push(() => database.close());
    const start = async (definition: typeof recordJob) => {
      const jobs = await startJobs({ database, log, scheduler: false, definitions: [definition] });
      const queue = await jobs.boss.getQueue(definition.name);
      await jobs.stop();
      return queue!;
    };
    const first = await start(recordJob);
    const again = await start(recordJob);
    expect(again.updatedOn).toEqual(first.updatedOn);
    const changed = await start({ ...recordJob, retryLimit: 7 });
    expect(changed.retryLimit).toBe(7);
    expect(changed.updatedOn.getTime()).toBeGreaterThan(first.updatedOn.getTime());
  });
});
