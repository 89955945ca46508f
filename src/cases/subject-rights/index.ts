// Public face of the subject's rights within cases: export, erasure, legal holds, and the cases'
// part of retention (composed with the other contexts' in src/app/retention.ts).
export { SUBJECT_RIGHTS_ENCRYPTED_COLUMNS, ERASURE_CAUSES, type ErasureCause } from './schema.js';
export {
  eraseCase,
  setHold,
  liftHold,
  type CaseErased,
  type OnCaseErased,
  type SubjectRightsDeps,
} from './erasure.js';
export {
  caseEntityIds,
  caseThreadIds,
  closedCasesDue,
  eraseClosedCasesDue,
  eraseUnkeptCasesDue,
  heldCaseEntityIds,
  unkeptCasesDue,
} from './retention.js';
export { registerSubjectRightsRoutes } from './routes.js';
