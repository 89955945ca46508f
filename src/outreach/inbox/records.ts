// What later contexts read and erase of conversations, through outreach's public face: a message a
// consent points to, a conversation's messages for a subject export, and the erasure of
// conversations (subject erasure, retention). Not audited here: each caller audits the act it is
// part of.
import { and, asc, eq, gte, inArray, isNotNull, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Config } from '../../platform/config.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { decryptBody } from './conversations.js';
import { contacts, conversations, messages as messageTable } from '../schema.js';

/** One message with its body, or null: what a consent's evidence shows. Not audited here: the
 * caller reads it as part of a record it audits. */
export async function messageById(db: DbOrTx, config: Config, id: string) {
  const [m] = await db.select().from(messageTable).where(eq(messageTable.id, id));
  if (!m) return null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    createdAt: m.createdAt,
    body: decryptBody(config, m.bodyEnc),
  };
}

/**
 * Erases conversations with their messages, and each of their contacts no other conversation still
 * uses (subject erasure, retention). A contact marked do-not-contact is kept: it is what stops
 * anyone writing to that person again. Runs inside the caller's transaction.
 */
export async function eraseConversations(
  tx: DbOrTx,
  ids: readonly string[],
): Promise<{ conversations: number; contacts: number }> {
  if (ids.length === 0) return { conversations: 0, contacts: 0 };
  const gone = await tx
    .delete(conversations)
    .where(inArray(conversations.id, [...ids]))
    .returning({ contactId: conversations.contactId });
  const contactIds = [...new Set(gone.flatMap((c) => (c.contactId ? [c.contactId] : [])))];
  if (contactIds.length === 0) return { conversations: gone.length, contacts: 0 };
  const stillUsed = tx
    .select({ id: conversations.contactId })
    .from(conversations)
    .where(inArray(conversations.contactId, contactIds));
  const erased = await tx
    .delete(contacts)
    .where(
      and(
        inArray(contacts.id, contactIds),
        eq(contacts.doNotContact, false),
        notInArray(contacts.id, sql`(${stillUsed})`),
      ),
    )
    .returning({ id: contacts.id });
  return { conversations: gone.length, contacts: erased.length };
}

/**
 * Conversations whose last activity (a message, else their opening) is before `before`, except
 * those in `except` (a subquery of ids the caller keeps: a case's threads), and the earliest
 * activity of the others, from which the next one falls due.
 */
export async function idleConversations(
  db: DbOrTx,
  before: Date,
  except?: SQL,
): Promise<{ due: string[]; nextActivityAt: Date | null }> {
  const activity = sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`;
  const kept = except ? notInArray(conversations.id, sql`(${except})`) : undefined;
  const due = await db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(lt(activity, before), kept));
  const [next] = await db
    .select({ at: sql<Date | string | null>`min(${activity})` })
    .from(conversations)
    .where(and(gte(activity, before), kept));
  return { due: due.map((r) => r.id), nextActivityAt: next?.at ? new Date(next.at) : null };
}

/**
 * The entities outreach has a conversation about, as a subquery (nulls left out, so a NOT IN over
 * it works): retention never erases a lead someone wrote to.
 */
export function conversationEntityIds(db: DbOrTx): SQL {
  return db
    .selectDistinct({ id: conversations.entityId })
    .from(conversations)
    .where(isNotNull(conversations.entityId))
    .getSQL();
}

/** A conversation's messages, oldest first, bodies decrypted: what a subject export carries. Not
 * audited here: the caller audits the export. */
export async function messagesOfConversation(db: DbOrTx, config: Config, conversationId: string) {
  const rows = await db
    .select()
    .from(messageTable)
    .where(eq(messageTable.conversationId, conversationId))
    .orderBy(asc(messageTable.createdAt), asc(messageTable.id));
  return rows.map((m) => ({
    id: m.id,
    direction: m.direction,
    status: m.status,
    createdAt: m.createdAt,
    body: decryptBody(config, m.bodyEnc),
  }));
}
