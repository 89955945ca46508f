// The chat line's share of the one inbox (composed in src/app/inbox.ts with outreach's threads):
// the chats an operator may read — the waiting ones and their own, every chat for a supervisor,
// none without the chat permission — in the inbox's order, with their state, language and the
// visitor's unread messages. No message text: opening one is the transcript's audited read.
import type { Principal } from '../platform/auth/policy.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { URGENCY_NAMES } from './domain/queue.js';
import { canSuperviseChat, canWorkChat } from './service.js';
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
