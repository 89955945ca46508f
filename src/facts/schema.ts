// Tables of the extraction context. Results per ad version, versioned by rule set; identifiers
// (phones, e-mails, messenger handles, URLs) kept apart, as a keyed hash for linking and encrypted
// for the worker who must reveal one — never in the clear. Analysts' custom terms and block-list.
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { adVersions, ads } from '../collect/schema.js';
import type { EncryptedColumn } from '../platform/key-rotation.js';

export const extractRules = pgTable(
  'extract_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type', { enum: ['custom_term', 'block'] }).notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    active: boolean('active').notNull().default(true),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
  },
  (t) => [index('extract_rules_active_idx').on(t.active)],
);

/**
 * A stored fact: the extractor's fact, with identifier values replaced by a reference. Other facts
 * still quote the ad (`raw`: the language fact holds its first words, a disguise indicator the
 * disguised number), so facts are kept encrypted like the ad text.
 */
export type StoredFact = Record<string, unknown> & {
  kind: string;
  span: { field: string; start: number; end: number };
};

export const adExtractions = pgTable(
  'ad_extractions',
  {
    adVersionId: uuid('ad_version_id')
      .primaryKey()
      .references(() => adVersions.id, { onDelete: 'cascade' }),
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    ruleSetVersion: text('rule_set_version').notNull(),
    extractedAt: timestamp('extracted_at', { withTimezone: true }).notNull(),
    language: text('language'),
    truncated: boolean('truncated').notNull().default(false),
    /**
     * `{ facts, suppressed }` as JSON, encrypted (context "ad_extractions.facts"). Null only for a
     * result stored before encryption at rest until the start-up step has encrypted it.
     */
    factsEnc: text('facts_enc'),
  },
  (t) => [
    index('ad_extractions_ad_idx').on(t.adId),
    index('ad_extractions_rules_idx').on(t.ruleSetVersion),
  ],
);

export const IDENTIFIER_KINDS = ['phone', 'email', 'messenger', 'url'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const adIdentifiers = pgTable(
  'ad_identifiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    adVersionId: uuid('ad_version_id')
      .notNull()
      .references(() => adVersions.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: IDENTIFIER_KINDS }).notNull(),
    /** HMAC-SHA-256 of kind + normalised value under the identifier pepper. */
    valueHash: text('value_hash').notNull(),
    /** Keyed hash that links this identifier to others: a messenger's phone number links as a phone. */
    linkHash: text('link_hash').notNull(),
    valueEnc: text('value_enc').notNull(),
    rawEnc: text('raw_enc').notNull(),
    masked: text('masked').notNull(),
    field: text('field').notNull(),
    spanStart: integer('span_start').notNull(),
    spanEnd: integer('span_end').notNull(),
    obfuscated: boolean('obfuscated').notNull().default(false),
    obfuscation: jsonb('obfuscation')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    platform: text('platform'),
    ruleSetVersion: text('rule_set_version').notNull(),
  },
  (t) => [
    index('ad_identifiers_hash_idx').on(t.valueHash),
    index('ad_identifiers_ad_idx').on(t.adId),
    index('ad_identifiers_version_idx').on(t.adVersionId),
  ],
);

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const FACTS_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'ad_identifiers', idColumn: 'id', column: 'value_enc', context: 'ad_identifiers.value' },
  { table: 'ad_identifiers', idColumn: 'id', column: 'raw_enc', context: 'ad_identifiers.raw' },
  {
    table: 'ad_extractions',
    idColumn: 'ad_version_id',
    column: 'facts_enc',
    context: 'ad_extractions.facts',
  },
];
