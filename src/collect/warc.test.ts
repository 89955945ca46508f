import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildCaptureWarc, buildWarcInfo, verifyWarc } from './warc.js';

const response = {
  url: 'http://127.0.0.1:9/ad/1?x=1',
  method: 'GET' as const,
  requestHeaders: { 'user-agent': 'AriadneBot' },
  status: 200,
  statusText: 'OK',
  headers: [
    ['content-type', 'text/html; charset=windows-1252'],
    ['transfer-encoding', 'chunked'],
  ] as [string, string][],
  body: Buffer.from([0x3c, 0x70, 0x3e, 0xe9, 0x3c, 0x2f, 0x70, 0x3e]),
  fetchedAt: new Date('2026-11-20T10:00:00.000Z'),
};

describe('WARC captures', () => {
  it('writes a request and a response record whose sha256 digests verify', async () => {
    const capture = await buildCaptureWarc(response);
    const text = gunzipSync(Buffer.from(capture.data)).toString('latin1');
    expect(text).toMatch(/WARC-Type: response/);
    expect(text).toMatch(/WARC-Type: request/);
    expect(text).toMatch(/WARC-Target-URI: http:\/\/127\.0\.0\.1:9\/ad\/1\?x=1/);
    expect(text).toMatch(/WARC-Date: 2026-11-20T10:00:00/);
    expect(text).toMatch(/WARC-Payload-Digest: sha256:[0-9a-f]{64}/);
    expect(text).toMatch(/WARC-Block-Digest: sha256:[0-9a-f]{64}/);
    expect(text).not.toMatch(/transfer-encoding/i);
    expect(text).toContain('\u00e9');
    const info = await buildWarcInfo('x.warc.gz', { software: 'Ariadne' });
    const checks = await verifyWarc(Buffer.concat([Buffer.from(info), Buffer.from(capture.data)]));
    expect(checks.map((c) => [c.type, c.ok])).toEqual([
      ['warcinfo', true],
      ['response', true],
      ['request', true],
    ]);
  });

  it('finds a payload changed after capture', async () => {
    const capture = await buildCaptureWarc(response);
    const raw = gunzipSync(Buffer.from(capture.data));
    const at = raw.indexOf(Buffer.from([0xe9]));
    raw[at] = 0xea;
    const checks = await verifyWarc(raw);
    expect(checks.find((c) => c.type === 'response')?.problems).toEqual(
      expect.arrayContaining([
        'WARC-Block-Digest does not match the record',
        'WARC-Payload-Digest does not match the payload',
      ]),
    );
  });

  it('reports an unreadable file instead of throwing', async () => {
    const checks = await verifyWarc(Buffer.from('definitely not a warc'));
    expect(checks.every((c) => c.ok)).toBe(false);
  });
});
