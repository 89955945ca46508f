// Public face of the collection context (sources, crawls, captures, ads): what the composition
// root, the CLI and later contexts may use. Everything else in src/collect is internal; its tables
// are read by other contexts only through the functions below.
export { collectJobs, crawlJobRef } from './jobs.js';
export { canManageSources, canReadAds, registerCollectRoutes } from './routes.js';
export { executeCrawl, requestCrawl, type CrawlSummary } from './crawl-service.js';
export {
  exportSourceDefinition,
  findSourceByName,
  listSources,
  canOverrideRobots,
  parseSourcesFile,
  saveSource,
} from './sources.js';
export { IMPORT_COLUMNS, importCsv, importJsonLines } from './importers.js';
export {
  describeProblem,
  formatArchiveReport,
  importWarc,
  RECORD_TYPES,
  type ArchiveImportReport,
} from './archive-import.js';
export { exportAdWarc, sealLegacyCaptures, verifyCaptures } from './captures.js';
export {
  adIdsPage,
  adsForLinking,
  adVersionIdOf,
  adVersionTexts,
  currentAdVersionIds,
  currentAdVersionIdsQuery,
  readAdVersionText,
  sealLegacyAdVersion,
  setAdVersionLanguage,
  type AdForLinking,
  type AdTextForLinking,
  type AdVersionText,
} from './ads.js';
export { AdFilter, AdListItem, listAds, type TextMasker } from './ads-query.js';
export { replaceAdSearchTerms, searchTermsOf } from './ad-search.js';
export { COLLECT_ENCRYPTED_COLUMNS } from './schema.js';
export { countAdsCollected } from './insight-counts.js';
export {
  capturesDue,
  eraseAds,
  eraseCaptures,
  evidenceCaptureIds,
  type CaptureRetentionScope,
} from './retention.js';
