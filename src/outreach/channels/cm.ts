// CM.com Business Messaging API as an SMS channel, and the parser of its status-report and
// incoming-message (MO) webhooks.
//
// Documented at:
// - Sending, endpoints, product token: https://developers.cm.com/messaging/docs/integration
//   and https://developers.cm.com/messaging/docs/shared-features
// - Responses and error codes: https://developers.cm.com/messaging/docs/responses-errors-json
// - Status reports (JSON POST): https://developers.cm.com/messaging/docs/incoming-status-report
// - Incoming messages (JSON POST): https://developers.cm.com/messaging/docs/incoming-messages
//
// CM's gateway answers with our own `reference` per message, not an id of its own, so the
// reference (a hash of the idempotency key) is the providerId; status reports carry it back.
//
// Webhook authentication: CM documents no signature on status reports or incoming messages, only
// IP allow-listing. So the webhook URL registered in CM's Channels app carries a long random
// token (?token=…), compared in constant time, and the reverse proxy should also allow only CM's
// published address ranges. A leaked URL lets anyone post fake receipts until the token is
// rotated; that is the limit of what CM offers.

import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { DeliveryReport, DeliveryStatus, SendError, SendResult } from './channel.js';
import {
  acceptWebhook,
  createGatewayChannel,
  errorForStatus,
  finalStatus,
  parseWebhookPart,
  postJson,
  providerError,
  type GatewayChannel,
} from './gateway-base.js';
import {
  GatewayUrl,
  TimeoutMs,
  e164Digits,
  emptyResult,
  parseJsonBody,
  parseJsonResponse,
  parseProviderTime,
  referenceFor,
  toE164,
  truncate,
  type GatewayResponse,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';
import { verifyUrlToken } from './webhook-signatures.js';

/**
 * Default endpoint: CM's endpoint that is not routed through Cloudflare (a US sub-processor) —
 * see PROVIDERS.md. CM's newer docs recommend https://gw.messaging.cm.com/v1.0/message (Cloudflare);
 * an admin may choose it knowingly.
 */
export const CM_DEFAULT_ENDPOINT = 'https://gw.cmtelecom.com/v1.0/message';

export const CmSettings = z.object({
  /** The product token from CM's Channels app (a UUID, with hyphens). */
  productToken: z
    .string()
    .regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, {
      message: 'must be the product token from the Channels app, with hyphens',
    }),
  /** Sender: up to 16 digits, or up to 11 letters/digits (then nobody can reply). */
  sender: z.string().regex(/^(\+?\d{3,16}|[a-zA-Z0-9 ]{1,11})$/, {
    message: 'must be a phone number (max 16 digits) or a name of at most 11 letters and digits',
  }),
  endpoint: GatewayUrl.default(CM_DEFAULT_ENDPOINT),
  /** Secret in the webhook URLs registered at CM (?token=…); at least 32 characters. */
  webhookToken: z.string().min(32),
  /** Most SMS parts one message may use (CM's minimumNumberOfMessageParts/maximum…). */
  maxParts: z.number().int().min(1).max(8).default(8),
  timeoutMs: TimeoutMs,
});
export type CmSettings = z.infer<typeof CmSettings>;

/** A fresh webhook token for the admin to put in the URLs registered at CM. */
export function generateCmWebhookToken(): string {
  return randomBytes(32).toString('base64url');
}

const CmResponse = z.object({
  details: z.string().nullish(),
  errorCode: z.number(),
  messages: z
    .array(
      z.object({
        to: z.string().nullish(),
        status: z.string(),
        reference: z.string().nullish(),
        parts: z.number().nullish(),
        messageDetails: z.string().nullish(),
        messageErrorCode: z.number().nullish(),
      }),
    )
    .default([]),
});

/** CM's JSON POST error codes (responses-errors-json) → what the worker and the job can do. */
function cmError(code: number, text: string | null | undefined): SendError {
  const providerCode = String(code);
  const detail = text ? truncate(text) : `CM error ${code}`;
  switch (code) {
    case 101: // authentication of the request failed
    case 103: // the product token is incorrect
      return providerError('auth_failed', `CM refused the product token: ${detail}`, providerCode);
    case 102: // insufficient balance
      return providerError(
        'rejected',
        `CM account balance is insufficient: ${detail}`,
        providerCode,
      );
    case 302: // invalid To
    case 303: // invalid MSISDN in To
      return providerError('invalid_recipient', `CM: ${detail}`, providerCode);
    case 500: // internal error
    case 999: // unknown error
      return providerError('provider_error', `CM failed: ${detail}`, providerCode);
    default: // 201-203 request errors, 301/304/305 message errors, 401-403 spam/blocked/rejected
      return providerError('rejected', `CM rejected the message: ${detail}`, providerCode);
  }
}

/**
 * CM answers every request, accepted or not, in one shape: a request-level error code and one
 * entry per message, ours found by our reference.
 */
function cmAnswer(response: GatewayResponse, reference: string): SendResult {
  const parsed = CmResponse.safeParse(parseJsonResponse(response.text));
  if (!parsed.success)
    return { ok: false, error: errorForStatus(response.status === 200 ? 502 : response.status) };
  const answer = parsed.data;
  const mine = answer.messages.find((m) => m.reference === reference) ?? answer.messages[0];
  if (response.status === 200 && mine?.status.toLowerCase() === 'accepted') {
    return { ok: true, providerId: reference, ...(mine.parts ? { segments: mine.parts } : {}) };
  }
  if (response.status === 429)
    return {
      ok: false,
      error: errorForStatus(429, String(answer.errorCode), answer.details ?? undefined),
    };
  if (mine && mine.messageErrorCode)
    return { ok: false, error: cmError(mine.messageErrorCode, mine.messageDetails) };
  if (answer.errorCode !== 0)
    return { ok: false, error: cmError(answer.errorCode, answer.details) };
  return { ok: false, error: errorForStatus(response.status >= 400 ? response.status : 502) };
}

export type CmChannel = GatewayChannel<'cm'>;

export function createCmChannel(input: z.input<typeof CmSettings>): CmChannel {
  const settings = CmSettings.parse(input);
  const from = /^\+?\d+$/.test(settings.sender)
    ? settings.sender.replace(/^\+/, '00')
    : settings.sender;
  return createGatewayChannel({
    kind: 'cm',
    timeoutMs: settings.timeoutMs,
    sender: settings.sender,
    request: (message) =>
      postJson(
        settings.endpoint,
        { 'x-cm-producttoken': settings.productToken },
        {
          messages: {
            msg: [
              {
                from,
                to: [{ number: `00${e164Digits(message.to)}` }],
                body: { type: 'auto', content: message.body },
                reference: referenceFor(message.idempotencyKey),
                minimumNumberOfMessageParts: 1,
                maximumNumberOfMessageParts: settings.maxParts,
                allowedChannels: ['SMS'],
              },
            ],
          },
        },
      ),
    answer: (response, message) => cmAnswer(response, referenceFor(message.idempotencyKey)),
  });
}

// ---------------------------------------------------------------------------------------------
// Webhooks

const CmStatusMsg = z.object({
  received: z.string().optional(),
  to: z.string().optional(),
  reference: z.string().min(1),
  status: z.object({
    code: z.union([z.string(), z.number()]).transform(String),
    errorCode: z.union([z.string(), z.number()]).nullish(),
    errorDescription: z.string().nullish(),
  }),
  operator: z.string().nullish(),
});

const CmStatusReport = z.object({
  messages: z.object({ msg: z.union([z.array(CmStatusMsg), CmStatusMsg]) }),
});

const CmInbound = z.object({
  from: z.object({ number: z.string().min(1), name: z.string().nullish() }),
  to: z.object({ number: z.string().min(1) }),
  message: z.object({ text: z.string().nullish(), media: z.unknown().optional() }),
  reference: z.string().nullish(),
  id: z.string().nullish(),
  timeUtc: z.string().optional(),
  channel: z.string().optional(),
});

/** CM status codes: 0 accepted by the operator, 1 rejected, 2 delivered, 3 failed. */
const CM_STATUS: Record<string, DeliveryStatus | undefined> = {
  '1': 'rejected',
  '2': 'delivered',
  '3': 'failed',
};

/**
 * Verifies (URL token) and parses a CM webhook: a status report or an incoming message, told
 * apart by their shape. Throws WebhookError on anything it cannot accept.
 */
export function parseCmWebhook(
  req: WebhookRequest,
  settings: Pick<CmSettings, 'webhookToken'>,
  now = new Date(),
): WebhookResult {
  acceptWebhook(req, ['POST'], 'CM webhooks are POST requests');
  verifyUrlToken({
    url: req.url,
    param: 'token',
    expected: settings.webhookToken,
    what: 'CM webhook',
  });
  const json = parseJsonBody(req, 'CM webhook');
  const result = emptyResult();

  if (typeof json === 'object' && json !== null && 'messages' in json) {
    const { msg: one } = parseWebhookPart(CmStatusReport, json, 'CM status report').messages;
    for (const msg of Array.isArray(one) ? one : [one]) {
      const status = finalStatus(result, CM_STATUS, 'cm', msg.status.code, msg.reference);
      if (!status) continue;
      const detail = [msg.status.code, msg.status.errorCode, msg.status.errorDescription]
        .filter((p) => p !== null && p !== undefined && p !== '')
        .join(' ');
      const report: DeliveryReport = {
        providerId: msg.reference,
        status,
        at: parseProviderTime(msg.received, now),
        detail,
      };
      result.deliveries.push(report);
    }
    return result;
  }

  const mo = parseWebhookPart(CmInbound, json, 'CM incoming message');
  result.inbound.push({
    from: toE164(mo.from.number),
    to: toE164(mo.to.number),
    body: mo.message.text ?? (mo.message.media ? '[media]' : ''),
    at: parseProviderTime(mo.timeUtc, now),
    ...(mo.id ? { providerId: mo.id } : {}),
    ...(mo.reference ? { inReplyTo: mo.reference } : {}),
  });
  return result;
}
