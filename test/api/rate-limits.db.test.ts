// Request limits through the real HTTP server on both databases: an office behind one address is
// many people (per session, per account and address), and one address is still stopped by a
// ceiling over all of them. Each case uses client addresses of its own, so the counts of one never
// reach another (the limiter's window starts at an address's first request, not on the clock's
// minute, so no case depends on the hour it runs at).
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createUser } from '../../src/platform/auth/users.js';
import { fixedClock } from '../../src/platform/clock.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { signInAs, signedOut, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const PER_SESSION = 30;
const PER_ADDRESS = 100;
const SIGN_IN_PER_ACCOUNT = 3;
const SIGN_IN_PER_ADDRESS = 12;

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase({
    RATE_LIMIT_PER_MINUTE: String(PER_SESSION),
    ADDRESS_RATE_LIMIT_PER_MINUTE: String(PER_ADDRESS),
    AUTH_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_PER_ACCOUNT),
    AUTH_ADDRESS_RATE_LIMIT_PER_MINUTE: String(SIGN_IN_PER_ADDRESS),
    LOGIN_MAX_FAILURES: '20',
  });
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock: fixedClock('2031-03-04T09:00:00Z'),
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const code = (json: Record<string, unknown>) => (json.error as { code?: string } | undefined)?.code;

async function account(): Promise<{ email: string; password: string }> {
  const email = `office.${Math.random().toString(36).slice(2, 9)}@example.org`;
  const { oneTimePassword } = await createUser(t.database.db, CLI_ACTOR, {
    email,
    displayName: 'Worker',
    role: 'analyst',
  });
  return { email, password: oneTimePassword };
}

/** Calls until the first 429; returns how many answered before it (Infinity: none refused). */
async function untilRefused(calls: ApiCall[], url: string, most: number): Promise<number> {
  for (let i = 0; i < most; i++) {
    const { res, json } = await calls[i % calls.length]!('GET', url);
    if (res.statusCode === 429) {
      expect(code(json)).toBe('rate_limited');
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      return i;
    }
    expect(res.statusCode).toBe(200);
  }
  return Infinity;
}

describe('sign-in from one office address', () => {
  it('lets more people sign in than one account may try', async () => {
    const office = await signedOut(app, '10.1.0.1');
    const people = await Promise.all(Array.from({ length: 10 }, () => account()));
    for (const p of people) {
      const { res, json } = await office('POST', '/api/auth/login', p);
      expect(res.statusCode, res.body).toBe(200);
      expect(json.stage).toBe('enroll');
    }
  });

  it('refuses the attempt after the per-account limit from that address, not from another', async () => {
    const p = await account();
    const office = await signedOut(app, '10.2.0.1');
    for (let i = 0; i < SIGN_IN_PER_ACCOUNT; i++) {
      const { res } = await office('POST', '/api/auth/login', { ...p, password: 'not it' });
      expect(res.statusCode).toBe(401);
    }
    const refused = await office('POST', '/api/auth/login', p);
    expect(refused.res.statusCode).toBe(429);
    expect(code(refused.json)).toBe('rate_limited');
    // The limit is per address too: the person at home is not locked out by the office's tries.
    const home = await signedOut(app, '10.2.0.2');
    expect((await home('POST', '/api/auth/login', p)).res.statusCode).toBe(200);
    // Another account from the office still signs in.
    const colleague = await account();
    expect((await office('POST', '/api/auth/login', colleague)).res.statusCode).toBe(200);
  });

  it('stops one address trying many accounts (password spraying)', async () => {
    const sprayer = await signedOut(app, '10.3.0.1');
    for (let i = 0; i < SIGN_IN_PER_ADDRESS; i++) {
      const { res } = await sprayer('POST', '/api/auth/login', {
        email: `nobody${i}@example.org`,
        password: 'Summer2031!',
      });
      expect(res.statusCode).toBe(401);
    }
    const refused = await sprayer('POST', '/api/auth/login', {
      email: 'nobody-else@example.org',
      password: 'Summer2031!',
    });
    expect(refused.res.statusCode).toBe(429);
  });
});

describe('requests of signed-in people', () => {
  it('count per session: one busy colleague does not stop the others at the same address', async () => {
    const busy = await signInAs(app, t.database.db, 'analyst', { address: '10.4.0.1' });
    const calm = await signInAs(app, t.database.db, 'analyst', { address: '10.4.0.1' });
    const answered = await untilRefused([busy], '/api/auth/session', PER_SESSION + 5);
    // The sign-in's own steps count apart (per session, as auth steps): at most a few besides.
    expect(answered).toBeGreaterThan(PER_SESSION - 5);
    expect(answered).toBeLessThanOrEqual(PER_SESSION);
    expect((await calm('GET', '/api/auth/session')).res.statusCode).toBe(200);
    // Someone not signed in at that address is counted by the address, apart from both.
    const visitor = await signedOut(app, '10.4.0.1');
    expect((await visitor('GET', '/api/auth/session')).res.statusCode).toBe(200);
  });

  it('stop at the ceiling of their address, and probes still answer', async () => {
    const sessions = await Promise.all(
      Array.from({ length: 5 }, () =>
        signInAs(app, t.database.db, 'analyst', { address: '10.5.0.1' }),
      ),
    );
    // Five sessions could make 150 requests; the address may make 100 in all (sign-ins included).
    const answered = await untilRefused(sessions, '/api/auth/session', 5 * PER_SESSION);
    expect(answered).toBeLessThan(PER_ADDRESS);
    expect(answered).toBeGreaterThan(PER_ADDRESS - 5 * 8);
    const probe = await app.inject({ method: 'GET', url: '/healthz', remoteAddress: '10.5.0.1' });
    expect(probe.statusCode).toBe(200);
    // Another address is not affected.
    const elsewhere = await signedOut(app, '10.5.0.2');
    expect((await elsewhere('GET', '/api/auth/session')).res.statusCode).toBe(200);
  });
});
