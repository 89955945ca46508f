import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { VAULT_ID_PATTERN } from '../../contracts/vault-protocol.js';
import { formatShareCode, formatVaultId, parseShareCode, parseVaultId } from './vault-id.js';

describe('vault ids', () => {
  it('are 20 base32 characters in four groups, from 100 random bits', () => {
    const id = formatVaultId(randomBytes(13));
    expect(id).toMatch(VAULT_ID_PATTERN);
    expect(formatVaultId(new Uint8Array(13))).toBe('00000-00000-00000-00000');
    expect(formatVaultId(new Uint8Array(13).fill(255))).toBe('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ');
    expect(new Set(Array.from({ length: 200 }, () => formatVaultId(randomBytes(13)))).size).toBe(
      200,
    );
  });

  it('parse what people type: case, spaces, missing dashes, O/I/L', () => {
    const id = formatVaultId(randomBytes(13));
    expect(parseVaultId(id.toLowerCase())).toBe(id);
    expect(parseVaultId(id.replaceAll('-', ' '))).toBe(id);
    expect(parseVaultId(id.replaceAll('-', ''))).toBe(id);
    expect(parseVaultId('oooo1-iiiii-lllll-00000')).toBe('00001-11111-11111-00000');
    expect(parseVaultId('UUUUU-00000-00000-00000')).toBeNull();
    expect(parseVaultId('12345')).toBeNull();
    expect(parseVaultId('person@example.org')).toBeNull();
    expect(() => formatVaultId(new Uint8Array(12))).toThrow(RangeError);
  });

  it('share codes are short and forgiving', () => {
    const code = formatShareCode(randomBytes(5));
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(parseShareCode(code.toLowerCase().replace('-', ''))).toBe(code);
    expect(parseShareCode('UUUU-UUUU')).toBeNull();
    expect(parseShareCode('ABC')).toBeNull();
  });
});
