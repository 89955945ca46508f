// The chat line's operator page in a real console, on a real `ariadne start` of its own (no demo).
// The first test is the whole journey with two browsers, in order: an operator signs in
// through the console in Chromium (one-time password, TOTP, new password) and opens the chat line;
// a visitor in a second browser context opens /chat, answers the first questions and writes before
// anyone answers. The operator sees the chat appear in the queue with the visitor's answers, takes
// it, and the two write to each other: the visitor's typing shows in the console, a quick reply
// goes out, each side sees the other's messages once and in order and sees them read; the
// operator's network drops and comes back, and what the visitor wrote meanwhile shows once; then
// the visitor's network drops while the operator writes and the visitor sends, comes back, and
// the widget resumes from the last seq it held — the transcript (read through the operator's API)
// and both screens hold every message once, in order. The operator adds an internal note (never
// shown to the visitor) and ends the chat with a reason; the widget says the team ended it, the
// console shows it ended; quick exit leaves no history entry, no storage and no cookies, and the
// back button never returns to the chat. The address
// bar holds the chat's id only. Every wait is on an element, a frame or a response, never a sleep;
// the server cannot be given a clock (a child process), so its office hours are set to always
// open, and the unanswered-chat job far away, instead. Another operator finds a chat in the
// outreach inbox (marked as a chat, with its state), opens its thread from there and opens a case
// from it in one step, naming the visitor's message where they consented; the case opens with
// that consent, and the chat then goes to it.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSignIn,
  deviceTraces,
  ensureConsoleBuilt,
  firstSignIn,
  freePort,
  freshDataDir,
  launchChromium,
  newContext,
  newPage,
  NO_TRACES,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Api,
  type Started,
} from './harness.js';

const ADMIN_PASSWORD = 'granite orchard beacon 52';
const OPERATOR_PASSWORD = 'harbour thistle canvas 65';
/** The neutral page the organisation chose for quick exit (CHAT_EXIT_URL); answered here, never fetched. */
const NEUTRAL = 'https://weer.example.nl/vandaag';
const WAIT_MS = 30_000;
const wait = <T>(fn: () => Promise<T> | T) => poll(fn, WAIT_MS);
const shows = (locator: Locator) => locator.waitFor({ state: 'visible', timeout: WAIT_MS });

describe('the chat line’s operator page', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let base: string;
  let operatorEmail = '';
  let admin: Api;
  let adminContext: BrowserContext;
  let oneTimePassword = '';
  const watch = pageWatch();
  const shot = screenshots('chat-console');

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('chat-console');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = await startServer(dataDir, {
      demo: false,
      port,
      env: {
        PUBLIC_URL: base,
        CHAT_OFFICE_HOURS: 'mon-sun 00:00-24:00',
        CHAT_UNANSWERED_MINUTES: '120',
        CHAT_MAX_PER_OPERATOR: '3',
        CHAT_EXIT_URL: NEUTRAL,
      },
    });
    browser = await launchChromium();
    adminContext = await newContext(browser);
    admin = await apiSignIn(
      adminContext.request,
      base,
      server.email,
      server.password,
      ADMIN_PASSWORD,
    );
    operatorEmail = 'noor@chat-console.example';
    const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email: operatorEmail,
      displayName: 'Noor',
      role: 'outreach_worker',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    oneTimePassword = created.json.oneTimePassword;
  }, 240_000);

  afterAll(async () => {
    await adminContext?.close();
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  /** The widget's messages, in order. */
  const widgetShows = (page: Page) =>
    page
      .getByRole('log')
      .getByRole('listitem')
      .evaluateAll((items) => items.map((li) => li.querySelector('.text')?.textContent ?? ''));

  /** The console thread's messages, in order: [from, text]. */
  const consoleShows = (page: Page) =>
    page
      .getByTestId('chat-message')
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute('data-from') ?? '',
          li.querySelector('.bubble-text')?.textContent ?? '',
        ]),
      );

  it('queues a visitor, is taken, talks both ways, survives both sides’ network drops, notes, ends, and quick exit leaves no trace', async () => {
    // ── The operator signs in to the console and opens the chat line. ──
    const opContext: BrowserContext = await newContext(browser);
    const op = await newPage(opContext);
    watch.watch(op);
    await op.goto(base);
    await firstSignIn(op, operatorEmail, oneTimePassword, OPERATOR_PASSWORD);
    await op
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Chat line' })
      .click();
    await shows(op.getByRole('heading', { name: 'Chat line', level: 1 }));
    await wait(() => op.getByTestId('chat-live').getAttribute('data-state')).toBe('open');
    await shows(op.getByText('Nobody is waiting'));
    await expect(op.getByTestId('operator-cap').innerText()).resolves.toBe(
      'You hold 0 of at most 3 chats.',
    );

    // ── A visitor opens the chat, answers the first questions and writes before an answer. ──
    const visitorContext = await newContext(browser);
    // The neutral site is the organisation's choice; the test answers it so nothing leaves.
    await visitorContext.route(`${NEUTRAL}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Weather</title><h1>Weather</h1>',
      }),
    );
    const visitor = await newPage(visitorContext);
    watch.watch(visitor);
    // Each chat socket the widget opens, with the frames it sent on it.
    const sockets: string[][] = [];
    visitor.on('websocket', (ws) => {
      const sent: string[] = [];
      sockets.push(sent);
      ws.on('framesent', (f) => sent.push(String(f.payload)));
    });
    await visitor.goto(`${base}/chat?lang=en`);
    await visitor.getByRole('button', { name: 'English' }).click();
    await shows(visitor.getByRole('heading', { name: 'Before we start' }));
    await visitor
      .getByRole('group', { name: 'Are you safe right now?' })
      .getByRole('radio', { name: 'No', exact: true })
      .check();
    await visitor.getByRole('button', { name: 'Start the chat' }).click();
    await shows(visitor.getByText('You are next in line.'));
    const box = visitor.getByRole('textbox', { name: 'Your message' });
    await box.fill('Hello, is this private?');
    await box.press('Enter');

    // ── The queue shows the chat, with the visitor's answers, as soon as it is opened. ──
    const item = op.getByTestId('queue-item');
    await shows(item);
    await expect(item.getByTestId('chat-urgency').innerText()).resolves.toBe('Not safe now');
    const triage = await item.getByTestId('chat-triage').innerText();
    expect(triage).toContain('Safe now: no');
    expect(triage).toContain('Age: not answered');
    expect(triage).toContain('Language: English');
    expect(await item.getByTestId('queue-wait').innerText()).toMatch(/^waiting \d+ minutes?$/);
    await expect(op.getByTestId('queue-count').innerText()).resolves.toBe('1');
    // The navigation says someone waits, on every page.
    const waitingBadge = op.getByTestId('chat-waiting-badge');
    await shows(waitingBadge);
    await expect(waitingBadge.innerText()).resolves.toContain('1 visitor waiting');
    await shot(op, 'queue');

    // ── The operator takes it: the thread opens at an address that holds only the chat's id. ──
    await item.getByRole('button', { name: 'Take the chat at place 1' }).click();
    await op.waitForURL(/\/chat-line\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
    const chatId = /\/chat-line\/([0-9a-f-]{36})$/.exec(op.url())![1]!;
    expect(new URL(op.url()).search).toBe('');
    await shows(op.getByText('Nobody is waiting'));
    await waitingBadge.waitFor({ state: 'hidden', timeout: WAIT_MS });
    await shows(op.getByTestId('my-chat').and(op.locator(`[data-chat-id="${chatId}"]`)));
    await wait(() => consoleShows(op)).toEqual([['visitor', 'Hello, is this private?']]);
    await expect(op.getByTestId('chat-holder').innerText()).resolves.toContain('held by you');
    await shows(visitor.getByText('Noor is chatting with you.'));
    // The operator has the thread in view: the visitor sees their message read.
    await wait(() => visitor.getByRole('log').innerText()).toContain('Read');

    // ── The visitor types: the console says so. ──
    await box.fill('I want to ask');
    await shows(op.getByText('The visitor is typing…'));

    // ── A quick reply in the chat's language, put in the box and sent with Enter. ──
    await op.getByTestId('quick-replies').click();
    await op
      .getByRole('menuitem', { name: "You don't have to give your name or any other details." })
      .click();
    const composer = op.getByRole('textbox', { name: 'Message to the visitor' });
    await expect(composer.inputValue()).resolves.toBe(
      "You don't have to give your name or any other details.",
    );
    await composer.press('Enter');
    await expect(composer.inputValue()).resolves.toBe('');
    await wait(() => widgetShows(visitor)).toEqual([
      'Hello, is this private?',
      "You don't have to give your name or any other details.",
    ]);
    // The widget has it in view and marks it read; the console shows that under the message.
    const own = op.locator('[data-testid="chat-message"][data-from="operator"]');
    await wait(() => own.first().getAttribute('data-delivery')).toBe('read');
    await expect(own.first().getByTestId('delivery').innerText()).resolves.toBe('Read');

    // ── The visitor answers; the typing note goes, the message comes, once. ──
    await box.fill('I want to ask about a job offer.');
    await box.press('Enter');
    await wait(() => consoleShows(op)).toEqual([
      ['visitor', 'Hello, is this private?'],
      ['operator', "You don't have to give your name or any other details."],
      ['visitor', 'I want to ask about a job offer.'],
    ]);
    await wait(() => op.getByTestId('visitor-typing').innerText()).toBe('');
    // Written by hand this time.
    await composer.fill('Tell me about the offer when you are ready.');
    await op.getByRole('button', { name: 'Send', exact: true }).click();
    await wait(() => widgetShows(visitor)).toEqual([
      'Hello, is this private?',
      "You don't have to give your name or any other details.",
      'I want to ask about a job offer.',
      'Tell me about the offer when you are ready.',
    ]);
    await shot(op, 'talking');

    // ── The operator's network drops: the page says so, and once it is back it shows what came
    // meanwhile (read again after the reconnect), once. ──
    await opContext.setOffline(true);
    await wait(() => op.getByTestId('chat-live').getAttribute('data-state')).toBe('reconnecting');
    await box.fill('Are you still there?');
    await box.press('Enter');
    await wait(() => visitor.getByRole('log').innerText()).not.toContain('Sending…');
    expect((await consoleShows(op)).map(([, body]) => body)).not.toContain('Are you still there?');
    await opContext.setOffline(false);
    await wait(() => op.getByTestId('chat-live').getAttribute('data-state')).toBe('open');
    await wait(() => consoleShows(op)).toEqual([
      ['visitor', 'Hello, is this private?'],
      ['operator', "You don't have to give your name or any other details."],
      ['visitor', 'I want to ask about a job offer.'],
      ['operator', 'Tell me about the offer when you are ready.'],
      ['visitor', 'Are you still there?'],
    ]);

    // ── The visitor's network drops: the operator writes, the visitor sends. ──
    await visitorContext.setOffline(true);
    await shows(visitor.getByText('The connection dropped.', { exact: false }));
    await composer.fill('Take your time. I am here.');
    await composer.press('Enter');
    await expect(composer.inputValue()).resolves.toBe('');
    await box.fill('Sorry, my bus went into a tunnel');
    await box.press('Enter');
    await wait(() => visitor.getByRole('log').innerText()).toContain('Sending…');
    // Held, not shown as sent; and the operator's message did not reach a dead socket.
    expect(await widgetShows(visitor)).toEqual([
      'Hello, is this private?',
      "You don't have to give your name or any other details.",
      'I want to ask about a job offer.',
      'Tell me about the offer when you are ready.',
      'Are you still there?',
      'Sorry, my bus went into a tunnel',
    ]);
    await shot(visitor, 'offline');

    // ── The network comes back: the widget resumes, sends what it held, shows what it missed. ──
    await visitorContext.setOffline(false);
    await visitor
      .getByText('The connection dropped.', { exact: false })
      .waitFor({ state: 'hidden', timeout: WAIT_MS });
    await wait(() => visitor.getByRole('log').innerText()).not.toContain('Sending…');
    const expected = [
      [1, 'visitor', 'Hello, is this private?'],
      [2, 'operator', "You don't have to give your name or any other details."],
      [3, 'visitor', 'I want to ask about a job offer.'],
      [4, 'operator', 'Tell me about the offer when you are ready.'],
      [5, 'visitor', 'Are you still there?'],
      [6, 'operator', 'Take your time. I am here.'],
      [7, 'visitor', 'Sorry, my bus went into a tunnel'],
    ] as const;
    await wait(() => widgetShows(visitor)).toEqual(expected.map(([, , body]) => body));
    await wait(() => consoleShows(op)).toEqual(expected.map(([, from, body]) => [from, body]));
    // The server holds each once, numbered in order (read as the console reads it, audited).
    const read = await opContext.request.get(`${base}/api/chat/chats/${chatId}`);
    expect(read.status()).toBe(200);
    const transcript = (await read.json()) as {
      messages: { seq: number; from: string; body: string }[];
    };
    expect(transcript.messages.map((m) => [m.seq, m.from, m.body])).toEqual(expected);
    // The widget came back on a second socket, asking for what followed the last seq it held.
    expect(sockets).toHaveLength(2);
    expect(JSON.parse(sockets[1]![0]!)).toMatchObject({ type: 'resume', lastSeq: 5 });
    await shot(visitor, 'back');

    // ── An internal note: in the console, never in the widget. ──
    const note = 'Job offer abroad; ask about documents next time.';
    await op.getByRole('textbox', { name: 'New note' }).fill(note);
    await op.getByRole('button', { name: 'Add note' }).click();
    await shows(op.getByTestId('chat-note').filter({ hasText: note }));
    await expect(op.getByTestId('chat-note').innerText()).resolves.toContain('You');
    expect(await visitor.content()).not.toContain('documents next time');

    // ── The operator ends the chat with a reason. ──
    await op.getByTestId('chat-end').click();
    const dialog = op.getByRole('dialog', { name: 'End the chat' });
    await shows(dialog);
    await dialog.getByRole('radio', { name: 'resolved' }).check();
    await dialog.getByRole('button', { name: 'End chat' }).click();
    await shows(op.getByTestId('chat-ended'));
    await expect(op.getByTestId('chat-ended').innerText()).resolves.toContain(
      'This chat has ended: resolved',
    );
    await expect(op.getByTestId('chat-composer').count()).resolves.toBe(0);
    await shows(op.getByText('You hold no chats.'));
    await expect(op.getByTestId('operator-cap').innerText()).resolves.toBe(
      'You hold 0 of at most 3 chats.',
    );
    // The visitor is told why.
    await shows(visitor.getByRole('heading', { name: 'The chat has ended.' }));
    await shows(visitor.getByText('Our team ended the chat.'));
    await shot(visitor, 'ended');

    // ── Quick exit: no history entry, nothing stored, no cookies. ──
    expect(await deviceTraces(visitor, visitorContext)).toEqual(NO_TRACES);
    const before = await visitor.evaluate(() => history.length);
    await visitor.getByRole('button', { name: 'Exit this page' }).first().click();
    await visitor.waitForURL(NEUTRAL);
    expect(await visitor.evaluate(() => history.length)).toBe(before);
    // Nothing for any origin in the whole context: cookies, local storage, IndexedDB.
    expect(await visitorContext.storageState({ indexedDB: true })).toEqual({
      cookies: [],
      origins: [],
    });
    // Back leads to where the tab was before the chat, forward to the neutral page; never the chat.
    await visitor.goBack();
    expect(visitor.url()).toBe('about:blank');
    await visitor.goForward();
    expect(visitor.url()).toBe(NEUTRAL);
    expect(await visitor.content()).not.toContain('tunnel');
    expect(watch.cspErrors).toEqual([]);
    expect(watch.outside.filter((u) => !u.startsWith(NEUTRAL))).toEqual([]);
    await visitorContext.close();
    await opContext.close();
  }, 240_000);

  it('lets a supervisor follow a colleague’s chat live, join it, write, transfer and end it', async () => {
    const accounts: Record<string, string> = {};
    for (const [email, displayName, role] of [
      ['sam@chat-console.example', 'Sam', 'outreach_worker'],
      ['ria@chat-console.example', 'Ria', 'supervisor'],
    ] as const) {
      const made = await admin.post<{ oneTimePassword: string }>('/api/users', {
        email,
        displayName,
        role,
      });
      expect(made.status, JSON.stringify(made.json)).toBe(201);
      accounts[email] = made.json.oneTimePassword;
    }
    // Sam works through the API; Ria signs in to the console.
    const samContext = await newContext(browser);
    const sam = await apiSignIn(
      samContext.request,
      base,
      'sam@chat-console.example',
      accounts['sam@chat-console.example']!,
      'quarry lantern meadow 77',
    );
    const supContext = await newContext(browser);
    const sup = await newPage(supContext);
    watch.watch(sup);
    await sup.goto(`${base}/chat-line`);
    await firstSignIn(
      sup,
      'ria@chat-console.example',
      accounts['ria@chat-console.example']!,
      'saddle cobalt harvest 88',
    );
    await sup.goto(`${base}/chat-line`);
    await wait(() => sup.getByTestId('chat-live').getAttribute('data-state')).toBe('open');
    await shows(sup.getByRole('heading', { name: 'Unanswered chats' }));
    await shows(sup.getByText('No alerts.'));

    // A visitor opens a chat and Sam takes it.
    const visitorContext = await newContext(browser);
    const visitor = await newPage(visitorContext);
    await visitor.goto(`${base}/chat?lang=nl`);
    await visitor.getByRole('button', { name: 'Nederlands' }).click();
    await visitor.getByRole('button', { name: 'Start de chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Je bericht' });
    await box.fill('Hallo?');
    await box.press('Enter');
    await shows(sup.getByTestId('queue-item'));
    const taken = await sam.post<{ id: string }>('/api/chat/take', {});
    expect(taken.status, JSON.stringify(taken.json)).toBe(200);
    const chatId = taken.json.id;
    await shows(visitor.getByText('Sam chat nu met je.'));

    // Ria sees it among the running chats, held by Sam, and opens it: she reads along, live.
    const running = sup.locator(`[data-testid="running-item"][data-chat-id="${chatId}"]`);
    await shows(running);
    await expect(running.innerText()).resolves.toContain('Sam');
    await running.click();
    await sup.waitForURL(`${base}/chat-line/${chatId}`);
    await wait(() => consoleShows(sup)).toEqual([['visitor', 'Hallo?']]);
    await expect(sup.getByTestId('chat-holder').innerText()).resolves.toContain('held by Sam');
    await shows(sup.getByText('You are reading along. Join the chat to write in it.'));
    expect(await sup.getByTestId('chat-composer').count()).toBe(0);
    await box.fill('Is er iemand?');
    await box.press('Enter');
    await wait(() => consoleShows(sup)).toEqual([
      ['visitor', 'Hallo?'],
      ['visitor', 'Is er iemand?'],
    ]);
    // Ria reads along without marking anything read for Sam: the read mark is the holder's.
    const chat = await sam.get<{ chat: { operatorReadSeq: number } }>(`/api/chat/chats/${chatId}`);
    expect(chat.json.chat.operatorReadSeq).toBe(0);

    // She joins and writes; the visitor gets it.
    await sup.getByRole('button', { name: 'Join' }).click();
    const composer = sup.getByRole('textbox', { name: 'Message to the visitor' });
    await shows(composer);
    await composer.fill('Ik lees mee en help je verder.');
    await composer.press('Enter');
    await wait(() => widgetShows(visitor)).toEqual([
      'Hallo?',
      'Is er iemand?',
      'Ik lees mee en help je verder.',
    ]);
    await wait(() => consoleShows(sup)).toEqual([
      ['visitor', 'Hallo?'],
      ['visitor', 'Is er iemand?'],
      ['operator', 'Ik lees mee en help je verder.'],
    ]);
    // Her watch and join are in the audit log (each opening is, too).
    const audit = await admin.get<{ entries: { action: string }[] }>(
      `/api/audit/entries?targetType=chat&targetId=${chatId}&limit=50`,
    );
    expect(audit.status).toBe(200);
    expect(audit.json.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['chat.take', 'chat.open', 'chat.watch', 'chat.join']),
    );

    // She hands the chat to Noor: the colleagues who work the chat line, with what each holds.
    await sup.getByTestId('chat-transfer').click();
    const dialog = sup.getByRole('dialog', { name: 'Transfer the chat' });
    await shows(dialog);
    const to = dialog.getByRole('combobox', { name: 'Colleague' });
    // (Noor's console closed a moment ago: whether she still counts as on duty depends on when
    // the server heard the socket close, so only what she holds is checked.)
    await wait(() => to.locator('option').allInnerTexts()).toEqual([
      'Choose a colleague',
      expect.stringMatching(/^Noor — (not )?on duty, 0\/3 chats$/),
      'Sam — not on duty, 1/3 chats',
    ]);
    const noor = await to.locator('option', { hasText: 'Noor' }).getAttribute('value');
    expect(noor).toMatch(/^[0-9a-f-]{36}$/);
    await to.selectOption(noor);
    await dialog.getByRole('button', { name: 'Transfer' }).click();
    await wait(() => sup.getByTestId('chat-holder').innerText()).toContain('held by Noor');
    await shows(visitor.getByText('Noor chat nu met je.'));
    expect((await sam.get(`/api/chat/chats/${chatId}`)).status).toBe(403);

    // And ends it, referred onwards: both sides say so.
    await sup.getByTestId('chat-end').click();
    const end = sup.getByRole('dialog', { name: 'End the chat' });
    await end.getByRole('radio', { name: 'referred onwards' }).check();
    await end.getByRole('button', { name: 'End chat' }).click();
    await wait(() => sup.getByTestId('chat-ended').innerText()).toContain(
      'This chat has ended: referred onwards',
    );
    await shows(visitor.getByText('Ons team heeft de chat beëindigd en je doorverwezen.'));
    expect(watch.cspErrors).toEqual([]);
    await visitorContext.close();
    await supContext.close();
    await samContext.close();
  }, 180_000);

  it('finds the chat in the outreach inbox and opens a case from it in one step, with consent', async () => {
    const made = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email: 'lin@chat-console.example',
      displayName: 'Lin',
      role: 'outreach_worker',
    });
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const linContext = await newContext(browser);
    const lin = await newPage(linContext);
    watch.watch(lin);
    await lin.goto(`${base}/inbox`);
    await firstSignIn(
      lin,
      'lin@chat-console.example',
      made.json.oneTimePassword,
      'meadow copper lantern 41',
    );

    // A visitor writes, and says in so many words what we may do.
    const visitorContext = await newContext(browser);
    const visitor = await newPage(visitorContext);
    await visitor.goto(`${base}/chat?lang=en`);
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByRole('button', { name: 'Start the chat' }).click();
    const box = visitor.getByRole('textbox', { name: 'Your message' });
    await box.fill('I need help getting out.');
    await box.press('Enter');
    const consentText = 'Yes, you may keep what I told you and contact me again.';
    await box.fill(consentText);
    await box.press('Enter');
    await wait(() => visitor.getByRole('log').innerText()).not.toContain('Sending…');

    // ── The inbox lists the chat beside the outreach threads: marked as a chat, waiting. ──
    await lin
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Inbox' })
      .click();
    await shows(lin.getByRole('heading', { name: 'Inbox', level: 1 }));
    await lin.getByTestId('inbox-kind').getByText('Chats', { exact: true }).click();
    await lin.waitForURL(/\/inbox\?kind=chat$/, { timeout: WAIT_MS });
    const waiting = lin.locator('[data-testid="inbox-item"][data-kind="chat"]').filter({
      has: lin.locator('[data-testid="inbox-chat-state"][data-state="queued"]'),
    });
    await shows(waiting);
    await expect(waiting.innerText()).resolves.toContain('Language EN');
    await expect(waiting.getByTestId('item-unread').innerText()).resolves.toBe('2');
    expect(await waiting.innerText()).not.toContain('I need help');
    // A waiting chat is taken from the chat line's queue.
    await waiting.click();
    await lin.waitForURL(`${base}/chat-line`, { timeout: WAIT_MS });
    await lin
      .getByTestId('queue-item')
      .getByRole('button', { name: /^Take the chat/ })
      .click();
    await lin.waitForURL(/\/chat-line\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
    const chatId = /\/chat-line\/([0-9a-f-]{36})$/.exec(lin.url())![1]!;

    // ── Back in the inbox it is Lin's, in chat; opening it goes to its thread. ──
    await lin.goto(`${base}/inbox?kind=chat`);
    const mine = lin.locator(`[data-testid="inbox-item"][data-conversation-id="${chatId}"]`);
    await shows(mine);
    await wait(() => mine.getByTestId('inbox-chat-state').getAttribute('data-state')).toBe(
      'active',
    );
    await expect(mine.innerText()).resolves.toContain('You');
    await mine.click();
    await lin.waitForURL(`${base}/chat-line/${chatId}`, { timeout: WAIT_MS });
    await wait(() => consoleShows(lin)).toEqual([
      ['visitor', 'I need help getting out.'],
      ['visitor', consentText],
    ]);

    // ── "Open case": where the person said so, and what they agreed to; the case opens. ──
    await lin.getByTestId('chat-open-case').click();
    const dialog = lin.getByRole('dialog', { name: 'Open a case from this chat' });
    await shows(dialog);
    await dialog.getByRole('radio', { name: consentText }).check();
    await dialog.getByRole('checkbox', { name: 'That we keep their data' }).check();
    await dialog.getByRole('checkbox', { name: 'That we contact them again' }).check();
    const answered = lin.waitForResponse(
      (r) => r.url().endsWith(`/api/chat/chats/${chatId}/case`) && r.request().method() === 'POST',
    );
    await dialog.getByTestId('open-case-submit').click();
    expect((await answered).status()).toBe(200);
    await lin.waitForURL(/\/cases\/[0-9a-f-]{36}$/, { timeout: WAIT_MS });
    const caseId = /\/cases\/([0-9a-f-]{36})$/.exec(lin.url())![1]!;
    await shows(lin.getByTestId('case-page'));
    const records = lin.getByTestId('consent-record');
    await wait(() =>
      records.evaluateAll((r) => r.map((e) => e.getAttribute('data-scope')).sort()),
    ).toEqual(['contact_again', 'keep_data']);
    await expect(records.first().innerText()).resolves.toContain(consentText);
    await shot(lin, 'case-from-chat');

    // ── The chat now goes to its case instead of opening another. ──
    await lin.goto(`${base}/chat-line/${chatId}`);
    await lin.getByTestId('chat-go-to-case').click();
    await lin.waitForURL(`${base}/cases/${caseId}`, { timeout: WAIT_MS });
    await lin.goto(`${base}/chat-line/${chatId}`);
    await lin.getByTestId('chat-end').click();
    const end = lin.getByRole('dialog', { name: 'End the chat' });
    await end.getByRole('radio', { name: 'referred onwards' }).check();
    await end.getByRole('button', { name: 'End chat' }).click();
    await shows(lin.getByTestId('chat-ended'));
    expect(watch.cspErrors).toEqual([]);
    await visitorContext.close();
    await linContext.close();
  }, 180_000);
});
