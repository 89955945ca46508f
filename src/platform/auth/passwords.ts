// Password hashing (Argon2id, OWASP parameters) and the rules a new password must meet (the rules
// themselves are in src/contracts/password-rules.ts, shared with the console).
import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { constantTimeEqual } from '../crypto.js';
import { AppError } from '../errors.js';
import { loadEstimator, type Estimator } from '../../contracts/password-estimator.js';
import {
  checkPassword,
  estimatorInputs,
  PASSWORD_RULE_MESSAGES,
  type PasswordOwner,
  type PasswordRule,
} from '../../contracts/password-rules.js';

// Argon2id, m=19 MiB, t=2, p=1: OWASP's baseline recommendation.
const ARGON2 = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

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

/**
 * What an unknown account's password is verified against, so that every sign-in costs one Argon2
 * verification and the time taken does not tell which e-mails have accounts. A hash of 24 random
 * bytes nobody kept, with the same parameters as real hashes; fixed, so even the first unknown
 * e-mail after a start costs the same as a known one.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$jIB331lF4VdS+wM3RSzSrQ$+OJGiUE5guyATZntI3t90cU1MmELxxGGZydIykYG0JM';

let estimator: Promise<Estimator> | undefined;

/** The strength estimator, loaded on first use (its dictionaries are megabytes). */
export function passwordEstimator(): Promise<Estimator> {
  estimator ??= loadEstimator().catch((err: unknown) => {
    estimator = undefined;
    throw err;
  });
  return estimator;
}

/** Every rule a new password breaks (empty: it may be used), with the message for each. */
export async function passwordProblems(
  password: string,
  owner: PasswordOwner,
  current?: string,
): Promise<{ rule: PasswordRule; message: string }[]> {
  const estimate = (await passwordEstimator())(password, estimatorInputs(owner));
  const failed: PasswordRule[] = checkPassword(password, owner, estimate)
    .filter((c) => c.ok === false)
    .map((c) => c.rule);
  if (current !== undefined && constantTimeEqual(current, password)) failed.push('reused');
  return failed.map((rule) => ({ rule, message: PASSWORD_RULE_MESSAGES[rule] }));
}

/** Refuses a new password with every rule it breaks, so the user fixes them in one go. */
export async function checkNewPassword(
  password: string,
  owner: PasswordOwner,
  current?: string,
): Promise<void> {
  const problems = await passwordProblems(password, owner, current);
  if (problems.length > 0) {
    throw new AppError('weak_password', problems.map((p) => p.message).join(' '), undefined, {
      rules: problems,
    });
  }
}

// No look-alike characters (0/O, 1/l/I): the password is read off a screen and typed by hand.
const OTP_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generateOneTimePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i++) out += OTP_ALPHABET[randomInt(OTP_ALPHABET.length)];
  return out;
}
