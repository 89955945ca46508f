// Password hashing (Argon2id, OWASP parameters) and the rules a new password must meet.
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors.js';

// Argon2id, m=19 MiB, t=2, p=1: OWASP's baseline recommendation.
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the account does not exist, so timing does not reveal which e-mails are registered. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-' + String(randomInt(1e9)));
  return dummyHash;
}

export function checkPasswordStrength(password: string, email: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError('weak_password', `Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  if (password.length > 256) throw new AppError('weak_password', 'Use at most 256 characters.');
  if (new Set(password).size < 5) {
    throw new AppError('weak_password', 'The password repeats too few different characters.');
  }
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) {
    throw new AppError('weak_password', 'The password must not contain your e-mail name.');
  }
}

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed by hand.
const OTP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateOneTimePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
  return out;
}
