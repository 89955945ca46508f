// "Open case" on a chat, in one step: the chat's transcript is carried into a thread of kind
// 'chat' (outreach's carryChatTranscript), and the case is opened from that thread with the consent
// the person gave in the chat (cases' openCaseWithConsent) — so the case links its thread, and a
// consent points at the person's own message, exactly as for a case opened from a conversation.
// The evidence is the visitor's message the operator chose (by its number in the chat), or there
// is no consent yet. Cases refuses what its rules refuse (a draft problem, evidence that is not
// the person's own words), and then no case is made. A chat has one case: opening again is the
// cases' conflict naming the existing case, which the console goes to. Audited in both contexts.
import { z } from 'zod';
import {
  CONSENT_SCOPES,
  openCaseWithConsent,
  readerOf,
  SHAREABLE_FIELDS,
  visibleCaseOfConversation,
} from '../cases/index.js';
import { carryChatTranscript } from '../outreach/index.js';
import { auditFields } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import {
  presentMessage,
  requireChat,
  requireChatRole,
  requireParticipant,
  type ChatDeps,
  type OperatorActor,
} from './service.js';
import { chatMessageBySeq, lockChat, messagesAfter, updateChat, type ChatRow } from './store.js';

/** What the operator chose in the chat: what the person agreed to, and where they said so. */
export const CaseFromChatInput = z.strictObject({
  /** The visitor's message (its seq in this chat) where they gave the consents below. */
  evidenceSeq: z.int().min(1).optional(),
  consents: z
    .array(
      z.strictObject({
        scope: z.enum(CONSENT_SCOPES),
        organisationId: z.uuid().nullable().optional(),
        fields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).optional(),
        expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
      }),
    )
    .max(10)
    .default([]),
});
export type CaseFromChatInput = z.input<typeof CaseFromChatInput>;

export interface CaseFromChat {
  caseId: string;
  pseudonym: string;
  alias: string;
  consentIds: string[];
}

/** Opens a case from a chat with the consent given in it (see the module header). */
export async function openCaseFromChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chatId: string,
  raw: CaseFromChatInput,
): Promise<CaseFromChat> {
  requireChatRole(actor);
  const input = CaseFromChatInput.parse(raw);
  const chat = await requireChat(deps.db, chatId);
  requireParticipant(actor, chat);
  // Where the person said so: one of their own messages in this chat, never one of ours.
  const evidence = input.evidenceSeq
    ? await chatMessageBySeq(deps.db, chat.id, input.evidenceSeq)
    : undefined;
  if (input.evidenceSeq && evidence?.author !== 'visitor') {
    throw new AppError(
      'validation_failed',
      keyed('chat.evidenceNotTheirs', "The evidence is the person's own message in this chat."),
      undefined,
      { field: 'evidenceSeq' },
    );
  }
  const thread = await carryTranscript(deps, chat.id);
  const evidenceMessageId = evidence ? thread.messageIds.get(evidence.seq) : undefined;
  const opened = await openCaseWithConsent(deps, actor, {
    conversationId: thread.conversationId,
    // What the chat already knows about the person: their language, and a child (the triage's
    // age group), which starts the child protocol at once.
    languages: languageOf(chat),
    ...(chat.triage.ageGroup === 'under_18' ? { minor: true } : {}),
    consents: input.consents.map((c) => ({
      ...c,
      fields: c.fields ?? [],
      source: 'chat' as const,
      givenAt: (evidence?.createdAt ?? deps.clock.now()).toISOString(),
      ...(evidenceMessageId ? { evidenceMessageId } : {}),
    })),
  });
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'chat.open_case',
    targetType: 'chat',
    targetId: chat.id,
    details: {
      caseId: opened.case.id,
      conversationId: thread.conversationId,
      consents: opened.consents.map((c) => c.id),
      evidenceSeq: input.evidenceSeq ?? null,
    },
  });
  return {
    caseId: opened.case.id,
    pseudonym: opened.case.pseudonym,
    alias: opened.case.alias,
    consentIds: opened.consents.map((c) => c.id),
  };
}

/** The chat's language as a case records languages (an ISO 639 code), when it is one. */
function languageOf(chat: ChatRow): string[] {
  return /^[a-z]{2,3}$/.test(chat.language) ? [chat.language] : [];
}

/**
 * Carries the chat's transcript into its thread (made the first time, or again when the thread
 * was erased with its case), under the chat's lock so two carries never race. All of it each time:
 * outreach stores each message once (by its seq), so only what is new is added, and a new thread
 * gets the whole transcript. The visitor's and operators' messages only (the line's own notices
 * are not the conversation).
 */
async function carryTranscript(deps: ChatDeps, chatId: string) {
  return deps.db.transaction(async (tx) => {
    const chat = (await lockChat(tx, chatId))!;
    const rows = await allMessages(tx, chat.id);
    const carried = await carryChatTranscript(tx, deps.config, {
      chatId: chat.id,
      conversationId: chat.conversationId,
      holderId: chat.operatorId,
      ended: chat.state === 'ended',
      messages: rows
        .filter((r) => r.author !== 'system')
        .map((r) => ({
          seq: r.seq,
          from: r.author === 'visitor' ? ('visitor' as const) : ('operator' as const),
          body: presentMessage(deps.config, r).body,
          at: r.createdAt,
          authorId: r.authorId,
        })),
      now: deps.clock.now(),
    });
    if (chat.conversationId !== carried.conversationId) {
      await updateChat(tx, chat.id, { conversationId: carried.conversationId });
    }
    return carried;
  });
}

async function allMessages(db: DbOrTx, chatId: string) {
  const out = [];
  for (let after = 0; ;) {
    const rows = await messagesAfter(db, chatId, after);
    out.push(...rows);
    if (rows.length < 500) return out;
    after = rows[rows.length - 1]!.seq;
  }
}

/** The case this chat was opened as, when the operator may see it (the thread offers "go to"). */
export async function caseOfChat(
  deps: ChatDeps,
  actor: OperatorActor,
  chat: ChatRow,
): Promise<string | null> {
  if (!chat.conversationId) return null;
  return visibleCaseOfConversation(deps.db, readerOf(actor), chat.conversationId);
}
