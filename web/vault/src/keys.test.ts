import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { deriveAuthKey as referenceAuthKey } from '../../../test/helpers/vault-client';
import { fromBase64Url } from './bytes';
import {
  deriveAuthKey,
  keyFileText,
  newRecoveryCode,
  newSalt,
  normaliseRecoveryCode,
  prepareVault,
  unwrapIdentity,
  wrapIdentity,
} from './keys';

// Cheap work factors for the round trips; the contract's own cost is checked once below.
const cheap = { logN: 10, kdf: { N: 1024, r: 8, p: 1, dkLen: 32 } };

describe('the vault’s keys', () => {
  it('derives the auth key exactly as the contract says (same as the server tests’ client)', async () => {
    const salt = newSalt();
    expect(await deriveAuthKey('correct horse', salt, 'passphrase')).toBe(
      referenceAuthKey('correct horse', salt, 'passphrase'),
    );
    // NFKC: the same passphrase typed with a composed or decomposed é is the same key.
    expect(await deriveAuthKey('caf\u00e9', salt, 'recovery', cheap.kdf)).toBe(
      await deriveAuthKey('cafe\u0301', salt, 'recovery', cheap.kdf),
    );
  });

  it('wraps the identity so only the secret opens it', async () => {
    const v = await prepareVault('lantern meadow copper 7', cheap);
    expect(v.keys.identity).toMatch(/^AGE-SECRET-KEY-1/);
    expect(v.keys.recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/);
    const wrapped = v.request.passphraseWrappedIdentity;
    expect(new TextDecoder().decode(fromBase64Url(wrapped))).not.toContain('AGE-SECRET-KEY');
    expect(await unwrapIdentity(wrapped, 'lantern meadow copper 7')).toEqual(v.keys);
    expect(await unwrapIdentity(v.request.recoveryWrappedIdentity, v.recoveryCode)).toEqual(v.keys);
    await expect(unwrapIdentity(wrapped, 'lantern meadow copper 8')).rejects.toThrow();
    // The auth keys are not the age passphrase's: the server learns nothing that unwraps.
    expect(v.request.authKey).not.toBe(v.request.recoveryAuthKey);
  });

  it('makes a key file that age reads', async () => {
    const v = await prepareVault('p', cheap);
    const text = keyFileText(v.keys, '2026-01-02T03:04:05Z');
    expect(text).toContain(`# public key: ${v.keys.recipient}\n${v.keys.identity}\n`);
    const again = await wrapIdentity(v.keys.identity, 'q', 10);
    const d = new Decrypter();
    d.addPassphrase('q');
    expect(await d.decrypt(fromBase64Url(again), 'text')).toBe(v.keys.identity);
  });

  it('reads a recovery code back however it was typed', () => {
    const code = newRecoveryCode();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(normaliseRecoveryCode(code.toLowerCase().replace(/-/g, ' '))).toBe(code);
    expect(normaliseRecoveryCode('o1il-0000-0000-0000-0000-0000')).toBe(
      '0111-0000-0000-0000-0000-0000',
    );
    expect(normaliseRecoveryCode('ABCD-EFGH')).toBeNull();
    expect(normaliseRecoveryCode('UUUU-0000-0000-0000-0000-0000')).toBeNull();
  });
});
