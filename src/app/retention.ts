// Retention across contexts: each record type has a period (config RETENTION_*_DAYS) after which
// it is erased. Closed cases go as a subject's erasure would (tombstone, audit), held cases stay;
// a case whose person withdrew or refused consent to keep their data goes at the next run, open or
// closed, unless held;
// conversations that belong to no case go with their messages and contacts; leads nobody contacted
// (no conversation, no case) go after their last evidence with their entity, the facts and
// identifiers of their ads and the ads, unless a minor's alert waits for a supervisor; so do, after
// the same period, the entities that never became a lead at all (ads the triage never ranked, with
// their numbers' hashes and encrypted identifiers); captures go
// with their blobs once past their period unless they are evidence of an ad of a kept lead or a
// case (a held case's count as held); chat transcripts go with their messages and notes after
// the chat ended (or, left open, after it started). Each context erases its own rows through its index.ts; this
// module only orders the calls, later contexts first. The preview and the run take the same
// cutoffs from the same Clock, so what the console shows next is what the job then erases.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import {
  caseEntityIds,
  caseThreadIds,
  closedCasesDue,
  eraseClosedCasesDue,
  eraseLeadAlerts,
  eraseUnkeptCasesDue,
  unkeptCasesDue,
  heldCaseEntityIds,
  unacknowledgedLeadAlertEntityIds,
  type OnCaseErased,
} from '../cases/index.js';
import { chatsDueForErasure, eraseChats, eraseChatsOfThreads } from '../chat/index.js';
import {
  capturesDue,
  eraseAds,
  eraseCaptures,
  type CaptureRetentionScope,
} from '../collect/index.js';
import { eraseAdFacts } from '../facts/index.js';
import {
  adIdsOfEntities,
  currentEntityIds,
  entityHoldings,
  entityStillDue,
  eraseEntity,
  idleEntitiesDue,
  stillLinkedAdIds,
} from '../link/index.js';
import { conversationEntityIds, eraseConversations, idleConversations } from '../outreach/index.js';
import {
  eraseLeads,
  leadEntityIds,
  leadStillDue,
  uncontactedLeadsDue,
  type LeadRetentionScope,
} from '../score/index.js';
import { forgetErasedCase } from '../vault/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { auditFields, SYSTEM_ACTOR } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { canReadAuditLog } from '../platform/auth/policy.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { defineJob, type JobDefinition } from '../platform/jobs.js';

const DAY_MS = 86_400_000;

export const RETENTION_TYPES = [
  'closed_case',
  'unkept_case',
  'conversation',
  'uncontacted_lead',
  'never_lead',
  'capture',
  'chat',
] as const;
export type RetentionType = (typeof RETENTION_TYPES)[number];

export interface RetentionDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

/** A run also erases captures' blobs, so it needs the blob store; the preview does not. */
export interface RetentionRunDeps extends RetentionDeps {
  blobs: BlobStore;
  /**
   * Entities that shared a text template with an erased lead's ads: their template counts changed,
   * so they are scored again (the jobs queue them).
   */
  onEntitiesChanged?: (entityIds: string[]) => Promise<void>;
}

export const RetentionPreview = z
  .object({
    at: z.string(),
    types: z.array(
      z.object({
        type: z.enum(RETENTION_TYPES),
        periodDays: z.number().int(),
        /** Erased by the next run. */
        due: z.number().int(),
        /**
         * Past their period but kept: by a legal hold (cases, and the captures of a held case's
         * ads), or, for a lead about a minor, by an alert no supervisor has acknowledged yet.
         */
        held: z.number().int(),
        /** When the next record not yet due falls due (null: none waiting). */
        nextDueAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'RetentionPreview' });
export type RetentionPreview = z.infer<typeof RetentionPreview>;

const cutoffOf = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);
const plusDays = (at: Date | null, days: number) =>
  at ? new Date(at.getTime() + days * DAY_MS) : null;

/**
 * Leads are kept while anyone wrote to them or a case came from them (ids in conversations and
 * cases may be of entities since merged: they count for the entity the merge went into), and held
 * while a minor's alert waits for a supervisor.
 */
function leadScope(db: DbOrTx): LeadRetentionScope {
  return {
    contacted: currentEntityIds(db, sql`${conversationEntityIds(db)} UNION ${caseEntityIds(db)}`),
    // An alert raised under an id since merged holds the entity it went into (no second alert
    // is raised there: the protocol runs once per person).
    held: currentEntityIds(db, unacknowledgedLeadAlertEntityIds(db)),
  };
}

/**
 * An entity that is not a lead is kept while a lead stands for it or it was contacted, is in a
 * case, or has an open alert (a lead scored down since may still be a child's); otherwise it goes
 * after the same period as a lead nobody contacted.
 */
function entityKeep(db: DbOrTx) {
  const scope = leadScope(db);
  return currentEntityIds(
    db,
    sql`${leadEntityIds(db)} UNION ${scope.contacted} UNION ${scope.held}`,
  );
}

/**
 * A capture is kept while it is evidence of an ad of a lead that stays (not one of `leadsGoing`,
 * which this run erases first) or of a case's entity; of a held case's, it counts as held.
 */
function captureScope(db: Db, leadsGoing: readonly string[]): CaptureRetentionScope {
  const kept = currentEntityIds(
    db,
    sql`${leadEntityIds(db, leadsGoing)} UNION ${caseEntityIds(db)}`,
  );
  return {
    keptAds: adIdsOfEntities(db, kept),
    heldAds: adIdsOfEntities(db, currentEntityIds(db, heldCaseEntityIds(db))),
  };
}

function cutoffs(deps: RetentionDeps, now: Date) {
  const r = deps.config.retention;
  return {
    caseCutoff: cutoffOf(now, r.closedCaseDays),
    conversationCutoff: cutoffOf(now, r.conversationDays),
    leadCutoff: cutoffOf(now, r.uncontactedLeadDays),
    captureCutoff: cutoffOf(now, r.captureDays),
    chatCutoff: cutoffOf(now, r.chatDays),
  };
}

async function selection(deps: RetentionDeps, now: Date) {
  const c = cutoffs(deps, now);
  const closed = await closedCasesDue(deps.db, c.caseCutoff);
  const threads = await idleConversations(deps.db, c.conversationCutoff, caseThreadIds(deps.db));
  const leads = await uncontactedLeadsDue(deps.db, c.leadCutoff, leadScope(deps.db));
  const idle = await idleEntitiesDue(deps.db, c.leadCutoff, entityKeep(deps.db));
  // The captures the run will find due once the due leads are gone (it erases leads first).
  const shots = await capturesDue(deps.db, c.captureCutoff, captureScope(deps.db, leads.due));
  const chats = await chatsDueForErasure(deps.db, c.chatCutoff);
  const unkept = await unkeptCasesDue(deps.db, now);
  return { ...c, closed, threads, leads, idle, shots, chats, unkept };
}

/** What the next run would erase, per type, and when the next records fall due. */
export async function previewRetention(deps: RetentionDeps): Promise<RetentionPreview> {
  const now = deps.clock.now();
  const { closedCaseDays, conversationDays, uncontactedLeadDays, captureDays, chatDays } =
    deps.config.retention;
  const { closed, threads, leads, idle, shots, chats, unkept } = await selection(deps, now);
  return {
    at: now.toISOString(),
    types: [
      {
        type: 'closed_case',
        periodDays: closedCaseDays,
        due: closed.due.length,
        held: closed.held,
        nextDueAt: plusDays(closed.nextClosedAt, closedCaseDays)?.toISOString() ?? null,
      },
      {
        // Kept for no time at all: the person's consent to keep their data is what kept it.
        type: 'unkept_case',
        periodDays: 0,
        due: unkept.due.length,
        held: unkept.held,
        nextDueAt: null,
      },
      {
        type: 'conversation',
        periodDays: conversationDays,
        due: threads.due.length,
        held: 0,
        nextDueAt: plusDays(threads.nextActivityAt, conversationDays)?.toISOString() ?? null,
      },
      {
        type: 'uncontacted_lead',
        periodDays: uncontactedLeadDays,
        due: leads.due.length,
        held: leads.held,
        nextDueAt: plusDays(leads.nextEvidenceAt, uncontactedLeadDays)?.toISOString() ?? null,
      },
      {
        type: 'never_lead',
        periodDays: uncontactedLeadDays,
        due: idle.due.length,
        held: 0,
        nextDueAt: plusDays(idle.nextEvidenceAt, uncontactedLeadDays)?.toISOString() ?? null,
      },
      {
        type: 'capture',
        periodDays: captureDays,
        due: shots.due.length,
        held: shots.held,
        nextDueAt: plusDays(shots.nextFetchedAt, captureDays)?.toISOString() ?? null,
      },
      {
        type: 'chat',
        periodDays: chatDays,
        due: chats.due.length,
        held: 0,
        nextDueAt: plusDays(chats.nextAt, chatDays)?.toISOString() ?? null,
      },
    ],
  };
}

/**
 * Erases the entities due at `cutoff` (leads nobody contacted, or entities never a lead), each in
 * its own transaction under its row lock (re-checked by `stillDue`: one contacted, linked into a
 * case or become a lead meanwhile stays), later contexts first: the lead's alert, the lead with
 * its scores, the entity with its links, its ads' facts, then the ads.
 */
async function eraseEntitiesDue(
  deps: RetentionRunDeps,
  due: readonly string[],
  stillDue: (tx: DbOrTx, entityId: string) => Promise<boolean>,
) {
  const totals = { leads: 0, entities: 0, ads: 0, identifiers: 0, neighbours: new Set<string>() };
  const now = deps.clock.now();
  for (const entityId of due) {
    const done = await deps.db.transaction(async (tx) => {
      if (!(await stillDue(tx, entityId))) return null;
      const { adIds, formerIds } = await entityHoldings(tx, entityId);
      await eraseLeadAlerts(tx, [entityId, ...formerIds]);
      const leads = await eraseLeads(tx, [entityId], adIds, formerIds, now);
      const link = await eraseEntity(tx, entityId, adIds, now);
      const facts = await eraseAdFacts(tx, adIds);
      // An ad another kept record still leans on stays: in this codebase that is an ad some entity
      // holds again (linking ran meanwhile); nothing else refers to an ad but through its entity.
      const ads = await eraseAds(tx, adIds, stillLinkedAdIds(tx, adIds), now);
      return { leads, ads, identifiers: facts.identifiers, neighbours: link.templateNeighbours };
    });
    if (!done) continue;
    totals.entities += 1;
    totals.leads += done.leads;
    totals.ads += done.ads;
    totals.identifiers += done.identifiers;
    for (const id of done.neighbours) totals.neighbours.add(id);
  }
  return totals;
}

/**
 * A case erased (on request or by retention) takes along the chat its thread was carried from
 * (the transcript is the person's, in the chat line's tables as in the case's thread) and what the
 * person's vault holds about the case: the requests made through it, its links to recipients and
 * share codes.
 */
export const eraseCaseElsewhere: OnCaseErased = async ({ caseId, conversationIds }, tx) => {
  await eraseChatsOfThreads(tx, conversationIds);
  await forgetErasedCase(tx, caseId);
};

/** Erases what is due now; audits the counts per type (no ids of people, no content). */
export async function runRetention(deps: RetentionRunDeps): Promise<Record<RetentionType, number>> {
  const now = deps.clock.now();
  const { caseCutoff, conversationCutoff, leadCutoff, captureCutoff, chatCutoff, threads, leads } =
    await selection(deps, now);
  const closedCases = await eraseClosedCasesDue(
    deps.db,
    SYSTEM_ACTOR,
    caseCutoff,
    now,
    eraseCaseElsewhere,
  );
  const unkeptCases = await eraseUnkeptCasesDue(deps.db, SYSTEM_ACTOR, now, eraseCaseElsewhere);
  // Conversations: re-selected inside the transaction, so a thread linked to a case meanwhile stays.
  const conversations = await deps.db.transaction(async (tx) => {
    if (threads.due.length === 0) return 0;
    const still = await idleConversations(tx, conversationCutoff, caseThreadIds(deps.db));
    return (await eraseConversations(tx, still.due)).conversations;
  });
  // Chats: re-selected at the moment of erasure (one continued meanwhile is no longer due).
  const chats = await deps.db.transaction(async (tx) =>
    eraseChats(tx, (await chatsDueForErasure(tx, chatCutoff)).due),
  );
  const leadScopeNow = leadScope(deps.db);
  const leadsGone = await eraseEntitiesDue(deps, leads.due, (tx, id) =>
    leadStillDue(tx, id, leadCutoff, leadScopeNow),
  );
  // Entities never a lead, selected after the leads went (a lead's entity is no longer one).
  const keep = entityKeep(deps.db);
  const idle = await idleEntitiesDue(deps.db, leadCutoff, keep);
  const idleGone = await eraseEntitiesDue(deps, idle.due, (tx, id) =>
    entityStillDue(tx, id, leadCutoff, entityKeep(tx)),
  );
  const neighbours = new Set([...leadsGone.neighbours, ...idleGone.neighbours]);
  for (const id of [...leads.due, ...idle.due]) neighbours.delete(id);
  if (neighbours.size > 0) await deps.onEntitiesChanged?.([...neighbours]);
  // Captures after the leads: the evidence of the leads just erased is no longer kept.
  const scope = captureScope(deps.db, []);
  const shots = await capturesDue(deps.db, captureCutoff, scope);
  const captures = await eraseCaptures(deps.db, deps.blobs, shots.due, captureCutoff, scope);
  const erased = {
    closed_case: closedCases,
    unkept_case: unkeptCases,
    conversation: conversations,
    uncontacted_lead: leadsGone.leads,
    never_lead: idleGone.entities,
    capture: captures.captures,
    chat: chats,
  };
  await appendAudit(deps.db, {
    actorUserId: null,
    actorLabel: SYSTEM_ACTOR.label,
    action: 'retention.run',
    details: {
      ...erased,
      // What went with the leads and the captures, counted.
      ads: leadsGone.ads + idleGone.ads,
      identifiers: leadsGone.identifiers + idleGone.identifiers,
      blobs: captures.blobs,
      blobFailures: captures.blobFailures,
      caseCutoff: caseCutoff.toISOString(),
      conversationCutoff: conversationCutoff.toISOString(),
      leadCutoff: leadCutoff.toISOString(),
      captureCutoff: captureCutoff.toISOString(),
      chatCutoff: chatCutoff.toISOString(),
    },
  });
  return erased;
}

export function retentionJobs(deps: RetentionRunDeps): JobDefinition[] {
  return [
    defineJob({
      name: 'app.retention',
      schema: z.object({}),
      // Nightly, at an hour of little work; a missed night is caught up by the next.
      schedule: { cron: '40 2 * * *', data: {} },
      retryLimit: 2,
      handler: async (_data, ctx) => {
        const erased = await runRetention(deps);
        ctx.log.info({ erased }, 'retention run');
      },
    }),
  ];
}

/** The admin console's view of what retention erases next (admins and supervisors, audited). */
export function registerRetentionRoutes(app: FastifyInstance, deps: RetentionDeps): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/admin/retention',
    {
      schema: {
        tags: ['admin'],
        summary: 'What the next retention run erases, per record type, and when more falls due',
        response: { 200: RetentionPreview, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => {
      // The same people who review the audit log oversee what is deleted.
      authorize(canReadAuditLog(principalOf(requireAuth(request))));
      const preview = await previewRetention(deps);
      await appendAudit(deps.db, {
        ...auditFields(actorOf(request)),
        action: 'retention.preview',
        details: Object.fromEntries(preview.types.map((t) => [t.type, t.due])),
      });
      return preview;
    },
  );
}
