// Appending to a vault's chain: under the vault row's lock, so two writers never fork the chain,
// in the caller's transaction, so an entry exists exactly when what it records does.
import { asc, eq } from 'drizzle-orm';
import type { ChainEntryKind } from '../contracts/vault-protocol.js';
import type { DbOrTx, Tx } from '../platform/db/connect.js';
import { nextEntry, type EntryFields, type StoredEntry } from './domain/chain.js';
import { vaultChain, vaults } from './schema.js';

export async function appendChainEntry(
  tx: Tx,
  vaultId: string,
  kind: ChainEntryKind,
  at: Date,
  fields: EntryFields,
): Promise<StoredEntry> {
  const [vault] = await tx
    .select({ headSeq: vaults.headSeq, headHash: vaults.headHash })
    .from(vaults)
    .where(eq(vaults.id, vaultId))
    .for('update');
  if (!vault) throw new Error(`vault ${vaultId} is gone`);
  const head = vault.headHash ? { seq: vault.headSeq, hash: vault.headHash } : null;
  const entry = nextEntry(head, { vault: vaultId, kind, at: at.toISOString(), fields });
  await tx.insert(vaultChain).values({
    vaultId,
    seq: entry.seq,
    kind: entry.kind,
    at: entry.at,
    canonical: entry.canonical,
    prevHash: entry.prevHash,
    hash: entry.hash,
  });
  await tx
    .update(vaults)
    .set({ headSeq: entry.seq, headHash: entry.hash })
    .where(eq(vaults.id, vaultId));
  const { fields: _fields, ...stored } = entry;
  return stored;
}

export async function chainOf(db: DbOrTx, vaultId: string): Promise<StoredEntry[]> {
  return db
    .select({
      seq: vaultChain.seq,
      kind: vaultChain.kind,
      at: vaultChain.at,
      canonical: vaultChain.canonical,
      prevHash: vaultChain.prevHash,
      hash: vaultChain.hash,
    })
    .from(vaultChain)
    .where(eq(vaultChain.vaultId, vaultId))
    .orderBy(asc(vaultChain.seq));
}
