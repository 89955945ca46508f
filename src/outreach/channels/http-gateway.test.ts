// The shared pieces of the HTTP adapters: sender checks, number formats, the idempotency memo,
// provider times, and the manual channel that reuses the memo.

import { describe, expect, it } from 'vitest';
import { htmlToPlainText } from './email.js';
import {
  GatewayUrl,
  IdempotencyMemo,
  e164Digits,
  isAlphanumericSender,
  parseProviderTime,
  referenceFor,
  senderWarnings,
  toE164,
} from './http-gateway.js';
import { createManualChannel } from './manual.js';

describe('sender checks', () => {
  it('tells names from numbers', () => {
    expect(isAlphanumericSender('Ariadne')).toBe(true);
    expect(isAlphanumericSender('Info 24')).toBe(true);
    expect(isAlphanumericSender('+31 97 010 000 000')).toBe(false);
    expect(isAlphanumericSender('3197010000000')).toBe(false);
    expect(isAlphanumericSender('1234')).toBe(false);
  });

  it('warns once, in words a worker understands, only for names', () => {
    expect(senderWarnings('Ariadne')).toEqual([
      { code: 'alphanumeric_sender', message: expect.stringMatching(/cannot reply/) as unknown },
    ]);
    expect(senderWarnings('+3197010000000')).toEqual([]);
    expect(senderWarnings(undefined)).toEqual([]);
  });
});

describe('numbers and references', () => {
  it('converts between E.164 and gateway formats', () => {
    expect(e164Digits('+31 6 1234 5678')).toBe('31612345678');
    expect(() => e164Digits('0612345678')).toThrow(/E\.164/);
    expect(toE164('0031612345678')).toBe('+31612345678');
    expect(toE164('31612345678')).toBe('+31612345678');
    expect(toE164('+31612345678')).toBe('+31612345678');
  });

  it('derives a stable, opaque reference from the idempotency key', () => {
    expect(referenceFor('key-1')).toBe(referenceFor('key-1'));
    expect(referenceFor('key-1')).not.toBe(referenceFor('key-2'));
    expect(referenceFor('key-1')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('only accepts https, or http on loopback', () => {
    expect(GatewayUrl.safeParse('https://rest.messagebird.com/messages').success).toBe(true);
    expect(GatewayUrl.safeParse('http://127.0.0.1:8080/x').success).toBe(true);
    expect(GatewayUrl.safeParse('http://rest.messagebird.com/messages').success).toBe(false);
    expect(GatewayUrl.safeParse('not a url').success).toBe(false);
  });
});

describe('provider times', () => {
  it('reads ISO times without a zone as UTC, unix seconds, and falls back to now', () => {
    const now = new Date('2025-01-01T00:00:00Z');
    expect(parseProviderTime('2024-05-01T12:00:00', now).toISOString()).toBe(
      '2024-05-01T12:00:00.000Z',
    );
    expect(parseProviderTime('2024-05-01T12:00:00+02:00', now).toISOString()).toBe(
      '2024-05-01T10:00:00.000Z',
    );
    expect(parseProviderTime('1714564800', now).toISOString()).toBe('2024-05-01T12:00:00.000Z');
    expect(parseProviderTime('garbage', now)).toBe(now);
    expect(parseProviderTime(undefined, now)).toBe(now);
  });
});

describe('IdempotencyMemo', () => {
  it('runs a key once when it succeeds, again when it failed', async () => {
    const memo = new IdempotencyMemo();
    let calls = 0;
    const ok = async () => {
      calls += 1;
      return { ok: true as const, providerId: `p${calls}` };
    };
    const fail = async () => {
      calls += 1;
      return {
        ok: false as const,
        error: { code: 'throttled' as const, message: 'later', retryable: true },
      };
    };
    expect(await memo.run('a', ok)).toEqual({ ok: true, providerId: 'p1' });
    expect(await memo.run('a', ok)).toEqual({ ok: true, providerId: 'p1' });
    expect(await memo.run('b', fail)).toMatchObject({ ok: false });
    expect(await memo.run('b', ok)).toEqual({ ok: true, providerId: 'p3' });
    expect(calls).toBe(3);
  });

  it('forgets the oldest key beyond its capacity', async () => {
    const memo = new IdempotencyMemo(2);
    let calls = 0;
    const ok = async () => ({ ok: true as const, providerId: String(++calls) });
    await memo.run('a', ok);
    await memo.run('b', ok);
    await memo.run('c', ok);
    await memo.run('a', ok);
    expect(calls).toBe(4);
  });
});

describe('manual channel', () => {
  it('records a hand-sent message under a random id, the same id when confirmed twice', async () => {
    const manual = createManualChannel();
    const first = await manual.send({ idempotencyKey: 'm-1', to: '@someone', body: 'hoi' });
    const again = await manual.send({ idempotencyKey: 'm-1', to: '@someone', body: 'hoi' });
    const other = await manual.send({ idempotencyKey: 'm-2', to: '@someone', body: 'hoi' });
    expect(first).toMatchObject({
      ok: true,
      providerId: expect.stringMatching(/^manual-[0-9a-f-]{36}$/) as unknown,
    });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(manual.kind).toBe('manual');
    await manual.close();
  });
});

describe('htmlToPlainText', () => {
  it('drops scripts, styles and tags, keeps line breaks and decodes entities', () => {
    expect(
      htmlToPlainText(
        '<style>p{}</style><p>Ja &amp; nee</p><script>x()</script>tot&nbsp;zo<br>&#128075;&#99999999;',
      ),
    ).toBe('Ja & nee\ntot zo\n👋');
  });
});
