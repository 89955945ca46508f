// The audit log: append-only, each row keyed-hashed together with the previous row's hash, so any
// altered or removed row breaks the chain from that point on (`ariadne audit verify`); and the
// anchors: RFC 3161 time-stamps of the chain's head from an outside authority, which show a
// removed tail and a chain rebuilt from scratch.
import {
  bigint,
  bigserial,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    /** Who acted when there is no user: "system", "cli", or the e-mail tried at a failed login. */
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    ip: text('ip'),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    /** Id of the audit key (AUDIT_KEYS) the hash was made with; null: legacy unkeyed SHA-256. */
    keyId: text('key_id'),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_actor_idx').on(t.actorUserId),
    index('audit_log_target_idx').on(t.targetType, t.targetId),
    index('audit_log_action_idx').on(t.action),
    // The viewer lists newest first and filters by time.
    index('audit_log_at_idx').on(t.at),
  ],
);

export const auditAnchors = pgTable(
  'audit_anchors',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** The chain head that was time-stamped. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    /** When we asked (our clock); genTime is the authority's. */
    anchoredAt: timestamp('anchored_at', { withTimezone: true, mode: 'string' }).notNull(),
    genTime: timestamp('gen_time', { withTimezone: true, mode: 'string' }).notNull(),
    tsaUrl: text('tsa_url').notNull(),
    /** The authority's policy OID and serial number of the token (hex). */
    policy: text('policy').notNull(),
    serial: text('serial').notNull(),
    /** The TimeStampToken (CMS ContentInfo, DER), base64. */
    token: text('token').notNull(),
  },
  (t) => [index('audit_anchors_seq_idx').on(t.seq)],
);
