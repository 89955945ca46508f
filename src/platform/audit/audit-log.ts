// Writing and verifying the keyed hash chain of the audit log. Every read or change of personal
// data, every sign-in and every change to users goes through appendAudit. Each entry's hash is an
// HMAC-SHA-256, under the process's audit key (AUDIT_KEYS, never stored in the database), of the
// previous entry's hash and the entry's content; the entry names the key id it was chained with, so
// keys rotate without re-chaining. Someone with write access to the database but not the key can
// neither alter an entry nor re-chain the entries after it. Appends are serialised with a
// transaction-scoped advisory lock so the chain stays linear with many servers writing at once.
//
// Entries written before keyed chaining (key_id NULL) were hashed with plain SHA-256. They stay
// verifiable as a leading run: the first keyed entry links to the last of them, so they cannot be
// changed either. An unkeyed entry after a keyed one, or a log with no keyed entry at all, is what a
// rewrite without the key looks like, and is reported as broken; sealLegacyChain appends a keyed
// entry at start-up so an upgraded log is never left all-unkeyed.
import { createHash, createHmac } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../db/connect.js';
import { activeAuditKey, type AuditKey } from './audit-keys.js';
import { auditLog } from './schema.js';

export const GENESIS_HASH = '0'.repeat(64);
const AUDIT_LOCK = 727_002;

export interface AuditEntry {
  actorUserId?: string | null;
  actorLabel: string;
  action: string;
  targetType?: string | null;
  targetId?: string | null;
  details?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
}

type ChainFields = {
  seq: number;
  at: string;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
};

/** Canonical JSON: keys sorted at every level, so the hash does not depend on jsonb key order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The hash of one entry. With a key: HMAC-SHA-256 under it, the key id part of the content (so an
 * entry cannot be passed off as chained by another key). Without: the legacy plain SHA-256.
 */
export function hashAuditRow(prevHash: string, row: ChainFields, key: AuditKey | null): string {
  const normalised = { ...row, at: new Date(row.at).toISOString() };
  if (!key) {
    return createHash('sha256')
      .update(prevHash)
      .update('\n')
      .update(canonicalJson(normalised))
      .digest('hex');
  }
  return createHmac('sha256', key.key)
    .update(prevHash)
    .update('\n')
    .update(canonicalJson({ ...normalised, keyId: key.id }))
    .digest('hex');
}

async function appendLocked(
  tx: Tx,
  entry: AuditEntry,
  onlyAfterLegacy = false,
): Promise<number | null> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await tx
    .select({ seq: auditLog.seq, hash: auditLog.hash, keyId: auditLog.keyId })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  if (onlyAfterLegacy && (!last || last.keyId !== null)) return null;
  const key = activeAuditKey();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const seq = (last?.seq ?? 0) + 1;
  const at = new Date().toISOString();
  const fields: ChainFields = {
    seq,
    at,
    actorUserId: entry.actorUserId ?? null,
    actorLabel: entry.actorLabel,
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    details: entry.details ?? {},
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
  };
  await tx
    .insert(auditLog)
    .values({ ...fields, prevHash, keyId: key.id, hash: hashAuditRow(prevHash, fields, key) });
  return seq;
}

/** Appends one entry; runs inside the caller's transaction when given one. */
export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<number> {
  return db.transaction(async (tx) => (await appendLocked(tx, entry))!);
}

/**
 * After an upgrade from unkeyed chaining: appends one keyed entry behind the last unkeyed one, so
 * the old entries are covered by a keyed link from the first start on. Does nothing otherwise.
 */
export async function sealLegacyChain(db: Db): Promise<number | null> {
  return db.transaction(async (tx) =>
    appendLocked(
      tx,
      {
        actorLabel: 'system',
        action: 'audit.chain_keyed',
        details: { note: 'entries before this one were chained with unkeyed SHA-256' },
      },
      true,
    ),
  );
}

export interface ChainHead {
  seq: number;
  hash: string;
  at: string;
}

/** The newest entry's sequence number, hash and time, or null for an empty log. */
export async function auditHead(db: DbOrTx): Promise<ChainHead | null> {
  const [last] = await db
    .select({ seq: auditLog.seq, hash: auditLog.hash, at: auditLog.at })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return last ?? null;
}

export interface ChainSummary {
  /** Entries verified (before the break, when broken). */
  rows: number;
  /** Of those, entries from before keyed chaining (plain SHA-256). */
  legacyRows: number;
  /** Audit key ids the verified entries were chained with, in order of first use. */
  keyIds: string[];
  /** The last verified entry. */
  head: ChainHead | null;
}

export type AuditVerification =
  ({ ok: true } & ChainSummary) | ({ ok: false; brokenAt: number; reason: string } & ChainSummary);

/**
 * Walks the chain in order with the given keys. Reports the first entry whose hash does not match
 * its content, whose link to the previous entry is wrong, whose sequence number shows a removed
 * entry before it, that was chained with a key not given, or that is unkeyed after keyed ones.
 * A removed tail leaves no trace here; the anchors (audit-anchors.ts) catch that.
 */
export async function verifyAuditChain(
  db: Db,
  keys: readonly AuditKey[],
  onProgress?: (checked: number) => void,
): Promise<AuditVerification> {
  const keyById = new Map(keys.map((k) => [k.id, k]));
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const summary: ChainSummary = { rows: 0, legacyRows: 0, keyIds: [], head: null };
  const broken = (brokenAt: number, reason: string): AuditVerification => ({
    ok: false,
    brokenAt,
    reason,
    ...summary,
  });
  const batch = 5000;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(batch);
    for (const row of rows) {
      if (row.seq !== expectedSeq) {
        return broken(
          expectedSeq,
          `entry ${expectedSeq} is missing (next entry found is ${row.seq})`,
        );
      }
      if (row.prevHash !== prevHash) {
        return broken(row.seq, `entry ${row.seq} does not link to entry ${row.seq - 1}`);
      }
      let key: AuditKey | null = null;
      if (row.keyId === null) {
        if (summary.keyIds.length > 0) {
          return broken(
            row.seq,
            `entry ${row.seq} is not keyed although entries before it are: it was written or rewritten without the audit key`,
          );
        }
      } else {
        key = keyById.get(row.keyId) ?? null;
        if (!key) {
          return broken(
            row.seq,
            `entry ${row.seq} was chained with audit key "${row.keyId}", which is not configured: every key that chained entries must stay in AUDIT_KEYS`,
          );
        }
      }
      const expected = hashAuditRow(
        prevHash,
        {
          seq: row.seq,
          at: row.at,
          actorUserId: row.actorUserId,
          actorLabel: row.actorLabel,
          action: row.action,
          targetType: row.targetType,
          targetId: row.targetId,
          details: row.details,
          ip: row.ip,
          requestId: row.requestId,
        },
        key,
      );
      if (expected !== row.hash) {
        return broken(
          row.seq,
          key
            ? `entry ${row.seq} was altered (its content no longer matches its hash under audit key "${key.id}", or that key is not the one it was chained with)`
            : `entry ${row.seq} was altered (its content no longer matches its hash)`,
        );
      }
      if (key) {
        if (!summary.keyIds.includes(key.id)) summary.keyIds.push(key.id);
      } else {
        summary.legacyRows++;
      }
      prevHash = row.hash;
      expectedSeq++;
      summary.rows++;
      summary.head = { seq: row.seq, hash: row.hash, at: row.at };
    }
    onProgress?.(summary.rows);
    if (rows.length < batch) break;
  }
  if (summary.rows > 0 && summary.keyIds.length === 0) {
    return {
      ...broken(
        1,
        `none of the ${summary.rows} entries is keyed: either no version with keyed chaining has started on this database yet (run \`ariadne migrate\` once), or the log was rewritten without the audit key`,
      ),
    };
  }
  return { ok: true, ...summary };
}
