// Conversations and their messages: one inbox for outreach threads and for people who wrote first.
// Bodies are stored encrypted; opening a conversation is audited; inbound messages from an unknown
// sender open a new conversation; delivery reports move a message from sent to delivered or failed.
import { and, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, SYSTEM_ACTOR, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { readRecordedLately } from '../../platform/audit/audit-query.js';
import type { Config } from '../../platform/config.js';
import { decryptField, encryptField } from '../../platform/crypto.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { advanceLeadForOutreach } from '../../score/index.js';
import type { DeliveryReport, InboundMessage } from '../channels/channel.js';
import { contactById, normaliseAddress, upsertContact, type ContactKind } from './contacts.js';
import { CONVERSATION_STATUSES, contacts, conversations, messages } from '../schema.js';

const BODY_CONTEXT = 'messages.body';
const MAX_BODY = 4000;

export type ConversationRow = typeof conversations.$inferSelect;
export type MessageRow = typeof messages.$inferSelect;

export function encryptBody(config: Config, body: string): string {
  return encryptField(config.secrets.fieldKeys, body, BODY_CONTEXT);
}

export function decryptBody(config: Config, enc: string): string {
  return decryptField(config.secrets.fieldKeys, enc, BODY_CONTEXT);
}

export async function conversationById(db: DbOrTx, id: string): Promise<ConversationRow> {
  const [row] = await db.select().from(conversations).where(eq(conversations.id, id));
  if (!row)
    throw new AppError(
      'not_found',
      keyed('outreach.conversationNotFound', 'No such conversation.'),
    );
  return row;
}

/**
 * Open outreach threads of an entity (one is the rule; more only by a supervisor's override). A
 * thread the person's STOP closed counts as open here: writing to the same person on another
 * number after they said stop is exactly what needs a supervisor.
 */
export async function threadsOfEntity(db: DbOrTx, entityId: string) {
  return db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.entityId, entityId),
        eq(conversations.kind, 'outreach'),
        or(ne(conversations.status, 'closed'), eq(conversations.closedReason, 'opt_out')),
      ),
    );
}

/**
 * Starts an outreach thread to a contact for an entity. A second open thread for the same entity
 * needs a supervisor's override, which is audited.
 */
export async function startThread(
  db: DbOrTx,
  actor: Actor,
  input: { entityId: string | null; contactId: string; channelId: string; override?: boolean },
  now: Date,
): Promise<ConversationRow> {
  if (input.entityId) {
    const open = await threadsOfEntity(db, input.entityId);
    if (open.length > 0) {
      if (!input.override) {
        throw new AppError(
          'conflict',
          keyed(
            'outreach.threadExists',
            'This person already has an outreach thread. A supervisor can allow a second one.',
          ),
        );
      }
      if (actor.role !== 'supervisor' && actor.role !== 'admin') {
        throw new AppError(
          'forbidden',
          keyed(
            'outreach.secondThreadSupervisorOnly',
            'Only a supervisor can allow a second thread.',
          ),
        );
      }
    }
  }
  const [row] = await db
    .insert(conversations)
    .values({
      kind: 'outreach',
      contactId: input.contactId,
      entityId: input.entityId,
      channelId: input.channelId,
      status: 'open',
      assigneeId: actor.userId,
      overrideBy: input.override ? actor.userId : null,
      createdAt: now,
    })
    .returning();
  if (!row) throw new AppError('internal', 'Conversation could not be stored.');
  await appendAudit(db, {
    ...auditFields(actor),
    action: input.override ? 'conversation.start_override' : 'conversation.start',
    targetType: 'conversation',
    targetId: row.id,
    details: { entityId: input.entityId, channelId: input.channelId },
  });
  return row;
}

/**
 * Records an outbound message as queued; the send job picks it up by id. Its time is the caller's
 * `now`, not the database's: the contact rules compare it with the caller's clock (gaps, rate
 * windows), and the database server's clock need not agree with it.
 */
export async function insertOutbound(
  db: DbOrTx,
  config: Config,
  input: {
    conversationId: string;
    channelId: string;
    body: string;
    templateId: string | null;
    authorId: string | null;
    idempotencyKey: string;
    segments: number | null;
    /** The one confirmation after an opt-out is marked so the send job lets it through. */
    purpose?: 'message' | 'opt_out_confirmation';
    /** 'to_send' on a manual channel: a worker sends it by hand and records that. */
    status?: 'queued' | 'to_send';
    now: Date;
    /** Kept for the first time the rules allow; its send job waits until then. */
    scheduledFor?: Date;
    scheduledZone?: string;
    safetyConfirmedBy?: string | null;
  },
): Promise<MessageRow> {
  if (input.body.length === 0 || input.body.length > MAX_BODY) {
    throw new AppError(
      'validation_failed',
      keyed('outreach.messageLength', `A message has 1 to ${MAX_BODY} characters.`, {
        max: MAX_BODY,
      }),
    );
  }
  const [row] = await db
    .insert(messages)
    .values({
      conversationId: input.conversationId,
      direction: 'out',
      status: input.status ?? 'queued',
      bodyEnc: encryptBody(config, input.body),
      channelId: input.channelId,
      templateId: input.templateId,
      idempotencyKey: input.idempotencyKey,
      segments: input.segments,
      authorId: input.authorId,
      purpose: input.purpose ?? 'message',
      createdAt: input.now,
      scheduledFor: input.scheduledFor ?? null,
      scheduledZone: input.scheduledZone ?? null,
      safetyConfirmedBy: input.safetyConfirmedBy ?? null,
    })
    .onConflictDoNothing({ target: messages.idempotencyKey })
    .returning();
  if (row) return row;
  // The same request came twice: give back the message it made the first time.
  const [existing] = await db
    .select()
    .from(messages)
    .where(eq(messages.idempotencyKey, input.idempotencyKey));
  if (!existing) throw new AppError('internal', 'Message could not be stored.');
  return existing;
}

export async function addNote(
  db: DbOrTx,
  config: Config,
  actor: Actor,
  conversationId: string,
  text: string,
  now: Date,
): Promise<MessageRow> {
  await conversationById(db, conversationId);
  const body = text.trim();
  if (!body || body.length > MAX_BODY) {
    throw new AppError(
      'validation_failed',
      keyed('outreach.noteLength', `A note has 1 to ${MAX_BODY} characters.`, { max: MAX_BODY }),
    );
  }
  const [row] = await db
    .insert(messages)
    .values({
      conversationId,
      direction: 'note',
      status: 'note',
      bodyEnc: encryptBody(config, body),
      authorId: actor.userId,
      // In the same time line as the messages it sits between (see insertOutbound).
      createdAt: now,
    })
    .returning();
  return row!;
}

/** A delivery report from a channel: the message it belongs to moves on (never backwards). */
export async function recordDelivery(
  db: DbOrTx,
  channelId: string,
  report: DeliveryReport,
): Promise<MessageRow | null> {
  const [msg] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.channelId, channelId), eq(messages.providerId, report.providerId)));
  if (!msg) return null;
  if (msg.status === 'delivered' || msg.status === 'failed') return msg;
  const delivered = report.status === 'delivered';
  const [row] = await db
    .update(messages)
    .set(
      delivered
        ? { status: 'delivered', deliveredAt: report.at }
        : report.status === 'unknown'
          ? {}
          : {
              status: 'failed',
              failedAt: report.at,
              errorCode: report.status,
              errorMessage: report.detail ?? null,
            },
    )
    .where(eq(messages.id, msg.id))
    .returning();
  return row ?? msg;
}

export interface InboundOutcome {
  conversation: ConversationRow;
  message: MessageRow;
  contactId: string;
  newConversation: boolean;
}

/**
 * An inbound message: the person's contact (created if unknown), their latest open conversation
 * (or a new one), the message stored encrypted, unread counted, and the unanswered count reset.
 */
export async function recordInbound(
  db: DbOrTx,
  config: Config,
  channel: { id: string; kind: string },
  inbound: InboundMessage & { contactId?: string },
): Promise<InboundOutcome> {
  // A reply recorded by hand names its contact; one from a channel is found by its address.
  let contact;
  if (inbound.contactId) contact = await contactById(db, inbound.contactId);
  else {
    const kind: ContactKind =
      channel.kind === 'email' ? 'email' : channel.kind === 'manual' ? 'handle' : 'phone';
    contact = await upsertContact(db, config, normaliseAddress(kind, inbound.from));
  }
  await db
    .update(contacts)
    .set({
      lastInboundAt: inbound.at,
      ...(channel.kind === 'whatsapp'
        ? { whatsappOptInAt: contact.whatsappOptInAt ?? inbound.at }
        : {}),
    })
    .where(eq(contacts.id, contact.id));
  // Their open thread; or the one their opt-out closed, which a new message opens again (a
  // second STOP closes it once more; anything else may be a call for help, with its history).
  const [open] = await db
    .select()
    .from(conversations)
    .where(
      and(
        eq(conversations.contactId, contact.id),
        or(ne(conversations.status, 'closed'), eq(conversations.closedReason, 'opt_out')),
      ),
    )
    .orderBy(sql`${conversations.status} = 'closed'`, desc(conversations.lastMessageAt))
    .limit(1);
  let conversation = open;
  let created = false;
  if (!conversation) {
    [conversation] = await db
      .insert(conversations)
      .values({
        kind: 'inbound',
        contactId: contact.id,
        channelId: channel.id,
        status: 'open',
        createdAt: inbound.at,
      })
      .returning();
    created = true;
  }
  if (!conversation) throw new AppError('internal', 'Conversation could not be stored.');
  const body = inbound.body.slice(0, MAX_BODY);
  const [message] = await db
    .insert(messages)
    .values({
      conversationId: conversation.id,
      direction: 'in',
      status: 'received',
      bodyEnc: encryptBody(config, body),
      channelId: channel.id,
      providerId: inbound.providerId ?? null,
      createdAt: inbound.at,
    })
    .returning();
  const [updated] = await db
    .update(conversations)
    .set({
      unread: sql`${conversations.unread} + 1`,
      unanswered: 0,
      lastMessageAt: inbound.at,
      lastInboundAt: inbound.at,
      status: 'open',
      closedAt: null,
      closedReason: null,
      channelId: channel.id,
    })
    .where(eq(conversations.id, conversation.id))
    .returning();
  return {
    conversation: updated ?? conversation,
    message: message!,
    contactId: contact.id,
    newConversation: created,
  };
}

export const InboxFilter = z.object({
  status: z.enum([...CONVERSATION_STATUSES, 'all']).default('open'),
  assignee: z.string().max(40).optional(),
  unread: z.stringbool().optional(),
  /** Threads of one person (the entity page lists them). */
  entityId: z.uuid().optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type InboxFilter = z.infer<typeof InboxFilter>;

/** Where a page of the inbox ends: the last item's activity time and id (newest first). */
export interface InboxPosition {
  at: string | null;
  id: string;
}

/** The inbox's page cursor (also the composed inbox's, src/app/inbox.ts: one paging for all). */
export function encodeInboxCursor(at: Date | null, id: string): string {
  return Buffer.from(`${at?.toISOString() ?? ''}|${id}`).toString('base64url');
}

export function decodeInboxCursor(cursor: string): InboxPosition {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (id === undefined || !/^[0-9a-f-]{36}$/.test(id) || (at && Number.isNaN(Date.parse(at)))) {
    throw new AppError('validation_failed', 'Invalid page cursor.');
  }
  return { at: at || null, id };
}

/**
 * The inbox: conversations with the newest activity first (keyset pages), without bodies. `kinds`
 * narrows to some kinds of thread (the composed inbox leaves out carried chats: it lists the chat).
 */
export async function listInbox(
  db: DbOrTx,
  filter: InboxFilter,
  userId: string | null,
  kinds?: readonly ConversationRow['kind'][],
) {
  const where: SQL[] = [];
  if (kinds) where.push(inArray(conversations.kind, [...kinds]));
  if (filter.status !== 'all') where.push(eq(conversations.status, filter.status));
  if (filter.assignee === 'me')
    where.push(userId ? eq(conversations.assigneeId, userId) : sql`false`);
  else if (filter.assignee === 'none') where.push(isNull(conversations.assigneeId));
  else if (filter.assignee) {
    const id = z.uuid().safeParse(filter.assignee);
    if (!id.success)
      throw new AppError('validation_failed', 'assignee must be a user id, "me" or "none".');
    where.push(eq(conversations.assigneeId, id.data));
  }
  if (filter.unread) where.push(sql`${conversations.unread} > 0`);
  if (filter.entityId) where.push(eq(conversations.entityId, filter.entityId));
  if (filter.cursor) {
    const c = decodeInboxCursor(filter.cursor);
    where.push(
      sql`(coalesce(${conversations.lastMessageAt}, ${conversations.createdAt}), ${conversations.id}) < (${c.at ?? '-infinity'}::timestamptz, ${c.id}::uuid)`,
    );
  }
  // The first message still waiting for its time (a scheduled send), in epoch milliseconds: the
  // inbox shows that a thread has one without opening it.
  const scheduledMs = sql<string | null>`(
    select extract(epoch from min(${messages.scheduledFor})) * 1000 from ${messages}
     where ${messages.conversationId} = ${conversations.id} and ${messages.direction} = 'out'
       and ${messages.status} = 'queued' and ${messages.scheduledFor} is not null)`;
  const rows = await db
    .select({
      c: conversations,
      masked: contacts.masked,
      dnc: contacts.doNotContact,
      scheduledMs,
    })
    .from(conversations)
    .leftJoin(contacts, eq(contacts.id, conversations.contactId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(
      sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt}) DESC, ${conversations.id} DESC`,
    )
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(({ c, masked, dnc, scheduledMs }) => ({
      id: c.id,
      kind: c.kind,
      status: c.status,
      contact: masked,
      doNotContact: dnc ?? false,
      entityId: c.entityId,
      channelId: c.channelId,
      assigneeId: c.assigneeId,
      unread: c.unread,
      unanswered: c.unanswered,
      lastMessageAt: (c.lastMessageAt ?? c.createdAt).toISOString(),
      closedReason: c.closedReason,
      scheduledFor: scheduledMs === null ? null : new Date(Number(scheduledMs)).toISOString(),
    })),
    nextCursor:
      rows.length > filter.limit && last
        ? encodeInboxCursor(last.c.lastMessageAt ?? last.c.createdAt, last.c.id)
        : null,
  };
}

/** Unread conversations per assignee (the inbox badge); `kinds` as in listInbox. */
export async function unreadCount(
  db: DbOrTx,
  userId: string,
  kinds?: readonly ConversationRow['kind'][],
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(conversations)
    .where(
      and(
        kinds ? inArray(conversations.kind, [...kinds]) : undefined,
        sql`${conversations.unread} > 0`,
        ne(conversations.status, 'closed'),
        sql`(${conversations.assigneeId} = ${userId} OR ${conversations.assigneeId} IS NULL)`,
      ),
    );
  return row?.n ?? 0;
}

/**
 * A worker keeps a conversation open while it refreshes for receipts and replies: one audit entry
 * per user and conversation per window says who read it and when, without a row per refresh.
 */
export const OPEN_AUDIT_WINDOW_MS = 10 * 60_000;

async function openedLately(db: DbOrTx, actor: Actor, id: string): Promise<boolean> {
  return readRecordedLately(db, {
    userId: actor.userId,
    action: 'conversation.open',
    targetType: 'conversation',
    targetId: id,
    withinMs: OPEN_AUDIT_WINDOW_MS,
  });
}

/** A conversation with its messages decrypted, for a worker; audited, and marked read. */
export async function openConversation(db: DbOrTx, config: Config, actor: Actor, id: string) {
  const c = await conversationById(db, id);
  const contact = c.contactId ? await contactById(db, c.contactId) : null;
  const rows = await db
    .select()
    .from(messages)
    .where(eq(messages.conversationId, id))
    .orderBy(messages.createdAt, messages.id);
  await db.update(conversations).set({ unread: 0 }).where(eq(conversations.id, id));
  if (!(await openedLately(db, actor, id))) {
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'conversation.open',
      targetType: 'conversation',
      targetId: id,
    });
  }
  return {
    conversation: { ...c, unread: 0 },
    contact: contact
      ? {
          id: contact.id,
          kind: contact.kind,
          masked: contact.masked,
          country: contact.country,
          doNotContact: contact.doNotContact,
          optOutAt: contact.optOutAt?.toISOString() ?? null,
          lastInboundAt: contact.lastInboundAt?.toISOString() ?? null,
        }
      : null,
    messages: rows.map((m) => ({
      id: m.id,
      direction: m.direction,
      status: m.status,
      purpose: m.purpose,
      channelId: m.channelId,
      templateId: m.templateId,
      body: decryptBody(config, m.bodyEnc),
      providerId: m.providerId,
      errorCode: m.errorCode,
      errorMessage: m.errorMessage,
      authorId: m.authorId,
      segments: m.segments,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      deliveredAt: m.deliveredAt?.toISOString() ?? null,
      failedAt: m.failedAt?.toISOString() ?? null,
      scheduledFor: m.scheduledFor?.toISOString() ?? null,
      scheduledZone: m.scheduledZone,
    })),
  };
}

/**
 * Changes a conversation's status and/or assignee. The caller read `current` and decided on it
 * (the assignment rule looks at who holds it now), so the update applies only while the holder is
 * still the one it read: a colleague's change in between is a conflict, not silently overwritten.
 * An assignment change is audited on its own with who held it before and who holds it now.
 */
export async function updateConversation(
  db: DbOrTx,
  actor: Actor,
  current: ConversationRow,
  patch: { status?: (typeof CONVERSATION_STATUSES)[number]; assigneeId?: string | null },
  now: Date,
) {
  const reassign = patch.assigneeId !== undefined && patch.assigneeId !== current.assigneeId;
  const [row] = await db
    .update(conversations)
    .set({
      ...(patch.status
        ? {
            status: patch.status,
            closedAt: patch.status === 'closed' ? now : null,
            closedReason: null,
          }
        : {}),
      ...(reassign ? { assigneeId: patch.assigneeId } : {}),
    })
    .where(
      and(
        eq(conversations.id, current.id),
        current.assigneeId === null
          ? isNull(conversations.assigneeId)
          : eq(conversations.assigneeId, current.assigneeId),
      ),
    )
    .returning();
  if (!row) {
    throw new AppError(
      'conflict',
      keyed(
        'outreach.holderChanged',
        'Someone changed who holds this conversation just now. Reload it and try again.',
      ),
    );
  }
  if (patch.status && patch.status !== current.status) {
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'conversation.update',
      targetType: 'conversation',
      targetId: current.id,
      details: { status: { from: current.status, to: patch.status } },
    });
  }
  if (reassign) {
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'conversation.assign',
      targetType: 'conversation',
      targetId: current.id,
      details: {
        assignee: { from: current.assigneeId, to: patch.assigneeId ?? null },
        // A holder other than the actor lost it: a supervisor's take-over or hand-over.
        takeover: current.assigneeId !== null && current.assigneeId !== actor.userId,
      },
    });
  }
  return row;
}

/**
 * A message went out (through its channel, or by hand): it becomes sent, the thread counts one
 * more unanswered message, and the one opt-out confirmation is marked as given. Only a message
 * still in `from` changes; returns it, or null when it was not (a retry, a cancel meanwhile).
 */
export async function recordSent(
  db: DbOrTx,
  msg: Pick<MessageRow, 'id' | 'conversationId' | 'purpose'>,
  sent: {
    from: MessageRow['status'];
    providerId: string;
    segments?: number | null;
    contactId: string | null;
  },
  now: Date,
): Promise<MessageRow | null> {
  const [row] = await db
    .update(messages)
    .set({
      status: 'sent',
      sentAt: now,
      providerId: sent.providerId,
      ...(sent.segments !== undefined ? { segments: sent.segments } : {}),
      errorCode: null,
      errorMessage: null,
    })
    .where(and(eq(messages.id, msg.id), eq(messages.status, sent.from)))
    .returning();
  if (!row) return null;
  const confirmation = msg.purpose === 'opt_out_confirmation';
  const [thread] = await db
    .update(conversations)
    .set({
      lastOutboundAt: now,
      lastMessageAt: now,
      ...(confirmation ? {} : { unanswered: sql`${conversations.unanswered} + 1` }),
    })
    .where(eq(conversations.id, msg.conversationId))
    .returning({ entityId: conversations.entityId });
  // The person behind the thread is contacted now: their lead leaves the open queue.
  if (!confirmation && thread?.entityId) {
    await advanceLeadForOutreach(db, thread.entityId, 'contacted', SYSTEM_ACTOR, now);
  }
  if (confirmation && sent.contactId) {
    await db
      .update(contacts)
      .set({ optOutConfirmedAt: now })
      .where(eq(contacts.id, sent.contactId));
  }
  return row;
}

/** Outbound messages still waiting to be sent for these conversations (to stop after STOP). */
export async function cancelQueued(
  db: DbOrTx,
  conversationIds: string[],
  reason: string,
  now: Date,
) {
  if (conversationIds.length === 0) return 0;
  const rows = await db
    .update(messages)
    .set({ status: 'failed', failedAt: now, errorCode: 'cancelled', errorMessage: reason })
    .where(
      and(
        inArray(messages.conversationId, conversationIds),
        inArray(messages.status, ['queued', 'to_send']),
      ),
    )
    .returning({ id: messages.id });
  return rows.length;
}

/** Everything still waiting to be sent to a person, in any of their conversations, cancelled. */
export async function cancelQueuedForContact(
  db: DbOrTx,
  contactId: string,
  reason: string,
  now: Date,
): Promise<number> {
  const convs = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.contactId, contactId));
  return cancelQueued(
    db,
    convs.map((c) => c.id),
    reason,
    now,
  );
}
