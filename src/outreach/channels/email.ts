// E-mail as a channel: plain-text SMTP out through nodemailer, and inbound mail by webhook — a raw
// MIME message (as an MX/inbound-mail service or a small relay forwards it) signed with
// Ariadne's timestamped HMAC header, parsed with mailparser.
//
// Outbound mail is deliberately plain: one text/plain part, no HTML, no images, no tracking
// pixels or rewritten links, no X-Mailer, and a Message-ID derived from the idempotency key (a
// retry carries the same id, and replies quote it in In-Reply-To). The EHLO name is the sender's
// domain, not this machine's host name.
//
// Documented at: https://nodemailer.com/smtp/ (transport options, timeouts, errors),
// https://nodemailer.com/message/ (message fields), https://nodemailer.com/extras/mailparser/
// (simpleParser), RFC 5321 §4.2 (reply codes) and RFC 5322 §3.6.4 (Message-ID, In-Reply-To).

import { simpleParser, type AddressObject } from 'mailparser';
import { createTransport, type Mail } from 'nodemailer';
import { z } from 'zod';
import type { Channel, OutboundMessage, SendError, SendResult } from './channel.js';
import {
  IdempotencyMemo,
  TimeoutMs,
  WebhookError,
  assertWebhookSize,
  emptyResult,
  headerValue,
  referenceFor,
  truncate,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';
import { ARIADNE_SIGNATURE_HEADER, verifyAriadneWebhook } from './webhook-signatures.js';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export const EmailSettings = z
  .object({
    smtp: z.object({
      host: z.string().min(1),
      port: z.number().int().min(1).max(65535).default(587),
      /** Implicit TLS (port 465). Otherwise STARTTLS, which requireTLS makes mandatory. */
      secure: z.boolean().default(false),
      requireTLS: z.boolean().default(true),
      user: z.string().optional(),
      pass: z.string().optional(),
    }),
    from: z.email(),
    fromName: z.string().max(100).optional(),
    replyTo: z.email().optional(),
    /**
     * One neutral subject for every message. It shows in notification previews on a phone that
     * someone else may hold, so it says nothing about us or why we write; empty by default.
     */
    subject: z.string().max(120).default(''),
    /** Secret of the X-Ariadne-Signature header on inbound-mail webhooks; at least 32 characters. */
    inboundSecret: z.string().min(32),
    timeoutMs: TimeoutMs,
  })
  .refine((s) => s.smtp.secure || s.smtp.requireTLS || LOOPBACK.has(s.smtp.host), {
    message: 'SMTP without TLS is only allowed to a server on this machine',
    path: ['smtp', 'requireTLS'],
  })
  .refine((s) => (s.smtp.user === undefined) === (s.smtp.pass === undefined), {
    message: 'give both user and pass, or neither',
    path: ['smtp', 'user'],
  });
export type EmailSettings = z.infer<typeof EmailSettings>;

const EMAIL_ADDRESS = z.email();

type SmtpFailure = Error & {
  code?: string;
  responseCode?: number;
  command?: string;
  response?: string;
};

/** SMTP stages before the message data: a failure there means nothing was sent. */
const BEFORE_DATA = /^(CONN|EHLO|HELO|LHLO|STARTTLS|AUTH|MAIL|RCPT)/i;

function smtpError(err: SmtpFailure): SendError {
  const providerCode = err.responseCode ? String(err.responseCode) : err.code;
  const base = providerCode ? { providerCode } : {};
  const detail = truncate(err.response ?? err.message);
  const rc = err.responseCode ?? 0;
  const beforeData = err.command === undefined || BEFORE_DATA.test(err.command);
  if (err.code === 'EAUTH' || rc === 530 || rc === 534 || rc === 535) {
    return {
      code: 'auth_failed',
      ...base,
      message: `The SMTP server refused the credentials: ${detail}`,
      retryable: false,
    };
  }
  if (err.code === 'EENVELOPE' || (/^RCPT/i.test(err.command ?? '') && rc >= 500)) {
    return {
      code: 'invalid_recipient',
      ...base,
      message: `The SMTP server refused the address: ${detail}`,
      retryable: false,
    };
  }
  if (rc === 421 || rc === 450 || rc === 451 || rc === 452) {
    return {
      code: 'throttled',
      ...base,
      message: `The SMTP server asks to try later: ${detail}`,
      retryable: true,
    };
  }
  if (rc >= 500) {
    return {
      code: 'rejected',
      ...base,
      message: `The SMTP server rejected the message: ${detail}`,
      retryable: false,
    };
  }
  if (
    err.code === 'ETIMEDOUT' ||
    err.code === 'ECONNECTION' ||
    err.code === 'ESOCKET' ||
    err.code === 'EDNS' ||
    err.code === 'ETLS'
  ) {
    if (beforeData) {
      return {
        code: err.code === 'ETIMEDOUT' ? 'timeout' : 'unreachable',
        ...base,
        message: `The SMTP server could not be reached; nothing was sent (${detail})`,
        retryable: true,
      };
    }
    return {
      code: 'timeout',
      ...base,
      message:
        'The SMTP server stopped answering after the message was handed over; it may have been sent.',
      retryable: false,
    };
  }
  return {
    code: 'provider_error',
    ...base,
    message: `Sending the e-mail failed: ${detail}`,
    retryable: false,
  };
}

export class EmailChannel implements Channel {
  readonly kind = 'email' as const;
  readonly warnings = [] as const;
  readonly repliesPossible = true;
  private readonly transport: Mail<{ messageId: string; accepted: unknown[] }>;
  private readonly memo = new IdempotencyMemo();
  private readonly domain: string;

  constructor(private readonly settings: EmailSettings) {
    this.domain = settings.from.split('@')[1] ?? 'localhost';
    const { smtp, timeoutMs } = settings;
    this.transport = createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      requireTLS: smtp.requireTLS,
      ignoreTLS: !smtp.secure && !smtp.requireTLS,
      name: this.domain,
      ...(smtp.user !== undefined && smtp.pass !== undefined
        ? { auth: { user: smtp.user, pass: smtp.pass } }
        : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      disableFileAccess: true,
      disableUrlAccess: true,
      logger: false,
      debug: false,
    });
  }

  /** The Message-ID this channel gives the message with this idempotency key. */
  messageIdFor(idempotencyKey: string): string {
    return `<${referenceFor(idempotencyKey)}@${this.domain}>`;
  }

  send(message: OutboundMessage): Promise<SendResult> {
    return this.memo.run(message.idempotencyKey, () => this.sendOnce(message));
  }

  private async sendOnce(message: OutboundMessage): Promise<SendResult> {
    if (!EMAIL_ADDRESS.safeParse(message.to).success) {
      return {
        ok: false,
        error: { code: 'invalid_recipient', message: 'not an e-mail address', retryable: false },
      };
    }
    const messageId = this.messageIdFor(message.idempotencyKey);
    try {
      const info = await this.transport.sendMail({
        from: this.settings.fromName
          ? { name: this.settings.fromName, address: this.settings.from }
          : this.settings.from,
        to: message.to,
        ...(this.settings.replyTo ? { replyTo: this.settings.replyTo } : {}),
        subject: message.subject ?? this.settings.subject,
        text: message.body,
        messageId,
        xMailer: false,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      const accepted = info.accepted.length > 0;
      if (!accepted) {
        return {
          ok: false,
          error: {
            code: 'invalid_recipient',
            message: 'The SMTP server accepted no recipient',
            retryable: false,
          },
        };
      }
      return { ok: true, providerId: info.messageId || messageId };
    } catch (err) {
      return { ok: false, error: smtpError(err as SmtpFailure) };
    }
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}

export function createEmailChannel(settings: z.input<typeof EmailSettings>): EmailChannel {
  return new EmailChannel(EmailSettings.parse(settings));
}

// ---------------------------------------------------------------------------------------------
// Inbound mail by webhook

/** Mail with attachments is larger than an SMS event; attachments are not kept, only counted. */
export const MAX_INBOUND_MAIL_BYTES = 10 * 1024 * 1024;

/** Largest HTML part converted to text; larger ones are announced, not shown. */
const MAX_HTML_TO_TEXT = 2_000_000;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

/**
 * Text from an HTML part, for mail that has no text part mailparser could use (it converts HTML
 * only when the HTML part is the message root). Conservative on purpose: scripts, styles and
 * heads are dropped, every tag is removed, a few entities are decoded. The result is only ever
 * shown as text, so nothing here has to be safe to render.
 */
export function htmlToPlainText(html: string): string {
  if (html.length > MAX_HTML_TO_TEXT) return '[HTML message too large to show as text]';
  return html
    .replace(/<(script|style|head|title)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|tr|h[1-6]|blockquote)\s*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name: string) => {
      if (name.startsWith('#')) {
        const code = /^#x/i.test(name) ? parseInt(name.slice(2), 16) : Number(name.slice(1));
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? all;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/ ?\n ?/g, '\n')
    .replace(/\n\s*\n\s*\n+/g, '\n\n')
    .trim();
}

function firstAddress(value: AddressObject | AddressObject[] | undefined): string | undefined {
  const objects = Array.isArray(value) ? value : value ? [value] : [];
  for (const object of objects) {
    for (const entry of object.value) if (entry.address) return entry.address.toLowerCase();
  }
  return undefined;
}

/**
 * Verifies X-Ariadne-Signature (HMAC over timestamp and body, 5-minute window) and parses the raw
 * MIME message into an inbound message. Only text is kept: HTML is converted to text by mailparser
 * and never rendered; attachments are dropped (the worker is told how many there were).
 */
export async function parseEmailWebhook(
  req: WebhookRequest,
  settings: Pick<EmailSettings, 'inboundSecret'>,
  now = new Date(),
): Promise<WebhookResult> {
  if (req.method.toUpperCase() !== 'POST')
    throw new WebhookError('method_not_allowed', 'Inbound mail is POSTed');
  assertWebhookSize(req, MAX_INBOUND_MAIL_BYTES);
  verifyAriadneWebhook({
    secret: settings.inboundSecret,
    header: headerValue(req, ARIADNE_SIGNATURE_HEADER),
    rawBody: req.rawBody,
    now,
  });
  if (req.rawBody.length === 0)
    throw new WebhookError('malformed', 'Inbound mail: the body is empty');
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(req.rawBody, {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: 2_000_000,
    });
  } catch {
    throw new WebhookError('malformed', 'Inbound mail: the body is not a MIME message');
  }
  const from = firstAddress(mail.from);
  const to =
    firstAddress(mail.to) ??
    firstAddress(mail.headers.get('delivered-to') as AddressObject | undefined);
  if (!from || !to) {
    throw new WebhookError(
      'malformed',
      'Inbound mail: the message has no From or To address (is it a MIME message?)',
    );
  }
  const attachments = mail.attachments.length;
  const text =
    (mail.text ?? '').trim() || (typeof mail.html === 'string' ? htmlToPlainText(mail.html) : '');
  const body = attachments > 0 ? `${text}\n\n[${attachments} attachment(s) not kept]`.trim() : text;
  const result = emptyResult();
  result.inbound.push({
    from,
    to,
    body,
    at: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date : now,
    ...(mail.messageId ? { providerId: mail.messageId } : {}),
    ...(mail.inReplyTo ? { inReplyTo: mail.inReplyTo } : {}),
  });
  return result;
}
