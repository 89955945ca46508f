// The words cases, consent, the partner directory and referrals share: what a person may need, what
// kind of organisation can help, what a person can consent to, and which parts of a case can ever
// be shared. One list each, so a need recorded on a case and a service offered by a partner are the
// same value, and a field that is not in SHAREABLE_FIELDS cannot be shared by any route.

/** What a person may need help with (a case records them; a partner offers some of them). */
export const NEEDS = [
  'safety',
  'shelter',
  'housing',
  'medical',
  'sexual_health',
  'psychological',
  'legal',
  'financial_debt',
  'language',
  'residence_status',
  'return',
] as const;
export type Need = (typeof NEEDS)[number];

/**
 * Kinds of organisation in the directory. `police` and `child_protection` receive reports about a
 * child on the legal duty to protect, not on consent (see LEGAL_BASES).
 */
export const PARTNER_KINDS = [
  'shelter',
  'health',
  'mental_health',
  'legal_aid',
  'debt_help',
  'migration',
  'return',
  'social_services',
  'youth_care',
  'child_protection',
  'police',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** What a person can agree to; each is recorded, can expire and can be withdrawn. */
export const CONSENT_SCOPES = ['contact_again', 'keep_data', 'share_with_org'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** How a consent (or its withdrawal) was given: a message in the thread, or a call noted down. */
export const CONSENT_SOURCES = ['message', 'call_note', 'in_person_note', 'chat'] as const;
export type ConsentSource = (typeof CONSENT_SOURCES)[number];

/**
 * The parts of a case a referral can carry, field by field. Nothing else ever leaves: a referral
 * names a subset of these, and only those a current `share_with_org` consent names for that
 * organisation.
 */
export const SHAREABLE_FIELDS = [
  'alias',
  'age',
  'gender',
  'languages',
  'place',
  'needs',
  'risk_summary',
  'contact_channel',
  'contact_address',
  'handoff_note',
  'conversation_excerpt',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** Why data about a person may go to an organisation: their consent, or the duty to protect a child. */
export const LEGAL_BASES = ['consent', 'child_protection_duty'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

export const CASE_STATUSES = ['open', 'referral', 'in_care', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = [
  'helped',
  'referred_elsewhere',
  'declined_help',
  'lost_contact',
  'not_a_victim',
  'other',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** A referral's life: sent, opened by the partner, answered, then outcomes; or revoked/expired. */
export const REFERRAL_STATES = [
  'sent',
  'accepted',
  'declined',
  'intake_done',
  'in_care',
  'left',
  'helped',
  'revoked',
  'expired',
] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** How a referral reaches an organisation: its users in Ariadne, or a one-time secure link. */
export const REFERRAL_CHANNELS = ['account', 'secure_link'] as const;
export type ReferralChannel = (typeof REFERRAL_CHANNELS)[number];
