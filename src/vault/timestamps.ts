// RFC 3161 time-stamps of each vault's chain head, from the configured authority (the same client
// and settings as the audit log's anchoring). Asked for by a job after each new head, never inside
// an upload, so a slow authority never holds the person up; a sweep catches heads a failed request
// left without a token. Only a verified token is stored, one per head (vault, seq).
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { requestTimestamp, type TsaSettings } from '../platform/timestamp/tsa-client.js';
import type { VaultDeps } from './deps.js';
import { headMessage } from './domain/chain.js';
import { vaults, vaultTimestamps } from './schema.js';

/** Time-stamps the vault's current head if it has no token yet. Returns the seq stamped, or null. */
export async function timestampHead(
  deps: VaultDeps,
  tsa: TsaSettings,
  vaultId: string,
): Promise<number | null> {
  const [vault] = await deps.db
    .select({ headSeq: vaults.headSeq, headHash: vaults.headHash })
    .from(vaults)
    .where(eq(vaults.id, vaultId));
  if (!vault?.headHash) return null;
  const [done] = await deps.db
    .select({ seq: vaultTimestamps.seq })
    .from(vaultTimestamps)
    .where(and(eq(vaultTimestamps.vaultId, vaultId), eq(vaultTimestamps.seq, vault.headSeq)));
  if (done) return null;
  const message = Buffer.from(headMessage(vaultId, vault.headSeq, vault.headHash), 'utf8');
  const stamp = await requestTimestamp(tsa, message, deps.clock);
  // The vault may have been erased while the authority answered: then nothing is stored.
  const inserted = await deps.db.execute(sql`
    INSERT INTO ${vaultTimestamps} (vault_id, seq, head_hash, token, gen_time, tsa_url)
    SELECT ${vaultId}, ${vault.headSeq}, ${vault.headHash}, ${Buffer.from(stamp.token).toString('base64')},
           ${stamp.genTime.toISOString()}, ${tsa.url}
    WHERE EXISTS (SELECT 1 FROM ${vaults} WHERE id = ${vaultId})
    ON CONFLICT DO NOTHING`);
  return (inserted.rowCount ?? 0) > 0 ? vault.headSeq : null;
}

/** Vaults whose head has no token yet. */
export async function vaultsAwaitingTimestamp(deps: VaultDeps, limit = 100): Promise<string[]> {
  const rows = await deps.db
    .select({ id: vaults.id })
    .from(vaults)
    .leftJoin(
      vaultTimestamps,
      and(eq(vaultTimestamps.vaultId, vaults.id), eq(vaultTimestamps.seq, vaults.headSeq)),
    )
    .where(and(gt(vaults.headSeq, 0), isNull(vaultTimestamps.seq)))
    .limit(limit);
  return rows.map((r) => r.id);
}

export async function timestampPendingHeads(deps: VaultDeps, tsa: TsaSettings): Promise<number> {
  let stamped = 0;
  for (const id of await vaultsAwaitingTimestamp(deps)) {
    if ((await timestampHead(deps, tsa, id)) !== null) stamped++;
  }
  return stamped;
}

export async function timestampsOf(deps: VaultDeps, vaultId: string) {
  return deps.db
    .select()
    .from(vaultTimestamps)
    .where(eq(vaultTimestamps.vaultId, vaultId))
    .orderBy(vaultTimestamps.seq);
}
