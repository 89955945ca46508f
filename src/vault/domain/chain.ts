// The vault's integrity log: an append-only hash chain of its entries (created, added, shared,
// share-revoked, deleted). Each entry is encoded canonically (JSON, keys sorted, strings and whole
// numbers only, no spaces) and its hash is sha256(previous hash bytes || canonical bytes), the
// first entry's previous hash being 32 zero bytes. The canonical text is kept and exported as is,
// so anyone can recompute the chain with sha256 alone; verification names the first entry that
// does not hold.
import { createHash } from 'node:crypto';
import type { ChainEntryKind } from '../../contracts/vault-protocol.js';

export const GENESIS_PREV_HASH = '0'.repeat(64);
export const CHAIN_FORMAT = 'ariadne-vault-chain/1';

export type EntryFields = Record<string, string | number>;

export interface NewEntry {
  /** The vault's internal id: an entry cannot be moved to another vault's chain. */
  vault: string;
  seq: number;
  kind: ChainEntryKind;
  /** ISO time the server recorded it. */
  at: string;
  fields: EntryFields;
}

export interface StoredEntry {
  seq: number;
  kind: ChainEntryKind;
  at: string;
  canonical: string;
  prevHash: string;
  hash: string;
}

const RESERVED = new Set(['format', 'vault', 'seq', 'kind', 'at']);

/** The exact text hashed for an entry. */
export function canonicalEntry(entry: NewEntry): string {
  const all: EntryFields = {
    format: CHAIN_FORMAT,
    vault: entry.vault,
    seq: entry.seq,
    kind: entry.kind,
    at: entry.at,
  };
  for (const [key, value] of Object.entries(entry.fields)) {
    if (RESERVED.has(key)) throw new Error(`chain field ${key} is reserved`);
    if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(key)) throw new Error(`bad chain field name ${key}`);
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new Error(`chain field ${key} must be a whole number`);
    }
    all[key] = value;
  }
  const sorted = Object.keys(all).sort();
  return `{${sorted.map((k) => `${JSON.stringify(k)}:${JSON.stringify(all[k])}`).join(',')}}`;
}

export function entryHash(prevHash: string, canonical: string): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(canonical, 'utf8')
    .digest('hex');
}

/** The entry that follows `head` (null: the chain is empty), ready to store. */
export function nextEntry(
  head: { seq: number; hash: string } | null,
  entry: Omit<NewEntry, 'seq'>,
): StoredEntry & { fields: EntryFields } {
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_PREV_HASH;
  const canonical = canonicalEntry({ ...entry, seq });
  return {
    seq,
    kind: entry.kind,
    at: entry.at,
    canonical,
    prevHash,
    hash: entryHash(prevHash, canonical),
    fields: entry.fields,
  };
}

export interface ChainCheck {
  ok: boolean;
  entries: number;
  brokenAt: number | null;
  reason: string | null;
}

/** Checks a whole chain in seq order; the first entry that does not hold is named. */
export function verifyChain(vault: string, entries: readonly StoredEntry[]): ChainCheck {
  let prev = GENESIS_PREV_HASH;
  const broken = (seq: number, reason: string): ChainCheck => ({
    ok: false,
    entries: entries.length,
    brokenAt: seq,
    reason,
  });
  for (const [i, e] of entries.entries()) {
    const expectedSeq = i + 1;
    if (e.seq !== expectedSeq) return broken(expectedSeq, `entry ${expectedSeq} is missing`);
    if (i === 0 && e.kind !== 'created')
      return broken(e.seq, 'the chain does not start with created');
    if (e.prevHash !== prev) return broken(e.seq, 'its previous hash is not the hash before it');
    let parsed: unknown;
    try {
      parsed = JSON.parse(e.canonical);
    } catch {
      return broken(e.seq, 'its canonical text is not JSON');
    }
    const fields = parsed as Record<string, unknown>;
    if (
      fields.format !== CHAIN_FORMAT ||
      fields.vault !== vault ||
      fields.seq !== e.seq ||
      fields.kind !== e.kind ||
      fields.at !== e.at
    ) {
      return broken(e.seq, 'its recorded kind, time or place differ from its canonical text');
    }
    if (entryHash(prev, e.canonical) !== e.hash) return broken(e.seq, 'its hash does not match');
    prev = e.hash;
  }
  return { ok: true, entries: entries.length, brokenAt: null, reason: null };
}

/** What is time-stamped for a head: a versioned text, so its meaning can never be mistaken. */
export function headMessage(vault: string, seq: number, hash: string): string {
  return `ariadne vault head v1\nvault=${vault}\nseq=${seq}\nhash=${hash}\n`;
}
