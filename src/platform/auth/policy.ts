// Named authorisation rules. Routes ask a policy, never compare roles inline, so who may do what
// is written down in one place per context and can be tested alone.
import { keyed, type KeyedMessage, type MessageText } from '../errors.js';
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

/**
 * Who directs other people's work: hands a lead or a conversation to someone else, takes one over
 * from a colleague, reopens a closed lead. Supervisors, and admins (who can change anyone's role
 * anyway). Outreach routes admit only those who work conversations, so there it means supervisors.
 */
export const canDirectWork = (p: Principal): boolean =>
  p.role === 'supervisor' || p.role === 'admin';

/** A change of who holds a piece of work (a lead, a conversation); null is nobody. */
export interface AssigneeChange {
  from: string | null;
  to: string | null;
}

export type AssignmentVerdict =
  { allowed: true } | { allowed: false; reason: string; text: MessageText };

/**
 * The one assignment rule, for leads and conversations alike. Anyone who works them may take
 * unassigned work and give back their own; giving work to someone else, or taking it from a
 * colleague, is directing work: a supervisor's call, or the colleague gives it back first. Without
 * this a worker could read and answer a colleague's conversation by "taking" it, while handing it
 * on was already a supervisor's call — two rules for one act.
 */
const refused = (said: KeyedMessage): AssignmentVerdict => ({
  allowed: false,
  reason: said.message,
  text: said.text,
});

export function assignmentVerdict(p: Principal, change: AssigneeChange): AssignmentVerdict {
  if (change.from === change.to || canDirectWork(p)) return { allowed: true };
  if (change.from !== null && change.from !== p.id) {
    return refused(
      keyed(
        'auth.heldByColleague',
        'A colleague holds this. They give it back first, or a supervisor hands it to you.',
      ),
    );
  }
  if (change.to !== null && change.to !== p.id) {
    return refused(
      keyed('auth.assignSupervisorOnly', 'Only a supervisor gives work to someone else.'),
    );
  }
  return { allowed: true };
}

/** What the console may offer on a piece of work held by `holder`: asked of the rule above. */
export interface AssignmentOptions {
  /** Assign it to yourself (shown when someone else or nobody holds it). */
  take: boolean;
  /** Leave it unassigned (shown when someone holds it). */
  release: boolean;
  /** Hand it to a colleague. */
  handOver: boolean;
}

export function assignmentOptions(p: Principal, holder: string | null): AssignmentOptions {
  return {
    take: holder !== p.id && assignmentVerdict(p, { from: holder, to: p.id }).allowed,
    release: holder !== null && assignmentVerdict(p, { from: holder, to: null }).allowed,
    handOver: canDirectWork(p),
  };
}
