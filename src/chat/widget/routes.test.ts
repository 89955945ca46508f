// How registerChatWidget serves the widget, without a browser: the headers (no-store, no cookies, no
// referrer, the page's strict policy winning over helmet's as server.ts sets it up), the language of
// the page, a hostile Host header, and the clear 503 before a build that a later build ends.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RETENTION_DAYS_MARK } from '../../contracts/chat-protocol.js';
import { chatPageHtml, chatPagePolicy, registerChatWidget } from './routes.js';

let dist: string;
let app: FastifyInstance;

async function build(exitUrl?: string, retentionDays = 30): Promise<FastifyInstance> {
  const a = Fastify();
  // As server.ts registers it for every response: the widget's own headers must win.
  await a.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], connectSrc: ["'self'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await registerChatWidget(a, { distDir: dist, retentionDays, ...(exitUrl ? { exitUrl } : {}) });
  await a.ready();
  return a;
}

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'ariadne-chat-widget-'));
});

afterEach(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('registerChatWidget', () => {
  it('serves widget.js uncached, cookieless, loadable from another origin', async () => {
    writeFileSync(path.join(dist, 'widget.js'), '(()=>{})();');
    app = await build();
    const res = await app.inject({ method: 'GET', url: '/chat/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('(()=>{})();');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('serves /chat with its own strict policy over helmet’s, in the language asked for', async () => {
    writeFileSync(path.join(dist, 'widget.js'), '');
    app = await build('https://weather.example/?a=1&b="2"');
    for (const url of ['/chat', '/chat/', '/chat?lang=en']) {
      const res = await app.inject({ method: 'GET', url, headers: { host: 'ariadne.example' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['content-security-policy']).toBe(chatPagePolicy('ariadne.example'));
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.body).toContain(
        'data-exit-url="https://weather.example/?a=1&amp;b=&quot;2&quot;"',
      );
    }
    expect(chatPagePolicy('ariadne.example')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "connect-src 'self' ws://ariadne.example wss://ariadne.example; base-uri 'none'; " +
        "form-action 'none'; frame-ancestors 'none'",
    );
    const en = await app.inject({ method: 'GET', url: '/chat?lang=en' });
    expect(en.body).toContain('<html lang="en">');
    expect(en.body).toContain('data-lang="en"');
    const unknown = await app.inject({ method: 'GET', url: '/chat?lang=<x>' });
    expect(unknown.body).toContain('<html lang="nl">');
  });

  it('writes the retention period into widget.js, so the start screen can say it', async () => {
    // As the built widget holds it: a string it reads as digits, or knows it was not filled in.
    writeFileSync(
      path.join(dist, 'widget.js'),
      `var d="${RETENTION_DAYS_MARK}";var e='${RETENTION_DAYS_MARK}';`,
    );
    app = await build(undefined, 45);
    const res = await app.inject({ method: 'GET', url: '/chat/widget.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(`var d="45";var e='45';`);
  });

  it('keeps a hostile Host header out of the policy', async () => {
    writeFileSync(path.join(dist, 'widget.js'), '');
    app = await build();
    const res = await app.inject({
      method: 'GET',
      url: '/chat',
      headers: { host: "evil.example; script-src 'unsafe-inline'" },
    });
    expect(res.headers['content-security-policy']).toContain("connect-src 'self';");
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(chatPagePolicy('[::1]:3000')).toContain('ws://[::1]:3000');
  });

  it('answers 503 with what to do before the widget is built, and picks up a later build', async () => {
    app = await build();
    const page = await app.inject({ method: 'GET', url: '/chat' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('The chat is not available right now');
    expect(page.body).toContain('Chat widget not built: run npm run build');
    const js = await app.inject({ method: 'GET', url: '/chat/widget.js' });
    expect(js.statusCode).toBe(503);
    expect(js.body).toBe('Chat widget not built: run npm run build');
    writeFileSync(path.join(dist, 'widget.js'), '1;');
    expect((await app.inject({ method: 'GET', url: '/chat' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/chat/widget.js' })).body).toBe('1;');
  });

  it('writes the page with nothing inline: one script from this server', () => {
    const html = chatPageHtml('nl', undefined);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script src="/chat/widget.js" data-mode="page" data-lang="nl">');
    expect(html).not.toMatch(/<style|\sstyle=|\son\w+=/);
  });
});
