// How src/platform/http/console.ts serves the built console, checked without a browser: the SPA
// fallback, cache headers, the CSP nonce in index.html, server paths left alone, and the clear 503
// before the console is built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConsolePath, registerConsole } from '../../src/platform/http/console.js';

const INDEX = `<!doctype html><html><head>
<meta property="csp-nonce" nonce="__CSP_STYLE_NONCE__" />
<script type="module" src="/assets/app-abc123.js"></script></head><body><div id="root"></div></body></html>`;

let root: string;
let app: FastifyInstance;

async function build(): Promise<FastifyInstance> {
  const a = Fastify();
  // As server.ts does: nonces for style and script, strict policy.
  await a.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'"] },
    },
  });
  a.get('/healthz', async () => ({ status: 'ok' }));
  a.get('/api/things', async () => ({ things: [] }));
  await registerConsole(a, { webDev: false, root });
  await a.ready();
  return a;
}

function writeDist(): void {
  mkdirSync(path.join(root, 'dist', 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'dist', 'index.html'), INDEX);
  writeFileSync(path.join(root, 'dist', 'assets', 'app-abc123.js'), 'console.log(1);');
  // A page's chunk and its styles, fetched when the page is first opened.
  writeFileSync(path.join(root, 'dist', 'assets', 'QueuePage-def456.js'), 'export const x = 1;');
  writeFileSync(path.join(root, 'dist', 'assets', 'QueuePage-def456.css'), '.x{color:red}');
  // The build's manifest (read by scripts/check-console-size.js), never served.
  mkdirSync(path.join(root, 'dist', '.vite'), { recursive: true });
  writeFileSync(path.join(root, 'dist', '.vite', 'manifest.json'), '{"src/main.tsx":{}}');
  writeFileSync(
    path.join(root, 'dist', 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg"/>',
  );
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'ariadne-console-'));
});

afterEach(async () => {
  await app?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('registerConsole (built files)', () => {
  it('answers page paths with index.html carrying the CSP style nonce, never cached', async () => {
    writeDist();
    app = await build();
    for (const url of ['/', '/triage', '/admin/users', '/index.html']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-store');
      const csp = String(res.headers['content-security-policy']);
      const nonce = /style-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeTruthy();
      expect(res.body).toContain(`nonce="${nonce}"`);
      expect(res.body).not.toContain('__CSP_STYLE_NONCE__');
    }
    // A fresh nonce for every response.
    const a = await app.inject({ method: 'GET', url: '/' });
    const b = await app.inject({ method: 'GET', url: '/' });
    expect(a.headers['content-security-policy']).not.toBe(b.headers['content-security-policy']);
  });

  it('caches hashed assets for good and 404s missing ones instead of sending the page', async () => {
    writeDist();
    app = await build();
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    // Every page's chunk alike, as a module script (a browser refuses one of another type).
    for (const [url, type] of [
      ['/assets/QueuePage-def456.js', /^(text|application)\/javascript/],
      ['/assets/QueuePage-def456.css', /^text\/css/],
    ] as const) {
      const chunk = await app.inject({ method: 'GET', url });
      expect(chunk.statusCode, url).toBe(200);
      expect(chunk.headers['content-type'], url).toMatch(type);
      expect(chunk.headers['cache-control'], url).toMatch(
        /max-age=31536000.*immutable|immutable.*max-age=31536000/,
      );
    }
    // A chunk from before a redeploy is a 404, not the page (the console then offers a reload).
    expect((await app.inject({ method: 'GET', url: '/assets/gone-000.js' })).statusCode).toBe(404);
    for (const url of ['/.vite/manifest.json', '/manifest.json']) {
      const res = await app.inject({ method: 'GET', url });
      expect([403, 404], url).toContain(res.statusCode);
      expect(res.body, url).not.toContain('src/main.tsx');
    }
    expect((await app.inject({ method: 'GET', url: '/favicon.svg' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/nothing-here.png' })).statusCode).toBe(404);
    const traversal = await app.inject({ method: 'GET', url: '/assets/..%2f..%2fpackage.json' });
    expect([403, 404]).toContain(traversal.statusCode);
  });

  it('leaves /api, /healthz and /readyz to the server', async () => {
    writeDist();
    app = await build();
    expect((await app.inject({ method: 'GET', url: '/api/things' })).json()).toEqual({
      things: [],
    });
    expect((await app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({
      status: 'ok',
    });
    for (const url of ['/api/unknown', '/api', '/readyz']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).not.toContain('<!doctype html>');
    }
    expect(isConsolePath('/apiary')).toBe(true);
    expect(isConsolePath('/api/users?x=1')).toBe(false);
  });

  it('says how to build the console when it is not built, and picks up a later build', async () => {
    app = await build();
    const res = await app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(503);
    expect(res.body).toBe('Console not built: run npm run build');
    writeDist();
    expect((await app.inject({ method: 'GET', url: '/cases' })).statusCode).toBe(200);
  });
});
