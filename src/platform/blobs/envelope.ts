// Envelope encryption for blobs (captures, imported files): each blob gets its own random data
// key, its bytes are sealed with AES-256-GCM under that key, and the data key is kept wrapped by
// the field key (an encrypted field, e.g. `captures.data_key_enc`). Rotating the field key then
// re-wraps a few dozen bytes per blob in the database and never rewrites the evidence itself.
// Blobs are small enough to seal whole (nothing reads a blob by range), so one GCM tag covers all
// of it: a changed byte anywhere fails the read instead of returning altered evidence.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { decryptField, encryptField, type FieldKey } from '../crypto.js';
import { AppError } from '../errors.js';

/** Heads every sealed blob; also its associated data, so the format cannot be swapped. */
const MAGIC = Buffer.from('ARIADNE-SEALED-1\n', 'ascii');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedBlob {
  /** What goes to the blob store. */
  data: Buffer;
  /** The blob's data key, encrypted under the active field key (keep it with the blob's row). */
  dataKeyEnc: string;
}

/** True when stored bytes are a sealed blob (older blobs were stored as they came). */
export function isSealed(stored: Uint8Array): boolean {
  return Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength)
    .subarray(0, MAGIC.length)
    .equals(MAGIC);
}

/** Seals `plain` under a fresh data key; `context` names the column that keeps the wrapped key. */
export function sealBlob(
  keys: readonly FieldKey[],
  plain: Uint8Array,
  context: string,
): SealedBlob {
  const dataKey = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(MAGIC);
  const data = Buffer.concat([
    MAGIC,
    iv,
    cipher.update(plain),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  const dataKeyEnc = encryptField(keys, dataKey.toString('base64'), context);
  dataKey.fill(0);
  return { data, dataKeyEnc };
}

/** The plain bytes of a sealed blob; throws when they were changed or the key does not fit. */
export function openBlob(
  keys: readonly FieldKey[],
  stored: Uint8Array,
  dataKeyEnc: string,
  context: string,
): Buffer {
  const buf = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  if (!isSealed(buf) || buf.length < MAGIC.length + IV_BYTES + TAG_BYTES) {
    throw new AppError('internal', 'The stored blob is not a sealed blob (or is truncated).');
  }
  const dataKey = Buffer.from(decryptField(keys, dataKeyEnc, context), 'base64');
  const iv = buf.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const body = buf.subarray(MAGIC.length + IV_BYTES, buf.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', dataKey, iv);
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(buf.subarray(buf.length - TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new AppError('internal', 'The stored blob failed its integrity check.');
  } finally {
    dataKey.fill(0);
  }
}
