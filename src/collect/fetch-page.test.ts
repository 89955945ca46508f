import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createAddressGuard,
  parseAllowList,
  type AddressGuard,
  type Lookup,
} from '../platform/address-guard.js';
import { fetchPage, FetchFailure, parseRetryAfter, type FetchOptions } from './fetch-page.js';

let server: http.Server;
let base: string;
/** Stands for anything internal (an admin port, a metadata service): it must never be asked. */
let secret: http.Server;
let secretPort: number;
const secretHits: string[] = [];
let guard: AddressGuard;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    switch (url.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        res.end(Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x80, 0x3c, 0x2f, 0x70, 0x3e]));
        return;
      case '/hop':
        res.writeHead(302, { location: '/ok' });
        res.end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop2' });
        res.end();
        return;
      case '/loop2':
        res.writeHead(302, { location: '/loop' });
        res.end();
        return;
      case '/chain': {
        const n = Number(url.searchParams.get('n') ?? '0');
        res.writeHead(302, { location: `/chain?n=${n + 1}` });
        res.end();
        return;
      }
      case '/huge':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('x'.repeat(600_000));
        res.end('x'.repeat(600_000));
        return;
      case '/slow':
        setTimeout(() => res.end('late'), 2000);
        return;
      case '/to-secret':
        res.writeHead(302, { location: `http://127.0.0.1:${secretPort}/admin` });
        res.end();
        return;
      case '/to-secret-v6':
        res.writeHead(302, { location: `http://[::1]:${secretPort}/admin` });
        res.end();
        return;
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        res.end();
        return;
      case '/busy':
        res.writeHead(429, { 'retry-after': '7' });
        res.end();
        return;
      case '/down':
        res.writeHead(503);
        res.end('down');
        return;
      default:
        res.writeHead(404);
        res.end('nope');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Dual-stack, so that every loopback form below would really reach it if the guard let it through.
  secret = http.createServer((req, res) => {
    secretHits.push(req.url ?? '');
    res.end('internal');
  });
  await new Promise<void>((r) => secret.listen(0, '::', r));
  secretPort = (secret.address() as AddressInfo).port;
  // Only the test site is opened (and port 1, for the refused-connection case), not loopback.
  guard = createAddressGuard({ allow: parseAllowList(`${new URL(base).host},127.0.0.1:1`) });
});
afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await new Promise<void>((r) => secret.close(() => r()));
});

const opts = (): FetchOptions => ({
  userAgent: 'test',
  timeoutMs: 500,
  maxBytes: 1_000_000,
  maxRedirects: 5,
  guard,
});

async function failure(url: string, o = opts()): Promise<FetchFailure> {
  try {
    await fetchPage(url, o);
  } catch (err) {
    if (err instanceof FetchFailure) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('fetchPage', () => {
  it('keeps the exact bytes and every redirect hop', async () => {
    const { response, hops } = await fetchPage(`${base}/hop`, opts());
    expect(hops.map((h) => h.status)).toEqual([302]);
    expect(response.url).toBe(`${base}/ok`);
    expect([...response.body]).toEqual([0x3c, 0x70, 0x3e, 0xe9, 0x80, 0x3c, 0x2f, 0x70, 0x3e]);
  });

  it('classifies each failure and says whether a retry can help', async () => {
    const loop = await failure(`${base}/loop`);
    expect(loop.kind).toBe('redirect_limit');
    expect(loop.retryable).toBe(false);
    expect(loop.hops.length).toBeGreaterThan(0);
    expect((await failure(`${base}/chain`)).kind).toBe('redirect_limit');
    const big = await failure(`${base}/huge`);
    expect(big.kind).toBe('too_large');
    const slow = await failure(`${base}/slow`);
    expect(slow.kind).toBe('timeout');
    expect(slow.retryable).toBe(true);
    const busy = await failure(`${base}/busy`);
    expect(busy).toMatchObject({ kind: 'rate_limited', status: 429, retryAfterMs: 7000 });
    expect((await failure(`${base}/down`)).kind).toBe('http_5xx');
    const missing = await failure(`${base}/gone`);
    expect(missing).toMatchObject({ kind: 'http_4xx', status: 404 });
    expect(missing.retryable).toBe(false);
    expect((await failure('http://127.0.0.1:1/')).kind).toBe('network');
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThan(3000);
    expect(parseRetryAfter('soon')).toBeUndefined();
  });
});

describe('fetchPage and internal addresses', () => {
  const refused = async (url: string, o = opts()) => {
    const f = await failure(url, o);
    expect({ url, kind: f.kind }).toEqual({ url, kind: 'address_refused' });
    expect(f.retryable).toBe(false);
    return f;
  };

  it('refuses a private address given directly, in every form the URL parser accepts', async () => {
    const p = secretPort;
    const direct = await refused(`http://127.0.0.1:${p}/`);
    expect(direct.message).toBe('127.0.0.1, a loopback address; not fetched');
    // Decimal, hex, octal and short IPv4 forms all mean 127.0.0.1.
    for (const host of ['2130706433', '0x7f000001', '0x7f.1', '0177.0.0.1', '127.1', '127.0.1'])
      await refused(`http://${host}:${p}/`);
    for (const host of ['[::1]', '[0:0:0:0:0:0:0:1]', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]'])
      await refused(`http://${host}:${p}/`);
    expect((await refused(`http://[::ffff:127.0.0.1]:${p}/`)).message).toBe(
      '::ffff:7f00:1, which embeds 127.0.0.1, a loopback address; not fetched',
    );
    expect((await refused('http://169.254.169.254/latest/meta-data/')).message).toMatch(
      /^169\.254\.169\.254, a link-local address/,
    );
    for (const url of [
      `http://0.0.0.0:${p}/`,
      `http://[::]:${p}/`,
      'http://10.1.2.3/',
      'http://172.16.0.1/',
      'http://192.168.1.1/',
      'http://100.64.0.1/',
      'http://[fd00::1]/',
      'http://[fe80::1]/',
      'http://[64:ff9b::7f00:1]/', // NAT64 of 127.0.0.1
      'http://[2002:c0a8:101::]/', // 6to4 of 192.168.1.1
      'http://224.0.0.1/',
      'http://255.255.255.255/',
    ])
      await refused(url);
    expect(secretHits).toEqual([]);
  });

  it('refuses localhost, resolved for real', async () => {
    const f = await refused(`http://localhost:${secretPort}/`);
    expect(f.message).toMatch(/^localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(secretHits).toEqual([]);
  });

  it('refuses a public-looking name that resolves to loopback, and connects to the checked address', async () => {
    const lookup: Lookup = async (name) => {
      if (name === 'ads.example' || name === 'board.example')
        return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    };
    const port = new URL(base).port;
    const named = createAddressGuard({ allow: parseAllowList(`board.example:${port}`), lookup });
    const f = await refused(`http://ads.example:${secretPort}/`, { ...opts(), guard: named });
    expect(f.message).toBe('ads.example resolves to 127.0.0.1, a loopback address; not fetched');
    // The allow-listed name is fetched from the address the lookup gave (no other resolution).
    const { response } = await fetchPage(`http://board.example:${port}/ok`, {
      ...opts(),
      guard: named,
    });
    expect(response.status).toBe(200);
    // The same name on another port is not what the list opened.
    await refused(`http://board.example:${secretPort}/`, { ...opts(), guard: named });
    expect(secretHits).toEqual([]);
  });

  it('refuses a redirect hop to an internal address and keeps the redirect as evidence', async () => {
    for (const path of ['/to-secret', '/to-secret-v6', '/to-metadata']) {
      const f = await refused(`${base}${path}`);
      expect(f.hops.map((h) => [h.url, h.status])).toEqual([[`${base}${path}`, 302]]);
    }
    expect(secretHits).toEqual([]);
  });
});

describe('fetchPage over TLS through the guard', () => {
  const cert = readFileSync('test/fixtures/tls/board.example.crt');
  const key = readFileSync('test/fixtures/tls/board.example.key');
  let tlsServer: https.Server;
  let port: number;
  beforeAll(async () => {
    tlsServer = https.createServer({ key, cert }, (_req, res) => res.end('over tls'));
    await new Promise<void>((r) => tlsServer.listen(0, '127.0.0.1', r));
    port = (tlsServer.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => tlsServer.close(() => r())));

  // Both names resolve to the server; its certificate is for board.example only.
  const lookup: Lookup = async () => [{ address: '127.0.0.1', family: 4 }];
  const tlsGuard = () =>
    createAddressGuard({
      allow: parseAllowList(`board.example:${port},impostor.example:${port}`),
      lookup,
      connect: { ca: cert },
    });

  it('connects to the checked address and still verifies the certificate for the name', async () => {
    const { response } = await fetchPage(`https://board.example:${port}/`, {
      ...opts(),
      guard: tlsGuard(),
    });
    expect(response.body.toString()).toBe('over tls');
    const wrong = await failure(`https://impostor.example:${port}/`, {
      ...opts(),
      guard: tlsGuard(),
    });
    expect(wrong.kind).toBe('network');
    expect(wrong.message).toMatch(/ERR_TLS_CERT_ALTNAME_INVALID/);
  });
});
