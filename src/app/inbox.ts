// The one inbox: outreach's threads and the chat line's chats in one list, newest activity first,
// with one unread badge — GET /api/inbox, composed here from both contexts' public reads.
//
// Why on the server: the inbox pages by keyset (activity time, then id) and counts unread for a
// badge. Merging in the browser would need two cursors, two "load more" states and two badges kept
// in step, and a page could never be "the next 50" of one order. Here each context answers the
// page after the same position in the same order (outreach's cursor is the inbox's cursor), the
// two are merged and cut to one page, and the last item taken is the next cursor: one paging, one
// order, one unread count, and each context still decides who may see what of its own (a chat is
// seen by whoever may read its transcript; without the chat permission, none). A thread carries
// the lead's alias and, when asked (`preview`, the inbox page; never the unread badge's polling),
// the first words of its latest message, masked, and who wrote it; so does a chat, to whoever may
// open its transcript (its holder, a supervisor), never a waiting or a colleague's chat. Showing
// them is audited, one entry per page naming the threads and chats. Opening a thread or a chat
// stays its context's audited read.
//
// Carried chats (the thread a chat's transcript became when a case was opened from it) are not
// listed: the chat itself is, and the case links the thread.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  canWorkChat,
  chatInboxPage,
  chatUnreadCount,
  latestChatMessages,
  type ChatInboxItem,
} from '../chat/index.js';
import { entityAliases } from '../link/index.js';
import {
  canWorkOutreach,
  decodeInboxCursor,
  encodeInboxCursor,
  InboxFilter,
  InboxItem,
  lastMessagePreviews,
  LastMessageView,
  listInbox,
  previewText,
  unreadCount,
} from '../outreach/index.js';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Principal } from '../platform/auth/policy.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';

/** The threads an outreach inbox lists (a carried chat is listed as its chat). */
const THREAD_KINDS = ['outreach', 'inbound'] as const;

export const INBOX_KINDS = ['all', 'outreach', 'chat'] as const;

export const InboxQuery = InboxFilter.extend({
  /** Outreach threads (written to or written first), chats from the chat line, or both. */
  kind: z.enum(INBOX_KINDS).default('all'),
  /** With each thread's latest message (first words, masked) and who wrote it; audited. */
  preview: z.stringbool().default(false),
});
export type InboxQuery = z.infer<typeof InboxQuery>;

export const InboxEntry = InboxItem.extend({
  /** The lead's speakable alias (its entity's), when the thread belongs to one. */
  alias: z.string().nullable(),
  /** The latest message, previewed (only when asked for with `preview`). */
  last: LastMessageView.nullable(),
  /** For a chat: its state on the line, the visitor's language and the triage's urgency. */
  chat: z
    .object({
      state: z.enum(['queued', 'active', 'ended']),
      language: z.string(),
      urgency: z.enum(['not_safe', 'minor', 'unsure', 'other']),
    })
    .nullable(),
}).meta({ id: 'InboxEntry' });
export type InboxEntry = z.infer<typeof InboxEntry>;

export const InboxPage = z.object({
  items: z.array(InboxEntry),
  nextCursor: z.string().nullable(),
  /** Unread threads and chats, the reader's or nobody's. */
  unread: z.number(),
});
export type InboxPage = z.infer<typeof InboxPage>;

/** A chat as an inbox entry: open while waiting or taken, closed once ended. */
function chatEntry(c: ChatInboxItem): InboxEntry {
  return {
    id: c.id,
    kind: 'chat',
    status: c.state === 'ended' ? 'closed' : 'open',
    contact: null,
    doNotContact: false,
    entityId: null,
    alias: null,
    last: null,
    channelId: null,
    assigneeId: c.operatorId,
    unread: c.unread,
    unanswered: 0,
    lastMessageAt: c.lastMessageAt.toISOString(),
    closedReason: null,
    scheduledFor: null,
    chat: { state: c.state, language: c.language, urgency: c.urgency },
  };
}

/**
 * The latest words of the chats whose transcript this reader may open (their own; any for a
 * supervisor), masked and cut like a thread's. A waiting chat or a colleague's shows none: its
 * text is the holder's, as its transcript is.
 */
async function chatPreviewsOf(
  deps: { db: Db; config: Config },
  p: Principal,
  chatIds: string[],
): Promise<Map<string, LastMessageView>> {
  const latest = await latestChatMessages(deps.db, deps.config, p, chatIds);
  return new Map(
    [...latest].map(([id, m]) => [
      id,
      {
        from: m.from === 'visitor' ? 'person' : 'worker',
        authorId: m.authorId,
        preview: previewText(m.body, null),
        at: m.at.toISOString(),
      },
    ]),
  );
}

/** Newest first, then the greater id: the order both contexts page in. */
const newerFirst = (a: InboxEntry, b: InboxEntry) =>
  b.lastMessageAt.localeCompare(a.lastMessageAt) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export async function readInbox(
  deps: { db: Db; config: Config },
  p: Principal,
  actor: Actor,
  query: InboxQuery,
): Promise<InboxPage> {
  const { db } = deps;
  const { kind, preview, ...filter } = query;
  const threads = canWorkOutreach(p) && kind !== 'chat';
  // Chats belong to no lead: a person's threads (entityId) are threads only.
  const chats = canWorkChat(p) && kind !== 'outreach' && !filter.entityId;
  const before = filter.cursor ? decodeInboxCursor(filter.cursor) : undefined;
  if (filter.assignee && !['me', 'none'].includes(filter.assignee)) {
    if (!z.uuid().safeParse(filter.assignee).success) {
      throw new AppError('validation_failed', 'assignee must be a user id, "me" or "none".');
    }
  }
  // Each side gives one more than a page after the same position; the merge takes a page.
  const [threadPage, chatPage, threadUnread, chatUnread] = await Promise.all([
    threads
      ? listInbox(db, { ...filter, limit: filter.limit + 1 }, p.id, THREAD_KINDS)
      : { items: [] },
    chats
      ? chatInboxPage(db, p, {
          status: filter.status,
          assignee: filter.assignee,
          unread: filter.unread,
          before,
          limit: filter.limit + 1,
        })
      : [],
    threads ? unreadCount(db, p.id, THREAD_KINDS) : 0,
    chats ? chatUnreadCount(db, p) : 0,
  ]);
  const merged = [
    ...threadPage.items.map((i) => ({ ...i, alias: null, last: null, chat: null })),
    ...chatPage.map(chatEntry),
  ].sort(newerFirst);
  const page = merged.slice(0, filter.limit);
  const threadIds = page.filter((i) => i.chat === null).map((i) => i.id);
  const chatIds = page.filter((i) => i.chat !== null).map((i) => i.id);
  const [aliases, threadPreviews, chatPreviews] = await Promise.all([
    entityAliases(
      db,
      page.flatMap((i) => (i.entityId ? [i.entityId] : [])),
    ),
    preview ? lastMessagePreviews(db, deps.config, threadIds) : new Map<string, LastMessageView>(),
    preview ? chatPreviewsOf(deps, p, chatIds) : new Map<string, LastMessageView>(),
  ]);
  const previews = new Map([...threadPreviews, ...chatPreviews]);
  if (previews.size > 0) {
    await appendAudit(db, {
      ...auditFields(actor),
      action: 'inbox.preview',
      targetType: 'conversation',
      details: {
        conversations: [...threadPreviews.keys()],
        ...(chatPreviews.size > 0 ? { chats: [...chatPreviews.keys()] } : {}),
      },
    });
  }
  const items = page.map((i) => ({
    ...i,
    alias: i.entityId ? (aliases.get(i.entityId) ?? null) : null,
    last: previews.get(i.id) ?? null,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      merged.length > filter.limit && last
        ? encodeInboxCursor(new Date(last.lastMessageAt), last.id)
        : null,
    unread: threadUnread + chatUnread,
  };
}

export function registerInboxRoute(app: FastifyInstance, deps: { db: Db; config: Config }): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/inbox',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'Conversations and chats, newest activity first, with the unread badge (chats for ' +
          'those who work the chat line)',
        querystring: InboxQuery,
        response: {
          200: InboxPage,
          400: ErrorResponse,
          401: ErrorResponse,
          403: ErrorResponse,
        },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canWorkOutreach(p) || canWorkChat(p));
      return readInbox(deps, p, actorOf(request), request.query);
    },
  );
}
