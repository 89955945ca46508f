// Resume codes: a way back into a chat on a later visit that the person notes down (not a cookie).
// Twelve characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX-XXXX:
// 31^12 ≈ 2^59 possibilities, guessed at the rate limits allow never. Only a keyed hash is stored,
// so a copy of the database does not let anyone into a chat.
import { randomBytes } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;

/** A fresh code, formatted. `random` is the byte source (crypto's by default). */
export function newResumeCode(random: (n: number) => Uint8Array = randomBytes): string {
  const chars: string[] = [];
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  const limit = 256 - (256 % CODE_ALPHABET.length);
  while (chars.length < CODE_LENGTH) {
    for (const b of random(CODE_LENGTH * 2)) {
      if (b >= limit) continue;
      chars.push(CODE_ALPHABET[b % CODE_ALPHABET.length]!);
      if (chars.length === CODE_LENGTH) break;
    }
  }
  return formatResumeCode(chars.join(''));
}

export function formatResumeCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 12)}`;
}

/**
 * The code as typed, made canonical (upper case, dashes and spaces dropped), or null when it
 * cannot be a code. What is hashed is this canonical form.
 */
export function normalizeResumeCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== CODE_LENGTH) return null;
  for (const ch of raw) if (!CODE_ALPHABET.includes(ch)) return null;
  return raw;
}
