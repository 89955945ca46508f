import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptField } from '../crypto.js';
import { isSealed, openBlob, sealBlob } from './envelope.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };
const CONTEXT = 'captures.data_key';
const record = gzipSync(Buffer.from('WARC/1.1\r\n\r\nBel 0612345678 of mail anna@example.org'));

describe('sealed blobs', () => {
  it('keeps nothing of the content readable and opens to the same bytes', () => {
    const sealed = sealBlob([k1], record, CONTEXT);
    expect(isSealed(sealed.data)).toBe(true);
    expect(isSealed(record)).toBe(false);
    expect(sealed.data.includes(record.subarray(10, 30))).toBe(false);
    expect(sealed.data.includes(Buffer.from([0x1f, 0x8b]))).toBe(false);
    expect(openBlob([k1], sealed.data, sealed.dataKeyEnc, CONTEXT).equals(record)).toBe(true);
    // A fresh data key each time: the same record never seals to the same bytes.
    expect(sealBlob([k1], record, CONTEXT).data.equals(sealed.data)).toBe(false);
  });

  it('refuses a changed byte, a truncated blob, plain bytes and a key from another column', () => {
    const sealed = sealBlob([k1], record, CONTEXT);
    const changed = Buffer.from(sealed.data);
    changed[changed.length - 20]! ^= 1;
    expect(() => openBlob([k1], changed, sealed.dataKeyEnc, CONTEXT)).toThrow(/integrity/);
    expect(() => openBlob([k1], sealed.data.subarray(0, 30), sealed.dataKeyEnc, CONTEXT)).toThrow(
      /truncated|integrity/,
    );
    expect(() => openBlob([k1], record, sealed.dataKeyEnc, CONTEXT)).toThrow(/not a sealed blob/);
    expect(() => openBlob([k1], sealed.data, sealed.dataKeyEnc, 'users.totp_secret')).toThrow(
      /integrity/,
    );
  });

  it('still opens after the field key rotated and only the data key was re-wrapped', () => {
    const sealed = sealBlob([k1], record, CONTEXT);
    // What `ariadne keys rotate` does to captures.data_key_enc: the blob itself is not touched.
    const rewrapped = encryptField(
      [k2, k1],
      decryptField([k1], sealed.dataKeyEnc, CONTEXT),
      CONTEXT,
    );
    expect(rewrapped.startsWith('v1.k2.')).toBe(true);
    expect(openBlob([k2], sealed.data, rewrapped, CONTEXT).equals(record)).toBe(true);
    expect(() => openBlob([k2], sealed.data, sealed.dataKeyEnc, CONTEXT)).toThrow(/key "k1"/);
  });
});
