// The child protocol for leads: when scoring finds that a lead in the triage queue concerns a minor,
// supervisors are alerted at once, once per lead. Scoring calls in through a hook that src/app wires
// (score is earlier on the data's way and may not import cases); the alert is listed beside the
// cases' alerts until a supervisor acknowledges it. An alert holds the entity id and times only.
import { and, asc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, SYSTEM_ACTOR, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import { entityAliases } from '../link/index.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { CASE_ALERT_KINDS, receivesCaseAlerts } from './domain/alerts.js';
import { leadAlerts } from './schema.js';
import { readerOf, type CasesDeps } from './service.js';

export type LeadAlertRow = typeof leadAlerts.$inferSelect;

export const LeadAlertView = z
  .object({
    id: z.string(),
    entityId: z.string(),
    /** The lead's speakable alias (null when the entity is gone). */
    alias: z.string().nullable(),
    kind: z.enum(CASE_ALERT_KINDS),
    raisedAt: z.string(),
    acknowledgedAt: z.string().nullable(),
    acknowledgedBy: z.string().nullable(),
  })
  .meta({ id: 'LeadAlert' });
export type LeadAlertView = z.infer<typeof LeadAlertView>;

export function presentLeadAlert(a: LeadAlertRow, alias: string | null): LeadAlertView {
  return {
    id: a.id,
    entityId: a.entityId,
    alias,
    kind: a.kind,
    raisedAt: a.raisedAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: a.acknowledgedBy,
  };
}

/**
 * Raises the minor alert for a lead unless it was raised before (the unique index decides, so two
 * scorers at once still raise one); audited when raised. Runs in the scorer's transaction.
 * `formerIds` are the entities merged into this one: a person whose alert was raised under an
 * id that has since been merged is the same child, and the protocol has already run for them.
 */
export async function raiseLeadAlert(
  tx: DbOrTx,
  lead: { entityId: string; at: Date; formerIds?: readonly string[] },
): Promise<LeadAlertRow | null> {
  const former = lead.formerIds ?? [];
  if (former.length > 0) {
    const [earlier] = await tx
      .select({ id: leadAlerts.id })
      .from(leadAlerts)
      .where(and(inArray(leadAlerts.entityId, [...former]), eq(leadAlerts.kind, 'minor')))
      .limit(1);
    if (earlier) return null;
  }
  const [row] = await tx
    .insert(leadAlerts)
    .values({ entityId: lead.entityId, kind: 'minor', raisedAt: lead.at })
    .onConflictDoNothing()
    .returning();
  if (!row) return null;
  await appendAudit(tx, {
    ...auditFields(SYSTEM_ACTOR),
    action: 'lead.alert_raised',
    targetType: 'entity',
    targetId: lead.entityId,
    details: { alertId: row.id, kind: row.kind },
  });
  return row;
}

/** Lead alerts no supervisor acknowledged yet, oldest first (supervisors only; others get none). */
export async function openLeadAlerts(deps: CasesDeps, actor: Actor): Promise<LeadAlertView[]> {
  const who = readerOf(actor);
  if (!receivesCaseAlerts(who)) return [];
  const rows = await deps.db
    .select()
    .from(leadAlerts)
    .where(isNull(leadAlerts.acknowledgedAt))
    .orderBy(asc(leadAlerts.raisedAt), asc(leadAlerts.id));
  const aliases = await entityAliases(
    deps.db,
    rows.map((r) => r.entityId),
  );
  return rows.map((r) => presentLeadAlert(r, aliases.get(r.entityId) ?? null));
}

export async function acknowledgeLeadAlert(deps: CasesDeps, actor: Actor, alertId: string) {
  const who = readerOf(actor);
  if (!receivesCaseAlerts(who))
    throw new AppError(
      'forbidden',
      keyed('cases.alertsSupervisorOnly', 'Supervisors acknowledge alerts.'),
    );
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [alert] = await tx.select().from(leadAlerts).where(eq(leadAlerts.id, alertId));
    if (!alert) throw new AppError('not_found', keyed('cases.alertNotFound', 'No such alert.'));
    const [row] = await tx
      .update(leadAlerts)
      .set({ acknowledgedAt: now, acknowledgedBy: who.id })
      .where(and(eq(leadAlerts.id, alertId), isNull(leadAlerts.acknowledgedAt)))
      .returning();
    if (!row)
      throw new AppError(
        'conflict',
        keyed('cases.alertAcknowledged', 'This alert was already acknowledged.'),
      );
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'lead.alert_acknowledged',
      targetType: 'entity',
      targetId: alert.entityId,
      details: { alertId },
    });
    return row;
  });
}

/**
 * The entities whose minor alert no supervisor has acknowledged yet, as a subquery: retention keeps
 * such a lead past its period, so the protocol is not cut short by the calendar.
 */
export function unacknowledgedLeadAlertEntityIds(db: DbOrTx): SQL {
  return db
    .select({ id: leadAlerts.entityId })
    .from(leadAlerts)
    .where(isNull(leadAlerts.acknowledgedAt))
    .getSQL();
}

/** Erases the alerts of leads that retention lets go; runs in the caller's transaction. */
export async function eraseLeadAlerts(tx: DbOrTx, entityIds: readonly string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const gone = await tx
    .delete(leadAlerts)
    .where(inArray(leadAlerts.entityId, [...entityIds]))
    .returning({ id: leadAlerts.id });
  return gone.length;
}
