// The in-process server the API tests talk to: the app as the composition root builds it, over a
// test database, with a job queue that runs nothing (routes may enqueue; the test runs what it
// needs itself) and blobs in a folder of the test's own. The test closes both in afterAll.
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildHttpServer } from '../../src/app/http-server.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import type { TestDatabase } from './test-db.js';

export async function startApiApp(
  t: TestDatabase,
  blobDir: string,
): Promise<{ app: FastifyInstance; jobs: Jobs }> {
  const log = pino({ level: 'silent' });
  const jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: [] });
  const app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(blobDir),
    jobs,
    log,
  });
  await app.ready();
  return { app, jobs };
}
