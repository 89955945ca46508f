// A chat-line transcript carried into a conversation of kind 'chat', so that a case opened from a
// chat links a thread exactly as a case opened from an outreach conversation does (its consent's
// evidence is a message of that thread; subject export, retention and the case page read it the
// same way). The chat context calls this through outreach's index.ts when a case is opened from a
// chat; outreach never reads the chat's tables. Each carried message keeps the chat's numbering in
// its idempotency key, so carrying the whole transcript again adds only what is new and never
// doubles a message.
import { and, eq, sql } from 'drizzle-orm';
import type { Config } from '../../platform/config.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import { conversations, messages } from '../schema.js';
import { encryptBody } from './conversations.js';

export interface CarriedChatMessage {
  /** The message's number in its chat. */
  seq: number;
  /** The visitor's words are the person's ('in'); the operators' are ours ('out'). */
  from: 'visitor' | 'operator';
  body: string;
  at: Date;
  authorId: string | null;
}

export interface ChatCarry {
  chatId: string;
  /** The thread carried into before (null: the first carry makes one; so does a thread gone). */
  conversationId: string | null;
  /** Who holds the chat: the thread's assignee (a colleague's chat is theirs to open a case on). */
  holderId: string | null;
  /** An ended chat makes a closed thread. */
  ended: boolean;
  messages: readonly CarriedChatMessage[];
  now: Date;
}

const keyOf = (chatId: string, seq: number) => `chat:${chatId}:${seq}`;

/**
 * Carries a chat's messages into its thread (made on the first carry) inside the caller's
 * transaction, and answers the thread's id with the id of each carried message by its seq (those
 * carried before included), so a consent can name the person's message as its evidence.
 */
export async function carryChatTranscript(
  db: DbOrTx,
  config: Config,
  input: ChatCarry,
): Promise<{ conversationId: string; messageIds: Map<number, string> }> {
  const last = input.messages.at(-1)?.at ?? null;
  const status = input.ended ? ('closed' as const) : ('open' as const);
  // The thread carried into before, brought up to date; gone (erased with its case, or by
  // retention) or never made, a new one.
  const [kept] = input.conversationId
    ? await db
        .update(conversations)
        .set({
          status,
          assigneeId: input.holderId,
          closedAt: input.ended ? sql`coalesce(${conversations.closedAt}, ${input.now})` : null,
          ...(last ? { lastMessageAt: last } : {}),
        })
        .where(eq(conversations.id, input.conversationId))
        .returning({ id: conversations.id })
    : [];
  const [made] = kept
    ? [kept]
    : await db
        .insert(conversations)
        .values({
          kind: 'chat',
          contactId: null,
          entityId: null,
          channelId: null,
          status,
          assigneeId: input.holderId,
          lastMessageAt: last,
          createdAt: input.now,
          closedAt: input.ended ? input.now : null,
        })
        .returning({ id: conversations.id });
  if (!made) throw new AppError('internal', 'Conversation could not be stored.');
  const conversationId = made.id;
  if (input.messages.length > 0) {
    await db
      .insert(messages)
      .values(
        input.messages.map((m) => ({
          conversationId,
          direction: m.from === 'visitor' ? ('in' as const) : ('out' as const),
          status: m.from === 'visitor' ? ('received' as const) : ('delivered' as const),
          bodyEnc: encryptBody(config, m.body),
          idempotencyKey: keyOf(input.chatId, m.seq),
          authorId: m.authorId,
          createdAt: m.at,
          ...(m.from === 'operator' ? { sentAt: m.at, deliveredAt: m.at } : {}),
        })),
      )
      .onConflictDoNothing({ target: messages.idempotencyKey });
  }
  const carried = await db
    .select({ id: messages.id, key: messages.idempotencyKey })
    .from(messages)
    .where(
      and(
        eq(messages.conversationId, conversationId),
        sql`${messages.idempotencyKey} LIKE ${`chat:${input.chatId}:%`}`,
      ),
    );
  const messageIds = new Map<number, string>();
  for (const m of carried) messageIds.set(Number(m.key!.split(':')[2]), m.id);
  return { conversationId, messageIds };
}
