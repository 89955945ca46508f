// Tables of the evidence vault. What they hold is opaque to the server or a hash: the vault's
// public id only as a keyed hash (a dump does not list the ids to unlock with), the auth keys only
// as Argon2id hashes, the identity only wrapped by the device (age scrypt files), items and
// manifests only as age files in the blob store (keys here), and the hash chain of the vault's
// entries with the RFC 3161 tokens of its heads. No name, e-mail, phone or address of the owner;
// wrong attempts per address are counted under a keyed hash of the address, by the hour.
import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHAIN_ENTRY_KINDS } from '../contracts/vault-protocol.js';
import { users } from '../platform/auth/schema.js';
import type { EncryptedColumn } from '../platform/key-rotation.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const vaults = pgTable(
  'vaults',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Keyed hash of the vault id the person holds. */
    lookupHash: text('lookup_hash').notNull(),
    authSalt: text('auth_salt').notNull(),
    /** Argon2id of the passphrase-derived auth key. */
    authHash: text('auth_hash').notNull(),
    recoverySalt: text('recovery_salt').notNull(),
    recoveryHash: text('recovery_hash').notNull(),
    /** age file: the identity wrapped under the passphrase (base64url). */
    passphraseWrapped: text('passphrase_wrapped').notNull(),
    recoveryWrapped: text('recovery_wrapped').notNull(),
    /** Wipe at this many wrong attempts in a row; null: never (the owner's choice). */
    wipeAfter: integer('wipe_after'),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: at('last_failure_at'),
    headSeq: integer('head_seq').notNull().default(0),
    headHash: text('head_hash'),
    createdAt: at('created_at').notNull(),
    lastUnlockedAt: at('last_unlocked_at'),
  },
  (t) => [uniqueIndex('vaults_lookup_idx').on(t.lookupHash)],
);

export const vaultSessions = pgTable(
  'vault_sessions',
  {
    /** Keyed hash of the cookie's token. */
    tokenHash: text('token_hash').primaryKey(),
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    createdAt: at('created_at').notNull(),
    lastSeenAt: at('last_seen_at').notNull(),
  },
  (t) => [
    index('vault_sessions_vault_idx').on(t.vaultId),
    index('vault_sessions_seen_idx').on(t.lastSeenAt),
  ],
);

export const vaultAddressFailures = pgTable(
  'vault_address_failures',
  {
    addressHash: text('address_hash').notNull(),
    windowStart: at('window_start').notNull(),
    failures: integer('failures').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.addressHash, t.windowStart] })],
);

/**
 * Wrong attempts at ids that are no vault, throttled exactly like a vault's own, so that a wait
 * (429) never tells a vault exists where a plain refusal would not. Keyed hash of the id; kept
 * for a month after the last attempt.
 */
export const vaultUnknownAttempts = pgTable('vault_unknown_attempts', {
  lookupHash: text('lookup_hash').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: at('last_failure_at').notNull(),
});

export const UPLOAD_STATES = ['receiving', 'finalized', 'failed', 'expired'] as const;
export const UPLOAD_PURPOSES = ['item', 'share'] as const;

export const vaultUploads = pgTable(
  'vault_uploads',
  {
    /** Also the id of the item (or share) it becomes. */
    id: uuid('id').primaryKey().defaultRandom(),
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: UPLOAD_PURPOSES }).notNull(),
    /** For a share: the item copied and the recipient it is encrypted to. */
    itemId: uuid('item_id'),
    recipientId: uuid('recipient_id'),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    received: bigint('received', { mode: 'number' }).notNull().default(0),
    state: text('state', { enum: UPLOAD_STATES }).notNull().default('receiving'),
    failReason: text('fail_reason'),
    createdAt: at('created_at').notNull(),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [
    index('vault_uploads_vault_idx').on(t.vaultId),
    index('vault_uploads_expiry_idx')
      .on(t.expiresAt)
      .where(sql`${t.state} = 'receiving'`),
  ],
);

export const vaultUploadChunks = pgTable(
  'vault_upload_chunks',
  {
    uploadId: uuid('upload_id')
      .notNull()
      .references(() => vaultUploads.id, { onDelete: 'cascade' }),
    offset: bigint('offset', { mode: 'number' }).notNull(),
    length: integer('length').notNull(),
    blobKey: text('blob_key').notNull(),
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.offset] })],
);

export const vaultItems = pgTable(
  'vault_items',
  {
    id: uuid('id').primaryKey(),
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** sha256 of the ciphertext (the age file), checked at upload. */
    sha256: text('sha256').notNull(),
    blobKey: text('blob_key').notNull(),
    manifestKey: text('manifest_key').notNull(),
    manifestSize: integer('manifest_size').notNull(),
    manifestSha256: text('manifest_sha256').notNull(),
    addedAt: at('added_at').notNull(),
    /** The chain entry that recorded it. */
    seq: integer('seq').notNull(),
  },
  (t) => [index('vault_items_vault_idx').on(t.vaultId)],
);

export const vaultChain = pgTable(
  'vault_chain',
  {
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    kind: text('kind', { enum: CHAIN_ENTRY_KINDS }).notNull(),
    at: text('at').notNull(),
    canonical: text('canonical').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vaultId, t.seq] })],
);

export const vaultTimestamps = pgTable(
  'vault_timestamps',
  {
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    headHash: text('head_hash').notNull(),
    /** The TimeStampToken, DER, base64. */
    token: text('token').notNull(),
    genTime: at('gen_time').notNull(),
    tsaUrl: text('tsa_url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vaultId, t.seq] })],
);

/** A console user's age public key, for items shared with them. */
export const vaultRecipientKeys = pgTable('vault_recipient_keys', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  agePublicKey: text('age_public_key').notNull(),
  updatedAt: at('updated_at').notNull(),
});

/** Short-lived codes a console user gives a person, so their vault may share with them. */
export const vaultShareCodes = pgTable(
  'vault_share_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The case the worker works with this person, if any (for share requests). */
    caseId: uuid('case_id'),
    expiresAt: at('expires_at').notNull(),
  },
  (t) => [index('vault_share_codes_expiry_idx').on(t.expiresAt)],
);

/** Who a vault may share with: added by the owner with a share code. */
export const vaultRecipients = pgTable(
  'vault_recipients',
  {
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id'),
    addedAt: at('added_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.vaultId, t.userId] }),
    index('vault_recipients_user_idx').on(t.userId),
  ],
);

export const vaultShares = pgTable(
  'vault_shares',
  {
    id: uuid('id').primaryKey(),
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id')
      .notNull()
      .references(() => vaultItems.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The copy re-encrypted to the recipient (age file). */
    blobKey: text('blob_key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    sharedAt: at('shared_at').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    index('vault_shares_vault_idx').on(t.vaultId),
    index('vault_shares_recipient_idx').on(t.recipientId),
  ],
);

export const vaultShareOpens = pgTable(
  'vault_share_opens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    shareId: uuid('share_id')
      .notNull()
      .references(() => vaultShares.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
  },
  (t) => [index('vault_share_opens_share_idx').on(t.shareId)],
);

export const SHARE_REQUEST_STATES = ['open', 'answered', 'declined'] as const;

/** A worker's request that the person share something, through the case they work together. */
export const vaultShareRequests = pgTable(
  'vault_share_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    vaultId: uuid('vault_id')
      .notNull()
      .references(() => vaults.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').notNull(),
    /** The worker's words, AES-GCM under the field keys (they are about a person's case). */
    messageEnc: text('message_enc').notNull(),
    status: text('status', { enum: SHARE_REQUEST_STATES }).notNull().default('open'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('vault_share_requests_vault_idx').on(t.vaultId)],
);

/** The vault's columns under the field keys, for key rotation. */
export const VAULT_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  {
    table: 'vault_share_requests',
    idColumn: 'id',
    column: 'message_enc',
    context: 'vault_share_requests.message',
  },
];
