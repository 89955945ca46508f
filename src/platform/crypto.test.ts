import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptField, encryptedKeyId, encryptField, hashIdentifier } from './crypto.js';

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
