// The score context's part of retention: leads nobody contacted. A lead is due when its evidence
// (an ad joined, changed or left: `leads.evidence_at`) is older than the caller's cutoff, it was
// never contacted (never in the state "contacted", and not among the entities the caller says
// were — a conversation, a case), and nothing holds it (the caller's held set: a minor's alert no
// supervisor has seen yet). The erasure removes the lead, its history and the scores of its entity
// and ads; src/app/retention.ts erases the entity, facts and ads after it, each in its context.
import { and, count, eq, gte, inArray, lt, min, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../platform/db/connect.js';
import {
  adScores,
  entityScores,
  leadEvents,
  leadTombstones,
  leads,
  savedSearchHits,
} from './schema.js';

/**
 * Every lead's entity id but `except` (the leads a run is about to erase), as a subquery: the leads
 * retention keeps are what other records (captures) lean on.
 */
export function leadEntityIds(db: DbOrTx, except: readonly string[] = []): SQL {
  return db
    .select({ id: leads.entityId })
    .from(leads)
    .where(except.length > 0 ? notInArray(leads.entityId, [...except]) : undefined)
    .getSQL();
}

/** Ever contacted: the lead is, or once was, in the state "contacted" (its history says so). */
const everContacted = (db: DbOrTx) =>
  sql`(${leads.state} = 'contacted' OR EXISTS (${db
    .select({ one: sql`1` })
    .from(leadEvents)
    .where(and(eq(leadEvents.entityId, leads.entityId), eq(leadEvents.toState, 'contacted')))}))`;

export interface LeadRetentionScope {
  /** Entity ids that were contacted elsewhere (a conversation, a case): never due. */
  contacted: SQL;
  /** Entity ids kept past their period and counted as held. */
  held: SQL;
}

function uncontacted(db: DbOrTx, scope: LeadRetentionScope) {
  return and(notInArray(leads.entityId, sql`(${scope.contacted})`), sql`NOT ${everContacted(db)}`);
}

/** Leads nobody contacted whose evidence is older than `cutoff` (held ones apart), and when the next
 * one's evidence will be. Ordered, so a preview and a run list them alike. */
export async function uncontactedLeadsDue(db: DbOrTx, cutoff: Date, scope: LeadRetentionScope) {
  const base = uncontacted(db, scope);
  const isHeld = inArray(leads.entityId, sql`(${scope.held})`);
  const due = await db
    .select({ id: leads.entityId })
    .from(leads)
    .where(and(base, lt(leads.evidenceAt, cutoff), sql`NOT ${isHeld}`))
    .orderBy(leads.evidenceAt, leads.entityId);
  const [heldRow] = await db
    .select({ n: count() })
    .from(leads)
    .where(and(base, lt(leads.evidenceAt, cutoff), isHeld));
  const [next] = await db
    .select({ at: min(leads.evidenceAt) })
    .from(leads)
    .where(and(base, gte(leads.evidenceAt, cutoff), sql`NOT ${isHeld}`));
  return {
    due: due.map((r) => r.id),
    held: heldRow?.n ?? 0,
    nextEvidenceAt: next?.at ? new Date(next.at) : null,
  };
}

/** Whether this one lead is still due: re-checked under its row lock before it is erased. */
export async function leadStillDue(
  tx: DbOrTx,
  entityId: string,
  cutoff: Date,
  scope: LeadRetentionScope,
): Promise<boolean> {
  const rows = await tx
    .select({ id: leads.entityId })
    .from(leads)
    .where(
      and(
        eq(leads.entityId, entityId),
        lt(leads.evidenceAt, cutoff),
        uncontacted(tx, scope),
        notInArray(leads.entityId, sql`(${scope.held})`),
      ),
    )
    .for('update');
  return rows.length > 0;
}

/**
 * Erases the leads of these entities with their history (`formerIds`: ids the entities had before a
 * merge, whose history stayed under them), the entities' and ads' scores, and the saved searches'
 * hits on them, leaving a tombstone per lead for Insights. Runs inside the caller's transaction;
 * returns how many leads went.
 */
export async function eraseLeads(
  tx: DbOrTx,
  entityIds: readonly string[],
  adIds: readonly string[],
  formerIds: readonly string[],
  now: Date,
): Promise<number> {
  if (entityIds.length === 0) return 0;
  const items = [...entityIds, ...adIds];
  await tx.delete(savedSearchHits).where(inArray(savedSearchHits.itemId, items));
  if (adIds.length > 0) await tx.delete(adScores).where(inArray(adScores.adId, [...adIds]));
  await tx.delete(entityScores).where(inArray(entityScores.entityId, [...entityIds]));
  await tx.delete(leadEvents).where(inArray(leadEvents.entityId, [...entityIds, ...formerIds]));
  const gone = await tx
    .delete(leads)
    .where(inArray(leads.entityId, [...entityIds]))
    .returning({
      createdAt: leads.createdAt,
      placeIds: leads.placeIds,
      languages: leads.languages,
    });
  // Insights still counts them (the funnel is counted from the records, erased ones included).
  if (gone.length > 0) {
    await tx.insert(leadTombstones).values(
      gone.map((l) => ({
        createdAt: l.createdAt,
        placeId: l.placeIds[0] ?? null,
        language: l.languages[0] ?? null,
        erasedAt: now,
      })),
    );
  }
  return gone.length;
}
