// Signs a user in through the real API (password, TOTP enrolment, password change) and returns a
// request helper that carries the session cookie and CSRF token, as the console does; or one for a
// visitor not signed in, with the anonymous CSRF token.
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createPartnerOrg, createUser } from '../../src/platform/auth/users.js';
import type { Db } from '../../src/platform/db/connect.js';

export type ApiCall = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  /** Sends `body` (a string or bytes) as it is, with this content type, instead of as JSON. */
  contentType?: string,
) => Promise<{
  res: Awaited<ReturnType<FastifyInstance['inject']>>;
  json: Record<string, unknown>;
}>;

const cookies = new WeakMap<ApiCall, () => string>();

/** The session cookie header a signed-in call carries (for a WebSocket opened as that user). */
export function sessionCookieOf(call: ApiCall): string {
  const get = cookies.get(call);
  if (!get) throw new Error('not a call made by signInAs');
  return get();
}

/**
 * A request helper as a browser is one: it keeps the cookies it is given and sends the CSRF token
 * the last answer carried (signed in or not).
 */
function browserCall(app: FastifyInstance, address?: string): ApiCall {
  let cookie = '';
  let csrf = '';
  const call: ApiCall = async (method, url, body, contentType) => {
    const raw = contentType !== undefined && (typeof body === 'string' || Buffer.isBuffer(body));
    const res = await app.inject({
      method,
      url,
      headers: {
        cookie,
        ...(method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(body !== undefined ? { 'content-type': contentType ?? 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: raw ? body : JSON.stringify(body) } : {}),
      ...(address ? { remoteAddress: address } : {}),
    });
    for (const c of res.cookies as { name: string; value: string }[]) {
      cookie = cookie
        .split('; ')
        .filter((p) => p && !p.startsWith(`${c.name}=`))
        .concat(`${c.name}=${c.value}`)
        .join('; ');
    }
    const json =
      res.headers['content-type']?.toString().includes('json') && res.body
        ? (JSON.parse(res.body) as Record<string, unknown>)
        : {};
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { res, json };
  };
  cookies.set(call, () => cookie);
  return call;
}

/**
 * A visitor not signed in: the anonymous CSRF token fetched, as the sign-in page has it. `address`:
 * the client address the server sees (light-my-request's 127.0.0.1 otherwise).
 */
export async function signedOut(app: FastifyInstance, address?: string): Promise<ApiCall> {
  const call = browserCall(app, address);
  await call('GET', '/api/auth/session');
  return call;
}

export async function signInAs(
  app: FastifyInstance,
  db: Db,
  role: Role,
  opts: { address?: string } = {},
): Promise<ApiCall> {
  const email = `${role}.${Math.random().toString(36).slice(2, 7)}@example.org`;
  const partnerOrgId =
    role === 'partner'
      ? (await createPartnerOrg(db, CLI_ACTOR, { name: `Org ${email}` })).id
      : null;
  const { oneTimePassword } = await createUser(db, CLI_ACTOR, {
    email,
    displayName: role,
    role,
    partnerOrgId,
  });
  const call = browserCall(app, opts.address);
  await call('GET', '/api/auth/session');
  await call('POST', '/api/auth/login', { email, password: oneTimePassword });
  const secret = (await call('POST', '/api/auth/totp/enroll/start', {})).json.secret as string;
  await call('POST', '/api/auth/totp/enroll/confirm', { code: await generate({ secret }) });
  await call('POST', '/api/auth/password', {
    currentPassword: oneTimePassword,
    newPassword: 'a long enough passphrase',
  });
  return call;
}

/** Awaits a call, expects its status (the body shown when it differs) and returns its JSON. */
export async function ok<T = Record<string, unknown>>(
  p: Promise<{ res: { statusCode: number; body: string } }>,
  status = 200,
): Promise<T> {
  // No vitest import here: the benches use this module outside a test run.
  const { res } = await p;
  if (res.statusCode !== status) {
    throw new Error(`expected status ${status}, got ${res.statusCode}: ${res.body}`);
  }
  return JSON.parse(res.body) as T;
}
