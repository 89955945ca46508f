// Asks a time-stamping authority (RFC 3161 over HTTP, RFC 3161 §3.4) for a time-stamp of a message
// and returns it only once it is verified: granted, our imprint and nonce, a good signature from a
// trusted TSA certificate, and a genTime close to our own clock. Every failure is a TimestampError
// that says what went wrong and whether trying later may help (TSA down or slow: yes; a bad or
// untrusted signature: no). The request has a timeout and the answer a size limit.
import { readFileSync } from 'node:fs';
import type * as pkijs from 'pkijs';
import type { Clock } from '../clock.js';
import { AppError } from '../errors.js';
import {
  buildTimestampQuery,
  parsePemCertificates,
  readTimestampResponse,
  TimestampError,
  verifyTimestampToken,
  type VerifiedTimestamp,
} from './rfc3161.js';

export interface TsaSettings {
  url: string;
  /** Certificates a token must chain to (the TSA's CA, or the TSA certificate itself). */
  trustAnchors: readonly pkijs.Certificate[];
  timeoutMs: number;
  /** How far the authority's genTime may lie from our clock. Default: 5 minutes. */
  maxClockSkewMs?: number;
}

export interface Timestamp extends VerifiedTimestamp {
  /** The TimeStampToken (CMS ContentInfo), DER: what to store and verify again later. */
  token: Uint8Array;
}

const MAX_RESPONSE_BYTES = 256 * 1024;
const DEFAULT_SKEW_MS = 5 * 60_000;

/** Reads a PEM trust file; a clear configuration error if it holds no usable certificate. */
export function loadTrustAnchors(file: string): pkijs.Certificate[] {
  let certs: pkijs.Certificate[];
  try {
    certs = parsePemCertificates(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError(
      'config_invalid',
      `AUDIT_TSA_TRUST_FILE ${file} cannot be used: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (certs.length === 0) {
    throw new AppError('config_invalid', `AUDIT_TSA_TRUST_FILE ${file} holds no PEM certificate.`);
  }
  return certs;
}

async function post(
  url: string,
  body: Uint8Array<ArrayBuffer>,
  timeoutMs: number,
): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/timestamp-query',
        accept: 'application/timestamp-reply',
      },
      body,
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') {
      throw new TimestampError(
        'timeout',
        `The time-stamping authority at ${url} did not answer within ${timeoutMs / 1000} s.`,
        true,
      );
    }
    throw new TimestampError(
      'unreachable',
      `The time-stamping authority at ${url} cannot be reached (${e.cause?.code ?? e.cause?.message ?? e.message}).`,
      true,
    );
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    throw new TimestampError(
      'http_status',
      `The time-stamping authority at ${url} answered HTTP ${res.status}.`,
      res.status >= 500 || res.status === 429 || res.status === 408,
    );
  }
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw new TimestampError(
      'malformed',
      `The time-stamp response is too large (${declared} bytes).`,
    );
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      const bytes: Uint8Array = chunk;
      size += bytes.byteLength;
      if (size > MAX_RESPONSE_BYTES) {
        throw new TimestampError('malformed', 'The time-stamp response is too large.');
      }
      chunks.push(bytes);
    }
  } catch (err) {
    if (err instanceof TimestampError) throw err;
    throw new TimestampError(
      'timeout',
      `The time-stamping authority at ${url} broke off its answer (${(err as Error).message}).`,
      true,
    );
  }
  return Buffer.concat(chunks);
}

/**
 * Time-stamps `message` (its SHA-256 is sent, never the message) at the authority and returns the
 * verified token.
 */
export async function requestTimestamp(
  settings: TsaSettings,
  message: Uint8Array,
  clock: Clock,
): Promise<Timestamp> {
  const query = buildTimestampQuery(message);
  const answer = await post(settings.url, query.der, settings.timeoutMs);
  const token = readTimestampResponse(answer, query);
  const verified = await verifyTimestampToken(token, message, settings.trustAnchors);
  const skew = settings.maxClockSkewMs ?? DEFAULT_SKEW_MS;
  const now = clock.now();
  if (Math.abs(verified.genTime.getTime() - now.getTime()) > skew) {
    throw new TimestampError(
      'bad_time',
      `The time-stamp says ${verified.genTime.toISOString()} but our clock says ${now.toISOString()}: more than ${Math.round(skew / 60_000)} minutes apart, so one of the clocks is wrong.`,
    );
  }
  return { ...verified, token };
}
