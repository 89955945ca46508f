// Named authorisation rules. Routes ask a policy, never compare roles inline, so who may do what
// is written down in one place per context and can be tested alone.
import type { Role } from './schema.js';

export interface Principal {
  id: string;
  role: Role;
  partnerOrgId: string | null;
}

export const canManageUsers = (p: Principal): boolean => p.role === 'admin';
export const canManagePartnerOrgs = (p: Principal): boolean => p.role === 'admin';
/** Reading the whole audit log is for admins and supervisors (they review risky actions). */
export const canReadAuditLog = (p: Principal): boolean =>
  p.role === 'admin' || p.role === 'supervisor';
/** Partner users never see the program's own data: only what is referred to their organisation. */
export const isInternalStaff = (p: Principal): boolean => p.role !== 'partner';
