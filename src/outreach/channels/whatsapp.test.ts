// WhatsApp Cloud API adapter against a local Graph API (test/fixtures/gateways/whatsapp.ts) over
// real HTTP on loopback: text and template messages, errors, and signed webhooks + handshake.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  deliverWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/fixtures/gateways/http-fixture.js';
import {
  startWhatsAppFixture,
  type WhatsAppFixture,
} from '../../../test/fixtures/gateways/whatsapp.js';
import type { OutboundMessage } from './channel.js';
import { WebhookError, type WebhookResult } from './http-gateway.js';
import { computeHubSignature256 } from './webhook-signatures.js';
import {
  buildWhatsAppPayload,
  createWhatsAppChannel,
  parseWhatsAppWebhook,
  verifyWhatsAppSubscription,
  type WhatsAppChannel,
} from './whatsapp.js';

const settings = {
  accessToken: 'EAAG-test-access-token-0123456789',
  phoneNumberId: '106540352242922',
  appSecret: 'meta-app-secret-0123456789abcdef',
  verifyToken: 'verify-token-0123456789abcdef',
};
let fixture: WhatsAppFixture;
let channel: WhatsAppChannel;
let receiver: WebhookReceiver;
const results: WebhookResult[] = [];
let hookUrl: string;

const msg = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: key,
  to: '+31612345678',
  body: 'Dank voor je bericht.',
  ...extra,
});

beforeAll(async () => {
  fixture = await startWhatsAppFixture({ ...settings, displayPhoneNumber: '31970100004' });
  channel = createWhatsAppChannel({ ...settings, baseUrl: fixture.baseUrl });
  receiver = await startWebhookReceiver(async (req) => {
    if (req.method === 'GET') {
      return {
        status: 200,
        body: verifyWhatsAppSubscription(new URL(req.url).searchParams, settings.verifyToken),
      };
    }
    results.push(parseWhatsAppWebhook(req, settings));
    return { status: 200 };
  });
  hookUrl = `${receiver.url}/webhooks/whatsapp`;
});
afterAll(async () => {
  await channel.close();
  await fixture.close();
  await receiver.close();
});

describe('WhatsApp channel: sending', () => {
  it('sends a text message without link preview and returns the wamid', async () => {
    const result = await channel.send(msg('wa-text'));
    const sent = fixture.accepted.at(-1)!;
    expect(result).toEqual({ ok: true, providerId: sent.id });
    expect(sent.payload).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '31612345678',
      type: 'text',
      text: { preview_url: false, body: 'Dank voor je bericht.' },
    });
    expect(fixture.requests.at(-1)!.path).toBe(`/v21.0/${settings.phoneNumberId}/messages`);
  });

  it('sends an approved template with body parameters when one is given', async () => {
    const result = await channel.send(
      msg('wa-template', { template: { name: 'follow_up', language: 'nl', parameters: ['Sam'] } }),
    );
    expect(result.ok).toBe(true);
    expect(fixture.accepted.at(-1)!.payload.template).toEqual({
      name: 'follow_up',
      language: { code: 'nl' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Sam' }] }],
    });
    expect(
      buildWhatsAppPayload(msg('x', { template: { name: 't', language: 'en', parameters: [] } }))
        .template,
    ).toEqual({ name: 't', language: { code: 'en' } });
  });

  it('sends once per idempotency key', async () => {
    const before = fixture.requests.length;
    const [a, b] = await Promise.all([channel.send(msg('wa-idem')), channel.send(msg('wa-idem'))]);
    expect(a).toEqual(b);
    expect(fixture.requests.length - before).toBe(1);
  });

  it('maps an invalid token (190) to auth_failed and a non-WhatsApp number (131026) to unreachable', async () => {
    const wrong = createWhatsAppChannel({
      ...settings,
      accessToken: 'EAAG-wrong-token-0123456789',
      baseUrl: fixture.baseUrl,
    });
    expect(await wrong.send(msg('wa-auth'))).toMatchObject({
      ok: false,
      error: { code: 'auth_failed', providerCode: '190', retryable: false },
    });
    await wrong.close();
    expect(await channel.send(msg('wa-nowa', { to: '+99912345678' }))).toMatchObject({
      ok: false,
      error: { code: 'unreachable', providerCode: '131026', retryable: false },
    });
    expect(
      await channel.send(
        msg('wa-tpl', { template: { name: 'unknown_template', language: 'nl', parameters: [] } }),
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'rejected', providerCode: '132001' },
    });
  });

  it('maps 130429 to throttled and 131000 to provider_error, both retryable', async () => {
    fixture.next('throttle', 'server_error');
    expect(await channel.send(msg('wa-429'))).toMatchObject({
      ok: false,
      error: { code: 'throttled', providerCode: '130429', retryable: true },
    });
    expect(await channel.send(msg('wa-500'))).toMatchObject({
      ok: false,
      error: { code: 'provider_error', providerCode: '131000', retryable: true },
    });
  });

  it('times out a silent API without a blind retry; a dead port is unreachable and retryable', async () => {
    const slow = createWhatsAppChannel({ ...settings, baseUrl: fixture.baseUrl, timeoutMs: 300 });
    fixture.next('hang');
    expect(await slow.send(msg('wa-hang'))).toMatchObject({
      ok: false,
      error: { code: 'timeout', retryable: false },
    });
    await slow.close();
    const down = createWhatsAppChannel({
      ...settings,
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(await down.send(msg('wa-down'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
    await down.close();
  });
});

describe('WhatsApp webhooks', () => {
  it('answers the verification handshake only with the right verify token', async () => {
    expect(await fixture.verifyCallback(hookUrl, settings.verifyToken, '1158201444')).toEqual({
      status: 200,
      body: '1158201444',
    });
    expect(await fixture.verifyCallback(hookUrl, 'wrong-verify-token', '1158201444')).toMatchObject(
      { status: 401 },
    );
    expect(() =>
      verifyWhatsAppSubscription(
        { 'hub.mode': 'subscribe', 'hub.challenge': 'x' },
        settings.verifyToken,
      ),
    ).toThrow(WebhookError);
  });

  it('parses messages[] (from, timestamp, reply context) into inbound messages', async () => {
    const reply = await fixture.sendInbound(hookUrl, {
      from: '31612345678',
      text: 'ja graag',
      contextId: 'wamid.abc',
    });
    expect(reply.status).toBe(200);
    const inbound = results.at(-1)!.inbound;
    expect(inbound).toEqual([
      expect.objectContaining({
        from: '+31612345678',
        to: '+31970100004',
        body: 'ja graag',
        inReplyTo: 'wamid.abc',
      }),
    ]);
    expect(Math.abs(inbound[0]!.at.getTime() - Date.now())).toBeLessThan(5000);
  });

  it('parses statuses[] into delivery reports (read counts as delivered, sent is ignored)', async () => {
    const sent = await channel.send(msg('wa-status'));
    if (!sent.ok) throw new Error('send failed');
    await fixture.sendStatus(hookUrl, {
      id: sent.providerId,
      status: 'read',
      recipient: '31612345678',
    });
    expect(results.at(-1)!.deliveries).toEqual([
      expect.objectContaining({ providerId: sent.providerId, status: 'delivered' }),
    ]);
    await fixture.sendStatus(hookUrl, {
      id: sent.providerId,
      status: 'failed',
      recipient: '31612345678',
      errorCode: 131026,
    });
    expect(results.at(-1)!.deliveries[0]).toMatchObject({
      status: 'failed',
      detail: 'failed 131026 Message undeliverable',
    });
    await fixture.sendStatus(hookUrl, {
      id: sent.providerId,
      status: 'sent',
      recipient: '31612345678',
    });
    expect(results.at(-1)!.ignored).toHaveLength(1);
  });

  it('refuses a wrong signature, a missing one and a tampered body, recording nothing', async () => {
    const count = results.length;
    const payload = { object: 'whatsapp_business_account', entry: [] };
    expect(
      await fixture.sendWebhook(hookUrl, payload, { appSecret: 'another-app-secret-0123' }),
    ).toMatchObject({
      status: 401,
      body: 'WhatsApp webhook signature does not match the app secret',
    });
    expect(await fixture.sendWebhook(hookUrl, payload, { omit: true })).toMatchObject({
      status: 401,
      body: 'WhatsApp webhook without an X-Hub-Signature-256 header',
    });
    expect(
      (
        await fixture.sendWebhook(hookUrl, payload, {
          rawBody: JSON.stringify({ ...payload, extra: 1 }),
        })
      ).status,
    ).toBe(401);
    expect(results.length).toBe(count);
  });

  it('answers a signed but malformed body with 400, and keeps working', async () => {
    const body = '{"object":"whatsapp_business_account","entry":[';
    const bad = await deliverWebhook(hookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': computeHubSignature256(settings.appSecret, Buffer.from(body)),
      },
      body,
    });
    expect(bad).toMatchObject({
      status: 400,
      body: 'WhatsApp webhook: the body is not valid JSON',
    });
    const wrongShape = await fixture.sendWebhook(hookUrl, { object: 'page', entry: [] });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body).toMatch(/^WhatsApp webhook: object/);
    expect(
      (await fixture.sendInbound(hookUrl, { from: '31612345678', text: 'nog een' })).status,
    ).toBe(200);
  });

  it('ignores events for another phone number id of the same app', () => {
    const body = Buffer.from(
      JSON.stringify({
        object: 'whatsapp_business_account',
        entry: [
          {
            changes: [
              {
                field: 'messages',
                value: {
                  metadata: { phone_number_id: '999' },
                  messages: [
                    { from: '1', id: 'w', timestamp: '1', type: 'text', text: { body: 'x' } },
                  ],
                },
              },
            ],
          },
        ],
      }),
    );
    const result = parseWhatsAppWebhook(
      {
        method: 'POST',
        url: hookUrl,
        headers: { 'x-hub-signature-256': computeHubSignature256(settings.appSecret, body) },
        rawBody: body,
      },
      settings,
    );
    expect(result.inbound).toEqual([]);
    expect(result.ignored).toHaveLength(1);
  });
});
