// Public face of the scoring context (indicator weights, entity scores with their reasons, the
// triage queue of leads, saved searches): what the composition root, the CLI and later contexts may
// use. Everything else in src/score is internal.
export { queueScoring, rescoreAllJobRef, scoreAll, scoreJobs } from './jobs.js';
export { linkHooks } from './hooks.js';
export { linkAndScore } from './pipeline.js';
export { canActOnLeads, canReadQueue, registerScoreRoutes } from './routes.js';
export { canEditScoreModel, canReadScoreModel, registerScoreModelRoutes } from './model-routes.js';
export { countLeads } from './insight-counts.js';
export { advanceLeadForOutreach } from './leads.js';
export type { MinorLead, ScoreHooks } from './hooks.js';
export {
  eraseLeads,
  leadEntityIds,
  leadStillDue,
  uncontactedLeadsDue,
  type LeadRetentionScope,
} from './retention.js';
