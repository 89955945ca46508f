// Why supervisors are alerted about a case. A case about a minor runs the organisation's child
// protocol: a supervisor is told at once, not when someone happens to open the case. A person who
// withdraws or refuses consent to keep their data has their case erased by the next retention run;
// a supervisor is told at once, so that a legal hold, where the law requires one, comes first.
import type { Role } from '../../platform/auth/roles.js';

export const CASE_ALERT_KINDS = ['minor', 'keep_data_ended'] as const;
export type CaseAlertKind = (typeof CASE_ALERT_KINDS)[number];

/**
 * Whether a change of a case's facts starts the child protocol: the case is (now) about a minor and
 * was not before. A case opened about a minor counts as a change from "not a minor".
 */
export function startsChildProtocol(before: { minor: boolean } | null, after: { minor: boolean }) {
  return after.minor && !(before?.minor ?? false);
}

/** Supervisors receive (and acknowledge) the alerts: the protocol names them. */
export function receivesCaseAlerts(who: { role: Role }): boolean {
  return who.role === 'supervisor';
}
