// WhatsApp Business Cloud API as a channel (text and template messages), the parser of its
// webhooks (messages and statuses, verified by X-Hub-Signature-256) and the GET verification
// handshake. Whether WhatsApp may be used at all (opt-in, no cold contact) and whether free text is
// allowed (24-hour customer-service window) is decided by the outreach rules before send() is
// called; this adapter only sends what it is given: a template when `message.template` is set.
//
// Documented at:
// - Send messages (POST graph.facebook.com/{version}/{phone-number-id}/messages, bearer token):
//   https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-messages
//   https://developers.facebook.com/docs/whatsapp/cloud-api/guides/send-message-templates
// - Errors (Graph API error object; codes 130429, 131026, 131047, 131056, 190…):
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes
// - Webhooks (entry[].changes[].value.messages[] / statuses[], X-Hub-Signature-256, hub.challenge):
//   https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components
//   https://developers.facebook.com/docs/graph-api/webhooks/getting-started
// - Local storage (data at rest per country): https://developers.facebook.com/documentation/business-messaging/whatsapp/local-storage

import { z } from 'zod';
import type { DeliveryStatus, OutboundMessage, SendError } from './channel.js';
import {
  acceptWebhook,
  createGatewayChannel,
  errorForStatus,
  finalStatus,
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
  parseJsonBody,
  parseProviderTime,
  truncate,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';
import { safeEqual, verifyHubSignature256 } from './webhook-signatures.js';

export const WHATSAPP_DEFAULT_BASE_URL = 'https://graph.facebook.com';

export const WhatsAppSettings = z.object({
  /** A system-user access token with whatsapp_business_messaging permission. */
  accessToken: z.string().min(20),
  /** The business phone number's id in the WhatsApp Manager (not the number itself). */
  phoneNumberId: z.string().regex(/^\d{5,20}$/, { message: 'must be the numeric phone number id' }),
  /** The Meta app secret; it keys X-Hub-Signature-256. */
  appSecret: z.string().min(16),
  /** The verify token entered with the callback URL in the app dashboard. */
  verifyToken: z.string().min(16),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default('v21.0'),
  baseUrl: GatewayUrl.default(WHATSAPP_DEFAULT_BASE_URL),
  timeoutMs: TimeoutMs,
});
export type WhatsAppSettings = z.infer<typeof WhatsAppSettings>;

/** The request body the Cloud API expects for one outbound message. */
export function buildWhatsAppPayload(message: OutboundMessage): Record<string, unknown> {
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: e164Digits(message.to),
  };
  if (message.template) {
    const { name, language, parameters } = message.template;
    return {
      ...base,
      type: 'template',
      template: {
        name,
        language: { code: language },
        ...(parameters.length > 0
          ? {
              components: [
                { type: 'body', parameters: parameters.map((text) => ({ type: 'text', text })) },
              ],
            }
          : {}),
      },
    };
  }
  // No link previews: a preview fetches the page and shows its title on the lock screen.
  return { ...base, type: 'text', text: { preview_url: false, body: message.body } };
}

const SendResponse = z.object({ messages: z.array(z.object({ id: z.string().min(1) })).min(1) });

const GraphError = z.object({
  error: z.object({
    message: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
  }),
});

function whatsAppError(
  status: number,
  code: number | undefined,
  text: string | undefined,
): SendError {
  const providerCode = code !== undefined ? String(code) : undefined;
  const detail = truncate(text ?? `WhatsApp error ${code ?? status}`);
  switch (code ?? -1) {
    case 0: // AuthException
    case 190: // access token expired or invalid
      return providerError(
        'auth_failed',
        `WhatsApp refused the access token: ${detail}`,
        providerCode,
      );
    case 4: // application request limit
    case 80007: // WABA rate limit
    case 130429: // Cloud API throughput reached
    case 131048: // spam rate limit
    case 131056: // too many messages to this user
      return providerError('throttled', `WhatsApp is throttling: ${detail}`, providerCode);
    case 131026: // undeliverable: not a WhatsApp user, old client, terms not accepted
      return providerError(
        'unreachable',
        `WhatsApp cannot deliver to this person: ${detail}`,
        providerCode,
      );
    case 131030: // recipient not in the allowed list (test numbers)
      return providerError('invalid_recipient', `WhatsApp: ${detail}`, providerCode);
    case 131047: // more than 24 hours since the person last wrote: a template is needed
      return providerError(
        'rejected',
        `WhatsApp: the 24-hour window is closed; only an approved template may be sent (${detail})`,
        providerCode,
      );
    case 131000: // something went wrong
    case 131016: // service unavailable
    case 2:
      return providerError('provider_error', `WhatsApp failed: ${detail}`, providerCode);
    default:
      if (status === 401) return providerError('auth_failed', `WhatsApp: ${detail}`, providerCode);
      return { ...errorForStatus(status, providerCode, text), message: `WhatsApp: ${detail}` };
  }
}

export type WhatsAppChannel = GatewayChannel<'whatsapp'>;

export function createWhatsAppChannel(input: z.input<typeof WhatsAppSettings>): WhatsAppChannel {
  const settings = WhatsAppSettings.parse(input);
  const { baseUrl, apiVersion, phoneNumberId } = settings;
  const url = new URL(`/${apiVersion}/${phoneNumberId}/messages`, baseUrl).toString();
  return createGatewayChannel({
    kind: 'whatsapp',
    timeoutMs: settings.timeoutMs,
    // No sender to check: a person can always answer a WhatsApp business number.
    request: (message) =>
      postJson(
        url,
        { authorization: `Bearer ${settings.accessToken}` },
        buildWhatsAppPayload(message),
      ),
    answer: (response) =>
      readAnswer(response, {
        accepted: SendResponse,
        sent: (sent) => ({ ok: true, providerId: sent.messages[0]!.id }),
        error: GraphError,
        failed: ({ error: e }, status) => {
          const text = [e.message, e.error_data?.details].filter(Boolean).join(' — ');
          return whatsAppError(status, e.code, text || undefined);
        },
      }),
  });
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/**
 * The GET handshake Meta makes when the callback URL is saved: answer hub.challenge (as plain
 * text, status 200) only when hub.mode is "subscribe" and hub.verify_token is ours.
 */
export function verifyWhatsAppSubscription(
  query: URLSearchParams | Record<string, string | undefined>,
  verifyToken: string,
): string {
  const get = (key: string): string | undefined =>
    query instanceof URLSearchParams ? (query.get(key) ?? undefined) : query[key];
  const mode = get('hub.mode');
  const token = get('hub.verify_token');
  const challenge = get('hub.challenge');
  if (mode !== 'subscribe' || challenge === undefined || challenge === '') {
    throw new WebhookError(
      'malformed',
      'WhatsApp verification needs hub.mode=subscribe and hub.challenge',
    );
  }
  if (!token)
    throw new WebhookError('signature_missing', 'WhatsApp verification without hub.verify_token');
  if (!safeEqual(token, verifyToken)) {
    throw new WebhookError(
      'signature_invalid',
      'WhatsApp verification: hub.verify_token does not match',
    );
  }
  return challenge;
}

const WaMessage = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: z.string().regex(/^\d+$/),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  button: z.object({ text: z.string() }).optional(),
  interactive: z
    .object({
      button_reply: z.object({ title: z.string() }).optional(),
      list_reply: z.object({ title: z.string() }).optional(),
    })
    .optional(),
  context: z.object({ id: z.string().optional() }).optional(),
});

const WaStatus = z.object({
  id: z.string().min(1),
  status: z.string(),
  timestamp: z.string().regex(/^\d+$/),
  recipient_id: z.string().optional(),
  errors: z
    .array(z.object({ code: z.number().optional(), title: z.string().optional() }))
    .optional(),
});

const WaPayload = z.object({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(
        z.object({
          field: z.string(),
          value: z.object({
            metadata: z
              .object({ display_phone_number: z.string().optional(), phone_number_id: z.string() })
              .optional(),
            messages: z.array(WaMessage).optional(),
            statuses: z.array(WaStatus).optional(),
          }),
        }),
      ),
    }),
  ),
});

/** sent is on the way; read implies delivered. */
const WA_STATUS: Record<string, DeliveryStatus | undefined> = {
  delivered: 'delivered',
  read: 'delivered',
  failed: 'failed',
};

function messageText(m: z.infer<typeof WaMessage>): string {
  if (m.text) return m.text.body;
  if (m.button) return m.button.text;
  const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
  if (reply) return reply.title;
  // Media, location, contacts…: the worker sees that something arrived and opens it in Meta's tools.
  return `[${m.type}]`;
}

/**
 * Verifies X-Hub-Signature-256 and parses a WhatsApp webhook: `messages[]` become inbound messages
 * (from, timestamp), `statuses[]` delivery reports. Events for another phone number id are ignored.
 */
export function parseWhatsAppWebhook(
  req: WebhookRequest,
  settings: Pick<WhatsAppSettings, 'appSecret' | 'phoneNumberId'>,
): WebhookResult {
  acceptWebhook(req, ['POST'], 'WhatsApp events are POST requests');
  verifyHubSignature256({
    appSecret: settings.appSecret,
    signature: headerValue(req, 'x-hub-signature-256'),
    rawBody: req.rawBody,
  });
  const payload = parseWebhookPart(
    WaPayload,
    parseJsonBody(req, 'WhatsApp webhook'),
    'WhatsApp webhook',
  );

  const result = emptyResult();
  for (const entry of payload.entry) {
    for (const change of entry.changes) {
      if (change.field !== 'messages') {
        result.ignored.push(`whatsapp field ${change.field}`);
        continue;
      }
      const { metadata, messages = [], statuses = [] } = change.value;
      if (metadata && metadata.phone_number_id !== settings.phoneNumberId) {
        result.ignored.push(
          `whatsapp events for another phone number id (${messages.length + statuses.length})`,
        );
        continue;
      }
      const ours = metadata?.display_phone_number
        ? `+${metadata.display_phone_number.replace(/\D/g, '')}`
        : settings.phoneNumberId;
      for (const m of messages) {
        result.inbound.push({
          from: `+${m.from.replace(/\D/g, '')}`,
          to: ours,
          body: messageText(m),
          at: parseProviderTime(m.timestamp),
          providerId: m.id,
          ...(m.context?.id ? { inReplyTo: m.context.id } : {}),
        });
      }
      for (const s of statuses) {
        const status = finalStatus(result, WA_STATUS, 'whatsapp', s.status, s.id);
        if (!status) continue;
        const error = s.errors?.[0];
        const detail = error
          ? `${s.status} ${error.code ?? ''} ${error.title ?? ''}`.trim()
          : s.status;
        result.deliveries.push({
          providerId: s.id,
          status,
          at: parseProviderTime(s.timestamp),
          detail,
        });
      }
    }
  }
  return result;
}
