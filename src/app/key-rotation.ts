// `ariadne keys rotate` over the whole program: the platform's rotation given every context's
// encrypted columns (each context lists its own beside its tables).
import {
  CASES_ENCRYPTED_COLUMNS,
  REFERRALS_ENCRYPTED_COLUMNS,
  SUBJECT_RIGHTS_ENCRYPTED_COLUMNS,
} from '../cases/index.js';
import { CHAT_ENCRYPTED_COLUMNS } from '../chat/index.js';
import { COLLECT_ENCRYPTED_COLUMNS } from '../collect/index.js';
import { FACTS_ENCRYPTED_COLUMNS } from '../facts/index.js';
import { OUTREACH_ENCRYPTED_COLUMNS } from '../outreach/index.js';
import { VAULT_ENCRYPTED_COLUMNS } from '../vault/index.js';
import type { Actor } from '../platform/actor.js';
import type { FieldKey } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import {
  PLATFORM_ENCRYPTED_COLUMNS,
  rotateFieldKeys,
  type EncryptedColumn,
  type RotationResult,
} from '../platform/key-rotation.js';

export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  ...PLATFORM_ENCRYPTED_COLUMNS,
  ...FACTS_ENCRYPTED_COLUMNS,
  ...OUTREACH_ENCRYPTED_COLUMNS,
  ...COLLECT_ENCRYPTED_COLUMNS,
  ...CASES_ENCRYPTED_COLUMNS,
  ...REFERRALS_ENCRYPTED_COLUMNS,
  ...SUBJECT_RIGHTS_ENCRYPTED_COLUMNS,
  ...CHAT_ENCRYPTED_COLUMNS,
  ...VAULT_ENCRYPTED_COLUMNS,
];

/** Re-encrypts every encrypted column of every context under the active field key. */
export function rotateAllFieldKeys(
  db: Db,
  keys: readonly FieldKey[],
  actor: Actor,
  onProgress?: (done: number) => void,
): Promise<RotationResult> {
  return rotateFieldKeys(db, keys, actor, ENCRYPTED_COLUMNS, onProgress);
}
