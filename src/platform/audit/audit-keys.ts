// The audit keys of this process. Every context appends to the audit log with nothing but a
// database handle (appendAudit(db, entry) is called from ~60 places, often inside a transaction),
// while the key that chains the entries must come from the configuration and never from the
// database. So the key ring is process state, set once where a process opens its database with its
// configuration (openDatabase) and replaced when an embedded server reloads its secrets file.
// Verification does not use this: it is given the keys explicitly.
import { AppError } from '../errors.js';

export interface AuditKey {
  id: string;
  key: Buffer;
}

let ring: readonly AuditKey[] = [];

/** Sets the keys this process chains with (the first one) and may verify with (all). */
export function useAuditKeys(keys: readonly AuditKey[]): void {
  ring = [...keys];
}

/** The key new entries are chained with; a clear error when the process has none. */
export function activeAuditKey(): AuditKey {
  const active = ring[0];
  if (!active) {
    throw new AppError(
      'config_invalid',
      'No audit key is configured (AUDIT_KEYS); the audit log cannot be written.',
    );
  }
  return active;
}
