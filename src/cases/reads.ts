// Reading cases: the list (filtered in SQL by the access rules), one case with everything the case
// page shows, its notes, who viewed it, the reader's due tasks and the supervisors' open alerts.
// A read of one case or its notes is checked against the rules, recorded as a view and audited;
// the presenters here decide which fields leave the server (decrypted only on the way out).
import type { Actor } from '../platform/actor.js';
import type { FieldKey } from '../platform/crypto.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import type { ShareableField } from './domain/vocabulary.js';
import { entityAliases } from '../link/index.js';
import { conversationById, messageById } from '../outreach/index.js';
import { allowedCaseActions, mayOnCase, type CaseReader } from './domain/access.js';
import { receivesCaseAlerts } from './domain/alerts.js';
import { checkStatusChange, STATUS_TRANSITIONS } from './domain/status.js';
import { consentState, mayContactAgain, mayKeepData } from './domain/consent.js';
import { recordCaseRead, readerOf, requireCase, type CasesDeps } from './service.js';
import {
  alertsOfCase,
  caseRowById,
  consentRecordOf,
  consentRowsOf,
  CONTEXTS,
  dueTaskRows,
  linksOf,
  listCaseRows,
  notesOf,
  open,
  openAlertRows,
  openOrNull,
  riskAssessmentsOf,
  tasksOf,
  viewsOf,
  type AlertRow,
  type CaseListFilter,
  type CaseRow,
  type ConsentRow,
  type RiskRow,
  type TaskRow,
} from './store.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function presentCaseListItem(c: CaseRow) {
  return {
    id: c.id,
    pseudonym: c.pseudonym,
    alias: c.alias,
    status: c.status,
    outcome: c.outcome,
    ownerId: c.ownerId,
    minor: c.minor,
    needs: c.needs,
    placeName: c.placeName,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function presentCase(c: CaseRow) {
  return {
    ...presentCaseListItem(c),
    origin: c.origin,
    assigneeIds: c.assigneeIds,
    gender: c.gender,
    age: c.age,
    languages: c.languages,
    placeId: c.placeId,
    nationality: c.nationality,
    exploitationTypes: c.exploitationTypes,
    closedAt: iso(c.closedAt),
  };
}

export function presentTask(keys: readonly FieldKey[], t: TaskRow, now: Date) {
  return {
    id: t.id,
    title: open(keys, t.titleEnc, CONTEXTS.taskTitle),
    dueAt: iso(t.dueAt),
    assigneeId: t.assigneeId,
    doneAt: iso(t.doneAt),
    doneBy: t.doneBy,
    due: !t.doneAt && t.dueAt !== null && t.dueAt.getTime() <= now.getTime(),
    createdBy: t.createdBy,
    createdAt: t.createdAt.toISOString(),
  };
}

export function presentRisk(keys: readonly FieldKey[], r: RiskRow) {
  return {
    id: r.id,
    assessedAt: r.assessedAt.toISOString(),
    level: r.level,
    answers: r.answers,
    note: openOrNull(keys, r.noteEnc, CONTEXTS.riskNote),
    assessedBy: r.assessedBy,
  };
}

export function presentAlert(a: AlertRow) {
  return {
    id: a.id,
    caseId: a.caseId,
    kind: a.kind,
    raisedAt: a.raisedAt.toISOString(),
    raisedBy: a.raisedBy,
    acknowledgedAt: iso(a.acknowledgedAt),
    acknowledgedBy: a.acknowledgedBy,
  };
}

async function presentEvidence(
  deps: CasesDeps,
  source: ConsentRow['source'],
  messageId: string | null,
  noteEnc: string | null,
  noteContext: string,
) {
  const message = messageId ? await messageById(deps.db, deps.config, messageId) : null;
  return {
    source,
    messageId,
    messageText: message?.body ?? null,
    messageAt: iso(message?.createdAt ?? null),
    note: openOrNull(deps.config.secrets.fieldKeys, noteEnc, noteContext),
  };
}

export async function presentConsent(deps: CasesDeps, c: ConsentRow, now: Date) {
  return {
    id: c.id,
    scope: c.scope,
    organisationId: c.organisationId,
    fields: c.fields,
    givenAt: c.givenAt.toISOString(),
    expiresAt: iso(c.expiresAt),
    state: consentState(consentRecordOf(c), now),
    evidence: await presentEvidence(
      deps,
      c.source,
      c.evidenceMessageId,
      c.evidenceNoteEnc,
      CONTEXTS.evidenceNote,
    ),
    recordedBy: c.recordedBy,
    recordedAt: c.recordedAt.toISOString(),
    withdrawnAt: iso(c.withdrawnAt),
    withdrawnBy: c.withdrawnBy,
    withdrawal: c.withdrawalSource
      ? await presentEvidence(
          deps,
          c.withdrawalSource,
          c.withdrawalMessageId,
          c.withdrawalNoteEnc,
          CONTEXTS.withdrawalNote,
        )
      : null,
  };
}

export async function listCases(deps: CasesDeps, actor: Actor, filter: CaseListFilter) {
  const { rows, nextCursor } = await listCaseRows(deps.db, readerOf(actor), filter);
  return { items: rows.map(presentCaseListItem), nextCursor };
}

/** The statuses the reader may move this case to now (closing asks for an outcome besides). */
export function nextStatusesFor(who: CaseReader, c: CaseRow) {
  return STATUS_TRANSITIONS[c.status].filter((to) => {
    const verdict = checkStatusChange(c.status, to, to === 'closed' ? 'other' : null);
    return verdict.allowed && mayOnCase(who, verdict.action, c);
  });
}

/** One case, all the case page shows: checked, recorded as a view, audited. */
export async function readCase(deps: CasesDeps, actor: Actor, caseId: string) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  const keys = deps.config.secrets.fieldKeys;
  const c = await requireCase(deps.db, who, caseId, 'view_case');
  await recordCaseRead(deps.db, actor, caseId, 'case', now);
  const [consentRows, risks, tasks, alerts, links] = await Promise.all([
    consentRowsOf(deps.db, caseId),
    riskAssessmentsOf(deps.db, caseId),
    tasksOf(deps.db, caseId),
    alertsOfCase(deps.db, caseId),
    linksOf(deps.db, caseId),
  ]);
  const records = consentRows.map(consentRecordOf);
  const conversations = [];
  for (const link of links.conversations) {
    // A thread erased under retention or a subject's request leaves the case readable.
    const conv = await conversationById(deps.db, link.conversationId).catch((err: unknown) => {
      if (err instanceof AppError && err.code === 'not_found') return null;
      throw err;
    });
    if (!conv) continue;
    conversations.push({
      conversationId: conv.id,
      kind: conv.kind,
      status: conv.status,
      lastMessageAt: (conv.lastMessageAt ?? conv.createdAt).toISOString(),
      linkedAt: link.linkedAt.toISOString(),
    });
  }
  const aliases = await entityAliases(
    deps.db,
    links.entities.map((e) => e.entityId),
  );
  const consentViews = [];
  for (const row of consentRows) consentViews.push(await presentConsent(deps, row, now));
  return {
    case: presentCase(c),
    actions: allowedCaseActions(who, c),
    nextStatuses: nextStatusesFor(who, c),
    consent: {
      mayContactAgain: mayContactAgain(records, now),
      mayKeepData: mayKeepData(records, now),
      records: consentViews,
    },
    risk: risks.map((r) => presentRisk(keys, r)),
    tasks: tasks.map((t) => presentTask(keys, t, now)),
    alerts: alerts.map(presentAlert),
    conversations,
    entities: links.entities.map((e) => ({
      entityId: e.entityId,
      alias: aliases.get(e.entityId) ?? null,
      linkedAt: e.linkedAt.toISOString(),
      mayBeControllers: true as const,
    })),
  };
}

/** The case's notes, newest first: a read of its own (recorded and audited as such). */
export async function readCaseNotes(deps: CasesDeps, actor: Actor, caseId: string) {
  const who = readerOf(actor);
  await requireCase(deps.db, who, caseId, 'view_notes');
  await recordCaseRead(deps.db, actor, caseId, 'notes', deps.clock.now());
  const keys = deps.config.secrets.fieldKeys;
  return (await notesOf(deps.db, caseId)).map((n) => ({
    id: n.id,
    text: open(keys, n.bodyEnc, CONTEXTS.noteBody),
    authorId: n.authorId,
    createdAt: n.createdAt.toISOString(),
  }));
}

/** Who viewed this case and when (the owner and supervisors see it). */
export async function caseViewers(deps: CasesDeps, actor: Actor, caseId: string) {
  await requireCase(deps.db, readerOf(actor), caseId, 'view_viewers');
  return (await viewsOf(deps.db, caseId)).map((v) => ({
    userId: v.userId,
    userLabel: v.userLabel,
    part: v.part,
    viewedAt: v.viewedAt.toISOString(),
  }));
}

/** The reader's open tasks that are due now: the console's reminders. */
export async function dueTasks(deps: CasesDeps, actor: Actor) {
  const now = deps.clock.now();
  const keys = deps.config.secrets.fieldKeys;
  const rows = await dueTaskRows(deps.db, readerOf(actor), now);
  return rows.map((r) => ({
    ...presentTask(keys, r.task, now),
    caseId: r.task.caseId,
    caseAlias: r.caseAlias,
    casePseudonym: r.casePseudonym,
  }));
}

/** Alerts no supervisor acknowledged yet (only supervisors get them). */
export async function openAlerts(deps: CasesDeps, actor: Actor) {
  const who = readerOf(actor);
  if (!receivesCaseAlerts(who)) return [];
  const rows = await openAlertRows(deps.db, who);
  return rows.map((r) => ({
    ...presentAlert(r.alert),
    caseAlias: r.caseAlias,
    casePseudonym: r.casePseudonym,
  }));
}

/** What a case itself holds of each shareable field; the rest (contact, hand-off note, excerpt)
 * comes from elsewhere. A risk summary is the latest level and the concerns answered "yes", never
 * the assessment's note. */
export interface CaseFieldValues {
  alias?: string;
  age?: number | null;
  gender?: string | null;
  languages?: string[];
  place?: { id: string | null; name: string | null };
  needs?: string[];
  risk_summary?: { level: string; assessedAt: string; concerns: string[] } | null;
}

/**
 * The values of `fields` for a referral: only the fields asked for (the caller asked checkShare or
 * checkReferral first), read without a view record (the referral is audited where it is made).
 */
export async function caseFieldValues(
  db: DbOrTx,
  caseId: string,
  fields: readonly ShareableField[],
): Promise<CaseFieldValues> {
  const c = await caseRowById(db, caseId);
  if (!c) throw new AppError('not_found', keyed('cases.notFound', 'No such case.'));
  const out: CaseFieldValues = {};
  const want = (f: ShareableField) => fields.includes(f);
  if (want('alias')) out.alias = c.alias;
  if (want('age')) out.age = c.age;
  if (want('gender')) out.gender = c.gender;
  if (want('languages')) out.languages = c.languages;
  if (want('place')) out.place = { id: c.placeId, name: c.placeName };
  if (want('needs')) out.needs = c.needs;
  if (want('risk_summary')) {
    const [latest] = await riskAssessmentsOf(db, caseId);
    out.risk_summary = latest
      ? {
          level: latest.level,
          assessedAt: latest.assessedAt.toISOString(),
          concerns: Object.entries(latest.answers)
            .filter(([, a]) => a === 'yes')
            .map(([q]) => q)
            .sort(),
        }
      : null;
  }
  return out;
}
