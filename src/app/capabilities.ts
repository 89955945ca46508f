// The session's capabilities, wired from each context's own policy functions: the one place that
// knows them all (the composition root), so the platform's session route names no context.
import {
  canEditPartnerDirectory,
  canExchangeHtcds,
  canReceiveCaseAlerts,
  canWorkCases,
} from '../cases/index.js';
import { canSuperviseChat, canWorkChat } from '../chat/index.js';
import { canManageSources, canOverrideRobots, canReadAds } from '../collect/index.js';
import { canReadInsights } from '../insights/index.js';
import { canEditRules, canReadFacts, canRevealIdentifiers } from '../facts/index.js';
import {
  canManageChannels,
  canReadTemplates,
  canSeeChannels,
  canWorkOutreach,
  TEMPLATE_AUTHOR_ROLES,
  TEMPLATE_TRANSITIONS,
} from '../outreach/index.js';
import type { CapabilityPolicies } from '../platform/auth/capabilities.js';
import {
  canDirectWork,
  canManagePartnerOrgs,
  canManageUsers,
  canReadAuditLog,
  type Principal,
} from '../platform/auth/policy.js';
import {
  canActOnLeads,
  canEditScoreModel,
  canReadQueue,
  canReadScoreModel,
} from '../score/index.js';

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
  workCases: canWorkCases,
  receiveCaseAlerts: canReceiveCaseAlerts,
  exchangeHtcds: canExchangeHtcds,
  editPartnerDirectory: canEditPartnerDirectory,
  readInsights: canReadInsights,
  workChat: canWorkChat,
  superviseChat: canSuperviseChat,
};
