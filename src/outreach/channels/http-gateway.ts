// What every HTTP channel adapter (CM.com, MessageBird/Bird, Twilio, WhatsApp Cloud API, e-mail
// webhooks) builds on: settings checks, sender checks, number formats, one bounded HTTP call with
// timeouts and its transport failures, the webhook request/result shapes and their typed error,
// and an in-process idempotency memo. The channel skeleton made of these parts, and the mapping
// of answers to send outcomes, are in gateway-base.ts. Nothing here logs: request and response
// bodies carry message text and phone numbers, and headers carry credentials.

import { createHash } from 'node:crypto';
import { Agent, errors as undiciErrors, request } from 'undici';
import { z } from 'zod';
import type { DeliveryReport, InboundMessage, SendError, SendResult } from './channel.js';

// ---------------------------------------------------------------------------------------------
// Settings helpers

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * A provider endpoint: https, or plain http only on loopback (the test fixtures). Credentials and
 * message text must never travel in clear text over a network.
 */
export const GatewayUrl = z.string().refine(
  (value) => {
    try {
      const url = new URL(value);
      return (
        url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
      );
    } catch {
      return false;
    }
  },
  { message: 'must be an https:// URL (http:// only for 127.0.0.1 or localhost)' },
);

export const TimeoutMs = z.number().int().min(100).max(120_000).default(15_000);

// ---------------------------------------------------------------------------------------------
// Sender checks

export type ChannelWarningCode = 'alphanumeric_sender';

export interface ChannelWarning {
  code: ChannelWarningCode;
  message: string;
}

/**
 * True when an SMS sender id is a name rather than a number ("Ariadne" rather than "+3197…").
 * Handsets show such a name but cannot answer it: a person who wants to reply cannot.
 */
export function isAlphanumericSender(sender: string): boolean {
  const compact = sender.replace(/[\s\-().]/g, '');
  return !/^\+?\d+$/.test(compact);
}

/** Warnings the console shows next to a channel whose configuration limits what a person can do. */
export function senderWarnings(sender: string | undefined): ChannelWarning[] {
  if (sender === undefined || !isAlphanumericSender(sender)) return [];
  return [
    {
      code: 'alphanumeric_sender',
      message:
        `The sender "${sender}" is a name, not a number: the person cannot reply to these ` +
        'messages. Use a (virtual) mobile number as sender for outreach that expects an answer.',
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Phone numbers

/** "+31612345678" (E.164) → "31612345678", the form most gateways expect. */
export function e164Digits(to: string): string {
  const digits = to.replace(/[\s\-().]/g, '');
  if (!/^\+[1-9]\d{6,14}$/.test(digits)) {
    throw new InvalidRecipient(`not an E.164 phone number (expected +<country><number>)`);
  }
  return digits.slice(1);
}

/** "0031612345678", "31612345678" or "+31612345678" → "+31612345678". */
export function toE164(number: string): string {
  const compact = number.replace(/[\s\-().]/g, '');
  if (compact.startsWith('+')) return compact;
  if (compact.startsWith('00')) return `+${compact.slice(2)}`;
  return /^\d+$/.test(compact) ? `+${compact}` : compact;
}

export class InvalidRecipient extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidRecipient';
  }
}

/** Keyed nowhere, but hashed: a provider-visible reference that reveals nothing about the key. */
export function referenceFor(idempotencyKey: string, length = 32): string {
  return createHash('sha256').update(idempotencyKey).digest('hex').slice(0, length);
}

// ---------------------------------------------------------------------------------------------
// One HTTP call

export interface GatewayResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface GatewayRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** Provider answers are small; anything larger is refused rather than buffered. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Why a call failed before any usable answer arrived. `maybeSent` is true once the request may
 * have reached the provider: retrying then could send the same message twice, which for a person
 * whose phone may be read by someone else is worse than a message that has to be re-sent by hand.
 */
export class TransportFailure extends Error {
  constructor(
    readonly sendError: SendError,
    readonly maybeSent: boolean,
  ) {
    super(sendError.message);
    this.name = 'TransportFailure';
  }
}

/** Each adapter owns one connection pool, closed with the channel. */
export function createGatewayAgent(timeoutMs: number): Agent {
  return new Agent({
    connectTimeout: Math.min(timeoutMs, 10_000),
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    keepAliveTimeout: 30_000,
    connections: 16,
  });
}

export async function callGateway(agent: Agent, req: GatewayRequest): Promise<GatewayResponse> {
  const deadline = AbortSignal.timeout(req.timeoutMs);
  let response: Awaited<ReturnType<typeof request>>;
  try {
    response = await request(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      dispatcher: agent,
      signal: deadline,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
    });
  } catch (err) {
    throw transportFailure(err);
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      size += buf.length;
      if (size > MAX_RESPONSE_BYTES) {
        response.body.destroy();
        throw new TransportFailure(
          {
            code: 'provider_error',
            message: 'The provider answered with more than 1 MB; the answer was not read.',
            retryable: false,
          },
          true,
        );
      }
      chunks.push(buf);
    }
    return {
      status: response.statusCode,
      headers: response.headers,
      text: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (err) {
    if (err instanceof TransportFailure) throw err;
    // The provider started answering, so it had the request: it may have sent the message.
    throw transportFailure(err, true);
  }
}

function transportFailure(err: unknown, answered = false): TransportFailure {
  const code = (err as { code?: string } | null)?.code;
  const name = (err as { name?: string } | null)?.name;
  if (err instanceof undiciErrors.ConnectTimeoutError || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new TransportFailure(
      {
        code: 'unreachable',
        message: 'Could not connect to the provider in time; nothing was sent.',
        retryable: true,
      },
      false,
    );
  }
  if (
    !answered &&
    (code === 'ECONNREFUSED' ||
      code === 'ENOTFOUND' ||
      code === 'EAI_AGAIN' ||
      code === 'EHOSTUNREACH' ||
      code === 'ENETUNREACH')
  ) {
    return new TransportFailure(
      {
        code: 'unreachable',
        providerCode: code,
        message: 'The provider could not be reached; nothing was sent.',
        retryable: true,
      },
      false,
    );
  }
  if (
    err instanceof undiciErrors.HeadersTimeoutError ||
    err instanceof undiciErrors.BodyTimeoutError ||
    name === 'TimeoutError' ||
    name === 'AbortError' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'UND_ERR_ABORTED'
  ) {
    return new TransportFailure(
      {
        code: 'timeout',
        message:
          'The provider did not answer in time. The message may have been sent: check the ' +
          "provider's log before sending it again.",
        retryable: false,
      },
      true,
    );
  }
  return new TransportFailure(
    {
      code: 'unreachable',
      ...(code ? { providerCode: code } : {}),
      message:
        'The connection to the provider broke during the request. The message may have been ' +
        "sent: check the provider's log before sending it again.",
      retryable: false,
    },
    true,
  );
}

/** Provider texts go to the worker's screen, not to logs; keep them short. */
export function truncate(text: string, max = 300): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function parseJsonResponse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Idempotency within one process

/**
 * Remembers the result of every accepted send by idempotency key and joins concurrent sends of
 * the same key, so a retry inside this process never reaches the provider twice. Failures are
 * not remembered (they may be retried). Across processes the outreach job records the provider id
 * before it acknowledges the job; this memo is the last guard, not the only one.
 */
export class IdempotencyMemo {
  private readonly done = new Map<string, SendResult>();
  private readonly running = new Map<string, Promise<SendResult>>();

  constructor(private readonly capacity = 10_000) {}

  async run(key: string, send: () => Promise<SendResult>): Promise<SendResult> {
    const known = this.done.get(key);
    if (known) return known;
    const inFlight = this.running.get(key);
    if (inFlight) return inFlight;
    const attempt = send().then((result) => {
      if (result.ok) this.remember(key, result);
      return result;
    });
    this.running.set(key, attempt);
    try {
      return await attempt;
    } finally {
      this.running.delete(key);
    }
  }

  private remember(key: string, result: SendResult): void {
    this.done.set(key, result);
    if (this.done.size > this.capacity) {
      const oldest = this.done.keys().next();
      if (!oldest.done) this.done.delete(oldest.value);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/** A webhook request as the HTTP layer received it, before any parsing. */
export interface WebhookRequest {
  method: string;
  /**
   * The full URL the provider called, exactly as registered with the provider (scheme, public
   * host, path and query). Behind a proxy, rebuild it from the configured public base URL, not
   * from the Host header, which the caller controls.
   */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/** An inbound message plus what links it to our outbound message, when the provider says. */
export interface ParsedInbound extends InboundMessage {
  /** The provider id (or our reference) of the message this one answers. */
  inReplyTo?: string;
}

export interface WebhookResult {
  deliveries: DeliveryReport[];
  inbound: ParsedInbound[];
  /** Events that were authentic and well-formed but carry nothing to record (e.g. "sent"). */
  ignored: string[];
}

export type WebhookErrorCode =
  | 'signature_missing'
  | 'signature_invalid'
  | 'stale'
  | 'replayed'
  | 'malformed'
  | 'too_large'
  | 'method_not_allowed';

const WEBHOOK_ERROR_STATUS: Record<WebhookErrorCode, number> = {
  signature_missing: 401,
  signature_invalid: 401,
  stale: 401,
  replayed: 409,
  malformed: 400,
  too_large: 413,
  method_not_allowed: 405,
};

/**
 * A webhook that is refused. The message says why, without echoing the body or any secret.
 * Answering with `status` (non-2xx) makes the provider keep the event and retry it.
 */
export class WebhookError extends Error {
  constructor(
    readonly code: WebhookErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookError';
  }

  get status(): number {
    return WEBHOOK_ERROR_STATUS[this.code];
  }
}

/** Webhook bodies are small; a large one is refused before it is hashed or parsed. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export function assertWebhookSize(req: WebhookRequest, max = MAX_WEBHOOK_BYTES): void {
  if (req.rawBody.length > max) {
    throw new WebhookError('too_large', `Webhook body is larger than ${max} bytes`);
  }
}

export function headerValue(req: WebhookRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()] ?? req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? undefined : first;
}

export function parseJsonBody(req: WebhookRequest, what: string): unknown {
  try {
    return JSON.parse(req.rawBody.toString('utf8')) as unknown;
  } catch {
    throw new WebhookError('malformed', `${what}: the body is not valid JSON`);
  }
}

/** Zod issues as a short list of paths, never values (values are personal data). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}

export function emptyResult(): WebhookResult {
  return { deliveries: [], inbound: [], ignored: [] };
}

/** Hands a parsed webhook to the outreach context, deliveries first. */
export async function dispatchWebhookResult(
  result: WebhookResult,
  events: {
    onDelivery: (r: DeliveryReport) => Promise<void>;
    onInbound: (m: InboundMessage) => Promise<void>;
  },
): Promise<void> {
  for (const report of result.deliveries) await events.onDelivery(report);
  for (const message of result.inbound) await events.onInbound(message);
}

/** "2024-05-01T12:00:00" (no zone) is UTC at these providers; an unparsable time becomes now. */
export function parseProviderTime(value: string | number | undefined, now = new Date()): Date {
  if (value === undefined || value === '') return now;
  if (typeof value === 'number' || /^\d+$/.test(value)) {
    const seconds = Number(value);
    return new Date(seconds * 1000);
  }
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const parsed = new Date(withZone);
  return Number.isNaN(parsed.getTime()) ? now : parsed;
}
