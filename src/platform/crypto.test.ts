import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptedKeyId, encryptField, hashIdentifier, hmacHex } from './crypto.js';

const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k2', key: randomBytes(32) };

describe('field encryption', () => {
  it('round-trips any text and never repeats a ciphertext', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        const a = encryptField([k1], text, 'ctx');
        expect(decryptField([k1], a, 'ctx')).toBe(text);
        expect(encryptField([k1], text, 'ctx')).not.toBe(a);
      }),
    );
  });

  it('refuses a value moved to another column or tampered with', () => {
    const value = encryptField([k1], '+31612345678', 'contacts.phone');
    expect(() => decryptField([k1], value, 'users.totp_secret')).toThrow(/integrity/);
    const parts = value.split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[0] = body[0]! ^ 1;
    parts[3] = body.toString('base64url');
    expect(() => decryptField([k1], parts.join('.'), 'contacts.phone')).toThrow(/integrity/);
  });

  it('reads values written under an older key after rotation', () => {
    const old = encryptField([k1], 'secret', 'ctx');
    expect(encryptedKeyId(old)).toBe('k1');
    expect(decryptField([k2, k1], old, 'ctx')).toBe('secret');
    expect(encryptedKeyId(encryptField([k2, k1], 'secret', 'ctx'))).toBe('k2');
    expect(() => decryptField([k2], old, 'ctx')).toThrow(/key "k1"/);
  });
});

describe('keys made ready once', () => {
  it('read what was written with the raw key, and hash as the raw key does', () => {
    // A value as the code wrote it before keys were imported once (the format is unchanged).
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', k1.key, iv);
    cipher.setAAD(Buffer.from('v1.k1.ctx'));
    const body = Buffer.concat([
      cipher.update('older', 'utf8'),
      cipher.final(),
      cipher.getAuthTag(),
    ]);
    const older = `v1.k1.${iv.toString('base64url')}.${body.toString('base64url')}`;
    expect(decryptField([k1], older, 'ctx')).toBe('older');
    expect(hmacHex(k2.key, 'session:x')).toBe(
      createHmac('sha256', k2.key).update('session:x').digest('hex'),
    );
  });

  it('follow the key material, not its id: a new key under an old id is the new key', () => {
    const value = encryptField([k1], 'secret', 'ctx');
    const replaced = { id: 'k1', key: randomBytes(32) };
    expect(() => decryptField([replaced], value, 'ctx')).toThrow(/integrity/);
    expect(decryptField([replaced], encryptField([replaced], 'new', 'ctx'), 'ctx')).toBe('new');
    expect(hmacHex(replaced.key, 'x')).not.toBe(hmacHex(k1.key, 'x'));
  });
});

describe('identifier hashing', () => {
  it('links equal identifiers only under the same pepper and kind', () => {
    const pepper = randomBytes(32);
    const h = hashIdentifier(pepper, 'phone', '+31612345678');
    expect(hashIdentifier(pepper, 'phone', '+31612345678')).toBe(h);
    expect(hashIdentifier(pepper, 'telegram', '+31612345678')).not.toBe(h);
    expect(hashIdentifier(randomBytes(32), 'phone', '+31612345678')).not.toBe(h);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
  });
});
