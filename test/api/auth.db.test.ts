// Sign-in, two factors, sessions, CSRF and the error contract, through the real HTTP server on
// both databases. Each bad input from the platform issue has a case here.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { verifyAuditChain } from '../../src/platform/audit/audit-log.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { sessions } from '../../src/platform/auth/schema.js';
import { createUser } from '../../src/platform/auth/users.js';
import { buildHttpServer } from '../../src/platform/http/server.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;

beforeAll(async () => {
  t = await openTestDatabase({
    LOGIN_MAX_FAILURES: '3',
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    BODY_LIMIT_BYTES: '4096',
  });
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
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
async function fullyEnrolled(role: 'admin' | 'analyst' = 'analyst') {
  const u = await newUser(role);
  const b = await new Browser().start();
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

  it('locks the account after repeated failures, even with the right password', async () => {
    const u = await newUser();
    const b = await new Browser().start();
    for (let i = 0; i < 2; i++) {
      expect(
        (
          await b.request('POST', '/api/auth/login', {
            email: u.email,
            password: 'wrong password!',
          })
        ).res.statusCode,
      ).toBe(401);
    }
    const third = await b.request('POST', '/api/auth/login', {
      email: u.email,
      password: 'wrong password!',
    });
    expect(third.res.statusCode).toBe(423);
    expect(errorCode(third.json)).toBe('account_locked');
    const right = await b.request('POST', '/api/auth/login', {
      email: u.email,
      password: u.password,
    });
    expect(right.res.statusCode).toBe(423);
    const lockouts = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'auth.lockout'));
    expect(lockouts.some((l) => l.targetId === u.user.id)).toBe(true);
  });

  it('counts wrong TOTP codes towards the lock-out', async () => {
    const u = await fullyEnrolled();
    const b = await new Browser().start();
    await b.request('POST', '/api/auth/login', { email: u.email, password: u.password });
    const first = await b.request('POST', '/api/auth/totp', { code: '000000' });
    expect(first.res.statusCode).toBe(401);
    await b.request('POST', '/api/auth/totp', { code: '111111' });
    const third = await b.request('POST', '/api/auth/totp', { code: '222222' });
    expect(third.res.statusCode).toBe(423);
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
