// The evidence vault's HTTP contract: the request and response shapes of /api/vault (the person's
// app) and /api/vault-recipient (console users who receive shared items), as zod/mini schemas that
// the server validates with and a future web/vault bundle imports unchanged. Pure: no Node, no src.
//
// The server never holds a key that opens the vault. What it stores is opaque to it:
// - the vault's age X25519 identity, wrapped by the device with age's scrypt recipient, once under
//   the passphrase and once under the recovery code (two age files, base64 here);
// - items and their manifests as age files (ciphertext), uploaded in chunks;
// - a verifier of an *auth key* the device derives from the passphrase (or the recovery code) with
//   AUTH_KDF below. The auth key is not the age passphrase: scrypt with a distinct label and salt
//   makes it a separate value, and the server keeps only an Argon2id hash of it, so neither the
//   wire nor the database holds anything that opens the wrapped identity.
import * as z from 'zod/mini';

/**
 * A vault id as the person writes it down: 20 Crockford base32 characters in four groups
 * ("7K2QH-M9XTR-4VBNC-8WDJE"), 100 random bits. No e-mail, no phone number. Input may come in
 * lower case, without dashes or with O/I/L typed for 0/1/1; the server normalises it.
 */
export const VAULT_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/;
const vaultIdInput = z.string().check(z.minLength(16), z.maxLength(40));

/**
 * How the device turns a passphrase (or the recovery code) into the auth key it sends:
 *   authKey = scrypt(P = UTF-8 of NFKC(secret), S = UTF-8(label) || salt, N, r, p, dkLen)
 * with `label` AUTH_KDF.passphraseLabel or AUTH_KDF.recoveryLabel and `salt` the 16 random bytes
 * the device chose at creation (sent to the server; GET .../auth-params gives them back).
 * The age files use age's own scrypt stanza with their own salt, so the two never coincide.
 */
export const AUTH_KDF = {
  algorithm: 'scrypt',
  N: 65_536,
  r: 8,
  p: 1,
  dkLen: 32,
  passphraseLabel: 'ariadne-vault-auth-v1/passphrase:',
  recoveryLabel: 'ariadne-vault-auth-v1/recovery:',
} as const;

/** base64url without padding (RFC 4648 §5). */
const B64URL = /^[A-Za-z0-9_-]*$/;
const b64url = (minBytes: number, maxBytes: number) =>
  z
    .string()
    .check(
      z.regex(B64URL),
      z.minLength(Math.ceil((minBytes * 4) / 3)),
      z.maxLength(Math.ceil((maxBytes * 4) / 3)),
    );
/** A 32-byte auth key, base64url. */
export const AuthKey = b64url(32, 32).check(z.length(43));
/** A 16-byte salt, base64url. */
export const AuthSalt = b64url(16, 16).check(z.length(22));
/** An age file (the wrapped identity), base64url; small: one identity and its stanza. */
export const WrappedIdentity = b64url(100, 8192);
/** An age encryption of the item's manifest (name, type, description, plaintext sha256…). */
export const MAX_MANIFEST_BYTES = 64 * 1024;
export const EncryptedManifest = b64url(60, MAX_MANIFEST_BYTES);
const sha256Hex = z.string().check(z.regex(/^[0-9a-f]{64}$/));
/** An age X25519 recipient ("age1…", bech32). */
export const AGE_RECIPIENT = /^age1[02-9ac-hj-np-z]{58}$/;

/** Wipe the vault after this many wrong attempts in a row (the owner's choice; null: never). */
export const WIPE_AFTER_MIN = 3;
export const WIPE_AFTER_MAX = 100;
const wipeAfter = z.nullable(z.int().check(z.gte(WIPE_AFTER_MIN), z.lte(WIPE_AFTER_MAX)));

export const CreateVaultRequest = z.object({
  authSalt: AuthSalt,
  authKey: AuthKey,
  recoverySalt: AuthSalt,
  recoveryAuthKey: AuthKey,
  passphraseWrappedIdentity: WrappedIdentity,
  recoveryWrappedIdentity: WrappedIdentity,
  wipeAfter: z.optional(wipeAfter),
});
export type CreateVaultRequest = z.infer<typeof CreateVaultRequest>;

/** The answer to a create: the new id (shown once, to write down) and an open session. */
export const CreateVaultResponse = z.object({
  vaultId: z.string().check(z.regex(VAULT_ID_PATTERN)),
  csrfToken: z.string(),
  idleSeconds: z.int(),
});
export type CreateVaultResponse = z.infer<typeof CreateVaultResponse>;

export const AuthParamsResponse = z.object({
  /** The salts to derive with. An unknown vault id gets stable made-up salts, not a 404. */
  authSalt: AuthSalt,
  recoverySalt: AuthSalt,
  kdf: z.object({ N: z.int(), r: z.int(), p: z.int(), dkLen: z.int() }),
});
export type AuthParamsResponse = z.infer<typeof AuthParamsResponse>;

export const UnlockRequest = z.object({
  vaultId: vaultIdInput,
  /** Derived from the passphrase (method "passphrase") or the recovery code ("recovery"). */
  method: z.enum(['passphrase', 'recovery']),
  authKey: AuthKey,
});
export type UnlockRequest = z.infer<typeof UnlockRequest>;

export const UnlockResponse = z.object({
  vaultId: z.string(),
  /** The identity wrapped under the secret that was used (the device unwraps it). */
  wrappedIdentity: WrappedIdentity,
  csrfToken: z.string(),
  idleSeconds: z.int(),
  /** Wrong attempts since the last unlock: the owner is told someone tried. */
  failedAttemptsSinceLastUnlock: z.int(),
});
export type UnlockResponse = z.infer<typeof UnlockResponse>;

/** Sets a new passphrase (after a recovery, or at will): new salt, key and wrapped identity. */
export const ChangePassphraseRequest = z.object({
  authSalt: AuthSalt,
  authKey: AuthKey,
  passphraseWrappedIdentity: WrappedIdentity,
});

export const VaultSettings = z.object({ wipeAfter });
export type VaultSettings = z.infer<typeof VaultSettings>;

export const StartUploadRequest = z.object({
  /** Exact ciphertext length in bytes (the age file). */
  size: z.int().check(z.gte(1)),
  /** sha256 of the whole ciphertext, lower-case hex: checked at finalize. */
  sha256: sha256Hex,
});
export type StartUploadRequest = z.infer<typeof StartUploadRequest>;

export const UploadStatus = z.object({
  uploadId: z.uuid(),
  state: z.enum(['receiving', 'finalized', 'failed', 'expired']),
  size: z.int(),
  /** Bytes received so far: the offset of the next chunk. */
  received: z.int(),
  /** Largest chunk the server takes. */
  maxChunkBytes: z.int(),
  expiresAt: z.string(),
});
export type UploadStatus = z.infer<typeof UploadStatus>;

/**
 * Closes an upload. The chunks must add up to the declared size and hash; otherwise the upload
 * fails and no item exists. `manifest` is the item's encrypted manifest (opaque to the server).
 */
export const FinalizeUploadRequest = z.object({ manifest: EncryptedManifest });

export const CHAIN_ENTRY_KINDS = [
  'created',
  'added',
  'shared',
  'share-revoked',
  'deleted',
] as const;
export type ChainEntryKind = (typeof CHAIN_ENTRY_KINDS)[number];

export const VaultItem = z.object({
  itemId: z.uuid(),
  size: z.int(),
  sha256: sha256Hex,
  addedAt: z.string(),
  /** The chain entry that recorded it. */
  seq: z.int(),
});
export type VaultItem = z.infer<typeof VaultItem>;

export const ChainEntry = z.object({
  seq: z.int(),
  kind: z.enum(CHAIN_ENTRY_KINDS),
  at: z.string(),
  /** The exact bytes that were hashed (UTF-8), so anyone can recompute the chain. */
  canonical: z.string(),
  prevHash: sha256Hex,
  hash: sha256Hex,
});
export type ChainEntry = z.infer<typeof ChainEntry>;

export const ChainVerification = z.object({
  ok: z.boolean(),
  entries: z.int(),
  /** The first entry that does not verify (its seq), and why. */
  brokenAt: z.nullable(z.int()),
  reason: z.nullable(z.string()),
  /** Items whose stored ciphertext no longer has the hash the chain recorded. */
  alteredItems: z.array(z.uuid()),
  timestampedHeads: z.int(),
  /** Tokens not checked, for want of the authority's certificate in the server's configuration. */
  timestampsUnchecked: z.int(),
  /**
   * Tokens that do not verify over the chain's head at their seq (a rewritten chain, a token over
   * another head, an untrusted signer), each with why.
   */
  timestampProblems: z.array(z.object({ seq: z.int(), reason: z.string() })),
});
export type ChainVerification = z.infer<typeof ChainVerification>;

/** A console user's age recipient, registered by them for receiving shared items. */
export const RegisterRecipientKeyRequest = z.object({
  agePublicKey: z.string().check(z.regex(AGE_RECIPIENT)),
});

/** A short code a worker reads out or writes to the person, "K7M2-QX9P". */
export const SHARE_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** The owner enters a worker's share code: the vault may from then on share with that person. */
export const AddRecipientRequest = z.object({ shareCode: z.string().check(z.maxLength(20)) });

export const VaultRecipient = z.object({
  recipientId: z.uuid(),
  displayName: z.string(),
  agePublicKey: z.string(),
  addedAt: z.string(),
});
export type VaultRecipient = z.infer<typeof VaultRecipient>;

/** Starts the upload of one item's copy re-encrypted to a recipient (then chunks and finalize). */
export const StartShareRequest = z.object({
  itemId: z.uuid(),
  recipientId: z.uuid(),
  size: z.int().check(z.gte(1)),
  sha256: sha256Hex,
});

export const VaultShare = z.object({
  shareId: z.uuid(),
  itemId: z.uuid(),
  recipientId: z.uuid(),
  recipientName: z.string(),
  sharedAt: z.string(),
  revokedAt: z.nullable(z.string()),
  /** Every time the recipient opened the copy. */
  opens: z.array(z.string()),
});
export type VaultShare = z.infer<typeof VaultShare>;

export const ShareRequestView = z.object({
  requestId: z.uuid(),
  recipientId: z.uuid(),
  recipientName: z.string(),
  /** What the worker asks for, in their words. */
  message: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'answered', 'declined']),
});
export type ShareRequestView = z.infer<typeof ShareRequestView>;

/** Headers of the vault API. */
export const VAULT_CSRF_HEADER = 'x-vault-csrf';
export const UPLOAD_OFFSET_HEADER = 'upload-offset';
