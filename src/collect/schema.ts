// Tables of the collect context: sources, crawl runs and their per-URL failures, captures (WARC
// records in the blob store), and ads with their versions over time.
// Ad text is personal data that holds identifiers (numbers, e-mail addresses, handles), so it is
// kept only encrypted (`ad_versions.content_enc`, and captures sealed in the blob store under a
// data key in `captures.data_key_enc`); what stays in clear holds none: times, counts, languages,
// picture hashes, and keyed hashes (HMAC) for change detection, linking and search.
import {
  type AnyPgColumn,
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { SourceDefinition } from './source-definition.js';
import type { EncryptedColumn } from '../platform/key-rotation.js';

export const sources = pgTable('sources', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  definition: jsonb('definition').$type<SourceDefinition>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** Set by an admin to crawl despite robots.txt; the reason is kept (and audited). */
  robotsOverrideReason: text('robots_override_reason'),
  robotsOverrideBy: uuid('robots_override_by'),
  health: text('health', { enum: ['unknown', 'ok', 'degraded', 'broken'] })
    .notNull()
    .default('unknown'),
  healthDetail: jsonb('health_detail').$type<Record<string, unknown>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const CRAWL_STATUSES = ['queued', 'running', 'finished', 'failed'] as const;
/**
 * Why a run failed: its worker went away mid-crawl (crashed, killed, restarted — the crawl may be
 * resumed), the crawl itself failed, or it was refused before it started.
 */
export const CRAWL_FAILURES = ['worker_lost', 'crawl_error', 'refused'] as const;
export type CrawlFailure = (typeof CRAWL_FAILURES)[number];

export const crawlRuns = pgTable(
  'crawl_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    status: text('status', { enum: CRAWL_STATUSES }).notNull().default('queued'),
    trigger: text('trigger').notNull(),
    requestedBy: uuid('requested_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    /** Moved on by the worker every few seconds while it crawls; a run whose heartbeat stopped is dead. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    /** The worker holding the run: its stable name (the same after a restart) and this incarnation. */
    workerName: text('worker_name'),
    workerInstance: text('worker_instance'),
    /** The pg-boss job running it, so a dead worker's job can be failed (and retried) at once. */
    jobId: text('job_id'),
    failure: text('failure', { enum: CRAWL_FAILURES }),
    /** The run whose worker died and that this run continues. */
    resumedFrom: uuid('resumed_from').references((): AnyPgColumn => crawlRuns.id, {
      onDelete: 'set null',
    }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    pagesFetched: integer('pages_fetched').notNull().default(0),
    adsFound: integer('ads_found').notNull().default(0),
    adsNew: integer('ads_new').notNull().default(0),
    adsChanged: integer('ads_changed').notNull().default(0),
    adsUnchanged: integer('ads_unchanged').notNull().default(0),
    adsGone: integer('ads_gone').notNull().default(0),
    parseErrors: integer('parse_errors').notNull().default(0),
    errorsByKind: jsonb('errors_by_kind').$type<Record<string, number>>().notNull().default({}),
    /** Share of ads in which each field was found (0..1), for source health. */
    fieldFill: jsonb('field_fill').$type<Record<string, number>>().notNull().default({}),
    /** Sample ad URLs per field where the field was missing. */
    fieldMisses: jsonb('field_misses').$type<Record<string, string[]>>().notNull().default({}),
    message: text('message'),
  },
  (t) => [
    index('crawl_runs_source_idx').on(t.sourceId, t.createdAt),
    // The liveness sweep reads only the running runs, on every scheduler tick.
    index('crawl_runs_running_idx')
      .on(t.heartbeatAt)
      .where(sql`${t.status} = 'running'`),
    index('crawl_runs_resumed_from_idx').on(t.resumedFrom),
  ],
);

export const FETCH_ERROR_KINDS = [
  'http_4xx',
  'http_5xx',
  'rate_limited',
  'timeout',
  'too_large',
  'redirect_limit',
  'robots_disallowed',
  /** The address is loopback, private, link-local, metadata… (src/platform/address-guard.ts). */
  'address_refused',
  'network',
  'circuit_open',
  'parse',
  'encoding',
] as const;
export type FetchErrorKind = (typeof FETCH_ERROR_KINDS)[number];

export const crawlErrors = pgTable(
  'crawl_errors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    runId: uuid('run_id')
      .notNull()
      .references(() => crawlRuns.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    kind: text('kind', { enum: FETCH_ERROR_KINDS }).notNull(),
    status: integer('status'),
    message: text('message').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('crawl_errors_run_idx').on(t.runId)],
);

export const captures = pgTable(
  'captures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id').references(() => sources.id, { onDelete: 'set null' }),
    runId: uuid('run_id').references(() => crawlRuns.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: ['page', 'image', 'import'] }).notNull(),
    url: text('url').notNull(),
    fetchedAt: timestamp('fetched_at', { withTimezone: true }).notNull(),
    status: integer('status').notNull(),
    contentType: text('content_type'),
    /** sha256 of the response payload (hex). */
    payloadSha256: text('payload_sha256').notNull(),
    /** Blob key of the gzipped WARC file holding the request and response records. */
    recordKey: text('record_key').notNull(),
    /**
     * sha256 (hex) and size of that WARC file as evidence: the plain .warc.gz an export hands out,
     * not the sealed bytes in the store (those are checked by their own GCM tag).
     */
    recordSha256: text('record_sha256').notNull(),
    recordSize: bigint('record_size', { mode: 'number' }).notNull(),
    warcRecordId: text('warc_record_id').notNull(),
    /**
     * One fetch: the redirect hops and the answer they led to share it, so an ad's evidence can
     * include the hops that led to its URL. Null for imports and captures older than this column.
     */
    fetchId: uuid('fetch_id'),
    /** Its place in that fetch: 0 for the first answer, then one more per redirect followed. */
    fetchHop: smallint('fetch_hop'),
    /**
     * The blob's data key, encrypted under the field key (envelope encryption, so key rotation
     * re-wraps this and never rewrites the blob). Null: a blob stored in clear before captures
     * were sealed; `ariadne keys rotate` seals it.
     */
    dataKeyEnc: text('data_key_enc'),
  },
  (t) => [
    index('captures_url_idx').on(t.url),
    index('captures_run_idx').on(t.runId),
    index('captures_fetch_idx').on(t.fetchId),
  ],
);

/** A picture of an ad as kept in clear: hashes only (its address is part of the encrypted text). */
export interface ImageHash {
  sha256: string;
  /** 64-bit perceptual (difference) hash, hex. */
  phash: string;
  captureId?: string;
}

export const ads = pgTable(
  'ads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id, { onDelete: 'cascade' }),
    externalId: text('external_id').notNull(),
    url: text('url').notNull(),
    status: text('status', { enum: ['active', 'gone'] })
      .notNull()
      .default('active'),
    version: integer('version').notNull().default(1),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    goneAt: timestamp('gone_at', { withTimezone: true }),
    lastCheckedAt: timestamp('last_checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('ads_source_external_idx').on(t.sourceId, t.externalId),
    index('ads_last_seen_idx').on(t.lastSeenAt),
    index('ads_status_idx').on(t.status),
  ],
);

export const adVersions = pgTable(
  'ad_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    adId: uuid('ad_id')
      .notNull()
      .references(() => ads.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /**
     * HMAC over the normalised fields (key derived from the identifier pepper): equal hash =
     * unchanged ad. Keyed, so that nobody holding a copy of an ad can test whether we have it.
     */
    contentHash: text('content_hash').notNull(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull(),
    /**
     * The ad's text and fields (title, body, posted date as written, city, display name, phone,
     * age, price, picture addresses) as JSON, encrypted (context "ad_versions.content"). Null only
     * for a version stored before encryption at rest until the start-up step has encrypted it.
     */
    contentEnc: text('content_enc'),
    /** Keyed hash of the normalised display name: linking counts names without reading them. */
    displayNameKey: text('display_name_key'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    images: jsonb('images').$type<ImageHash[]>().notNull().default([]),
    language: text('language'),
    captureId: uuid('capture_id').references(() => captures.id, { onDelete: 'set null' }),
    parseErrors: jsonb('parse_errors').$type<string[]>().notNull().default([]),
    /** Which fields changed from the previous version. */
    changedFields: jsonb('changed_fields').$type<string[]>().notNull().default([]),
    fillRatio: real('fill_ratio'),
  },
  (t) => [uniqueIndex('ad_versions_ad_version_idx').on(t.adId, t.version)],
);

/**
 * Search over ads without their text: per ad (its current version), the distinct words as 64-bit
 * keyed hashes (HMAC under a key derived from the identifier pepper; words of the title, body and
 * display name in one domain, of the city field in another), in one array with a GIN index. Words
 * with digits and the words of identifiers are never indexed, so a search cannot tell whether a
 * number is known.
 */
export const adSearchTerms = pgTable(
  'ad_search_terms',
  {
    adId: uuid('ad_id')
      .primaryKey()
      .references(() => ads.id, { onDelete: 'cascade' }),
    terms: bigint('terms', { mode: 'bigint' }).array().notNull(),
  },
  (t) => [index('ad_search_terms_terms_idx').using('gin', t.terms)],
);

/**
 * What an ad retention erased leaves for Insights: when it was first seen and the language of its
 * first version (what "ads collected" counts by), and when it went. Nothing of its text.
 */
export const adTombstones = pgTable(
  'ad_tombstones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    language: text('language'),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('ad_tombstones_first_seen_idx').on(t.firstSeenAt)],
);

/** Encrypted columns of these tables, for `ariadne keys rotate`. */
export const COLLECT_ENCRYPTED_COLUMNS: EncryptedColumn[] = [
  { table: 'ad_versions', idColumn: 'id', column: 'content_enc', context: 'ad_versions.content' },
  // The data keys of sealed blobs (envelope encryption): re-wrapped here, the blobs stay as they are.
  { table: 'captures', idColumn: 'id', column: 'data_key_enc', context: 'captures.data_key' },
];
