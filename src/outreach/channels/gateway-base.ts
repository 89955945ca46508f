// The skeleton every HTTP SMS/WhatsApp adapter (CM.com, MessageBird/Bird, Twilio, WhatsApp Cloud
// API) shares, so that each provider module holds only what is its own: URL, auth, payload, and
// its vocabulary of answers, errors and statuses. Here: the channel object (one connection pool,
// the idempotency memo, sender warnings, one timed call without blind retry), the reading of a
// provider's "accepted / error body / anything else" answer, provider errors as SendError, and
// the checks and parsing steps every webhook parser starts with.

import type { z } from 'zod';
import type {
  Channel,
  ChannelKind,
  DeliveryStatus,
  OutboundMessage,
  SendError,
  SendErrorCode,
  SendResult,
} from './channel.js';
import {
  IdempotencyMemo,
  WebhookError,
  assertWebhookSize,
  callGateway,
  createGatewayAgent,
  describeIssues,
  InvalidRecipient,
  parseJsonBody,
  parseJsonResponse,
  senderWarnings,
  TransportFailure,
  truncate,
  type ChannelWarning,
  type GatewayRequest,
  type GatewayResponse,
  type WebhookRequest,
  type WebhookResult,
} from './http-gateway.js';

// ---------------------------------------------------------------------------------------------
// The channel

/** A gateway channel as the registry and the console see it. */
export interface GatewayChannel<K extends ChannelKind> extends Channel {
  readonly kind: K;
  readonly warnings: readonly ChannelWarning[];
  /** Whether a person can answer this channel's messages. */
  readonly repliesPossible: boolean;
}

type PostRequest = Omit<GatewayRequest, 'timeoutMs'>;

/** What a provider module tells the base: how to ask, and how to read the answer. */
export interface GatewaySpec<K extends ChannelKind> {
  kind: K;
  timeoutMs: number;
  /** The SMS sender id, checked for names nobody can answer; none for WhatsApp. */
  sender?: string | undefined;
  /** The provider's request for one message; may throw InvalidRecipient. */
  request(message: OutboundMessage): PostRequest;
  /** The provider's answer as a send outcome. */
  answer(response: GatewayResponse, message: OutboundMessage): SendResult;
}

/**
 * One channel over a provider's HTTP API: each send is one bounded call, never retried here (a
 * timeout may mean the message went out), and a send with a known idempotency key in this
 * process returns the first result instead of calling again.
 */
export function createGatewayChannel<K extends ChannelKind>(
  spec: GatewaySpec<K>,
): GatewayChannel<K> {
  const agent = createGatewayAgent(spec.timeoutMs);
  const memo = new IdempotencyMemo();
  const warnings = senderWarnings(spec.sender);

  async function sendOnce(message: OutboundMessage): Promise<SendResult> {
    try {
      const response = await callGateway(agent, {
        ...spec.request(message),
        timeoutMs: spec.timeoutMs,
      });
      return spec.answer(response, message);
    } catch (err) {
      return failureResult(err);
    }
  }

  return {
    kind: spec.kind,
    warnings,
    repliesPossible: warnings.length === 0,
    send: (message) => memo.run(message.idempotencyKey, () => sendOnce(message)),
    close: () => agent.close(),
  };
}

function post(url: string, auth: Record<string, string>, type: string, body: string): PostRequest {
  return {
    method: 'POST',
    url,
    headers: { ...auth, 'content-type': type, accept: 'application/json' },
    body,
  };
}

/** A JSON POST with the provider's auth headers. */
export function postJson(url: string, auth: Record<string, string>, payload: unknown): PostRequest {
  return post(url, auth, 'application/json', JSON.stringify(payload));
}

/** A form-encoded POST with the provider's auth headers, answered in JSON. */
export function postForm(
  url: string,
  auth: Record<string, string>,
  form: URLSearchParams,
): PostRequest {
  return post(url, auth, 'application/x-www-form-urlencoded', form.toString());
}

// ---------------------------------------------------------------------------------------------
// The answer

/**
 * Reads the common answer shape: 200/201 with a body the provider documents for an accepted
 * message (anything else there is a broken answer, 502), or an error body in the provider's
 * vocabulary, or only an HTTP status.
 */
export function readAnswer<A, E>(
  response: GatewayResponse,
  provider: {
    accepted: z.ZodType<A>;
    sent: (accepted: A) => SendResult;
    error: z.ZodType<E>;
    failed: (error: E, status: number) => SendError;
  },
): SendResult {
  const json = parseJsonResponse(response.text);
  if (response.status === 200 || response.status === 201) {
    const accepted = provider.accepted.safeParse(json);
    if (!accepted.success) return { ok: false, error: errorForStatus(502) };
    return provider.sent(accepted.data);
  }
  const error = provider.error.safeParse(json);
  if (!error.success) return { ok: false, error: errorForStatus(response.status) };
  return { ok: false, error: provider.failed(error.data, response.status) };
}

/** Only throttling and the provider's own failures are worth trying again later. */
const RETRYABLE: Record<SendErrorCode, boolean> = {
  throttled: true,
  provider_error: true,
  unreachable: false,
  rejected: false,
  invalid_recipient: false,
  auth_failed: false,
  timeout: false,
};

/**
 * A provider's refusal as a SendError. An unreachable recipient named by the provider is final
 * (unlike a provider we could not reach, which the transport reports as retryable).
 */
export function providerError(
  code: SendErrorCode,
  message: string,
  providerCode?: string,
): SendError {
  return {
    code,
    ...(providerCode ? { providerCode } : {}),
    message,
    retryable: RETRYABLE[code],
  };
}

/** The SendResult for a failure raised while calling a provider. */
export function failureResult(err: unknown): SendResult {
  if (err instanceof TransportFailure) return { ok: false, error: err.sendError };
  if (err instanceof InvalidRecipient) {
    return { ok: false, error: providerError('invalid_recipient', err.message) };
  }
  throw err;
}

/** HTTP statuses every provider uses the same way, for answers without a recognised error code. */
export function errorForStatus(
  status: number,
  providerCode?: string,
  providerText?: string,
): SendError {
  const detail = providerText ? `: ${truncate(providerText)}` : '';
  if (status === 401 || status === 403) {
    return providerError(
      'auth_failed',
      `The provider refused the credentials${detail}`,
      providerCode,
    );
  }
  if (status === 429) {
    return providerError('throttled', `The provider is throttling requests${detail}`, providerCode);
  }
  if (status >= 500) {
    return providerError(
      'provider_error',
      `The provider failed (HTTP ${status})${detail}`,
      providerCode,
    );
  }
  return providerError(
    'rejected',
    `The provider rejected the message (HTTP ${status})${detail}`,
    providerCode,
  );
}

// ---------------------------------------------------------------------------------------------
// Webhooks

/** The first checks of every webhook: an allowed method, a body of bounded size. */
export function acceptWebhook(
  req: WebhookRequest,
  methods: readonly string[],
  refusal: string,
): void {
  if (!methods.includes(req.method.toUpperCase())) {
    throw new WebhookError('method_not_allowed', refusal);
  }
  assertWebhookSize(req);
}

/** A JSON body that must be an object of parameters (MessageBird, Twilio). */
export function parseJsonObjectBody(req: WebhookRequest, what: string): Record<string, unknown> {
  const json = parseJsonBody(req, what);
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new WebhookError('malformed', `${what}: the JSON body is not an object`);
  }
  return json as Record<string, unknown>;
}

/** A webhook part in the provider's documented shape, or a refusal naming what is wrong. */
export function parseWebhookPart<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new WebhookError('malformed', `${what}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * A provider's status word as a final delivery status; a status on the way (sent, buffered…)
 * is noted as ignored and gives undefined.
 */
export function finalStatus(
  result: WebhookResult,
  statuses: Record<string, DeliveryStatus | undefined>,
  provider: string,
  status: string,
  providerId: string,
): DeliveryStatus | undefined {
  const final = statuses[status];
  if (!final) result.ignored.push(`${provider} status ${status} for ${providerId}`);
  return final;
}
