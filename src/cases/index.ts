// Public face of the cases context (cases, consent, the partner directory, referrals, outcomes):
// what the composition root, the demo and later contexts (chat, vault) may use.
//
// A referral made inside this context follows gather → decide → write with these: the case through
// requireCase(db, readerOf(actor), caseId, 'refer') (not found / forbidden as the access rules
// say), its consents through consentsOfCase, the decision through checkReferral (consent, or the
// duty to protect a child with its recorded decision), the values through caseFieldValues. Consent
// expires by time: check it again (checkShare at that moment) whenever a partner opens what was
// shared; a withdrawal also calls CasesHooks.onConsentWithdrawn inside its own transaction, which
// src/app wires (HttpDeps.casesHooks).
export * from './domain/vocabulary.js';
export * from './domain/consent.js';
export * from './domain/access.js';
export * from './domain/status.js';
export * from './domain/case-facts.js';
export * from './domain/alerts.js';
export { CASES_ENCRYPTED_COLUMNS } from './schema.js';
export { canReceiveCaseAlerts, canWorkCases, registerCasesRoutes } from './routes.js';
// For the chat line: a case opened from a chat's carried thread with the consent given in it, in
// one step, and the case a thread already belongs to.
export {
  consentsOfCase,
  ConsentInput,
  openCaseWithConsent,
  OpenCaseWithConsentInput,
  readerOf,
  requireCase,
  visibleCaseOfConversation,
  type CasesDeps,
  type CasesHooks,
  type ConsentWithdrawn,
} from './service.js';
export { caseFieldValues, type CaseFieldValues } from './reads.js';
// For outreach, through the port src/app wires: whether a case rules out writing to a person.
export { contactAgainBarOf, type PersonLinks } from './contact-consent.js';
export type { CaseRow, ConsentRow } from './store.js';
export * from './referrals/index.js';
export { canExchangeHtcds, registerHtcdsRoutes } from './htcds/routes.js';
export { importHtcds, exportHtcds, HtcdsImportRefused } from './htcds/service.js';
export { HTCDS_VERSION, type HtcdsCase } from './domain/htcds-record.js';
export * from './partners/index.js';
// A person's gender (case facts) and the groups an organisation serves (the directory's
// SERVED_GENDERS) are two lists; the person's is the one named GENDERS.
export { GENDERS, type Gender, isMinor } from './domain/case-facts.js';
export {
  countCaseSteps,
  countReferralOutcomes,
  firstReferralTimings,
  type OrganisationOutcomeCount,
} from './insight-counts.js';
export * from './subject-rights/index.js';
export {
  acknowledgeLeadAlert,
  eraseLeadAlerts,
  LeadAlertView,
  openLeadAlerts,
  raiseLeadAlert,
  unacknowledgedLeadAlertEntityIds,
} from './lead-alerts.js';
