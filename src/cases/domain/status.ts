// A case's life: open → referral → in care → closed with an outcome. A case can close from any
// step (a person may stop at any point), step back from referral to open when every referral was
// declined, go from in care to a new referral, and a supervisor can reopen a closed case. Anything
// else is refused, so the funnel counted from these states means what it says.
import { keyed, type MessageText } from '../../platform/errors.js';
import type { CaseOutcome, CaseStatus } from './vocabulary.js';

export const STATUS_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['referral', 'in_care', 'closed'],
  referral: ['in_care', 'open', 'closed'],
  in_care: ['referral', 'closed'],
  closed: ['open'],
};

export type StatusChangeVerdict =
  | { allowed: true; action: 'close' | 'reopen' | 'edit' }
  | { allowed: false; message: string; text: MessageText };

/**
 * Whether a case may move from `from` to `to`, and which access action that is (closing and
 * reopening have their own rules). Closing takes an outcome; nothing else does.
 */
export function checkStatusChange(
  from: CaseStatus,
  to: CaseStatus,
  outcome: CaseOutcome | null,
): StatusChangeVerdict {
  if (from === to) {
    return {
      allowed: false,
      ...keyed('cases.alreadyStatus', `The case is already ${from}.`, { status: from }),
    };
  }
  if (!STATUS_TRANSITIONS[from].includes(to)) {
    return {
      allowed: false,
      ...keyed('cases.statusMove', `A case does not go from ${from} to ${to}.`, {
        from,
        to,
      }),
    };
  }
  if (to === 'closed' && !outcome) {
    return {
      allowed: false,
      ...keyed('cases.closeNeedsOutcome', 'Closing a case records its outcome.'),
    };
  }
  if (to !== 'closed' && outcome) {
    return {
      allowed: false,
      ...keyed('cases.outcomeOnlyOnClose', 'Only closing a case records an outcome.'),
    };
  }
  return {
    allowed: true,
    action: to === 'closed' ? 'close' : from === 'closed' ? 'reopen' : 'edit',
  };
}
