// What a person's consent allows, at a given time: the one place that decides it. Routes, the
// referral service and the partner's views all ask these functions and refuse what they refuse;
// there is no override ("refer anyway" is exactly what a person's consent rules out).
//
// A consent counts from the moment it was given until it expires or is withdrawn, whichever comes
// first; a withdrawal takes effect at the moment it is recorded. The rules are pure: the caller
// gathers the case's consent records and passes the time.
import {
  CONSENT_SCOPES,
  SHAREABLE_FIELDS,
  type ConsentScope,
  type LegalBasis,
  type PartnerKind,
  type ShareableField,
} from './vocabulary.js';
import { keyed, type MessageText } from '../../platform/errors.js';

/** A consent as the rules need it (a row of `consents` fits). */
export interface ConsentRecord {
  id: string;
  scope: ConsentScope;
  /** The organisation a share_with_org consent names; null for the other scopes. */
  organisationId: string | null;
  fields: readonly ShareableField[];
  givenAt: Date;
  expiresAt: Date | null;
  withdrawnAt: Date | null;
  /**
   * The person was asked and said no (recorded like a consent, with its evidence): never current.
   * Absent on records made before answers could be a no.
   */
  declined?: boolean;
}

export type ConsentState = 'current' | 'not_yet' | 'expired' | 'withdrawn' | 'declined';

/** Where a consent stands at `at`. Withdrawn wins over expired: it says more about the person. */
export function consentState(c: ConsentRecord, at: Date): ConsentState {
  const t = at.getTime();
  if (c.declined && c.givenAt.getTime() <= t) return 'declined';
  if (c.withdrawnAt && c.withdrawnAt.getTime() <= t) return 'withdrawn';
  if (c.expiresAt && c.expiresAt.getTime() <= t) return 'expired';
  if (c.givenAt.getTime() > t) return 'not_yet';
  return 'current';
}

export function isCurrentConsent(c: ConsentRecord, at: Date): boolean {
  return consentState(c, at) === 'current';
}

function hasCurrent(consents: readonly ConsentRecord[], scope: ConsentScope, at: Date) {
  return consents.some((c) => c.scope === scope && isCurrentConsent(c, at));
}

/** The person agreed to be contacted again (and has not withdrawn it, and it has not expired). */
export function mayContactAgain(consents: readonly ConsentRecord[], at: Date): boolean {
  return hasCurrent(consents, 'contact_again', at);
}

/** The person agreed that the program keeps their data. */
export function mayKeepData(consents: readonly ConsentRecord[], at: Date): boolean {
  return hasCurrent(consents, 'keep_data', at);
}

/** Why the person's own word rules something out now (see consentBar). */
export type ConsentBar = 'withdrawn' | 'declined' | 'expired';

/**
 * Whether what the person said about `scope` (contact_again, keep_data) rules it out at `at`:
 * null while they were never asked (nothing recorded) or their consent is current; otherwise why.
 * Their latest word counts — a yes, a no, or a withdrawal, each at the moment it was given — so a
 * withdrawal of an older yes ends a newer one too (the person said "stop" after both), and a new
 * yes after a no or a withdrawal opens it again. A yes that ran out bars as "expired".
 */
export function consentBar(
  consents: readonly ConsentRecord[],
  scope: Exclude<ConsentScope, 'share_with_org'>,
  at: Date,
): ConsentBar | null {
  const t = at.getTime();
  const asked = consents.filter((c) => c.scope === scope && c.givenAt.getTime() <= t);
  if (asked.length === 0) return null;
  type Word = { at: number; word: 'yes' | 'declined' | 'withdrawn' };
  const words: Word[] = asked.flatMap((c): Word[] => [
    { at: c.givenAt.getTime(), word: c.declined ? 'declined' : 'yes' },
    ...(c.withdrawnAt && c.withdrawnAt.getTime() <= t
      ? [{ at: c.withdrawnAt.getTime(), word: 'withdrawn' as const }]
      : []),
  ]);
  // The latest first; on a tie the no or the withdrawal wins: the safer reading of one moment.
  words.sort((a, b) => b.at - a.at || Number(a.word === 'yes') - Number(b.word === 'yes'));
  const last = words[0]?.word;
  if (last === 'declined' || last === 'withdrawn') return last;
  return asked.some((c) => isCurrentConsent(c, at)) ? null : 'expired';
}

/** The current share_with_org consents for one organisation. */
export function currentShareConsents(
  consents: readonly ConsentRecord[],
  organisationId: string,
  at: Date,
): ConsentRecord[] {
  return consents.filter(
    (c) =>
      c.scope === 'share_with_org' &&
      c.organisationId === organisationId &&
      isCurrentConsent(c, at),
  );
}

/**
 * The fields that may go to an organisation now: those every current share_with_org consent for
 * it names. With several consents the narrowest wins: a record that names fewer fields is the
 * person saying less, and a wider one never silently outvotes it (withdraw the narrow one to widen).
 * No current consent: nothing. In SHAREABLE_FIELDS order, so answers compare.
 */
export function shareableFieldsFor(
  consents: readonly ConsentRecord[],
  organisationId: string,
  at: Date,
): ShareableField[] {
  const current = currentShareConsents(consents, organisationId, at);
  if (current.length === 0) return [];
  return SHAREABLE_FIELDS.filter((f) => current.every((c) => c.fields.includes(f)));
}

export type ShareVerdict =
  | { allowed: true; fields: ShareableField[] }
  | {
      allowed: false;
      reason: 'no_consent' | 'outside_consent' | 'nothing_requested';
      /** The requested fields no current consent covers (all of them without consent). */
      outside: ShareableField[];
      /** What could go now (empty without consent), for a message that helps. */
      shareable: ShareableField[];
    };

/**
 * Whether `requested` may go to an organisation now, on consent. Refused — not warned — if any
 * field is outside the current consent, naming those fields; refused if nothing is requested (a
 * referral carries at least one field, or it is not a referral).
 */
export function checkShare(
  consents: readonly ConsentRecord[],
  organisationId: string,
  requested: readonly ShareableField[],
  at: Date,
): ShareVerdict {
  const shareable = shareableFieldsFor(consents, organisationId, at);
  const wanted = SHAREABLE_FIELDS.filter((f) => requested.includes(f));
  if (wanted.length === 0) {
    return { allowed: false, reason: 'nothing_requested', outside: [], shareable };
  }
  if (currentShareConsents(consents, organisationId, at).length === 0) {
    return { allowed: false, reason: 'no_consent', outside: wanted, shareable: [] };
  }
  const outside = wanted.filter((f) => !shareable.includes(f));
  if (outside.length > 0) return { allowed: false, reason: 'outside_consent', outside, shareable };
  return { allowed: true, fields: wanted };
}

// ---------------------------------------------------------------------------------------------
// The child protocol's legal basis

/** Organisations a report about a child goes to on the duty to protect, not on consent. */
export const CHILD_PROTECTION_PARTNER_KINDS = [
  'police',
  'child_protection',
] as const satisfies readonly PartnerKind[];

/**
 * The legal basis a referral rests on: a report about a minor to the police or the child-protection
 * service rests on the duty to protect a child; everything else, including anything else about the
 * child, rests on the person's consent.
 */
export function legalBasisFor(input: { minor: boolean; partnerKind: PartnerKind }): LegalBasis {
  return input.minor &&
    (CHILD_PROTECTION_PARTNER_KINDS as readonly PartnerKind[]).includes(input.partnerKind)
    ? 'child_protection_duty'
    : 'consent';
}

/** Who decided that the duty to protect a child applies, and why: written down with the report. */
export interface ProtectionDecision {
  decidedBy: string;
  reason: string;
}

/** The shortest reason that says something ("minor" is not a reason). */
export const MIN_DECISION_REASON = 20;

export type ReferralVerdict =
  | { allowed: true; basis: LegalBasis; fields: ShareableField[] }
  | {
      allowed: false;
      basis: LegalBasis;
      reason: ShareRefusal | 'decision_missing';
      outside: ShareableField[];
      shareable: ShareableField[];
    };
type ShareRefusal = Extract<ShareVerdict, { allowed: false }>['reason'];

/**
 * Whether a referral may carry `requested` to an organisation now. On consent it is checkShare; on
 * the duty to protect a child it needs a decision (who, and a reason of some substance) and then
 * carries the requested fields without consent. The decision is the caller's to store with the
 * referral.
 */
export function checkReferral(input: {
  consents: readonly ConsentRecord[];
  organisationId: string;
  partnerKind: PartnerKind;
  minor: boolean;
  requested: readonly ShareableField[];
  at: Date;
  decision?: ProtectionDecision | null;
}): ReferralVerdict {
  const basis = legalBasisFor(input);
  if (basis === 'consent') {
    const verdict = checkShare(input.consents, input.organisationId, input.requested, input.at);
    return verdict.allowed ? { ...verdict, basis } : { ...verdict, basis };
  }
  const fields = SHAREABLE_FIELDS.filter((f) => input.requested.includes(f));
  if (fields.length === 0) {
    return { allowed: false, basis, reason: 'nothing_requested', outside: [], shareable: [] };
  }
  const d = input.decision;
  if (!d || !d.decidedBy || d.reason.trim().length < MIN_DECISION_REASON) {
    return { allowed: false, basis, reason: 'decision_missing', outside: [], shareable: [] };
  }
  return { allowed: true, basis, fields };
}

// ---------------------------------------------------------------------------------------------
// Recording a consent

/** A consent as a worker records it, before it is stored. */
export interface ConsentDraft {
  scope: ConsentScope;
  organisationId: string | null;
  fields: readonly ShareableField[];
  givenAt: Date;
  expiresAt: Date | null;
  /** The person said no when asked. */
  declined?: boolean;
}

export type DraftProblem = { field: string; message: string; text: MessageText };

/**
 * What is wrong with a consent before it is stored: a share names an organisation and at least one
 * field; the other scopes name neither; it expires after it was given; it is not given in the
 * future (a consent is recorded once it has been given).
 */
export function consentDraftProblems(d: ConsentDraft, now: Date): DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (!(CONSENT_SCOPES as readonly string[]).includes(d.scope)) {
    problems.push({
      field: 'scope',
      ...keyed('cases.consent.unknownScope', 'Unknown consent scope.'),
    });
  }
  if (d.scope === 'share_with_org') {
    if (!d.organisationId) {
      problems.push({
        field: 'organisationId',
        ...keyed(
          'cases.consent.shareNamesOrganisation',
          'Consent to share names the organisation.',
        ),
      });
    }
    if (d.fields.length === 0) {
      problems.push({
        field: 'fields',
        ...keyed('cases.consent.shareNamesField', 'Consent to share names at least one field.'),
      });
    }
  } else {
    if (d.organisationId) {
      problems.push({
        field: 'organisationId',
        ...keyed(
          'cases.consent.onlyShareOrganisation',
          'Only consent to share names an organisation.',
        ),
      });
    }
    if (d.fields.length > 0) {
      problems.push({
        field: 'fields',
        ...keyed('cases.consent.onlyShareFields', 'Only consent to share names fields.'),
      });
    }
  }
  const unknown = d.fields.filter((f) => !(SHAREABLE_FIELDS as readonly string[]).includes(f));
  if (unknown.length > 0) {
    problems.push({
      field: 'fields',
      ...keyed('cases.consent.notShareable', `Not shareable: ${unknown.join(', ')}.`, {
        fields: unknown.join(', '),
      }),
    });
  }
  if (d.declined) {
    // A no to sharing is no consent at all: nothing is recorded and nothing is shared. A no to
    // being contacted again or to keeping data is the person's word that the system acts on.
    if (d.scope === 'share_with_org') {
      problems.push({
        field: 'declined',
        ...keyed(
          'cases.consent.declineShare',
          'A no to sharing is recorded by recording no consent to share.',
        ),
      });
    }
    if (d.expiresAt) {
      problems.push({
        field: 'expiresAt',
        ...keyed('cases.consent.declineExpires', 'A no does not expire.'),
      });
    }
  }
  if (d.givenAt.getTime() > now.getTime()) {
    problems.push({
      field: 'givenAt',
      ...keyed('cases.consent.givenInFuture', 'A consent is recorded once it has been given.'),
    });
  }
  if (d.expiresAt && d.expiresAt.getTime() <= d.givenAt.getTime()) {
    problems.push({
      field: 'expiresAt',
      ...keyed('cases.consent.expiresBeforeGiven', 'A consent expires after it was given.'),
    });
  }
  return problems;
}
