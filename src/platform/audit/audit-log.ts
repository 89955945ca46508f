// Writing and verifying the hash-chained audit log. Every read or change of personal data, every
// sign-in and every change to users goes through appendAudit. Appends are serialised with a
// transaction-scoped advisory lock so the chain stays linear with many servers writing at once.
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/connect.js';
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

export function hashAuditRow(prevHash: string, row: ChainFields): string {
  const normalised = { ...row, at: new Date(row.at).toISOString() };
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonicalJson(normalised))
    .digest('hex');
}

/** Appends one entry; runs inside the caller's transaction when given one. */
export async function appendAudit(db: DbOrTx, entry: AuditEntry): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .orderBy(desc(auditLog.seq))
      .limit(1);
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
    await tx.insert(auditLog).values({ ...fields, prevHash, hash: hashAuditRow(prevHash, fields) });
    return seq;
  });
}

export type AuditVerification =
  { ok: true; rows: number } | { ok: false; rows: number; brokenAt: number; reason: string };

/**
 * Walks the chain in order. Reports the first row whose hash does not match its content, whose
 * link to the previous row is wrong, or whose sequence number shows a removed row before it.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number) => void,
): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
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
        return {
          ok: false,
          rows: checked,
          brokenAt: expectedSeq,
          reason: `entry ${expectedSeq} is missing (next entry found is ${row.seq})`,
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          rows: checked,
          brokenAt: row.seq,
          reason: `entry ${row.seq} does not link to entry ${row.seq - 1}`,
        };
      }
      const expected = hashAuditRow(prevHash, {
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
      });
      if (expected !== row.hash) {
        return {
          ok: false,
          rows: checked,
          brokenAt: row.seq,
          reason: `entry ${row.seq} was altered (its content no longer matches its hash)`,
        };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
    if (rows.length < batch) break;
  }
  return { ok: true, rows: checked };
}
