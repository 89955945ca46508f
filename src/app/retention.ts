// Retention across contexts: each record type has a period (config RETENTION_*_DAYS) after which
// it is erased. Closed cases go as a subject's erasure would (tombstone, audit), held cases stay;
// conversations that belong to no case go with their messages and contacts; chat transcripts go
// with their messages and notes after the chat ended (or, left open, after it started). The preview and the
// run take the same cutoffs from the same Clock, so what the console shows next is what the job
// then erases. Uncontacted leads and captures have no period here yet.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseThreadIds, closedCasesDue, eraseClosedCasesDue } from '../cases/index.js';
import { chatsDueForErasure, eraseChats } from '../chat/index.js';
import { eraseConversations, idleConversations } from '../outreach/index.js';
import { auditFields, SYSTEM_ACTOR } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { canReadAuditLog } from '../platform/auth/policy.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { defineJob, type JobDefinition } from '../platform/jobs.js';

const DAY_MS = 86_400_000;

export const RETENTION_TYPES = ['closed_case', 'conversation', 'chat'] as const;
export type RetentionType = (typeof RETENTION_TYPES)[number];

export interface RetentionDeps {
  db: Db;
  config: Config;
  clock: Clock;
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
        /** Past their period but kept by a legal hold. */
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

async function selection(deps: RetentionDeps, now: Date) {
  const { closedCaseDays, conversationDays, chatDays } = deps.config.retention;
  const caseCutoff = cutoffOf(now, closedCaseDays);
  const conversationCutoff = cutoffOf(now, conversationDays);
  const chatCutoff = cutoffOf(now, chatDays);
  const closed = await closedCasesDue(deps.db, caseCutoff);
  const threads = await idleConversations(deps.db, conversationCutoff, caseThreadIds(deps.db));
  const chats = await chatsDueForErasure(deps.db, chatCutoff);
  return { caseCutoff, conversationCutoff, chatCutoff, closed, threads, chats };
}

/** What the next run would erase, per type, and when the next records fall due. */
export async function previewRetention(deps: RetentionDeps): Promise<RetentionPreview> {
  const now = deps.clock.now();
  const { closedCaseDays, conversationDays, chatDays } = deps.config.retention;
  const { closed, threads, chats } = await selection(deps, now);
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
        type: 'conversation',
        periodDays: conversationDays,
        due: threads.due.length,
        held: 0,
        nextDueAt: plusDays(threads.nextActivityAt, conversationDays)?.toISOString() ?? null,
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

/** Erases what is due now; audits the counts per type (no ids of people, no content). */
export async function runRetention(deps: RetentionDeps): Promise<Record<RetentionType, number>> {
  const now = deps.clock.now();
  const { caseCutoff, conversationCutoff, chatCutoff, threads } = await selection(deps, now);
  const closedCases = await eraseClosedCasesDue(deps.db, SYSTEM_ACTOR, caseCutoff, now);
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
  const erased = { closed_case: closedCases, conversation: conversations, chat: chats };
  await appendAudit(deps.db, {
    actorUserId: null,
    actorLabel: SYSTEM_ACTOR.label,
    action: 'retention.run',
    details: {
      ...erased,
      caseCutoff: caseCutoff.toISOString(),
      conversationCutoff: conversationCutoff.toISOString(),
      chatCutoff: chatCutoff.toISOString(),
    },
  });
  return erased;
}

export function retentionJobs(deps: RetentionDeps): JobDefinition[] {
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
