// Tables of the subject's rights: legal holds on a case (who set one, why, when, and who lifted it:
// a held case is neither erased on request nor by retention), and the tombstone an erased case
// leaves for Insights (dates, origin, outcome and counts; nothing about the person).
import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { EncryptedColumn } from '../../platform/key-rotation.js';
import { CASE_ORIGINS } from '../domain/case-facts.js';
import { CASE_OUTCOMES, CASE_STATUSES } from '../domain/vocabulary.js';
import { cases } from '../schema.js';

export const ERASURE_CAUSES = ['request', 'retention'] as const;
export type ErasureCause = (typeof ERASURE_CAUSES)[number];

export const caseHolds = pgTable(
  'case_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    /** Why (a court order, a police request): may name the person, so encrypted. */
    reasonEnc: text('reason_enc').notNull(),
    heldBy: uuid('held_by').notNull(),
    heldAt: timestamp('held_at', { withTimezone: true }).notNull(),
    liftedBy: uuid('lifted_by'),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
  },
  (t) => [
    index('case_holds_active_idx')
      .on(t.caseId)
      .where(sql`${t.liftedAt} IS NULL`),
  ],
);

export const caseTombstones = pgTable(
  'case_tombstones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The erased case's id: a random number that audit entries about it carry, nothing more. */
    caseId: uuid('case_id').notNull(),
    origin: text('origin', { enum: CASE_ORIGINS }).notNull(),
    status: text('status', { enum: CASE_STATUSES }).notNull(),
    outcome: text('outcome', { enum: CASE_OUTCOMES }),
    minor: boolean('minor').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
    cause: text('cause', { enum: ERASURE_CAUSES }).notNull(),
    referrals: integer('referrals').notNull(),
    conversations: integer('conversations').notNull(),
  },
  (t) => [index('case_tombstones_erased_idx').on(t.erasedAt)],
);

export const SUBJECT_RIGHTS_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'case_holds', idColumn: 'id', column: 'reason_enc', context: 'case_holds.reason' },
];
