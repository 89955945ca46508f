// CM.com adapter against a local CM gateway (test/fixtures/gateways/cm.ts) over real HTTP on
// loopback: sending, error mapping, throttling, timeouts, idempotency, and both webhooks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCmFixture, type CmFixture } from '../../../test/fixtures/gateways/cm.js';
import {
  closedPort,
  deliverWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/fixtures/gateways/http-fixture.js';
import type { OutboundMessage } from './channel.js';
import {
  CmSettings,
  createCmChannel,
  generateCmWebhookToken,
  parseCmWebhook,
  type CmChannel,
} from './cm.js';
import { WebhookError, type WebhookResult } from './http-gateway.js';

const productToken = '00000000-1111-2222-3333-444444444444';
const webhookToken = generateCmWebhookToken();
let fixture: CmFixture;
let channel: CmChannel;

const msg = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: key,
  to: '+31612345678',
  body: 'Hoi, ik zag je advertentie. Alles goed met je?',
  ...extra,
});

beforeAll(async () => {
  fixture = await startCmFixture({ productToken });
  channel = createCmChannel({
    productToken,
    sender: '+3197010000001',
    endpoint: fixture.endpoint,
    webhookToken,
  });
});
afterAll(async () => {
  await channel.close();
  await fixture.close();
});

describe('CM channel: sending', () => {
  it('sends over the JSON gateway and returns the reference as provider id', async () => {
    const result = await channel.send(msg('cm-ok-1'));
    expect(result).toMatchObject({ ok: true, segments: 1 });
    const sent = fixture.accepted.at(-1)!;
    expect(result.ok && result.providerId).toBe(sent.reference);
    expect(sent.to).toBe('0031612345678');
    expect(sent.from).toBe('003197010000001');
    const request = fixture.requests.at(-1)!;
    expect(request.headers['x-cm-producttoken']).toBe(productToken);
    // The reference is a hash: it reveals neither the key nor anything about the person.
    expect(sent.reference).toMatch(/^[0-9a-f]{32}$/);
  });

  it('reports the number of SMS parts for a long message', async () => {
    const result = await channel.send(msg('cm-long', { body: 'a'.repeat(200) }));
    expect(result).toMatchObject({ ok: true, segments: 2 });
  });

  it('never sends the same idempotency key twice, also when called concurrently', async () => {
    const before = fixture.requests.length;
    const [a, b] = await Promise.all([channel.send(msg('cm-idem')), channel.send(msg('cm-idem'))]);
    const c = await channel.send(msg('cm-idem'));
    expect(fixture.requests.length - before).toBe(1);
    expect(a).toEqual(b);
    expect(c).toEqual(a);
  });

  it('maps a wrong product token to auth_failed (CM error 101), not retryable', async () => {
    const wrong = createCmChannel({
      productToken: '99999999-1111-2222-3333-444444444444',
      sender: 'Ariadne',
      endpoint: fixture.endpoint,
      webhookToken,
    });
    const result = await wrong.send(msg('cm-auth'));
    await wrong.close();
    expect(result).toEqual({
      ok: false,
      error: expect.objectContaining({
        code: 'auth_failed',
        providerCode: '101',
        retryable: false,
      }) as unknown,
    });
  });

  it('maps a number the gateway refuses to invalid_recipient (CM error 303)', async () => {
    const result = await channel.send(msg('cm-bad-number', { to: '+99912345678' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', providerCode: '303', retryable: false },
    });
  });

  it('refuses a number that is not E.164 before calling the gateway', async () => {
    const before = fixture.requests.length;
    const result = await channel.send(msg('cm-not-e164', { to: '0612345678' }));
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', retryable: false },
    });
    expect(fixture.requests.length).toBe(before);
  });

  it('maps HTTP 429 to throttled (retryable) and sends on the retry', async () => {
    fixture.next('throttle');
    const first = await channel.send(msg('cm-throttle'));
    expect(first).toMatchObject({ ok: false, error: { code: 'throttled', retryable: true } });
    const retry = await channel.send(msg('cm-throttle'));
    expect(retry).toMatchObject({ ok: true });
  });

  it('maps an internal gateway error to provider_error (retryable)', async () => {
    fixture.next('server_error');
    const result = await channel.send(msg('cm-500'));
    expect(result).toMatchObject({ ok: false, error: { code: 'provider_error', retryable: true } });
  });

  it('times out a gateway that does not answer, and does not offer a blind retry', async () => {
    const slow = createCmChannel({
      productToken,
      sender: 'Ariadne',
      endpoint: fixture.endpoint,
      webhookToken,
      timeoutMs: 300,
    });
    fixture.next('hang');
    const started = Date.now();
    const result = await slow.send(msg('cm-hang'));
    await slow.close();
    expect(Date.now() - started).toBeLessThan(5000);
    // The request reached the gateway: the message may have gone out.
    expect(result).toMatchObject({ ok: false, error: { code: 'timeout', retryable: false } });
  });

  it('reports an unreachable gateway as unreachable and retryable (nothing was sent)', async () => {
    const port = await closedPort();
    const down = createCmChannel({
      productToken,
      sender: 'Ariadne',
      endpoint: `http://127.0.0.1:${port}/v1.0/message`,
      webhookToken,
    });
    const result = await down.send(msg('cm-down'));
    await down.close();
    expect(result).toMatchObject({ ok: false, error: { code: 'unreachable', retryable: true } });
  });
});

describe('CM channel: settings and sender', () => {
  it('warns that nobody can reply to an alphanumeric sender', () => {
    const named = createCmChannel({
      productToken,
      sender: 'Ariadne',
      endpoint: fixture.endpoint,
      webhookToken,
    });
    expect(named.repliesPossible).toBe(false);
    expect(named.warnings.map((w) => w.code)).toEqual(['alphanumeric_sender']);
    expect(channel.repliesPossible).toBe(true);
    expect(channel.warnings).toEqual([]);
  });

  it('refuses plain http to anything but loopback, and a malformed product token', () => {
    const base = { productToken, sender: 'Ariadne', webhookToken };
    expect(
      CmSettings.safeParse({ ...base, endpoint: 'http://gw.cmtelecom.com/v1.0/message' }).success,
    ).toBe(false);
    expect(CmSettings.safeParse({ ...base, productToken: 'not-a-token' }).success).toBe(false);
    expect(CmSettings.parse(base).endpoint).toBe('https://gw.cmtelecom.com/v1.0/message');
  });
});

describe('CM webhooks', () => {
  let receiver: WebhookReceiver;
  const results: WebhookResult[] = [];
  let hookUrl: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver(async (req) => {
      results.push(parseCmWebhook(req, { webhookToken }));
      return { status: 200 };
    });
    hookUrl = `${receiver.url}/webhooks/cm?token=${encodeURIComponent(webhookToken)}`;
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('parses a delivered status report for a sent message', async () => {
    const sent = await channel.send(msg('cm-dlr'));
    if (!sent.ok) throw new Error('send failed');
    const reply = await fixture.sendStatusReport(hookUrl, {
      reference: sent.providerId,
      to: '0031612345678',
      code: 2,
    });
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.deliveries).toEqual([
      expect.objectContaining({
        providerId: sent.providerId,
        status: 'delivered',
        at: expect.any(Date) as unknown,
      }),
    ]);
  });

  it('maps failed and rejected reports, and ignores "accepted by operator"', async () => {
    await fixture.sendStatusReport(hookUrl, {
      reference: 'r-failed',
      to: '0031612345678',
      code: 3,
      errorCode: 5,
      errorDescription: 'Unknown subscriber',
    });
    expect(results.at(-1)!.deliveries[0]).toMatchObject({
      providerId: 'r-failed',
      status: 'failed',
      detail: '3 5 Unknown subscriber',
    });
    await fixture.sendStatusReport(hookUrl, {
      reference: 'r-accepted',
      to: '0031612345678',
      code: 0,
    });
    expect(results.at(-1)!.deliveries).toEqual([]);
    expect(results.at(-1)!.ignored).toHaveLength(1);
  });

  it('parses an incoming SMS into an inbound message with E.164 numbers', async () => {
    const reply = await fixture.sendInbound(hookUrl, {
      from: '0031612345678',
      to: '003197010000001',
      text: 'wie is dit?',
      reference: 'ref-1',
    });
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.inbound).toEqual([
      expect.objectContaining({
        from: '+31612345678',
        to: '+3197010000001',
        body: 'wie is dit?',
        inReplyTo: 'ref-1',
      }),
    ]);
  });

  it('refuses a webhook with a wrong token (401) and records nothing', async () => {
    const count = results.length;
    const reply = await fixture.sendInbound(`${receiver.url}/webhooks/cm?token=wrong-token`, {
      from: '0031612345678',
      to: '003197010000001',
      text: 'x',
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/token URL parameter does not match/);
    expect(results.length).toBe(count);
  });

  it('refuses a webhook without its token (401)', async () => {
    const count = results.length;
    const reply = await fixture.sendInbound(`${receiver.url}/webhooks/cm`, {
      from: '0031612345678',
      to: '003197010000001',
      text: 'x',
    });
    expect(reply.status).toBe(401);
    expect(reply.body).toMatch(/without its token/);
    expect(results.length).toBe(count);
  });

  it('cannot detect a changed body: CM signs nothing, only the URL token authenticates (documented limit)', () => {
    const body = Buffer.from(
      JSON.stringify({
        from: { number: '0031600000000' },
        to: { number: '003197010000001' },
        message: { text: 'forged' },
      }),
    );
    const parsed = parseCmWebhook(
      { method: 'POST', url: hookUrl, headers: {}, rawBody: body },
      { webhookToken },
    );
    expect(parsed.inbound[0]!.body).toBe('forged');
  });

  it('answers malformed JSON with 400 and a clear error, and keeps working', async () => {
    const count = results.length;
    const bad = await deliverWebhook(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"messages": ',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toBe('CM webhook: the body is not valid JSON');
    const incomplete = await deliverWebhook(hookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"from":{}}',
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.body).toMatch(/^CM incoming message: from\.number/);
    expect(results.length).toBe(count);
    const good = await fixture.sendInbound(hookUrl, {
      from: '0031612345678',
      to: '003197010000001',
      text: 'nog steeds',
    });
    expect(good.status).toBe(200);
  });

  it('throws a typed WebhookError with the status to answer', () => {
    try {
      parseCmWebhook(
        { method: 'GET', url: hookUrl, headers: {}, rawBody: Buffer.alloc(0) },
        { webhookToken },
      );
      expect.fail('should throw');
    } catch (err) {
      expect(err).toBeInstanceOf(WebhookError);
      expect((err as WebhookError).status).toBe(405);
    }
  });
});
