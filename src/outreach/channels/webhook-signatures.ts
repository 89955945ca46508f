// Webhook signature schemes of the channel providers, verified in constant time. Each function
// throws a WebhookError saying which check failed; none echoes a secret, a signature or a body.
// The signing halves (sign*/compute*) exist for the test fixtures, which play the providers.
//
// - Twilio X-Twilio-Signature: base64 HMAC-SHA1 (auth token) over the full URL followed by every
//   POST parameter, sorted by name, as name+value; JSON bodies add a bodySHA256 query parameter.
//   https://www.twilio.com/docs/usage/webhooks/webhooks-security
//   https://www.twilio.com/docs/usage/security#validating-requests
// - MessageBird-Signature-JWT: an HS256 JWT (signing key) with iss "MessageBird", nbf/exp, jti,
//   url_hash = SHA-256(URL) and payload_hash = SHA-256(body), as MessageBird's own Node library
//   verifies it: https://github.com/messagebird/messagebird-nodejs/blob/master/lib/webhook-signature-jwt.js
//   and https://developers.messagebird.com/docs/verify-http-requests
// - Meta X-Hub-Signature-256: "sha256=" + hex HMAC-SHA256 (app secret) of the raw body.
//   https://developers.facebook.com/docs/graph-api/webhooks/getting-started#validate-payloads
// - Ariadne's own scheme for forwarded e-mail and any source without one: header
//   "t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<raw body>'>" with a replay window.

import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { WebhookError } from './http-gateway.js';

/** Constant-time comparison of two strings of possibly different lengths. */
export function safeEqual(a: string | Buffer, b: string | Buffer): boolean {
  const left = Buffer.isBuffer(a) ? a : Buffer.from(a, 'utf8');
  const right = Buffer.isBuffer(b) ? b : Buffer.from(b, 'utf8');
  // Compare digests so the time taken does not depend on where the inputs first differ, nor
  // (beyond hashing) on their lengths.
  const l = createHash('sha256').update(left).digest();
  const r = createHash('sha256').update(right).digest();
  return timingSafeEqual(l, r) && left.length === right.length;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Twilio

export type FormParams = Array<[string, string]>;

/** The X-Twilio-Signature value Twilio computes for a request. */
export function computeTwilioSignature(authToken: string, url: string, params: FormParams): string {
  const sorted = [...params].sort(([ka, va], [kb, vb]) =>
    ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0,
  );
  let data = url;
  for (const [key, value] of sorted) data += key + value;
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/**
 * Verifies X-Twilio-Signature. For form posts pass the parsed parameters; for JSON posts pass an
 * empty list and the raw body: Twilio then signs the URL alone and puts the body's SHA-256 in the
 * URL's bodySHA256 parameter. Twilio's scheme has no timestamp, so there is no replay window:
 * callers must treat a repeated MessageSid/status as a duplicate.
 */
export function verifyTwilioSignature(input: {
  authToken: string;
  url: string;
  params: FormParams;
  signature: string | undefined;
  rawBody?: Buffer;
}): void {
  if (!input.signature) {
    throw new WebhookError(
      'signature_missing',
      'Twilio webhook without an X-Twilio-Signature header',
    );
  }
  const expected = computeTwilioSignature(input.authToken, input.url, input.params);
  if (!safeEqual(expected, input.signature)) {
    throw new WebhookError(
      'signature_invalid',
      'Twilio webhook signature does not match (wrong auth token, or the URL differs from the one ' +
        'configured at Twilio)',
    );
  }
  const bodyHash = new URL(input.url).searchParams.get('bodySHA256');
  if (bodyHash !== null) {
    if (!input.rawBody || !safeEqual(sha256Hex(input.rawBody), bodyHash.toLowerCase())) {
      throw new WebhookError(
        'signature_invalid',
        'Twilio webhook body does not match its bodySHA256',
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// MessageBird / Bird: MessageBird-Signature-JWT

const JWT_HMAC = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' } as const;
type JwtAlg = keyof typeof JWT_HMAC;

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** Signs a MessageBird-Signature-JWT as MessageBird does (used by the local fixture). */
export function signMessageBirdJwt(input: {
  signingKey: string;
  url: string;
  rawBody: Buffer;
  now?: Date;
  ttlSeconds?: number;
  jti?: string;
}): string {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const claims: Record<string, unknown> = {
    iss: 'MessageBird',
    nbf: iat,
    iat,
    exp: iat + (input.ttlSeconds ?? 60),
    jti: input.jti ?? randomUUID(),
    url_hash: sha256Hex(input.url),
  };
  if (input.rawBody.length > 0) claims.payload_hash = sha256Hex(input.rawBody);
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(claims));
  const sig = createHmac('sha256', input.signingKey).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Remembers JWT ids until they expire, so a captured webhook cannot be played again. */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Returns false when the id was seen before and has not expired. */
  remember(id: string, expiresAtMs: number, nowMs = Date.now()): boolean {
    for (const [key, until] of this.seen) {
      if (until < nowMs) this.seen.delete(key);
      else break;
    }
    if (this.seen.has(id)) return false;
    this.seen.set(id, expiresAtMs);
    return true;
  }
}

/**
 * Verifies a MessageBird-Signature-JWT against the request it came with: the HMAC over the
 * token, the issuer, the validity window (nbf/exp with a small clock tolerance), the jti (and,
 * with a ReplayGuard, that it is new), the hash of the exact URL and the hash of the raw body.
 */
export function verifyMessageBirdJwt(input: {
  signingKey: string;
  jwt: string | undefined;
  url: string;
  rawBody: Buffer;
  now?: Date;
  clockToleranceSeconds?: number;
  replayGuard?: ReplayGuard;
}): void {
  if (!input.jwt) {
    throw new WebhookError(
      'signature_missing',
      'MessageBird webhook without a MessageBird-Signature-JWT header',
    );
  }
  const parts = input.jwt.split('.');
  if (parts.length !== 3) {
    throw new WebhookError('signature_invalid', 'MessageBird-Signature-JWT is not a JWT');
  }
  const [head, body, sig] = parts as [string, string, string];
  let header: { alg?: unknown };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown };
    claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new WebhookError('signature_invalid', 'MessageBird-Signature-JWT cannot be decoded');
  }
  // Only the HMAC algorithms MessageBird uses; "none" and public-key algorithms are refused so the
  // token cannot choose how it is checked.
  const alg =
    typeof header.alg === 'string' && header.alg in JWT_HMAC ? (header.alg as JwtAlg) : undefined;
  if (!alg)
    throw new WebhookError(
      'signature_invalid',
      'MessageBird-Signature-JWT uses an unsupported algorithm',
    );
  const expected = createHmac(JWT_HMAC[alg], input.signingKey)
    .update(`${head}.${body}`)
    .digest('base64url');
  if (!safeEqual(expected, sig)) {
    throw new WebhookError(
      'signature_invalid',
      'MessageBird-Signature-JWT signature does not match the signing key',
    );
  }
  if (claims.iss !== 'MessageBird') {
    throw new WebhookError('signature_invalid', 'MessageBird-Signature-JWT has the wrong issuer');
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const tolerance = input.clockToleranceSeconds ?? 5;
  if (typeof claims.exp !== 'number' || claims.exp + tolerance < now) {
    throw new WebhookError('stale', 'MessageBird webhook has expired (exp is in the past)');
  }
  if (typeof claims.nbf === 'number' && claims.nbf - tolerance > now) {
    throw new WebhookError('stale', 'MessageBird webhook is not valid yet (nbf is in the future)');
  }
  if (typeof claims.jti !== 'string' || claims.jti === '') {
    throw new WebhookError('signature_invalid', 'MessageBird-Signature-JWT has no jti claim');
  }
  if (
    typeof claims.url_hash !== 'string' ||
    !safeEqual(claims.url_hash.toLowerCase(), sha256Hex(input.url))
  ) {
    throw new WebhookError(
      'signature_invalid',
      'MessageBird webhook URL does not match the signed url_hash (the URL differs from the one configured)',
    );
  }
  if (typeof claims.payload_hash === 'string') {
    if (!safeEqual(claims.payload_hash.toLowerCase(), sha256Hex(input.rawBody))) {
      throw new WebhookError(
        'signature_invalid',
        'MessageBird webhook body does not match the signed payload_hash',
      );
    }
  } else if (input.rawBody.length > 0) {
    throw new WebhookError(
      'signature_invalid',
      'MessageBird webhook has a body but no payload_hash claim',
    );
  }
  if (
    input.replayGuard &&
    !input.replayGuard.remember(claims.jti, (claims.exp + tolerance) * 1000, now * 1000)
  ) {
    throw new WebhookError('replayed', 'MessageBird webhook was already received (same jti)');
  }
}

// ---------------------------------------------------------------------------------------------
// Meta (WhatsApp Cloud API): X-Hub-Signature-256

export function computeHubSignature256(appSecret: string, rawBody: Buffer): string {
  return `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;
}

/**
 * Verifies X-Hub-Signature-256 over the raw body. Meta's scheme has no timestamp: there is no
 * replay window, and callers must treat a repeated message id/status as a duplicate.
 */
export function verifyHubSignature256(input: {
  appSecret: string;
  signature: string | undefined;
  rawBody: Buffer;
}): void {
  if (!input.signature) {
    throw new WebhookError(
      'signature_missing',
      'WhatsApp webhook without an X-Hub-Signature-256 header',
    );
  }
  const expected = computeHubSignature256(input.appSecret, input.rawBody);
  if (!safeEqual(expected, input.signature.trim().toLowerCase())) {
    throw new WebhookError(
      'signature_invalid',
      'WhatsApp webhook signature does not match the app secret',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Ariadne's timestamped HMAC header (forwarded e-mail, and sources without their own scheme)

export const ARIADNE_SIGNATURE_HEADER = 'x-ariadne-signature';

export function signAriadneWebhook(secret: string, rawBody: Buffer, now = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  const mac = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
  return `t=${t},v1=${mac}`;
}

/** Verifies "t=…,v1=…": the HMAC over "<t>.<body>", and that t is within the replay window. */
export function verifyAriadneWebhook(input: {
  secret: string;
  header: string | undefined;
  rawBody: Buffer;
  now?: Date;
  toleranceSeconds?: number;
}): void {
  if (!input.header) {
    throw new WebhookError('signature_missing', 'Webhook without an X-Ariadne-Signature header');
  }
  const fields = new Map<string, string[]>();
  for (const part of input.header.split(',')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const key = part.slice(0, eq).trim();
    fields.set(key, [...(fields.get(key) ?? []), part.slice(eq + 1).trim()]);
  }
  const t = fields.get('t')?.[0];
  const macs = fields.get('v1') ?? [];
  if (!t || !/^\d+$/.test(t) || macs.length === 0) {
    throw new WebhookError(
      'signature_invalid',
      'X-Ariadne-Signature must read t=<unix seconds>,v1=<hex>',
    );
  }
  const expected = createHmac('sha256', input.secret)
    .update(`${t}.`)
    .update(input.rawBody)
    .digest('hex');
  // Several v1 values allow a secret to be rotated without dropping webhooks in flight.
  if (!macs.some((mac) => safeEqual(expected, mac.toLowerCase()))) {
    throw new WebhookError(
      'signature_invalid',
      'Webhook signature does not match the configured secret',
    );
  }
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - Number(t)) > (input.toleranceSeconds ?? 300)) {
    throw new WebhookError('stale', 'Webhook timestamp is outside the 5-minute replay window');
  }
}

/** A shared secret carried in the webhook URL (CM.com documents no signature; see cm.ts). */
export function verifyUrlToken(input: {
  url: string;
  param: string;
  expected: string;
  what: string;
}): void {
  let token: string | null;
  try {
    token = new URL(input.url).searchParams.get(input.param);
  } catch {
    throw new WebhookError('malformed', `${input.what}: the request URL cannot be parsed`);
  }
  if (!token)
    throw new WebhookError(
      'signature_missing',
      `${input.what} without its ${input.param} URL parameter`,
    );
  if (!safeEqual(token, input.expected)) {
    throw new WebhookError(
      'signature_invalid',
      `${input.what}: the ${input.param} URL parameter does not match`,
    );
  }
}
