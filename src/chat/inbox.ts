// The chat line's share of the one inbox (composed in src/app/inbox.ts with outreach's threads):
// the chats an operator may read — the waiting ones and their own, every chat for a supervisor,
// none without the chat permission — in the inbox's order, with their state, language and the
// visitor's unread messages. Message text only on request (`latestChatMessages`), of the chats
// whose transcript the reader may open — their own, every chat for a supervisor — never of a
// waiting or a colleague's chat; the caller audits showing it, as opening one is audited.
import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Principal } from '../platform/auth/policy.js';
import type { Config } from '../platform/config.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { URGENCY_NAMES } from './domain/queue.js';
import { chatMessages, chatSessions } from './schema.js';
import { canSuperviseChat, canWorkChat, presentMessage } from './service.js';
import { inboxChats, unreadChatCount, type ChatInboxFilter, type ChatRow } from './store.js';

export type { ChatInboxFilter } from './store.js';

export interface ChatInboxItem {
  id: string;
  state: ChatRow['state'];
  language: string;
  urgency: (typeof URGENCY_NAMES)[number];
  operatorId: string | null;
  unread: number;
  lastMessageAt: Date;
}

const viewerOf = (p: Pick<Principal, 'id' | 'role'>) => ({
  userId: p.id,
  supervisor: canSuperviseChat(p),
});

/** A page of the chats this person may see (none without the chat permission). */
export async function chatInboxPage(
  db: DbOrTx,
  p: Pick<Principal, 'id' | 'role'>,
  filter: ChatInboxFilter,
): Promise<ChatInboxItem[]> {
  if (!canWorkChat(p)) return [];
  const rows = await inboxChats(db, viewerOf(p), filter);
  return rows.map(({ chat, unread, at }) => ({
    id: chat.id,
    state: chat.state,
    language: chat.language,
    urgency: URGENCY_NAMES[chat.urgency] ?? 'other',
    operatorId: chat.operatorId,
    unread,
    lastMessageAt: at,
  }));
}

/** Running chats with unread messages, this person's or nobody's (the inbox badge). */
export async function chatUnreadCount(
  db: DbOrTx,
  p: Pick<Principal, 'id' | 'role'>,
): Promise<number> {
  return canWorkChat(p) ? unreadChatCount(db, viewerOf(p)) : 0;
}

/** A chat's latest message (not the system's), for the inbox's preview: who wrote it and its text. */
export interface LatestChatMessage {
  from: 'visitor' | 'operator';
  authorId: string | null;
  body: string;
  at: Date;
}

/**
 * The latest message of each of these chats that this person may read the transcript of (held by
 * them, or any for a supervisor); other chats are left out, as are chats with no message yet.
 */
export async function latestChatMessages(
  db: DbOrTx,
  config: Config,
  p: Pick<Principal, 'id' | 'role'>,
  chatIds: readonly string[],
): Promise<Map<string, LatestChatMessage>> {
  const out = new Map<string, LatestChatMessage>();
  if (chatIds.length === 0 || !canWorkChat(p)) return out;
  const rows = await db
    .selectDistinctOn([chatMessages.chatId], { m: chatMessages })
    .from(chatMessages)
    .innerJoin(chatSessions, eq(chatSessions.id, chatMessages.chatId))
    .where(
      and(
        inArray(chatMessages.chatId, [...chatIds]),
        ne(chatMessages.author, 'system'),
        canSuperviseChat(p) ? undefined : sql`${chatSessions.operatorId} = ${p.id}`,
      ),
    )
    .orderBy(chatMessages.chatId, desc(chatMessages.seq));
  for (const { m } of rows) {
    if (m.author === 'system') continue;
    out.set(m.chatId, {
      from: m.author,
      authorId: m.author === 'operator' ? m.authorId : null,
      body: presentMessage(config, m).body,
      at: m.createdAt,
    });
  }
  return out;
}
