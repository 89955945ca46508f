// The structured facts a case records about the person and its own life: how it was opened, the
// genders the directory's eligibility speaks of, and the short risk assessment's questions. Kept
// as closed lists so a filter, a match or an export never meets a value it does not know.

/** How a case came to be: from an outreach conversation, from the chat line, or by hand. */
export const CASE_ORIGINS = ['conversation', 'chat', 'manual'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];

export const GENDERS = ['female', 'male', 'trans', 'non_binary', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];

/**
 * The forms of exploitation a case records (a list: a person can be exploited in more than one
 * way). `criminality` is forced criminal activity (drug running, shoplifting), HTCDS's "illicit
 * activities".
 */
export const EXPLOITATION_TYPES = ['sexual', 'labour', 'criminality', 'begging', 'other'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * The risk assessment's questions: short, answerable on the phone, each yes / no / unknown. What
 * the worker adds beyond them goes in the assessment's encrypted note.
 */
export const RISK_QUESTIONS = [
  'immediate_danger',
  'controller_nearby',
  'documents_withheld',
  'debt_to_controller',
  'violence_or_threats',
  'phone_controlled',
  'dependants_at_risk',
  'needs_medical_care_now',
] as const;
export type RiskQuestion = (typeof RISK_QUESTIONS)[number];

export const RISK_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type RiskAnswer = (typeof RISK_ANSWERS)[number];
export type RiskAnswers = Partial<Record<RiskQuestion, RiskAnswer>>;

/** The age below which a person is a child, and the child protocol runs. */
export const ADULT_AGE = 18;

/** A case is about a minor if someone said so, or if the age recorded is under 18. */
export function isMinor(facts: { minor?: boolean | null; age?: number | null }): boolean {
  return facts.minor === true || (facts.age != null && facts.age < ADULT_AGE);
}
