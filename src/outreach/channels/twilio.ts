// Twilio Programmable Messaging as an SMS channel, and the parser of its status callbacks and
// incoming-message webhooks, verified by X-Twilio-Signature.
//
// Documented at:
// - Create a Message (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP basic auth,
//   form-encoded To, From or MessagingServiceSid, Body, StatusCallback; 201 + message resource):
//   https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
// - Error responses ({code, message, more_info, status}) and codes:
//   https://www.twilio.com/docs/api/errors (20003, 20429, 21211, 21408, 21610, 21612, 21614…)
// - Status callback parameters (MessageSid, MessageStatus, ErrorCode…):
//   https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
// - Incoming message webhook parameters (MessageSid, From, To, Body…):
//   https://www.twilio.com/docs/messaging/guides/webhook-request
// - Signatures: https://www.twilio.com/docs/usage/webhooks/webhooks-security
// - EU region (IE1) base URL for data residency:
//   https://www.twilio.com/docs/global-infrastructure/messaging-api-with-twilio-regions

import { z } from 'zod';
import type { Agent } from 'undici';
import type { Channel, DeliveryStatus, OutboundMessage, SendError, SendResult } from './channel.js';
import {
  GatewayUrl,
  IdempotencyMemo,
  TimeoutMs,
  WebhookError,
  assertWebhookSize,
  callGateway,
  createGatewayAgent,
  describeIssues,
  e164Digits,
  emptyResult,
  errorForStatus,
  failureResult,
  headerValue,
  parseJsonResponse,
  senderWarnings,
  truncate,
  type ChannelWarning,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';
import { verifyTwilioSignature, type FormParams } from './webhook-signatures.js';

export const TWILIO_DEFAULT_BASE_URL = 'https://api.twilio.com';
/** Twilio's Ireland region; needs IE1-specific credentials (see PROVIDERS.md). */
export const TWILIO_IE1_BASE_URL = 'https://api.dublin.ie1.twilio.com';

export const TwilioSettings = z
  .object({
    accountSid: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, { message: 'must be an Account SID (AC + 32 hex)' }),
    /** The Auth Token; it also keys the webhook signatures. */
    authToken: z.string().min(16),
    /** A Twilio number or alphanumeric sender id; or use a Messaging Service. */
    from: z.string().min(1).optional(),
    messagingServiceSid: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/)
      .optional(),
    baseUrl: GatewayUrl.default(TWILIO_DEFAULT_BASE_URL),
    /** Where Twilio posts status callbacks for messages sent by this channel. */
    statusCallbackUrl: GatewayUrl.optional(),
    timeoutMs: TimeoutMs,
  })
  .refine((s) => s.from !== undefined || s.messagingServiceSid !== undefined, {
    message: 'needs a sender: from or messagingServiceSid',
    path: ['from'],
  });
export type TwilioSettings = z.infer<typeof TwilioSettings>;

const TwilioMessage = z.object({
  sid: z.string().regex(/^(SM|MM)[0-9a-fA-F]{32}$/),
  status: z.string().optional(),
  num_segments: z.union([z.string(), z.number()]).nullish(),
});

const TwilioErrorBody = z.object({
  code: z.number().nullish(),
  message: z.string().optional(),
  status: z.number().optional(),
});

function twilioError(
  httpStatus: number,
  code: number | null | undefined,
  text: string | undefined,
): SendError {
  const providerCode = code ? String(code) : undefined;
  const base = providerCode ? { providerCode } : {};
  const detail = truncate(text ?? `Twilio error ${code ?? httpStatus}`);
  switch (code ?? 0) {
    case 20003: // authentication failed
      return {
        code: 'auth_failed',
        ...base,
        message: `Twilio refused the credentials: ${detail}`,
        retryable: false,
      };
    case 20429: // too many requests; safe to retry
      return {
        code: 'throttled',
        ...base,
        message: `Twilio is throttling requests: ${detail}`,
        retryable: true,
      };
    case 21211: // invalid To number
    case 21614: // To is not a mobile number
      return { code: 'invalid_recipient', ...base, message: `Twilio: ${detail}`, retryable: false };
    case 21612: // To cannot be reached from this sender
      return { code: 'unreachable', ...base, message: `Twilio: ${detail}`, retryable: false };
    case 21610: // the recipient has replied STOP to this sender
      return {
        code: 'rejected',
        ...base,
        message: `The person has opted out (STOP) of messages from this sender: ${detail}`,
        retryable: false,
      };
    default:
      return code
        ? { ...errorForStatus(httpStatus, providerCode, text), message: `Twilio: ${detail}` }
        : errorForStatus(httpStatus, undefined, text);
  }
}

export class TwilioChannel implements Channel {
  readonly kind = 'twilio' as const;
  readonly warnings: readonly ChannelWarning[];
  private readonly agent: Agent;
  private readonly memo = new IdempotencyMemo();

  constructor(private readonly settings: TwilioSettings) {
    this.warnings = senderWarnings(settings.from);
    this.agent = createGatewayAgent(settings.timeoutMs);
  }

  get repliesPossible(): boolean {
    return this.warnings.length === 0;
  }

  send(message: OutboundMessage): Promise<SendResult> {
    return this.memo.run(message.idempotencyKey, () => this.sendOnce(message));
  }

  private async sendOnce(message: OutboundMessage): Promise<SendResult> {
    const { accountSid, authToken } = this.settings;
    try {
      const form = new URLSearchParams();
      form.set('To', `+${e164Digits(message.to)}`);
      if (this.settings.messagingServiceSid)
        form.set('MessagingServiceSid', this.settings.messagingServiceSid);
      else if (this.settings.from) form.set('From', this.settings.from);
      form.set('Body', message.body);
      if (this.settings.statusCallbackUrl)
        form.set('StatusCallback', this.settings.statusCallbackUrl);
      const url = new URL(
        `/2010-04-01/Accounts/${accountSid}/Messages.json`,
        this.settings.baseUrl,
      ).toString();
      const res = await callGateway(this.agent, {
        method: 'POST',
        url,
        headers: {
          authorization: `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: form.toString(),
        timeoutMs: this.settings.timeoutMs,
      });
      const json = parseJsonResponse(res.text);
      if (res.status === 201 || res.status === 200) {
        const created = TwilioMessage.safeParse(json);
        if (!created.success) return { ok: false, error: errorForStatus(502) };
        const segments = Number(created.data.num_segments ?? 0);
        return { ok: true, providerId: created.data.sid, ...(segments > 0 ? { segments } : {}) };
      }
      const error = TwilioErrorBody.safeParse(json);
      return {
        ok: false,
        error: error.success
          ? twilioError(res.status, error.data.code, error.data.message)
          : errorForStatus(res.status),
      };
    } catch (err) {
      return failureResult(err);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function createTwilioChannel(settings: z.input<typeof TwilioSettings>): TwilioChannel {
  return new TwilioChannel(TwilioSettings.parse(settings));
}

// ---------------------------------------------------------------------------------------------
// Webhooks

const StatusCallback = z.object({
  MessageSid: z.string().min(1),
  MessageStatus: z.string().min(1),
  ErrorCode: z.string().optional(),
  AccountSid: z.string().optional(),
});

const IncomingMessage = z.object({
  MessageSid: z.string().min(1),
  From: z.string().min(1),
  To: z.string().min(1),
  Body: z.string(),
  AccountSid: z.string().optional(),
  NumMedia: z.string().optional(),
});

/** queued/accepted/sending/sent/scheduled are on the way; read counts as delivered. */
const TWILIO_STATUS: Record<string, DeliveryStatus | undefined> = {
  delivered: 'delivered',
  read: 'delivered',
  undelivered: 'failed',
  failed: 'failed',
  canceled: 'rejected',
};

/**
 * Verifies X-Twilio-Signature and parses a Twilio webhook: a status callback (MessageStatus) or an
 * incoming message. `req.url` must be the exact URL configured at Twilio, query included.
 */
export function parseTwilioWebhook(
  req: WebhookRequest,
  settings: Pick<TwilioSettings, 'authToken' | 'accountSid'>,
  now = new Date(),
): WebhookResult {
  if (req.method.toUpperCase() !== 'POST')
    throw new WebhookError('method_not_allowed', 'Twilio webhooks are POST requests');
  assertWebhookSize(req);
  const type = (headerValue(req, 'content-type') ?? '').toLowerCase();
  const isJson = type.includes('application/json');
  const text = req.rawBody.toString('utf8');
  // Form parameters are part of what Twilio signs, so they are read (not trusted) first.
  const pairs: FormParams = isJson ? [] : [...new URLSearchParams(text)];
  verifyTwilioSignature({
    authToken: settings.authToken,
    url: req.url,
    params: pairs,
    signature: headerValue(req, 'x-twilio-signature'),
    rawBody: req.rawBody,
  });

  let params: Record<string, string>;
  if (isJson) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebhookError('malformed', 'Twilio webhook: the body is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new WebhookError('malformed', 'Twilio webhook: the JSON body is not an object');
    }
    params = Object.fromEntries(
      Object.entries(json).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } else {
    params = Object.fromEntries(pairs);
  }
  if (params.AccountSid !== undefined && params.AccountSid !== settings.accountSid) {
    throw new WebhookError('signature_invalid', 'Twilio webhook is for another account');
  }

  const result = emptyResult();
  if ('MessageStatus' in params) {
    const parsed = StatusCallback.safeParse(params);
    if (!parsed.success)
      throw new WebhookError(
        'malformed',
        `Twilio status callback: ${describeIssues(parsed.error)}`,
      );
    const cb = parsed.data;
    const status = TWILIO_STATUS[cb.MessageStatus];
    if (!status) {
      result.ignored.push(`twilio status ${cb.MessageStatus} for ${cb.MessageSid}`);
      return result;
    }
    const detail = cb.ErrorCode ? `${cb.MessageStatus} ${cb.ErrorCode}` : cb.MessageStatus;
    // Twilio's callbacks carry no event time; the time of arrival is the best there is.
    result.deliveries.push({ providerId: cb.MessageSid, status, at: now, detail });
    return result;
  }

  const parsed = IncomingMessage.safeParse(params);
  if (!parsed.success)
    throw new WebhookError('malformed', `Twilio incoming message: ${describeIssues(parsed.error)}`);
  const mo = parsed.data;
  const media = Number(mo.NumMedia ?? 0);
  result.inbound.push({
    from: mo.From,
    to: mo.To,
    body: mo.Body !== '' ? mo.Body : media > 0 ? '[media]' : '',
    at: now,
    providerId: mo.MessageSid,
  });
  return result;
}
