// Browser journey through outreach on the real thing: `ariadne start` in embedded demo mode on a
// fresh data directory, and a real SMSC on loopback (test/fixtures/smsc.ts) that the SMPP channel
// binds to. The admin sets up the channel and two colleagues; an outreach worker writes a template
// that a supervisor approves. Then the worker, in the browser, picks a lead from the queue, writes
// to one of its numbers from the approved template (the number stays masked), sees the SMS reach
// the SMSC and the message turn delivered on the receipt; the person answers (a deliver_sm from
// that number), the inbox shows it unread, the worker answers in free text and the SMSC gets it;
// the person sends STOP: the thread ends, one confirmation goes out however often STOP comes, and
// writing again is refused with the do-not-contact rule.
//
// Quiet hours would refuse the first message at night wherever the number is. The server reads its
// contact rules from OUTREACH_RULES_FILE; the test moves quiet hours twelve hours away from now, so
// it passes at any time of day (and still runs the rule).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmsc, type TestSmsc } from '../fixtures/smsc.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Set to a folder to keep screenshots of each step (for looking at the UI by eye). */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;
const ADMIN_PASSWORD = 'calm river lantern 42';
const WORKER_PASSWORD = 'green meadow window 19';
const SUPERVISOR_PASSWORD = 'tall cedar morning 83';
/** The demo crawls, extracts, links and scores before the first lead exists. */
const LEADS_TIMEOUT_MS = 300_000;
/** Our number as the person sees it (numeric, so they can answer). */
const SENDER = '+31970102030';
const NAME = 'Mira';
const VARIANTS = [
  'Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?',
  'Hallo {displayName}, hoe is je week tot nu toe?',
];
const REPLY = 'Ik ben Sanne. Ik wil graag even met je praten, als je dat wilt.';

function listen(port: number): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(null));
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

const close = (srv: net.Server) => new Promise<void>((r) => srv.close(() => r()));

/** A free port, and with `pair` one whose next port is free too (the demo board uses both). */
async function freePort(pair = false): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const first = await listen(0);
    if (!first) continue;
    const address = first.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const second = pair && port < 65535 ? await listen(port + 1) : null;
    await close(first);
    if (second) await close(second);
    if (port && (!pair || second)) return port;
  }
  throw new Error('no free port');
}

/** Quiet hours of one hour, twelve hours from now in Amsterdam (the demo's numbers are European). */
function farQuietHours() {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(new Date()),
  );
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return { start: at(hour + 12), end: at(hour + 13) };
}

interface Started {
  proc: ChildProcess;
  url: string;
  email: string;
  password: string;
  output: () => string;
}

async function startServer(dataDir: string, rulesFile: string): Promise<Started> {
  const port = await freePort();
  const boardPort = await freePort(true);
  const proc = spawn(process.execPath, [path.join(repo, 'bin/ariadne.js'), 'start'], {
    cwd: repo,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DEMO_DATA: 'true',
      AD_BOARD_PORT: String(boardPort),
      WEB_DEV: 'false',
      OUTREACH_RULES_FILE: rulesFile,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`ariadne start exited early:\n${out}`);
    if (Date.now() > deadline) throw new Error(`ariadne start did not become ready:\n${out}`);
    const email = /admin (?:e-?mail|user): (\S+)/i.exec(out)?.[1];
    const password = /one-time password: (\S+)/i.exec(out)?.[1];
    if (email && password) {
      const ready = await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ready) return { proc, url, email, password, output: () => out };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function stopServer(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Waits for what the page (or the SMSC) shows. */
const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) =>
  expect.poll(fn, { timeout, interval: 150 });

/** Mantine marks required fields with an asterisk inside the label. */
const label = (text: string) =>
  new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`);

const digits = (s: string) => s.replace(/\D/g, '');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface LeadItem {
  entityId: string;
}

interface EntityIdentifier {
  identifierId: string;
  kind: string;
  masked: string;
}

describe('outreach journey', () => {
  let dataDir: string;
  let server: Started;
  let smsc: TestSmsc;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let admin: Page;
  let worker: Page;
  let supervisor: Page;
  let shot = 0;
  const outside: string[] = [];
  const cspErrors: string[] = [];
  let entityId = '';
  let phone: EntityIdentifier;
  /** The entity's numbers in the clear (read by the test through the audited reveal). */
  let numbers: string[] = [];
  /** Digits of the number the first message went to. */
  let destination = '';
  let conversationId = '';

  async function snap(name: string, p: Page = worker): Promise<void> {
    if (!SCREENSHOT_DIR) return;
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    shot += 1;
    await p.screenshot({
      path: path.join(SCREENSHOT_DIR, `outreach-${String(shot).padStart(2, '0')}-${name}.png`),
      fullPage: true,
    });
  }

  function watch(p: Page) {
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
  }

  /** A call to the API with this page's session (and its CSRF token for changes). */
  async function apiCall(
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

  /** First sign-in of an account: one-time password, TOTP enrolment, recovery codes, new password. */
  async function firstSignIn(p: Page, email: string, oneTime: string, newPassword: string) {
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
    await p.getByRole('button', { name: 'Save password' }).click();
    // Password hashing shares the machine with the demo's crawl and jobs: allow for it.
    await poll(
      () => p.getByRole('navigation', { name: 'Main navigation' }).isVisible(),
      60_000,
    ).toBe(true);
  }

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    contexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(15_000);
    watch(p);
    return p;
  }

  /** A colleague created by the admin, signed in for the first time in their own browser. */
  async function colleague(
    email: string,
    displayName: string,
    role: string,
    password: string,
  ): Promise<Page> {
    const created = await apiCall(admin, 'POST', '/api/users', { email, displayName, role });
    expect(created.status).toBe(201);
    const oneTime = (created.json as { oneTimePassword: string }).oneTimePassword;
    const p = await newPage();
    await p.goto(server.url);
    await firstSignIn(p, email, oneTime, password);
    return p;
  }

  /** What the SMSC received for the person's number, in order. */
  const toPerson = () => smsc.messages().filter((m) => m.destination === destination);

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `Chromium is missing at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
      );
    }
    // Builds the console when it was never built or its sources changed since.
    const built = spawnSync(process.execPath, [path.join(repo, 'scripts/ensure-build.js')], {
      cwd: repo,
      stdio: 'inherit',
      env: { ...process.env, WEB_DEV: 'false' },
    });
    if (built.status !== 0) throw new Error('The console does not build');
    smsc = await startTestSmsc({ receiptDelayMs: 300 });
    dataDir = mkdtempSync(path.join(tmpdir(), 'ariadne-outreach-browser-'));
    const rulesFile = path.join(dataDir, 'outreach-rules.json');
    writeFileSync(rulesFile, JSON.stringify({ quietHours: farQuietHours() }));
    server = await startServer(dataDir, rulesFile);
    browser = await chromium.launch({
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
    admin = await newPage();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    if (server) await stopServer(server.proc);
    await smsc?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('sets up a channel to the SMSC, a worker and a supervisor, and an approved template', async () => {
    await admin.goto(server.url);
    await firstSignIn(admin, server.email, server.password, ADMIN_PASSWORD);

    const channel = await apiCall(admin, 'POST', '/api/outreach/channels', {
      name: 'Test SMSC',
      kind: 'smpp',
      sender: SENDER,
      enabled: true,
      settings: {
        host: smsc.host,
        port: smsc.port,
        systemId: 'ariadne',
        password: 'secret',
        sourceAddr: SENDER,
        reconnectInitialMs: 100,
        reconnectMaxMs: 1_000,
        bindTimeoutMs: 5_000,
        submitTimeoutMs: 10_000,
      },
    });
    expect(channel.status).toBe(200);
    expect((channel.json as { warnings: string[] }).warnings).toEqual([]);

    worker = await colleague(
      'wendy.worker@example.org',
      'Wendy Worker',
      'outreach_worker',
      WORKER_PASSWORD,
    );
    supervisor = await colleague(
      'sam.supervisor@example.org',
      'Sam Supervisor',
      'supervisor',
      SUPERVISOR_PASSWORD,
    );

    // Written by the worker, approved by someone else (four eyes).
    const draft = await apiCall(worker, 'POST', '/api/outreach/templates', {
      name: 'Kennismaking test',
      language: 'nl',
      purpose: 'first_contact',
      variants: VARIANTS,
    });
    expect(draft.status).toBe(200);
    const templateId = (draft.json as { id: string }).id;
    const own = await apiCall(worker, 'POST', `/api/outreach/templates/${templateId}/approve`, {});
    expect(own.status).toBe(403);
    const approved = await apiCall(
      supervisor,
      'POST',
      `/api/outreach/templates/${templateId}/approve`,
      {},
    );
    expect(approved.status).toBe(200);
    expect((approved.json as { status: string }).status).toBe('approved');
    // A quick reply for answers once the person has written.
    const quick = await apiCall(supervisor, 'POST', '/api/outreach/quick-replies', {
      language: 'nl',
      title: 'Voorstellen',
      text: REPLY,
    });
    expect(quick.status).toBe(200);
  }, 240_000);

  it(
    'waits for the demo to queue a lead with a phone number',
    async () => {
      const started = Date.now();
      for (;;) {
        const r = await apiCall(worker, 'GET', '/api/leads?limit=100');
        expect(r.status).toBe(200);
        for (const item of (r.json as { items: LeadItem[] }).items) {
          const e = await apiCall(worker, 'GET', `/api/entities/${item.entityId}`);
          const detail = e.json as { id: string; identifiers: EntityIdentifier[] };
          const phones = detail.identifiers.filter((i) => i.kind === 'phone');
          if (e.status === 200 && detail.id === item.entityId && phones[0]) {
            entityId = item.entityId;
            phone = phones[0];
            break;
          }
        }
        if (entityId) break;
        expect(
          Date.now() - started,
          `no lead with a phone number after ${LEADS_TIMEOUT_MS / 1000}s; server said:\n${server.output().slice(-4000)}`,
        ).toBeLessThan(LEADS_TIMEOUT_MS);
        await sleep(3_000);
      }
      // The test knows the numbers (audited reveal) to check where the SMS went; the worker never
      // needs to.
      const e = await apiCall(worker, 'GET', `/api/entities/${entityId}`);
      for (const i of (e.json as { identifiers: EntityIdentifier[] }).identifiers) {
        if (i.kind !== 'phone') continue;
        const r = await apiCall(worker, 'POST', `/api/identifiers/${i.identifierId}/reveal`, {});
        expect(r.status).toBe(200);
        numbers.push(digits((r.json as { value: string }).value));
      }
      numbers = [...new Set(numbers)];
      expect(numbers.length).toBeGreaterThan(0);
    },
    LEADS_TIMEOUT_MS + 60_000,
  );

  it('composes the first message from the lead and sees it delivered', async () => {
    const nav = worker.getByRole('navigation', { name: 'Main navigation' });
    // The approved template is listed on the templates page, next to the inbox in the navigation.
    await nav.getByRole('link', { name: 'Templates' }).click();
    await poll(() =>
      worker.getByRole('heading', { name: 'Message templates', level: 1 }).isVisible(),
    ).toBe(true);
    await poll(() => worker.getByText('Kennismaking test').first().isVisible()).toBe(true);
    await nav.getByRole('link', { name: 'Triage queue' }).click();
    await worker.getByRole('button', { name: 'Refresh' }).click();
    await poll(() => worker.getByTestId('lead-row').count()).toBeGreaterThan(0);
    const open = worker.getByRole('link', { name: `Open lead ${entityId.slice(0, 8)}` });
    // The lead may sit beyond the first page of the queue; then go by its address.
    if (await open.count()) await open.click();
    else await worker.goto(`${server.url}/entities/${entityId}`);
    await poll(() => new URL(worker.url()).pathname).toBe(`/entities/${entityId}`);
    const panel = worker.getByTestId('contact-panel');
    await poll(() => panel.innerText()).toMatch(/Nobody has written to this person yet/);

    await worker
      .getByRole('group', { name: 'Actions on this lead' })
      .getByRole('button', {
        name: 'Contact…',
      })
      .click();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await poll(() => dialog.isVisible()).toBe(true);
    // The number stays masked: the worker picks it by where it was found.
    await dialog.getByLabel('Write to').selectOption(phone.identifierId);
    expect(await dialog.innerText()).toContain(phone.masked);
    for (const n of numbers) expect(digits(await dialog.innerText())).not.toContain(n);
    await dialog.getByLabel('Channel').selectOption({ label: 'Test SMSC (smpp)' });
    await poll(() => dialog.getByTestId('no-replies-warning').count()).toBe(0);
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    // The demo brings its own approved templates: choose this test's.
    await dialog
      .getByLabel('Approved template')
      .selectOption({ label: 'Kennismaking test (NL) · first contact' });
    await dialog.getByLabel('Name (from the ads)').fill(NAME);
    const expected = VARIANTS.map((v) => v.replace('{displayName}', NAME));
    const previews = dialog.getByTestId('variant-preview');
    await poll(() => previews.count()).toBe(2);
    await poll(() => previews.first().innerText()).toContain(expected[0]!);
    // Counts come from the server a moment after typing stops.
    await poll(() => previews.first().getByTestId('counts-summary').innerText()).toMatch(
      /characters · GSM-7 · 1 SMS/,
    );
    await snap('compose');
    const before = smsc.messages().length;
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();

    // The conversation opens in the inbox.
    await poll(() => new URL(worker.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    conversationId = new URL(worker.url()).pathname.split('/')[2]!;
    await poll(() => smsc.messages().length, 30_000).toBe(before + 1);
    const sms = smsc.messages().at(-1)!;
    expect(numbers).toContain(sms.destination);
    expect(expected).toContain(sms.text);
    destination = sms.destination;

    const conversation = worker.getByTestId('conversation');
    const first = conversation.getByTestId('message').first();
    await poll(() => first.getAttribute('data-status'), 30_000).toBe('delivered');
    expect(expected).toContain(await first.getByTestId('message-body').innerText());
    await poll(() => conversation.getByTestId('conversation-assignee').innerText()).toBe('You');
    await snap('delivered');

    // The lead moved on to "contacted".
    const lead = await apiCall(worker, 'GET', `/api/entities/${entityId}`);
    expect((lead.json as { lead: { state: string } }).lead.state).toBe('contacted');
  }, 120_000);

  it('shows the reply unread in the inbox and sends a free-text answer', async () => {
    // Away from the conversation, so the reply stays unread.
    const nav = worker.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: /^Inbox/ }).click();
    await poll(() => new URL(worker.url()).pathname).toBe('/inbox');
    await poll(() => worker.getByText('Choose a conversation').isVisible()).toBe(true);

    expect(
      await smsc.sendInbound({ from: destination, to: SENDER, text: 'Hoi, wie ben je?' }),
    ).toEqual([0]);
    const badge = nav.getByTestId('inbox-unread-badge');
    await poll(() => badge.isVisible(), 30_000).toBe(true);
    expect(await badge.locator('[aria-hidden="true"]').innerText()).toBe('1');
    const item = worker.locator(
      `[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`,
    );
    await poll(() => item.getByTestId('item-unread').count(), 30_000).toBe(1);
    await snap('unread');
    await item.click();

    const conversation = worker.getByTestId('conversation');
    const theirs = conversation.locator('[data-testid="message"][data-direction="in"]');
    await poll(() => theirs.count()).toBe(1);
    expect(await theirs.getByTestId('message-body').innerText()).toBe('Hoi, wie ben je?');
    // Opened, it is read: the badge goes.
    await poll(() => badge.count(), 30_000).toBe(0);

    // They wrote: free text is allowed now.
    const box = worker.getByTestId('reply-box');
    await box.getByRole('button', { name: 'Quick replies' }).click();
    await worker.getByRole('menuitem', { name: /Voorstellen/ }).click();
    await poll(() => box.getByTestId('reply-text').inputValue()).toBe(REPLY);
    await poll(() => box.getByTestId('counts-summary').innerText()).toMatch(
      new RegExp(`^${REPLY.length} characters · GSM-7 · 1 SMS`),
    );
    const before = toPerson().length;
    await box.getByRole('button', { name: 'Send', exact: true }).click();
    await poll(() => toPerson().length, 30_000).toBe(before + 1);
    expect(toPerson().at(-1)!.text).toBe(REPLY);
    const ours = conversation.locator('[data-testid="message"][data-direction="out"]');
    await poll(() => ours.count()).toBe(2);
    await poll(() => ours.nth(1).getAttribute('data-status'), 30_000).toBe('delivered');
    expect(await ours.nth(1).getByTestId('message-body').innerText()).toBe(REPLY);
    await snap('answered');
  }, 120_000);

  it('ends the thread on STOP, confirms once, and refuses to write again', async () => {
    const conversation = worker.getByTestId('conversation');
    const before = toPerson().length;
    expect(await smsc.sendInbound({ from: destination, to: SENDER, text: 'STOP' })).toEqual([0]);
    await poll(() => conversation.getByTestId('thread-ended').isVisible(), 30_000).toBe(true);
    expect(await conversation.getByTestId('thread-ended').innerText()).toMatch(
      /asked not to be contacted/,
    );
    await poll(() => toPerson().length, 30_000).toBe(before + 1);
    const confirmation = toPerson().at(-1)!.text;
    expect(confirmation).not.toBe(REPLY);
    // However often they write STOP, the one confirmation is all they get.
    expect(await smsc.sendInbound({ from: destination, to: SENDER, text: 'stop' })).toEqual([0]);
    await sleep(5_000);
    expect(toPerson().length).toBe(before + 1);
    // No reply box any more; colleagues can still keep a note, which is never sent.
    const box = worker.getByTestId('reply-box');
    expect(await box.getByTestId('reply-text').count()).toBe(0);
    await box
      .getByLabel('Note', { exact: true })
      .fill('Opted out by SMS. Do not try other channels.');
    await box.getByRole('button', { name: 'Add note' }).click();
    const note = conversation.locator('[data-testid="message"][data-direction="note"]');
    await poll(() => note.count()).toBe(1);
    expect(await note.getByTestId('note-badge').innerText()).toMatch(/not sent/i);
    await sleep(1_000);
    expect(toPerson().length).toBe(before + 1);
    await snap('ended');

    // Writing in the thread is refused by the server with the rule…
    const again = await apiCall(worker, 'POST', '/api/outreach/messages', {
      conversationId,
      channelId: (
        (await apiCall(worker, 'GET', `/api/conversations/${conversationId}`)).json as {
          conversation: { channelId: string };
        }
      ).conversation.channelId,
      text: 'Nog één vraag',
      idempotencyKey: crypto.randomUUID(),
    });
    expect(again.status).toBe(409);
    expect((again.json as { error: { rule: string } }).error.rule).toBe('do_not_contact');

    // …and so is a new first message from the lead, with the rule shown to the worker.
    await conversation.getByTestId('entity-link').click();
    await poll(() => new URL(worker.url()).pathname).toBe(`/entities/${entityId}`);
    const panel = worker.getByTestId('contact-panel');
    const thread = panel.getByTestId('entity-thread');
    await poll(() => thread.count()).toBe(1);
    await poll(() => thread.getByTestId('dnc-badge').isVisible()).toBe(true);
    await panel.getByTestId('compose-open').click();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await dialog.getByLabel('Write to').selectOption(phone.identifierId);
    await dialog.getByLabel('Channel').selectOption({ label: 'Test SMSC (smpp)' });
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    // The demo brings its own approved templates: choose this test's.
    await dialog
      .getByLabel('Approved template')
      .selectOption({ label: 'Kennismaking test (NL) · first contact' });
    await dialog.getByRole('button', { name: 'Send', exact: true }).click();
    const refused = dialog.getByTestId('send-refused');
    await poll(() => refused.isVisible()).toBe(true);
    expect(await refused.getAttribute('data-rule')).toBe('do_not_contact');
    expect(await refused.innerText()).toMatch(/Refused: do not contact/);
    await snap('refused');
    await sleep(1_000);
    expect(toPerson().length).toBe(before + 1);
    await worker.keyboard.press('Escape');
  }, 120_000);

  it('lets a supervisor find the thread and hand it to a colleague', async () => {
    await supervisor.goto(`${server.url}/inbox?assignee=me`);
    await poll(() => supervisor.getByText('No conversations match these filters').isVisible()).toBe(
      true,
    );
    await supervisor.getByLabel('Whose').selectOption('all');
    await supervisor
      .getByRole('group', { name: 'Filters' })
      .locator('label')
      .filter({ hasText: /^All$/ })
      .click();
    await poll(() => new URL(supervisor.url()).searchParams.get('status')).toBe('all');
    const item = supervisor.locator(
      `[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`,
    );
    await poll(() => item.isVisible()).toBe(true);
    await item.click();
    const header = supervisor.getByTestId('conversation-header');
    await poll(() => header.getByTestId('conversation-assignee').innerText()).toBe('Wendy Worker');
    await header.getByRole('button', { name: 'Take it' }).click();
    await poll(() => header.getByTestId('conversation-assignee').innerText()).toBe('You');
    await header.getByLabel('Hand to').selectOption({ label: 'Wendy Worker' });
    await header.getByRole('button', { name: 'Assign', exact: true }).click();
    await poll(() => header.getByTestId('conversation-assignee').innerText()).toBe('Wendy Worker');
    await snap('supervisor', supervisor);
  }, 60_000);

  it('shows the inbox in Dutch', async () => {
    await worker.goto(`${server.url}/inbox/${conversationId}?status=all`);
    const conversation = worker.getByTestId('conversation');
    await poll(() => conversation.getByTestId('thread-ended').isVisible()).toBe(true);
    await worker.locator('label').filter({ hasText: /^NL$/ }).click();
    await poll(() => conversation.getByTestId('thread-ended').innerText()).toMatch(
      /Dit gesprek is beëindigd/,
    );
    await poll(() => worker.getByRole('radio', { name: 'Alle' }).isChecked()).toBe(true);
    expect(await conversation.getByTestId('dnc-badge').innerText()).toBe('Niet benaderen');
    await snap('dutch');
    await worker.locator('label').filter({ hasText: /^EN$/ }).click();
    await poll(() => conversation.getByTestId('thread-ended').innerText()).toMatch(
      /This thread has ended/,
    );
  }, 60_000);

  it('made no request off this machine and broke no content security rule', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
