// Who may do what to a case, written as data: per action, a list of condition sets, any one of
// which admits (a role among some, being the case's owner or an assigned colleague, the case in
// some states). The same rules compile to a predicate for one case (here) and to a SQL condition
// for lists (src/cases/access-sql.ts), so a list never shows a case its reader could not open.
// Partner users, analysts and admins appear in no set: they see no case (partners see referrals
// only, through the referrals' own rules), and an admin's power over accounts is not a reason to
// read about victims.
import type { Role } from '../../platform/auth/roles.js';
import type { CaseStatus } from './vocabulary.js';

export const CASE_ACTIONS = [
  'view_case',
  'view_notes',
  'write_note',
  'edit',
  'close',
  'reopen',
  'assign',
  'transfer',
  'record_consent',
  'withdraw_consent',
  'refer',
  'view_viewers',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** All conditions present must hold; an empty set admits everyone (none is written so). */
export interface ConditionSet {
  roles?: readonly Role[];
  owner?: true;
  assignee?: true;
  statuses?: readonly CaseStatus[];
}

const WORKERS = ['outreach_worker', 'supervisor'] as const satisfies readonly Role[];
const LIVE = ['open', 'referral', 'in_care'] as const satisfies readonly CaseStatus[];

/** The people who work a case: a supervisor, its owner, a colleague assigned to it. */
const team = (statuses?: readonly CaseStatus[]): ConditionSet[] => [
  { roles: ['supervisor'], ...(statuses ? { statuses } : {}) },
  { roles: WORKERS, owner: true, ...(statuses ? { statuses } : {}) },
  { roles: WORKERS, assignee: true, ...(statuses ? { statuses } : {}) },
];

export const CASE_ACCESS_RULES: Readonly<Record<CaseAction, readonly ConditionSet[]>> = {
  view_case: team(),
  view_notes: team(),
  write_note: team(LIVE),
  edit: team(LIVE),
  // The example: a supervisor, or its owner while it is open.
  close: [
    { roles: ['supervisor'], statuses: LIVE },
    { roles: WORKERS, owner: true, statuses: LIVE },
  ],
  reopen: [{ roles: ['supervisor'], statuses: ['closed'] }],
  // Adding or removing colleagues: the owner or a supervisor; handing the case on is directing work.
  assign: [
    { roles: ['supervisor'], statuses: LIVE },
    { roles: WORKERS, owner: true, statuses: LIVE },
  ],
  transfer: [{ roles: ['supervisor'], statuses: LIVE }],
  record_consent: team(LIVE),
  // A person may withdraw at any time, also once the case is closed.
  withdraw_consent: team(),
  refer: team(LIVE),
  view_viewers: [{ roles: ['supervisor'] }, { roles: WORKERS, owner: true }],
};

/** Who asks (a session's principal fits). */
export interface CaseReader {
  id: string;
  role: Role;
}

/** What the rules read of a case. */
export interface CaseAccessFacts {
  ownerId: string;
  assigneeIds: readonly string[];
  status: CaseStatus;
}

export function conditionSetHolds(set: ConditionSet, who: CaseReader, c: CaseAccessFacts) {
  if (set.roles && !set.roles.includes(who.role)) return false;
  if (set.owner && c.ownerId !== who.id) return false;
  if (set.assignee && !c.assigneeIds.includes(who.id)) return false;
  if (set.statuses && !set.statuses.includes(c.status)) return false;
  return true;
}

/** Whether `who` may take `action` on this case. */
export function mayOnCase(who: CaseReader, action: CaseAction, c: CaseAccessFacts): boolean {
  return CASE_ACCESS_RULES[action].some((set) => conditionSetHolds(set, who, c));
}

/** The actions `who` may take on this case, for the console to offer only those. */
export function allowedCaseActions(who: CaseReader, c: CaseAccessFacts): CaseAction[] {
  return CASE_ACTIONS.filter((a) => mayOnCase(who, a, c));
}

/** Whether `who` could take `action` on some case at all (for capabilities: show the page?). */
export function mayEverOnCases(who: Pick<CaseReader, 'role'>, action: CaseAction): boolean {
  return CASE_ACCESS_RULES[action].some((set) => !set.roles || set.roles.includes(who.role));
}
