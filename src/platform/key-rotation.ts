// Re-encrypts every encrypted column under the active field key (`ariadne keys rotate`). Contexts
// list their encrypted columns beside their tables and src/app hands all of them in; the rotation reads each value with whichever configured key
// wrote it and writes it back under the first key, in batches, so it can run on a live system.
import { sql } from 'drizzle-orm';
import { auditFields, type Actor } from './actor.js';
import { appendAudit } from './audit/audit-log.js';
import { decryptField, encryptedKeyId, encryptField, type FieldKey } from './crypto.js';
import type { Db } from './db/connect.js';

export interface EncryptedColumn {
  table: string;
  idColumn: string;
  column: string;
  /** Associated-data context the value was encrypted with. */
  context: string;
}

/** The platform's own encrypted columns; each context lists its own beside its tables. */
export const PLATFORM_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'users', idColumn: 'id', column: 'totp_secret_enc', context: 'users.totp_secret' },
  {
    table: 'sessions',
    idColumn: 'id',
    column: 'pending_totp_enc',
    context: 'sessions.pending_totp',
  },
];

export interface RotationResult {
  activeKeyId: string;
  reencrypted: number;
  byColumn: Record<string, number>;
}

export async function rotateFieldKeys(
  db: Db,
  keys: readonly FieldKey[],
  actor: Actor,
  columns: readonly EncryptedColumn[],
  onProgress?: (done: number) => void,
): Promise<RotationResult> {
  const active = keys[0];
  if (!active) throw new Error('No field encryption key configured');
  const byColumn: Record<string, number> = {};
  let total = 0;
  for (const col of columns) {
    const name = `${col.table}.${col.column}`;
    byColumn[name] = 0;
    for (;;) {
      // Values not yet under the active key: their prefix is "v1.<keyid>.".
      const rows = await db.execute<{ id: string; value: string }>(
        sql`SELECT ${sql.identifier(col.idColumn)}::text AS id, ${sql.identifier(col.column)} AS value
            FROM ${sql.identifier(col.table)}
            WHERE ${sql.identifier(col.column)} IS NOT NULL
              AND ${sql.identifier(col.column)} NOT LIKE ${`v1.${active.id}.%`}
            LIMIT 500`,
      );
      if (rows.rows.length === 0) break;
      for (const row of rows.rows) {
        if (encryptedKeyId(row.value) === active.id) continue;
        const plain = decryptField(keys, row.value, col.context);
        const fresh = encryptField(keys, plain, col.context);
        await db.execute(
          sql`UPDATE ${sql.identifier(col.table)} SET ${sql.identifier(col.column)} = ${fresh}
              WHERE ${sql.identifier(col.idColumn)}::text = ${row.id} AND ${sql.identifier(col.column)} = ${row.value}`,
        );
        byColumn[name]++;
        total++;
      }
      onProgress?.(total);
    }
  }
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'keys.rotate',
    details: { activeKeyId: active.id, reencrypted: total, byColumn },
  });
  return { activeKeyId: active.id, reencrypted: total, byColumn };
}
