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
  parseProviderTime,
  referenceFor,
  senderWarnings,
  toE164,
  truncate,
  type ChannelWarning,
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
    return {
      code: 'auth_failed',
      providerCode,
      message: `MessageBird refused the access key: ${detail}`,
      retryable: false,
    };
  }
  if (status === 429) {
    return {
      code: 'throttled',
      providerCode,
      message: `MessageBird is throttling requests: ${detail}`,
      retryable: true,
    };
  }
  if ((code === 9 || code === 10) && parameter === 'recipients') {
    return {
      code: 'invalid_recipient',
      providerCode,
      message: `MessageBird: ${detail}`,
      retryable: false,
    };
  }
  if (code === 25) {
    return {
      code: 'rejected',
      providerCode,
      message: `MessageBird balance is insufficient: ${detail}`,
      retryable: false,
    };
  }
  if (code === 99 || status >= 500) {
    return {
      code: 'provider_error',
      providerCode,
      message: `MessageBird failed: ${detail}`,
      retryable: true,
    };
  }
  return {
    code: 'rejected',
    providerCode,
    message: `MessageBird rejected the message: ${detail}`,
    retryable: false,
  };
}

export class MessageBirdChannel implements Channel {
  readonly kind = 'messagebird' as const;
  readonly warnings: readonly ChannelWarning[];
  private readonly agent: Agent;
  private readonly memo = new IdempotencyMemo();

  constructor(private readonly settings: MessageBirdSettings) {
    this.warnings = senderWarnings(settings.originator);
    this.agent = createGatewayAgent(settings.timeoutMs);
  }

  get repliesPossible(): boolean {
    return this.warnings.length === 0;
  }

  send(message: OutboundMessage): Promise<SendResult> {
    return this.memo.run(message.idempotencyKey, () => this.sendOnce(message));
  }

  private async sendOnce(message: OutboundMessage): Promise<SendResult> {
    try {
      const body = JSON.stringify({
        originator: this.settings.originator.replace(/^\+/, ''),
        recipients: [e164Digits(message.to)],
        body: message.body,
        // Status reports are only sent for messages with a reference.
        reference: referenceFor(message.idempotencyKey),
        datacoding: 'auto',
        ...(this.settings.reportUrl ? { reportUrl: this.settings.reportUrl } : {}),
      });
      const res = await callGateway(this.agent, {
        method: 'POST',
        url: this.settings.endpoint,
        headers: {
          authorization: `AccessKey ${this.settings.accessKey}`,
          'content-type': 'application/json',
          accept: 'application/json',
        },
        body,
        timeoutMs: this.settings.timeoutMs,
      });
      const json = parseJsonResponse(res.text);
      if (res.status === 201 || res.status === 200) {
        const created = MessageBirdCreated.safeParse(json);
        if (!created.success) return { ok: false, error: errorForStatus(502) };
        const parts = created.data.recipients?.items[0]?.messagePartCount;
        return { ok: true, providerId: created.data.id, ...(parts ? { segments: parts } : {}) };
      }
      const errors = MessageBirdErrors.safeParse(json);
      if (errors.success) {
        const first = errors.data.errors[0]!;
        return {
          ok: false,
          error: messageBirdError(res.status, first.code, first.description, first.parameter),
        };
      }
      return { ok: false, error: errorForStatus(res.status) };
    } catch (err) {
      return failureResult(err);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function createMessageBirdChannel(
  settings: z.input<typeof MessageBirdSettings>,
): MessageBirdChannel {
  return new MessageBirdChannel(MessageBirdSettings.parse(settings));
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
  const text = req.rawBody.toString('utf8');
  if (type.includes('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new WebhookError('malformed', 'MessageBird webhook: the body is not valid JSON');
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new WebhookError('malformed', 'MessageBird webhook: the JSON body is not an object');
    }
    for (const [key, value] of Object.entries(json)) {
      if (typeof value === 'string' || typeof value === 'number') params[key] = String(value);
    }
  } else {
    for (const [key, value] of new URLSearchParams(text)) params[key] = value;
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
  const method = req.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    throw new WebhookError('method_not_allowed', 'MessageBird webhooks are GET or POST requests');
  }
  assertWebhookSize(req);
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
    const parsed = StatusReport.safeParse(params);
    if (!parsed.success)
      throw new WebhookError(
        'malformed',
        `MessageBird status report: ${describeIssues(parsed.error)}`,
      );
    const r = parsed.data;
    const status = MB_STATUS[r.status];
    if (!status) {
      result.ignored.push(`messagebird status ${r.status} for ${r.id}`);
      return result;
    }
    const detail = [r.status, r.statusReason, r.statusErrorCode].filter(Boolean).join(' ');
    result.deliveries.push({
      providerId: r.id,
      status,
      at: parseProviderTime(r.statusDatetime, now),
      detail,
    });
    return result;
  }

  const parsed = InboundSms.safeParse(params);
  if (!parsed.success)
    throw new WebhookError('malformed', `MessageBird inbound SMS: ${describeIssues(parsed.error)}`);
  const mo = parsed.data;
  result.inbound.push({
    from: toE164(mo.originator),
    to: toE164(mo.recipient),
    body: mo.body,
    at: parseProviderTime(mo.createdDatetime, now),
    ...(mo.id ? { providerId: mo.id } : {}),
  });
  return result;
}
