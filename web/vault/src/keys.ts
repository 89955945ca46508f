// The vault's keys, made and opened on the device only. The vault's identity is an age X25519 key
// (X25519, not the post-quantum hybrid: exported files must open with the age 1.x that Debian
// ships). The server keeps it only wrapped — an age file to age's scrypt recipient — once under the
// passphrase and once under the recovery code; what the device proves itself with is a separate
// auth key (AUTH_KDF: scrypt with its own label and salt), so nothing the server holds opens the
// identity. Keys stay in memory; nothing here touches storage.
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AUTH_KDF } from '../../../src/contracts/vault-protocol';
import { concat, fromBase64Url, randomBytes, toBase64Url, utf8 } from './bytes';

/** age's default scrypt work factor (2^18): the wrapped identity is what an attacker would grind. */
export const WRAP_LOG_N = 18;

export interface VaultKeys {
  /** "AGE-SECRET-KEY-1…": opens every item. */
  identity: string;
  /** "age1…": what items are encrypted to. */
  recipient: string;
}

/** A secret as the KDFs take it: NFKC, so the same passphrase typed on another keyboard matches. */
const normalised = (secret: string) => secret.normalize('NFKC');

/** authKey = scrypt(NFKC(secret), label || salt) as the contract fixes it; base64url. */
export async function deriveAuthKey(
  secret: string,
  saltB64: string,
  which: 'passphrase' | 'recovery',
  cost: { N: number; r: number; p: number; dkLen: number } = AUTH_KDF,
): Promise<string> {
  const label = which === 'passphrase' ? AUTH_KDF.passphraseLabel : AUTH_KDF.recoveryLabel;
  const key = await scryptAsync(
    utf8(normalised(secret)),
    concat([utf8(label), fromBase64Url(saltB64)]),
    { N: cost.N, r: cost.r, p: cost.p, dkLen: cost.dkLen, asyncTick: 20 },
  );
  return toBase64Url(key);
}

export const newSalt = (): string => toBase64Url(randomBytes(16));

export async function generateVaultKeys(): Promise<VaultKeys> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

/** The identity as an age file to the scrypt recipient of `secret` (base64url, as the API wants). */
export async function wrapIdentity(
  identity: string,
  secret: string,
  logN = WRAP_LOG_N,
): Promise<string> {
  const e = new Encrypter();
  e.setScryptWorkFactor(logN);
  e.setPassphrase(normalised(secret));
  return toBase64Url(await e.encrypt(identity));
}

/** Opens a wrapped identity; throws when the secret is wrong (age's MAC does not verify). */
export async function unwrapIdentity(wrapped: string, secret: string): Promise<VaultKeys> {
  const d = new Decrypter();
  d.addPassphrase(normalised(secret));
  const identity = (await d.decrypt(fromBase64Url(wrapped), 'text')).trim();
  if (!identity.startsWith('AGE-SECRET-KEY-1')) throw new Error('not an age identity');
  return { identity, recipient: await identityToRecipient(identity) };
}

/** Crockford base32: no I, L, O, U, so what is written down reads back one way. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 24 characters in six groups of four: 120 random bits ("K7M2-QX9P-…"). */
export function newRecoveryCode(): string {
  const bytes = randomBytes(24);
  const chars = Array.from(bytes, (b) => CROCKFORD[b & 31]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * A recovery code as typed back: case, spaces and dashes do not matter, and O/I/L read as 0/1/1.
 * Null when it cannot be one (the wrong length or a letter not in the alphabet).
 */
export function normaliseRecoveryCode(input: string): string | null {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== 24 || [...plain].some((c) => !CROCKFORD.includes(c))) return null;
  return plain.match(/.{4}/g)!.join('-');
}

/**
 * The identity as an age key file (what `age-keygen` writes), so an exported .age file opens with
 * `age -d -i key.txt`. `createdAt` is the time the file is saved (shown to the owner, not secret).
 */
export function keyFileText(keys: VaultKeys, createdAt: string): string {
  return `# created: ${createdAt}\n# public key: ${keys.recipient}\n${keys.identity}\n`;
}

/** What creating a vault sends (CreateVaultRequest) and what the device must show once. */
export interface NewVault {
  keys: VaultKeys;
  recoveryCode: string;
  request: {
    authSalt: string;
    authKey: string;
    recoverySalt: string;
    recoveryAuthKey: string;
    passphraseWrappedIdentity: string;
    recoveryWrappedIdentity: string;
  };
}

export async function prepareVault(
  passphrase: string,
  cost: {
    logN?: number;
    kdf?: typeof AUTH_KDF | { N: number; r: number; p: number; dkLen: number };
  } = {},
): Promise<NewVault> {
  const keys = await generateVaultKeys();
  const recoveryCode = newRecoveryCode();
  const authSalt = newSalt();
  const recoverySalt = newSalt();
  const [authKey, recoveryAuthKey, passphraseWrappedIdentity, recoveryWrappedIdentity] =
    await Promise.all([
      deriveAuthKey(passphrase, authSalt, 'passphrase', cost.kdf),
      deriveAuthKey(recoveryCode, recoverySalt, 'recovery', cost.kdf),
      wrapIdentity(keys.identity, passphrase, cost.logN),
      wrapIdentity(keys.identity, recoveryCode, cost.logN),
    ]);
  return {
    keys,
    recoveryCode,
    request: {
      authSalt,
      authKey,
      recoverySalt,
      recoveryAuthKey,
      passphraseWrappedIdentity,
      recoveryWrappedIdentity,
    },
  };
}
