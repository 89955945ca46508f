// Who may do what in outreach: the named rules every outreach route asks (and the assignment
// service, which must know whether a colleague may hold a conversation). Kept apart from the routes
// so that services and the composition root (the session's capabilities) ask the same rules.
import type { Principal } from '../platform/auth/policy.js';

/** Who works with people's conversations: outreach workers and supervisors. */
export const canWorkOutreach = (p: Principal) =>
  p.role === 'outreach_worker' || p.role === 'supervisor';
/** A supervisor lifts the rules a person decides on: names for a shared number, a second thread. */
export const canLiftContactRules = (p: Principal) => p.role === 'supervisor';
/** Channels hold credentials: admins configure them. */
export const canManageChannels = (p: Principal) => p.role === 'admin';
export const canSeeChannels = (p: Principal) => canManageChannels(p) || canWorkOutreach(p);
/** Admins see the wording the organisation uses (read-only); they neither write nor approve it. */
export const canReadTemplates = (p: Principal) => canWorkOutreach(p) || p.role === 'admin';
