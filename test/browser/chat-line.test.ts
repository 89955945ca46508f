// The chat line's first real journey, both ends on a real `ariadne start` (no demo): a visitor
// opens /chat in Chromium, chooses a language and answers the first questions; an operator, signed
// in through the API in a second browser context, takes the chat from the queue over the real REST
// routes and hears it on the real /api/chat/events socket. Messages go both ways and show in the
// widget once each, in order; the visitor's network drops (context.setOffline) while the operator
// writes and the visitor types, comes back, and neither side has lost or doubled anything (the
// transcript read through the operator API); quick exit leaves no history entry, no storage and no
// cookies. Every wait is on an event — a selector, a frame, a response — never on a fixed sleep.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorFrame, OperatorServerFrame } from '../../src/chat/events.js';
import { JsonSocket } from '../helpers/chat-client.js';
import {
  apiSignIn,
  ensureConsoleBuilt,
  freePort,
  freshDataDir,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Api,
  type Started,
} from './harness.js';

const ADMIN_PASSWORD = 'granite orchard beacon 51';
const OPERATOR_PASSWORD = 'harbour thistle canvas 64';
/** The neutral page the organisation chose for quick exit (CHAT_EXIT_URL); answered here, never fetched. */
const NEUTRAL = 'https://weer.example.nl/vandaag';

/** How long a step may take on a loaded machine; a timeout names the element waited for. */
const WAIT_MS = 30_000;
const wait = <T>(fn: () => Promise<T> | T) => poll(fn, WAIT_MS);
const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT_MS });

interface Transcript {
  chat: { id: string; state: string };
  messages: { seq: number; from: string; body: string; clientId?: string }[];
}

describe('the chat line, visitor and operator on a real server', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let base: string;
  let operator: Api;
  let events: JsonSocket<OperatorServerFrame, OperatorFrame> | undefined;
  const watch = pageWatch();
  const shot = screenshots('chat-line');

  beforeAll(async () => {
    // The harness builds the console and the widget (ensure-build.js with no argument: both).
    ensureConsoleBuilt();
    dataDir = freshDataDir('chat-line');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // The widget's page and the console are both this server: its own origin is the allowed one.
    server = await startServer(dataDir, {
      demo: false,
      port,
      env: { PUBLIC_URL: base, CHAT_EXIT_URL: NEUTRAL },
    });
    browser = await launchChromium();

    const adminContext = await newContext(browser);
    const admin = await apiSignIn(
      adminContext.request,
      base,
      server.email,
      server.password,
      ADMIN_PASSWORD,
    );
    const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email: 'sam@chat-line.example',
      displayName: 'Sam',
      role: 'outreach_worker',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    await adminContext.close();

    const operatorContext = await newContext(browser);
    operator = await apiSignIn(
      operatorContext.request,
      base,
      'sam@chat-line.example',
      created.json.oneTimePassword,
      OPERATOR_PASSWORD,
    );
    // The console's live socket, with the operator's session cookie and the console's origin.
    const cookie = (await operatorContext.cookies(base)).map((c) => `${c.name}=${c.value}`);
    events = await JsonSocket.open<OperatorServerFrame, OperatorFrame>(
      `${base.replace(/^http/, 'ws')}/api/chat/events`,
      { origin: base, cookie: cookie.join('; ') },
    );
    await events.take('hello');
  }, 240_000);

  afterAll(async () => {
    events?.close();
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  /** The transcript as the operator reads it (each read audited by the server). */
  const transcript = async (chatId: string) => {
    const res = await operator.get<Transcript>(`/api/chat/chats/${chatId}`);
    expect(res.status).toBe(200);
    return res.json.messages;
  };

  /** The messages the widget shows, in order: [author class, text]. */
  const shown = (page: Page) =>
    page
      .getByRole('log')
      .getByRole('listitem')
      .evaluateAll((items) => items.map((li) => li.querySelector('.text')?.textContent ?? ''));

  /** What the widget left on the device for this origin, and the browser's cookies. */
  async function traces(page: Page, context: BrowserContext) {
    const stored = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
      cookie: document.cookie,
    }));
    return { ...stored, cookies: (await context.cookies()).length };
  }

  it('queues, is taken, talks both ways, survives a network drop, and leaves no trace', async () => {
    const context = await newContext(browser);
    // The neutral site is the organisation's choice; the test answers it so nothing leaves.
    await context.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Weather</title><h1>Weather</h1>',
      }),
    );
    const page = await newPage(context);
    watch.watch(page);
    // Each chat socket the widget opens, with the frames it sent on it.
    const sockets: string[][] = [];
    page.on('websocket', (ws) => {
      const sent: string[] = [];
      sockets.push(sent);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
    });

    // ── The visitor opens the chat: a language, the first questions, the queue. ──
    await page.goto(`${base}/chat?lang=en`);
    await page.getByRole('button', { name: 'English' }).click();
    await shows(page.getByRole('heading', { name: 'Before we start' }));
    await page
      .getByRole('group', { name: 'Are you safe right now?' })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await page
      .getByRole('group', { name: 'How old are you?' })
      .getByRole('radio', { name: 'Under 18' })
      .check();
    await page.getByRole('button', { name: 'Start the chat' }).click();
    await shows(page.getByText('You are next in line.'));
    await shot(page, 'queued');

    // ── The operator sees the queue change and takes the next chat. ──
    const ev = events!;
    await ev.take('queue', () => true, 20_000);
    const queue = await operator.get<{ items: { id: string; triage: unknown }[] }>(
      '/api/chat/queue',
    );
    expect(queue.status).toBe(200);
    expect(queue.json.items).toHaveLength(1);
    expect(queue.json.items[0]!.triage).toEqual({ safeNow: 'yes', ageGroup: 'under_18' });
    const taken = await operator.post<{ id: string; state: string }>('/api/chat/take', {});
    expect(taken.status, JSON.stringify(taken.json)).toBe(200);
    expect(taken.json.state).toBe('active');
    const chatId = taken.json.id;
    await shows(page.getByText('Sam is chatting with you.'));

    // ── Both ways, each message once, in order. ──
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('Hello, can anyone see who I am?');
    await box.press('Enter');
    await ev.take('message', (f) => f.message.body === 'Hello, can anyone see who I am?', 20_000);
    const reply = await operator.post(`/api/chat/chats/${chatId}/messages`, {
      body: 'No. You do not have to tell us your name.',
    });
    expect(reply.status).toBe(200);
    await wait(() => shown(page)).toEqual([
      'Hello, can anyone see who I am?',
      'No. You do not have to tell us your name.',
    ]);
    await box.fill('Ok. I want to ask about work.');
    await box.press('Enter');
    await ev.take('message', (f) => f.message.body === 'Ok. I want to ask about work.', 20_000);
    await wait(async () => (await transcript(chatId)).map((m) => [m.seq, m.from, m.body])).toEqual([
      [1, 'visitor', 'Hello, can anyone see who I am?'],
      [2, 'operator', 'No. You do not have to tell us your name.'],
      [3, 'visitor', 'Ok. I want to ask about work.'],
    ]);
    await wait(() => page.getByRole('log').innerText()).not.toContain('Sending…');
    await shot(page, 'talking');

    // ── The visitor's network drops: the operator writes, the visitor types. ──
    await context.setOffline(true);
    await shows(page.getByText('The connection dropped.', { exact: false }));
    const away = await operator.post(`/api/chat/chats/${chatId}/messages`, {
      body: 'Take your time. I am here.',
    });
    expect(away.status).toBe(200);
    await box.fill('Sorry, my bus went into a tunnel');
    await box.press('Enter');
    await wait(() => page.getByRole('log').innerText()).toContain('Sending…');
    // Held, not shown as sent; and the operator's message did not reach a dead socket.
    expect(await shown(page)).toEqual([
      'Hello, can anyone see who I am?',
      'No. You do not have to tell us your name.',
      'Ok. I want to ask about work.',
      'Sorry, my bus went into a tunnel',
    ]);
    await shot(page, 'offline');

    // ── The network comes back: the widget resumes, sends what it held, shows what it missed. ──
    await context.setOffline(false);
    await ev.take('message', (f) => f.message.body === 'Sorry, my bus went into a tunnel', 45_000);
    await page
      .getByText('The connection dropped.', { exact: false })
      .waitFor({ state: 'hidden', timeout: WAIT_MS });
    await wait(() => page.getByRole('log').innerText()).not.toContain('Sending…');
    const expected = [
      [1, 'visitor', 'Hello, can anyone see who I am?'],
      [2, 'operator', 'No. You do not have to tell us your name.'],
      [3, 'visitor', 'Ok. I want to ask about work.'],
      [4, 'operator', 'Take your time. I am here.'],
      [5, 'visitor', 'Sorry, my bus went into a tunnel'],
    ];
    expect((await transcript(chatId)).map((m) => [m.seq, m.from, m.body])).toEqual(expected);
    await wait(() => shown(page)).toEqual(expected.map(([, , body]) => body));
    // The widget came back on a second socket, asking for what followed the last seq it held.
    expect(sockets).toHaveLength(2);
    expect(JSON.parse(sockets[1]![0]!)).toMatchObject({ type: 'resume', lastSeq: 3 });
    // The console heard every message once: the visitor's (taken above) and its own, 2 and 4.
    const heard = ev.pending().flatMap((f) => (f.type === 'message' ? [f.message.seq] : []));
    expect(heard).toEqual([2, 4]);
    await shot(page, 'back');

    // ── Quick exit: no history entry, nothing stored, no cookies. ──
    const noTraces = { local: 0, session: 0, databases: 0, cookie: '', cookies: 0 };
    expect(await traces(page, context)).toEqual(noTraces);
    const before = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: 'Exit this page' }).first().click();
    await page.waitForURL(NEUTRAL);
    expect(await page.evaluate(() => history.length)).toBe(before);
    // Nothing for any origin in the whole context: cookies, local storage, IndexedDB.
    expect(await context.storageState({ indexedDB: true })).toEqual({ cookies: [], origins: [] });
    // Back leads to where the tab was before the chat, forward to the neutral page; never the chat.
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await page.goForward();
    expect(page.url()).toBe(NEUTRAL);
    expect(await page.content()).not.toContain('tunnel');
    expect(watch.outside.filter((u) => !u.startsWith(NEUTRAL))).toEqual([]);
    expect(watch.cspErrors).toEqual([]);
    await context.close();
  });
});
