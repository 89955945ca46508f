// The harness the browser journeys in test/browser share, so each journey holds only its steps:
// `ariadne start` and its stop (app.ts; the demo app the journeys share is shared-demo.ts), the
// console build, Debian's Chromium, the first sign-in of an account (one-time password, TOTP
// enrolment, recovery codes, own password) in the browser or through the API, calls to the API with
// a page's session, a watch on requests leaving the machine and CSP violations, and screenshots on
// demand.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import {
  chromium,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
} from 'playwright-core';
import { expect } from 'vitest';

export {
  freePort,
  freshDataDir,
  queryDataDir,
  removeDataDir,
  startServer,
  stopServer,
  waitForDemoSettled,
  type StartOptions,
  type Started,
} from './app.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to a folder to keep screenshots of each step (for looking at the UI by eye). */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

/** Builds the console when it was never built or its sources changed since. */
export function ensureConsoleBuilt(): void {
  const built = spawnSync(process.execPath, [path.join(repo, 'scripts/ensure-build.js')], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, WEB_DEV: 'false' },
  });
  if (built.status !== 0) throw new Error('The console does not build');
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A browser context as a user here has it: British English, a desktop window. */
export const newContext = (browser: Browser, options: BrowserContextOptions = {}) =>
  browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 }, ...options });

/** A page that waits up to 15 s for what it is asked to find. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  p.setDefaultTimeout(15_000);
  return p;
}

/** Requests that left this machine and CSP violations, on every page `watch` was given. */
export function pageWatch() {
  const outside: string[] = [];
  const cspErrors: string[] = [];
  const watch = (p: Page) => {
    p.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && !/^(data|blob):$/.test(u.protocol)) {
        outside.push(r.url());
      }
    });
    p.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
        cspErrors.push(m.text());
      }
    });
  };
  return { outside, cspErrors, watch };
}

/** Screenshots named `<prefix>-<step>-<name>.png` in SCREENSHOT_DIR, when it is set. */
export function screenshots(prefix: string) {
  let shot = 0;
  return async (p: Page, name: string): Promise<void> => {
    if (!SCREENSHOT_DIR) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    shot += 1;
    await p.screenshot({
      path: path.join(SCREENSHOT_DIR, `${prefix}-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  };
}

/** What a victim-facing page left on the device for its origin, and the browser's cookies. */
export async function deviceTraces(page: Page, context: BrowserContext) {
  const stored = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    cookie: document.cookie,
  }));
  return { ...stored, cookies: (await context.cookies()).length };
}
/** `deviceTraces` of a page that left nothing. */
export const NO_TRACES = { local: 0, session: 0, databases: 0, cookie: '', cookies: 0 };

/** Waits for what the page (or the server) shows. */
export const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) =>
  expect.poll(fn, { timeout, interval: 150 });

/** Mantine marks required fields with an asterisk inside the label. */
export const label = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

/** A call to the API with this page's session (and its CSRF token for changes). */
export async function apiCall(
  p: Page,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return p.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as {
        csrfToken: string;
      };
      const res = await fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(method === 'POST'
            ? { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }
            : {}),
        },
        body: method === 'POST' ? JSON.stringify(body ?? {}) : null,
      });
      return { status: res.status, json: (await res.json().catch(() => null)) as unknown };
    },
    { method, url, body },
  );
}

/**
 * First sign-in of an account in the browser: one-time password, TOTP enrolment, recovery codes,
 * new password. The browser test of sign-in itself, with its edges, is signin.test.ts.
 */
export async function firstSignIn(p: Page, email: string, oneTime: string, newPassword: string) {
  await poll(() => p.getByRole('heading', { name: 'Sign in' }).isVisible()).toBe(true);
  await p.getByLabel(label('E-mail address')).fill(email);
  await p.getByLabel(label('Password')).fill(oneTime);
  await p.getByRole('button', { name: 'Sign in', exact: true }).click();
  await poll(() =>
    p.getByRole('heading', { name: 'Set up two-step verification' }).isVisible(),
  ).toBe(true);
  const secret = (await p.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  await p.getByLabel('Code from the app').fill(await generate({ secret }));
  await p.getByRole('button', { name: 'Confirm' }).click();
  await poll(() => p.getByRole('heading', { name: 'Save your recovery codes' }).isVisible()).toBe(
    true,
  );
  await p.getByLabel('I have saved these codes in a safe place').check();
  await p.getByRole('button', { name: 'Continue' }).click();
  await poll(() => p.getByRole('heading', { name: 'Choose your own password' }).isVisible()).toBe(
    true,
  );
  await p.getByLabel(label('New password')).fill(newPassword);
  await p.getByLabel(label('Repeat the new password')).fill(newPassword);
  // What the console asks the server from here on, so a sign-in that never reaches the app says
  // which request it was still waiting for.
  const pending = new Map<Request, string>();
  const started = Date.now();
  const onRequest = (r: Request) =>
    pending.set(r, `${r.method()} ${new URL(r.url()).pathname} at +${Date.now() - started} ms`);
  const onDone = (r: Request) => pending.delete(r);
  p.on('request', onRequest);
  p.on('requestfinished', onDone);
  p.on('requestfailed', onDone);
  try {
    await p.getByRole('button', { name: 'Save password' }).click();
    // Password hashing shares the machine with the demo's crawl and jobs: allow for it.
    await poll(
      () => p.getByRole('navigation', { name: 'Main navigation' }).isVisible(),
      60_000,
    ).toBe(true);
  } catch (err) {
    const shown = (
      await p
        .locator('body')
        .innerText()
        .catch(() => '?')
    ).slice(0, 400);
    const viewport = p.viewportSize();
    throw new Error(
      `first sign-in of ${email} did not reach the app: the page shows ${JSON.stringify(shown)} ` +
        `(viewport ${viewport?.width}×${viewport?.height}, ${p.url()}); requests still open: ` +
        `${[...pending.values()].join('; ') || 'none'}`,
      { cause: err },
    );
  } finally {
    p.off('request', onRequest);
    p.off('requestfinished', onDone);
    p.off('requestfailed', onDone);
  }
}

/** The API as the console uses it, with the browser context's cookies and the CSRF token. */
export interface Api {
  get<T = Record<string, unknown>>(p: string): Promise<{ status: number; json: T }>;
  post<T = Record<string, unknown>>(p: string, body: unknown): Promise<{ status: number; json: T }>;
}

/**
 * Signs a user in through the API in a browser context (its cookies are the page's): password,
 * TOTP enrolment, the forced change of the one-time password. Only the way in, when the journey
 * is about something else.
 */
export async function apiSignIn(
  request: APIRequestContext,
  base: string,
  email: string,
  oneTimePassword: string,
  newPassword: string,
): Promise<Api> {
  let csrf = '';
  const read = async (res: Awaited<ReturnType<APIRequestContext['get']>>) => {
    const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof json.csrfToken === 'string') csrf = json.csrfToken;
    return { status: res.status(), json };
  };
  const api: Api = {
    get: async <T>(p: string) =>
      (await read(await request.get(`${base}${p}`))) as { status: number; json: T },
    post: async <T>(p: string, body: unknown) =>
      (await read(
        await request.post(`${base}${p}`, { data: body, headers: { 'x-csrf-token': csrf } }),
      )) as { status: number; json: T },
  };
  await api.get('/api/auth/session');
  expect((await api.post('/api/auth/login', { email, password: oneTimePassword })).status).toBe(
    200,
  );
  const { json } = await api.post<{ secret: string }>('/api/auth/totp/enroll/start', {});
  const confirmed = await api.post('/api/auth/totp/enroll/confirm', {
    code: await generate({ secret: json.secret }),
  });
  expect(confirmed.status).toBe(200);
  const changed = await api.post('/api/auth/password', {
    currentPassword: oneTimePassword,
    newPassword,
  });
  expect(changed.status).toBe(200);
  return api;
}

/**
 * A conversation a person answered, made through the API as the console would: a manual channel
 * (the admin), a template the worker writes and the supervisor approves, the first message to a
 * handle, and the person's answer recorded by hand. Both pages must be on the app already (their
 * session signs the calls). The journeys about cases and referrals start from it.
 */
export async function answeredThread(parts: {
  admin: Api;
  worker: Page;
  supervisor: Page;
  reply: string;
}): Promise<string> {
  const { admin, worker, supervisor, reply } = parts;
  const channel = await admin.post<{ id: string }>('/api/outreach/channels', {
    name: 'By hand',
    kind: 'manual',
    sender: null,
    enabled: true,
    settings: {},
  });
  expect(channel.status).toBe(200);
  const draft = await apiCall(worker, 'POST', '/api/outreach/templates', {
    name: 'hello',
    language: 'nl',
    variants: ['Hoi {displayName}, hoe gaat het met je?'],
  });
  expect(draft.status).toBe(200);
  const templateId = (draft.json as { id: string }).id;
  const approved = await apiCall(
    supervisor,
    'POST',
    `/api/outreach/templates/${templateId}/approve`,
    { confirmSafety: true },
  );
  expect(approved.status).toBe(200);
  const sent = await apiCall(worker, 'POST', '/api/outreach/messages', {
    contact: { kind: 'handle', address: 'sanne.zonnebloem' },
    channelId: channel.json.id,
    templateId,
    values: { displayName: 'Sanne' },
    idempotencyKey: randomUUID(),
  });
  expect(sent.status, JSON.stringify(sent.json)).toBe(200);
  const conversationId = (sent.json as { conversationId: string }).conversationId;
  const answered = await apiCall(
    worker,
    'POST',
    `/api/conversations/${conversationId}/replies-by-hand`,
    { text: reply },
  );
  expect(answered.status).toBe(200);
  return conversationId;
}

/**
 * A colleague the admin makes through the API (`user`: POST /api/users's body), signed in through
 * the API with `password` as their own, in a browser context and page of their own (`options`
 * for that context: a phone's screen, say).
 */
export async function staffPage(
  admin: Page,
  browser: Browser,
  base: string,
  user: { email: string; displayName: string; role: string; partnerOrgId?: string },
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const created = await apiCall(admin, 'POST', '/api/users', user);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const context = await newContext(browser, options);
  await apiSignIn(
    context.request,
    base,
    user.email,
    (created.json as { oneTimePassword: string }).oneTimePassword,
    password,
  );
  return newPage(context);
}
