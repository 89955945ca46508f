// E-mail channel against a real SMTP server on loopback (smtp-server): what arrives (plain text,
// no tracking, Message-ID = providerId), SMTP errors, timeouts; and inbound mail by signed webhook.

import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  deliverWebhook,
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/fixtures/gateways/http-fixture.js';
import { startSmtpFixture, type SmtpFixture } from '../../../test/fixtures/gateways/smtp.js';
import type { OutboundMessage } from './channel.js';
import {
  EmailSettings,
  createEmailChannel,
  parseEmailWebhook,
  type EmailChannel,
} from './email.js';
import type { WebhookResult } from './http-gateway.js';
import { signAriadneWebhook } from './webhook-signatures.js';

const inboundSecret = 'inbound-mail-secret-0123456789abcdef';
let smtp: SmtpFixture;
let channel: EmailChannel;

const msg = (key: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({
  idempotencyKey: key,
  to: 'sam@example.org',
  subject: 'Je bericht',
  body: 'Hoi Sam,\n\nDank voor je mail. https://example.org/info\n\nGroet',
  ...extra,
});

const settingsFor = (port: number, extra: Record<string, unknown> = {}) => ({
  smtp: { host: '127.0.0.1', port, requireTLS: false, user: 'outreach', pass: 'smtp-pass' },
  from: 'contact@hulp.example.nl',
  fromName: 'Contact',
  inboundSecret,
  ...extra,
});

beforeAll(async () => {
  smtp = await startSmtpFixture({
    user: 'outreach',
    pass: 'smtp-pass',
    rejectRecipient: /^nobody@/,
  });
  channel = createEmailChannel(settingsFor(smtp.port));
});
afterAll(async () => {
  await channel.close();
  await smtp.close();
});

describe('e-mail channel: SMTP out', () => {
  it('delivers one plain-text part with the Message-ID as provider id and no tracking', async () => {
    const result = await channel.send(msg('mail-ok'));
    expect(result).toMatchObject({ ok: true });
    const received = smtp.received.at(-1)!;
    expect(received.to).toEqual(['sam@example.org']);
    expect(received.from).toBe('contact@hulp.example.nl');
    const mail = await simpleParser(received.raw);
    expect(result.ok && result.providerId).toBe(mail.messageId);
    expect(mail.messageId).toBe(channel.messageIdFor('mail-ok'));
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@hulp\.example\.nl>$/);
    expect(mail.subject).toBe('Je bericht');
    expect(mail.text?.trim()).toBe(
      'Hoi Sam,\n\nDank voor je mail. https://example.org/info\n\nGroet',
    );
    expect(mail.html).toBe(false);
    expect(mail.attachments).toEqual([]);
    const raw = received.raw.toString('utf8');
    expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/im);
    expect(raw).not.toMatch(/^X-Mailer:/im);
    expect(raw).not.toMatch(/text\/html|<img|multipart/i);
    // The link is left as written: no redirect or tracking parameters.
    expect(raw).toContain('https://example.org/info');
  });

  it('sends once per idempotency key', async () => {
    const before = smtp.received.length;
    const [a, b] = await Promise.all([
      channel.send(msg('mail-idem')),
      channel.send(msg('mail-idem')),
    ]);
    expect(a).toEqual(b);
    expect(smtp.received.length - before).toBe(1);
  });

  it('maps a refused recipient (550) to invalid_recipient and a bad address to invalid_recipient', async () => {
    expect(await channel.send(msg('mail-550', { to: 'nobody@example.org' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient', retryable: false },
    });
    expect(await channel.send(msg('mail-bad', { to: 'not an address' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_recipient' },
    });
  });

  it('maps wrong SMTP credentials (535) to auth_failed', async () => {
    const wrong = createEmailChannel({
      ...settingsFor(smtp.port),
      smtp: {
        host: '127.0.0.1',
        port: smtp.port,
        requireTLS: false,
        user: 'outreach',
        pass: 'wrong',
      },
    });
    expect(await wrong.send(msg('mail-auth'))).toMatchObject({
      ok: false,
      error: { code: 'auth_failed', retryable: false },
    });
    await wrong.close();
  });

  it('maps "try again later" (451) to throttled and sends on the retry', async () => {
    smtp.throttleNext();
    expect(await channel.send(msg('mail-451'))).toMatchObject({
      ok: false,
      error: { code: 'throttled', providerCode: '451', retryable: true },
    });
    expect(await channel.send(msg('mail-451'))).toMatchObject({ ok: true });
  });

  it('times out a server that never greets (nothing sent: retryable); a dead port is unreachable', async () => {
    const slow = createEmailChannel(settingsFor(smtp.port, { timeoutMs: 300 }));
    smtp.hangNext();
    const started = Date.now();
    expect(await slow.send(msg('mail-hang'))).toMatchObject({
      ok: false,
      error: { code: 'timeout', retryable: true },
    });
    expect(Date.now() - started).toBeLessThan(5000);
    await slow.close();
    const down = createEmailChannel(settingsFor(await closedPort()));
    expect(await down.send(msg('mail-down'))).toMatchObject({
      ok: false,
      error: { code: 'unreachable', retryable: true },
    });
    await down.close();
  });

  it('allows SMTP without TLS only to this machine', () => {
    const remote = { ...settingsFor(25), smtp: { host: 'smtp.example.org', requireTLS: false } };
    expect(EmailSettings.safeParse(remote).success).toBe(false);
    expect(EmailSettings.safeParse({ ...remote, smtp: { host: 'smtp.example.org' } }).success).toBe(
      true,
    );
  });
});

describe('e-mail channel: inbound by webhook', () => {
  let receiver: WebhookReceiver;
  const results: WebhookResult[] = [];
  let hookUrl: string;
  const mime = (extra = '') =>
    [
      'From: Sam <Sam@Example.org>',
      'To: contact@hulp.example.nl',
      'Subject: Re: Je bericht',
      'Date: Tue, 05 Nov 2024 10:00:00 +0000',
      'Message-ID: <reply-1@example.org>',
      `In-Reply-To: ${channel.messageIdFor('mail-ok')}`,
      'MIME-Version: 1.0',
      extra || 'Content-Type: text/plain; charset=utf-8\r\n\r\nJa, ik wil praten.',
    ].join('\r\n');
  const post = (body: string, header?: string) =>
    deliverWebhook(hookUrl, {
      method: 'POST',
      headers: {
        'content-type': 'message/rfc822',
        ...(header ? { 'x-ariadne-signature': header } : {}),
      },
      body,
    });

  beforeAll(async () => {
    receiver = await startWebhookReceiver(async (req) => {
      results.push(await parseEmailWebhook(req, { inboundSecret }));
      return { status: 200 };
    });
    hookUrl = `${receiver.url}/webhooks/email`;
  });
  afterAll(async () => {
    await receiver.close();
  });

  it('parses a signed raw MIME message into an inbound message linked to our Message-ID', async () => {
    const raw = mime();
    const reply = await post(raw, signAriadneWebhook(inboundSecret, Buffer.from(raw)));
    expect(reply.status).toBe(200);
    expect(results.at(-1)!.inbound).toEqual([
      {
        from: 'sam@example.org',
        to: 'contact@hulp.example.nl',
        body: 'Ja, ik wil praten.',
        at: new Date('2024-11-05T10:00:00Z'),
        providerId: '<reply-1@example.org>',
        inReplyTo: channel.messageIdFor('mail-ok'),
      },
    ]);
  });

  it('keeps only text from HTML mail and counts attachments without keeping them', async () => {
    const raw = mime(
      [
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        '',
        '<p>Hallo <b>daar</b></p><img src="https://tracker.example/p.gif"><script>alert(1)</script>',
        '--b1',
        'Content-Type: application/pdf; name="id.pdf"',
        'Content-Transfer-Encoding: base64',
        '',
        'JVBERi0xLjQK',
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const reply = await post(raw, signAriadneWebhook(inboundSecret, Buffer.from(raw)));
    expect(reply.status).toBe(200);
    const body = results.at(-1)!.inbound[0]!.body;
    expect(body).toMatch(/^Hallo (DAAR|daar)/);
    expect(body).toContain('[1 attachment(s) not kept]');
    expect(body).not.toMatch(/<|script|tracker/);
  });

  it('refuses a wrong secret, a missing header, a tampered body and a stale timestamp', async () => {
    const count = results.length;
    const raw = mime();
    const good = signAriadneWebhook(inboundSecret, Buffer.from(raw));
    expect(
      await post(raw, signAriadneWebhook('another-secret-0123456789abcdef0123', Buffer.from(raw))),
    ).toMatchObject({
      status: 401,
      body: 'Webhook signature does not match the configured secret',
    });
    expect(await post(raw)).toMatchObject({
      status: 401,
      body: 'Webhook without an X-Ariadne-Signature header',
    });
    expect((await post(raw.replace('praten', 'betalen'), good)).status).toBe(401);
    const old = signAriadneWebhook(
      inboundSecret,
      Buffer.from(raw),
      new Date(Date.now() - 10 * 60_000),
    );
    expect(await post(raw, old)).toMatchObject({
      status: 401,
      body: 'Webhook timestamp is outside the 5-minute replay window',
    });
    expect(results.length).toBe(count);
  });

  it('answers a signed body that is not a mail message with 400, and keeps working', async () => {
    const junk = '{"not": "mime"}';
    expect(await post(junk, signAriadneWebhook(inboundSecret, Buffer.from(junk)))).toMatchObject({
      status: 400,
      body: 'Inbound mail: the message has no From or To address (is it a MIME message?)',
    });
    const raw = mime();
    expect((await post(raw, signAriadneWebhook(inboundSecret, Buffer.from(raw)))).status).toBe(200);
  });
});
