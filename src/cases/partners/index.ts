// The partner directory's public face inside the cases context (src/cases/index.ts re-exports it):
// the pure rules (profile, regions, CSV, matching) and the routes and store the composition root,
// the demo and the referrals use.
export * from '../domain/partner-profile.js';
export * from '../domain/partner-regions.js';
export * from '../domain/partner-distance.js';
export * from '../domain/partner-csv.js';
export * from '../domain/partner-match.js';
export {
  canEditPartnerDirectory,
  canMatchPartners,
  canReadPartnerDirectory,
  canSeePartnerEntry,
  registerPartnerRoutes,
} from './routes.js';
export { matchCandidates, partnerById, seedPartnerDirectory, type PartnerRow } from './store.js';
export { resolvePlace } from './places.js';
