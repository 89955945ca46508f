// How registerVaultWeb serves the person's app, without a browser: the page's strict policy winning
// over helmet's, no-store and no cookies everywhere, the service worker's scope header, only built
// scripts served, the neutral manifest, and the clear 503 before a build.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerVaultWeb, VAULT_PAGE_POLICY } from './web-routes.js';

let dist: string;
let app: FastifyInstance;

async function build(): Promise<FastifyInstance> {
  const a = Fastify();
  await a.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'self'"], scriptSrc: ["'self'"], connectSrc: ["'self'"] },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await registerVaultWeb(a, { distDir: dist, exitUrl: 'https://weather.example/"x' });
  await a.ready();
  return a;
}

beforeEach(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'ariadne-vault-web-'));
});

afterEach(async () => {
  await app?.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('registerVaultWeb', () => {
  it('says plainly that the app is not built, then serves it once it is', async () => {
    app = await build();
    const before = await app.inject({ method: 'GET', url: '/vault/' });
    expect(before.statusCode).toBe(503);
    expect(before.body).toContain('npm run build');
    expect((await app.inject({ method: 'GET', url: '/vault/app.js' })).statusCode).toBe(503);

    writeFileSync(path.join(dist, 'app.js'), 'export {};');
    const page = await app.inject({ method: 'GET', url: '/vault/?lang=en' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toBe(VAULT_PAGE_POLICY);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('<script type="module" src="/vault/app.js"></script>');
    expect(page.body).toContain('data-exit-url="https://weather.example/&quot;x"');
    expect(VAULT_PAGE_POLICY).toContain("frame-ancestors 'none'");
    expect(VAULT_PAGE_POLICY).toContain("worker-src 'self'");
  });

  it('leads /vault to /vault/, the service worker’s scope, keeping the query', async () => {
    app = await build();
    const res = await app.inject({ method: 'GET', url: '/vault?lang=en' });
    expect(res.statusCode).toBe(308);
    expect(res.headers.location).toBe('/vault/?lang=en');
  });

  it('serves the service worker with its scope, and only built scripts', async () => {
    writeFileSync(path.join(dist, 'sw.js'), 'self;');
    writeFileSync(path.join(dist, 'chunk-AbC1.js'), 'export {};');
    app = await build();
    const sw = await app.inject({ method: 'GET', url: '/vault/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['service-worker-allowed']).toBe('/vault/');
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(sw.headers['cache-control']).toBe('no-store');
    expect((await app.inject({ method: 'GET', url: '/vault/chunk-AbC1.js' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/vault/..%2Fpackage.json' })).statusCode).toBe(
      404,
    );
    expect((await app.inject({ method: 'GET', url: '/vault/missing.js' })).statusCode).toBe(404);
  });

  it('names the installed app neutrally when asked', async () => {
    app = await build();
    const usual = await app.inject({ method: 'GET', url: '/vault/manifest.webmanifest?lang=nl' });
    expect(usual.headers['content-type']).toContain('application/manifest+json');
    expect(usual.json()).toMatchObject({
      name: 'Mijn kluis',
      scope: '/vault/',
      start_url: '/vault/',
    });
    const neutral = await app.inject({
      method: 'GET',
      url: '/vault/manifest.webmanifest?lang=en&neutral=1',
    });
    expect(neutral.json()).toMatchObject({ name: 'Notes' });
    expect(neutral.json<{ icons: { src: string }[] }>().icons[0]!.src).toBe(
      '/vault/icon-neutral.svg',
    );
    const icon = await app.inject({ method: 'GET', url: '/vault/icon-neutral.svg' });
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });
});
