// The secrets of a secure link: the token in the address, the code sent over a second channel,
// and the short-lived cookie of one opening. Tokens and codes are stored only as HMACs under keys
// derived from the session secret (one key per purpose), so a database leak opens nothing; the
// opening cookie is signed, not stored, and every use of it re-reads the link and the referral, so
// revoking ends an opening already in progress.
import { randomInt } from 'node:crypto';
import { constantTimeEqual, deriveKey, hmacHex, randomToken } from '../../platform/crypto.js';
import { normaliseLinkCode } from '../domain/referral-link.js';

/** Letters and digits that cannot be mistaken for each other when read out or typed. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

export function newLinkToken(): string {
  return randomToken(32);
}

export function hashLinkToken(sessionSecret: Buffer, token: string): string {
  return hmacHex(deriveKey(sessionSecret, 'referral-link-token'), token);
}

/** A code of 8 unambiguous characters, shown as "ABCD-2345". */
export function newLinkCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The code's hash is bound to its link, so a code hash copied to another link matches nothing. */
export function hashLinkCode(sessionSecret: Buffer, linkId: string, code: string): string {
  return hmacHex(
    deriveKey(sessionSecret, 'referral-link-code'),
    `${linkId}\u0000${normaliseLinkCode(code)}`,
  );
}

export function linkCodeMatches(
  sessionSecret: Buffer,
  linkId: string,
  code: string,
  storedHash: string,
): boolean {
  return constantTimeEqual(hashLinkCode(sessionSecret, linkId, code), storedHash);
}

const sessionKey = (secret: Buffer) => deriveKey(secret, 'referral-link-session');

/** The value of the opening cookie: the link and when the opening ends, signed. */
export function signLinkSession(sessionSecret: Buffer, linkId: string, until: Date): string {
  const body = `${linkId}.${until.getTime()}`;
  return `${body}.${hmacHex(sessionKey(sessionSecret), body)}`;
}

/** The link an opening cookie names, if its signature holds and it has not run out. */
export function readLinkSession(
  sessionSecret: Buffer,
  value: string | undefined,
  now: Date,
): string | null {
  if (!value) return null;
  const parts = value.split('.');
  if (parts.length !== 3) return null;
  const [linkId, until, sig] = parts as [string, string, string];
  if (!constantTimeEqual(hmacHex(sessionKey(sessionSecret), `${linkId}.${until}`), sig)) {
    return null;
  }
  if (!/^\d+$/.test(until) || Number(until) <= now.getTime()) return null;
  return linkId;
}
