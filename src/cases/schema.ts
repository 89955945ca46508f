// Tables of the cases context: a case about one person (pseudonym and speakable alias, never a
// name), the conversations and entities it came from, the person's consents and their withdrawal,
// risk assessments, tasks, notes, the supervisors' alerts (a case or a lead about a minor) and who
// viewed the case.
// Free text about the person (notes, task titles, risk notes, consent evidence) is encrypted at
// rest; the structured facts the access rules and matching filter on are not.
import { partnerOrganisations } from './partners/schema.js';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { EncryptedColumn } from '../platform/key-rotation.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONSENT_SCOPES,
  CONSENT_SOURCES,
  type Need,
  type ShareableField,
} from './domain/vocabulary.js';
import {
  CASE_ORIGINS,
  GENDERS,
  RISK_LEVELS,
  type ExploitationType,
  type RiskAnswers,
} from './domain/case-facts.js';
import { CASE_ALERT_KINDS } from './domain/alerts.js';

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Generated, unique, meaningless ("C-4K7Q-M2XD"): what records and exports carry. */
    pseudonym: text('pseudonym').notNull(),
    /** Generated, speakable ("Amber Heron"): what colleagues say on the phone. Not the name. */
    alias: text('alias').notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('open'),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    origin: text('origin', { enum: CASE_ORIGINS }).notNull(),
    ownerId: uuid('owner_id').notNull(),
    /** Colleagues the owner or a supervisor added: they work the case with the owner. */
    assigneeIds: uuid('assignee_ids').array().notNull().default([]),
    minor: boolean('minor').notNull().default(false),
    gender: text('gender', { enum: GENDERS }),
    age: integer('age'),
    languages: text('languages').array().notNull().default([]),
    /** A gazetteer place id ("nl:breda") and its name, where the person is, as far as known. */
    placeId: text('place_id'),
    placeName: text('place_name'),
    needs: text('needs').array().$type<Need[]>().notNull().default([]),
    /** ISO 3166-1 alpha-2, when the person said it (HTCDS prs_Nationality). */
    nationality: text('nationality'),
    exploitationTypes: text('exploitation_types')
      .array()
      .$type<ExploitationType[]>()
      .notNull()
      .default([]),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by'),
  },
  (t) => [
    uniqueIndex('cases_pseudonym_idx').on(t.pseudonym),
    index('cases_owner_idx').on(t.ownerId, t.status),
    index('cases_status_idx').on(t.status, sql`${t.updatedAt} DESC`),
    index('cases_assignees_idx').using('gin', t.assigneeIds),
  ],
);

/** The outreach conversations of a case; a conversation belongs to one case at most. */
export const caseConversations = pgTable(
  'case_conversations',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    conversationId: uuid('conversation_id').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.conversationId] }),
    uniqueIndex('case_conversations_conversation_idx').on(t.conversationId),
  ],
);

/**
 * The entities (linked ads) a case came from. An entity's number may be the controller's, not
 * the person's: the console says so wherever it shows one.
 */
export const caseEntities = pgTable(
  'case_entities',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    entityId: uuid('entity_id').notNull(),
    linkedBy: uuid('linked_by'),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.entityId] }),
    index('case_entities_entity_idx').on(t.entityId),
  ],
);

/**
 * What the person agreed to, how and when, and who wrote it down; a withdrawal is recorded on the
 * same row the same way and takes effect at once. Evidence is the message in the thread where they
 * said so, or an encrypted note (of a call, a meeting).
 */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    scope: text('scope', { enum: CONSENT_SCOPES }).notNull(),
    /** The partner organisation a share_with_org consent names (FK added with the directory). */
    organisationId: uuid('organisation_id').references(() => partnerOrganisations.id),
    fields: text('fields').array().$type<ShareableField[]>().notNull().default([]),
    givenAt: timestamp('given_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /**
     * The person was asked and said no (contact_again, keep_data): recorded with its evidence
     * like a yes, never current. It is the person's word: outreach and retention act on it.
     */
    declined: boolean('declined').notNull().default(false),
    source: text('source', { enum: CONSENT_SOURCES }).notNull(),
    evidenceMessageId: uuid('evidence_message_id'),
    evidenceNoteEnc: text('evidence_note_enc'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by'),
    withdrawalSource: text('withdrawal_source', { enum: CONSENT_SOURCES }),
    withdrawalMessageId: uuid('withdrawal_message_id'),
    withdrawalNoteEnc: text('withdrawal_note_enc'),
  },
  (t) => [
    index('consents_case_idx').on(t.caseId, t.scope),
    index('consents_organisation_idx').on(t.organisationId),
  ],
);

/** A short, dated risk assessment: structured answers and an encrypted note. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    assessedAt: timestamp('assessed_at', { withTimezone: true }).notNull(),
    level: text('level', { enum: RISK_LEVELS }).notNull(),
    answers: jsonb('answers').$type<RiskAnswers>().notNull(),
    noteEnc: text('note_enc'),
    assessedBy: uuid('assessed_by').notNull(),
  },
  (t) => [index('risk_assessments_case_idx').on(t.caseId, sql`${t.assessedAt} DESC`)],
);

/** Follow-ups with a due date; a due, open task shows in the console as a reminder. */
export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** A title can say something about the person ("ask about her passport"): encrypted. */
    titleEnc: text('title_enc').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    assigneeId: uuid('assignee_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId),
    index('case_tasks_due_idx')
      .on(t.assigneeId, t.dueAt)
      .where(sql`${t.doneAt} IS NULL`),
  ],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    bodyEnc: text('body_enc').notNull(),
    authorId: uuid('author_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

/** Alerts for supervisors (a case about a minor): listed until one of them acknowledges it. */
export const caseAlerts = pgTable(
  'case_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: CASE_ALERT_KINDS }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    raisedBy: uuid('raised_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    index('case_alerts_open_idx')
      .on(t.raisedAt)
      .where(sql`${t.acknowledgedAt} IS NULL`),
    index('case_alerts_case_idx').on(t.caseId),
  ],
);

/**
 * Alerts for supervisors about a lead in the triage queue (scoring found a stated or implied minor):
 * one per lead and kind, ever, whatever how often the lead is scored again. The entity id is the
 * link context's (no foreign key across contexts; retention erases the alert with the lead).
 */
export const leadAlerts = pgTable(
  'lead_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id').notNull(),
    kind: text('kind', { enum: CASE_ALERT_KINDS }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by'),
  },
  (t) => [
    uniqueIndex('lead_alerts_entity_kind_idx').on(t.entityId, t.kind),
    index('lead_alerts_open_idx')
      .on(t.raisedAt)
      .where(sql`${t.acknowledgedAt} IS NULL`),
  ],
);

/** Every read of a case: who, when, and what they opened ("who viewed this case"). */
export const caseViews = pgTable(
  'case_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    userId: uuid('user_id'),
    userLabel: text('user_label').notNull(),
    part: text('part', { enum: ['case', 'notes'] }).notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_views_case_idx').on(t.caseId, sql`${t.viewedAt} DESC`)],
);

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const CASES_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  {
    table: 'consents',
    idColumn: 'id',
    column: 'evidence_note_enc',
    context: 'consents.evidence_note',
  },
  {
    table: 'consents',
    idColumn: 'id',
    column: 'withdrawal_note_enc',
    context: 'consents.withdrawal_note',
  },
  {
    table: 'risk_assessments',
    idColumn: 'id',
    column: 'note_enc',
    context: 'risk_assessments.note',
  },
  { table: 'case_tasks', idColumn: 'id', column: 'title_enc', context: 'case_tasks.title' },
  { table: 'case_notes', idColumn: 'id', column: 'body_enc', context: 'case_notes.body' },
];
