// The triage queue: entities above the model's threshold or with an urgent flag become leads that
// move new → in review → contact planned → contacted → closed (or no action, with a reason). A lead
// follows its entity through merges and splits; an entity already in contact is never queued again,
// but new evidence on it is shown to whoever holds it.
import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { aliasSearchText, entityAliasMatchSql, resolveEntityId } from '../link/index.js';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { EXPLOITATION_TYPES, LEAD_STATES, leadEvents, leads, type LeadState } from './schema.js';
import type { ScoreResult } from './types.js';

type ExploitationTypeName = (typeof EXPLOITATION_TYPES)[number];

/** Order of progress, used when two leads meet in a merge: the further one wins. */
const PROGRESS: Record<LeadState, number> = {
  new: 0,
  in_review: 1,
  contact_planned: 2,
  contacted: 3,
  no_action: 1,
  closed: 4,
};

export const OPEN_STATES: LeadState[] = ['new', 'in_review', 'contact_planned'];

const TRANSITIONS: Record<LeadState, LeadState[]> = {
  new: ['in_review', 'contact_planned', 'no_action'],
  in_review: ['new', 'contact_planned', 'no_action'],
  contact_planned: ['in_review', 'contacted', 'no_action'],
  contacted: ['closed', 'no_action'],
  no_action: ['new', 'closed'],
  closed: ['new'],
};

/** The steps outreach takes a lead through by itself, and the states each may start from. */
const OUTREACH_STEPS: Record<'contact_planned' | 'contacted', readonly LeadState[]> = {
  /** A message to the person was written and queued: contact is planned. */
  contact_planned: ['new', 'in_review'],
  /** The message went out (through a channel, or by hand and recorded): contacted. */
  contacted: ['new', 'in_review', 'contact_planned'],
};

/**
 * Moves the person's lead on when outreach writes to them: planned when a message is queued,
 * contacted when it has gone out (not before: a queued message may still fail). The queue must
 * not offer someone already written to to a colleague, and retention must see the contact. A lead
 * further on (contacted, closed, or dismissed with "no action") keeps its state. Writing to an
 * open lead nobody holds also gives it to the writer (a colleague's stays theirs). In the lead's
 * history and audited, as `actor`'s step (the system's for a send); `entityId` may be an id since
 * merged (it follows). Returns whether the lead moved on.
 */
export async function advanceLeadForOutreach(
  db: DbOrTx,
  entityId: string,
  to: keyof typeof OUTREACH_STEPS,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  const id = await resolveEntityId(db, entityId);
  if (!id) return false;
  const [lead] = await db
    .select({ state: leads.state, assigneeId: leads.assigneeId })
    .from(leads)
    .where(eq(leads.entityId, id))
    .for('update');
  if (!lead) return false;
  const takes = to === 'contact_planned' && actor.userId !== null && lead.assigneeId === null;
  if (takes && OPEN_STATES.includes(lead.state)) {
    await db
      .update(leads)
      .set({ assigneeId: actor.userId, seenAt: null })
      .where(eq(leads.entityId, id));
    const detail = {
      assigneeId: actor.userId,
      previousAssigneeId: null,
      reason: 'message written',
    };
    await event(db, id, actor, 'assign', lead.state, lead.state, detail);
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'lead.assign',
      targetType: 'entity',
      targetId: id,
      details: { from: lead.state, ...detail },
    });
  }
  if (!OUTREACH_STEPS[to].includes(lead.state)) return false;
  await db
    .update(leads)
    .set({ state: to, stateChangedAt: now, noActionReason: null })
    .where(eq(leads.entityId, id));
  const detail = { reason: to === 'contacted' ? 'message sent' : 'message written' };
  await event(db, id, actor, 'state', lead.state, to, detail);
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'lead.state',
    targetType: 'entity',
    targetId: id,
    details: { from: lead.state, to, ...detail },
  });
  return true;
}

export function allowedTransitions(from: LeadState): LeadState[] {
  return TRANSITIONS[from];
}

/** What the queue knows of an entity when its score changes. */
export interface LeadEvidence {
  entityId: string;
  placeIds: string[];
  languages: string[];
  evidenceAt: Date;
}

type LeadRow = typeof leads.$inferSelect;

async function event(
  db: DbOrTx,
  entityId: string,
  actor: Actor | null,
  action: string,
  fromState: string | null,
  toState: string | null,
  detail: Record<string, unknown> = {},
) {
  await db.insert(leadEvents).values({
    entityId,
    actorId: actor?.userId ?? null,
    action,
    fromState,
    toState,
    detail,
  });
}

/**
 * Brings an entity's lead in line with its new score: creates one when it crosses the threshold
 * or turns urgent, refreshes the queue's copy of score and filters, reopens a "no action" lead
 * when the entity turns urgent, and drops an untouched lead whose evidence fell away.
 */
export async function syncLead(
  db: DbOrTx,
  evidence: LeadEvidence,
  result: ScoreResult,
  threshold: number,
): Promise<'created' | 'updated' | 'reopened' | 'dropped' | 'none'> {
  const qualifies = result.urgent || result.score >= threshold;
  const [lead] = await db.select().from(leads).where(eq(leads.entityId, evidence.entityId));
  const copy = {
    urgent: result.urgent,
    score: result.score,
    flags: result.flags,
    exploitationType: result.exploitationType,
    placeIds: evidence.placeIds,
    languages: evidence.languages,
    evidenceAt: evidence.evidenceAt,
  };
  if (!lead) {
    if (!qualifies) return 'none';
    await db.insert(leads).values({ entityId: evidence.entityId, state: 'new', ...copy });
    await event(db, evidence.entityId, null, 'queued', null, 'new', {
      score: result.score,
      urgent: result.urgent,
    });
    return 'created';
  }
  if (!qualifies && lead.state === 'new' && !lead.assigneeId) {
    await db.delete(leads).where(eq(leads.entityId, evidence.entityId));
    await event(db, evidence.entityId, null, 'dropped', 'new', null, { score: result.score });
    return 'dropped';
  }
  // A decision of "no action" stands unless the person now looks like a minor.
  if (lead.state === 'no_action' && result.urgent && !lead.urgent) {
    await db
      .update(leads)
      .set({ ...copy, state: 'new', noActionReason: null, stateChangedAt: new Date() })
      .where(eq(leads.entityId, evidence.entityId));
    await event(db, evidence.entityId, null, 'reopened', 'no_action', 'new', {
      reason: 'urgent flag raised by new evidence',
    });
    return 'reopened';
  }
  await db.update(leads).set(copy).where(eq(leads.entityId, evidence.entityId));
  return 'updated';
}

async function getLead(db: DbOrTx, entityId: string): Promise<LeadRow> {
  const [lead] = await db.select().from(leads).where(eq(leads.entityId, entityId));
  if (!lead)
    throw new AppError('not_found', keyed('score.notInQueue', 'This entity is not in the queue.'));
  return lead;
}

export const LeadAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('assign'), assigneeId: z.uuid().nullable() }),
  z.object({
    action: z.literal('state'),
    state: z.enum(LEAD_STATES),
    reason: z.string().trim().max(1000).optional(),
  }),
  z.object({ action: z.literal('snooze'), until: z.coerce.date().nullable() }),
  z.object({ action: z.literal('seen') }),
]);
export type LeadAction = z.infer<typeof LeadAction>;

/** Applies a worker's action to a lead; every change is audited and kept in the lead's history. */
export async function actOnLead(
  db: DbOrTx,
  actor: Actor,
  entityId: string,
  action: LeadAction,
  now = new Date(),
  /** Asked with the lead as read, before anything changes (the assignment rule needs its holder). */
  authorizeOn?: (lead: LeadRow) => void,
): Promise<LeadRow> {
  const lead = await getLead(db, entityId);
  authorizeOn?.(lead);
  let set: Partial<LeadRow> = {};
  let detail: Record<string, unknown> = {};
  let toState: LeadState | null = null;
  switch (action.action) {
    case 'assign':
      if (action.assigneeId === lead.assigneeId) return lead;
      set = { assigneeId: action.assigneeId, seenAt: null };
      detail = { assigneeId: action.assigneeId, previousAssigneeId: lead.assigneeId };
      break;
    case 'state': {
      if (action.state === lead.state) return lead;
      if (!TRANSITIONS[lead.state].includes(action.state)) {
        throw new AppError(
          'conflict',
          keyed(
            'score.leadMove',
            `A lead in state "${lead.state}" cannot move to "${action.state}" (allowed: ${TRANSITIONS[lead.state].join(', ')}).`,
            { from: lead.state, to: action.state },
          ),
        );
      }
      if (action.state === 'no_action' && !action.reason) {
        throw new AppError(
          'validation_failed',
          keyed('score.noActionReason', 'A reason is required for "no action".'),
        );
      }
      toState = action.state;
      set = {
        state: action.state,
        stateChangedAt: now,
        noActionReason: action.state === 'no_action' ? (action.reason ?? null) : null,
      };
      detail = action.reason ? { reason: action.reason } : {};
      break;
    }
    case 'snooze':
      if (action.until && action.until <= now) {
        throw new AppError(
          'validation_failed',
          keyed('score.snoozeFuture', 'Snooze until a time in the future.'),
        );
      }
      set = { snoozedUntil: action.until };
      detail = { until: action.until?.toISOString() ?? null };
      break;
    case 'seen':
      set = { seenAt: now };
      break;
  }
  // An assignment applies only while the holder is the one the rule was asked about.
  const holderUnchanged =
    action.action !== 'assign'
      ? undefined
      : lead.assigneeId === null
        ? isNull(leads.assigneeId)
        : eq(leads.assigneeId, lead.assigneeId);
  const [updated] = await db
    .update(leads)
    .set(set)
    .where(and(eq(leads.entityId, entityId), holderUnchanged))
    .returning();
  if (!updated && action.action === 'assign') {
    throw new AppError(
      'conflict',
      keyed(
        'score.holderChanged',
        'Someone changed who holds this lead just now. Reload it and try again.',
      ),
    );
  }
  if (action.action !== 'seen') {
    await event(db, entityId, actor, action.action, lead.state, toState ?? lead.state, detail);
    await appendAudit(db, {
      ...auditFields(actor),
      action: `lead.${action.action}`,
      targetType: 'entity',
      targetId: entityId,
      details: { from: lead.state, ...detail },
    });
  }
  return updated ?? lead;
}

/** Merge hook: the leads of merged entities meet in the survivor; the most advanced one wins. */
export async function mergeLeads(db: DbOrTx, fromIds: string[], intoId: string): Promise<void> {
  const rows = await db
    .select()
    .from(leads)
    .where(inArray(leads.entityId, [...fromIds, intoId]));
  if (rows.length === 0) return;
  const best = [...rows].sort(
    (a, b) =>
      PROGRESS[b.state] - PROGRESS[a.state] ||
      Number(!!b.assigneeId) - Number(!!a.assigneeId) ||
      (a.entityId === intoId ? -1 : b.entityId === intoId ? 1 : 0),
  )[0];
  if (!best) return;
  await db.delete(leads).where(inArray(leads.entityId, [...fromIds, intoId]));
  const { entityId: _from, ...rest } = best;
  await db.insert(leads).values({ ...rest, entityId: intoId });
  await db
    .update(leadEvents)
    .set({ entityId: intoId })
    .where(inArray(leadEvents.entityId, fromIds));
  await event(db, intoId, null, 'merged', null, best.state, { from: fromIds });
}

/**
 * Split hook: the part keeping the id keeps the lead; parts split off from an entity already in
 * contact inherit its state and holder, so nobody contacts the same person twice.
 */
export async function splitLeads(db: DbOrTx, fromId: string, intoIds: string[]): Promise<void> {
  const [lead] = await db.select().from(leads).where(eq(leads.entityId, fromId));
  if (!lead) return;
  for (const id of intoIds) {
    if (lead.state === 'contacted' || lead.state === 'contact_planned') {
      const { entityId: _e, ...rest } = lead;
      await db
        .insert(leads)
        .values({ ...rest, entityId: id })
        .onConflictDoNothing();
    }
    await event(db, id, null, 'split', null, lead.state, { from: fromId });
  }
}

const EXPLOITATION_LIST = new RegExp(
  `^(${EXPLOITATION_TYPES.join('|')})(,(${EXPLOITATION_TYPES.join('|')}))*$`,
);

/**
 * One kind of exploitation or a comma list of them ("criminal,both"), kept as the query string
 * carries it: a saved search stores it so, and parses again with this schema when it is checked.
 */
export const ExploitationFilter = z
  .string()
  .max(60)
  .regex(EXPLOITATION_LIST, `one of ${EXPLOITATION_TYPES.join(', ')}, or a comma list of them`);

/** The kinds a filter value names, each once. */
export function exploitationTypesOf(value: string): ExploitationTypeName[] {
  return EXPLOITATION_TYPES.filter((t) => value.split(',').includes(t));
}

export const LeadFilter = z.object({
  state: z.union([z.enum(LEAD_STATES), z.literal('open'), z.literal('all')]).default('open'),
  place: z.string().max(80).optional(),
  language: z.string().max(8).optional(),
  flag: z.string().max(40).optional(),
  /** Kind of exploitation the lead's signs point to: sexual, criminal, both, unclear, or a list. */
  exploitation: ExploitationFilter.optional(),
  minScore: z.coerce.number().int().min(0).max(100).optional(),
  maxScore: z.coerce.number().int().min(0).max(100).optional(),
  /** A user id, "me" or "none". */
  assignee: z.string().max(40).optional(),
  includeSnoozed: z.stringbool().optional(),
  /** A lead's alias or part of it ("cobalt-river", "river 41"), or the start of its id. */
  q: z.string().trim().max(40).optional(),
});
export type LeadFilter = z.infer<typeof LeadFilter>;

export interface LeadCursor {
  urgent: boolean;
  score: number;
  evidenceAt: string;
  entityId: string;
}

export function encodeCursor(c: LeadCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

const CursorSchema = z.object({
  urgent: z.boolean(),
  score: z.number().int(),
  evidenceAt: z.iso.datetime(),
  entityId: z.uuid(),
});

export function decodeCursor(s: string): LeadCursor {
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(s, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('validation_failed', 'The page cursor is not valid.');
  }
}

/** The queue's WHERE clause for a filter (used by the list, the CSV export and saved searches). */
export function leadWhere(filter: LeadFilter, userId: string | null, now: Date): SQL[] {
  const where: SQL[] = [];
  if (filter.state === 'open') where.push(inArray(leads.state, OPEN_STATES));
  else if (filter.state !== 'all') where.push(eq(leads.state, filter.state));
  if (!filter.includeSnoozed) {
    where.push(sql`(${leads.snoozedUntil} IS NULL OR ${leads.snoozedUntil} <= ${now})`);
  }
  if (filter.place) where.push(sql`${leads.placeIds} @> ARRAY[${filter.place}]::text[]`);
  if (filter.language) where.push(sql`${leads.languages} @> ARRAY[${filter.language}]::text[]`);
  if (filter.flag) where.push(sql`${leads.flags} @> ARRAY[${filter.flag}]::text[]`);
  if (filter.exploitation) {
    where.push(inArray(leads.exploitationType, exploitationTypesOf(filter.exploitation)));
  }
  if (filter.minScore !== undefined) where.push(sql`${leads.score} >= ${filter.minScore}`);
  if (filter.maxScore !== undefined) where.push(sql`${leads.score} <= ${filter.maxScore}`);
  if (filter.assignee === 'none') where.push(sql`${leads.assigneeId} IS NULL`);
  else if (filter.assignee === 'me') {
    where.push(userId ? eq(leads.assigneeId, userId) : sql`false`);
  } else if (filter.assignee) {
    const id = z.uuid().safeParse(filter.assignee);
    if (!id.success)
      throw new AppError('validation_failed', 'assignee must be a user id, "me" or "none".');
    where.push(eq(leads.assigneeId, id.data));
  }
  if (filter.q) {
    const text = aliasSearchText(filter.q);
    if (!text) {
      throw new AppError(
        'validation_failed',
        keyed(
          'score.searchHint',
          'Search by alias ("cobalt-river-417", or part of it) or by the start of an id.',
        ),
      );
    }
    const idPrefix = /^[0-9a-f-]{4,36}$/.test(text) ? `${text}%` : null;
    where.push(
      idPrefix
        ? sql`(${entityAliasMatchSql(leads.entityId, text)} OR ${leads.entityId}::text LIKE ${idPrefix})`
        : entityAliasMatchSql(leads.entityId, text),
    );
  }
  return where;
}

/** One page of the queue: urgent first, then by score, then by the newest evidence. */
export async function listLeads(
  db: DbOrTx,
  filter: LeadFilter,
  userId: string | null,
  opts: { cursor?: string; limit: number; now?: Date },
): Promise<{ items: LeadRow[]; nextCursor: string | null }> {
  const now = opts.now ?? new Date();
  const where = leadWhere(filter, userId, now);
  if (opts.cursor) {
    const c = decodeCursor(opts.cursor);
    where.push(
      sql`(${leads.urgent}, ${leads.score}, ${leads.evidenceAt}, ${leads.entityId}) < (${c.urgent}, ${c.score}, ${new Date(c.evidenceAt)}, ${c.entityId}::uuid)`,
    );
  }
  const rows = await db
    .select()
    .from(leads)
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      sql`${leads.urgent} DESC, ${leads.score} DESC, ${leads.evidenceAt} DESC, ${leads.entityId} DESC`,
    )
    .limit(opts.limit + 1);
  const items = rows.slice(0, opts.limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > opts.limit && last
        ? encodeCursor({
            urgent: last.urgent,
            score: last.score,
            evidenceAt: last.evidenceAt.toISOString(),
            entityId: last.entityId,
          })
        : null,
  };
}

export async function leadOf(db: DbOrTx, entityId: string) {
  const [lead] = await db.select().from(leads).where(eq(leads.entityId, entityId));
  if (!lead) return null;
  const history = await db
    .select()
    .from(leadEvents)
    .where(eq(leadEvents.entityId, entityId))
    .orderBy(leadEvents.at);
  return { ...lead, history };
}
