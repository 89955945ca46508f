// MessageBird (now Bird) SMS REST API as a channel, and the parser of its status reports and
// inbound SMS webhooks, verified by MessageBird-Signature-JWT.
//
// Documented at:
// - Send outbound SMS (POST /messages, AccessKey auth, 201 + message object; errors array):
//   https://developers.messagebird.com/api/sms-messaging/#send-outbound-sms
//   https://developers.messagebird.com/api/#api-errors
// - Status reports (GET to the status report URL with id, reference, recipient, status,
//   statusDatetime, statusReason, statusErrorCode; only for messages that have a reference):
//   https://developers.messagebird.com/api/sms-messaging/#handle-a-status-report
//   https://docs.bird.com/connectivity-platform/getting-started/receiving-delivery-reports-dlrs
// - Inbound SMS forwarded to a URL (id, originator, recipient, body, createdDatetime):
//   https://developers.messagebird.com/api/sms-messaging/#receive-a-message
// - Request signing (MessageBird-Signature-JWT): https://developers.messagebird.com/docs/verify-http-requests
//   and the reference implementation in messagebird-nodejs lib/webhook-signature-jwt.js.

import { z } from 'zod';
import type { DeliveryStatus, SendError } from './channel.js';
import {
  acceptWebhook,
  createGatewayChannel,
  finalStatus,
  parseJsonObjectBody,
  parseWebhookPart,
  postJson,
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
  parseProviderTime,
  referenceFor,
  toE164,
  truncate,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';
import { verifyMessageBirdJwt, type ReplayGuard } from './webhook-signatures.js';

export const MESSAGEBIRD_DEFAULT_ENDPOINT = 'https://rest.messagebird.com/messages';
export const MESSAGEBIRD_SIGNATURE_HEADER = 'messagebird-signature-jwt';

export const MessageBirdSettings = z.object({
  /** A live access key from the Developers section. */
  accessKey: z.string().min(10),
  /** Originator: a phone number, or up to 11 letters/digits (then nobody can reply). */
  originator: z.string().regex(/^(\+?\d{3,17}|[a-zA-Z0-9 ]{1,11})$/, {
    message: 'must be a phone number or a name of at most 11 letters and digits',
  }),
  /** The signing key that MessageBird uses for MessageBird-Signature-JWT. */
  signingKey: z.string().min(16),
  endpoint: GatewayUrl.default(MESSAGEBIRD_DEFAULT_ENDPOINT),
  /** Per-message status report URL; without it the account-wide URL from the dashboard is used. */
  reportUrl: GatewayUrl.optional(),
  timeoutMs: TimeoutMs,
});
export type MessageBirdSettings = z.infer<typeof MessageBirdSettings>;

const MessageBirdCreated = z.object({
  id: z.string().min(1),
  recipients: z
    .object({
      items: z
        .array(z.object({ status: z.string().optional(), messagePartCount: z.number().optional() }))
        .default([]),
    })
    .optional(),
});

const MessageBirdErrors = z.object({
  errors: z
    .array(
      z.object({
        code: z.number(),
        description: z.string().optional(),
        parameter: z.string().nullish(),
      }),
    )
    .min(1),
});

/** MessageBird API error codes (developers.messagebird.com/api/#api-errors). */
function messageBirdError(
  status: number,
  code: number,
  description?: string,
  parameter?: string | null,
): SendError {
  const providerCode = String(code);
  const detail = truncate(description ?? `MessageBird error ${code}`);
  if (code === 2 || status === 401) {
    return providerError(
      'auth_failed',
      `MessageBird refused the access key: ${detail}`,
      providerCode,
    );
  }
  if (status === 429) {
    return providerError(
      'throttled',
      `MessageBird is throttling requests: ${detail}`,
      providerCode,
    );
  }
  if ((code === 9 || code === 10) && parameter === 'recipients') {
    return providerError('invalid_recipient', `MessageBird: ${detail}`, providerCode);
  }
  if (code === 25) {
    return providerError(
      'rejected',
      `MessageBird balance is insufficient: ${detail}`,
      providerCode,
    );
  }
  if (code === 99 || status >= 500) {
    return providerError('provider_error', `MessageBird failed: ${detail}`, providerCode);
  }
  return providerError('rejected', `MessageBird rejected the message: ${detail}`, providerCode);
}

export type MessageBirdChannel = GatewayChannel<'messagebird'>;

export function createMessageBirdChannel(
  input: z.input<typeof MessageBirdSettings>,
): MessageBirdChannel {
  const settings = MessageBirdSettings.parse(input);
  return createGatewayChannel({
    kind: 'messagebird',
    timeoutMs: settings.timeoutMs,
    sender: settings.originator,
    request: (message) =>
      postJson(
        settings.endpoint,
        { authorization: `AccessKey ${settings.accessKey}` },
        {
          originator: settings.originator.replace(/^\+/, ''),
          recipients: [e164Digits(message.to)],
          body: message.body,
          // Status reports are only sent for messages with a reference.
          reference: referenceFor(message.idempotencyKey),
          datacoding: 'auto',
          ...(settings.reportUrl ? { reportUrl: settings.reportUrl } : {}),
        },
      ),
    answer: (response) =>
      readAnswer(response, {
        accepted: MessageBirdCreated,
        sent: (created) => {
          const parts = created.recipients?.items[0]?.messagePartCount;
          return { ok: true, providerId: created.id, ...(parts ? { segments: parts } : {}) };
        },
        error: MessageBirdErrors,
        failed: ({ errors: [first] }, status) =>
          messageBirdError(status, first!.code, first!.description, first!.parameter),
      }),
  });
}

// ---------------------------------------------------------------------------------------------
// Webhooks

const StatusReport = z.object({
  id: z.string().min(1),
  reference: z.string().optional(),
  recipient: z.string().min(1),
  status: z.string().min(1),
  statusDatetime: z.string().optional(),
  statusReason: z.string().optional(),
  statusErrorCode: z.string().optional(),
});

const InboundSms = z.object({
  id: z.string().optional(),
  originator: z.string().min(1),
  recipient: z.string().min(1),
  body: z.string(),
  createdDatetime: z.string().optional(),
});

/** scheduled/sent/buffered are on the way; these three are final. */
const MB_STATUS: Record<string, DeliveryStatus | undefined> = {
  delivered: 'delivered',
  delivery_failed: 'failed',
  expired: 'expired',
};

function webhookParams(req: WebhookRequest): Record<string, string> {
  const params: Record<string, string> = {};
  let url: URL;
  try {
    url = new URL(req.url);
  } catch {
    throw new WebhookError('malformed', 'MessageBird webhook: the request URL cannot be parsed');
  }
  for (const [key, value] of url.searchParams) params[key] = value;
  if (req.rawBody.length === 0) return params;
  const type = (headerValue(req, 'content-type') ?? '').toLowerCase();
  if (type.includes('application/json')) {
    const json = parseJsonObjectBody(req, 'MessageBird webhook');
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
    }
  } else {
    for (const [key, value] of new URLSearchParams(req.rawBody.toString('utf8')))
      params[key] = value;
  }
  return params;
}

/**
 * Verifies the MessageBird-Signature-JWT of a webhook (URL and body hashes, validity window and,
 * with a ReplayGuard, that its jti is new) and parses it as a status report or an inbound SMS.
 */
export function parseMessageBirdWebhook(
  req: WebhookRequest,
  settings: Pick<MessageBirdSettings, 'signingKey'>,
  options: { now?: Date; replayGuard?: ReplayGuard } = {},
): WebhookResult {
  acceptWebhook(req, ['GET', 'POST'], 'MessageBird webhooks are GET or POST requests');
  verifyMessageBirdJwt({
    signingKey: settings.signingKey,
    jwt: headerValue(req, MESSAGEBIRD_SIGNATURE_HEADER),
    url: req.url,
    rawBody: req.rawBody,
    ...(options.now ? { now: options.now } : {}),
    ...(options.replayGuard ? { replayGuard: options.replayGuard } : {}),
  });
  const now = options.now ?? new Date();
  const params = webhookParams(req);
  const result = emptyResult();

  if ('status' in params) {
    const r = parseWebhookPart(StatusReport, params, 'MessageBird status report');
    const status = finalStatus(result, MB_STATUS, 'messagebird', r.status, r.id);
    if (!status) return result;
    const detail = [r.status, r.statusReason, r.statusErrorCode].filter(Boolean).join(' ');
    result.deliveries.push({
      providerId: r.id,
      status,
      at: parseProviderTime(r.statusDatetime, now),
      detail,
    });
    return result;
  }

  const mo = parseWebhookPart(InboundSms, params, 'MessageBird inbound SMS');
  result.inbound.push({
    from: toE164(mo.originator),
    to: toE164(mo.recipient),
    body: mo.body,
    at: parseProviderTime(mo.createdDatetime, now),
    ...(mo.id ? { providerId: mo.id } : {}),
  });
  return result;
}
