// Tables of the outreach context: channels (credentials encrypted), message templates with their
// approval, contacts (keyed hash of the address, the address encrypted, do-not-contact), and
// conversations with their messages (bodies encrypted). Every rule the system enforces reads from
// here: opt-outs, unanswered counts, the last inbound time for WhatsApp's service window.
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { CHANNEL_KINDS } from './channels/channel.js';
import type { EncryptedColumn } from '../platform/key-rotation.js';
import type { SafetyHit } from './domain/safety.js';

type TemplateSafetyHit = SafetyHit & { variant: number };

export const outreachChannels = pgTable('outreach_channels', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  kind: text('kind', { enum: CHANNEL_KINDS }).notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Sender shown to the person (number, alphanumeric id, address); public. */
  sender: text('sender'),
  /** Settings with credentials, as AES-GCM ciphertext of their JSON. */
  settingsEnc: text('settings_enc').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const TEMPLATE_STATUSES = ['draft', 'approved', 'retired'] as const;

export const outreachTemplates = pgTable(
  'outreach_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    language: text('language').notNull(),
    /** Texts with {displayName} / {city}; one is picked per message. */
    variants: jsonb('variants').$type<string[]>().notNull(),
    /** What a missing placeholder value becomes ({displayName: 'je'}). */
    fallbacks: jsonb('fallbacks')
      .$type<{ displayName?: string | null; city?: string | null }>()
      .notNull()
      .default({}),
    purpose: text('purpose', { enum: ['first_contact', 'follow_up', 'reply'] })
      .notNull()
      .default('first_contact'),
    /** The WhatsApp template name approved by Meta, for messages outside the service window. */
    whatsappTemplate: text('whatsapp_template'),
    status: text('status', { enum: TEMPLATE_STATUSES }).notNull().default('draft'),
    // The hits a supervisor confirmed at approval, as the domain found them.
    safetyHits: jsonb('safety_hits').$type<TemplateSafetyHit[]>().notNull().default([]),
    safetyConfirmedBy: uuid('safety_confirmed_by'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    /** Who changed the draft's text after its author: they may not approve it either. */
    editedBy: uuid('edited_by').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    retiredBy: uuid('retired_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_templates_status_idx').on(t.status, t.language)],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['phone', 'email', 'handle'] }).notNull(),
    /** HMAC of kind + normalised address: phone numbers are one contact on SMS and WhatsApp. */
    addressHash: text('address_hash').notNull(),
    addressEnc: text('address_enc').notNull(),
    masked: text('masked').notNull(),
    country: text('country'),
    doNotContact: boolean('do_not_contact').notNull().default(false),
    doNotContactAt: timestamp('do_not_contact_at', { withTimezone: true }),
    doNotContactReason: text('do_not_contact_reason'),
    /** The person opted out themselves: on which channel, in which language, and when we confirmed. */
    optOutAt: timestamp('opt_out_at', { withTimezone: true }),
    optOutChannelId: uuid('opt_out_channel_id'),
    optOutLanguage: text('opt_out_language'),
    optOutConfirmedAt: timestamp('opt_out_confirmed_at', { withTimezone: true }),
    /** The person opted in to WhatsApp (or wrote to us there first). */
    whatsappOptInAt: timestamp('whatsapp_opt_in_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('contacts_address_idx').on(t.addressHash)],
);

export const CONVERSATION_STATUSES = ['open', 'waiting', 'closed'] as const;

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: ['outreach', 'inbound', 'chat'] }).notNull(),
    contactId: uuid('contact_id').references(() => contacts.id),
    entityId: uuid('entity_id'),
    channelId: uuid('channel_id').references(() => outreachChannels.id),
    status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('open'),
    assigneeId: uuid('assignee_id'),
    unread: integer('unread').notNull().default(0),
    /** Messages sent since the person last wrote. */
    unanswered: integer('unanswered').notNull().default(0),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    lastOutboundAt: timestamp('last_outbound_at', { withTimezone: true }),
    lastInboundAt: timestamp('last_inbound_at', { withTimezone: true }),
    /** A supervisor allowed a second thread for the same entity (audited). */
    overrideBy: uuid('override_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Why it closed by itself ('opt_out': the person wrote STOP); null when a worker closed it. */
    closedReason: text('closed_reason', { enum: ['opt_out'] }),
  },
  (t) => [
    // The inbox lists newest activity first (a new thread has no message yet: its creation
    // counts) and pages by keyset; these walk in that order and stop after a page
    // (bench/inbox.bench.ts: p95 under 10 ms at 100,000 conversations).
    index('conversations_inbox_idx').on(
      t.status,
      sql`(coalesce(${t.lastMessageAt}, ${t.createdAt})) DESC`,
      sql`${t.id} DESC`,
    ),
    index('conversations_assignee_idx').on(
      t.assigneeId,
      sql`(coalesce(${t.lastMessageAt}, ${t.createdAt})) DESC`,
      sql`${t.id} DESC`,
    ),
    index('conversations_activity_idx').on(
      sql`(coalesce(${t.lastMessageAt}, ${t.createdAt})) DESC`,
      sql`${t.id} DESC`,
    ),
    index('conversations_unread_idx')
      .on(t.assigneeId)
      .where(sql`${t.unread} > 0 AND ${t.status} <> 'closed'`),
    index('conversations_contact_idx').on(t.contactId),
    index('conversations_entity_idx').on(t.entityId),
  ],
);

export const MESSAGE_STATUSES = [
  'queued',
  /** On a manual channel: waiting for the worker to send it by hand and say so. */
  'to_send',
  /** Handed to the channel; if the process dies now the outcome is unknown and never retried. */
  'sending',
  'sent',
  'delivered',
  'failed',
  'received',
  'note',
] as const;

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conversationId: uuid('conversation_id')
      .notNull()
      .references(() => conversations.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['out', 'in', 'note'] }).notNull(),
    status: text('status', { enum: MESSAGE_STATUSES }).notNull(),
    bodyEnc: text('body_enc').notNull(),
    channelId: uuid('channel_id'),
    templateId: uuid('template_id'),
    /** 'opt_out_confirmation' is the one message a do-not-contact person may still get. */
    purpose: text('purpose', { enum: ['message', 'opt_out_confirmation'] })
      .notNull()
      .default('message'),
    /** A retry with the same key never sends twice. */
    idempotencyKey: text('idempotency_key'),
    providerId: text('provider_id'),
    segments: integer('segments'),
    errorCode: text('error_code'),
    errorMessage: text('error_message'),
    authorId: uuid('author_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    failedAt: timestamp('failed_at', { withTimezone: true }),
    /**
     * A message the worker scheduled for the first time the rules allow (quiet hours, a gap): it
     * stays queued until then, and its send job checks every rule again when it runs.
     */
    scheduledFor: timestamp('scheduled_for', { withTimezone: true }),
    /** The person's time zone the schedule was worked out in (shown beside the worker's). */
    scheduledZone: text('scheduled_zone'),
    /** The supervisor who confirmed this message's safety words when it was written. */
    safetyConfirmedBy: uuid('safety_confirmed_by'),
    /** Who cancelled it before it went (its author or a supervisor; audited). */
    cancelledBy: uuid('cancelled_by'),
  },
  (t) => [
    index('messages_conversation_idx').on(t.conversationId, t.createdAt),
    uniqueIndex('messages_idempotency_idx').on(t.idempotencyKey),
    index('messages_provider_idx').on(t.channelId, t.providerId),
  ],
);

/**
 * A supervisor allowed templates that name someone for a number several names share (the reader
 * may be the controller, not the person named): per entity and contact, with the reason; audited.
 */
export const outreachNameAllowances = pgTable(
  'outreach_name_allowances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id').notNull(),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    reason: text('reason').notNull(),
    allowedBy: uuid('allowed_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('outreach_name_allowances_idx').on(t.entityId, t.contactId)],
);

/**
 * Short texts a worker inserts into a reply (free text, so only once the person has written).
 * The organisation's own wording, not personal data: stored in the clear.
 */
export const outreachQuickReplies = pgTable(
  'outreach_quick_replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    language: text('language').notNull(),
    title: text('title').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('outreach_quick_replies_language_idx').on(t.language, t.title)],
);

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const OUTREACH_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'contacts', idColumn: 'id', column: 'address_enc', context: 'contacts.address' },
  { table: 'messages', idColumn: 'id', column: 'body_enc', context: 'messages.body' },
  {
    table: 'outreach_channels',
    idColumn: 'id',
    column: 'settings_enc',
    context: 'outreach_channels.settings',
  },
];
