// Public face of the linking context (ads joined into entities by shared identifiers and
// near-duplicate text; movement over time and place): what the composition root, the CLI and
// later contexts (score, outreach) may use. Everything else in src/link is internal.
export { linkAdsJobRef, linkJobs } from './jobs.js';
export {
  linkAdBatch,
  linkSettings,
  rebuildLinks,
  type LinkHooks,
  type LinkOutcome,
  type LinkSettings,
} from './store.js';
export {
  boilerplateOfAdVersion,
  memberAdIds,
  refreshEntity,
  resolveEntityId,
  type BoilerplateSpan,
} from './entity.js';
export { BOILERPLATE_RULE } from './boilerplate.js';
export { aliasSearchText, ALIAS_PATTERN } from './alias.js';
export {
  entitiesPage,
  entityAliases,
  entityAliasMatchSql,
  entityEvidence,
  entityGraph,
  entityIdentifiers,
  entityOfAds,
  entityRow,
  entityRows,
  entityTemplates,
  namesOnIdentifier,
  similarAds,
} from './queries.js';
export type { EntityFeatures } from './types.js';
export { adPlaceSql, entityPlaceSql } from './insight-places.js';
export {
  adIdsOfEntities,
  currentEntityIds,
  entityHoldings,
  entityStillDue,
  eraseEntity,
  formerEntityIds,
  idleEntitiesDue,
  stillLinkedAdIds,
} from './retention.js';
