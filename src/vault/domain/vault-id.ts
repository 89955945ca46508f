// Vault ids: what a person writes down instead of an e-mail or phone number. 100 random bits as 20
// Crockford base32 characters in four groups of five, e.g. "7K2QH-M9XTR-4VBNC-8WDJE": unguessable
// (2^100), easy to read out and type on a phone. Parsing forgives what people do when they copy
// one: lower case, spaces or missing dashes, O for 0 and I or L for 1 (Crockford's rule).
import { VAULT_ID_PATTERN } from '../../contracts/vault-protocol.js';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const VAULT_ID_RANDOM_BYTES = 13;

/** A vault id from 13 random bytes (the top 100 of their 104 bits). */
export function formatVaultId(random: Uint8Array): string {
  if (random.length !== VAULT_ID_RANDOM_BYTES) {
    throw new RangeError(`a vault id takes ${VAULT_ID_RANDOM_BYTES} random bytes`);
  }
  let bits = 0n;
  for (const b of random) bits = (bits << 8n) | BigInt(b);
  bits >>= 4n;
  let out = '';
  for (let i = 19; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 5)}-${out.slice(5, 10)}-${out.slice(10, 15)}-${out.slice(15)}`;
}

/** The canonical form of what a person typed, or null if it cannot be a vault id. */
export function parseVaultId(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== 20) return null;
  const id = `${chars.slice(0, 5)}-${chars.slice(5, 10)}-${chars.slice(10, 15)}-${chars.slice(15)}`;
  return VAULT_ID_PATTERN.test(id) ? id : null;
}

/** A share code ("K7M2-QX9P", 40 bits) from 5 random bytes: short-lived, so short is enough. */
export function formatShareCode(random: Uint8Array): string {
  if (random.length !== 5) throw new RangeError('a share code takes 5 random bytes');
  let bits = 0n;
  for (const b of random) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 7; i >= 0; i--) out += ALPHABET[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 4)}-${out.slice(4)}`;
}

export function parseShareCode(input: string): string | null {
  const chars = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (chars.length !== 8 || ![...chars].every((c) => ALPHABET.includes(c))) return null;
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}
