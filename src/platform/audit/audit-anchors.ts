// Anchoring the audit chain outside the database. The keyed chain shows an altered or removed
// entry in the middle, but not a cut-off tail, and someone holding the audit key could rebuild it
// all. So the scheduler regularly has an outside time-stamping authority (RFC 3161) sign the chain
// head (its sequence number and keyed hash); the token is stored in audit_anchors and the anchoring
// itself is an audit entry naming the anchor. Verification then checks each token, that the entry it
// covers still has the hash it covered, and that no anchor points past the end of the log. Entries
// written after the newest anchor remain unprotected against removal until the next one.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type * as pkijs from 'pkijs';
import type { Clock } from '../clock.js';
import type { Db } from '../db/connect.js';
import { TimestampError, verifyTimestampToken } from '../timestamp/rfc3161.js';
import { requestTimestamp, type TsaSettings } from '../timestamp/tsa-client.js';
import { appendAudit, auditHead } from './audit-log.js';
import { auditAnchors, auditLog } from './schema.js';

export const ANCHOR_ACTION = 'audit.anchor';
const CLOCK_SKEW_MS = 5 * 60_000;

/** What is time-stamped for a head: a versioned text, so its meaning can never be mistaken. */
export function anchorMessage(seq: number, hash: string): Buffer {
  return Buffer.from(`ariadne audit head v1\nseq=${seq}\nhash=${hash}\n`, 'utf8');
}

/** The cron schedule for an interval that divides an hour or a day (see AUDIT_ANCHOR_INTERVAL_MINUTES). */
export function anchorCron(intervalMinutes: number): string {
  if (intervalMinutes < 60) return `*/${intervalMinutes} * * * *`;
  if (intervalMinutes === 60) return '0 * * * *';
  if (intervalMinutes < 1440) return `0 */${intervalMinutes / 60} * * *`;
  return '0 0 * * *';
}

export interface AnchorRecord {
  id: number;
  seq: number;
  headHash: string;
  genTime: string;
  serial: string;
  policy: string;
  signer: string;
}

/**
 * Time-stamps the current chain head and stores the token, then records the anchoring in the log.
 * Nothing is written unless the authority's token verified, so a failure (TSA down, refused, bad
 * signature) leaves the chain as it was; the caller retries later. Null for an empty log.
 */
export async function anchorAuditHead(
  db: Db,
  tsa: TsaSettings,
  clock: Clock,
): Promise<AnchorRecord | null> {
  const head = await auditHead(db);
  if (!head) return null;
  const stamp = await requestTimestamp(tsa, anchorMessage(head.seq, head.hash), clock);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(auditAnchors)
      .values({
        seq: head.seq,
        headHash: head.hash,
        anchoredAt: clock.now().toISOString(),
        genTime: stamp.genTime.toISOString(),
        tsaUrl: tsa.url,
        policy: stamp.policy,
        serial: stamp.serial,
        token: Buffer.from(stamp.token).toString('base64'),
      })
      .returning({ id: auditAnchors.id });
    const id = row!.id;
    await appendAudit(tx, {
      actorLabel: 'system',
      action: ANCHOR_ACTION,
      targetType: 'audit_anchor',
      targetId: String(id),
      details: {
        anchorId: id,
        seq: head.seq,
        genTime: stamp.genTime.toISOString(),
        serial: stamp.serial,
        tsa: tsa.url,
      },
    });
    return {
      id,
      seq: head.seq,
      headHash: head.hash,
      genTime: stamp.genTime.toISOString(),
      serial: stamp.serial,
      policy: stamp.policy,
      signer: stamp.signer,
    };
  });
}

export type AnchorProblemKind = 'truncated' | 'rewritten' | 'token' | 'missing';

export interface AnchorProblem {
  kind: AnchorProblemKind;
  anchorId: number;
  seq: number;
  reason: string;
}

export interface AnchorVerification {
  /** Anchors in the table. */
  anchors: number;
  /** Of those, tokens that verified and still match their entry. */
  valid: number;
  /** Tokens not checked because no trust file is configured. */
  unchecked: number;
  problems: AnchorProblem[];
  /** The newest valid anchor. */
  newest: { id: number; seq: number; genTime: string } | null;
  /** Entries after the newest valid anchor: not yet protected against removal. */
  unanchoredEntries: number;
  /** Set when anchoring seems to have stopped (or newer anchors and entries were removed). */
  stale: string | null;
}

export interface VerifyAnchorsOptions {
  /** Null: tokens cannot be checked (no AUDIT_TSA_TRUST_FILE). */
  trustAnchors: readonly pkijs.Certificate[] | null;
  /** The scheduled interval, to tell a stopped anchoring; null when anchoring is off. */
  intervalMinutes: number | null;
  clock: Clock;
}

const rowsAt = async (db: Db, seqs: number[]) =>
  new Map(
    (
      await db
        .select({ seq: auditLog.seq, hash: auditLog.hash, at: auditLog.at })
        .from(auditLog)
        .where(inArray(auditLog.seq, seqs))
    ).map((r) => [r.seq, r]),
  );

/**
 * Checks every stored anchor against the log as it is now: a token that does not verify, an entry
 * that no longer has the hash its anchor covered (rewritten), an anchor beyond the last entry
 * (tail removed), an anchoring recorded in the log whose anchor is gone, and anchoring that stopped.
 */
export async function verifyAuditAnchors(
  db: Db,
  opts: VerifyAnchorsOptions,
): Promise<AnchorVerification> {
  const head = await auditHead(db);
  const lastSeq = head?.seq ?? 0;
  const now = opts.clock.now();
  const result: AnchorVerification = {
    anchors: 0,
    valid: 0,
    unchecked: 0,
    problems: [],
    newest: null,
    unanchoredEntries: 0,
    stale: null,
  };
  const seen = new Set<number>();
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditAnchors)
      .where(gt(auditAnchors.id, afterId))
      .orderBy(asc(auditAnchors.id))
      .limit(500);
    if (batch.length === 0) break;
    afterId = batch[batch.length - 1]!.id;
    const entries = await rowsAt(
      db,
      batch.map((a) => a.seq),
    );
    for (const anchor of batch) {
      result.anchors++;
      seen.add(anchor.id);
      const problem = (kind: AnchorProblemKind, reason: string) =>
        result.problems.push({ kind, anchorId: anchor.id, seq: anchor.seq, reason });
      if (anchor.seq > lastSeq) {
        problem(
          'truncated',
          `anchor #${anchor.id} time-stamped entry ${anchor.seq} at ${new Date(anchor.genTime).toISOString()}, but the log ends at entry ${lastSeq}: entries ${lastSeq + 1}–${anchor.seq} (at least) were removed`,
        );
        continue;
      }
      const entry = entries.get(anchor.seq);
      if (!entry) {
        problem(
          'truncated',
          `anchor #${anchor.id} time-stamped entry ${anchor.seq}, which is no longer in the log`,
        );
        continue;
      }
      if (!opts.trustAnchors) {
        result.unchecked++;
        continue;
      }
      try {
        const verified = await verifyTimestampToken(
          Buffer.from(anchor.token, 'base64'),
          anchorMessage(anchor.seq, entry.hash),
          opts.trustAnchors,
        );
        if (verified.genTime.getTime() < new Date(entry.at).getTime() - CLOCK_SKEW_MS) {
          problem(
            'token',
            `anchor #${anchor.id} is dated ${verified.genTime.toISOString()}, before entry ${anchor.seq} it covers was written (${new Date(entry.at).toISOString()})`,
          );
          continue;
        }
        if (verified.genTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
          problem(
            'token',
            `anchor #${anchor.id} is dated ${verified.genTime.toISOString()}, in the future`,
          );
          continue;
        }
      } catch (err) {
        if (!(err instanceof TimestampError)) throw err;
        if (err.failure === 'imprint_mismatch') {
          problem(
            'rewritten',
            `entry ${anchor.seq} no longer has the hash that anchor #${anchor.id} time-stamped at ${new Date(anchor.genTime).toISOString()}: the log was rewritten from there on, or the anchor was moved`,
          );
        } else {
          problem('token', `anchor #${anchor.id}: ${err.message}`);
        }
        continue;
      }
      if (anchor.headHash !== entry.hash) {
        problem(
          'token',
          `anchor #${anchor.id}'s stored head hash was changed (its token still matches entry ${anchor.seq})`,
        );
        continue;
      }
      result.valid++;
      if (!result.newest || anchor.seq >= result.newest.seq) {
        result.newest = {
          id: anchor.id,
          seq: anchor.seq,
          genTime: new Date(anchor.genTime).toISOString(),
        };
      }
    }
  }

  // Each anchoring is an entry of the (separately verified) chain: its anchor must still exist.
  const recorded = await db
    .select({ seq: auditLog.seq, targetId: auditLog.targetId })
    .from(auditLog)
    .where(and(eq(auditLog.action, ANCHOR_ACTION), eq(auditLog.targetType, 'audit_anchor')));
  for (const entry of recorded) {
    const id = Number(entry.targetId);
    if (!seen.has(id)) {
      result.problems.push({
        kind: 'missing',
        anchorId: id,
        seq: entry.seq,
        reason: `entry ${entry.seq} records anchor #${id}, which is no longer in audit_anchors`,
      });
    }
  }

  result.unanchoredEntries = lastSeq - (result.newest?.seq ?? 0);
  if (opts.intervalMinutes !== null && head) {
    // Two missed runs plus slack: one late run is not worth an alarm.
    const limitMs = (2 * opts.intervalMinutes + 10) * 60_000;
    const since = result.newest ? new Date(result.newest.genTime) : null;
    if (since && now.getTime() - since.getTime() > limitMs) {
      result.stale = `the newest anchor is from ${since.toISOString()}, although anchoring runs every ${opts.intervalMinutes} min: anchoring has stopped, or newer anchors and entries were removed`;
    } else if (!since) {
      const [first] = await db
        .select({ at: auditLog.at })
        .from(auditLog)
        .orderBy(asc(auditLog.seq))
        .limit(1);
      if (first && now.getTime() - new Date(first.at).getTime() > limitMs) {
        result.stale = `no valid anchor exists, although anchoring runs every ${opts.intervalMinutes} min and the log started ${new Date(first.at).toISOString()}`;
      }
    }
  }
  return result;
}
