// Public face of the cases context (cases, consent, the partner directory, referrals, outcomes):
// what the composition root, the demo and later contexts (chat, vault) may use.
export * from './domain/vocabulary.js';
export * from './partners/index.js';
