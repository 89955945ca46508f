// MessageBird/Bird adapter against a local MessageBird API (test/fixtures/gateways/messagebird.ts)
// over real HTTP on loopback, and its webhooks signed with MessageBird-Signature-JWT.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  deliverWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/fixtures/gateways/http-fixture.js';
import {
  startMessageBirdFixture,
  type MessageBirdFixture,
} from '../../../test/fixtures/gateways/messagebird.js';
import type { OutboundMessage } from './channel.js';
import type { WebhookResult } from './http-gateway.js';
import {
  createMessageBirdChannel,
  parseMessageBirdWebhook,
  type MessageBirdChannel,
} from './messagebird.js';
import { ReplayGuard, signMessageBirdJwt } from './webhook-signatures.js';

const accessKey = 'live_abcdefghijklmnopqrstuvw';
const signingKey = 'mb-signing-key-0123456789abcdef';
let fixture: MessageBirdFixture;
let channel: MessageBirdChannel;

const msg = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: key,
  to: '+31612345678',
  body: 'Hoi, alles goed?',
  ...extra,
});

beforeAll(async () => {
  fixture = await startMessageBirdFixture({ accessKey, signingKey });
  channel = createMessageBirdChannel({
    accessKey,
    signingKey,
    originator: '+3197010000002',
    endpoint: fixture.endpoint,
  });
});
afterAll(async () => {
  await channel.close();
  await fixture.close();
});

describe('MessageBird channel: sending', () => {
  it('creates a message with AccessKey auth and returns its id', async () => {
    const result = await channel.send(msg('mb-ok'));
    const sent = fixture.accepted.at(-1)!;
    expect(result).toEqual({ ok: true, providerId: sent.id, segments: 1 });
    expect(sent).toMatchObject({
      recipient: '31612345678',
      originator: '3197010000002',
      body: 'Hoi, alles goed?',
    });
    // A reference is what makes MessageBird send status reports at all.
    expect(sent.reference).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sends once per idempotency key', async () => {
    const before = fixture.requests.length;
    const [a, b] = await Promise.all([channel.send(msg('mb-idem')), channel.send(msg('mb-idem'))]);
    expect(a).toEqual(b);
    expect(fixture.requests.length - before).toBe(1);
  });

  it('maps an incorrect access key to auth_failed (error 2)', async () => {
    const wrong = createMessageBirdChannel({
      accessKey: 'live_wrongwrongwrong',
      signingKey,
      originator: 'Ariadne',
      endpoint: fixture.endpoint,
    });
    const result = await wrong.send(msg('mb-auth'));
    await wrong.close();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'auth_failed', providerCode: '2', retryable: false },
    });
  });

  it('maps "no (correct) recipients found" to invalid_recipient (error 10)', async () => {
    const result = await channel.send(msg('mb-bad', { to: '+99912345678' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', providerCode: '10', retryable: false },
    });
  });

  it('maps HTTP 429 to throttled and internal errors to provider_error, both retryable', async () => {
    fixture.next('throttle', 'server_error');
    expect(await channel.send(msg('mb-429'))).toMatchObject({
      ok: false,
      error: { code: 'throttled', retryable: true },
    });
    expect(await channel.send(msg('mb-500'))).toMatchObject({
      ok: false,
      error: { code: 'provider_error', providerCode: '99', retryable: true },
    });
  });

  it('times out a silent API without offering a blind retry; reports a dead port as unreachable', async () => {
    const slow = createMessageBirdChannel({
      accessKey,
      signingKey,
      originator: 'Ariadne',
      endpoint: fixture.endpoint,
      timeoutMs: 300,
    });
    fixture.next('hang');
    expect(await slow.send(msg('mb-hang'))).toMatchObject({
      ok: false,
      error: { code: 'timeout', retryable: false },
    });
    await slow.close();
    const down = createMessageBirdChannel({
      accessKey,
      signingKey,
      originator: 'Ariadne',
      endpoint: `http://127.0.0.1:${await closedPort()}/messages`,
    });
    expect(await down.send(msg('mb-down'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
    await down.close();
  });

  it('warns about an alphanumeric originator', () => {
    const named = createMessageBirdChannel({
      accessKey,
      signingKey,
      originator: 'Ariadne',
      endpoint: fixture.endpoint,
    });
    expect(named.repliesPossible).toBe(false);
    expect(channel.repliesPossible).toBe(true);
  });
});

describe('MessageBird webhooks (MessageBird-Signature-JWT)', () => {
  let receiver: WebhookReceiver;
  const results: WebhookResult[] = [];
  const guard = new ReplayGuard();
  let hookUrl: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(async (req) => {
      results.push(parseMessageBirdWebhook(req, { signingKey }, { replayGuard: guard }));
      return { status: 200 };
    });
    hookUrl = `${receiver.url}/webhooks/messagebird`;
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('parses a signed status report (GET with query parameters)', async () => {
    const sent = await channel.send(msg('mb-dlr'));
    if (!sent.ok) throw new Error('send failed');
    const reply = await fixture.sendStatusReport(hookUrl, {
      id: sent.providerId,
      recipient: '31612345678',
      status: 'delivered',
    });
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.deliveries).toEqual([
      expect.objectContaining({ providerId: sent.providerId, status: 'delivered' }),
    ]);
  });

  it('maps delivery_failed and expired, and ignores "sent"/"buffered"', async () => {
    await fixture.sendStatusReport(hookUrl, {
      id: 'm1',
      recipient: '31612345678',
      status: 'delivery_failed',
      statusErrorCode: '1',
    });
    expect(results.at(-1)!.deliveries[0]).toMatchObject({ providerId: 'm1', status: 'failed' });
    await fixture.sendStatusReport(hookUrl, {
      id: 'm2',
      recipient: '31612345678',
      status: 'expired',
    });
    expect(results.at(-1)!.deliveries[0]).toMatchObject({ status: 'expired' });
    await fixture.sendStatusReport(hookUrl, {
      id: 'm3',
      recipient: '31612345678',
      status: 'buffered',
    });
    expect(results.at(-1)!.ignored).toEqual(['messagebird status buffered for m3']);
  });

  it('parses a signed inbound SMS (form POST)', async () => {
    const reply = await fixture.sendInbound(hookUrl, {
      originator: '31612345678',
      recipient: '3197010000002',
      body: 'wie ben jij',
    });
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.inbound).toEqual([
      expect.objectContaining({ from: '+31612345678', to: '+3197010000002', body: 'wie ben jij' }),
    ]);
  });

  it('refuses a JWT signed with another key', async () => {
    const count = results.length;
    const reply = await fixture.sendInbound(
      hookUrl,
      { originator: '31612345678', recipient: '3197010000002', body: 'x' },
      { signingKey: 'another-key-0123456789' },
    );
    expect(reply).toMatchObject({
      status: 401,
      body: 'MessageBird-Signature-JWT signature does not match the signing key',
    });
    expect(results.length).toBe(count);
  });

  it('refuses a webhook without the header', async () => {
    const reply = await fixture.sendStatusReport(
      hookUrl,
      { id: 'm4', recipient: '31612345678', status: 'delivered' },
      { omit: true },
    );
    expect(reply).toMatchObject({
      status: 401,
      body: 'MessageBird webhook without a MessageBird-Signature-JWT header',
    });
  });

  it('refuses a tampered body (payload_hash) and a tampered URL (url_hash)', async () => {
    const body = await fixture.sendInbound(
      hookUrl,
      { originator: '31612345678', recipient: '3197010000002', body: 'echt' },
      { tamperBody: (b) => b.replace('echt', 'nep') },
    );
    expect(body).toMatchObject({
      status: 401,
      body: 'MessageBird webhook body does not match the signed payload_hash',
    });
    const url = await fixture.sendStatusReport(
      hookUrl,
      { id: 'm5', recipient: '31612345678', status: 'delivery_failed' },
      { tamper: (q) => q.set('status', 'delivered') },
    );
    expect(url.status).toBe(401);
    expect(url.body).toMatch(/url_hash/);
  });

  it('refuses an expired token (replay window) and a token seen before (jti)', async () => {
    const old = await fixture.sendStatusReport(
      hookUrl,
      { id: 'm6', recipient: '31612345678', status: 'delivered' },
      { now: new Date(Date.now() - 10 * 60_000) },
    );
    expect(old).toMatchObject({
      status: 401,
      body: 'MessageBird webhook has expired (exp is in the past)',
    });

    const url = `${hookUrl}?id=m7&recipient=31612345678&status=delivered`;
    const jwt = signMessageBirdJwt({ signingKey, url, rawBody: Buffer.alloc(0) });
    const first = await deliverWebhook(url, {
      method: 'GET',
      headers: { 'messagebird-signature-jwt': jwt },
    });
    const again = await deliverWebhook(url, {
      method: 'GET',
      headers: { 'messagebird-signature-jwt': jwt },
    });
    expect(first.status).toBe(200);
    expect(again).toMatchObject({
      status: 409,
      body: 'MessageBird webhook was already received (same jti)',
    });
  });

  it('refuses an unsigned JWT ("alg": "none")', () => {
    const url = `${hookUrl}?id=m8&recipient=1&status=delivered`;
    const claims = Buffer.from(
      JSON.stringify({ iss: 'MessageBird', exp: 9_999_999_999, jti: 'x' }),
    ).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${claims}.`;
    expect(() =>
      parseMessageBirdWebhook(
        {
          method: 'GET',
          url,
          headers: { 'messagebird-signature-jwt': none },
          rawBody: Buffer.alloc(0),
        },
        { signingKey },
      ),
    ).toThrow('MessageBird-Signature-JWT uses an unsupported algorithm');
  });

  it('answers a signed but malformed JSON body with 400, and keeps working', async () => {
    const body = '{"originator": ';
    const jwt = signMessageBirdJwt({ signingKey, url: hookUrl, rawBody: Buffer.from(body) });
    const bad = await deliverWebhook(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'messagebird-signature-jwt': jwt },
      body,
    });
    expect(bad).toMatchObject({
      status: 400,
      body: 'MessageBird webhook: the body is not valid JSON',
    });
    const good = await fixture.sendInbound(hookUrl, {
      originator: '31612345678',
      recipient: '3197010000002',
      body: 'ok',
    });
    expect(good.status).toBe(200);
  });
});
