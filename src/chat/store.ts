// The chat context's reads and writes (its tables only), one function per question or change, so
// the SQL of the chat line stays in this file. Bodies arrive here already encrypted; hashing and
// encryption are the service's. Functions that must see a consistent chat take a transaction and
// lock the chat's row first (lockChat), which also serialises the numbering of its messages.
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lte,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { ChatTriage, END_REASONS } from '../contracts/chat-protocol.js';
import type { DbOrTx, Tx } from '../platform/db/connect.js';
import {
  chatAlerts,
  chatBlocks,
  chatMessages,
  chatNotes,
  chatPresence,
  chatSessions,
} from './schema.js';

export type ChatRow = typeof chatSessions.$inferSelect;
export type ChatMessageRow = typeof chatMessages.$inferSelect;
export type ChatNoteRow = typeof chatNotes.$inferSelect;
export type ChatAlertRow = typeof chatAlerts.$inferSelect;
export type EndReason = (typeof END_REASONS)[number];
export type Author = ChatMessageRow['author'];

export async function insertChat(
  db: DbOrTx,
  values: {
    tokenHash: string;
    language: string;
    triage: ChatTriage;
    urgency: number;
    now: Date;
  },
): Promise<ChatRow> {
  const [row] = await db
    .insert(chatSessions)
    .values({
      tokenHash: values.tokenHash,
      language: values.language,
      triage: values.triage,
      urgency: values.urgency,
      queuedAt: values.now,
      createdAt: values.now,
    })
    .returning();
  return row!;
}

export async function chatById(db: DbOrTx, id: string): Promise<ChatRow | undefined> {
  const [row] = await db.select().from(chatSessions).where(eq(chatSessions.id, id));
  return row;
}

export async function chatByTokenHash(db: DbOrTx, hash: string): Promise<ChatRow | undefined> {
  const [row] = await db.select().from(chatSessions).where(eq(chatSessions.tokenHash, hash));
  return row;
}

export async function chatByResumeHash(db: DbOrTx, hash: string): Promise<ChatRow | undefined> {
  const [row] = await db.select().from(chatSessions).where(eq(chatSessions.resumeCodeHash, hash));
  return row;
}

/** Locks a chat's row for the rest of the transaction and returns it as it is now. */
export async function lockChat(tx: Tx, id: string): Promise<ChatRow | undefined> {
  const [row] = await tx.select().from(chatSessions).where(eq(chatSessions.id, id)).for('update');
  return row;
}

export async function updateChat(
  db: DbOrTx,
  id: string,
  values: Partial<Omit<ChatRow, 'id' | 'createdAt'>>,
): Promise<ChatRow> {
  const [row] = await db
    .update(chatSessions)
    .set(values)
    .where(eq(chatSessions.id, id))
    .returning();
  return row!;
}

export async function messageByClientId(
  db: DbOrTx,
  chatId: string,
  clientId: string,
): Promise<ChatMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.chatId, chatId), eq(chatMessages.clientId, clientId)));
  return row;
}

/**
 * Stores a message in ONE statement (a round trip per message, which is what carries the load):
 * the chat's row is updated first — numbering the message, keeping the unanswered clock, and
 * locking the row so messages of one chat are numbered one at a time — then the message is
 * inserted and the other servers are notified, on commit. Nothing is written (null) when the chat
 * is unknown, blocked, not in one of `states`, or already holds this clientId; a resend racing
 * its first attempt fails on the unique clientId and the caller finds the first one.
 */
export async function appendMessageNotifying(
  db: DbOrTx,
  values: {
    chatId: string;
    author: Author;
    authorId: string | null;
    bodyEnc: string;
    clientId: string;
    now: Date;
    states: readonly ChatRow['state'][];
    /** Only when this operator holds the chat (a supervisor may write in any: undefined). */
    holder?: string;
    channel: string;
  },
): Promise<{ seq: number; createdAt: Date } | null> {
  const { chatId, author, clientId, now } = values;
  const states = sql.join(
    values.states.map((s) => sql`${s}`),
    sql`, `,
  );
  const result = await db.execute<{ seq: number; created_at: Date | string }>(sql`
    WITH c AS (
      UPDATE chat_sessions
         SET last_seq = last_seq + 1,
             last_message_at = ${now.toISOString()}::timestamptz,
             first_unanswered_at = CASE
               WHEN ${author} = 'visitor' THEN coalesce(first_unanswered_at, ${now.toISOString()}::timestamptz)
               WHEN ${author} = 'operator' THEN NULL
               ELSE first_unanswered_at END
       WHERE id = ${chatId}
         AND blocked_at IS NULL
         AND state IN (${states})
         ${values.holder !== undefined ? sql`AND operator_id = ${values.holder}` : sql``}
         AND NOT EXISTS (
           SELECT 1 FROM chat_messages m WHERE m.chat_id = ${chatId} AND m.client_id = ${clientId})
      RETURNING id, last_seq, operator_id
    ), ins AS (
      INSERT INTO chat_messages (chat_id, seq, author, author_id, body_enc, client_id, created_at)
      SELECT id, last_seq, ${author}, ${values.authorId}, ${values.bodyEnc}, ${clientId},
             ${now.toISOString()}::timestamptz
        FROM c
      RETURNING chat_id, seq, created_at
    )
    SELECT ins.seq, ins.created_at,
           pg_notify(${values.channel},
             json_build_object('t', 'msg', 'c', ins.chat_id, 's', ins.seq, 'o', c.operator_id)::text)
      FROM ins, c`);
  const row = result.rows[0];
  return row ? { seq: Number(row.seq), createdAt: new Date(row.created_at) } : null;
}

export async function messagesAfter(
  db: DbOrTx,
  chatId: string,
  afterSeq: number,
  limit = 500,
): Promise<ChatMessageRow[]> {
  return db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.chatId, chatId), gt(chatMessages.seq, afterSeq)))
    .orderBy(asc(chatMessages.seq))
    .limit(limit);
}

export async function chatMessageBySeq(
  db: DbOrTx,
  chatId: string,
  seq: number,
): Promise<ChatMessageRow | undefined> {
  const [row] = await db
    .select()
    .from(chatMessages)
    .where(and(eq(chatMessages.chatId, chatId), eq(chatMessages.seq, seq)));
  return row;
}

/** The waiting chats with what the queue's order needs. */
export async function queuedChats(db: DbOrTx): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.state, 'queued'), isNull(chatSessions.blockedAt)))
    .orderBy(asc(chatSessions.urgency), asc(chatSessions.queuedAt), asc(chatSessions.id))
    .limit(1000);
}

export async function activeChatsOf(db: DbOrTx, operatorId: string): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatSessions)
    .where(and(eq(chatSessions.state, 'active'), eq(chatSessions.operatorId, operatorId)))
    .orderBy(asc(chatSessions.takenAt));
}

export async function activeChats(db: DbOrTx): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatSessions)
    .where(eq(chatSessions.state, 'active'))
    .orderBy(asc(chatSessions.takenAt))
    .limit(1000);
}

/** Active chats whose visitor has waited for an answer since `cutoff` or longer. */
export async function unansweredSince(db: DbOrTx, cutoff: Date): Promise<ChatRow[]> {
  return db
    .select()
    .from(chatSessions)
    .where(
      and(
        eq(chatSessions.state, 'active'),
        isNotNull(chatSessions.firstUnansweredAt),
        lte(chatSessions.firstUnansweredAt, cutoff),
      ),
    )
    .limit(500);
}

/** How long the chats taken since `since` waited (queued → taken), in milliseconds. */
export async function recentWaitsMs(db: DbOrTx, since: Date): Promise<number[]> {
  const rows = await db
    .select({ queuedAt: chatSessions.queuedAt, takenAt: chatSessions.takenAt })
    .from(chatSessions)
    .where(gte(chatSessions.takenAt, since))
    .orderBy(desc(chatSessions.takenAt))
    .limit(200);
  return rows.map((r) => r.takenAt!.getTime() - r.queuedAt.getTime());
}

export async function touchPresence(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db
    .insert(chatPresence)
    .values({ userId, seenAt: now })
    .onConflictDoUpdate({ target: chatPresence.userId, set: { seenAt: now } });
}

export async function leavePresence(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(chatPresence).where(eq(chatPresence.userId, userId));
}

export async function operatorsSeenSince(db: DbOrTx, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(chatPresence)
    .where(gte(chatPresence.seenAt, since));
  return row?.n ?? 0;
}

/** Who has had the chat console open since `since` (on duty). */
export async function presentOperatorIds(db: DbOrTx, since: Date): Promise<string[]> {
  const rows = await db
    .select({ userId: chatPresence.userId })
    .from(chatPresence)
    .where(gte(chatPresence.seenAt, since));
  return rows.map((r) => r.userId);
}

/** How many running chats each operator holds (operators holding none are absent). */
export async function heldCounts(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .select({ operatorId: chatSessions.operatorId, n: count() })
    .from(chatSessions)
    .where(and(eq(chatSessions.state, 'active'), isNotNull(chatSessions.operatorId)))
    .groupBy(chatSessions.operatorId);
  return new Map(rows.map((r) => [r.operatorId!, r.n]));
}

export async function insertNote(
  db: DbOrTx,
  values: { chatId: string; authorId: string; bodyEnc: string; now: Date },
): Promise<ChatNoteRow> {
  const [row] = await db
    .insert(chatNotes)
    .values({
      chatId: values.chatId,
      authorId: values.authorId,
      bodyEnc: values.bodyEnc,
      createdAt: values.now,
    })
    .returning();
  return row!;
}

export async function notesOf(db: DbOrTx, chatId: string): Promise<ChatNoteRow[]> {
  return db
    .select()
    .from(chatNotes)
    .where(eq(chatNotes.chatId, chatId))
    .orderBy(asc(chatNotes.createdAt));
}

export async function insertBlock(
  db: DbOrTx,
  values: { chatId: string; blockedBy: string; now: Date },
): Promise<void> {
  await db
    .insert(chatBlocks)
    .values({ chatId: values.chatId, blockedBy: values.blockedBy, createdAt: values.now })
    .onConflictDoNothing();
}

export async function insertAlert(
  db: DbOrTx,
  values: { chatId: string; operatorId: string | null; now: Date },
): Promise<ChatAlertRow> {
  const [row] = await db
    .insert(chatAlerts)
    .values({
      chatId: values.chatId,
      kind: 'unanswered',
      operatorId: values.operatorId,
      raisedAt: values.now,
    })
    .returning();
  return row!;
}

export async function openAlerts(db: DbOrTx): Promise<ChatAlertRow[]> {
  return db
    .select()
    .from(chatAlerts)
    .where(isNull(chatAlerts.acknowledgedAt))
    .orderBy(asc(chatAlerts.raisedAt))
    .limit(200);
}

export async function acknowledgeAlertRow(
  db: DbOrTx,
  id: string,
  by: string,
  now: Date,
): Promise<ChatAlertRow | undefined> {
  const [row] = await db
    .update(chatAlerts)
    .set({ acknowledgedAt: now, acknowledgedBy: by })
    .where(and(eq(chatAlerts.id, id), isNull(chatAlerts.acknowledgedAt)))
    .returning();
  return row;
}

/** Who reads the inbox: a supervisor sees every chat, an operator the waiting ones and their own. */
export interface InboxViewer {
  userId: string;
  supervisor: boolean;
}

/** The inbox's filters as a chat reads them (the threads' filters, src/outreach InboxFilter). */
export interface ChatInboxFilter {
  /** Open: waiting or taken; closed: ended; waiting: none (a chat does not wait on the person). */
  status: 'open' | 'waiting' | 'closed' | 'all';
  /** 'me', 'none' or a user id (validated by the caller). */
  assignee?: string | undefined;
  unread?: boolean | undefined;
  /** Only what comes after this position in the inbox's order (newest first). */
  before?: { at: string | null; id: string } | undefined;
  limit: number;
}

const activity = sql`coalesce(${chatSessions.lastMessageAt}, ${chatSessions.createdAt})`;
/** The visitor's messages after the operators' read mark: a chat's unread count. */
// Named in full: drizzle writes a column bare in a select, which inside the subquery would be m's.
const unreadVisitor = sql<number>`(SELECT count(*) FROM chat_messages m
  WHERE m.chat_id = chat_sessions.id AND m.author = 'visitor'
    AND m.seq > chat_sessions.operator_read_seq)::int`;

/** What a viewer may read of the chats: the transcript rule (holder or supervisor), and the queue. */
function visibleTo(viewer: InboxViewer): SQL | undefined {
  if (viewer.supervisor) return undefined;
  return sql`(${chatSessions.state} = 'queued' OR ${chatSessions.operatorId} = ${viewer.userId})`;
}

/** Chats for the inbox, newest activity first (keyset pages), with their unread counts. */
export async function inboxChats(
  db: DbOrTx,
  viewer: InboxViewer,
  filter: ChatInboxFilter,
): Promise<{ chat: ChatRow; unread: number; at: Date }[]> {
  const where: (SQL | undefined)[] = [visibleTo(viewer)];
  if (filter.status === 'open') where.push(inArray(chatSessions.state, ['queued', 'active']));
  else if (filter.status === 'closed') where.push(eq(chatSessions.state, 'ended'));
  else if (filter.status === 'waiting') where.push(sql`false`);
  if (filter.assignee === 'me') where.push(eq(chatSessions.operatorId, viewer.userId));
  else if (filter.assignee === 'none') where.push(isNull(chatSessions.operatorId));
  else if (filter.assignee) where.push(eq(chatSessions.operatorId, filter.assignee));
  if (filter.unread) where.push(sql`${unreadVisitor} > 0`);
  if (filter.before) {
    const b = filter.before;
    where.push(
      sql`(${activity}, ${chatSessions.id}) < (${b.at ?? '-infinity'}::timestamptz, ${b.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ chat: chatSessions, unread: unreadVisitor })
    .from(chatSessions)
    .where(and(...where))
    .orderBy(sql`${activity} DESC, ${chatSessions.id} DESC`)
    .limit(filter.limit);
  return rows.map((r) => ({
    chat: r.chat,
    unread: Number(r.unread),
    at: r.chat.lastMessageAt ?? r.chat.createdAt,
  }));
}

/** Running chats with unread messages from the visitor, the viewer's or nobody's (the badge). */
export async function unreadChatCount(db: DbOrTx, viewer: InboxViewer): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(chatSessions)
    .where(
      and(
        inArray(chatSessions.state, ['queued', 'active']),
        isNull(chatSessions.blockedAt),
        sql`(${chatSessions.operatorId} = ${viewer.userId} OR ${chatSessions.operatorId} IS NULL)`,
        sql`${unreadVisitor} > 0`,
      ),
    );
  return row?.n ?? 0;
}

/** Chats whose retention period has passed: ended before the cutoff, or left open and idle since. */
export function retentionDueWhere(cutoff: Date) {
  return sql`coalesce(${chatSessions.endedAt}, ${chatSessions.createdAt}) < ${cutoff}`;
}

export async function chatsDueForErasure(
  db: DbOrTx,
  cutoff: Date,
): Promise<{ due: string[]; nextAt: Date | null }> {
  const due = await db
    .select({ id: chatSessions.id })
    .from(chatSessions)
    .where(retentionDueWhere(cutoff))
    .limit(10_000);
  const [next] = await db
    .select({
      at: sql<Date | string>`coalesce(${chatSessions.endedAt}, ${chatSessions.createdAt})`,
    })
    .from(chatSessions)
    .where(sql`coalesce(${chatSessions.endedAt}, ${chatSessions.createdAt}) >= ${cutoff}`)
    .orderBy(sql`1`)
    .limit(1);
  return { due: due.map((r) => r.id), nextAt: next ? new Date(next.at) : null };
}

/**
 * Erases the chats carried into these threads (a case's, erased with it), with their messages,
 * notes, blocks and alerts; how many went.
 */
export async function eraseChatsOfThreads(
  db: DbOrTx,
  conversationIds: readonly string[],
): Promise<number> {
  if (conversationIds.length === 0) return 0;
  const gone = await db
    .delete(chatSessions)
    .where(inArray(chatSessions.conversationId, [...conversationIds]))
    .returning({ id: chatSessions.id });
  return gone.length;
}

/** Erases chats with their messages, notes, blocks and alerts (the foreign keys cascade). */
export async function eraseChats(db: DbOrTx, ids: readonly string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const gone = await db
    .delete(chatSessions)
    .where(inArray(chatSessions.id, [...ids]))
    .returning({ id: chatSessions.id });
  return gone.length;
}
