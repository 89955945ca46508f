// The cases context's queries: every read and write of its tables sits here, so the service reads
// as gather → decide → write and the SQL stays in one file. Encryption of free text happens here
// too (each column with its own associated-data context), so no other file handles ciphertext.
import { randomBytes } from 'node:crypto';
import { and, asc, desc, eq, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { decryptField, encryptField, type FieldKey } from '../platform/crypto.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { caseAccessWhere } from './access-sql.js';
import type { CaseAction, CaseReader } from './domain/access.js';
import type { CaseAlertKind } from './domain/alerts.js';
import type { ConsentRecord } from './domain/consent.js';
import { aliasFrom, pseudonymFrom } from './domain/pseudonym.js';
import type { CaseStatus } from './domain/vocabulary.js';
import {
  caseAlerts,
  caseConversations,
  caseEntities,
  caseNotes,
  cases,
  caseTasks,
  caseViews,
  consents,
  riskAssessments,
} from './schema.js';

export type CaseRow = typeof cases.$inferSelect;
export type ConsentRow = typeof consents.$inferSelect;
export type TaskRow = typeof caseTasks.$inferSelect;
export type RiskRow = typeof riskAssessments.$inferSelect;
export type AlertRow = typeof caseAlerts.$inferSelect;

/** Associated-data contexts of the encrypted columns (CASES_ENCRYPTED_COLUMNS lists the same). */
export const CONTEXTS = {
  evidenceNote: 'consents.evidence_note',
  withdrawalNote: 'consents.withdrawal_note',
  riskNote: 'risk_assessments.note',
  taskTitle: 'case_tasks.title',
  noteBody: 'case_notes.body',
} as const;

export const seal = (keys: readonly FieldKey[], text: string, context: string) =>
  encryptField(keys, text, context);
export const open = (keys: readonly FieldKey[], value: string, context: string) =>
  decryptField(keys, value, context);
export const openOrNull = (keys: readonly FieldKey[], value: string | null, context: string) =>
  value === null ? null : decryptField(keys, value, context);

// ---------------------------------------------------------------------------------------------
// Cases

export async function caseRowById(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id));
  return row ?? null;
}

/** A case by id, locked for the rest of the transaction (a change decides on what it read). */
export async function caseRowForUpdate(db: DbOrTx, id: string): Promise<CaseRow | null> {
  const [row] = await db.select().from(cases).where(eq(cases.id, id)).for('update');
  return row ?? null;
}

type NewCase = Omit<typeof cases.$inferInsert, 'id' | 'pseudonym' | 'alias'>;

/** Inserts a case under a fresh pseudonym and alias; a pseudonym clash (1 in 2^40) draws again. */
export async function insertCase(db: DbOrTx, values: NewCase): Promise<CaseRow> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const [row] = await db
      .insert(cases)
      .values({
        ...values,
        pseudonym: pseudonymFrom(randomBytes(8)),
        alias: aliasFrom(randomBytes(2)),
      })
      .onConflictDoNothing({ target: cases.pseudonym })
      .returning();
    if (row) return row;
  }
  throw new AppError('internal', 'No free pseudonym was found for the case.');
}

export async function updateCaseRow(
  db: DbOrTx,
  id: string,
  values: Partial<typeof cases.$inferInsert>,
): Promise<CaseRow> {
  const [row] = await db.update(cases).set(values).where(eq(cases.id, id)).returning();
  if (!row) throw new AppError('not_found', keyed('cases.notFound', 'No such case.'));
  return row;
}

export interface CaseListFilter {
  status?: CaseStatus | undefined;
  minor?: boolean | undefined;
  /** Only cases the reader owns or is assigned to. */
  mine?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new AppError('validation_failed', 'Invalid page cursor.');
  }
  return { at, id };
}
const encodeCursor = (at: Date, id: string) =>
  Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');

/** Cases the reader may view, most recently changed first, in keyset pages. */
export async function listCaseRows(db: DbOrTx, who: CaseReader, filter: CaseListFilter) {
  const where: SQL[] = [caseAccessWhere(who, 'view_case')];
  if (filter.status) where.push(eq(cases.status, filter.status));
  if (filter.minor !== undefined) where.push(eq(cases.minor, filter.minor));
  if (filter.mine) {
    where.push(or(eq(cases.ownerId, who.id), sql`${who.id}::uuid = ANY(${cases.assigneeIds})`)!);
  }
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    where.push(sql`(${cases.updatedAt}, ${cases.id}) < (${c.at}::timestamptz, ${c.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(cases)
    .where(and(...where))
    .orderBy(desc(cases.updatedAt), desc(cases.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > filter.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
  };
}

/** The ids of the cases the reader may take `action` on, among `ids` (for the access test). */
export async function caseIdsWhere(db: DbOrTx, who: CaseReader, action: CaseAction) {
  const rows = await db.select({ id: cases.id }).from(cases).where(caseAccessWhere(who, action));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Links to conversations and entities

export async function caseOfConversation(db: DbOrTx, conversationId: string) {
  const [row] = await db
    .select({ caseId: caseConversations.caseId })
    .from(caseConversations)
    .where(eq(caseConversations.conversationId, conversationId));
  return row?.caseId ?? null;
}

export async function linkConversation(
  db: DbOrTx,
  link: { caseId: string; conversationId: string; linkedBy: string; linkedAt: Date },
) {
  const inserted = await db
    .insert(caseConversations)
    .values(link)
    .onConflictDoNothing()
    .returning();
  return inserted.length > 0;
}

export async function linkEntity(
  db: DbOrTx,
  link: { caseId: string; entityId: string; linkedBy: string; linkedAt: Date },
) {
  await db.insert(caseEntities).values(link).onConflictDoNothing();
}

export async function linksOf(db: DbOrTx, caseId: string) {
  const [conversations, entities] = await Promise.all([
    db
      .select()
      .from(caseConversations)
      .where(eq(caseConversations.caseId, caseId))
      .orderBy(asc(caseConversations.linkedAt)),
    db
      .select()
      .from(caseEntities)
      .where(eq(caseEntities.caseId, caseId))
      .orderBy(asc(caseEntities.linkedAt)),
  ]);
  return { conversations, entities };
}

// ---------------------------------------------------------------------------------------------
// Consents

export async function consentRowsOf(db: DbOrTx, caseId: string): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(eq(consents.caseId, caseId))
    .orderBy(asc(consents.givenAt), asc(consents.recordedAt), asc(consents.id));
}

export function consentRecordOf(row: ConsentRow): ConsentRecord {
  return {
    id: row.id,
    scope: row.scope,
    organisationId: row.organisationId,
    fields: row.fields,
    givenAt: row.givenAt,
    expiresAt: row.expiresAt,
    withdrawnAt: row.withdrawnAt,
    declined: row.declined,
  };
}

export async function insertConsent(db: DbOrTx, values: typeof consents.$inferInsert) {
  const [row] = await db.insert(consents).values(values).returning();
  return row!;
}

export async function consentRowForUpdate(db: DbOrTx, caseId: string, consentId: string) {
  const [row] = await db
    .select()
    .from(consents)
    .where(and(eq(consents.id, consentId), eq(consents.caseId, caseId)))
    .for('update');
  return row ?? null;
}

export async function markConsentWithdrawn(
  db: DbOrTx,
  consentId: string,
  values: Pick<
    typeof consents.$inferInsert,
    'withdrawnAt' | 'withdrawnBy' | 'withdrawalSource' | 'withdrawalMessageId' | 'withdrawalNoteEnc'
  >,
) {
  const [row] = await db
    .update(consents)
    .set(values)
    .where(and(eq(consents.id, consentId), isNull(consents.withdrawnAt)))
    .returning();
  return row ?? null;
}

// ---------------------------------------------------------------------------------------------
// Risk assessments, tasks, notes

export async function insertRiskAssessment(
  db: DbOrTx,
  values: typeof riskAssessments.$inferInsert,
) {
  const [row] = await db.insert(riskAssessments).values(values).returning();
  return row!;
}

export async function riskAssessmentsOf(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(riskAssessments)
    .where(eq(riskAssessments.caseId, caseId))
    .orderBy(desc(riskAssessments.assessedAt), desc(riskAssessments.id));
}

export async function tasksOf(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(caseTasks)
    .where(eq(caseTasks.caseId, caseId))
    .orderBy(
      sql`${caseTasks.doneAt} IS NOT NULL`,
      sql`${caseTasks.dueAt} ASC NULLS LAST`,
      asc(caseTasks.createdAt),
    );
}

export async function taskRow(db: DbOrTx, caseId: string, taskId: string) {
  const [row] = await db
    .select()
    .from(caseTasks)
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.caseId, caseId)));
  return row ?? null;
}

export async function insertTask(db: DbOrTx, values: typeof caseTasks.$inferInsert) {
  const [row] = await db.insert(caseTasks).values(values).returning();
  return row!;
}

export async function updateTaskRow(
  db: DbOrTx,
  taskId: string,
  values: Partial<typeof caseTasks.$inferInsert>,
) {
  const [row] = await db.update(caseTasks).set(values).where(eq(caseTasks.id, taskId)).returning();
  return row!;
}

export async function deleteTaskRow(db: DbOrTx, taskId: string) {
  await db.delete(caseTasks).where(eq(caseTasks.id, taskId));
}

/**
 * Open tasks due by `now` on cases the reader may view, held by the reader or by nobody on a case
 * they own: the console's reminders.
 */
export async function dueTaskRows(db: DbOrTx, who: CaseReader, now: Date) {
  return db
    .select({ task: caseTasks, caseAlias: cases.alias, casePseudonym: cases.pseudonym })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .where(
      and(
        caseAccessWhere(who, 'view_case'),
        isNull(caseTasks.doneAt),
        lte(caseTasks.dueAt, now),
        or(
          eq(caseTasks.assigneeId, who.id),
          and(isNull(caseTasks.assigneeId), eq(cases.ownerId, who.id)),
        ),
      ),
    )
    .orderBy(asc(caseTasks.dueAt))
    .limit(200);
}

export async function insertNote(db: DbOrTx, values: typeof caseNotes.$inferInsert) {
  const [row] = await db.insert(caseNotes).values(values).returning();
  return row!;
}

export async function notesOf(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(caseNotes)
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
}

// ---------------------------------------------------------------------------------------------
// Alerts and views

export async function raiseAlert(
  db: DbOrTx,
  values: { caseId: string; kind: CaseAlertKind; raisedAt: Date; raisedBy: string | null },
) {
  const [row] = await db.insert(caseAlerts).values(values).returning();
  return row!;
}

export async function alertsOfCase(db: DbOrTx, caseId: string) {
  return db
    .select()
    .from(caseAlerts)
    .where(eq(caseAlerts.caseId, caseId))
    .orderBy(desc(caseAlerts.raisedAt));
}

/** Alerts nobody acknowledged yet, on cases the reader may view. */
export async function openAlertRows(db: DbOrTx, who: CaseReader) {
  return db
    .select({ alert: caseAlerts, caseAlias: cases.alias, casePseudonym: cases.pseudonym })
    .from(caseAlerts)
    .innerJoin(cases, eq(cases.id, caseAlerts.caseId))
    .where(and(caseAccessWhere(who, 'view_case'), isNull(caseAlerts.acknowledgedAt)))
    .orderBy(asc(caseAlerts.raisedAt))
    .limit(200);
}

export async function acknowledgeAlertRow(db: DbOrTx, alertId: string, by: string, at: Date) {
  const [row] = await db
    .update(caseAlerts)
    .set({ acknowledgedAt: at, acknowledgedBy: by })
    .where(and(eq(caseAlerts.id, alertId), isNull(caseAlerts.acknowledgedAt)))
    .returning();
  return row ?? null;
}

export async function alertRow(db: DbOrTx, alertId: string) {
  const [row] = await db.select().from(caseAlerts).where(eq(caseAlerts.id, alertId));
  return row ?? null;
}

export async function recordView(
  db: DbOrTx,
  values: {
    caseId: string;
    userId: string | null;
    userLabel: string;
    part: 'case' | 'notes';
    viewedAt: Date;
  },
) {
  await db.insert(caseViews).values(values);
}

export async function viewsOf(db: DbOrTx, caseId: string, limit = 500) {
  return db
    .select()
    .from(caseViews)
    .where(eq(caseViews.caseId, caseId))
    .orderBy(desc(caseViews.viewedAt), desc(caseViews.id))
    .limit(limit);
}
