// The cases' part of retention: closed cases kept past their period are erased as a subject would
// ask (same tombstone, same audit), except those under a legal hold, which stay and are counted.
// A case whose person withdrew their consent to keep their data, said no when asked, or whose
// consent to keep it ran out is due at once, whatever its status: the person's word ends the
// keeping, and a legal hold (set by a supervisor, with its reason) is the only thing that keeps it.
// A case where nobody asked about keeping data follows the periods as before.
// What is due is decided by a cutoff the caller computes from its Clock, so the preview and the run
// that follows it select the same cases.
import {
  and,
  count,
  eq,
  gte,
  isNotNull,
  lt,
  min,
  notExists,
  exists,
  sql,
  type AnyColumn,
  type SQL,
} from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import type { Db, DbOrTx } from '../../platform/db/connect.js';
import { consentBar } from '../domain/consent.js';
import { caseConversations, caseEntities, cases, consents } from '../schema.js';
import { caseRowForUpdate, consentRecordOf, consentRowsOf } from '../store.js';
import { activeHold, eraseCaseRow, type OnCaseErased } from './erasure.js';
import { caseHolds } from './schema.js';

const held = (caseId: AnyColumn) =>
  sql`(SELECT 1 FROM ${caseHolds} WHERE ${caseHolds.caseId} = ${caseId} AND ${caseHolds.liftedAt} IS NULL)`;

const closedBefore = (cutoff: Date) =>
  and(eq(cases.status, 'closed'), isNotNull(cases.closedAt), lt(cases.closedAt, cutoff));

/** Closed cases whose period ended before `cutoff` (held ones apart), and when the next one does. */
export async function closedCasesDue(db: Db, cutoff: Date) {
  const due = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(closedBefore(cutoff), notExists(held(cases.id))))
    .orderBy(cases.closedAt);
  const [heldRow] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(closedBefore(cutoff), exists(held(cases.id))));
  const [next] = await db
    .select({ at: min(cases.closedAt) })
    .from(cases)
    .where(and(eq(cases.status, 'closed'), gte(cases.closedAt, cutoff), notExists(held(cases.id))));
  return {
    due: due.map((r) => r.id),
    held: heldRow?.n ?? 0,
    nextClosedAt: next?.at ? new Date(next.at) : null,
  };
}

/**
 * Erases the closed cases due at `cutoff`, each in its own transaction (one failure does not keep
 * the others), re-checking under the row lock that it is still closed, still due and not held.
 */
export async function eraseClosedCasesDue(
  db: Db,
  actor: Actor,
  cutoff: Date,
  now: Date,
  onCaseErased?: OnCaseErased,
) {
  const { due } = await closedCasesDue(db, cutoff);
  let erased = 0;
  for (const id of due) {
    const done = await db.transaction(async (tx) => {
      const row = await caseRowForUpdate(tx, id);
      if (!row || row.status !== 'closed' || !row.closedAt || row.closedAt >= cutoff) return false;
      if (await activeHold(tx, id)) return false;
      await eraseCaseRow(tx, actor, row, 'retention', now, onCaseErased);
      return true;
    });
    if (done) erased++;
  }
  return erased;
}

/** Whether the person's word on keeping their data rules it out at `now` (see consentBar). */
async function keepingRuledOut(db: DbOrTx, caseId: string, now: Date): Promise<boolean> {
  const rows = await consentRowsOf(db, caseId);
  return consentBar(rows.map(consentRecordOf), 'keep_data', now) !== null;
}

/**
 * Cases whose person does not (any longer) consent to their data being kept, at `now`: due at
 * once, held ones apart and counted.
 */
export async function unkeptCasesDue(db: DbOrTx, now: Date) {
  const asked = await db
    .selectDistinct({ id: consents.caseId })
    .from(consents)
    .where(eq(consents.scope, 'keep_data'));
  const due: string[] = [];
  let heldCount = 0;
  for (const { id } of asked) {
    if (!(await keepingRuledOut(db, id, now))) continue;
    if (await activeHold(db, id)) heldCount++;
    else due.push(id);
  }
  return { due, held: heldCount };
}

/**
 * Erases the cases whose person withdrew or refused consent to keep their data (or whose consent
 * ran out), each in its own transaction, re-checking under the row lock that it is still so and
 * not held: a consent given again meanwhile keeps the case.
 */
export async function eraseUnkeptCasesDue(
  db: Db,
  actor: Actor,
  now: Date,
  onCaseErased?: OnCaseErased,
) {
  const { due } = await unkeptCasesDue(db, now);
  let erased = 0;
  for (const id of due) {
    const done = await db.transaction(async (tx) => {
      const row = await caseRowForUpdate(tx, id);
      if (!row || !(await keepingRuledOut(tx, id, now))) return false;
      if (await activeHold(tx, id)) return false;
      await eraseCaseRow(tx, actor, row, 'retention', now, onCaseErased);
      return true;
    });
    if (done) erased++;
  }
  return erased;
}

/** The ids of every case's threads, as a subquery: conversations retention must leave alone. */
export function caseThreadIds(db: Db): SQL {
  return db.select({ id: caseConversations.conversationId }).from(caseConversations).getSQL();
}

/**
 * The entities every case came from, as a subquery: retention keeps their leads, ads and captures
 * (a case's evidence) as long as the case.
 */
export function caseEntityIds(db: Db): SQL {
  return db.select({ id: caseEntities.entityId }).from(caseEntities).getSQL();
}

/** The entities of cases under a legal hold, as a subquery: their captures count as held. */
export function heldCaseEntityIds(db: Db): SQL {
  return db
    .select({ id: caseEntities.entityId })
    .from(caseEntities)
    .where(exists(held(caseEntities.caseId)))
    .getSQL();
}
