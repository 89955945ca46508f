// What can be done with a case, each as one function: open it (from a conversation, carrying the
// thread and its entity, or by hand; or from a thread with the consent given in it, in one step,
// as the chat line does), list and read it (every read recorded as a view and in the audit log),
// change its facts, needs, status and team, assess risk, record and withdraw consent, keep tasks
// and notes. Each gathers what it depends on, asks the pure rules (access, status,
// consent) and only then writes, inside one transaction that also writes the audit entry.
import { partnerById } from './partners/store.js';
import { z } from 'zod';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import { findUserById } from '../platform/auth/users.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed, type KeyedMessage } from '../platform/errors.js';
import { conversationById, messageById, type ConversationRow } from '../outreach/index.js';
import { mayOnCase, type CaseAction, type CaseReader } from './domain/access.js';
import { receivesCaseAlerts, startsChildProtocol } from './domain/alerts.js';
import {
  EXPLOITATION_TYPES,
  GENDERS,
  isMinor,
  RISK_ANSWERS,
  RISK_LEVELS,
  RISK_QUESTIONS,
} from './domain/case-facts.js';
import { consentDraftProblems, type ConsentRecord, type DraftProblem } from './domain/consent.js';
import { checkStatusChange } from './domain/status.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONSENT_SCOPES,
  CONSENT_SOURCES,
  NEEDS,
  SHAREABLE_FIELDS,
  type ConsentScope,
  type ConsentSource,
} from './domain/vocabulary.js';
import {
  acknowledgeAlertRow,
  alertRow,
  caseOfConversation,
  caseRowById,
  caseRowForUpdate,
  consentRecordOf,
  consentRowForUpdate,
  consentRowsOf,
  CONTEXTS,
  deleteTaskRow,
  insertCase,
  insertConsent,
  insertNote,
  insertRiskAssessment,
  insertTask,
  linkConversation,
  linkEntity,
  markConsentWithdrawn,
  raiseAlert,
  recordView,
  seal,
  taskRow,
  updateCaseRow,
  updateTaskRow,
  type CaseRow,
  type ConsentRow,
} from './store.js';

/** What happened when a consent was withdrawn: enough for referrals to end what rested on it. */
export interface ConsentWithdrawn {
  caseId: string;
  consentId: string;
  scope: ConsentScope;
  organisationId: string | null;
  withdrawnAt: Date;
  withdrawnBy: string;
}

/**
 * Calls out of the cases core that the composition root wires (referrals and the partner
 * directory are built beside it and must not be imported by it).
 */
export interface CasesHooks {
  /**
   * Runs inside the withdrawal's transaction: whatever rested on the consent (a referral's
   * access, a secure link) ends in the same commit as the withdrawal, or neither happens and the
   * worker is told to try again. A withdrawal is never recorded while a share lives on.
   */
  onConsentWithdrawn?: (event: ConsentWithdrawn, tx: DbOrTx) => Promise<void>;
}

export interface CasesDeps {
  db: Db;
  config: Config;
  clock: Clock;
  hooks?: CasesHooks;
}

const MAX_TEXT = 8000;

/** The reader behind an actor; the CLI and the system are no one's colleague and read no case. */
export function readerOf(actor: Actor): CaseReader {
  if (!actor.userId || !actor.role) {
    throw new AppError(
      'forbidden',
      keyed('cases.staffOnly', 'Cases are read by signed-in staff only.'),
    );
  }
  return { id: actor.userId, role: actor.role };
}

/**
 * The case, if the reader may take `action` on it. A case the reader may not even view is "not
 * found" (its existence is not theirs to learn); one they may view but not act on is forbidden.
 */
export async function requireCase(
  db: DbOrTx,
  who: CaseReader,
  caseId: string,
  action: CaseAction,
  opts: { forUpdate?: boolean } = {},
): Promise<CaseRow> {
  const row = opts.forUpdate ? await caseRowForUpdate(db, caseId) : await caseRowById(db, caseId);
  if (!row || !mayOnCase(who, 'view_case', row)) {
    throw new AppError('not_found', keyed('cases.notFound', 'No such case.'));
  }
  if (!mayOnCase(who, action, row)) {
    throw new AppError(
      'forbidden',
      keyed('cases.noPermission', 'You do not have permission to do this on this case.'),
    );
  }
  return row;
}

async function audit(db: DbOrTx, actor: Actor, action: string, caseId: string, details = {}) {
  await appendAudit(db, {
    ...auditFields(actor),
    action,
    targetType: 'case',
    targetId: caseId,
    details,
  });
}

async function alertIfMinor(
  db: DbOrTx,
  actor: Actor,
  before: { minor: boolean } | null,
  after: CaseRow,
  now: Date,
) {
  if (!startsChildProtocol(before, after)) return;
  const alert = await raiseAlert(db, {
    caseId: after.id,
    kind: 'minor',
    raisedAt: now,
    raisedBy: actor.userId,
  });
  await audit(db, actor, 'case.alert_raised', after.id, { alertId: alert.id, kind: 'minor' });
}

/**
 * The person withdrew or refused consent to keep their data: retention erases the case at its next
 * run (unless held), and the supervisors hear of it now.
 */
async function alertKeepDataEnded(db: DbOrTx, actor: Actor, caseId: string, now: Date) {
  const alert = await raiseAlert(db, {
    caseId,
    kind: 'keep_data_ended',
    raisedAt: now,
    raisedBy: actor.userId,
  });
  await audit(db, actor, 'case.alert_raised', caseId, {
    alertId: alert.id,
    kind: 'keep_data_ended',
  });
}

// ---------------------------------------------------------------------------------------------
// Opening a case

const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, 'A language is an ISO 639 code ("nl").');

export const CaseFacts = z.strictObject({
  minor: z.boolean().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  age: z.int().min(0).max(120).nullable().optional(),
  languages: z.array(LanguageCode).max(10).optional(),
  placeId: z.string().trim().min(1).max(100).nullable().optional(),
  placeName: z.string().trim().min(1).max(200).nullable().optional(),
  needs: z.array(z.enum(NEEDS)).max(NEEDS.length).optional(),
  /** ISO 3166-1 alpha-2, as HTCDS's prs_Nationality. */
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/, 'A two-letter country code (ISO 3166)')
    .nullable()
    .optional(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)).max(EXPLOITATION_TYPES.length).optional(),
});
export type CaseFacts = z.infer<typeof CaseFacts>;

export const OpenCaseInput = CaseFacts.extend({
  /** Opens the case from this conversation: it and its entity are linked. */
  conversationId: z.uuid().optional(),
});
export type OpenCaseInput = z.infer<typeof OpenCaseInput>;

const unique = <T>(xs: readonly T[]) => [...new Set(xs)];

/** The columns a facts patch sets (only what it names), with `minor` as isMinor decides. */
function factValues(current: Pick<CaseRow, 'minor' | 'age'> | null, f: CaseFacts) {
  const values: Partial<CaseRow> = {};
  if (f.gender !== undefined) values.gender = f.gender;
  if (f.age !== undefined) values.age = f.age;
  if (f.languages !== undefined) values.languages = unique(f.languages);
  if (f.placeId !== undefined) values.placeId = f.placeId;
  if (f.placeName !== undefined) values.placeName = f.placeName;
  if (f.needs !== undefined) values.needs = NEEDS.filter((n) => f.needs!.includes(n));
  if (f.nationality !== undefined) values.nationality = f.nationality;
  if (f.exploitationTypes !== undefined) {
    values.exploitationTypes = EXPLOITATION_TYPES.filter((t) => f.exploitationTypes!.includes(t));
  }
  // Once a case is about a child it stays so until someone says otherwise in so many words: an age
  // typed later does not quietly end the child protocol.
  const minorSaid = f.minor ?? current?.minor ?? false;
  values.minor = isMinor({ minor: minorSaid, age: values.age ?? current?.age ?? null });
  return values;
}

export async function openCase(deps: CasesDeps, actor: Actor, input: OpenCaseInput) {
  const { who, conversation } = await openingFacts(deps, actor, input.conversationId);
  const now = deps.clock.now();
  return deps.db.transaction((tx) => openCaseIn(tx, actor, who, conversation, input, now));
}

/** Who opens, and the thread it is opened from: refused before anything is written. */
async function openingFacts(deps: CasesDeps, actor: Actor, conversationId: string | undefined) {
  const who = readerOf(actor);
  if (!(who.role === 'outreach_worker' || who.role === 'supervisor')) {
    throw new AppError(
      'forbidden',
      keyed('cases.openedByOutreach', 'Cases are opened by outreach workers and supervisors.'),
    );
  }
  const conversation = conversationId ? await conversationById(deps.db, conversationId) : null;
  if (conversation?.assigneeId && conversation.assigneeId !== who.id && who.role !== 'supervisor') {
    throw new AppError(
      'forbidden',
      keyed(
        'cases.conversationHeldByColleague',
        'A colleague holds this conversation: they or a supervisor open its case.',
      ),
    );
  }
  return { who, conversation };
}

/** Opens the case inside the caller's transaction (the thread and its entity linked, audited). */
async function openCaseIn(
  tx: DbOrTx,
  actor: Actor,
  who: CaseReader,
  conversation: ConversationRow | null,
  input: OpenCaseInput,
  now: Date,
): Promise<CaseRow> {
  if (conversation) {
    const existing = await caseOfConversation(tx, conversation.id);
    if (existing) {
      // The console goes to the case instead, if the reader may see it; else they learn no id.
      const row = await caseRowById(tx, existing);
      const visible = row !== null && mayOnCase(who, 'view_case', row);
      throw new AppError(
        'conflict',
        keyed('cases.conversationHasCase', 'This conversation already belongs to a case.'),
        undefined,
        visible ? { caseId: existing } : undefined,
      );
    }
  }
  const { conversationId: _, ...facts } = input;
  const row = await insertCase(tx, {
    ...factValues(null, facts),
    origin: conversation ? (conversation.kind === 'chat' ? 'chat' : 'conversation') : 'manual',
    status: 'open',
    ownerId: who.id,
    createdBy: who.id,
    createdAt: now,
    updatedAt: now,
  });
  if (conversation) {
    const linked = await linkConversation(tx, {
      caseId: row.id,
      conversationId: conversation.id,
      linkedBy: who.id,
      linkedAt: now,
    });
    // Two workers opening a case from one thread at once: the second loses, whole.
    if (!linked)
      throw new AppError(
        'conflict',
        keyed('cases.conversationHasCase', 'This conversation already belongs to a case.'),
      );
    if (conversation.entityId) {
      await linkEntity(tx, {
        caseId: row.id,
        entityId: conversation.entityId,
        linkedBy: who.id,
        linkedAt: now,
      });
    }
  }
  await audit(tx, actor, 'case.open', row.id, {
    origin: row.origin,
    conversationId: conversation?.id ?? null,
    entityId: conversation?.entityId ?? null,
  });
  await alertIfMinor(tx, actor, null, row, now);
  return row;
}

/** The case a thread belongs to, when the reader may see it (else null: not theirs to learn). */
export async function visibleCaseOfConversation(
  db: DbOrTx,
  who: CaseReader,
  conversationId: string,
): Promise<string | null> {
  const caseId = await caseOfConversation(db, conversationId);
  const row = caseId ? await caseRowById(db, caseId) : null;
  return row && mayOnCase(who, 'view_case', row) ? row.id : null;
}

export const OpenCaseWithConsentInput = OpenCaseInput.extend({
  conversationId: z.uuid(),
  /** What the person agreed to in the thread, each with its evidence (none: nothing yet). */
  consents: z
    .array(z.lazy(() => ConsentInput))
    .max(10)
    .default([]),
});
export type OpenCaseWithConsentInput = z.input<typeof OpenCaseWithConsentInput>;

/**
 * Opens a case from a thread and records the consents the person gave in it, in one transaction:
 * a consent the rules refuse (a draft problem, evidence that is not the person's own message in
 * this thread) refuses the whole opening, so there is never a case with half its consent. A
 * thread that already has a case is a conflict naming that case (when the reader may see it).
 */
export async function openCaseWithConsent(
  deps: CasesDeps,
  actor: Actor,
  raw: OpenCaseWithConsentInput,
): Promise<{ case: CaseRow; consents: ConsentRow[] }> {
  const input = OpenCaseWithConsentInput.parse(raw);
  const { consents, ...opening } = input;
  const { who, conversation } = await openingFacts(deps, actor, opening.conversationId);
  const now = deps.clock.now();
  const drafts: CheckedConsent[] = [];
  for (const consent of consents) drafts.push(await checkedConsent(deps, consent, now));
  return deps.db.transaction(async (tx) => {
    const row = await openCaseIn(tx, actor, who, conversation, opening, now);
    const recorded = [];
    for (const draft of drafts)
      recorded.push(await insertConsentIn(deps, tx, actor, row.id, draft, now));
    return { case: row, consents: recorded };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading

/** Records one read of a case (or its notes): a row for "who viewed this case" and an audit entry. */
export async function recordCaseRead(
  db: DbOrTx,
  actor: Actor,
  caseId: string,
  part: 'case' | 'notes',
  now: Date,
) {
  await recordView(db, {
    caseId,
    userId: actor.userId,
    userLabel: actor.label,
    part,
    viewedAt: now,
  });
  await audit(db, actor, part === 'case' ? 'case.view' : 'case.view_notes', caseId);
}

/** A consent's evidence message, if it is one the person wrote in a thread of this case. */
async function evidenceMessage(
  deps: CasesDeps,
  db: DbOrTx,
  caseId: string,
  messageId: string,
  field: string,
) {
  const message = await messageById(db, deps.config, messageId);
  const caseOfIt = message ? await caseOfConversation(db, message.conversationId) : null;
  if (!message || caseOfIt !== caseId) {
    throw new AppError(
      'validation_failed',
      keyed('cases.evidenceNotInCase', 'The evidence is a message in a conversation of this case.'),
      undefined,
      { field },
    );
  }
  if (message.direction !== 'in') {
    throw new AppError(
      'validation_failed',
      keyed(
        'cases.evidenceNotTheirs',
        "The evidence is the person's own message, not one we sent.",
      ),
      undefined,
      { field },
    );
  }
  return message;
}

// ---------------------------------------------------------------------------------------------
// Changing a case

export async function updateCaseFacts(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  patch: CaseFacts,
) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await requireCase(tx, who, caseId, 'edit', { forUpdate: true });
    if (patch.minor === false && current.minor && who.role !== 'supervisor') {
      // Ending the child protocol is a supervisor's call, never a side effect of an edit.
      throw new AppError(
        'forbidden',
        keyed(
          'cases.notMinorSupervisorOnly',
          'Only a supervisor records that a case is not about a minor.',
        ),
      );
    }
    const values = factValues(current, patch);
    if (patch.minor === false && values.minor) {
      throw new AppError(
        'validation_failed',
        keyed('cases.ageUnder18', 'The age recorded is under 18.'),
        undefined,
        {
          field: 'minor',
        },
      );
    }
    const row = await updateCaseRow(tx, caseId, { ...values, updatedAt: now });
    await audit(tx, actor, 'case.update', caseId, { fields: Object.keys(patch).sort() });
    await alertIfMinor(tx, actor, current, row, now);
    return row;
  });
}

export const StatusChange = z.strictObject({
  status: z.enum(CASE_STATUSES),
  outcome: z.enum(CASE_OUTCOMES).nullable().optional(),
});
export type StatusChange = z.infer<typeof StatusChange>;

export async function changeCaseStatus(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  change: StatusChange,
) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const current = await requireCase(tx, who, caseId, 'view_case', { forUpdate: true });
    const verdict = checkStatusChange(current.status, change.status, change.outcome ?? null);
    if (!verdict.allowed) {
      throw new AppError('conflict', { message: verdict.message, text: verdict.text });
    }
    if (!mayOnCase(who, verdict.action, current)) {
      throw new AppError(
        'forbidden',
        keyed('cases.noPermission', 'You do not have permission to do this on this case.'),
      );
    }
    const closing = change.status === 'closed';
    const row = await updateCaseRow(tx, caseId, {
      status: change.status,
      outcome: closing ? change.outcome! : null,
      closedAt: closing ? now : null,
      closedBy: closing ? who.id : null,
      updatedAt: now,
    });
    await audit(
      tx,
      actor,
      `case.${verdict.action === 'edit' ? 'status' : verdict.action}`,
      caseId,
      {
        from: current.status,
        to: change.status,
        outcome: row.outcome,
      },
    );
    return row;
  });
}

export const AssignInput = z
  .strictObject({
    ownerId: z.uuid().optional(),
    assigneeIds: z.array(z.uuid()).max(10).optional(),
  })
  .refine((v) => v.ownerId !== undefined || v.assigneeIds !== undefined, {
    message: 'Name a new owner or the colleagues.',
  });
export type AssignInput = z.infer<typeof AssignInput>;

/** Hands the case to another owner (a supervisor) and/or sets the colleagues who work it. */
export async function assignCase(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  input: AssignInput,
) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  const people = unique([...(input.assigneeIds ?? []), ...(input.ownerId ? [input.ownerId] : [])]);
  for (const id of people) {
    const user = await findUserById(deps.db, id);
    if (
      !user ||
      user.disabledAt ||
      !(user.role === 'outreach_worker' || user.role === 'supervisor')
    ) {
      throw new AppError(
        'validation_failed',
        keyed('cases.workedByOutreach', 'Cases are worked by outreach workers and supervisors.'),
        undefined,
        {
          userId: id,
        },
      );
    }
  }
  return deps.db.transaction(async (tx) => {
    const current = await requireCase(tx, who, caseId, 'view_case', { forUpdate: true });
    const transfer = input.ownerId !== undefined && input.ownerId !== current.ownerId;
    if (transfer && !mayOnCase(who, 'transfer', current)) {
      throw new AppError(
        'forbidden',
        keyed('cases.ownerSupervisorOnly', 'Only a supervisor hands a case to another owner.'),
      );
    }
    if (input.assigneeIds !== undefined && !mayOnCase(who, 'assign', current)) {
      throw new AppError(
        'forbidden',
        keyed(
          'cases.assignOwnerOrSupervisor',
          'The owner or a supervisor chooses who works the case.',
        ),
      );
    }
    const ownerId = input.ownerId ?? current.ownerId;
    const assigneeIds = unique(input.assigneeIds ?? current.assigneeIds).filter(
      (id) => id !== ownerId,
    );
    const row = await updateCaseRow(tx, caseId, { ownerId, assigneeIds, updatedAt: now });
    await audit(tx, actor, 'case.assign', caseId, {
      owner: { from: current.ownerId, to: ownerId },
      assignees: { from: current.assigneeIds, to: assigneeIds },
    });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Risk

export const RiskInput = z.strictObject({
  level: z.enum(RISK_LEVELS),
  answers: z.partialRecord(z.enum(RISK_QUESTIONS), z.enum(RISK_ANSWERS)),
  note: z.string().trim().max(MAX_TEXT).optional(),
});
export type RiskInput = z.infer<typeof RiskInput>;

export async function assessRisk(deps: CasesDeps, actor: Actor, caseId: string, input: RiskInput) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'edit', { forUpdate: true });
    const row = await insertRiskAssessment(tx, {
      caseId,
      assessedAt: now,
      level: input.level,
      answers: input.answers,
      noteEnc: input.note
        ? seal(deps.config.secrets.fieldKeys, input.note, CONTEXTS.riskNote)
        : null,
      assessedBy: who.id,
    });
    await updateCaseRow(tx, caseId, { updatedAt: now });
    await audit(tx, actor, 'case.risk_assessed', caseId, { level: input.level });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Consent

/** How a consent or its withdrawal was given: the person's message in the thread, or a note. */
const Evidence = {
  source: z.enum(CONSENT_SOURCES),
  evidenceMessageId: z.uuid().optional(),
  note: z.string().trim().min(1).max(MAX_TEXT).optional(),
};

export const ConsentInput = z.strictObject({
  scope: z.enum(CONSENT_SCOPES),
  organisationId: z.uuid().nullable().optional(),
  fields: z.array(z.enum(SHAREABLE_FIELDS)).max(SHAREABLE_FIELDS.length).default([]),
  givenAt: z.iso.datetime({ offset: true }),
  expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /**
   * The person was asked and said no (contact_again, keep_data): recorded with its evidence like a
   * yes. Outreach then refuses to write to them; retention erases their case.
   */
  declined: z.boolean().default(false),
  ...Evidence,
});
export type ConsentInput = z.input<typeof ConsentInput>;

export const WithdrawalInput = z.strictObject(Evidence);
export type WithdrawalInput = z.infer<typeof WithdrawalInput>;

/** Message sources point at the message; notes of a call or meeting are the note. */
function evidenceProblem(
  source: ConsentSource,
  messageId?: string,
  note?: string,
): KeyedMessage | null {
  if ((source === 'message' || source === 'chat') && !messageId) {
    return keyed(
      'cases.consent.evidenceMessage',
      "Name the person's message in the thread (evidenceMessageId).",
    );
  }
  if ((source === 'call_note' || source === 'in_person_note') && !note) {
    return keyed('cases.consent.evidenceNote', 'Write down what was said (note).');
  }
  return null;
}

/** A consent as the rules accept it, or refused with every problem named (nothing written). */
async function checkedConsent(deps: CasesDeps, raw: ConsentInput, now: Date) {
  const input = ConsentInput.parse(raw);
  const draft = {
    scope: input.scope,
    organisationId: input.organisationId ?? null,
    fields: unique(input.fields),
    givenAt: new Date(input.givenAt),
    expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
    declined: input.declined,
  };
  const problems = consentDraftProblems(draft, now);
  const evidence = evidenceProblem(input.source, input.evidenceMessageId, input.note);
  if (evidence) problems.push({ field: 'evidence', ...evidence });
  if (problems.length > 0) {
    const [first] = problems as [DraftProblem];
    throw new AppError(
      'validation_failed',
      { message: first.message, text: first.text },
      undefined,
      { problems },
    );
  }
  // A consent to share names an organisation of the directory (the table's foreign key holds it
  // too; this says so in words).
  if (draft.organisationId && !(await partnerById(deps.db, draft.organisationId))) {
    throw new AppError(
      'validation_failed',
      keyed('cases.noSuchOrganisation', 'No such organisation in the directory.'),
      undefined,
      {
        field: 'organisationId',
        problems: [{ field: 'organisationId', message: 'No such organisation in the directory.' }],
      },
    );
  }
  return { draft, input };
}

type CheckedConsent = Awaited<ReturnType<typeof checkedConsent>>;

/** Stores a checked consent on a case the caller may record consent on (audited). */
async function insertConsentIn(
  deps: CasesDeps,
  tx: DbOrTx,
  actor: Actor,
  caseId: string,
  { draft, input }: CheckedConsent,
  now: Date,
): Promise<ConsentRow> {
  const who = readerOf(actor);
  await requireCase(tx, who, caseId, 'record_consent', { forUpdate: true });
  if (input.evidenceMessageId) {
    await evidenceMessage(deps, tx, caseId, input.evidenceMessageId, 'evidenceMessageId');
  }
  const keys = deps.config.secrets.fieldKeys;
  const row = await insertConsent(tx, {
    caseId,
    ...draft,
    source: input.source,
    evidenceMessageId: input.evidenceMessageId ?? null,
    evidenceNoteEnc: input.note ? seal(keys, input.note, CONTEXTS.evidenceNote) : null,
    recordedBy: who.id,
    recordedAt: now,
  });
  await updateCaseRow(tx, caseId, { updatedAt: now });
  await audit(tx, actor, 'case.consent_recorded', caseId, {
    consentId: row.id,
    scope: row.scope,
    organisationId: row.organisationId,
    fields: row.fields,
    declined: row.declined,
  });
  if (row.scope === 'keep_data' && row.declined) await alertKeepDataEnded(tx, actor, caseId, now);
  return row;
}

export async function recordConsent(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  raw: ConsentInput,
): Promise<ConsentRow> {
  readerOf(actor);
  const now = deps.clock.now();
  const checked = await checkedConsent(deps, raw, now);
  return deps.db.transaction((tx) => insertConsentIn(deps, tx, actor, caseId, checked, now));
}

/** Withdraws a consent now. What rested on it ends in the same transaction (CasesHooks). */
export async function withdrawConsent(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  consentId: string,
  input: WithdrawalInput,
): Promise<ConsentRow> {
  const who = readerOf(actor);
  const evidence = evidenceProblem(input.source, input.evidenceMessageId, input.note);
  if (evidence) {
    throw new AppError(
      'validation_failed',
      { message: evidence.message, text: evidence.text },
      undefined,
      {
        problems: [{ field: 'evidence', ...evidence }],
      },
    );
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'withdraw_consent', { forUpdate: true });
    const current = await consentRowForUpdate(tx, caseId, consentId);
    if (!current)
      throw new AppError(
        'not_found',
        keyed('cases.consentNotFound', 'No such consent on this case.'),
      );
    if (current.withdrawnAt)
      throw new AppError(
        'conflict',
        keyed('cases.consentWithdrawn', 'This consent was already withdrawn.'),
      );
    if (current.declined) {
      throw new AppError(
        'conflict',
        keyed(
          'cases.consentDeclined',
          'The person said no here: there is nothing to withdraw. Record their consent if they give it.',
        ),
      );
    }
    if (input.evidenceMessageId) {
      await evidenceMessage(deps, tx, caseId, input.evidenceMessageId, 'evidenceMessageId');
    }
    const keys = deps.config.secrets.fieldKeys;
    const row = await markConsentWithdrawn(tx, consentId, {
      withdrawnAt: now,
      withdrawnBy: who.id,
      withdrawalSource: input.source,
      withdrawalMessageId: input.evidenceMessageId ?? null,
      withdrawalNoteEnc: input.note ? seal(keys, input.note, CONTEXTS.withdrawalNote) : null,
    });
    if (!row)
      throw new AppError(
        'conflict',
        keyed('cases.consentWithdrawn', 'This consent was already withdrawn.'),
      );
    await updateCaseRow(tx, caseId, { updatedAt: now });
    await audit(tx, actor, 'case.consent_withdrawn', caseId, {
      consentId,
      scope: row.scope,
      organisationId: row.organisationId,
    });
    if (row.scope === 'keep_data') await alertKeepDataEnded(tx, actor, caseId, now);
    await deps.hooks?.onConsentWithdrawn?.(
      {
        caseId,
        consentId,
        scope: row.scope,
        organisationId: row.organisationId,
        withdrawnAt: now,
        withdrawnBy: who.id,
      },
      tx,
    );
    return row;
  });
}

/** A case's consents as the pure rules take them (for referrals: gather, then checkShare). */
export async function consentsOfCase(db: DbOrTx, caseId: string): Promise<ConsentRecord[]> {
  return (await consentRowsOf(db, caseId)).map(consentRecordOf);
}

// ---------------------------------------------------------------------------------------------
// Tasks and notes

export const TaskInput = z.strictObject({
  title: z.string().trim().min(1).max(300),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
});
export type TaskInput = z.infer<typeof TaskInput>;

export const TaskPatch = TaskInput.partial().extend({ done: z.boolean().optional() });
export type TaskPatch = z.infer<typeof TaskPatch>;

/** A task is held by someone who works the case (or by nobody: then by its owner). */
function checkTaskHolder(c: CaseRow, assigneeId: string | null | undefined) {
  if (assigneeId && assigneeId !== c.ownerId && !c.assigneeIds.includes(assigneeId)) {
    throw new AppError(
      'validation_failed',
      keyed('cases.taskHolder', "A task goes to the case's owner or a colleague on it."),
      undefined,
      {
        field: 'assigneeId',
      },
    );
  }
}

export async function addTask(deps: CasesDeps, actor: Actor, caseId: string, input: TaskInput) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await requireCase(tx, who, caseId, 'edit');
    checkTaskHolder(c, input.assigneeId);
    const row = await insertTask(tx, {
      caseId,
      titleEnc: seal(deps.config.secrets.fieldKeys, input.title, CONTEXTS.taskTitle),
      dueAt: input.dueAt ? new Date(input.dueAt) : null,
      assigneeId: input.assigneeId ?? null,
      createdBy: who.id,
      createdAt: now,
    });
    await audit(tx, actor, 'case.task_added', caseId, { taskId: row.id });
    return row;
  });
}

export async function updateTask(
  deps: CasesDeps,
  actor: Actor,
  caseId: string,
  taskId: string,
  patch: TaskPatch,
) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const c = await requireCase(tx, who, caseId, 'edit');
    const task = await taskRow(tx, caseId, taskId);
    if (!task)
      throw new AppError('not_found', keyed('cases.taskNotFound', 'No such task on this case.'));
    checkTaskHolder(c, patch.assigneeId);
    const values: Parameters<typeof updateTaskRow>[2] = {};
    if (patch.title !== undefined) {
      values.titleEnc = seal(deps.config.secrets.fieldKeys, patch.title, CONTEXTS.taskTitle);
    }
    if (patch.dueAt !== undefined) values.dueAt = patch.dueAt ? new Date(patch.dueAt) : null;
    if (patch.assigneeId !== undefined) values.assigneeId = patch.assigneeId;
    if (patch.done !== undefined) {
      values.doneAt = patch.done ? (task.doneAt ?? now) : null;
      values.doneBy = patch.done ? (task.doneBy ?? who.id) : null;
    }
    const row = await updateTaskRow(tx, taskId, values);
    await audit(tx, actor, 'case.task_changed', caseId, {
      taskId,
      fields: Object.keys(patch).sort(),
    });
    return row;
  });
}

export async function deleteTask(deps: CasesDeps, actor: Actor, caseId: string, taskId: string) {
  const who = readerOf(actor);
  await deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'edit');
    const task = await taskRow(tx, caseId, taskId);
    if (!task)
      throw new AppError('not_found', keyed('cases.taskNotFound', 'No such task on this case.'));
    await deleteTaskRow(tx, taskId);
    await audit(tx, actor, 'case.task_deleted', caseId, { taskId });
  });
}

export const NoteInput = z.strictObject({ text: z.string().trim().min(1).max(MAX_TEXT) });
export type NoteInput = z.infer<typeof NoteInput>;

export async function addCaseNote(deps: CasesDeps, actor: Actor, caseId: string, input: NoteInput) {
  const who = readerOf(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await requireCase(tx, who, caseId, 'write_note');
    const row = await insertNote(tx, {
      caseId,
      bodyEnc: seal(deps.config.secrets.fieldKeys, input.text, CONTEXTS.noteBody),
      authorId: who.id,
      createdAt: now,
    });
    await updateCaseRow(tx, caseId, { updatedAt: now });
    await audit(tx, actor, 'case.note_added', caseId, { noteId: row.id });
    return row;
  });
}

// ---------------------------------------------------------------------------------------------
// Alerts

export async function acknowledgeAlert(deps: CasesDeps, actor: Actor, alertId: string) {
  const who = readerOf(actor);
  if (!receivesCaseAlerts(who)) {
    throw new AppError(
      'forbidden',
      keyed('cases.alertsSupervisorOnly', 'Supervisors acknowledge alerts.'),
    );
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const alert = await alertRow(tx, alertId);
    if (!alert) throw new AppError('not_found', keyed('cases.alertNotFound', 'No such alert.'));
    await requireCase(tx, who, alert.caseId, 'view_case');
    const row = await acknowledgeAlertRow(tx, alertId, who.id, now);
    if (!row)
      throw new AppError(
        'conflict',
        keyed('cases.alertAcknowledged', 'This alert was already acknowledged.'),
      );
    await audit(tx, actor, 'case.alert_acknowledged', alert.caseId, { alertId });
    return row;
  });
}
