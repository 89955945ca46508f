// The chat widget in Chromium, served by registerChatWidget on a small Fastify app of the test's
// own, with an organisation's page that embeds it and a neutral page to exit to. The far end of the
// WebSocket is played by the test through Playwright's routeWebSocket, speaking the contract
// (src/contracts/chat-protocol.ts) — the journey against the real chat server comes when both halves
// are merged. Checked: the headers; the first questions and what they send; quick exit by button
// and by Shift×3 (history length, the back button, nothing restored from the back/forward cache,
// no storage or cookies, the socket closed); keyboard-only use; the Shadow DOM's isolation; a phone.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  VisitorFrame,
  parseFrame,
  type ChatMessage,
  type ChatState,
  type ServerFrame,
} from '../../src/contracts/chat-protocol.js';
import { registerChatWidget } from '../../src/chat/widget/routes.js';
import { axeFindings, describeFindings, type AxeFinding } from './axe.js';
import {
  deviceTraces as traces,
  launchChromium,
  NO_TRACES,
  newContext,
  newPage,
  pageWatch,
  poll,
  screenshots,
} from './harness.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TOKEN = 'visitor-token-0123456789';
const AT = '2026-12-06T18:00:00.000Z';
const KNOWN_CODE = 'KX4M-7PQ2-RT9W';
/** RETENTION_CHAT_DAYS as this test's server has it: the start screen says it. */
const RETENTION_DAYS = 45;

/** The widget's words the accessibility walk goes by, in both written languages. */
const WORDS = {
  en: {
    language: 'English',
    privacy: ['We do not store your IP address', `for ${RETENTION_DAYS} days after it ends`],
    questions: 'Before we start',
    safeNow: 'Are you safe right now?',
    no: 'No',
    notSafe: 'If you are in danger right now, call 112.',
    start: 'Start the chat',
    next: 'You are next in line.',
    joined: 'Sam is chatting with you.',
    message: 'Your message',
    getCode: 'Get a code to continue later',
    end: 'End the chat',
    ended: 'The chat has ended.',
  },
  nl: {
    language: 'Nederlands',
    privacy: ['We slaan je IP-adres', `${RETENTION_DAYS} dagen nadat hij is afgelopen`],
    questions: 'Voordat we beginnen',
    safeNow: 'Ben je nu veilig?',
    no: 'Nee',
    notSafe: 'Ben je nu in gevaar? Bel 112.',
    start: 'Start de chat',
    next: 'Jij bent de volgende.',
    joined: 'Sam chat nu met je.',
    message: 'Je bericht',
    getCode: 'Vraag een code om later verder te gaan',
    end: 'Chat beëindigen',
    ended: 'De chat is afgelopen.',
  },
} as const;
/** The widget's startId: a random uuid per chat it opens (a resent start is the same chat). */
const UUID: unknown = expect.stringMatching(
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
);

const html = (title: string, body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>${head}</head><body>${body}</body></html>`;

let app: FastifyInstance;
let base: string;
let browser: Browser;
const watch = pageWatch();
const shot = screenshots('chat-widget');

beforeAll(async () => {
  const built = spawnSync(process.execPath, [path.join(repo, 'scripts/ensure-build.js'), 'chat'], {
    cwd: repo,
    stdio: 'inherit',
    env: { ...process.env, WEB_DEV: 'false' },
  });
  if (built.status !== 0) throw new Error('The chat widget does not build');
  app = Fastify();
  await registerChatWidget(app, { exitUrl: '/neutral', retentionDays: RETENTION_DAYS });
  app.get('/start', async (_q, reply) =>
    reply
      .type('text/html')
      .send(html('Start', '<a href="/chat?lang=en">Chat</a> <a href="/host">Organisation</a>')),
  );
  app.get('/neutral', async (_q, reply) =>
    reply.type('text/html').send(html('Weather', '<h1>Weather</h1>')),
  );
  // An organisation's page: its CSS is loud, so a leak either way shows.
  app.get('/host', async (_q, reply) =>
    reply
      .type('text/html')
      .send(
        html(
          'Organisation',
          '<h1>Welcome</h1><button id="own">Our own button</button>',
          '<style>* { color: rgb(255, 0, 0) !important; font-size: 40px !important; } button { background: rgb(0, 128, 0); }</style>' +
            '<script src="/chat/widget.js" data-lang="en" data-exit-url="/neutral" async></script>',
        ),
      ),
  );
  // The same organisation page on another origin (localhost, while the widget is on 127.0.0.1).
  app.get('/elsewhere', async (_q, reply) =>
    reply
      .type('text/html')
      .send(
        html(
          'Elsewhere',
          '<h1>Another site</h1>',
          `<script src="${base}/chat/widget.js" data-lang="en" async></script>`,
        ),
      ),
  );
  base = await app.listen({ host: '127.0.0.1', port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/**
 * The test's side of the chat socket: it keeps the chat's messages as the server would (numbered by
 * seq, a visitor's message stored once per clientId), answers start and resume, and records every
 * frame the widget sends. `drop()` cuts the connection and refuses new ones until `restore()`.
 */
async function chatPeer(context: BrowserContext, status: ChatState) {
  const frames: VisitorFrame[] = [];
  const stored: ChatMessage[] = [];
  const byClient = new Map<string, number>();
  let socket: WebSocketRoute | undefined;
  let closed = false;
  let refuse = false;
  let connections = 0;
  const send = (f: ServerFrame) => {
    if (!closed) socket?.send(JSON.stringify(f));
  };
  const store = (m: Omit<ChatMessage, 'seq' | 'at'>) => {
    const message = { ...m, seq: stored.length + 1, at: AT };
    stored.push(message);
    return message;
  };
  const urls: string[] = [];
  await context.routeWebSocket(/\/chat\/ws$/, (ws) => {
    connections += 1;
    urls.push(ws.url());
    if (refuse) {
      void ws.close();
      return;
    }
    socket = ws;
    closed = false;
    ws.onClose(() => {
      if (socket === ws) closed = true;
    });
    ws.onMessage((text) => {
      const f = parseFrame(VisitorFrame, String(text));
      if (!f) throw new Error(`the widget sent an invalid frame: ${String(text)}`);
      frames.push(f);
      if (f.type === 'start') send({ type: 'welcome', token: TOKEN, messages: stored, status });
      if (f.type === 'continue') {
        if (f.code === KNOWN_CODE)
          send({ type: 'welcome', token: TOKEN, messages: stored, status });
        else send({ type: 'error', code: 'unknown_chat' });
      }
      if (f.type === 'want-code') send({ type: 'code', code: KNOWN_CODE });
      if (f.type === 'resume') {
        expect(f.token).toBe(TOKEN);
        send({
          type: 'welcome',
          token: TOKEN,
          messages: stored.filter((m) => m.seq > f.lastSeq),
          status,
        });
      }
      if (f.type === 'message') {
        let seq = byClient.get(f.clientId);
        if (seq === undefined) {
          seq = store({ from: 'visitor', body: f.body, clientId: f.clientId }).seq;
          byClient.set(f.clientId, seq);
        }
        send({ type: 'ack', clientId: f.clientId, seq, at: AT });
      }
      if (f.type === 'ping') send({ type: 'pong' });
    });
  });
  return {
    frames,
    stored,
    urls,
    connections: () => connections,
    isClosed: () => closed,
    operatorSays: (body: string) =>
      send({ type: 'message', message: store({ from: 'operator', body }) }),
    send,
    drop: async () => {
      refuse = true;
      closed = true;
      await socket?.close();
    },
    restore: () => {
      refuse = false;
    },
  };
}

/** The focused element, through the widget's shadow root: its label or text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let a: Element | null = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return '';
    const labels = (a as HTMLInputElement).labels;
    return (labels?.[0]?.textContent ?? a.textContent ?? '').trim();
  });

/** Presses Tab until the named control has focus; the names passed on the way, in order. */
async function tabTo(page: Page, name: string, max = 25): Promise<string[]> {
  const passed: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    passed.push(now);
    if (now === name) return passed;
  }
  throw new Error(`Tab never reached "${name}"; passed ${passed.join(' | ')}`);
}

async function startChatWithMouse(page: Page) {
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: 'Start the chat' }).click();
  await poll(() => page.getByRole('textbox', { name: 'Your message' }).isVisible()).toBe(true);
}

describe('chat widget routes', () => {
  it('serve the built page and script uncached, cookieless, under a strict policy', async () => {
    const page = await fetch(`${base}/chat?lang=nl`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('set-cookie')).toBeNull();
    const csp = page.headers.get('content-security-policy') ?? '';
    const host = new URL(base).host;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://${host} wss://${host}`);
    expect(csp).not.toMatch(/unsafe-inline|https?:\/\/(?!127)/);
    const body = await page.text();
    expect(body).toContain('<html lang="nl">');
    expect(body).toContain('data-exit-url="/neutral"');
    const script = await fetch(`${base}/chat/widget.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('cache-control')).toBe('no-store');
    expect(script.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(script.headers.get('set-cookie')).toBeNull();
    // The rest of the routes' behaviour (503 before a build, a hostile Host) is in
    // src/chat/widget/routes.test.ts.
  });
});

describe('chat widget in the browser', () => {
  it('asks the optional first questions and sends only the answers given; shows the place and the wait', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, {
      state: 'queued',
      open: true,
      position: 2,
      waitMinutes: 5,
    });
    const page = await newPage(context);
    watch.watch(page);
    await page.goto(`${base}/chat?lang=en`);
    await page.getByRole('button', { name: 'English' }).click();
    await poll(() => page.getByRole('heading', { name: 'Before we start' }).isVisible()).toBe(true);
    // Every question has "Rather not say", chosen until the person picks something else.
    expect(await page.getByRole('radio', { name: 'Rather not say' }).count()).toBe(3);
    const safe = page.getByRole('group', { name: 'Are you safe right now?' });
    await safe.getByRole('radio', { name: 'No', exact: true }).check();
    await poll(() => page.getByText('If you are in danger right now, call 112.').isVisible()).toBe(
      true,
    );
    await page
      .getByRole('group', { name: 'How old are you?' })
      .getByRole('radio', { name: 'Under 18' })
      .check();
    await shot(page, 'questions');
    await page.getByRole('button', { name: 'Start the chat' }).click();
    await poll(() => peer.frames[0]).toEqual({
      type: 'start',
      language: 'en',
      triage: { safeNow: 'no', ageGroup: 'under_18' },
      startId: UUID,
    });
    await poll(() => page.getByText('You are number 2 in line.').isVisible()).toBe(true);
    await poll(() =>
      page.getByText('The wait is about 5 minutes.', { exact: false }).isVisible(),
    ).toBe(true);
    // Outside office hours it says so, and when it opens again.
    peer.send({
      type: 'status',
      status: { state: 'queued', open: false, position: 1, opensAt: '2026-12-07T09:00:00Z' },
    });
    await poll(() => page.getByText('Nobody is answering right now.').isVisible()).toBe(true);
    await poll(() => page.getByText(/We answer again from .*Monday/).isVisible()).toBe(true);
    await shot(page, 'queued-closed');
    // The emergency number is on every screen.
    expect(await page.getByRole('link', { name: 'In danger? Call 112' }).getAttribute('href')).toBe(
      'tel:112',
    );
    expect(await traces(page, context)).toEqual(NO_TRACES);
    expect(watch.outside).toEqual([]);
    expect(watch.cspErrors).toEqual([]);
    await context.close();
  });

  it('has no serious or critical axe finding on any screen in English or Dutch, and says on the first what is kept and how long', async () => {
    const found: Record<string, AxeFinding[]> = {};
    for (const [lang, s] of Object.entries(WORDS)) {
      const context = await newContext(browser);
      const peer = await chatPeer(context, {
        state: 'queued',
        open: true,
        position: 1,
        waitMinutes: 3,
      });
      const page = await newPage(context);
      watch.watch(page);
      await page.goto(`${base}/chat?lang=${lang}`);
      // The start screen: what the server keeps (nothing of the address or device) and how long.
      const privacy = page.getByText(s.privacy[0], { exact: false });
      await privacy.waitFor({ state: 'visible' });
      expect(await privacy.innerText()).toContain(s.privacy[1]);
      found[`${lang}: start`] = await axeFindings(page);
      await page.getByRole('button', { name: s.language }).click();
      await page.getByRole('heading', { name: s.questions }).waitFor();
      await page
        .getByRole('group', { name: s.safeNow })
        .getByRole('radio', { name: s.no, exact: true })
        .check();
      await page.getByText(s.notSafe, { exact: false }).waitFor();
      found[`${lang}: questions`] = await axeFindings(page);
      await page.getByRole('button', { name: s.start }).click();
      await page.getByText(s.next).waitFor();
      found[`${lang}: chat, queued`] = await axeFindings(page);
      peer.send({ type: 'status', status: { state: 'active', open: true, operatorName: 'Sam' } });
      await page.getByText(s.joined).waitFor();
      const box = page.getByRole('textbox', { name: s.message });
      await box.fill('Hello');
      await box.press('Enter');
      peer.operatorSays('Hi, I am here.');
      await poll(() => page.getByRole('log').innerText()).toContain('Hi, I am here.');
      await page.getByRole('button', { name: s.getCode }).click();
      await page.getByText(KNOWN_CODE).waitFor();
      found[`${lang}: chat, active`] = await axeFindings(page);
      await page.getByRole('button', { name: s.end }).click();
      await page.getByRole('heading', { name: s.ended }).waitFor();
      found[`${lang}: ended`] = await axeFindings(page);
      await context.close();
    }
    const failing = Object.entries(found).filter(([, f]) => f.length > 0);
    expect(failing.map(([screen, f]) => `${screen}\n${describeFindings(f)}`).join('\n')).toBe('');
    expect(Object.keys(found)).toHaveLength(10);
    expect(watch.cspErrors).toEqual([]);
  });

  it('sends no triage when every answer is left as "rather not say"', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'queued', open: true, position: 1 });
    const page = await newPage(context);
    await page.goto(`${base}/chat?lang=en`);
    await startChatWithMouse(page);
    expect(peer.frames[0]).toEqual({ type: 'start', language: 'en', startId: UUID });
    await poll(() =>
      page.getByText('We cannot say how long the wait is right now.').isVisible(),
    ).toBe(true);
    await context.close();
  });

  it('works by keyboard alone: language, questions, a message, the end', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'active', open: true, operatorName: 'Sam' });
    const page = await newPage(context);
    watch.watch(page);
    await page.goto(`${base}/chat?lang=en`);
    await poll(() => page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
    // Quick exit comes first, then the emergency number.
    const way = await tabTo(page, 'English');
    expect(way.slice(0, 3)).toEqual(['Exit this page', 'In danger? Call 112', 'Nederlands']);
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toBe('Before we start');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('Rather not say');
    await page.keyboard.press('ArrowUp'); // I am not sure
    await page.keyboard.press('ArrowUp'); // No
    expect(await focused(page)).toBe('No');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toBe('24 or older');
    await tabTo(page, 'Start the chat');
    await page.keyboard.press('Enter');
    await poll(() => peer.frames[0]).toEqual({
      type: 'start',
      language: 'en',
      triage: { safeNow: 'no', ageGroup: '24_plus' },
      startId: UUID,
    });
    await poll(() => focused(page)).toBe('Chat');
    await poll(() => page.getByText('Sam is chatting with you.').isVisible()).toBe(true);
    await tabTo(page, 'Your message');
    await page.keyboard.type('Hello, is this anonymous?');
    await page.keyboard.press('Enter');
    await poll(() => peer.frames.find((f) => f.type === 'message')).toMatchObject({
      type: 'message',
      body: 'Hello, is this anonymous?',
    });
    expect(await focused(page)).toBe('Your message');
    peer.operatorSays('Yes. You do not have to tell us who you are.');
    const log = page.getByRole('log');
    await poll(() => log.innerText()).toContain('You do not have to tell us who you are.');
    await poll(() => peer.frames.some((f) => f.type === 'read')).toBe(true);
    await shot(page, 'active');
    await tabTo(page, 'End the chat');
    await page.keyboard.press('Enter');
    await poll(() => peer.frames.at(-1)).toEqual({ type: 'end' });
    await poll(() => focused(page)).toBe('The chat has ended.');
    await tabTo(page, 'Start a new chat');
    await page.keyboard.press('Enter');
    await poll(() => focused(page)).toBe('Which language do you want to chat in?');
    expect(watch.cspErrors).toEqual([]);
    await context.close();
  });

  it('quick exit by the button: blank, socket closed, no history entry, the back button never returns to the chat, nothing stored', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'active', open: true });
    const page = await newPage(context);
    watch.watch(page);
    await page.goto(`${base}/start`);
    await page.getByRole('link', { name: 'Chat' }).click();
    await page.waitForURL(/\/chat\?lang=en$/);
    await startChatWithMouse(page);
    await page.getByRole('textbox', { name: 'Your message' }).fill('Something private');
    await page.getByRole('button', { name: 'Send' }).click();
    await poll(() => peer.frames.some((f) => f.type === 'message')).toBe(true);
    const before = await page.evaluate(() => history.length);

    await page.getByRole('button', { name: 'Exit this page' }).first().click();
    await page.waitForURL(`${base}/neutral`);
    expect(await page.evaluate(() => history.length)).toBe(before);
    await poll(() => peer.isClosed()).toBe(true);
    expect(await traces(page, context)).toEqual(NO_TRACES);

    // Back goes to the page before the chat; forward to the neutral page; the chat is in neither.
    await page.goBack();
    expect(page.url()).toBe(`${base}/start`);
    expect(await page.content()).not.toContain('Something private');
    await page.goForward();
    expect(page.url()).toBe(`${base}/neutral`);
    expect(await page.locator('#ariadne-chat').count()).toBe(0);
    expect(watch.outside).toEqual([]);
    await context.close();
  });

  it('quick exit by Shift pressed three times, on an organisation page that embeds the widget; capitals and Shift+Enter never trigger it', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'active', open: true });
    const page = await newPage(context);
    watch.watch(page);
    // Pages restored from the back/forward cache say so.
    await context.addInitScript(() => {
      addEventListener('pageshow', (e) => {
        if (e.persisted) document.title = `restored: ${location.pathname}`;
      });
    });
    await page.goto(`${base}/start`);
    await page.getByRole('link', { name: 'Organisation' }).click();
    await page.waitForURL(`${base}/host`);
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await startChatWithMouse(page);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.focus();
    await page.keyboard.press('Shift+H');
    await page.keyboard.press('Shift+I');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.press('Shift+X');
    expect(await box.inputValue()).toBe('HI\nX');
    // Two presses, a pause longer than the window, one more: still here.
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(1200);
    await page.keyboard.press('Shift');
    expect(page.url()).toBe(`${base}/host`);
    await page.keyboard.press('Enter');
    await poll(() => peer.frames.some((f) => f.type === 'message')).toBe(true);
    const before = await page.evaluate(() => history.length);

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForURL(`${base}/neutral`);
    expect(await page.evaluate(() => history.length)).toBe(before);
    await poll(() => peer.isClosed()).toBe(true);
    expect(await traces(page, context)).toEqual(NO_TRACES);
    await page.goBack();
    expect(page.url()).toBe(`${base}/start`);
    await page.goForward();
    expect(page.url()).toBe(`${base}/neutral`);
    expect(await page.title()).not.toContain('/host');
    expect(watch.outside).toEqual([]);
    await context.close();
  });

  it('on another origin, connects back to the origin the script came from', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'queued', open: true, position: 1 });
    const page = await newPage(context);
    const elsewhere = `http://localhost:${new URL(base).port}/elsewhere`;
    await page.goto(elsewhere);
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await startChatWithMouse(page);
    expect(peer.urls).toEqual([`ws://127.0.0.1:${new URL(base).port}/chat/ws`]);
    await context.close();
  });

  it('keeps the host page CSS out of the widget and its own CSS out of the page', async () => {
    const context = await newContext(browser);
    const page = await newPage(context);
    await page.goto(`${base}/host`);
    const launcher = page.getByRole('button', { name: 'Chat', exact: true });
    await poll(() => launcher.isVisible()).toBe(true);
    const ours = await launcher.evaluate((el) => {
      const cs = getComputedStyle(el);
      return { color: cs.color, fontSize: cs.fontSize, background: cs.backgroundColor };
    });
    expect(ours).toEqual({
      color: 'rgb(255, 255, 255)',
      fontSize: '16px',
      background: 'rgb(11, 61, 145)',
    });
    const theirs = await page
      .locator('#own')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(theirs).toBe('rgb(0, 128, 0)');
    // Sizes inside do not follow the page's root font size either.
    await launcher.click();
    const title = page.getByRole('heading', { name: 'Chat with us' });
    expect(await title.evaluate((el) => getComputedStyle(el).fontSize)).toBe('20px');
    await context.close();
  });

  it('after a network drop: says so, keeps what was written, resumes and shows every message once', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'active', open: true });
    const page = await newPage(context);
    await page.goto(`${base}/chat?lang=en`);
    await startChatWithMouse(page);
    const box = page.getByRole('textbox', { name: 'Your message' });
    await box.fill('one');
    await box.press('Enter');
    peer.operatorSays('two');
    const log = page.getByRole('log');
    await poll(() => log.innerText()).toContain('two');

    await peer.drop();
    await poll(() => page.getByText('The connection dropped.', { exact: false }).isVisible()).toBe(
      true,
    );
    await box.fill('three, written offline');
    await box.press('Enter');
    peer.operatorSays('four, while the visitor was away');
    await poll(() => log.innerText()).toContain('Sending…');
    await shot(page, 'offline');
    // It keeps trying on its own (the refused attempts), and "try again now" tries at once.
    await poll(() => peer.connections()).toBeGreaterThan(2);
    peer.restore();
    await page.getByRole('button', { name: 'Try again now' }).click();
    await poll(() => log.innerText()).not.toContain('Sending…');
    const resume = peer.frames.find((f) => f.type === 'resume');
    expect(resume).toEqual({ type: 'resume', token: TOKEN, lastSeq: 2 });
    expect(peer.stored.map((m) => m.body)).toEqual([
      'one',
      'two',
      'four, while the visitor was away',
      'three, written offline',
    ]);
    const shown = await log
      .getByRole('listitem')
      .evaluateAll((items) => items.map((li) => li.querySelector('.text')?.textContent));
    expect(shown).toEqual(peer.stored.map((m) => m.body));
    await poll(() => page.getByText('The connection dropped.', { exact: false }).count()).toBe(0);
    await context.close();
  });

  it('downloads the conversation as a text file only when asked, and speaks Dutch when told to', async () => {
    const context = await newContext(browser, { acceptDownloads: true });
    const peer = await chatPeer(context, { state: 'active', open: true });
    const page = await newPage(context);
    await page.goto(`${base}/chat?lang=nl`);
    await poll(() => page.getByRole('button', { name: 'Verlaat deze pagina' }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('heading', { level: 2 }).innerText()).toBe(
      'In welke taal wil je chatten?',
    );
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('button', { name: 'Start de chat' }).click();
    const box = page.getByRole('textbox', { name: 'Je bericht' });
    await box.fill('Hallo');
    await box.press('Enter');
    peer.operatorSays('Hoi, fijn dat je er bent.');
    await poll(() => page.getByRole('log').innerText()).toContain('fijn dat je er bent');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Gesprek downloaden' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('chat.txt');
    const file = await download.path();
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(
      /^Chatgesprek\n\n\[.*\] Jij: Hallo\n\[.*\] Ons team: Hoi, fijn dat je er bent\.\n$/,
    );
    expect(await traces(page, context)).toEqual(NO_TRACES);
    await context.close();
  });

  it('gives a code only when asked, and continues an earlier chat with it on a new visit', async () => {
    const context = await newContext(browser);
    const peer = await chatPeer(context, { state: 'active', open: true });
    const page = await newPage(context);
    await page.goto(`${base}/chat?lang=en`);
    await startChatWithMouse(page);
    expect(peer.frames.some((f) => f.type === 'want-code')).toBe(false);
    await page.getByRole('textbox', { name: 'Your message' }).fill('Can I come back later?');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.getByRole('button', { name: 'Get a code to continue later' }).click();
    await poll(() => page.getByText(KNOWN_CODE).isVisible()).toBe(true);

    // A new visit: a fresh page, nothing remembered; the code brings the chat back.
    await page.goto(`${base}/chat?lang=en`);
    await poll(() => page.getByRole('button', { name: 'English' }).isVisible()).toBe(true);
    expect(await page.getByRole('log').count()).toBe(0);
    const code = page.getByRole('textbox', { name: 'Your code' });
    await code.fill('KX4M-7PQ2');
    await page.getByRole('button', { name: 'Continue the chat' }).click();
    await poll(() => page.getByText('That is not a code.', { exact: false }).isVisible()).toBe(
      true,
    );
    await code.fill('ZZZZ-ZZZZ-ZZZZ');
    await page.getByRole('button', { name: 'Continue the chat' }).click();
    await poll(() =>
      page.getByText('We could not find a chat with that code.', { exact: false }).isVisible(),
    ).toBe(true);
    await page.getByRole('textbox', { name: 'Your code' }).fill('kx4m 7pq2 rt9w');
    await page.getByRole('button', { name: 'Continue the chat' }).click();
    await poll(() => page.getByRole('log').innerText()).toContain('Can I come back later?');
    expect(peer.frames.filter((f) => f.type === 'continue')).toEqual([
      { type: 'continue', code: 'ZZZZ-ZZZZ-ZZZZ', language: 'en' },
      { type: 'continue', code: KNOWN_CODE, language: 'en' },
    ]);
    expect(await traces(page, context)).toEqual(NO_TRACES);
    await context.close();
  });

  it('fits a narrow phone screen: the panel takes the screen, quick exit and 112 in view, no sideways scroll', async () => {
    const context = await newContext(browser, { viewport: { width: 360, height: 640 } });
    await chatPeer(context, { state: 'queued', open: true, position: 3, waitMinutes: 12 });
    const page = await newPage(context);
    await page.goto(`${base}/host`);
    await page.getByRole('button', { name: 'Chat', exact: true }).click();
    await startChatWithMouse(page);
    const panel = page.locator('#ariadne-chat section');
    const rect = await panel.boundingBox();
    expect(rect).toMatchObject({ x: 0, y: 0, width: 360, height: 640 });
    for (const control of [
      page.getByRole('button', { name: 'Exit this page' }),
      page.getByRole('link', { name: 'In danger? Call 112' }),
    ]) {
      const r = await control.boundingBox();
      expect(r && r.x >= 0 && r.x + r.width <= 360 && r.y >= 0 && r.y + r.height <= 640).toBe(true);
    }
    expect(await panel.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, 'phone');
    await context.close();
  });
});
