// Public face of the cases context (cases, consent, the partner directory, referrals, outcomes):
// what the composition root, the demo and later contexts (chat, vault) may use.
export * from './domain/vocabulary.js';
export * from './domain/consent.js';
export * from './domain/access.js';
export * from './domain/status.js';
export * from './domain/case-facts.js';
export * from './domain/alerts.js';
export { CASES_ENCRYPTED_COLUMNS } from './schema.js';
