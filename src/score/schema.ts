// Tables of the score context: versioned score models (weights are data), scores per ad and per
// entity with their reasons, the triage queue's leads with their history, and saved searches.
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { ads } from '../collect/schema.js';
import type { ExploitationType } from '../extract/index.js';
import { entities } from '../link/schema.js';
import type { ScoreReason } from './types.js';
import type { ScoreModel } from './model.js';

/** The kinds of exploitation a score's signs can point to (the extractor's ExploitationType). */
export const EXPLOITATION_TYPES = [
  'sexual',
  'criminal',
  'both',
  'unclear',
] as const satisfies readonly ExploitationType[];

export const scoreModels = pgTable('score_models', {
  version: integer('version').primaryKey(),
  model: jsonb('model').$type<ScoreModel>().notNull(),
  note: text('note').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  active: boolean('active').notNull().default(false),
});

export const adScores = pgTable('ad_scores', {
  adId: uuid('ad_id')
    .primaryKey()
    .references(() => ads.id, { onDelete: 'cascade' }),
  score: integer('score').notNull(),
  urgent: boolean('urgent').notNull(),
  reasons: jsonb('reasons').$type<ScoreReason[]>().notNull(),
  modelVersion: integer('model_version').notNull(),
  scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
});

export const entityScores = pgTable(
  'entity_scores',
  {
    entityId: uuid('entity_id')
      .primaryKey()
      .references(() => entities.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    urgent: boolean('urgent').notNull(),
    flags: text('flags').array().notNull().default([]),
    reasons: jsonb('reasons').$type<ScoreReason[]>().notNull(),
    modelVersion: integer('model_version').notNull(),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
    /**
     * What the counted signs point to (src/score/exploitation.ts). Rows scored before it existed
     * read 'unclear' until their next scoring (`ariadne score --all` or any new evidence).
     */
    exploitationType: text('exploitation_type', { enum: EXPLOITATION_TYPES })
      .notNull()
      .default('unclear'),
  },
  (t) => [index('entity_scores_rank_idx').on(t.urgent, t.score)],
);

export const LEAD_STATES = [
  'new',
  'in_review',
  'contact_planned',
  'contacted',
  'no_action',
  'closed',
] as const;
export type LeadState = (typeof LEAD_STATES)[number];

export const leads = pgTable(
  'leads',
  {
    entityId: uuid('entity_id')
      .primaryKey()
      .references(() => entities.id, { onDelete: 'cascade' }),
    state: text('state', { enum: LEAD_STATES }).notNull().default('new'),
    assigneeId: uuid('assignee_id'),
    snoozedUntil: timestamp('snoozed_until', { withTimezone: true }),
    noActionReason: text('no_action_reason'),
    /** Denormalised from the entity's score, for the queue's order and filters. */
    urgent: boolean('urgent').notNull(),
    score: integer('score').notNull(),
    flags: text('flags').array().notNull().default([]),
    exploitationType: text('exploitation_type', { enum: EXPLOITATION_TYPES })
      .notNull()
      .default('unclear'),
    placeIds: text('place_ids').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    evidenceAt: timestamp('evidence_at', { withTimezone: true }).notNull(),
    /** When the holder last looked: later evidence is shown to them as new. */
    seenAt: timestamp('seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    stateChangedAt: timestamp('state_changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('leads_queue_idx').on(t.urgent, t.score, t.evidenceAt, t.entityId),
    index('leads_state_idx').on(t.state),
    index('leads_assignee_idx').on(t.assigneeId),
    index('leads_places_idx').using('gin', t.placeIds),
    index('leads_languages_idx').using('gin', t.languages),
    index('leads_exploitation_idx').on(t.exploitationType),
  ],
);

/**
 * What a lead retention erased leaves for Insights: when it was made, the first place and language
 * its evidence named (what the funnel counts by), and when it went. Nothing about the person.
 */
export const leadTombstones = pgTable(
  'lead_tombstones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    placeId: text('place_id'),
    language: text('language'),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('lead_tombstones_created_idx').on(t.createdAt)],
);

export const leadEvents = pgTable(
  'lead_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('lead_events_entity_idx').on(t.entityId, t.at)],
);

export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').notNull(),
    name: text('name').notNull(),
    target: text('target', { enum: ['ads', 'leads'] }).notNull(),
    filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Matches up to this time have been counted; the owner has seen up to seenAt. */
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
    newMatches: integer('new_matches').notNull().default(0),
  },
  (t) => [index('saved_searches_owner_idx').on(t.ownerId)],
);

/** Which matches a saved search has already alerted on, so a match alerts once. */
export const savedSearchHits = pgTable(
  'saved_search_hits',
  {
    searchId: uuid('search_id')
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    itemId: uuid('item_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    seen: boolean('seen').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.searchId, t.itemId] })],
);
