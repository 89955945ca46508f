// A console session over real HTTP, for tests and benches that talk to `ariadne serve` processes
// (not to an injected app): the cookie and CSRF token as the console keeps them, usable against
// any server of one database, since a session is a row in the shared database, not a server's
// memory. firstSignIn walks the first sign-in (one-time password, TOTP enrolment, own password).
import { generate } from 'otplib';

export interface Reply<T> {
  status: number;
  json: T;
}

export type ConsoleSession = ReturnType<typeof consoleSession>;

export function consoleSession() {
  const cookies = new Map<string, string>();
  let csrf = '';
  const cookieHeader = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  const call = async <T = Record<string, unknown>>(
    base: string,
    method: 'GET' | 'POST',
    url: string,
    body?: unknown,
  ): Promise<Reply<T>> => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        accept: 'application/json',
        cookie: cookieHeader(),
        ...(method === 'POST' ? { 'content-type': 'application/json', 'x-csrf-token': csrf } : {}),
      },
      ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}),
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const json = (await res.json().catch(() => ({}))) as T & { csrfToken?: unknown };
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status, json };
  };
  return {
    call,
    cookieHeader,
    get: <T = Record<string, unknown>>(base: string, url: string) => call<T>(base, 'GET', url),
    post: <T = Record<string, unknown>>(base: string, url: string, body: unknown) =>
      call<T>(base, 'POST', url, body),
  };
}

/**
 * The first sign-in of an account made with a one-time password, at the server given; throws with
 * the step and the server's answer when a step is refused.
 */
export async function firstSignIn(
  base: string,
  email: string,
  oneTimePassword: string,
  newPassword: string,
): Promise<ConsoleSession> {
  const s = consoleSession();
  const step = async (url: string, body: unknown) => {
    const reply = await s.post<Record<string, unknown>>(base, url, body);
    if (reply.status !== 200) {
      throw new Error(
        `first sign-in: ${url} answered ${reply.status} ${JSON.stringify(reply.json)}`,
      );
    }
    return reply.json;
  };
  await s.get(base, '/api/auth/session');
  await step('/api/auth/login', { email, password: oneTimePassword });
  const { secret } = (await step('/api/auth/totp/enroll/start', {})) as { secret: string };
  await step('/api/auth/totp/enroll/confirm', { code: await generate({ secret }) });
  await step('/api/auth/password', { currentPassword: oneTimePassword, newPassword });
  return s;
}
