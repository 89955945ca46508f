// Sign-in, two factors, sign-in pauses per account and address, new-password rules, sessions, CSRF
// and the error contract, through the real HTTP server on both databases. Each bad input from the
// platform issue has a case here. Pauses run on a clock the tests move.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { sessions, signInAddresses } from '../../src/platform/auth/schema.js';
import { createUser } from '../../src/platform/auth/users.js';
import { fixedClock } from '../../src/platform/clock.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;
const clock = fixedClock('2031-03-04T09:00:00Z');
const MIN = 60_000;

beforeAll(async () => {
  t = await openTestDatabase({
    LOGIN_MAX_FAILURES: '3',
    LOGIN_LOCKOUT_MINUTES: '15',
    LOGIN_LOCKOUT_MAX_MINUTES: '60',
    LOGIN_ACCOUNT_MAX_FAILURES: '8',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    BODY_LIMIT_BYTES: '4096',
  });
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

/** A tiny cookie jar around app.inject, the way a browser would behave. */
class Browser {
  cookies = new Map<string, string>();
  csrf = '';

  /** The client address the server sees (each address has its own failure count). */
  constructor(readonly ip = '127.0.0.1') {}

  async request(
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    body?: unknown,
    opts: { csrf?: boolean; raw?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (this.cookies.size)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (method !== 'GET' && opts.csrf !== false) headers['x-csrf-token'] = this.csrf;
    let payload: string | undefined;
    if (opts.raw !== undefined) {
      payload = opts.raw;
      headers['content-type'] = 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await app.inject({
      method,
      url,
      headers,
      remoteAddress: this.ip,
      ...(payload !== undefined ? { payload } : {}),
    });
    for (const c of res.cookies as {
      name: string;
      value: string;
      maxAge?: number;
      expires?: Date;
    }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now()))
        this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const json = res.body ? (JSON.parse(res.body) as Record<string, unknown>) : {};
    if (typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { res, json };
  }

  async start() {
    await this.request('GET', '/api/auth/session');
    return this;
  }

  login(email: string, password: string) {
    return this.request('POST', '/api/auth/login', { email, password });
  }
}

const errorCode = (json: Record<string, unknown>) =>
  (json.error as { code: string } | undefined)?.code;

async function newUser(
  role: 'admin' | 'analyst' = 'analyst',
  email = `u${Math.random().toString(36).slice(2, 8)}@example.org`,
) {
  const { user, oneTimePassword } = await createUser(t.database.db, CLI_ACTOR, {
    email,
    displayName: 'Test',
    role,
  });
  return { user, password: oneTimePassword, email };
}

/** Signs a new user in all the way: password, TOTP enrolment, password change. */
async function fullyEnrolled(role: 'admin' | 'analyst' = 'analyst', ip = '127.0.0.1') {
  const u = await newUser(role);
  const b = await new Browser(ip).start();
  const login = await b.request('POST', '/api/auth/login', {
    email: u.email,
    password: u.password,
  });
  expect(login.json.stage).toBe('enroll');
  const enrol = await b.request('POST', '/api/auth/totp/enroll/start', {});
  const secret = enrol.json.secret as string;
  const enrolCode = await generate({ secret });
  const confirm = await b.request('POST', '/api/auth/totp/enroll/confirm', { code: enrolCode });
  expect(confirm.res.statusCode).toBe(200);
  const recoveryCodes = confirm.json.recoveryCodes as string[];
  const newPassword = 'a sturdy passphrase 42';
  const changed = await b.request('POST', '/api/auth/password', {
    currentPassword: u.password,
    newPassword,
  });
  expect(changed.res.statusCode).toBe(200);
  return { ...u, password: newPassword, secret, recoveryCodes, enrolCode, browser: b };
}

/** The code of the next 30 s step: later than any used so far, within the one step of drift allowed. */
function nextCode(secret: string) {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
}

describe('sign-in with two factors', () => {
  it('walks a new user through password, enrolment and password change', async () => {
    const u = await fullyEnrolled();
    expect(u.recoveryCodes).toHaveLength(10);
    const session = await u.browser.request('GET', '/api/auth/session');
    expect(session.json).toMatchObject({
      stage: 'full',
      user: { email: u.email, totpEnrolled: true, mustChangePassword: false },
    });
    // A new sign-in needs a TOTP code now, and the code used at enrolment cannot be replayed.
    const b = await new Browser().start();
    const login = await b.request('POST', '/api/auth/login', {
      email: u.email,
      password: u.password,
    });
    expect(login.json.stage).toBe('totp');
    const replay = await b.request('POST', '/api/auth/totp', { code: u.enrolCode });
    expect(replay.res.statusCode).toBe(401);
    expect(errorCode(replay.json)).toBe('invalid_code');
    const ok = await b.request('POST', '/api/auth/totp', { code: await nextCode(u.secret) });
    expect(ok.res.statusCode).toBe(200);
    expect((await b.request('GET', '/api/auth/session')).json.stage).toBe('full');
  });

  it('rotates the session id at each stage', async () => {
    const u = await newUser();
    const b = await new Browser().start();
    await b.request('POST', '/api/auth/login', { email: u.email, password: u.password });
    const before = b.cookies.get('ariadne_sid');
    await b.request('POST', '/api/auth/totp/enroll/start', {});
    const secret = (await b.request('POST', '/api/auth/totp/enroll/start', {})).json
      .secret as string;
    await b.request('POST', '/api/auth/totp/enroll/confirm', { code: await generate({ secret }) });
    expect(b.cookies.get('ariadne_sid')).toBeTruthy();
    expect(b.cookies.get('ariadne_sid')).not.toBe(before);
  });

  it('refuses a wrong password without telling whether the account exists', async () => {
    const u = await newUser();
    const b = await new Browser().start();
    const wrong = await b.request('POST', '/api/auth/login', {
      email: u.email,
      password: 'nope nope nope',
    });
    const unknown = await b.request('POST', '/api/auth/login', {
      email: 'nobody@example.org',
      password: 'nope nope nope',
    });
    expect(wrong.res.statusCode).toBe(401);
    expect(unknown.res.statusCode).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    const failures = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.login_failed'));
    expect(failures.some((f) => f.actorLabel === 'nobody@example.org')).toBe(true);
  });

  it('pauses an address after repeated failures, even for the right password, and audits it', async () => {
    const u = await newUser();
    const b = await new Browser('198.51.100.10').start();
    for (let i = 0; i < 3; i++) {
      expect((await b.login(u.email, 'wrong password!')).res.statusCode).toBe(401);
    }
    const right = await b.login(u.email, u.password);
    expect(right.res.statusCode).toBe(401);
    expect(errorCode(right.json)).toBe('invalid_credentials');
    const lockouts = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.lockout'));
    expect(lockouts.find((l) => l.targetId === u.user.id)?.details).toMatchObject({
      scope: 'address',
      address: '198.51.100.10',
      failures: 3,
    });
  });

  it('answers an unknown e-mail, a wrong password and a paused address alike', async () => {
    const u = await newUser();
    const b = await new Browser('198.51.100.20').start();
    const wrong = await b.login(u.email, 'wrong password!');
    const unknown = await b.login('nobody.here@example.org', 'wrong password!');
    await b.login(u.email, 'wrong password!');
    await b.login(u.email, 'wrong password!');
    const paused = await b.login(u.email, u.password);
    const pausedWrong = await b.login(u.email, 'wrong password!');
    const answers = [wrong, unknown, paused, pausedWrong].map((a) => ({
      status: a.res.statusCode,
      body: a.json,
      cookies: a.res.cookies.length,
    }));
    expect(answers[0]).toMatchObject({ status: 401, cookies: 0 });
    for (const a of answers) expect(a).toEqual(answers[0]);
    // While paused, guesses do not count: the pause does not grow.
    const [row] = await t.database.db
      .select()
      .from(signInAddresses)
      .where(eq(signInAddresses.userId, u.user.id));
    expect(row).toMatchObject({
      failures: 3,
      pausedUntil: new Date(clock.now().getTime() + 15 * MIN),
    });
  });

  it('lets no one at one address lock the owner out at another', async () => {
    const u = await newUser();
    const attacker = await new Browser('203.0.113.66').start();
    for (let i = 0; i < 6; i++) await attacker.login(u.email, `guess number ${i}`);
    expect((await attacker.login(u.email, u.password)).res.statusCode).toBe(401);
    const owner = await new Browser('192.0.2.10').start();
    const mine = await owner.login(u.email, u.password);
    expect(mine.res.statusCode).toBe(200);
    expect(mine.json.stage).toBe('enroll');
  });

  it('doubles the pause with each further failure up to the cap, and a sign-in clears it', async () => {
    const u = await fullyEnrolled('analyst', '192.0.2.30');
    const b = await new Browser('192.0.2.30').start();
    const pausedFor = async () => {
      const [row] = await t.database.db
        .select()
        .from(signInAddresses)
        .where(eq(signInAddresses.userId, u.user.id));
      return row?.pausedUntil ? (row.pausedUntil.getTime() - clock.now().getTime()) / MIN : 0;
    };
    for (let i = 0; i < 3; i++) await b.login(u.email, 'wrong password!');
    expect(await pausedFor()).toBe(15);
    clock.advance(15 * MIN);
    await b.login(u.email, 'wrong password!');
    expect(await pausedFor()).toBe(30);
    clock.advance(30 * MIN);
    await b.login(u.email, 'wrong password!');
    expect(await pausedFor()).toBe(60);
    clock.advance(60 * MIN);
    await b.login(u.email, 'wrong password!');
    expect(await pausedFor()).toBe(60); // the cap (LOGIN_LOCKOUT_MAX_MINUTES)
    // Still paused a minute before the end, even with the right password; then it works again.
    clock.advance(59 * MIN);
    expect((await b.login(u.email, u.password)).res.statusCode).toBe(401);
    clock.advance(MIN);
    expect((await b.login(u.email, u.password)).json.stage).toBe('totp');
    expect(
      (await b.request('POST', '/api/auth/totp', { code: await nextCode(u.secret) })).res
        .statusCode,
    ).toBe(200);
    // A completed sign-in starts the count afresh: one more failure pauses nothing.
    const again = await (await new Browser('192.0.2.30').start()).login(u.email, 'wrong!!');
    expect(errorCode(again.json)).toBe('invalid_credentials');
    expect(await pausedFor()).toBe(0);
    const [row] = await t.database.db
      .select()
      .from(signInAddresses)
      .where(eq(signInAddresses.userId, u.user.id));
    expect(row).toMatchObject({ failures: 1, lastSuccessAt: expect.any(Date) as unknown });
  });

  it('forgets failures a day after the last one', async () => {
    const u = await newUser();
    const b = await new Browser('192.0.2.40').start();
    await b.login(u.email, 'wrong password!');
    await b.login(u.email, 'wrong password!');
    clock.advance(24 * 60 * MIN);
    await b.login(u.email, 'wrong password!');
    const [row] = await t.database.db
      .select()
      .from(signInAddresses)
      .where(eq(signInAddresses.userId, u.user.id));
    expect(row).toMatchObject({ failures: 1, pausedUntil: null });
    expect((await b.login(u.email, u.password)).res.statusCode).toBe(200);
  });

  it('turns unfamiliar addresses away once guessing spreads over many, but not the owner’s own', async () => {
    const u = await fullyEnrolled('analyst', '192.0.2.50');
    // Two guesses each from four addresses: none of them reaches its own limit of three.
    for (const ip of ['203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']) {
      const bot = await new Browser(ip).start();
      await bot.login(u.email, 'summer2031!');
      await bot.login(u.email, 'winter2031!');
    }
    const stranger = await new Browser('203.0.113.99').start();
    expect((await stranger.login(u.email, u.password)).res.statusCode).toBe(401);
    const owner = await new Browser('192.0.2.50').start();
    expect((await owner.login(u.email, u.password)).json.stage).toBe('totp');
    const ceiling = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.lockout'));
    expect(ceiling.find((l) => l.targetId === u.user.id)?.details).toMatchObject({
      scope: 'unfamiliar_addresses',
      failures: 8,
    });
    // A day later the spread failures are forgotten.
    clock.advance(24 * 60 * MIN);
    expect((await stranger.login(u.email, u.password)).json.stage).toBe('totp');
  });

  it('counts wrong TOTP codes towards the same pause', async () => {
    const u = await fullyEnrolled('analyst', '192.0.2.60');
    const b = await new Browser('192.0.2.60').start();
    await b.login(u.email, u.password);
    const first = await b.request('POST', '/api/auth/totp', { code: '000000' });
    expect(first.res.statusCode).toBe(401);
    await b.request('POST', '/api/auth/totp', { code: '111111' });
    const third = await b.request('POST', '/api/auth/totp', { code: '222222' });
    // The password was right, so saying "wait" here tells nothing new.
    expect(third.res.statusCode).toBe(423);
    expect(errorCode(third.json)).toBe('account_locked');
    expect(
      (await b.request('POST', '/api/auth/totp', { code: await nextCode(u.secret) })).res
        .statusCode,
    ).toBe(423);
    // And the password step at that address is paused as well, with the usual answer.
    expect(
      (await (await new Browser('192.0.2.60').start()).login(u.email, u.password)).res.statusCode,
    ).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const u = await fullyEnrolled();
    const code = u.recoveryCodes[0]!;
    const b = await new Browser().start();
    await b.request('POST', '/api/auth/login', { email: u.email, password: u.password });
    expect(
      (await b.request('POST', '/api/auth/totp', { recoveryCode: code.toUpperCase() })).res
        .statusCode,
    ).toBe(200);
    const again = await new Browser().start();
    await again.request('POST', '/api/auth/login', { email: u.email, password: u.password });
    const reused = await again.request('POST', '/api/auth/totp', { recoveryCode: code });
    expect(reused.res.statusCode).toBe(401);
  });

  it('requires the one-time password to be changed before anything else', async () => {
    const u = await newUser('admin');
    const b = await new Browser().start();
    await b.request('POST', '/api/auth/login', { email: u.email, password: u.password });
    const secret = (await b.request('POST', '/api/auth/totp/enroll/start', {})).json
      .secret as string;
    await b.request('POST', '/api/auth/totp/enroll/confirm', { code: await generate({ secret }) });
    const users = await b.request('GET', '/api/users');
    expect(users.res.statusCode).toBe(403);
    const weak = await b.request('POST', '/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'short',
    });
    expect(errorCode(weak.json)).toBe('weak_password');
    await b.request('POST', '/api/auth/password', {
      currentPassword: u.password,
      newPassword: 'a much better passphrase',
    });
    expect((await b.request('GET', '/api/users')).res.statusCode).toBe(200);
  });
});

describe('new passwords', () => {
  const rulesOf = (json: Record<string, unknown>) =>
    ((json.error as { rules?: { rule: string }[] }).rules ?? []).map((r) => r.rule);

  it('refuses common, leaked and personal passwords, naming every rule that failed', async () => {
    const u = await fullyEnrolled();
    const change = (newPassword: string) =>
      u.browser.request('POST', '/api/auth/password', {
        currentPassword: u.password,
        newPassword,
      });
    for (const [password, rules] of [
      ['password1234', ['common', 'strength']],
      ['Password1!', ['min_length', 'common', 'strength']],
      ['qwertyuiop12', ['common', 'strength']],
      [u.email, ['personal', 'strength']],
      [u.password, ['reused']],
    ] as const) {
      const refused = await change(password);
      expect(refused.res.statusCode, password).toBe(400);
      expect(errorCode(refused.json)).toBe('weak_password');
      expect(rulesOf(refused.json), password).toEqual(rules);
      expect((refused.json.error as { message: string }).message).toBeTruthy();
    }
    expect((await change('lantern orbit pickle fjord')).res.statusCode).toBe(200);
  });
});

describe('sessions and CSRF', () => {
  it('rejects a change without the CSRF token', async () => {
    const u = await fullyEnrolled();
    const res = await u.browser.request('PATCH', '/api/me', { language: 'nl' }, { csrf: false });
    expect(res.res.statusCode).toBe(403);
    expect(errorCode(res.json)).toBe('csrf_failed');
    const anon = await new Browser().request(
      'POST',
      '/api/auth/login',
      { email: u.email, password: u.password },
      { csrf: false },
    );
    expect(errorCode(anon.json)).toBe('csrf_failed');
  });

  it('ends an idle session and says so', async () => {
    const u = await fullyEnrolled();
    await t.database.db.execute(
      sql`UPDATE sessions SET last_seen_at = now() - interval '2 days' WHERE user_id = ${u.user.id}`,
    );
    const res = await u.browser.request('GET', '/api/users');
    expect(res.res.statusCode).toBe(401);
    expect(errorCode(res.json)).toBe('session_expired');
    expect(
      await t.database.db.select().from(sessions).where(eq(sessions.userId, u.user.id)),
    ).toHaveLength(0);
  });

  it('sets httpOnly SameSite=Strict cookies', async () => {
    const u = await newUser();
    const b = await new Browser().start();
    const { res } = await b.request('POST', '/api/auth/login', {
      email: u.email,
      password: u.password,
    });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/ariadne_sid=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
  });

  it('signs out and forgets the session', async () => {
    const u = await fullyEnrolled();
    expect((await u.browser.request('POST', '/api/auth/logout', {})).res.statusCode).toBe(204);
    expect((await u.browser.request('GET', '/api/auth/session')).json.stage).toBe('none');
  });
});

describe('roles', () => {
  it('lets only admins manage users, and audits changes', async () => {
    const analyst = await fullyEnrolled('analyst');
    expect((await analyst.browser.request('GET', '/api/users')).res.statusCode).toBe(403);
    const admin = await fullyEnrolled('admin');
    const created = await admin.browser.request('POST', '/api/users', {
      email: 'new.worker@example.org',
      displayName: 'New',
      role: 'outreach_worker',
    });
    expect(created.res.statusCode).toBe(201);
    const id = (created.json.user as { id: string }).id;
    const dup = await admin.browser.request('POST', '/api/users', {
      email: 'NEW.worker@example.org',
      displayName: 'Dup',
      role: 'analyst',
    });
    expect(dup.res.statusCode).toBe(409);
    const partnerWithoutOrg = await admin.browser.request('POST', '/api/users', {
      email: 'p@example.org',
      displayName: 'P',
      role: 'partner',
    });
    expect(partnerWithoutOrg.res.statusCode).toBe(400);
    const changed = await admin.browser.request('PATCH', `/api/users/${id}`, {
      role: 'supervisor',
    });
    expect((changed.json.user as { role: string }).role).toBe('supervisor');
    const roleChanges = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'user.role_change'));
    expect(roleChanges.some((r) => r.targetId === id)).toBe(true);
    expect(await verifyAuditChain(t.database.db, t.config.secrets.auditKeys)).toMatchObject({
      ok: true,
    });
  });
});

describe('the error contract', () => {
  const expectError = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBeTruthy();
    expect(res.body).not.toMatch(/at .*\.ts:\d+|node_modules/);
  };

  it('answers malformed JSON, oversized bodies, unknown routes and bad fields clearly', async () => {
    const b = await new Browser().start();
    expectError(
      (await b.request('POST', '/api/auth/login', undefined, { raw: '{"email": ' })).res,
      400,
      'invalid_json',
    );
    expectError(
      (await b.request('POST', '/api/auth/login', { email: 'a@b.c', password: 'x'.repeat(5000) }))
        .res,
      413,
      'payload_too_large',
    );
    expectError((await b.request('GET', '/api/nothing-here')).res, 404, 'not_found');
    expectError(
      (await b.request('POST', '/api/auth/login', { email: 5 })).res,
      400,
      'validation_failed',
    );
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
    const doc = (await app.inject('/api/openapi.json')).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/auth/login');
    const res = await app.inject('/healthz');
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});
