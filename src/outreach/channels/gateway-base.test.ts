// The gateway base on its own: a channel built from a minimal provider spec against a local HTTP
// server (one call per key, no call for a bad number, no blind retry after a timeout), the
// reading of answers, provider errors, and the first steps of webhook parsing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  startFixtureServer,
  type FixtureServer,
} from '../../../test/fixtures/gateways/http-fixture.js';
import type { OutboundMessage } from './channel.js';
import {
  acceptWebhook,
  createGatewayChannel,
  errorForStatus,
  finalStatus,
  parseJsonObjectBody,
  parseWebhookPart,
  postForm,
  postJson,
  providerError,
  readAnswer,
} from './gateway-base.js';
import { WebhookError, e164Digits, emptyResult, type WebhookRequest } from './http-gateway.js';

const Accepted = z.object({ id: z.string().min(1) });
const Refused = z.object({ code: z.number() });

function answerOf(status: number, text: string) {
  return readAnswer(
    { status, headers: {}, text },
    {
      accepted: Accepted,
      sent: (a) => ({ ok: true, providerId: a.id }),
      error: Refused,
      failed: (e) => providerError('rejected', `refused ${e.code}`, String(e.code)),
    },
  );
}

describe('reading a provider answer', () => {
  it('takes the id of an accepted message', () => {
    expect(answerOf(201, '{"id":"m-1"}')).toEqual({ ok: true, providerId: 'm-1' });
  });

  it('treats an accepted status with an unreadable body as a provider failure (502)', () => {
    expect(answerOf(200, 'not json')).toMatchObject({
      ok: false,
      error: {
        code: 'provider_error',
        retryable: true,
        message: expect.stringMatching(/502/) as unknown,
      },
    });
  });

  it("maps an error body through the provider's vocabulary, else by HTTP status", () => {
    expect(answerOf(400, '{"code":21}')).toEqual({
      ok: false,
      error: { code: 'rejected', providerCode: '21', message: 'refused 21', retryable: false },
    });
    expect(answerOf(429, '<html>slow down</html>')).toMatchObject({
      ok: false,
      error: { code: 'throttled', retryable: true },
    });
  });
});

describe('send outcomes', () => {
  it('makes only throttling and provider failures retryable', () => {
    expect(providerError('throttled', 't').retryable).toBe(true);
    expect(providerError('provider_error', 'p').retryable).toBe(true);
    expect(providerError('unreachable', 'u').retryable).toBe(false);
    expect(providerError('auth_failed', 'a')).toEqual({
      code: 'auth_failed',
      message: 'a',
      retryable: false,
    });
  });

  it('maps the statuses every provider shares', () => {
    expect(errorForStatus(403).code).toBe('auth_failed');
    expect(errorForStatus(503, 'E1', 'down')).toMatchObject({
      code: 'provider_error',
      providerCode: 'E1',
      message: 'The provider failed (HTTP 503): down',
    });
    expect(errorForStatus(400).code).toBe('rejected');
  });
});

describe('a channel built on the base', () => {
  let server: FixtureServer;
  const msg = (key: string, to = '+31612345678'): OutboundMessage => ({
    idempotencyKey: key,
    to,
    body: 'Hoi',
  });

  beforeAll(async () => {
    server = await startFixtureServer((req, behaviour) =>
      behaviour === 'hang'
        ? 'hang'
        : { status: 201, json: { id: `id-${(JSON.parse(req.body) as { n: string }).n}` } },
    );
  });
  afterAll(async () => {
    await server.close();
  });

  const channelFor = (sender: string | undefined, timeoutMs = 15_000) =>
    createGatewayChannel({
      kind: 'cm',
      timeoutMs,
      sender,
      request: (message) =>
        postJson(`${server.url}/send`, { 'x-key': 'k' }, { n: e164Digits(message.to) }),
      answer: (response) =>
        readAnswer(response, {
          accepted: Accepted,
          sent: (a) => ({ ok: true, providerId: a.id }),
          error: Refused,
          failed: () => providerError('rejected', 'no'),
        }),
    });

  it('sends once per idempotency key, with the JSON and auth headers', async () => {
    const channel = channelFor('+3197010000000');
    const before = server.requests.length;
    const [a, b] = await Promise.all([channel.send(msg('k1')), channel.send(msg('k1'))]);
    await channel.close();
    expect(a).toEqual({ ok: true, providerId: 'id-31612345678' });
    expect(b).toEqual(a);
    expect(server.requests.length - before).toBe(1);
    expect(server.requests.at(-1)!.headers).toMatchObject({
      'x-key': 'k',
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(channel.repliesPossible).toBe(true);
  });

  it('refuses a number that is not E.164 without calling the provider', async () => {
    const channel = channelFor('Ariadne');
    const before = server.requests.length;
    const result = await channel.send(msg('k2', '0612345678'));
    await channel.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_recipient' } });
    expect(server.requests.length).toBe(before);
    expect(channel.repliesPossible).toBe(false);
    expect(channel.warnings.map((w) => w.code)).toEqual(['alphanumeric_sender']);
  });

  it('reports a timeout as maybe sent, and does not remember it as a success', async () => {
    const channel = channelFor(undefined, 300);
    server.next('hang');
    const first = await channel.send(msg('k3'));
    const second = await channel.send(msg('k3'));
    await channel.close();
    expect(first).toMatchObject({ ok: false, error: { code: 'timeout', retryable: false } });
    expect(second).toEqual({ ok: true, providerId: 'id-31612345678' });
  });

  it('posts forms with their own content type', () => {
    const form = new URLSearchParams({ To: '+31612345678' });
    expect(postForm('https://x.test/m', { authorization: 'Basic a' }, form)).toEqual({
      method: 'POST',
      url: 'https://x.test/m',
      headers: {
        authorization: 'Basic a',
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
      },
      body: 'To=%2B31612345678',
    });
  });
});

describe('webhook first steps', () => {
  const req = (method: string, body: string): WebhookRequest => ({
    method,
    url: 'https://ariadne.test/hook',
    headers: { 'content-type': 'application/json' },
    rawBody: Buffer.from(body),
  });
  const codeOf = (fn: () => unknown): string | undefined => {
    try {
      fn();
      return undefined;
    } catch (err) {
      return err instanceof WebhookError ? err.code : 'other';
    }
  };

  it('refuses other methods and oversized bodies', () => {
    expect(codeOf(() => acceptWebhook(req('PUT', '{}'), ['POST'], 'POST only'))).toBe(
      'method_not_allowed',
    );
    expect(codeOf(() => acceptWebhook(req('get', '{}'), ['GET', 'POST'], 'x'))).toBeUndefined();
    expect(
      codeOf(() => acceptWebhook(req('POST', 'x'.repeat(1024 * 1024 + 1)), ['POST'], 'x')),
    ).toBe('too_large');
  });

  it('wants a JSON object, and parts in the documented shape', () => {
    expect(codeOf(() => parseJsonObjectBody(req('POST', '[1]'), 'Hook'))).toBe('malformed');
    expect(parseJsonObjectBody(req('POST', '{"a":"1"}'), 'Hook')).toEqual({ a: '1' });
    expect(() => parseWebhookPart(Accepted, { id: 3 }, 'Hook report')).toThrow(
      /^Hook report: id: /,
    );
    expect(parseWebhookPart(Accepted, { id: 'x' }, 'Hook report')).toEqual({ id: 'x' });
  });

  it('notes statuses that are not final as ignored', () => {
    const result = emptyResult();
    const map = { delivered: 'delivered' as const };
    expect(finalStatus(result, map, 'p', 'delivered', 'm1')).toBe('delivered');
    expect(finalStatus(result, map, 'p', 'buffered', 'm2')).toBeUndefined();
    expect(result.ignored).toEqual(['p status buffered for m2']);
  });
});
