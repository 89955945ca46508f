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
import type { Agent } from 'undici';
import type {
  Channel,
  DeliveryReport,
  DeliveryStatus,
  OutboundMessage,
  SendError,
  SendResult,
} from './channel.js';
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
  parseJsonBody,
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
      return {
        code: 'auth_failed',
        providerCode,
        message: `CM refused the product token: ${detail}`,
        retryable: false,
      };
    case 102: // insufficient balance
      return {
        code: 'rejected',
        providerCode,
        message: `CM account balance is insufficient: ${detail}`,
        retryable: false,
      };
    case 302: // invalid To
    case 303: // invalid MSISDN in To
      return {
        code: 'invalid_recipient',
        providerCode,
        message: `CM: ${detail}`,
        retryable: false,
      };
    case 500: // internal error
    case 999: // unknown error
      return {
        code: 'provider_error',
        providerCode,
        message: `CM failed: ${detail}`,
        retryable: true,
      };
    default: // 201-203 request errors, 301/304/305 message errors, 401-403 spam/blocked/rejected
      return {
        code: 'rejected',
        providerCode,
        message: `CM rejected the message: ${detail}`,
        retryable: false,
      };
  }
}

export class CmChannel implements Channel {
  readonly kind = 'cm' as const;
  readonly warnings: readonly ChannelWarning[];
  private readonly agent: Agent;
  private readonly memo = new IdempotencyMemo();

  constructor(private readonly settings: CmSettings) {
    this.warnings = senderWarnings(settings.sender);
    this.agent = createGatewayAgent(settings.timeoutMs);
  }

  /** Whether a person can answer this channel's messages. */
  get repliesPossible(): boolean {
    return this.warnings.length === 0;
  }

  send(message: OutboundMessage): Promise<SendResult> {
    return this.memo.run(message.idempotencyKey, () => this.sendOnce(message));
  }

  private async sendOnce(message: OutboundMessage): Promise<SendResult> {
    const reference = referenceFor(message.idempotencyKey);
    try {
      const to = `00${e164Digits(message.to)}`;
      const from = /^\+?\d+$/.test(this.settings.sender)
        ? this.settings.sender.replace(/^\+/, '00')
        : this.settings.sender;
      const body = JSON.stringify({
        messages: {
          msg: [
            {
              from,
              to: [{ number: to }],
              body: { type: 'auto', content: message.body },
              reference,
              minimumNumberOfMessageParts: 1,
              maximumNumberOfMessageParts: this.settings.maxParts,
              allowedChannels: ['SMS'],
            },
          ],
        },
      });
      const res = await callGateway(this.agent, {
        method: 'POST',
        url: this.settings.endpoint,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'x-cm-producttoken': this.settings.productToken,
        },
        body,
        timeoutMs: this.settings.timeoutMs,
      });
      const parsed = CmResponse.safeParse(parseJsonResponse(res.text));
      if (!parsed.success)
        return { ok: false, error: errorForStatus(res.status === 200 ? 502 : res.status) };
      const answer = parsed.data;
      const mine = answer.messages.find((m) => m.reference === reference) ?? answer.messages[0];
      if (res.status === 200 && mine?.status.toLowerCase() === 'accepted') {
        return { ok: true, providerId: reference, ...(mine.parts ? { segments: mine.parts } : {}) };
      }
      if (res.status === 429)
        return {
          ok: false,
          error: errorForStatus(429, String(answer.errorCode), answer.details ?? undefined),
        };
      if (mine && mine.messageErrorCode)
        return { ok: false, error: cmError(mine.messageErrorCode, mine.messageDetails) };
      if (answer.errorCode !== 0)
        return { ok: false, error: cmError(answer.errorCode, answer.details) };
      return { ok: false, error: errorForStatus(res.status >= 400 ? res.status : 502) };
    } catch (err) {
      return failureResult(err);
    }
  }

  async close(): Promise<void> {
    await this.agent.close();
  }
}

export function createCmChannel(settings: z.input<typeof CmSettings>): CmChannel {
  return new CmChannel(CmSettings.parse(settings));
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
  if (req.method.toUpperCase() !== 'POST')
    throw new WebhookError('method_not_allowed', 'CM webhooks are POST requests');
  assertWebhookSize(req);
  verifyUrlToken({
    url: req.url,
    param: 'token',
    expected: settings.webhookToken,
    what: 'CM webhook',
  });
  const json = parseJsonBody(req, 'CM webhook');
  const result = emptyResult();

  if (typeof json === 'object' && json !== null && 'messages' in json) {
    const parsed = CmStatusReport.safeParse(json);
    if (!parsed.success)
      throw new WebhookError('malformed', `CM status report: ${describeIssues(parsed.error)}`);
    const msgs = Array.isArray(parsed.data.messages.msg)
      ? parsed.data.messages.msg
      : [parsed.data.messages.msg];
    for (const msg of msgs) {
      const status = CM_STATUS[msg.status.code];
      if (!status) {
        result.ignored.push(`cm status ${msg.status.code} for ${msg.reference}`);
        continue;
      }
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

  const parsed = CmInbound.safeParse(json);
  if (!parsed.success)
    throw new WebhookError('malformed', `CM incoming message: ${describeIssues(parsed.error)}`);
  const mo = parsed.data;
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
