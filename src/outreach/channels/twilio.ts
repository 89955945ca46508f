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
import type { DeliveryStatus, SendError } from './channel.js';
import {
  acceptWebhook,
  createGatewayChannel,
  errorForStatus,
  finalStatus,
  parseJsonObjectBody,
  parseWebhookPart,
  postForm,
  providerError,
  readAnswer,
  type GatewayChannel,
} from './gateway-base.js';
import {
  GatewayUrl,
  TimeoutMs,
  WebhookError,
  e164Digits,
  emptyResult,
  headerValue,
  truncate,
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
  const detail = truncate(text ?? `Twilio error ${code ?? httpStatus}`);
  switch (code ?? 0) {
    case 20003: // authentication failed
      return providerError(
        'auth_failed',
        `Twilio refused the credentials: ${detail}`,
        providerCode,
      );
    case 20429: // too many requests; safe to retry
      return providerError('throttled', `Twilio is throttling requests: ${detail}`, providerCode);
    case 21211: // invalid To number
    case 21614: // To is not a mobile number
      return providerError('invalid_recipient', `Twilio: ${detail}`, providerCode);
    case 21612: // To cannot be reached from this sender
      return providerError('unreachable', `Twilio: ${detail}`, providerCode);
    case 21610: // the recipient has replied STOP to this sender
      return providerError(
        'rejected',
        `The person has opted out (STOP) of messages from this sender: ${detail}`,
        providerCode,
      );
    default:
      return code
        ? { ...errorForStatus(httpStatus, providerCode, text), message: `Twilio: ${detail}` }
        : errorForStatus(httpStatus, undefined, text);
  }
}

export type TwilioChannel = GatewayChannel<'twilio'>;

export function createTwilioChannel(input: z.input<typeof TwilioSettings>): TwilioChannel {
  const settings = TwilioSettings.parse(input);
  const { accountSid, authToken } = settings;
  const url = new URL(`/2010-04-01/Accounts/${accountSid}/Messages.json`, settings.baseUrl);
  const basic = Buffer.from(`${accountSid}:${authToken}`).toString('base64');
  return createGatewayChannel({
    kind: 'twilio',
    timeoutMs: settings.timeoutMs,
    sender: settings.from,
    request: (message) => {
      const form = new URLSearchParams();
      form.set('To', `+${e164Digits(message.to)}`);
      if (settings.messagingServiceSid)
        form.set('MessagingServiceSid', settings.messagingServiceSid);
      else if (settings.from) form.set('From', settings.from);
      form.set('Body', message.body);
      if (settings.statusCallbackUrl) form.set('StatusCallback', settings.statusCallbackUrl);
      return postForm(url.toString(), { authorization: `Basic ${basic}` }, form);
    },
    answer: (response) =>
      readAnswer(response, {
        accepted: TwilioMessage,
        sent: (created) => {
          const segments = Number(created.num_segments ?? 0);
          return { ok: true, providerId: created.sid, ...(segments > 0 ? { segments } : {}) };
        },
        error: TwilioErrorBody,
        failed: (error, status) => twilioError(status, error.code, error.message),
      }),
  });
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
  acceptWebhook(req, ['POST'], 'Twilio webhooks are POST requests');
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

  const params: Record<string, string> = isJson
    ? Object.fromEntries(
        Object.entries(parseJsonObjectBody(req, 'Twilio webhook')).filter(
          (e): e is [string, string] => typeof e[1] === 'string',
        ),
      )
    : Object.fromEntries(pairs);
  if (params.AccountSid !== undefined && params.AccountSid !== settings.accountSid) {
    throw new WebhookError('signature_invalid', 'Twilio webhook is for another account');
  }

  const result = emptyResult();
  if ('MessageStatus' in params) {
    const cb = parseWebhookPart(StatusCallback, params, 'Twilio status callback');
    const status = finalStatus(result, TWILIO_STATUS, 'twilio', cb.MessageStatus, cb.MessageSid);
    if (!status) return result;
    const detail = cb.ErrorCode ? `${cb.MessageStatus} ${cb.ErrorCode}` : cb.MessageStatus;
    // Twilio's callbacks carry no event time; the time of arrival is the best there is.
    result.deliveries.push({ providerId: cb.MessageSid, status, at: now, detail });
    return result;
  }

  const mo = parseWebhookPart(IncomingMessage, params, 'Twilio incoming message');
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
