// Twilio adapter against a local Twilio Messages API (test/fixtures/gateways/twilio.ts) over real
// HTTP on loopback, and its status callbacks and incoming messages signed with X-Twilio-Signature.

import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  deliverWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/fixtures/gateways/http-fixture.js';
import { startTwilioFixture, type TwilioFixture } from '../../../test/fixtures/gateways/twilio.js';
import type { OutboundMessage } from './channel.js';
import type { WebhookResult } from './http-gateway.js';
import {
  TwilioSettings,
  createTwilioChannel,
  parseTwilioWebhook,
  type TwilioChannel,
} from './twilio.js';
import { computeTwilioSignature } from './webhook-signatures.js';

const accountSid = `AC${'a1'.repeat(16)}`;
const authToken = 'twilio-auth-token-0123456789abcdef';
let fixture: TwilioFixture;
let channel: TwilioChannel;
let receiver: WebhookReceiver;
const results: WebhookResult[] = [];

const msg = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: key,
  to: '+31612345678',
  body: 'Hoi, alles goed?',
  ...extra,
});

beforeAll(async () => {
  fixture = await startTwilioFixture({ accountSid, authToken });
  receiver = await startWebhookReceiver(async (req) => {
    results.push(parseTwilioWebhook(req, { authToken, accountSid }));
    return { status: 200, body: '<Response/>' };
  });
  channel = createTwilioChannel({
    accountSid,
    authToken,
    from: '+3197010000003',
    baseUrl: fixture.baseUrl,
    statusCallbackUrl: `${receiver.url}/webhooks/twilio/status`,
  });
});
afterAll(async () => {
  await channel.close();
  await fixture.close();
  await receiver.close();
});

describe('Twilio channel: sending', () => {
  it('creates a message (basic auth, form-encoded) and returns its SID', async () => {
    const result = await channel.send(msg('tw-ok'));
    const sent = fixture.accepted.at(-1)!;
    expect(result).toEqual({ ok: true, providerId: sent.sid, segments: 1 });
    expect(sent).toMatchObject({
      to: '+31612345678',
      from: '+3197010000003',
      statusCallback: `${receiver.url}/webhooks/twilio/status`,
    });
    expect(fixture.requests.at(-1)!.headers['content-type']).toBe(
      'application/x-www-form-urlencoded',
    );
  });

  it('sends once per idempotency key', async () => {
    const before = fixture.requests.length;
    const [a, b] = await Promise.all([channel.send(msg('tw-idem')), channel.send(msg('tw-idem'))]);
    expect(a).toEqual(b);
    expect(fixture.requests.length - before).toBe(1);
  });

  it('maps 20003 to auth_failed, 21211 to invalid_recipient', async () => {
    const wrong = createTwilioChannel({
      accountSid,
      authToken: 'wrong-token-0123456789',
      from: '+3197010000003',
      baseUrl: fixture.baseUrl,
    });
    expect(await wrong.send(msg('tw-auth'))).toMatchObject({
      ok: false,
      error: { code: 'auth_failed', providerCode: '20003', retryable: false },
    });
    await wrong.close();
    expect(await channel.send(msg('tw-bad', { to: '+99912345678' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', providerCode: '21211', retryable: false },
    });
  });

  it('maps 20429 to throttled (retryable) and 5xx to provider_error', async () => {
    fixture.next('throttle', 'server_error');
    expect(await channel.send(msg('tw-429'))).toMatchObject({
      ok: false,
      error: { code: 'throttled', providerCode: '20429', retryable: true },
    });
    expect(await channel.send(msg('tw-500'))).toMatchObject({
      ok: false,
      error: { code: 'provider_error', retryable: true },
    });
  });

  it('times out a silent API without a blind retry; a dead port is unreachable and retryable', async () => {
    const slow = createTwilioChannel({
      accountSid,
      authToken,
      from: '+3197010000003',
      baseUrl: fixture.baseUrl,
      timeoutMs: 300,
    });
    fixture.next('hang');
    expect(await slow.send(msg('tw-hang'))).toMatchObject({
      ok: false,
      error: { code: 'timeout', retryable: false },
    });
    await slow.close();
    const down = createTwilioChannel({
      accountSid,
      authToken,
      from: '+3197010000003',
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(await down.send(msg('tw-down'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
    await down.close();
  });

  it('needs a sender, and warns about an alphanumeric one', () => {
    expect(TwilioSettings.safeParse({ accountSid, authToken }).success).toBe(false);
    const named = createTwilioChannel({
      accountSid,
      authToken,
      from: 'Ariadne',
      baseUrl: fixture.baseUrl,
    });
    expect(named.warnings.map((w) => w.code)).toEqual(['alphanumeric_sender']);
    expect(channel.repliesPossible).toBe(true);
  });
});

describe('Twilio webhooks (X-Twilio-Signature)', () => {
  it('parses a signed status callback into a delivery report', async () => {
    const sent = await channel.send(msg('tw-dlr'));
    if (!sent.ok) throw new Error('send failed');
    const url = fixture.accepted.at(-1)!.statusCallback!;
    expect((await fixture.sendStatusCallback(url, sent.providerId, 'delivered')).status).toBe(200);
    expect(results.at(-1)!.deliveries).toEqual([
      expect.objectContaining({ providerId: sent.providerId, status: 'delivered' }),
    ]);
    await fixture.sendStatusCallback(url, sent.providerId, 'undelivered', '30003');
    expect(results.at(-1)!.deliveries[0]).toMatchObject({
      status: 'failed',
      detail: 'undelivered 30003',
    });
    await fixture.sendStatusCallback(url, sent.providerId, 'sent');
    expect(results.at(-1)!.ignored).toHaveLength(1);
  });

  it('parses a signed incoming message, query string included in the signed URL', async () => {
    const url = `${receiver.url}/webhooks/twilio/inbound?channel=sms-1`;
    const reply = await fixture.sendIncoming(url, {
      from: '+31612345678',
      to: '+3197010000003',
      body: 'wie is dit',
    });
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.inbound).toEqual([
      expect.objectContaining({
        from: '+31612345678',
        to: '+3197010000003',
        body: 'wie is dit',
        providerId: expect.stringMatching(/^SM/) as unknown,
      }),
    ]);
  });

  it('refuses a wrong signature, a missing one and a tampered body, recording nothing', async () => {
    const url = `${receiver.url}/webhooks/twilio/inbound`;
    const count = results.length;
    const params = {
      AccountSid: accountSid,
      MessageSid: 'SM1',
      From: '+31612345678',
      To: '+3197010000003',
      Body: 'hallo',
    };
    expect(
      await fixture.sendWebhook(url, params, { authToken: 'another-token-0123456789' }),
    ).toMatchObject({
      status: 401,
      body: expect.stringMatching(/signature does not match/) as unknown,
    });
    expect(await fixture.sendWebhook(url, params, { omit: true })).toMatchObject({
      status: 401,
      body: 'Twilio webhook without an X-Twilio-Signature header',
    });
    expect(
      (await fixture.sendWebhook(url, params, { tamperBody: (b) => b.replace('hallo', 'dag') }))
        .status,
    ).toBe(401);
    expect(results.length).toBe(count);
  });

  it('refuses a webhook signed for another URL (a replay to a different endpoint)', async () => {
    const params: Array<[string, string]> = [
      ['AccountSid', accountSid],
      ['MessageSid', 'SM2'],
      ['MessageStatus', 'delivered'],
    ];
    const signature = computeTwilioSignature(authToken, `${receiver.url}/webhooks/other`, params);
    const reply = await deliverWebhook(`${receiver.url}/webhooks/twilio/status`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': signature,
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(reply.status).toBe(401);
  });

  it('verifies JSON bodies through bodySHA256, and answers malformed JSON with 400', async () => {
    const body = '{"MessageSid":"SM3","MessageStatus":"delivered"';
    const url = `${receiver.url}/webhooks/twilio/status?bodySHA256=${createHash('sha256').update(body).digest('hex')}`;
    const signature = computeTwilioSignature(authToken, url, []);
    const reply = await deliverWebhook(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': signature },
      body,
    });
    expect(reply).toMatchObject({
      status: 400,
      body: 'Twilio webhook: the body is not valid JSON',
    });
    const tampered = await deliverWebhook(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twilio-signature': signature },
      body: `${body}}`,
    });
    expect(tampered).toMatchObject({
      status: 401,
      body: 'Twilio webhook body does not match its bodySHA256',
    });
  });

  it('refuses a signed webhook for another account', () => {
    const url = `${receiver.url}/webhooks/twilio/status`;
    const params: Array<[string, string]> = [
      ['AccountSid', `AC${'b2'.repeat(16)}`],
      ['MessageSid', 'SM4'],
      ['MessageStatus', 'delivered'],
    ];
    const req = {
      method: 'POST',
      url,
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(authToken, url, params),
      },
      rawBody: Buffer.from(new URLSearchParams(params).toString()),
    };
    expect(() => parseTwilioWebhook(req, { authToken, accountSid })).toThrow(
      'Twilio webhook is for another account',
    );
  });
});
