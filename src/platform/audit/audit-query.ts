// Reading the audit log for the viewer (console and `ariadne audit list`): entries filtered by
// who, what, which record and when, newest first, paged by sequence number (keyset, so a page stays
// stable while new entries arrive); and "who viewed this record" for an ad, an entity or a
// conversation. Reading the log is itself audited by the callers (routes, CLI).
import { and, desc, eq, gte, like, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { systemClock } from '../clock.js';
import type { DbOrTx } from '../db/connect.js';
import { auditLog } from './schema.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const AuditListQuery = z.object({
  /** A user id, or an actor label ("cli", "system", an e-mail), matched without case. */
  user: z.string().trim().min(1).max(320).optional(),
  /** An action ("ad.read"), or a prefix ending in * ("auth.*"). */
  action: z
    .string()
    .trim()
    .regex(/^[a-z0-9_.]+\*?$/i, 'expected an action such as ad.read, or a prefix such as auth.*')
    .max(120)
    .optional(),
  targetType: z.string().trim().min(1).max(60).optional(),
  targetId: z.string().trim().min(1).max(200).optional(),
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** Keyset cursor: entries with a sequence number below this one. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  /** What the action recorded (a name, counts, a reason): its keys differ by action, so it is open
   * by nature, and the API contract test admits it by name. */
  details: z.record(z.string(), z.unknown()).meta({
    id: 'AuditDetails',
    description: 'What the action recorded; its keys differ by action',
  }),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  keyId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const AuditPage = z.object({
  entries: z.array(AuditEntryView),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

function conditions(q: AuditListQuery): SQL[] {
  const where: SQL[] = [];
  if (q.user) {
    where.push(
      uuidPattern.test(q.user)
        ? eq(auditLog.actorUserId, q.user.toLowerCase())
        : sql`lower(${auditLog.actorLabel}) = ${q.user.toLowerCase()}`,
    );
  }
  if (q.action) {
    where.push(
      q.action.endsWith('*')
        ? like(auditLog.action, `${q.action.slice(0, -1).replace(/[\\%_]/g, '\\$&')}%`)
        : eq(auditLog.action, q.action),
    );
  }
  if (q.targetType) where.push(eq(auditLog.targetType, q.targetType));
  if (q.targetId) where.push(eq(auditLog.targetId, q.targetId));
  if (q.since) where.push(gte(auditLog.at, new Date(q.since).toISOString()));
  if (q.until) where.push(lt(auditLog.at, new Date(q.until).toISOString()));
  if (q.before) where.push(lt(auditLog.seq, q.before));
  return where;
}

const toView = (row: typeof auditLog.$inferSelect): AuditEntryView => ({
  seq: row.seq,
  at: new Date(row.at).toISOString(),
  actorUserId: row.actorUserId,
  actorLabel: row.actorLabel,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  details: row.details,
  ip: row.ip,
  requestId: row.requestId,
  keyId: row.keyId,
});

/** One page of entries matching the filters, newest first. */
export async function listAuditEntries(db: DbOrTx, q: AuditListQuery): Promise<AuditPage> {
  const where = conditions(q);
  const rows = await db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.seq))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(toView),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.seq : null,
  };
}

export const RECORD_KINDS = ['ad', 'entity', 'conversation'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** The actions that count as reading a record of each kind (opening it, revealing from it, exporting it). */
export const RECORD_READS: Record<RecordKind, { targetType: string; actions: readonly string[] }> =
  {
    ad: { targetType: 'ad', actions: ['ad.read', 'identifier.reveal', 'captures.export'] },
    entity: { targetType: 'entity', actions: ['entity.read'] },
    conversation: { targetType: 'conversation', actions: ['conversation.open'] },
  };

export const RecordView = z.object({
  seq: z.number(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
});
export const RecordViews = z.object({
  views: z.array(RecordView),
  nextBefore: z.number().nullable(),
});
export type RecordViews = z.infer<typeof RecordViews>;

/** Who read one record, newest first: actor, time and how (opened, revealed, exported). */
export async function recordViews(
  db: DbOrTx,
  kind: RecordKind,
  id: string,
  page: { before?: number | undefined; limit: number },
): Promise<RecordViews> {
  const reads = RECORD_READS[kind];
  const rows = await db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorLabel: auditLog.actorLabel,
      action: auditLog.action,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, reads.targetType),
        eq(auditLog.targetId, id),
        sql`${auditLog.action} in (${sql.join(
          reads.actions.map((a) => sql`${a}`),
          sql`, `,
        )})`,
        page.before ? lt(auditLog.seq, page.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  return {
    views: shown.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
    nextBefore: rows.length > page.limit ? shown[shown.length - 1]!.seq : null,
  };
}

/** The actions the log holds, for the viewer's filter. */
export async function auditActions(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(auditLog.action);
  return rows.map((r) => r.action);
}

/**
 * Whether this user's read of this record is already on record from the last `withinMs` (with
 * these top-level details, when given): reads repeated in a short window — a page that refreshes,
 * a dialog that checks every minute — are told by one entry, not one per repeat.
 */
export async function readRecordedLately(
  db: DbOrTx,
  read: {
    userId: string | null;
    action: string;
    targetType: string;
    targetId: string;
    withinMs: number;
    details?: Record<string, string | null>;
  },
): Promise<boolean> {
  if (!read.userId) return false;
  // Measured on the clock the log stamps its entries with (the system clock): comparing them
  // with another clock's "now" would make the window wrong by the difference.
  const since = new Date(systemClock.now().getTime() - read.withinMs).toISOString();
  const [row] = await db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.targetType, read.targetType),
        eq(auditLog.targetId, read.targetId),
        eq(auditLog.action, read.action),
        eq(auditLog.actorUserId, read.userId),
        sql`${auditLog.at} > ${since}`,
        ...Object.entries(read.details ?? {}).map(([k, v]) =>
          v === null
            ? sql`${auditLog.details}->>${k} IS NULL`
            : sql`${auditLog.details}->>${k} = ${v}`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}
