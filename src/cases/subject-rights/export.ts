// A subject export: everything the program holds about a case's person in one bundle (the case,
// consents with their withdrawals, the conversations with their messages, referrals with what they
// carried and their history, and, if the person asked, tasks and notes), as JSON or as one
// self-contained HTML page (no scripts, no outside resources, every value escaped). Downloading it
// is a supervisor's or the case owner's, and audited with its counts only.
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { decryptField } from '../../platform/crypto.js';
import { AppError, keyed } from '../../platform/errors.js';
import { conversationById, messagesOfConversation } from '../../outreach/index.js';
import { referralEvents, referrals } from '../referrals/schema.js';
import { caseConversations, caseNotes, caseTasks, consents } from '../schema.js';
import { readerOf, requireCase } from '../service.js';
import { CONTEXTS, openOrNull } from '../store.js';
import type { SubjectRightsDeps } from './erasure.js';

export const ExportQuery = z.object({
  format: z.enum(['json', 'html']).default('json'),
  /** Tasks and notes are the workers' own writing: included when the person asked for them. */
  notes: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
});
export type ExportQuery = z.infer<typeof ExportQuery>;

const when = z.string();
const maybe = z.string().nullable();
/** The bundle, field by field: what the JSON download carries and the HTML page shows. */
export const SubjectExport = z
  .object({
    generatedAt: when,
    case: z.object({
      pseudonym: z.string(),
      alias: z.string(),
      status: z.string(),
      outcome: maybe,
      openedAt: when,
      closedAt: maybe,
      gender: maybe,
      age: z.number().nullable(),
      languages: z.array(z.string()),
      place: maybe,
      nationality: maybe,
      exploitationTypes: z.array(z.string()),
      needs: z.array(z.string()),
    }),
    consents: z.array(
      z.object({
        scope: z.string(),
        fields: z.array(z.string()),
        givenAt: when,
        expiresAt: maybe,
        source: z.string(),
        note: maybe,
        withdrawnAt: maybe,
        withdrawalNote: maybe,
      }),
    ),
    conversations: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        messages: z.array(z.object({ direction: z.string(), at: when, text: z.string() })),
      }),
    ),
    referrals: z.array(
      z.object({
        id: z.string(),
        state: z.string(),
        legalBasis: z.string(),
        sentAt: when,
        fields: z.array(z.string()),
        shared: z.string(),
        handoffNote: maybe,
        history: z.array(z.object({ step: z.string(), by: z.string(), at: when })),
      }),
    ),
    tasks: z.array(z.object({ title: z.string(), dueAt: maybe, doneAt: maybe })).nullable(),
    notes: z.array(z.object({ at: when, text: z.string() })).nullable(),
  })
  .meta({ id: 'SubjectExport' });
export type SubjectExport = z.infer<typeof SubjectExport>;

type Value =
  string | number | boolean | null | undefined | readonly Value[] | { [k: string]: Value };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const REFERRAL_CONTEXTS = { snapshot: 'referrals.snapshot', note: 'referrals.handoff_note' };

export async function subjectExport(
  deps: SubjectRightsDeps,
  actor: Actor,
  caseId: string,
  query: ExportQuery,
): Promise<SubjectExport> {
  const who = readerOf(actor);
  const { db } = deps;
  const keys = deps.config.secrets.fieldKeys;
  const row = await requireCase(db, who, caseId, 'view_case');
  if (who.role !== 'supervisor' && row.ownerId !== who.id) {
    throw new AppError(
      'forbidden',
      keyed('cases.subjectExportWho', "A subject export is for a supervisor or the case's owner."),
    );
  }
  const consentRows = await db
    .select()
    .from(consents)
    .where(eq(consents.caseId, caseId))
    .orderBy(asc(consents.givenAt), asc(consents.id));
  const threads = await db
    .select({ id: caseConversations.conversationId })
    .from(caseConversations)
    .where(eq(caseConversations.caseId, caseId))
    .orderBy(asc(caseConversations.linkedAt));
  const conversations = [];
  for (const t of threads) {
    const conv = await conversationById(db, t.id);
    const messages = await messagesOfConversation(db, deps.config, t.id);
    conversations.push({
      id: t.id,
      kind: conv.kind,
      messages: messages.map((m) => ({
        direction: m.direction,
        at: m.createdAt.toISOString(),
        text: m.body,
      })),
    });
  }
  const referralRows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, caseId))
    .orderBy(asc(referrals.sentAt));
  const referralList = [];
  for (const r of referralRows) {
    const events = await db
      .select()
      .from(referralEvents)
      .where(eq(referralEvents.referralId, r.id))
      .orderBy(asc(referralEvents.seq));
    referralList.push({
      id: r.id,
      state: r.state,
      legalBasis: r.legalBasis,
      sentAt: r.sentAt.toISOString(),
      fields: r.fields,
      shared: decryptField(keys, r.snapshotEnc, REFERRAL_CONTEXTS.snapshot),
      handoffNote: openOrNull(keys, r.handoffNoteEnc, REFERRAL_CONTEXTS.note),
      history: events.map((e) => ({ step: e.kind, by: e.actor, at: e.at.toISOString() })),
    });
  }
  const tasks = query.notes
    ? (await db.select().from(caseTasks).where(eq(caseTasks.caseId, caseId))).map((t) => ({
        title: decryptField(keys, t.titleEnc, CONTEXTS.taskTitle),
        dueAt: iso(t.dueAt),
        doneAt: iso(t.doneAt),
      }))
    : null;
  const notes = query.notes
    ? (
        await db
          .select()
          .from(caseNotes)
          .where(eq(caseNotes.caseId, caseId))
          .orderBy(asc(caseNotes.createdAt))
      ).map((n) => ({
        at: n.createdAt.toISOString(),
        text: decryptField(keys, n.bodyEnc, CONTEXTS.noteBody),
      }))
    : null;
  const bundle: SubjectExport = {
    generatedAt: deps.clock.now().toISOString(),
    case: {
      pseudonym: row.pseudonym,
      alias: row.alias,
      status: row.status,
      outcome: row.outcome,
      openedAt: row.createdAt.toISOString(),
      closedAt: iso(row.closedAt),
      gender: row.gender,
      age: row.age,
      languages: row.languages,
      place: row.placeName,
      nationality: row.nationality,
      exploitationTypes: row.exploitationTypes,
      needs: row.needs,
    },
    consents: consentRows.map((c) => ({
      scope: c.scope,
      fields: c.fields,
      givenAt: c.givenAt.toISOString(),
      expiresAt: iso(c.expiresAt),
      source: c.source,
      note: openOrNull(keys, c.evidenceNoteEnc, CONTEXTS.evidenceNote),
      withdrawnAt: iso(c.withdrawnAt),
      withdrawalNote: openOrNull(keys, c.withdrawalNoteEnc, CONTEXTS.withdrawalNote),
    })),
    conversations,
    referrals: referralList,
    tasks,
    notes,
  };
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'case.subject_export',
    targetType: 'case',
    targetId: caseId,
    details: {
      format: query.format,
      consents: bundle.consents.length,
      conversations: conversations.length,
      referrals: referralList.length,
      notes: query.notes,
    },
  });
  // The schema is the contract of the download: a field leaves only if it is named there.
  return SubjectExport.parse(bundle);
}

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

const label = (key: string) => escapeHtml(key.replace(/([A-Z])/g, ' $1').toLowerCase());

function renderValue(v: Value): string {
  if (v === null || v === undefined) return '<span class="none">—</span>';
  if (Array.isArray(v)) {
    const items = v as readonly Value[];
    if (items.length === 0) return '<span class="none">—</span>';
    return items.every((x) => typeof x !== 'object' || x === null)
      ? escapeHtml(items.map((x) => String(x ?? '—')).join(', '))
      : `<ol>${items.map((x) => `<li>${renderValue(x)}</li>`).join('')}</ol>`;
  }
  if (typeof v === 'object') return renderRecord(v);
  return escapeHtml(String(v));
}

function renderRecord(r: object): string {
  const rows = Object.entries(r as Record<string, Value>)
    .map(([k, v]) => `<tr><th scope="row">${label(k)}</th><td>${renderValue(v)}</td></tr>`)
    .join('');
  return `<table>${rows}</table>`;
}

function section(title: string, items: readonly object[] | null): string {
  if (items === null) return '';
  const body = items.length
    ? items.map((i) => `<article>${renderRecord(i)}</article>`).join('')
    : '<p class="none">None.</p>';
  return `<section><h2>${escapeHtml(title)}</h2>${body}</section>`;
}

/** One page, readable offline and printable; a strict CSP keeps anything active out of it. */
export function renderSubjectExportHtml(bundle: SubjectExport): string {
  const title = `Data held about ${bundle.case.pseudonym}`;
  const conversations = bundle.conversations.map((c) => ({
    kind: c.kind,
    messages: c.messages,
  }));
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}',
    'table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;',
    'text-align:left;vertical-align:top}th{background:#f4f4f4;font-weight:600}.none{color:#666}',
    'article{margin-bottom:1rem}</style></head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p>Generated ${escapeHtml(bundle.generatedAt)}.</p>`,
    section('Case', [bundle.case]),
    section('Consents', bundle.consents),
    section('Conversations', conversations),
    section('Referrals', bundle.referrals),
    section('Tasks', bundle.tasks),
    section('Notes', bundle.notes),
    '</body></html>',
  ].join('\n');
}
