// Tables of referrals: a referral of a case to one organisation of the directory (what it carries
// is a snapshot of exactly the fields allowed at send time, encrypted at rest, as is the hand-off
// note and anything the partner writes back), every step of its life and every opening by the
// partner (referral_events), and the secure links through which organisations without an account
// open it (the token and the second-channel code stored only as keyed hashes, with the attempts
// that lock it and the flags that end it).
import { sql } from 'drizzle-orm';
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { partnerOrgs } from '../../platform/auth/schema.js';
import type { EncryptedColumn } from '../../platform/key-rotation.js';
import { partnerOrganisations } from '../partners/schema.js';
import { cases } from '../schema.js';
import { REFERRAL_ACTORS } from '../domain/referral-states.js';
import {
  LEGAL_BASES,
  REFERRAL_CHANNELS,
  REFERRAL_STATES,
  type ShareableField,
} from '../domain/vocabulary.js';

/** Why a referral ended without the partner's last word: who or what ended the partner's access. */
export const REFERRAL_END_CAUSES = [
  'revoked_by_worker',
  'consent_withdrawn',
  'consent_expired',
] as const;
export type ReferralEndCause = (typeof REFERRAL_END_CAUSES)[number];

export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Erasing a case erases its referrals (the subject's right); nothing else deletes them. */
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** The directory entry the referral went to (an entry with referrals is retired, not deleted). */
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partnerOrganisations.id),
    /** Copied from the directory at send time: how this referral reaches the organisation. */
    channel: text('channel', { enum: REFERRAL_CHANNELS }).notNull(),
    /** The platform organisation whose partner users may see it (channel "account"). */
    accountOrgId: uuid('account_org_id').references(() => partnerOrgs.id),
    legalBasis: text('legal_basis', { enum: LEGAL_BASES }).notNull(),
    /** Child-protection duty only: who decided, and why (free text about a child: encrypted). */
    dutyDecidedBy: uuid('duty_decided_by'),
    dutyReasonEnc: text('duty_reason_enc'),
    /** The consents that covered the fields at send time (consent basis). */
    consentIds: uuid('consent_ids').array().notNull().default([]),
    fields: text('fields').array().$type<ShareableField[]>().notNull(),
    /** JSON of exactly `fields` (without the note), encrypted. */
    snapshotEnc: text('snapshot_enc').notNull(),
    handoffNoteEnc: text('handoff_note_enc'),
    state: text('state', { enum: REFERRAL_STATES }).notNull().default('sent'),
    /** The partner's reason for declining, or the note with an outcome: encrypted. */
    answerNoteEnc: text('answer_note_enc'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: text('answered_by'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBy: uuid('ended_by'),
    endCause: text('end_cause', { enum: REFERRAL_END_CAUSES }),
    /** When the worker last chased the organisation (restarts the reminder period). */
    lastReminderAt: timestamp('last_reminder_at', { withTimezone: true }),
    /** When the reminder job last told the worker an answer is overdue. */
    reminderNotifiedAt: timestamp('reminder_notified_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('referrals_case_idx').on(t.caseId, t.sentAt),
    index('referrals_account_org_idx').on(t.accountOrgId, sql`${t.sentAt} DESC`),
    index('referrals_open_idx')
      .on(t.state, t.sentAt)
      .where(sql`${t.state} IN ('sent', 'accepted', 'intake_done', 'in_care')`),
  ],
);

/** Steps that are not state changes: openings, reminders, links. */
export const REFERRAL_EVENT_KINDS = [
  ...REFERRAL_STATES,
  'opened',
  'reminder_due',
  'reminded',
  'link_issued',
  'code_delivered',
  'code_wrong',
  'link_locked',
] as const;
export type ReferralEventKind = (typeof REFERRAL_EVENT_KINDS)[number];

/** Every step of a referral, for the case history (no personal data: details are codes). */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of writing: steps taken within one clock tick still read in order. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: REFERRAL_EVENT_KINDS }).notNull(),
    actor: text('actor', { enum: REFERRAL_ACTORS }).notNull(),
    actorUserId: uuid('actor_user_id'),
    /** "worker@…", "partner link", "system": readable without a join. */
    actorLabel: text('actor_label').notNull(),
    detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.seq)],
);

/**
 * One-time secure links. The token in the address is stored only as an HMAC (under a key derived
 * from the session secret), the code sent over a second channel likewise: a database leak hands
 * out no live link. Wrong codes count up to a lock; `deadAt` ends the link for good.
 */
export const secureLinks = pgTable(
  'secure_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    codeHash: text('code_hash').notNull(),
    /** Where the code is to go (the directory's secure-link contact at issue time). */
    codeContact: text('code_contact'),
    codeDeliveredAt: timestamp('code_delivered_at', { withTimezone: true }),
    codeDeliveredBy: uuid('code_delivered_by'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    /** First opening with the right code. */
    usedAt: timestamp('used_at', { withTimezone: true }),
    deadAt: timestamp('dead_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('secure_links_referral_idx').on(t.referralId)],
);

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const REFERRALS_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'referrals', idColumn: 'id', column: 'snapshot_enc', context: 'referrals.snapshot' },
  {
    table: 'referrals',
    idColumn: 'id',
    column: 'handoff_note_enc',
    context: 'referrals.handoff_note',
  },
  {
    table: 'referrals',
    idColumn: 'id',
    column: 'duty_reason_enc',
    context: 'referrals.duty_reason',
  },
  {
    table: 'referrals',
    idColumn: 'id',
    column: 'answer_note_enc',
    context: 'referrals.answer_note',
  },
];
