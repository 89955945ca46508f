// What the vault's services are given, and the keys they derive: each keyed hash has its own key,
// derived for that one purpose from the configured secrets.
import type { BlobStore } from '../platform/blobs/index.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import { deriveKey, hmacHex } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';

export interface VaultDeps {
  db: Db;
  config: Config;
  clock: Clock;
  blobs: BlobStore;
  /** Called after a new chain head is committed (queues its time-stamp); absent: the sweep does it. */
  onNewHead?: (vaultId: string) => Promise<void>;
}

const key = (config: Config, purpose: string) =>
  deriveKey(config.secrets.identifierPepper, `vault-${purpose}`);

/** Keyed hash of a vault id: how a vault is found without its id being stored. */
export const vaultLookupHash = (config: Config, vaultId: string) =>
  hmacHex(key(config, 'id'), vaultId);
export const sessionTokenHash = (config: Config, token: string) =>
  hmacHex(deriveKey(config.secrets.sessionSecret, 'vault-session'), token);
/** The CSRF token that goes with a session token: derived, so nothing more is stored. */
export const csrfTokenFor = (config: Config, token: string) =>
  hmacHex(deriveKey(config.secrets.sessionSecret, 'vault-csrf'), token);
export const addressHash = (config: Config, address: string) =>
  hmacHex(key(config, 'address'), address);
export const shareCodeHash = (config: Config, code: string) =>
  hmacHex(key(config, 'share-code'), code);
/**
 * Salts answered for a vault id that does not exist: stable per id and indistinguishable from real
 * ones, so asking for salts does not tell which ids are vaults.
 */
export function madeUpSalt(config: Config, vaultId: string, which: string): string {
  return Buffer.from(hmacHex(key(config, 'made-up-salt'), `${which}:${vaultId}`), 'hex')
    .subarray(0, 16)
    .toString('base64url');
}

/** Blob keys of a vault: everything it has lives under its prefix. */
export const vaultPrefix = (vaultId: string) => `vault/${vaultId}/`;
export const chunkKey = (vaultId: string, uploadId: string, offset: number, nonce: string) =>
  `vault/${vaultId}/uploads/${uploadId}/${String(offset).padStart(12, '0')}-${nonce}`;
export const itemKey = (vaultId: string, itemId: string) => `vault/${vaultId}/items/${itemId}.age`;
export const manifestKey = (vaultId: string, itemId: string) =>
  `vault/${vaultId}/items/${itemId}.manifest.age`;
export const shareKey = (vaultId: string, shareId: string) =>
  `vault/${vaultId}/shares/${shareId}.age`;
