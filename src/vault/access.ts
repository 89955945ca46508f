// Opening a vault without an account. The person holds a vault id and a passphrase (and a recovery
// code); the device derives an auth key from either (contract: AUTH_KDF) and the server compares
// it with an Argon2id hash, so it can tell a right unlock without ever learning anything that opens
// the wrapped identity it then hands back. Wrong attempts are throttled per vault and per address
// (domain/throttle.ts), every attempt costs one Argon2 verification whether the vault exists or not,
// and if the owner chose it the vault is wiped at the Nth wrong attempt in a row. An unlock opens a
// vault session: a random token in an HttpOnly cookie, stored as a keyed hash, ended by lock or by
// idleness.
import { randomBytes } from 'node:crypto';
import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type {
  ChangePassphraseRequest,
  CreateVaultRequest,
  UnlockRequest,
} from '../contracts/vault-protocol.js';
import type { z } from 'zod/mini';
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from '../platform/auth/passwords.js';
import { randomToken } from '../platform/crypto.js';
import type { Tx } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { appendChainEntry } from './chain-store.js';
import {
  addressHash,
  csrfTokenFor,
  madeUpSalt,
  sessionTokenHash,
  vaultLookupHash,
  vaultPrefix,
  type VaultDeps,
} from './deps.js';
import {
  addressAllowed,
  addressWindow,
  afterFailure,
  decideAttempt,
  ADDRESS_WINDOW_MS,
} from './domain/throttle.js';
import { formatVaultId, parseVaultId, VAULT_ID_RANDOM_BYTES } from './domain/vault-id.js';
import { vaultAddressFailures, vaults, vaultSessions, vaultUnknownAttempts } from './schema.js';

/** Longest a session lives however active it is. */
export const SESSION_ABSOLUTE_MS = 12 * 3_600_000;
/** How long wrong attempts at an id that is no vault are remembered (see unknownAttempt). */
const UNKNOWN_ATTEMPTS_KEPT_MS = 30 * 24 * 3_600_000;
/** A session's last-seen time is written at most this often (not on every chunk). */
const TOUCH_EVERY_MS = 30_000;

export interface OpenedSession {
  vaultId: string;
  token: string;
  csrfToken: string;
}

async function openSession(deps: VaultDeps, vaultId: string): Promise<OpenedSession> {
  const token = randomToken(32);
  const now = deps.clock.now();
  await deps.db.insert(vaultSessions).values({
    tokenHash: sessionTokenHash(deps.config, token),
    vaultId,
    createdAt: now,
    lastSeenAt: now,
  });
  return { vaultId, token, csrfToken: csrfTokenFor(deps.config, token) };
}

/**
 * Counts a creation from `address` (a keyed hash, by the hour, in the same table as wrong
 * attempts under a key of its own) and refuses past VAULT_CREATIONS_PER_HOUR.
 */
async function countCreation(deps: VaultDeps, address: string): Promise<void> {
  const now = deps.clock.now();
  const window = addressWindow(now);
  const hash = addressHash(deps.config, `create:${address}`);
  const [row] = await deps.db
    .insert(vaultAddressFailures)
    .values({ addressHash: hash, windowStart: window, failures: 1 })
    .onConflictDoUpdate({
      target: [vaultAddressFailures.addressHash, vaultAddressFailures.windowStart],
      set: { failures: sql`${vaultAddressFailures.failures} + 1` },
    })
    .returning({ count: vaultAddressFailures.failures });
  if (row!.count > deps.config.vault.creationsPerHour) {
    const retryAfterSeconds = Math.ceil(
      (window.getTime() + ADDRESS_WINDOW_MS - now.getTime()) / 1000,
    );
    throw new AppError(
      'rate_limited',
      'Too many vaults were created from this connection. Try again later.',
      undefined,
      { retryAfterSeconds },
    );
  }
}

export async function createVault(
  deps: VaultDeps,
  input: CreateVaultRequest,
  address: string,
): Promise<OpenedSession & { publicId: string }> {
  await countCreation(deps, address);
  const publicId = formatVaultId(randomBytes(VAULT_ID_RANDOM_BYTES));
  const now = deps.clock.now();
  const [authHash, recoveryHash] = await Promise.all([
    hashPassword(input.authKey),
    hashPassword(input.recoveryAuthKey),
  ]);
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(vaults)
      .values({
        lookupHash: vaultLookupHash(deps.config, publicId),
        authSalt: input.authSalt,
        authHash,
        recoverySalt: input.recoverySalt,
        recoveryHash,
        passphraseWrapped: input.passphraseWrappedIdentity,
        recoveryWrapped: input.recoveryWrappedIdentity,
        wipeAfter: input.wipeAfter ?? null,
        createdAt: now,
        lastUnlockedAt: now,
      })
      .returning({ id: vaults.id });
    await appendChainEntry(tx, row!.id, 'created', now, {});
    return row!.id;
  });
  await deps.onNewHead?.(id);
  return { ...(await openSession(deps, id)), publicId };
}

export async function authParams(
  deps: VaultDeps,
  vaultIdText: string,
): Promise<{ authSalt: string; recoverySalt: string }> {
  const publicId = parseVaultId(vaultIdText) ?? vaultIdText;
  const [row] = await deps.db
    .select({ authSalt: vaults.authSalt, recoverySalt: vaults.recoverySalt })
    .from(vaults)
    .where(eq(vaults.lookupHash, vaultLookupHash(deps.config, publicId)));
  return (
    row ?? {
      authSalt: madeUpSalt(deps.config, publicId, 'auth'),
      recoverySalt: madeUpSalt(deps.config, publicId, 'recovery'),
    }
  );
}

const wrong = () =>
  new AppError(
    'invalid_credentials',
    'That vault id and passphrase do not open a vault. Check both and try again.',
  );

async function countAddressFailure(deps: VaultDeps, hash: string, window: Date): Promise<void> {
  await deps.db
    .insert(vaultAddressFailures)
    .values({ addressHash: hash, windowStart: window, failures: 1 })
    .onConflictDoUpdate({
      target: [vaultAddressFailures.addressHash, vaultAddressFailures.windowStart],
      set: { failures: sql`${vaultAddressFailures.failures} + 1` },
    });
}

type AttemptOutcome =
  | { kind: 'ok'; wrapped: string; failures: number }
  | { kind: 'wrong'; wipe: boolean; vaultId: string | null }
  | { kind: 'wait'; retryAfterSeconds: number };

/**
 * An attempt at an id that is no vault: the same Argon2 cost and the same waits as a vault's, so
 * neither the time taken nor a 429 tells which ids are vaults.
 */
async function unknownAttempt(
  tx: Tx,
  lookup: string | null,
  authKey: string,
  now: Date,
): Promise<AttemptOutcome> {
  const [row] = lookup
    ? await tx
        .select()
        .from(vaultUnknownAttempts)
        .where(eq(vaultUnknownAttempts.lookupHash, lookup))
        .for('update')
    : [];
  const state = { failures: row?.failures ?? 0, lastFailureAt: row?.lastFailureAt ?? null };
  const decision = decideAttempt(state, now);
  if (!decision.allowed) return { kind: 'wait', retryAfterSeconds: decision.retryAfterSeconds };
  await verifyPassword(DUMMY_PASSWORD_HASH, authKey);
  if (lookup) {
    await tx
      .insert(vaultUnknownAttempts)
      .values({ lookupHash: lookup, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: vaultUnknownAttempts.lookupHash,
        set: { failures: sql`${vaultUnknownAttempts.failures} + 1`, lastFailureAt: now },
      });
  }
  return { kind: 'wrong', wipe: false, vaultId: null };
}

export interface Unlocked extends OpenedSession {
  wrappedIdentity: string;
  failedAttemptsSinceLastUnlock: number;
}

/** One unlock attempt. Throws invalid_credentials (wrong) or rate_limited (too soon). */
export async function unlockVault(
  deps: VaultDeps,
  input: UnlockRequest,
  address: string,
): Promise<Unlocked> {
  const now = deps.clock.now();
  const addr = addressHash(deps.config, address);
  const window = addressWindow(now);
  const [counted] = await deps.db
    .select({ failures: vaultAddressFailures.failures })
    .from(vaultAddressFailures)
    .where(
      and(eq(vaultAddressFailures.addressHash, addr), eq(vaultAddressFailures.windowStart, window)),
    );
  if (!addressAllowed(counted?.failures ?? 0, deps.config.vault.addressFailuresPerHour)) {
    const retryAfterSeconds = Math.ceil(
      (window.getTime() + ADDRESS_WINDOW_MS - now.getTime()) / 1000,
    );
    throw new AppError(
      'rate_limited',
      'Too many wrong attempts from this connection. Try again later.',
      undefined,
      { retryAfterSeconds },
    );
  }
  const publicId = parseVaultId(input.vaultId);
  const lookup = publicId ? vaultLookupHash(deps.config, publicId) : null;

  const outcome = await deps.db.transaction(async (tx): Promise<AttemptOutcome> => {
    // The row is locked while the attempt is weighed: parallel guesses are taken one by one.
    const [vault] = lookup
      ? await tx.select().from(vaults).where(eq(vaults.lookupHash, lookup)).for('update')
      : [];
    if (!vault) return unknownAttempt(tx, lookup, input.authKey, now);
    const decision = decideAttempt(
      { failures: vault.failures, lastFailureAt: vault.lastFailureAt },
      now,
    );
    if (!decision.allowed) return { kind: 'wait', retryAfterSeconds: decision.retryAfterSeconds };
    const recovery = input.method === 'recovery';
    const good = await verifyPassword(
      recovery ? vault.recoveryHash : vault.authHash,
      input.authKey,
    );
    if (good) {
      await tx
        .update(vaults)
        .set({ failures: 0, lastFailureAt: null, lastUnlockedAt: now })
        .where(eq(vaults.id, vault.id));
      return {
        kind: 'ok',
        wrapped: recovery ? vault.recoveryWrapped : vault.passphraseWrapped,
        failures: vault.failures,
      };
    }
    const next = afterFailure(
      { failures: vault.failures, lastFailureAt: vault.lastFailureAt },
      now,
      vault.wipeAfter,
    );
    await tx
      .update(vaults)
      .set({ failures: next.state.failures, lastFailureAt: now })
      .where(eq(vaults.id, vault.id));
    return { kind: 'wrong', wipe: next.wipe, vaultId: vault.id };
  });

  if (outcome.kind === 'wait') {
    throw new AppError(
      'rate_limited',
      `Too many wrong attempts. Wait ${outcome.retryAfterSeconds} seconds and try again.`,
      undefined,
      { retryAfterSeconds: outcome.retryAfterSeconds },
    );
  }
  if (outcome.kind === 'wrong') {
    await countAddressFailure(deps, addr, window);
    if (outcome.wipe && outcome.vaultId) await eraseVault(deps, outcome.vaultId);
    throw wrong();
  }
  const vaultRow = await deps.db
    .select({ id: vaults.id })
    .from(vaults)
    .where(eq(vaults.lookupHash, lookup!));
  const session = await openSession(deps, vaultRow[0]!.id);
  return {
    ...session,
    wrappedIdentity: outcome.wrapped,
    failedAttemptsSinceLastUnlock: outcome.failures,
  };
}

/** The vault a session token opens now (and marks it seen), or null: locked, expired or unknown. */
export async function vaultOfSession(deps: VaultDeps, token: string): Promise<string | null> {
  const hash = sessionTokenHash(deps.config, token);
  const [row] = await deps.db.select().from(vaultSessions).where(eq(vaultSessions.tokenHash, hash));
  if (!row) return null;
  const now = deps.clock.now().getTime();
  if (
    now - row.lastSeenAt.getTime() >= deps.config.vault.sessionIdleMs ||
    now - row.createdAt.getTime() >= SESSION_ABSOLUTE_MS
  ) {
    await deps.db.delete(vaultSessions).where(eq(vaultSessions.tokenHash, hash));
    return null;
  }
  if (now - row.lastSeenAt.getTime() >= TOUCH_EVERY_MS) {
    await deps.db
      .update(vaultSessions)
      .set({ lastSeenAt: new Date(now) })
      .where(eq(vaultSessions.tokenHash, hash));
  }
  return row.vaultId;
}

export async function lockVault(deps: VaultDeps, token: string): Promise<void> {
  await deps.db
    .delete(vaultSessions)
    .where(eq(vaultSessions.tokenHash, sessionTokenHash(deps.config, token)));
}

export async function setWipeAfter(
  deps: VaultDeps,
  vaultId: string,
  wipeAfter: number | null,
): Promise<void> {
  await deps.db.update(vaults).set({ wipeAfter }).where(eq(vaults.id, vaultId));
}

export async function vaultSettings(deps: VaultDeps, vaultId: string) {
  const [row] = await deps.db
    .select({ wipeAfter: vaults.wipeAfter, headSeq: vaults.headSeq, createdAt: vaults.createdAt })
    .from(vaults)
    .where(eq(vaults.id, vaultId));
  if (!row) throw new AppError('not_found', 'This vault no longer exists.');
  return row;
}

/**
 * A new passphrase (after a recovery, or at will). Every other session of the vault ends: whoever
 * had the old passphrase open on another device is locked out with it.
 */
export async function changePassphrase(
  deps: VaultDeps,
  vaultId: string,
  currentToken: string,
  input: z.infer<typeof ChangePassphraseRequest>,
): Promise<void> {
  const authHash = await hashPassword(input.authKey);
  await deps.db.transaction(async (tx) => {
    await tx
      .update(vaults)
      .set({
        authSalt: input.authSalt,
        authHash,
        passphraseWrapped: input.passphraseWrappedIdentity,
      })
      .where(eq(vaults.id, vaultId));
    await tx
      .delete(vaultSessions)
      .where(
        and(
          eq(vaultSessions.vaultId, vaultId),
          ne(vaultSessions.tokenHash, sessionTokenHash(deps.config, currentToken)),
        ),
      );
  });
}

/** Checks the owner's auth key again before something that cannot be undone. */
export async function confirmOwner(
  deps: VaultDeps,
  vaultId: string,
  authKey: string,
): Promise<void> {
  const [row] = await deps.db
    .select({ authHash: vaults.authHash })
    .from(vaults)
    .where(eq(vaults.id, vaultId));
  if (!row || !(await verifyPassword(row.authHash, authKey))) {
    throw new AppError('invalid_credentials', 'That passphrase is not this vault’s passphrase.');
  }
}

/**
 * Erases a whole vault: its rows (sessions, chain, items, uploads, shares — by cascade) and every
 * blob under its prefix. The rows go first, so a half-done erasure never leaves a vault pointing at
 * missing blobs; blobs left by a crash here sit under a prefix no row names.
 */
export async function eraseVault(deps: VaultDeps, vaultId: string): Promise<void> {
  await deps.db.delete(vaults).where(eq(vaults.id, vaultId));
  for await (const key of deps.blobs.list(vaultPrefix(vaultId))) await deps.blobs.delete(key);
}

/** Drops sessions past their idle time and address counts past their window. */
export async function purgeVaultSessions(deps: VaultDeps): Promise<number> {
  const now = deps.clock.now().getTime();
  const idle = await deps.db
    .delete(vaultSessions)
    .where(lt(vaultSessions.lastSeenAt, new Date(now - deps.config.vault.sessionIdleMs)))
    .returning({ t: vaultSessions.tokenHash });
  await deps.db
    .delete(vaultAddressFailures)
    .where(lt(vaultAddressFailures.windowStart, new Date(now - 2 * ADDRESS_WINDOW_MS)));
  // A vault's count lasts until its next good unlock; an unknown id's lasts a month without
  // attempts, so that its waits do not end sooner than a vault's would (nothing else is kept).
  await deps.db
    .delete(vaultUnknownAttempts)
    .where(lt(vaultUnknownAttempts.lastFailureAt, new Date(now - UNKNOWN_ATTEMPTS_KEPT_MS)));
  return idle.length;
}
