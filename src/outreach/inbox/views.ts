// The shapes the inbox's routes answer with, and their presenters: a conversation as a worker
// reads it (the contact only masked), and what the console may offer on its assignee, asked of the
// one assignment rule so the console does not mirror it.
import { z } from 'zod';
import { AssignmentOptionsView } from '../../platform/auth/capabilities.js';
import { assignmentOptions, type Principal } from '../../platform/auth/policy.js';
import { ConversationStatus, MessageStatus } from '../views.js';
import type { ConversationRow, openConversation } from './conversations.js';

const ConversationKind = z.enum(['outreach', 'inbound', 'chat']);

export const InboxItem = z.object({
  id: z.string(),
  kind: ConversationKind,
  status: ConversationStatus,
  contact: z.string().nullable(),
  doNotContact: z.boolean(),
  entityId: z.string().nullable(),
  channelId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  unread: z.number(),
  unanswered: z.number(),
  lastMessageAt: z.string(),
  /** Why it closed by itself ('opt_out': the person wrote STOP); null otherwise. */
  closedReason: z.enum(['opt_out']).nullable(),
  /** When the first message waiting for its time (a scheduled send) is due; null if none. */
  scheduledFor: z.string().nullable(),
});

export const ConversationDetail = z.object({
  conversation: z.object({
    id: z.string(),
    kind: ConversationKind,
    status: ConversationStatus,
    entityId: z.string().nullable(),
    /** The lead's speakable alias (its entity's). */
    alias: z.string().nullable(),
    channelId: z.string().nullable(),
    assigneeId: z.string().nullable(),
    unread: z.number(),
    unanswered: z.number(),
    createdAt: z.string(),
    closedReason: z.enum(['opt_out']).nullable(),
  }),
  contact: z
    .object({
      id: z.string(),
      kind: z.enum(['phone', 'email', 'handle']),
      masked: z.string(),
      country: z.string().nullable(),
      doNotContact: z.boolean(),
      optOutAt: z.string().nullable(),
      lastInboundAt: z.string().nullable(),
    })
    .nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['out', 'in', 'note']),
      status: MessageStatus,
      purpose: z.enum(['message', 'opt_out_confirmation']),
      channelId: z.string().nullable(),
      templateId: z.string().nullable(),
      body: z.string(),
      providerId: z.string().nullable(),
      errorCode: z.string().nullable(),
      errorMessage: z.string().nullable(),
      authorId: z.string().nullable(),
      segments: z.number().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      failedAt: z.string().nullable(),
      /** Waiting for this time (the first the rules allow); every rule is checked again then. */
      scheduledFor: z.string().nullable(),
      /** The person's time zone the time was worked out in. */
      scheduledZone: z.string().nullable(),
    }),
  ),
  assignment: AssignmentOptionsView,
});

export const ConversationChange = z.object({
  id: z.string(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  assignment: AssignmentOptionsView,
});

export const NoteView = z.object({ id: z.string(), createdAt: z.string() });

/** A conversation as opened (openConversation: audited, marked read), for this person. */
export function presentConversation(
  opened: Awaited<ReturnType<typeof openConversation>>,
  p: Principal,
  alias: string | null,
): z.infer<typeof ConversationDetail> {
  const c = opened.conversation;
  return {
    ...opened,
    // What the console offers on the assignee, asked of the one rule (it does not mirror it).
    assignment: assignmentOptions(p, c.assigneeId),
    conversation: {
      id: c.id,
      kind: c.kind,
      status: c.status,
      entityId: c.entityId,
      alias,
      channelId: c.channelId,
      assigneeId: c.assigneeId,
      unread: c.unread,
      unanswered: c.unanswered,
      createdAt: c.createdAt.toISOString(),
      closedReason: c.closedReason,
    },
  };
}

export function presentConversationChange(
  row: ConversationRow,
  p: Principal,
): z.infer<typeof ConversationChange> {
  return {
    id: row.id,
    status: row.status,
    assigneeId: row.assigneeId,
    assignment: assignmentOptions(p, row.assigneeId),
  };
}
