// Tables of the link context: the keys each ad is joined by (keyed hashes only), its MinHash
// signature and LSH buckets for near-duplicate text, its entity and text template, and entities
// with their features and movement. Entities are kept up to date incrementally as ads arrive.
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
  bigint,
  boolean,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { ads } from '../collect/schema.js';
import type { EntityFeatures, LinkKeyKind, MovementStop } from './types.js';

export const entities = pgTable(
  'entities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * A speakable name ("cobalt-river-417"), random, never derived from the person's data (see
     * alias.ts). Linking draws it; the default (the entity_alias() function of its migration) covers any other
     * way an entity is made (drizzle/00xx_entity_alias.sql).
     */
    alias: text('alias')
      .notNull()
      .default(sql`entity_alias()`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    adCount: integer('ad_count').notNull().default(0),
    features: jsonb('features').$type<EntityFeatures>(),
    movement: jsonb('movement').$type<MovementStop[]>().notNull().default([]),
    /** Place ids and languages, denormalised for the queue's filters. */
    placeIds: text('place_ids').array().notNull().default([]),
    languages: text('languages').array().notNull().default([]),
    /** When evidence last changed (an ad joined, changed or left): drives re-scoring and alerts. */
    evidenceAt: timestamp('evidence_at', { withTimezone: true }).notNull().defaultNow(),
    /** Features computed for the evidence of this time; behind evidenceAt = stale. */
    featuresAt: timestamp('features_at', { withTimezone: true }),
  },
  (t) => [
    index('entities_evidence_idx').on(t.evidenceAt),
    uniqueIndex('entities_alias_key').on(t.alias),
  ],
);

/** Per ad: the entity and template it belongs to, and its near-duplicate signature. */
export const linkAds = pgTable(
  'link_ads',
  {
    adId: uuid('ad_id')
      .primaryKey()
      .references(() => ads.id, { onDelete: 'cascade' }),
    adVersionId: uuid('ad_version_id').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
    templateId: uuid('template_id'),
    /** MinHash signature over word shingles (32-bit values). */
    minhash: integer('minhash').array().notNull(),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull(),
    /**
     * The place of the ad in the order linking first met it. Templates depend on that order (an ad
     * joins the template of the first similar text), so a rebuild replays it instead of guessing
     * it from first-seen times, which tie and which batches do not follow.
     */
    linkOrder: bigint('link_order', { mode: 'number' }),
  },
  (t) => [
    index('link_ads_entity_idx').on(t.entityId),
    index('link_ads_template_idx').on(t.templateId),
    // Each linking batch continues the order from its largest value: read from here, not a scan.
    index('link_ads_link_order_idx').on(t.linkOrder),
  ],
);

/** The keys of an ad's current version: keyed hashes, never plaintext. */
export const linkKeys = pgTable(
  'link_keys',
  {
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<LinkKeyKind>().notNull(),
    keyHash: text('key_hash').notNull(),
    /** Joins ads into one entity (per the configured strong kinds when the key was written). */
    strong: boolean('strong').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.adId, t.kind, t.keyHash] }),
    index('link_keys_hash_idx').on(t.keyHash),
  ],
);

/** LSH buckets: ads whose signatures agree on a whole band share a bucket. */
export const linkLsh = pgTable(
  'link_lsh',
  {
    band: smallint('band').notNull(),
    bucket: bigint('bucket', { mode: 'bigint' }).notNull(),
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.band, t.bucket, t.adId] }), index('link_lsh_ad_idx').on(t.adId)],
);

/**
 * A text template: ads whose text is a near-duplicate of the template's centroid (the per-position
 * majority of its first members' signatures, see template-clusters.ts). Membership is measured
 * against the centroid, never chained from ad to ad, so similar-looking independents do not
 * snowball into one giant group.
 */
export const linkTemplates = pgTable('link_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  adCount: integer('ad_count').notNull().default(0),
  entityCount: integer('entity_count').notNull().default(0),
  /** The centroid: a MinHash signature of what the template's first members share. */
  minhash: integer('minhash').array().notNull().default([]),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** LSH buckets of template representatives: a new ad finds its template in a few lookups. */
export const linkTemplateLsh = pgTable(
  'link_template_lsh',
  {
    band: smallint('band').notNull(),
    bucket: bigint('bucket', { mode: 'bigint' }).notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => linkTemplates.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.band, t.bucket, t.templateId] }),
    index('link_template_lsh_template_idx').on(t.templateId),
  ],
);

/** Where a merged entity went, so links and leads to it can follow. */
export const entityMerges = pgTable(
  'entity_merges',
  {
    fromId: uuid('from_id').primaryKey(),
    intoId: uuid('into_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('entity_merges_into_idx').on(t.intoId)],
);

/**
 * The union-find's find(): every strong key points at the one entity holding all ads with that key,
 * so a new ad finds the entities it joins in one indexed lookup per key.
 */
export const linkStrongKeys = pgTable(
  'link_strong_keys',
  {
    keyHash: text('key_hash').primaryKey(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => entities.id),
  },
  (t) => [index('link_strong_keys_entity_idx').on(t.entityId)],
);

/**
 * The sentences of each ad's first version (template tokens hashed, see boilerplate.ts), per
 * source: what tells the site's boilerplate from the advertiser's text. Counted on first linking,
 * like the ad's signature; an ad's rows leave with it.
 */
export const linkAdLines = pgTable(
  'link_ad_lines',
  {
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    sourceId: uuid('source_id').notNull(),
    lineHash: text('line_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.adId, t.lineHash] }),
    index('link_ad_lines_source_idx').on(t.sourceId, t.lineHash),
  ],
);

/** Sentences a source repeats across most of its ads over many numbers: the site's boilerplate. */
export const linkBoilerplate = pgTable(
  'link_boilerplate',
  {
    sourceId: uuid('source_id').notNull(),
    lineHash: text('line_hash').notNull(),
    /** Ads of the source with the sentence, and distinct phone numbers behind them (when found). */
    ads: integer('ads').notNull(),
    numbers: integer('numbers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sourceId, t.lineHash] })],
);
