// Erasing a case's person and the legal hold that forbids it. Erasure removes the case and all it
// holds (consents, risk, tasks, notes, alerts, views, referrals with their snapshots and history,
// the holds' own history) and its conversations with their messages and contacts, in one
// transaction, leaving a tombstone for Insights; the audit entry carries counts and codes only.
// A hold records who set it, why and when; while one is set neither a request nor retention erases
// the case, and the refusal says so. Setting and lifting a hold are supervisors' work, audited.
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import { decryptField, encryptField } from '../../platform/crypto.js';
import type { Db, DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { eraseConversations } from '../../outreach/index.js';
import { referrals } from '../referrals/schema.js';
import { caseConversations, caseNotes, cases, caseTasks, consents } from '../schema.js';
import { readerOf, requireCase } from '../service.js';
import type { CaseRow } from '../store.js';
import { caseHolds, caseTombstones, type ErasureCause } from './schema.js';

/** A case just erased, and the threads erased with it. */
export interface CaseErased {
  caseId: string;
  conversationIds: readonly string[];
}

/**
 * Called inside an erasure's transaction: what other contexts keep of the case and its threads
 * goes in the same commit (src/app wires it: the chat a thread was carried from, and the
 * person's vault's requests and links made through the case). Cases cannot name those contexts.
 */
export type OnCaseErased = (erased: CaseErased, tx: DbOrTx) => Promise<void>;

export interface SubjectRightsDeps {
  db: Db;
  config: Config;
  clock: Clock;
  onCaseErased?: OnCaseErased;
}

const HOLD_CONTEXT = 'case_holds.reason';

export const HoldInput = z.strictObject({ reason: z.string().trim().min(3).max(2000) });
export type HoldInput = z.infer<typeof HoldInput>;

export interface HoldView {
  id: string;
  reason: string;
  heldBy: string;
  heldAt: Date;
  liftedBy: string | null;
  liftedAt: Date | null;
}

/** Holds, setting and lifting them, and erasure on request are a supervisor's decisions. */
function requireSupervisor(actor: Actor) {
  const who = readerOf(actor);
  if (who.role !== 'supervisor') {
    throw new AppError(
      'forbidden',
      keyed(
        'cases.holdSupervisorOnly',
        'Only a supervisor may set or lift a legal hold or erase a case.',
      ),
    );
  }
  return who;
}

export async function activeHold(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select()
    .from(caseHolds)
    .where(and(eq(caseHolds.caseId, caseId), isNull(caseHolds.liftedAt)))
    .limit(1);
  return row ?? null;
}

/** The case's holds, newest first, reasons decrypted (the caller has required the case). */
export async function holdsOfCase(deps: SubjectRightsDeps, caseId: string): Promise<HoldView[]> {
  const rows = await deps.db
    .select()
    .from(caseHolds)
    .where(eq(caseHolds.caseId, caseId))
    .orderBy(desc(caseHolds.heldAt));
  return rows.map((h) => ({
    id: h.id,
    reason: decryptField(deps.config.secrets.fieldKeys, h.reasonEnc, HOLD_CONTEXT),
    heldBy: h.heldBy,
    heldAt: h.heldAt,
    liftedBy: h.liftedBy,
    liftedAt: h.liftedAt,
  }));
}

export async function listHolds(deps: SubjectRightsDeps, actor: Actor, caseId: string) {
  await requireCase(deps.db, readerOf(actor), caseId, 'view_case');
  return holdsOfCase(deps, caseId);
}

export async function setHold(
  deps: SubjectRightsDeps,
  actor: Actor,
  caseId: string,
  input: HoldInput,
) {
  const who = requireSupervisor(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'view_case', { forUpdate: true });
    if (await activeHold(tx, caseId)) {
      throw new AppError(
        'conflict',
        keyed('cases.alreadyOnHold', 'This case is already under a legal hold.'),
      );
    }
    const [row] = await tx
      .insert(caseHolds)
      .values({
        caseId,
        reasonEnc: encryptField(deps.config.secrets.fieldKeys, input.reason, HOLD_CONTEXT),
        heldBy: who.id,
        heldAt: now,
      })
      .returning({ id: caseHolds.id });
    // The reason may name the person: the audit log says only that a hold was set.
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'case.hold_set',
      targetType: 'case',
      targetId: caseId,
      details: { holdId: row!.id },
    });
    return row!.id;
  });
}

export async function liftHold(deps: SubjectRightsDeps, actor: Actor, caseId: string) {
  const who = requireSupervisor(actor);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'view_case', { forUpdate: true });
    const hold = await activeHold(tx, caseId);
    if (!hold)
      throw new AppError(
        'conflict',
        keyed('cases.notOnHold', 'This case is not under a legal hold.'),
      );
    await tx
      .update(caseHolds)
      .set({ liftedAt: now, liftedBy: who.id })
      .where(eq(caseHolds.id, hold.id));
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'case.hold_lifted',
      targetType: 'case',
      targetId: caseId,
      details: { holdId: hold.id, heldSince: hold.heldAt.toISOString() },
    });
  });
}

export interface ErasureCounts {
  consents: number;
  notes: number;
  tasks: number;
  referrals: number;
  conversations: number;
  contacts: number;
}

async function countOf(
  tx: DbOrTx,
  table: typeof consents | typeof caseNotes | typeof caseTasks | typeof referrals,
  caseId: string,
) {
  const [row] = await tx.select({ n: count() }).from(table).where(eq(table.caseId, caseId));
  return row?.n ?? 0;
}

/**
 * Erases one case (locked by the caller, inside its transaction) after checking it is not held;
 * writes the tombstone and the audit entry. Shared by erasure on request and by retention.
 */
export async function eraseCaseRow(
  tx: DbOrTx,
  actor: Actor,
  row: CaseRow,
  cause: ErasureCause,
  now: Date,
  onCaseErased?: OnCaseErased,
): Promise<{ tombstoneId: string; counts: ErasureCounts }> {
  const hold = await activeHold(tx, row.id);
  if (hold) {
    throw new AppError(
      'conflict',
      keyed(
        'cases.erasureHeld',
        `This case is under a legal hold set on ${hold.heldAt.toISOString().slice(0, 10)}: it cannot be erased until a supervisor lifts the hold.`,
        { date: hold.heldAt.toISOString().slice(0, 10) },
      ),
    );
  }
  const threads = await tx
    .select({ id: caseConversations.conversationId })
    .from(caseConversations)
    .where(eq(caseConversations.caseId, row.id));
  const counted = {
    consents: await countOf(tx, consents, row.id),
    notes: await countOf(tx, caseNotes, row.id),
    tasks: await countOf(tx, caseTasks, row.id),
    referrals: await countOf(tx, referrals, row.id),
  };
  const [tomb] = await tx
    .insert(caseTombstones)
    .values({
      caseId: row.id,
      origin: row.origin,
      status: row.status,
      outcome: row.outcome,
      minor: row.minor,
      openedAt: row.createdAt,
      closedAt: row.closedAt,
      erasedAt: now,
      cause,
      referrals: counted.referrals,
      conversations: threads.length,
    })
    .returning({ id: caseTombstones.id });
  // Everything of the case goes with it (foreign keys cascade); the threads are outreach's.
  await tx.delete(cases).where(eq(cases.id, row.id));
  const gone = await eraseConversations(
    tx,
    threads.map((t) => t.id),
  );
  await onCaseErased?.({ caseId: row.id, conversationIds: threads.map((t) => t.id) }, tx);
  const counts: ErasureCounts = { ...counted, ...gone };
  await appendAudit(tx, {
    ...auditFields(actor),
    action: 'case.erased',
    targetType: 'case',
    targetId: row.id,
    details: { cause, tombstoneId: tomb!.id, ...counts },
  });
  return { tombstoneId: tomb!.id, counts };
}

/** Erases the case's person at their request (a supervisor), unless a legal hold forbids it. */
export async function eraseCase(
  deps: SubjectRightsDeps,
  actor: Actor,
  caseId: string,
  confirmPseudonym: string,
) {
  const who = requireSupervisor(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const row = await requireCase(tx, who, caseId, 'view_case', { forUpdate: true });
    if (confirmPseudonym.trim().toUpperCase() !== row.pseudonym) {
      throw new AppError(
        'validation_failed',
        keyed(
          'cases.eraseConfirm',
          "To erase, confirm with the case's pseudonym (it cannot be undone).",
        ),
      );
    }
    return eraseCaseRow(tx, actor, row, 'request', now, deps.onCaseErased);
  });
}
