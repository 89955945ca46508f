import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, FetchFailure, parseRetryAfter } from './fetch-page.js';

let server: http.Server;
let base: string;

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
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const opts = { userAgent: 'test', timeoutMs: 500, maxBytes: 1_000_000, maxRedirects: 5 };

async function failure(url: string, o = opts): Promise<FetchFailure> {
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
    const { response, hops } = await fetchPage(`${base}/hop`, opts);
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
