// What a signed-in user may do, as the session tells the console: one yes/no per capability,
// computed by the server's own policy functions (the composition root wires them, since most live
// in the contexts). The console shows or hides pages and buttons by these instead of copying the
// role rules; the server still decides every request through the same functions.
import { z } from 'zod';
import type { Principal } from './policy.js';

export const CAPABILITIES = [
  /** Users and partner organisations (admin). */
  'manageUsers',
  'managePartnerOrgs',
  /** The whole audit log, and who viewed a record. */
  'readAuditLog',
  /** Hand work to someone else, take it from a colleague, reopen a closed lead. */
  'directWork',
  /** Sources, crawls, ads and extraction. */
  'manageSources',
  'readAds',
  'overrideRobots',
  'editRules',
  'readFacts',
  'revealIdentifiers',
  /** The triage queue and the score model. */
  'readQueue',
  'actOnLeads',
  'readScoreModel',
  'editScoreModel',
  /** Outreach: conversations, templates, channels. */
  'workOutreach',
  'writeTemplates',
  'readTemplates',
  'approveTemplates',
  'seeChannels',
  'manageChannels',
  /** Cases: the Cases page (each case then asks its own rules), and the child-protocol alerts. */
  'workCases',
  'receiveCaseAlerts',
  /** Cases as HTCDS records: export and import (supervisors). */
  'exchangeHtcds',
  /** The partner directory: add, edit, import (supervisors and admins). */
  'editPartnerDirectory',
  /** Insights: the funnel and its exports (supervisors, admins, analysts). */
  'readInsights',
  /** The chat line: answer chats; supervise it (watch, join, alerts). */
  'workChat',
  'superviseChat',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const Capabilities = z
  .object(
    Object.fromEntries(CAPABILITIES.map((c) => [c, z.boolean()])) as Record<
      Capability,
      z.ZodBoolean
    >,
  )
  .meta({ id: 'Capabilities', description: 'What the signed-in user may do' });
export type Capabilities = Record<Capability, boolean>;

/** Every capability's policy, by name. */
export type CapabilityPolicies = Record<Capability, (p: Principal) => boolean>;

export function capabilitiesOf(policies: CapabilityPolicies, p: Principal): Capabilities {
  return Object.fromEntries(CAPABILITIES.map((c) => [c, policies[c](p)])) as Capabilities;
}

/** What the console may offer on a piece of work held by someone (see assignmentOptions). */
export const AssignmentOptionsView = z
  .object({ take: z.boolean(), release: z.boolean(), handOver: z.boolean() })
  .meta({ id: 'AssignmentOptions' });
