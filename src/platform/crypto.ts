// Field encryption and keyed hashing, used by every context for personal data at rest.
// Encrypted fields are self-describing strings `v1.<keyId>.<iv>.<ciphertext+tag>` so keys can
// rotate: new writes use the first key, old values stay readable until re-encrypted.
// Identifiers are linked through HMAC-SHA-256 with a secret pepper, never by plaintext, so a
// stolen database does not reveal which phone numbers the program knows without the pepper.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  createSecretKey,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
  type KeyObject,
} from 'node:crypto';
import { AppError } from './errors.js';

export interface FieldKey {
  id: string;
  key: Buffer;
}

/**
 * What code that keeps ad text at rest needs: the field keys (to encrypt and read it) and the
 * identifier pepper (from which the keys of its stable keyed hashes and search terms derive).
 * `Config['secrets']` is one; the field key list is shared, so a reload of the keys reaches it.
 */
export interface AtRestKeys {
  fieldKeys: readonly FieldKey[];
  identifierPepper: Buffer;
}

const PREFIX = 'v1';

const prepared = new WeakMap<Buffer, KeyObject>();

/**
 * A long-lived secret (a field key, the session secret, a derived key) as a KeyObject, made once
 * per Buffer: handed over as a Buffer, Node imports the key again on every cipher and HMAC, which
 * was a tenth of the chat line's server CPU under load. Keyed by the Buffer itself, so a key
 * replaced under the same id (a reload) is the new key. Not for short-lived keys that are wiped
 * after use (blobs' data keys use createCipheriv directly).
 */
function secretKey(key: Buffer): KeyObject {
  let ready = prepared.get(key);
  if (!ready) prepared.set(key, (ready = createSecretKey(key)));
  return ready;
}

/**
 * Encrypts a UTF-8 string with AES-256-GCM under the first key. `context` (e.g. "users.totp_secret")
 * is bound as associated data so a value copied into another column does not decrypt there.
 */
export function encryptField(
  keys: readonly FieldKey[],
  plaintext: string,
  context: string,
): string {
  const active = keys[0];
  if (!active) throw new AppError('config_invalid', 'No field encryption key configured');
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', secretKey(active.key), iv);
  cipher.setAAD(Buffer.from(`${PREFIX}.${active.id}.${context}`));
  const body = Buffer.concat([
    cipher.update(plaintext, 'utf8'),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return `${PREFIX}.${active.id}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export function decryptField(keys: readonly FieldKey[], value: string, context: string): string {
  const parts = value.split('.');
  if (parts.length !== 4 || parts[0] !== PREFIX) {
    throw new AppError('internal', 'Encrypted value has an unknown format');
  }
  const [, keyId, ivText, bodyText] = parts as [string, string, string, string];
  const key = keys.find((k) => k.id === keyId);
  if (!key) {
    throw new AppError('internal', `Encrypted value uses key "${keyId}", which is not configured`, {
      keyId,
    });
  }
  const body = Buffer.from(bodyText, 'base64url');
  if (body.length < 16) throw new AppError('internal', 'Encrypted value is truncated');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    secretKey(key.key),
    Buffer.from(ivText, 'base64url'),
  );
  decipher.setAAD(Buffer.from(`${PREFIX}.${keyId}.${context}`));
  decipher.setAuthTag(body.subarray(body.length - 16));
  try {
    return Buffer.concat([
      decipher.update(body.subarray(0, body.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new AppError('internal', 'Encrypted value failed its integrity check');
  }
}

/** Key id an encrypted value was written with (for rotation). */
export function encryptedKeyId(value: string): string | null {
  const parts = value.split('.');
  return parts.length === 4 && parts[0] === PREFIX ? (parts[1] ?? null) : null;
}

/**
 * Keyed hash of an identifier. `kind` (phone, email, telegram…) is part of the input so the same
 * string as two kinds of identifier never links. Callers normalise the value first (E.164 etc.).
 */
export function hashIdentifier(pepper: Buffer, kind: string, normalizedValue: string): string {
  return createHmac('sha256', secretKey(pepper))
    .update(`${kind}\u0000${normalizedValue}`)
    .digest('hex');
}

const derived = new WeakMap<Buffer, Map<string, Buffer>>();

/**
 * A key for one purpose derived from a secret (HKDF-SHA-256), so that one secret never serves two
 * uses: a keyed hash of ad content or a search term can never equal an identifier's link hash.
 */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  let byPurpose = derived.get(secret);
  if (!byPurpose) derived.set(secret, (byPurpose = new Map<string, Buffer>()));
  let key = byPurpose.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `ariadne:${purpose}`, 32));
    byPurpose.set(purpose, key);
  }
  return key;
}

/** HMAC for short-lived secrets such as recovery codes and session tokens stored as hashes. */
export function hmacHex(key: Buffer, value: string): string {
  return createHmac('sha256', secretKey(key)).update(value).digest('hex');
}

export function constantTimeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}
