// The session's capabilities, wired from each context's own policy functions: the one place that
// knows them all (the composition root), so the platform's session route names no context.
import { canManageSources, canReadAds } from '../collect/routes.js';
import { canOverrideRobots } from '../collect/sources.js';
import { canEditRules, canReadFacts, canRevealIdentifiers } from '../extract/db/routes.js';
import { TEMPLATE_AUTHOR_ROLES, TEMPLATE_TRANSITIONS } from '../outreach/domain/index.js';
import {
  canManageChannels,
  canReadTemplates,
  canSeeChannels,
  canWorkOutreach,
} from '../outreach/routes.js';
import type { CapabilityPolicies } from '../platform/auth/capabilities.js';
import {
  canDirectWork,
  canManagePartnerOrgs,
  canManageUsers,
  canReadAuditLog,
  type Principal,
} from '../platform/auth/policy.js';
import { canEditScoreModel, canReadScoreModel } from '../score/model-routes.js';
import { canActOnLeads, canReadQueue } from '../score/routes.js';

/** Approving is the template transition's own rule (who may move a draft to approved). */
const canApproveTemplates = (p: Principal) =>
  TEMPLATE_TRANSITIONS.some(
    (t) => t.action === 'approve' && (t.roles as readonly string[]).includes(p.role),
  );

/** Writing templates and quick replies: the domain's author roles. */
const canWriteTemplates = (p: Principal) =>
  (TEMPLATE_AUTHOR_ROLES as readonly string[]).includes(p.role);

export const capabilityPolicies: CapabilityPolicies = {
  manageUsers: canManageUsers,
  managePartnerOrgs: canManagePartnerOrgs,
  readAuditLog: canReadAuditLog,
  directWork: canDirectWork,
  manageSources: canManageSources,
  readAds: canReadAds,
  overrideRobots: canOverrideRobots,
  editRules: canEditRules,
  readFacts: canReadFacts,
  revealIdentifiers: canRevealIdentifiers,
  readQueue: canReadQueue,
  actOnLeads: canActOnLeads,
  readScoreModel: canReadScoreModel,
  editScoreModel: canEditScoreModel,
  workOutreach: canWorkOutreach,
  writeTemplates: canWriteTemplates,
  readTemplates: canReadTemplates,
  approveTemplates: canApproveTemplates,
  seeChannels: canSeeChannels,
  manageChannels: canManageChannels,
};
