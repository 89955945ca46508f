// Referrals: sending one (gather the case, its consents and the directory entry; the consent rules
// decide; only then is anything written), every later step through the state machine, and the
// ends the program itself brings about — a withdrawn consent revokes at once, an expired one ends
// the referral, in whatever open state (sent, accepted, in care) — each of which kills the secure
// links. Consent expires by time, not by a job: every partner read and answer (partner user and
// secure link), the worker's list of a case's referrals and every new link first ends, at the
// clock's now, what rests on a consent that no longer covers it (settleConsent), so access ends
// the moment consent does whether or not the scheduled check has run. Worker-side reads are
// checked against the case's access rules; partner-side reads against the partner's own
// organisation or link. Every read of what was shared is audited, and every step is a referral
// event for the case history.
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Principal } from '../../platform/auth/policy.js';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Clock } from '../../platform/clock.js';
import { decryptField, encryptField, type FieldKey } from '../../platform/crypto.js';
import type { Db, DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import type { CaseAction } from '../domain/access.js';
import { checkReferral, currentShareConsents, shareableFieldsFor } from '../domain/consent.js';
import { decideCodeAttempt, linkExpiry, linkStatus } from '../domain/referral-link.js';
import {
  buildSnapshot,
  referralRefusalMessage,
  type ReferralSnapshot,
} from '../domain/referral-share.js';
import {
  decideReferralMove,
  isOpenReferral,
  OPEN_REFERRAL_STATES,
  partnerMovesFrom,
  reminderDue,
  type ReferralActor,
} from '../domain/referral-states.js';
import type { ReferralState, ShareableField } from '../domain/vocabulary.js';
import {
  hashLinkCode,
  hashLinkToken,
  linkCodeMatches,
  newLinkCode,
  newLinkToken,
} from './link-secrets.js';
import {
  referralEvents,
  referrals,
  secureLinks,
  type ReferralEndCause,
  type ReferralEventKind,
} from './schema.js';
import { consentsOfCase, requireCase, type ConsentWithdrawn } from '../service.js';
import type { CaseRow } from '../store.js';
import { caseShareValues, consentsOfCases, partnerForReferral } from './sources.js';

export interface ReferralSettings {
  /** Days without an answer before the referring worker is reminded (again). */
  reminderDays: number;
  /** Days a secure link opens before it expires. */
  linkDays: number;
}

export const DEFAULT_REFERRAL_SETTINGS: ReferralSettings = { reminderDays: 5, linkDays: 14 };

export interface ReferralDeps {
  db: Db;
  fieldKeys: readonly FieldKey[];
  /** Keys the secure links' token and code hashes. */
  sessionSecret: Buffer;
  clock: Clock;
  settings: ReferralSettings;
  /** Base address of the server, for the secure link handed to the worker. */
  publicUrl: string;
}

export type ReferralRow = typeof referrals.$inferSelect;
export type ReferralEventRow = typeof referralEvents.$inferSelect;
export type SecureLinkRow = typeof secureLinks.$inferSelect;

const enc = {
  snapshot: 'referrals.snapshot',
  note: 'referrals.handoff_note',
  duty: 'referrals.duty_reason',
  answer: 'referrals.answer_note',
} as const;

/** Who takes a step, as the event records it (no personal data: a label, maybe a user id). */
interface StepBy {
  actor: ReferralActor;
  userId: string | null;
  label: string;
}

const SYSTEM: StepBy = { actor: 'system', userId: null, label: 'system' };
const byWorker = (a: Actor): StepBy => ({ actor: 'worker', userId: a.userId, label: a.label });
const byPartnerUser = (a: Actor): StepBy => ({
  actor: 'partner',
  userId: a.userId,
  label: a.label,
});
const BY_LINK: StepBy = { actor: 'partner', userId: null, label: 'secure link' };

async function addEvent(
  db: DbOrTx,
  referralId: string,
  kind: ReferralEventKind,
  by: StepBy,
  at: Date,
  detail: Record<string, string | number | null> = {},
): Promise<void> {
  await db.insert(referralEvents).values({
    referralId,
    kind,
    actor: by.actor,
    actorUserId: by.userId,
    actorLabel: by.label,
    detail,
    at,
  });
}

// ---------------------------------------------------------------------------------------------
// The worker's side

export interface SendReferralInput {
  partnerId: string;
  fields: ShareableField[];
  handoffNote?: string | undefined;
  /** A report about a minor to the police or child protection: why, in the decider's words. */
  protectionReason?: string | undefined;
}

export interface IssuedLink {
  url: string;
  /** Shown once, to be passed on over a second channel; never stored in clear. */
  code: string;
  /** Where the code is to go (the directory's secure-link contact), if the directory knows. */
  codeContact: string | null;
  expiresAt: Date;
}

export interface SentReferral {
  referral: ReferralRow;
  link: IssuedLink | null;
}

/**
 * Sends a referral. Refused (403, listing the fields) if anything chosen is outside the person's
 * current consent for that organisation — or, for a minor reported to the police or child
 * protection, without who decided and why. Nothing is written before the decision.
 */
export async function sendReferral(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  caseId: string,
  input: SendReferralInput,
): Promise<SentReferral> {
  const note = input.handoffNote?.trim() ?? '';
  if (note && !input.fields.includes('handoff_note')) {
    throw new AppError(
      'validation_failed',
      keyed('referrals.tickHandoffNote', 'Tick "handoff_note" to send the hand-off note.'),
    );
  }
  if (!note && input.fields.includes('handoff_note')) {
    throw new AppError(
      'validation_failed',
      keyed('referrals.writeHandoffNote', 'Write the hand-off note, or untick it.'),
    );
  }
  const reason = input.protectionReason?.trim() ?? '';
  // Gather, decide and write in one transaction under the case's row lock, which a withdrawal
  // of consent takes too: a referral is never sent on a consent withdrawn a moment earlier.
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const caseRow = await requireCase(tx, who, caseId, 'refer', { forUpdate: true });
    const partner = await partnerForReferral(tx, input.partnerId);
    if (!partner)
      throw new AppError(
        'not_found',
        keyed('referrals.noSuchOrganisation', 'No such organisation in the directory.'),
      );
    if (!partner.active) {
      throw new AppError(
        'conflict',
        keyed(
          'referrals.organisationInactive',
          'This organisation is not active in the directory.',
        ),
      );
    }
    const consents = await consentsOfCase(tx, caseId);
    const verdict = checkReferral({
      consents,
      organisationId: partner.id,
      partnerKind: partner.kind,
      minor: caseRow.minor,
      requested: input.fields,
      at: now,
      decision: reason ? { decidedBy: who.id, reason } : null,
    });
    if (!verdict.allowed) {
      const refusal = referralRefusalMessage(verdict);
      throw new AppError(
        'forbidden',
        { message: refusal.message, text: refusal.text },
        { caseId, partnerId: partner.id, reason: verdict.reason },
        {
          reason: verdict.reason,
          basis: verdict.basis,
          outside: verdict.outside,
          shareable: verdict.shareable,
        },
      );
    }
    const snapshotFields = verdict.fields.filter((f) => f !== 'handoff_note');
    const snapshot = buildSnapshot(
      await caseShareValues(tx, caseRow.id, snapshotFields),
      snapshotFields,
    );
    const channel =
      partner.channel === 'account' && partner.accountOrgId ? 'account' : 'secure_link';
    const duty = verdict.basis === 'child_protection_duty';
    const [referral] = await tx
      .insert(referrals)
      .values({
        caseId,
        partnerId: partner.id,
        channel,
        accountOrgId: channel === 'account' ? partner.accountOrgId : null,
        legalBasis: verdict.basis,
        dutyDecidedBy: duty ? who.id : null,
        dutyReasonEnc: duty ? encryptField(deps.fieldKeys, reason, enc.duty) : null,
        consentIds: duty ? [] : currentShareConsents(consents, partner.id, now).map((c) => c.id),
        fields: verdict.fields,
        snapshotEnc: encryptField(deps.fieldKeys, JSON.stringify(snapshot), enc.snapshot),
        handoffNoteEnc: note ? encryptField(deps.fieldKeys, note, enc.note) : null,
        state: 'sent',
        sentAt: now,
        sentBy: who.id,
        updatedAt: now,
      })
      .returning();
    const row = referral!;
    await addEvent(tx, row.id, 'sent', byWorker(actor), now, {
      basis: verdict.basis,
      channel,
    });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.send',
      targetType: 'case',
      targetId: caseId,
      details: {
        referralId: row.id,
        partnerId: partner.id,
        basis: verdict.basis,
        fields: verdict.fields,
      },
    });
    const link =
      channel === 'secure_link'
        ? await issueLink(tx, deps, row, actor, partner.secureLinkContact)
        : null;
    return { referral: row, link };
  });
}

/** A new secure link for a referral; any earlier link of it dies (one live link at a time). */
async function issueLink(
  tx: DbOrTx,
  deps: ReferralDeps,
  referral: ReferralRow,
  actor: Actor,
  codeContact: string | null,
): Promise<IssuedLink> {
  const now = deps.clock.now();
  await tx
    .update(secureLinks)
    .set({ deadAt: now })
    .where(and(eq(secureLinks.referralId, referral.id), isNull(secureLinks.deadAt)));
  const id = randomUUID();
  const token = newLinkToken();
  const code = newLinkCode();
  const expiresAt = linkExpiry(now, deps.settings.linkDays);
  await tx.insert(secureLinks).values({
    id,
    referralId: referral.id,
    tokenHash: hashLinkToken(deps.sessionSecret, token),
    codeHash: hashLinkCode(deps.sessionSecret, id, code),
    codeContact,
    expiresAt,
    createdBy: actor.userId ?? referral.sentBy,
    createdAt: now,
  });
  await addEvent(tx, referral.id, 'link_issued', byWorker(actor), now, {
    expiresAt: expiresAt.toISOString(),
  });
  const url = new URL('/r', deps.publicUrl);
  url.searchParams.set('t', token);
  return { url: url.toString(), code, codeContact, expiresAt };
}

export async function referralById(db: DbOrTx, id: string): Promise<ReferralRow | null> {
  const [row] = await db.select().from(referrals).where(eq(referrals.id, id));
  return row ?? null;
}

/** A referral and its case, if the worker may take `action` on that case. */
async function referralForWorker(
  db: DbOrTx,
  who: Principal,
  referralId: string,
  action: CaseAction,
): Promise<{ referral: ReferralRow; caseRow: CaseRow }> {
  const referral = await referralById(db, referralId);
  if (!referral) throw new AppError('not_found', keyed('referrals.notFound', 'No such referral.'));
  const caseRow = await requireCase(db, who, referral.caseId, action);
  return { referral, caseRow };
}

export interface WorkerReferral {
  referral: ReferralRow;
  events: ReferralEventRow[];
  answerNote: string | null;
  reminderDue: boolean;
  /** The live link's code still waits to be passed on (to this contact). */
  codeToDeliver: { linkId: string; contact: string | null } | null;
  link: {
    status: 'open' | 'expired' | 'locked' | 'dead';
    expiresAt: Date;
    usedAt: Date | null;
  } | null;
}

/**
 * A case's referrals with their history, for the case page (audited: it reads the answers). As
 * they stand at the clock's now (settleConsent): one whose consent ran out shows as ended to the
 * worker at the instant the partner's access ends, not when the scheduled check next runs.
 */
export async function listCaseReferrals(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  caseId: string,
): Promise<WorkerReferral[]> {
  const { db } = deps;
  await requireCase(db, who, caseId, 'view_case');
  const rows = await db
    .select()
    .from(referrals)
    .where(eq(referrals.caseId, caseId))
    .orderBy(desc(referrals.sentAt));
  const settled = await settleConsent(deps, rows);
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'case.referrals.read',
    targetType: 'case',
    targetId: caseId,
    details: { referrals: settled.length },
  });
  return withHistory(deps, settled);
}

/** Referrals with their events and link state, as the worker sees them. */
export async function withHistory(
  deps: ReferralDeps,
  rows: readonly ReferralRow[],
): Promise<WorkerReferral[]> {
  const { db } = deps;
  const now = deps.clock.now();
  const ids = rows.map((r) => r.id);
  const events = ids.length
    ? await db
        .select()
        .from(referralEvents)
        .where(inArray(referralEvents.referralId, ids))
        .orderBy(asc(referralEvents.seq))
    : [];
  const links = ids.length
    ? await db
        .select()
        .from(secureLinks)
        .where(inArray(secureLinks.referralId, ids))
        .orderBy(desc(secureLinks.createdAt))
    : [];
  return rows.map((referral) => {
    const link = links.find((l) => l.referralId === referral.id) ?? null;
    const status = link ? linkStatus(link, now) : null;
    return {
      referral,
      events: events.filter((e) => e.referralId === referral.id),
      answerNote: referral.answerNoteEnc
        ? decryptField(deps.fieldKeys, referral.answerNoteEnc, enc.answer)
        : null,
      reminderDue: reminderDue(referral, deps.settings, now),
      codeToDeliver:
        link && status === 'open' && !link.codeDeliveredAt
          ? { linkId: link.id, contact: link.codeContact }
          : null,
      link: link && status ? { status, expiresAt: link.expiresAt, usedAt: link.usedAt } : null,
    };
  });
}

/**
 * Moves a referral one step, if the state machine allows it and nobody moved it meanwhile (the
 * update is conditional on the state read). Ending it kills its links in the same transaction.
 */
async function moveReferral(
  tx: DbOrTx,
  deps: ReferralDeps,
  referral: ReferralRow,
  to: ReferralState,
  by: StepBy,
  opts: { note?: string | null; cause?: ReferralEndCause } = {},
): Promise<ReferralRow> {
  const now = deps.clock.now();
  const verdict = decideReferralMove(referral.state, to, by.actor, opts.note);
  if (!verdict.allowed) {
    throw new AppError(verdict.code === 'reason_required' ? 'validation_failed' : 'conflict', {
      message: verdict.message,
      text: verdict.text,
    });
  }
  const ending = to === 'revoked' || to === 'expired';
  const answering = referral.state === 'sent' && (to === 'accepted' || to === 'declined');
  const note = opts.note?.trim();
  const [moved] = await tx
    .update(referrals)
    .set({
      state: to,
      updatedAt: now,
      ...(answering ? { answeredAt: now, answeredBy: by.label } : {}),
      ...(note && by.actor === 'partner'
        ? { answerNoteEnc: encryptField(deps.fieldKeys, note, enc.answer) }
        : {}),
      ...(ending ? { endedAt: now, endedBy: by.userId, endCause: opts.cause ?? null } : {}),
    })
    .where(and(eq(referrals.id, referral.id), eq(referrals.state, referral.state)))
    .returning();
  if (!moved) {
    throw new AppError(
      'conflict',
      keyed('referrals.changedMeanwhile', 'The referral changed meanwhile. Reload and try again.'),
    );
  }
  if (ending || !isOpenReferral(to)) {
    await tx
      .update(secureLinks)
      .set({ deadAt: now })
      .where(and(eq(secureLinks.referralId, referral.id), isNull(secureLinks.deadAt)));
  }
  await addEvent(tx, referral.id, to, by, now, opts.cause ? { cause: opts.cause } : {});
  return moved;
}

/** A link's partner may still report outcomes after accepting: only ends kill the link. */
export async function revokeReferral(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  referralId: string,
): Promise<ReferralRow> {
  // Revoking shares less, like withdrawing consent: allowed to the case's team in any state.
  const { referral } = await referralForWorker(deps.db, who, referralId, 'withdraw_consent');
  return deps.db.transaction(async (tx) => {
    const moved = await moveReferral(tx, deps, referral, 'revoked', byWorker(actor), {
      cause: 'revoked_by_worker',
    });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.revoke',
      targetType: 'case',
      targetId: referral.caseId,
      details: { referralId },
    });
    return moved;
  });
}

/** The worker chased the organisation for an answer (by phone, mail): recorded, clock restarts. */
export async function recordReminder(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  referralId: string,
): Promise<ReferralRow> {
  const { referral } = await referralForWorker(deps.db, who, referralId, 'refer');
  if (referral.state !== 'sent') {
    throw new AppError(
      'conflict',
      keyed(
        'referrals.nothingToChase',
        'The organisation has answered; there is nothing to chase.',
      ),
    );
  }
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(referrals)
      .set({ lastReminderAt: now, updatedAt: now })
      .where(eq(referrals.id, referralId))
      .returning();
    await addEvent(tx, referralId, 'reminded', byWorker(actor), now);
    return row!;
  });
}

/** A new secure link (after a lockout or expiry); the old one dies. */
export async function reissueLink(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  referralId: string,
): Promise<IssuedLink> {
  const found = await referralForWorker(deps.db, who, referralId, 'refer');
  // A new way in only while the consent it rests on still covers it.
  const [referral] = await settleConsent(deps, [found.referral]);
  if (!referral) throw new AppError('not_found', keyed('referrals.notFound', 'No such referral.'));
  if (referral.channel !== 'secure_link') {
    throw new AppError(
      'conflict',
      keyed(
        'referrals.readsInAriadne',
        'This organisation reads referrals in Ariadne, not by link.',
      ),
    );
  }
  if (!isOpenReferral(referral.state)) {
    throw new AppError(
      'conflict',
      keyed('referrals.noNewLink', `This referral is ${referral.state}; it gets no new link.`, {
        state: referral.state,
      }),
    );
  }
  const partner = await partnerForReferral(deps.db, referral.partnerId);
  return deps.db.transaction(async (tx) => {
    const link = await issueLink(tx, deps, referral, actor, partner?.secureLinkContact ?? null);
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.link.issue',
      targetType: 'case',
      targetId: referral.caseId,
      details: { referralId },
    });
    return link;
  });
}

/** The worker passed the code on over the second channel: the task is done. */
export async function markCodeDelivered(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  referralId: string,
): Promise<void> {
  await referralForWorker(deps.db, who, referralId, 'refer');
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const done = await tx
      .update(secureLinks)
      .set({ codeDeliveredAt: now, codeDeliveredBy: actor.userId })
      .where(
        and(
          eq(secureLinks.referralId, referralId),
          isNull(secureLinks.deadAt),
          isNull(secureLinks.codeDeliveredAt),
        ),
      )
      .returning({ id: secureLinks.id });
    if (done.length === 0)
      throw new AppError(
        'conflict',
        keyed('referrals.noCodeWaiting', 'No code is waiting to be passed on.'),
      );
    await addEvent(tx, referralId, 'code_delivered', byWorker(actor), now);
  });
}

// ---------------------------------------------------------------------------------------------
// What the partner sees

/**
 * A referral as its partner reads it. What was shared is shown only while the referral is open; an
 * ended one shows its state, and "revoked" whatever ended it from our side (a withdrawn or expired
 * consent is the person's business, not the partner's).
 */
export interface PartnerView {
  id: string;
  state: Exclude<ReferralState, 'expired'>;
  sentAt: Date;
  answeredAt: Date | null;
  fields: ShareableField[];
  /** Null unless the referral is open and this is an opening (lists carry nothing shared). */
  shared: ReferralSnapshot | null;
  answerNote: string | null;
  /** The steps the partner may report next. */
  next: readonly ReferralState[];
}

function partnerView(deps: ReferralDeps, r: ReferralRow, withData: boolean): PartnerView {
  const state = r.state === 'expired' ? 'revoked' : r.state;
  const open = isOpenReferral(r.state);
  let shared: ReferralSnapshot | null = null;
  if (withData && open) {
    shared = JSON.parse(
      decryptField(deps.fieldKeys, r.snapshotEnc, enc.snapshot),
    ) as ReferralSnapshot;
    if (r.handoffNoteEnc) {
      shared.handoff_note = decryptField(deps.fieldKeys, r.handoffNoteEnc, enc.note);
    }
  }
  return {
    id: r.id,
    state,
    sentAt: r.sentAt,
    answeredAt: r.answeredAt,
    fields: state === 'revoked' ? [] : r.fields,
    shared,
    answerNote:
      withData && state !== 'revoked' && r.answerNoteEnc
        ? decryptField(deps.fieldKeys, r.answerNoteEnc, enc.answer)
        : null,
    next: partnerMovesFrom(r.state),
  };
}

function partnerOrgOf(who: Principal): string {
  if (who.role !== 'partner' || !who.partnerOrgId) {
    throw new AppError(
      'forbidden',
      keyed('referrals.partnerUsersOnly', 'Only partner users read referrals here.'),
    );
  }
  return who.partnerOrgId;
}

/** Referrals to the partner user's organisation: what, when, in which state (nothing shared). */
export async function listPartnerReferrals(
  deps: ReferralDeps,
  who: Principal,
): Promise<PartnerView[]> {
  const orgId = partnerOrgOf(who);
  const rows = await deps.db
    .select()
    .from(referrals)
    .where(eq(referrals.accountOrgId, orgId))
    .orderBy(desc(referrals.sentAt))
    .limit(500);
  return (await settleConsent(deps, rows)).map((r) => partnerView(deps, r, false));
}

/** The partner user's referral, as it stands now (consent checked at the clock's now). */
async function referralForPartner(deps: ReferralDeps, who: Principal, id: string) {
  const orgId = partnerOrgOf(who);
  const [row] = await deps.db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.accountOrgId, orgId)));
  // Another organisation's referral does not exist, as far as this user can tell.
  if (!row) throw new AppError('not_found', keyed('referrals.notFound', 'No such referral.'));
  const [settled] = await settleConsent(deps, [row]);
  return settled!;
}

/** One referral with what was shared: an opening, recorded in its history and audited. */
export async function openPartnerReferral(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  id: string,
): Promise<PartnerView> {
  const row = await referralForPartner(deps, who, id);
  if (!isOpenReferral(row.state)) return partnerView(deps, row, false);
  await recordOpening(deps, row, byPartnerUser(actor), actor);
  return partnerView(deps, row, true);
}

async function recordOpening(deps: ReferralDeps, row: ReferralRow, by: StepBy, actor: Actor) {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    await addEvent(tx, row.id, 'opened', by, now);
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.open',
      targetType: 'referral',
      targetId: row.id,
      details: { via: by.userId ? 'account' : 'secure_link', fields: row.fields },
    });
  });
}

/** The partner's answer or outcome report, from a partner user. */
export async function answerAsPartnerUser(
  deps: ReferralDeps,
  actor: Actor,
  who: Principal,
  id: string,
  to: ReferralState,
  note: string | null,
): Promise<PartnerView> {
  const row = await referralForPartner(deps, who, id);
  const moved = await deps.db.transaction(async (tx) => {
    const m = await moveReferral(tx, deps, row, to, byPartnerUser(actor), { note });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.answer',
      targetType: 'referral',
      targetId: id,
      details: { state: to },
    });
    return m;
  });
  return partnerView(deps, moved, true);
}

// ---------------------------------------------------------------------------------------------
// The secure link

export type LinkOpening =
  | { outcome: 'opened'; linkId: string }
  | { outcome: 'wrong'; attemptsLeft: number }
  | { outcome: LinkEnd | 'unknown' };

async function linkByToken(db: DbOrTx, deps: ReferralDeps, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select()
    .from(secureLinks)
    .where(eq(secureLinks.tokenHash, hashLinkToken(deps.sessionSecret, token)));
  return row ?? null;
}

export type LinkEnd = 'locked' | 'expired' | 'revoked' | 'closed';

/**
 * Why a link no longer opens, or null while it does: the partner's own last word closed the
 * referral, or it ended from our side ("revoked", whatever the cause), or the link itself was
 * replaced (also "revoked"), locked or expired.
 */
function linkEnd(link: SecureLinkRow, referral: ReferralRow | null, now: Date): LinkEnd | null {
  if (!referral) return 'revoked';
  if (referral.state === 'declined' || referral.state === 'left' || referral.state === 'helped') {
    return 'closed';
  }
  if (!isOpenReferral(referral.state)) return 'revoked';
  const status = linkStatus(link, now);
  if (status === 'open') return null;
  return status === 'dead' ? 'revoked' : status;
}

/** What a link's page says before the code is asked: whether it can still open at all. */
export async function linkState(
  deps: ReferralDeps,
  token: string,
): Promise<LinkEnd | 'open' | 'unknown'> {
  const link = await linkByToken(deps.db, deps, token);
  if (!link) return 'unknown';
  const referral = await settledReferral(deps, link.referralId);
  return linkEnd(link, referral, deps.clock.now()) ?? 'open';
}

/**
 * One code entry on a link's page. The attempt is counted under a row lock, so parallel guesses
 * cannot exceed the limit; the last wrong one locks the link and tells the referring worker.
 */
export async function openLinkWithCode(
  deps: ReferralDeps,
  token: string,
  code: string,
  actor: Actor,
): Promise<LinkOpening> {
  const now = deps.clock.now();
  // A consent that ran out ends the referral (and kills this link) before the code is looked at.
  const before = await linkByToken(deps.db, deps, token);
  if (before) await settledReferral(deps, before.referralId);
  const result = await deps.db.transaction(async (tx): Promise<LinkOpening> => {
    const found = await linkByToken(tx, deps, token);
    if (!found) return { outcome: 'unknown' };
    const [link] = await tx
      .select()
      .from(secureLinks)
      .where(eq(secureLinks.id, found.id))
      .for('update');
    if (!link) return { outcome: 'unknown' };
    const referral = await referralById(tx, link.referralId);
    // A link that no longer opens refuses before the code is looked at (nothing is counted).
    const ended = linkEnd(link, referral, now);
    if (ended || !referral) return { outcome: ended ?? 'revoked' };
    const matches = linkCodeMatches(deps.sessionSecret, link.id, code, link.codeHash);
    const attempt = decideCodeAttempt(link, matches, now);
    if (attempt.outcome === 'refused') return { outcome: 'revoked' };
    if (attempt.outcome === 'wrong') {
      await tx
        .update(secureLinks)
        .set({ attempts: attempt.attempts, ...(attempt.lockNow ? { lockedAt: now } : {}) })
        .where(eq(secureLinks.id, link.id));
      await addEvent(tx, link.referralId, 'code_wrong', BY_LINK, now, {
        attempts: attempt.attempts,
      });
      if (attempt.lockNow) {
        await addEvent(tx, link.referralId, 'link_locked', BY_LINK, now);
        await appendAudit(tx, {
          ...auditFields(actor),
          action: 'referral.link.locked',
          targetType: 'referral',
          targetId: link.referralId,
        });
        return { outcome: 'locked' };
      }
      return { outcome: 'wrong', attemptsLeft: attempt.attemptsLeft };
    }
    await tx
      .update(secureLinks)
      .set({ usedAt: link.usedAt ?? now })
      .where(eq(secureLinks.id, link.id));
    await addEvent(tx, link.referralId, 'opened', BY_LINK, now);
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.open',
      targetType: 'referral',
      targetId: link.referralId,
      details: { via: 'secure_link', fields: referral.fields },
    });
    return { outcome: 'opened', linkId: link.id };
  });
  return result;
}

/** The link and its referral while both still open; otherwise why not. */
async function liveLink(
  deps: ReferralDeps,
  linkId: string,
): Promise<
  { ok: true; link: SecureLinkRow; referral: ReferralRow } | { ok: false; status: LinkEnd }
> {
  const [of] = await deps.db
    .select({ referralId: secureLinks.referralId })
    .from(secureLinks)
    .where(eq(secureLinks.id, linkId));
  if (!of) return { ok: false, status: 'revoked' };
  // First what the consent says now (ending the referral kills the link), then the link.
  const referral = await settledReferral(deps, of.referralId);
  const [link] = await deps.db.select().from(secureLinks).where(eq(secureLinks.id, linkId));
  if (!link) return { ok: false, status: 'revoked' };
  const ended = linkEnd(link, referral, deps.clock.now());
  if (ended || !referral) return { ok: false, status: ended ?? 'revoked' };
  return { ok: true, link, referral };
}

/**
 * What an opened link shows, read again from the database at every page view (so a revocation
 * ends an opening already in progress); every view is audited.
 */
export async function viewThroughLink(
  deps: ReferralDeps,
  linkId: string,
  actor: Actor,
): Promise<{ ok: true; view: PartnerView } | { ok: false; status: LinkEnd }> {
  const live = await liveLink(deps, linkId);
  if (!live.ok) return live;
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'referral.link.read',
    targetType: 'referral',
    targetId: live.referral.id,
  });
  return { ok: true, view: partnerView(deps, live.referral, true) };
}

/** The partner's answer or outcome report through an opened link. */
export async function answerThroughLink(
  deps: ReferralDeps,
  linkId: string,
  to: ReferralState,
  note: string | null,
  actor: Actor,
): Promise<{ ok: true; state: ReferralState } | { ok: false; status: LinkEnd }> {
  const live = await liveLink(deps, linkId);
  if (!live.ok) return live;
  const moved = await deps.db.transaction(async (tx) => {
    const m = await moveReferral(tx, deps, live.referral, to, BY_LINK, { note });
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'referral.answer',
      targetType: 'referral',
      targetId: live.referral.id,
      details: { state: to, via: 'secure_link' },
    });
    return m;
  });
  return { ok: true, state: moved.state };
}

// ---------------------------------------------------------------------------------------------
// Ends the program brings about

/**
 * A consent to share with an organisation was withdrawn: every open referral of the case to that
 * organisation resting on consent is revoked now, and its links die — inside the withdrawal's own
 * transaction (the cases context calls this hook, wired in src/app), so the withdrawal and the end
 * of access commit together or not at all.
 */
export async function onConsentWithdrawn(
  deps: ReferralDeps,
  event: Pick<ConsentWithdrawn, 'caseId' | 'scope' | 'organisationId'>,
  tx: DbOrTx = deps.db,
): Promise<number> {
  if (event.scope !== 'share_with_org' || !event.organisationId) return 0;
  const open = await tx
    .select()
    .from(referrals)
    .where(
      and(
        eq(referrals.caseId, event.caseId),
        eq(referrals.partnerId, event.organisationId),
        eq(referrals.legalBasis, 'consent'),
        inArray(referrals.state, [...OPEN_REFERRAL_STATES]),
      ),
    );
  return endReferrals(deps, tx, open, 'revoked', 'consent_withdrawn');
}

async function endReferrals(
  deps: ReferralDeps,
  db: DbOrTx,
  rows: readonly ReferralRow[],
  to: 'revoked' | 'expired',
  cause: ReferralEndCause,
): Promise<number> {
  let ended = 0;
  for (const row of rows) {
    await db.transaction(async (tx) => {
      const current = await referralById(tx, row.id);
      if (!current || !isOpenReferral(current.state)) return;
      await moveReferral(tx, deps, current, to, SYSTEM, { cause });
      await appendAudit(tx, {
        ...auditFields({ userId: null, label: 'system', role: null }),
        action: to === 'revoked' ? 'referral.revoke' : 'referral.expire',
        targetType: 'case',
        targetId: current.caseId,
        details: { referralId: current.id, cause },
      });
      ended++;
    });
  }
  return ended;
}

/**
 * The scheduled check behind "an expired or withdrawn consent stops pending shares": every open
 * referral on consent whose fields the case's consents no longer cover for its organisation ends —
 * revoked if a consent for it was withdrawn (should the hook ever have been missed), else expired.
 */
export async function endReferralsWithoutConsent(deps: ReferralDeps): Promise<number> {
  const now = deps.clock.now();
  const open = await deps.db
    .select()
    .from(referrals)
    .where(
      and(eq(referrals.legalBasis, 'consent'), inArray(referrals.state, [...OPEN_REFERRAL_STATES])),
    );
  const { withdrawn, expired } = await uncoveredReferrals(deps.db, open, now);
  return (
    (await endReferrals(deps, deps.db, withdrawn, 'revoked', 'consent_withdrawn')) +
    (await endReferrals(deps, deps.db, expired, 'expired', 'consent_expired'))
  );
}

/**
 * The open referrals on consent among `rows` whose fields the case's consents no longer cover
 * for their organisation at `now`: withdrawn if a consent for it was withdrawn, else expired.
 */
async function uncoveredReferrals(db: DbOrTx, rows: readonly ReferralRow[], now: Date) {
  const open = rows.filter((r) => r.legalBasis === 'consent' && isOpenReferral(r.state));
  const byCase = await consentsOfCases(db, [...new Set(open.map((r) => r.caseId))]);
  const withdrawn: ReferralRow[] = [];
  const expired: ReferralRow[] = [];
  for (const r of open) {
    const consents = byCase.get(r.caseId) ?? [];
    const allowed = shareableFieldsFor(consents, r.partnerId, now);
    if (r.fields.every((f) => allowed.includes(f))) continue;
    const wasWithdrawn = consents.some(
      (c) =>
        c.scope === 'share_with_org' &&
        c.organisationId === r.partnerId &&
        c.withdrawnAt !== null &&
        c.withdrawnAt.getTime() <= now.getTime(),
    );
    (wasWithdrawn ? withdrawn : expired).push(r);
  }
  return { withdrawn, expired };
}

/**
 * Referrals as they stand at the clock's now: any open one whose consent no longer covers it is
 * ended first (expired, or revoked if withdrawn), exactly as the scheduled check would end it, and
 * returned as it is after. Every partner read path goes through here, so the partner's access ends
 * the moment the consent does, with or without the job.
 */
async function settleConsent(
  deps: ReferralDeps,
  rows: readonly ReferralRow[],
): Promise<ReferralRow[]> {
  const { withdrawn, expired } = await uncoveredReferrals(deps.db, rows, deps.clock.now());
  if (withdrawn.length + expired.length === 0) return [...rows];
  await endReferrals(deps, deps.db, withdrawn, 'revoked', 'consent_withdrawn');
  await endReferrals(deps, deps.db, expired, 'expired', 'consent_expired');
  const ended = [...withdrawn, ...expired].map((r) => r.id);
  const fresh = new Map(
    (await deps.db.select().from(referrals).where(inArray(referrals.id, ended))).map((r) => [
      r.id,
      r,
    ]),
  );
  return rows.map((r) => fresh.get(r.id) ?? r);
}

/** One referral by id as it stands now (see settleConsent); null if there is none. */
async function settledReferral(deps: ReferralDeps, id: string): Promise<ReferralRow | null> {
  const row = await referralById(deps.db, id);
  if (!row) return null;
  const [settled] = await settleConsent(deps, [row]);
  return settled ?? null;
}

/**
 * The scheduled reminder: an unanswered referral past its day reminds its worker once per period
 * (an event in the case history; the case page shows it as due until the worker chases the
 * organisation, which restarts the period).
 */
export async function remindUnanswered(deps: ReferralDeps): Promise<number> {
  const now = deps.clock.now();
  const sent = await deps.db.select().from(referrals).where(eq(referrals.state, 'sent'));
  let reminded = 0;
  for (const r of sent) {
    if (!reminderDue(r, deps.settings, now)) continue;
    const periodStart = r.lastReminderAt ?? r.sentAt;
    if (r.reminderNotifiedAt && r.reminderNotifiedAt.getTime() > periodStart.getTime()) continue;
    await deps.db.transaction(async (tx) => {
      const [row] = await tx
        .update(referrals)
        .set({ reminderNotifiedAt: now })
        .where(and(eq(referrals.id, r.id), eq(referrals.state, 'sent')))
        .returning({ id: referrals.id });
      if (row) {
        await addEvent(tx, r.id, 'reminder_due', SYSTEM, now, {
          days: deps.settings.reminderDays,
        });
        reminded++;
      }
    });
  }
  return reminded;
}
