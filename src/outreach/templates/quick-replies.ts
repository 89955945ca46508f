// Quick replies: the organisation's short answers (opening hours, "you can write to us any time",
// how to reach a shelter) that a worker drops into a reply. They are free text, so the compose
// rules decide whether they may go (only once the person has written); here they are only kept:
// written by workers and supervisors, removed by their author or a supervisor, changes audited.
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { OutreachLanguage } from '../domain/index.js';
import { outreachQuickReplies } from '../schema.js';

export const QuickReplyInput = z
  .object({
    language: OutreachLanguage,
    title: z.string().trim().min(1).max(80),
    text: z.string().trim().min(1).max(1000),
  })
  .strict();
export type QuickReplyInput = z.input<typeof QuickReplyInput>;

type Row = typeof outreachQuickReplies.$inferSelect;

function present(r: Row) {
  return {
    id: r.id,
    language: r.language,
    title: r.title,
    text: r.text,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
  };
}

export async function listQuickReplies(db: DbOrTx, filter: { language?: string } = {}) {
  const where: SQL[] = [];
  if (filter.language) where.push(eq(outreachQuickReplies.language, filter.language));
  const rows = await db
    .select()
    .from(outreachQuickReplies)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(outreachQuickReplies.language), asc(outreachQuickReplies.title))
    .limit(500);
  return rows.map(present);
}

export async function createQuickReply(db: DbOrTx, actor: Actor, input: QuickReplyInput) {
  const q = QuickReplyInput.parse(input);
  const [row] = await db
    .insert(outreachQuickReplies)
    .values({ ...q, createdBy: actor.userId })
    .returning();
  if (!row) throw new AppError('internal', 'The quick reply could not be stored.');
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.quick_reply_create',
    targetType: 'outreach_quick_reply',
    targetId: row.id,
    details: { language: q.language, title: q.title },
  });
  return present(row);
}

/** Removes a quick reply: its author or a supervisor. */
export async function deleteQuickReply(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db.select().from(outreachQuickReplies).where(eq(outreachQuickReplies.id, id));
  if (!row)
    throw new AppError('not_found', keyed('outreach.quickReplyNotFound', 'No such quick reply.'));
  if (actor.role !== 'supervisor' && row.createdBy !== actor.userId) {
    throw new AppError(
      'forbidden',
      keyed(
        'outreach.quickReplyAuthorOnly',
        'Only its author or a supervisor removes a quick reply.',
      ),
    );
  }
  await db.delete(outreachQuickReplies).where(eq(outreachQuickReplies.id, id));
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.quick_reply_delete',
    targetType: 'outreach_quick_reply',
    targetId: id,
    details: { language: row.language, title: row.title },
  });
}
