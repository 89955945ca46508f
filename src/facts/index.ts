// Public face of the stored extraction results (src/facts: the database shell around the pure
// extractor in src/extract): jobs, routes, masking of ad text, and the facts and identifiers of
// stored ad versions for later contexts. Everything else in src/facts is internal.
export { extractJobs, extractVersionJobRef } from './jobs.js';
export {
  canEditRules,
  canReadFacts,
  canRevealIdentifiers,
  registerExtractRoutes,
} from './routes.js';
export { maskVersions } from './masking.js';
export {
  extractAdVersion,
  factsOfVersions,
  linkIdentifiersOf,
  loadActiveRuleSet,
  reextractAll,
  reindexAdSearch,
  revealIdentifier,
  sealLegacyExtraction,
} from './store.js';
export { FACTS_ENCRYPTED_COLUMNS, type StoredFact } from './schema.js';
export { eraseAdFacts } from './retention.js';
