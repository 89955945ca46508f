// Tables of the chat line: anonymous chat sessions (the visitor's token and resume code only as
// keyed hashes), their messages (bodies encrypted, numbered per chat, a widget's clientId unique
// per chat so a resent message is never stored twice), operators' internal notes (encrypted),
// blocks, supervisors' alerts about unanswered chats, and which operators are on duty (for the
// wait estimate, across servers). No IP address or user agent, ever: nothing here would use them
// (blocking is by session, rate limits count a keyed hash in memory). A chat a case was opened from names the outreach
// conversation its transcript was carried into (no foreign key across contexts).
import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { CHAT_AUTHORS, END_REASONS, type ChatTriage } from '../contracts/chat-protocol.js';
import type { EncryptedColumn } from '../platform/key-rotation.js';

export const CHAT_STATES = ['queued', 'active', 'ended'] as const;
export type ChatStateName = (typeof CHAT_STATES)[number];

export const chatSessions = pgTable(
  'chat_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Keyed hash of the secret the widget holds; the token itself is never stored. */
    tokenHash: text('token_hash').notNull(),
    /** Keyed hash of the resume code, once the visitor asked for one. */
    resumeCodeHash: text('resume_code_hash'),
    language: text('language').notNull(),
    triage: jsonb('triage').$type<ChatTriage>().notNull().default({}),
    /** From the triage (domain/queue.ts): lower is served first. */
    urgency: integer('urgency').notNull(),
    state: text('state', { enum: CHAT_STATES }).notNull().default('queued'),
    operatorId: uuid('operator_id'),
    /** The alias the operator shows the visitor (their display name at the take). */
    operatorName: text('operator_name'),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endReason: text('end_reason', { enum: END_REASONS }),
    /** The last seq given to a message of this chat (both directions share the numbering). */
    lastSeq: integer('last_seq').notNull().default(0),
    /** When its last message was written (null: none yet): the inbox's order, as a thread's. */
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    /** Read marks: the highest seq each side has read. */
    visitorReadSeq: integer('visitor_read_seq').notNull().default(0),
    operatorReadSeq: integer('operator_read_seq').notNull().default(0),
    /** The visitor's first message not answered yet (the "unanswered" clock); null: answered. */
    firstUnansweredAt: timestamp('first_unanswered_at', { withTimezone: true }),
    /** Times the chat went back to the queue unanswered. */
    returnedCount: integer('returned_count').notNull().default(0),
    blockedAt: timestamp('blocked_at', { withTimezone: true }),
    /**
     * The outreach conversation (kind 'chat') its transcript was carried into when a case was
     * opened from it: the case links that thread, as a case opened from a conversation does.
     */
    conversationId: uuid('conversation_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('chat_sessions_token_idx').on(t.tokenHash),
    uniqueIndex('chat_sessions_resume_idx')
      .on(t.resumeCodeHash)
      .where(sql`${t.resumeCodeHash} IS NOT NULL`),
    // The queue: waiting chats in the domain's order.
    index('chat_sessions_queue_idx')
      .on(t.urgency, t.queuedAt, t.id)
      .where(sql`${t.state} = 'queued'`),
    index('chat_sessions_operator_idx')
      .on(t.operatorId)
      .where(sql`${t.state} = 'active'`),
    index('chat_sessions_taken_idx').on(t.takenAt),
    index('chat_sessions_ended_idx').on(t.endedAt),
    // The inbox: newest activity first (keyset pages), as conversations are listed.
    index('chat_sessions_activity_idx').on(
      sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) DESC`,
      sql`${t.id} DESC`,
    ),
    uniqueIndex('chat_sessions_conversation_idx')
      .on(t.conversationId)
      .where(sql`${t.conversationId} IS NOT NULL`),
  ],
);

export const chatMessages = pgTable(
  'chat_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    author: text('author', { enum: CHAT_AUTHORS }).notNull(),
    /** The operator who wrote it (null for the visitor and the system). */
    authorId: uuid('author_id'),
    bodyEnc: text('body_enc').notNull(),
    /** The widget's id for the visitor's messages: a resend is recognised, not stored again. */
    clientId: uuid('client_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('chat_messages_seq_idx').on(t.chatId, t.seq),
    uniqueIndex('chat_messages_client_idx')
      .on(t.chatId, t.clientId)
      .where(sql`${t.clientId} IS NOT NULL`),
  ],
);

/** Operators' notes on a chat, never shown to the visitor. */
export const chatNotes = pgTable(
  'chat_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').notNull(),
    bodyEnc: text('body_enc').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('chat_notes_chat_idx').on(t.chatId, t.createdAt)],
);

/** A blocked visitor: the session (and its resume code) is refused from then on. */
export const chatBlocks = pgTable(
  'chat_blocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    blockedBy: uuid('blocked_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('chat_blocks_chat_idx').on(t.chatId)],
);

export const CHAT_ALERT_KINDS = ['unanswered'] as const;

/** Alerts for supervisors: a chat went back to the queue unanswered. */
export const chatAlerts = pgTable(
  'chat_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    chatId: uuid('chat_id')
      .notNull()
      .references(() => chatSessions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CHAT_ALERT_KINDS }).notNull(),
    /** The operator who held the chat when it went unanswered. */
    operatorId: uuid('operator_id'),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    index('chat_alerts_open_idx')
      .on(t.raisedAt)
      .where(sql`${t.acknowledgedAt} IS NULL`),
  ],
);

/** Operators with the chat console open, seen by any server (for "operators on duty"). */
export const chatPresence = pgTable('chat_presence', {
  userId: uuid('user_id').primaryKey(),
  seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
});

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const CHAT_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'chat_messages', idColumn: 'id', column: 'body_enc', context: 'chat_messages.body' },
  { table: 'chat_notes', idColumn: 'id', column: 'body_enc', context: 'chat_notes.body' },
];
