// Input PostgreSQL cannot store is refused with a 400 naming the field, on every kind of route and
// for every part of a request; and what a search or a failed query carries never reaches the log.
// The server runs with the real logger configuration writing to a stream the test reads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { defineJob, startJobs, type Jobs } from '../../src/platform/jobs.js';
import { createLogger } from '../../src/platform/logger.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

/** A phone number no log line may hold, in any form. */
const CANARY = '+31612345678';

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let dir: string;
let analyst: ApiCall;
const logged: string[] = [];
const logText = () => logged.join('');

function expectNoCanary(text: string) {
  expect(text).not.toContain(CANARY);
  expect(text).not.toContain(encodeURIComponent(CANARY));
  expect(text).not.toContain('612345678');
}

// A job whose query fails on the canary: pg-boss keeps a failed job's error in its own table.
const canaryJob = defineJob({
  name: 'test.canary-query',
  schema: z.object({ value: z.string() }),
  retryLimit: 0,
  handler: async ({ value }) => {
    await t.database.db.execute(sql`select ${value}::int`);
  },
});

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-input-logs-'));
  const log = createLogger(
    { logLevel: 'info', logPretty: false },
    'test',
    new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: [canaryJob] });
  await jobs.work([canaryJob], 1);
  app = await buildHttpServer({
    // Request lines are what this file reads; embedded mode leaves them out by default.
    config: { ...t.config, logRequests: true },
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
    plugins: [
      // A route whose query fails on a value it was given, as a search with a bad value would.
      (server) => {
        server.get('/api/test/failing-query', async () => {
          await t.database.db.execute(sql`select ${CANARY}::int`);
          return { ok: true };
        });
      },
    ],
  });
  await app.ready();
  analyst = await signInAs(app, t.database.db, 'analyst');
});
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('text that cannot be stored', () => {
  const expectRefused = (
    res: { res: { statusCode: number }; json: Record<string, unknown> },
    field: string,
  ) => {
    expect(res.res.statusCode).toBe(400);
    const error = res.json.error as { code: string; message: string; text?: unknown };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(`${field}: contains a character that is not allowed`);
    // The console's catalogue key, for the user's language (issue 15).
    expect(error.text).toEqual({ key: 'input.badCharacter', params: { field } });
  };

  it('is refused in a search query', async () => {
    expectRefused(await analyst('GET', '/api/ads?q=%00'), 'q');
    expectRefused(await analyst('GET', '/api/ads?city=Utrecht&q=a%00b'), 'q');
    expectRefused(await analyst('GET', '/api/leads?assignee=%00'), 'assignee');
  });

  it('is refused in a JSON body, also as a lone surrogate and in a nested field', async () => {
    expectRefused(await analyst('PATCH', '/api/me', { language: 'nl\u0000' }), 'language');
    expectRefused(
      await analyst('POST', '/api/sources', { name: 'board', startUrls: ['https://e.x/\ud800'] }),
      'startUrls.0',
    );
    expectRefused(
      await analyst('POST', '/api/conversations/00000000-0000-4000-8000-000000000000/notes', {
        text: 'hello \udc00',
      }),
      'text',
    );
  });

  it('is refused in a path parameter and before signing in', async () => {
    expectRefused(await analyst('GET', '/api/ads/%00'), 'id');
    const anonymous = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a\u0000@example.org', password: 'x' }),
    });
    expect(anonymous.statusCode).toBe(400);
    expect(anonymous.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('says which fields a request failed on, by path and zod check (issue 15)', async () => {
    const res = await analyst('POST', '/api/sources', { name: '' });
    expect(res.res.statusCode).toBe(400);
    const error = res.json.error as { code: string; issues?: { path: string[]; code: string }[] };
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.length).toBeGreaterThan(0);
    for (const issue of error.issues ?? []) {
      expect(issue.path).toEqual(expect.any(Array));
      expect(typeof issue.code).toBe('string');
    }
  });

  it('leaves ordinary text alone, emoji included', async () => {
    const res = await analyst('GET', `/api/ads?q=${encodeURIComponent('Anna 😀 Utrecht')}`);
    expect(res.res.statusCode).toBe(200);
  });
});

describe('the log', () => {
  it('holds the path of a search but not what was searched', async () => {
    logged.length = 0;
    // A number is refused by the search (numbers are never indexed), a name is searched: the log
    // holds neither, and the refusal does not repeat what was asked.
    const refused = await analyst('GET', `/api/ads?q=${encodeURIComponent(CANARY)}&limit=5`);
    expect(refused.res.statusCode).toBe(400);
    expectNoCanary(refused.res.body);
    const name = 'Zwaluwstaart';
    const res = await analyst('GET', `/api/ads?q=${name}&limit=5`);
    expect(res.res.statusCode).toBe(200);
    expect(logText()).toContain('"url":"/api/ads"');
    expect(logText()).toContain('"queryParams":["q","limit"]');
    expect(logText()).not.toContain(name);
    expectNoCanary(logText());
  });

  it('leaves request lines out when they are not asked for, and still logs a failure', async () => {
    const lines: string[] = [];
    const quiet = await buildHttpServer({
      config: { ...t.config, logRequests: false },
      database: t.database,
      blobs: createFsBlobStore(dir),
      jobs,
      log: createLogger(
        { logLevel: 'info', logPretty: false },
        'test',
        new Writable({
          write(chunk: Buffer, _enc, done) {
            lines.push(chunk.toString('utf8'));
            done();
          },
        }),
      ),
      plugins: [
        (server) => {
          server.get('/api/test/failing', async () => {
            throw new Error('the disk is full');
          });
        },
      ],
    });
    try {
      expect((await quiet.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      expect(lines.join('')).not.toMatch(/incoming request|request completed/);
      expect((await quiet.inject({ method: 'GET', url: '/api/test/failing' })).statusCode).toBe(
        500,
      );
      expect(lines.join('')).toContain('the disk is full');
    } finally {
      await quiet.close();
    }
  });

  it('holds a failed query without its parameters, and the client gets no detail', async () => {
    logged.length = 0;
    const res = await analyst('GET', '/api/test/failing-query');
    expect(res.res.statusCode).toBe(500);
    expectNoCanary(res.res.body);
    expect(logText()).toContain('unhandled error');
    expect(logText()).toContain('"sqlState":"22003"');
    expectNoCanary(logText());
  });

  it("keeps a failed job's parameters out of the log and out of pg-boss's table", async () => {
    logged.length = 0;
    const id = await jobs.send(canaryJob, { value: CANARY });
    let state: string | undefined;
    for (let i = 0; i < 300 && state !== 'failed'; i++) {
      state = (await jobs.boss.getJobById(canaryJob.name, id!))?.state;
      if (state !== 'failed') await new Promise((r) => setTimeout(r, 100));
    }
    expect(state).toBe('failed');
    const job = await jobs.boss.getJobById(canaryJob.name, id!);
    expect(JSON.stringify(job?.output)).toContain('Failed query');
    expectNoCanary(JSON.stringify(job?.output));
    expectNoCanary(logText());
  });
});
