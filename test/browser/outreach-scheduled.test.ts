// Browser journey through a first message at night, on the real thing with a clock the test moves:
// `ariadne start` in embedded demo mode (a small board, the demo's SMS channel to its simulated
// phones, its templates and quick replies) under libfaketime, whose offset the test writes to a
// file the server's process reads again every second (FAKETIME_TIMESTAMP_FILE). Everything in
// that process — the contact rules, the send job, pg-boss's start times in the embedded PGlite —
// sees the moved clock; the monotonic clock stays real, so timers keep running.
//
// The colleagues sign in at the real time (their authenticator codes are the test's), then the
// clock goes back to 08:55 where the person is: the compose dialog offers the phone number the SMS
// channel reaches, and says before anything is pressed that it is quiet hours there and sending is
// possible from 09:00 (there and in the worker's zone); Send is "Schedule for 09:00". Scheduled,
// the thread shows the time and a cancel; a second scheduled message is cancelled by its author
// and says so. The clock is moved to 09:00: the first message goes out by itself and is delivered,
// the cancelled one stays cancelled.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  ensureConsoleBuilt,
  firstSignIn,
  freshDataDir,
  launchChromium,
  newContext,
  newPage as openPage,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  waitForDemoSettled,
  type Started,
} from './harness.js';

const ADMIN_PASSWORD = 'calm river lantern 42';
const WORKER_PASSWORD = 'green meadow window 19';
const LIBFAKETIME =
  process.env.LIBFAKETIME_PATH ?? '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const DEMO_CHANNEL = 'Demo SMS (simulated phones)';
const NAMELESS = 'Eerste bericht zonder naam (demo)';
/** The demo settles within this (a board of 60 ads; slower on a loaded machine). */
const SETTLE_MS = 1_200_000;

interface Identifier {
  identifierId: string;
  kind: string;
  platform: string | null;
  masked: string;
}

/** The instant a wall-clock time has in a zone on the day of `near`, or the day before. */
function previousLocal(near: Date, zone: string, hh: number, mm: number): Date {
  const parts = (d: Date) => {
    const f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(d);
    const get = (t: string) => Number(f.find((p) => p.type === t)?.value);
    return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
  };
  for (let back = 0; back < 3; back++) {
    const day = new Date(near.getTime() - back * 86_400_000);
    const p = parts(day);
    // Guess the UTC instant, then correct by the zone's offset at that instant (twice, for DST).
    let at = Date.UTC(p.y, p.mo - 1, p.d, hh, mm);
    for (let i = 0; i < 2; i++) {
      const q = parts(new Date(at));
      const shown = Date.UTC(q.y, q.mo - 1, q.d, q.h, q.mi);
      at += Date.UTC(p.y, p.mo - 1, p.d, hh, mm) - shown;
    }
    if (at <= near.getTime()) return new Date(at);
  }
  throw new Error(`no ${hh}:${mm} in ${zone} before ${near.toISOString()}`);
}

describe('a first message scheduled at night', () => {
  let dataDir: string;
  let server: Started;
  let browser: Browser;
  let admin: Page;
  let worker: Page;
  const contexts: BrowserContext[] = [];
  const { outside, cspErrors, watch } = pageWatch();
  let clockFile = '';
  /** Seconds the server's clock is moved from the real time. */
  let offset = 0;
  let channelId = '';
  let templateId = '';
  const leads: { entityId: string; phone: Identifier; zone: string }[] = [];
  let scheduledFor = '';

  const shoot = screenshots('scheduled');
  const snap = (name: string) => shoot(worker, name);

  async function newPage(): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const p = await openPage(context);
    watch(p);
    return p;
  }

  /** The server's time now, from its Date header (whole seconds). */
  async function serverNow(): Promise<Date> {
    const r = await fetch(`${server.url}/readyz`);
    return new Date(r.headers.get('date') ?? '');
  }

  /** Moves the server's clock so that it reads `at` (give or take a second). */
  async function setServerClock(at: Date): Promise<void> {
    const now = await serverNow();
    offset += Math.round((at.getTime() - now.getTime()) / 1000);
    writeFileSync(clockFile, `${offset >= 0 ? '+' : ''}${offset}\n`);
    // The process reads the file again after at most a second.
    await poll(
      async () => Math.abs((await serverNow()).getTime() - at.getTime()) < 5_000,
      15_000,
    ).toBe(true);
  }

  beforeAll(async () => {
    if (!existsSync(LIBFAKETIME)) {
      throw new Error(
        `libfaketime is missing at ${LIBFAKETIME}: sudo apt-get install -y faketime (or set LIBFAKETIME_PATH)`,
      );
    }
    ensureConsoleBuilt();
    dataDir = freshDataDir('scheduled-browser');
    clockFile = path.join(dataDir, 'faketime');
    writeFileSync(clockFile, '+0\n');
    server = await startServer(dataDir, {
      demo: true,
      readyTimeoutMs: 180_000,
      env: {
        DEMO_ADS: '60',
        LD_PRELOAD: LIBFAKETIME,
        FAKETIME_TIMESTAMP_FILE: clockFile,
        FAKETIME_CACHE_DURATION: '1',
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
      },
    });
    await waitForDemoSettled(dataDir, SETTLE_MS);
    browser = await launchChromium();
    admin = await newPage();
  }, SETTLE_MS + 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('signs in a worker and finds two leads with a phone number', async () => {
    await admin.goto(server.url);
    await firstSignIn(admin, server.email, server.password, ADMIN_PASSWORD);
    const created = await apiCall(admin, 'POST', '/api/users', {
      email: 'wendy.night@example.org',
      displayName: 'Wendy Worker',
      role: 'outreach_worker',
    });
    expect(created.status).toBe(201);
    worker = await newPage();
    await worker.goto(server.url);
    await firstSignIn(
      worker,
      'wendy.night@example.org',
      (created.json as { oneTimePassword: string }).oneTimePassword,
      WORKER_PASSWORD,
    );

    const channels = await apiCall(worker, 'GET', '/api/outreach/channels');
    const items = (channels.json as { items: { id: string; name: string }[] }).items;
    channelId = items.find((c) => c.name === DEMO_CHANNEL)?.id ?? '';
    expect(channelId, 'the demo SMS channel').not.toBe('');
    const templates = await apiCall(worker, 'GET', '/api/outreach/templates?status=approved');
    const list = (templates.json as { items: { id: string; name: string }[] }).items;
    templateId = list.find((x) => x.name === NAMELESS)?.id ?? '';
    expect(templateId, 'the demo template without a name').not.toBe('');

    const r = await apiCall(worker, 'GET', '/api/leads?limit=100');
    for (const item of (r.json as { items: { entityId: string }[] }).items) {
      const e = await apiCall(worker, 'GET', `/api/entities/${item.entityId}`);
      const phone = (e.json as { identifiers: Identifier[] }).identifiers.find(
        (i) => i.kind === 'phone',
      );
      if (!phone) continue;
      // Where the rules place the person (the number's country): the clock moves to 08:55 there.
      const state = await apiCall(worker, 'POST', '/api/outreach/compose-check', {
        entityId: item.entityId,
        contact: { identifierId: phone.identifierId },
        channelId,
        templateId,
        values: {},
      });
      expect(state.status).toBe(200);
      const zone = (state.json as { timeZone: { zone: string } }).timeZone.zone;
      if (leads.length === 0 || leads[0]!.zone === zone) {
        leads.push({ entityId: item.entityId, phone, zone });
      }
      if (leads.length === 2) break;
    }
    expect(leads.length, 'two leads with a phone number in one zone').toBe(2);
  });

  it('says before Send that it is quiet hours where the person is, and schedules for 09:00', async () => {
    const lead = leads[0]!;
    // 08:55 where the person is, the latest before now: quiet hours, five minutes before their end.
    await setServerClock(previousLocal(await serverNow(), lead.zone, 8, 55));

    await worker.goto(`${server.url}/entities/${lead.entityId}`);
    await worker
      .getByRole('group', { name: 'Actions on this lead' })
      .getByRole('button', { name: 'Contact…' })
      .click();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await poll(() => dialog.isVisible()).toBe(true);
    // The default is a number, on the channel that sends by itself: the demo's channel by hand
    // reaches every contact too, but is the worker's own choice, never the default.
    const writeTo = dialog.getByLabel('Write to');
    const offered = await writeTo.inputValue();
    const identifiers = (
      (await apiCall(worker, 'GET', `/api/entities/${lead.entityId}`)).json as {
        identifiers: Identifier[];
      }
    ).identifiers;
    expect(identifiers.find((i) => i.identifierId === offered)?.kind).toBe('phone');
    await poll(() => dialog.getByLabel('Channel').inputValue()).toBe(channelId);
    await writeTo.selectOption(lead.phone.identifierId);
    await dialog.getByLabel('Channel').selectOption({ label: `${DEMO_CHANNEL} · SMS` });
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    await dialog
      .getByLabel('Approved template')
      .selectOption({ label: `${NAMELESS} (NL) · first contact` });

    // The state up front, before anything is pressed.
    const state = dialog.getByTestId('compose-state');
    await poll(() => state.getAttribute('data-rule')).toBe('quiet_hours');
    expect(await state.innerText()).toContain('Quiet hours where this person is');
    await poll(() => dialog.getByTestId('possible-from').innerText()).toMatch(
      new RegExp(`Possible from \\w+ 09:00 there \\(${lead.zone.replace('/', '\\/')}\\)`),
    );
    const submit = dialog.getByTestId('compose-submit');
    await poll(() => submit.innerText()).toMatch(/^Schedule for \w+ 09:00$/);
    await snap('compose-at-night');
    await submit.click();

    await poll(() => new URL(worker.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    const bubble = worker.getByTestId('message').first();
    await poll(() => bubble.getAttribute('data-status')).toBe('queued');
    await poll(() => bubble.getByTestId('message-scheduled').innerText()).toMatch(
      new RegExp(`Scheduled for \\w+ 09:00 \\(${lead.zone.replace('/', '\\/')}\\)`),
    );
    expect(await bubble.getByRole('button', { name: 'Cancel sending' }).isVisible()).toBe(true);
    const conversationId = new URL(worker.url()).pathname.split('/').at(-1)!;
    const thread = await apiCall(worker, 'GET', `/api/conversations/${conversationId}`);
    scheduledFor = (thread.json as { messages: { scheduledFor: string }[] }).messages[0]!
      .scheduledFor;
    await snap('scheduled-in-thread');
    // The inbox lists the thread, marked as having a message waiting for its time.
    await worker.goto(`${server.url}/inbox?kind=outreach&status=all`);
    const item = worker.locator(`[data-conversation-id="${conversationId}"]`);
    await item.getByTestId('scheduled-badge').waitFor();
    expect(await item.getByTestId('scheduled-badge').innerText()).toBe('Scheduled');
  });

  it('lets its author cancel a scheduled message, and says so', async () => {
    const lead = leads[1]!;
    await worker.goto(`${server.url}/entities/${lead.entityId}`);
    await worker
      .getByRole('group', { name: 'Actions on this lead' })
      .getByRole('button', { name: 'Contact…' })
      .click();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await dialog.getByLabel('Write to').selectOption(lead.phone.identifierId);
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    await dialog
      .getByLabel('Approved template')
      .selectOption({ label: `${NAMELESS} (NL) · first contact` });
    const submit = dialog.getByTestId('compose-submit');
    await poll(() => submit.innerText()).toMatch(/^Schedule for \w+ 09:00$/);
    await submit.click();
    await poll(() => new URL(worker.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    const bubble = worker.getByTestId('message').first();
    await bubble.getByRole('button', { name: 'Cancel sending' }).click();
    await poll(() => bubble.getAttribute('data-status')).toBe('failed');
    await poll(() => bubble.getByTestId('message-error').innerText()).toContain(
      'Cancelled by its author.',
    );

    // A follow-up from the thread's reply box is refused for quiet hours too, and offers to wait.
    await worker
      .getByLabel('Template', { exact: true })
      .selectOption({ label: `${NAMELESS} (NL)` });
    await worker.getByRole('button', { name: 'Send', exact: true }).click();
    await poll(() => worker.getByTestId('send-refused').getAttribute('data-rule')).toBe(
      'quiet_hours',
    );
    // The same first allowed time the refusal names (in the worker's own time, as it does).
    const from = (await worker.getByTestId('not-before').innerText()).replace(
      /^Sending is possible from (.*)\.$/,
      '$1',
    );
    const later = worker.getByTestId('reply-schedule');
    expect(await later.innerText()).toBe(`Schedule for ${from}`);
    await later.click();
    await poll(() => worker.getByTestId('message').count()).toBe(2);
    await poll(() => worker.getByTestId('message-scheduled').count()).toBe(1);
    expect(await worker.getByTestId('send-refused').count()).toBe(0);
  });

  it('sends the scheduled message by itself once the clock reaches 09:00', async () => {
    await setServerClock(new Date(new Date(scheduledFor).getTime() + 5_000));
    await worker.goto(`${server.url}/inbox?kind=outreach&status=all`);
    const r = await apiCall(worker, 'GET', '/api/inbox?kind=outreach&status=all');
    const ids = (r.json as { items: { id: string; entityId: string | null }[] }).items;
    const first = ids.find((i) => i.entityId === leads[0]!.entityId)!;
    const second = ids.find((i) => i.entityId === leads[1]!.entityId)!;
    await worker.goto(`${server.url}/inbox/${first.id}`);
    const bubble = worker.getByTestId('message').first();
    await poll(() => bubble.getAttribute('data-status'), 90_000).toMatch(/^(sent|delivered)$/);
    await snap('sent-at-nine');
    const secondThread = async () =>
      (
        (await apiCall(worker, 'GET', `/api/conversations/${second.id}`)).json as {
          messages: { status: string; errorCode: string | null }[];
        }
      ).messages;
    expect((await secondThread())[0]).toMatchObject({ status: 'failed', errorCode: 'cancelled' });
    // The follow-up scheduled from the reply box went at its time as well.
    await poll(async () => (await secondThread())[1]?.status, 30_000).toMatch(/^(sent|delivered)$/);
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
