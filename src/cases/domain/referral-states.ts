// A referral's life as a pure state machine: which step follows which, who may take it, and when a
// referral that nobody answered should remind its worker. The partner answers and reports outcomes;
// the worker can only revoke; the system ends referrals whose legal basis ended (a withdrawn consent
// revokes, an expired one expires). Terminal states are final: a revoked referral never reopens, so
// a partner whose access ended cannot get it back by reporting an outcome.
import { keyed, type KeyedMessage, type MessageText } from '../../platform/errors.js';
import { REFERRAL_STATES, type ReferralState } from './vocabulary.js';

/** Who moves a referral: the referring worker, the receiving organisation, or the program itself. */
export const REFERRAL_ACTORS = ['worker', 'partner', 'system'] as const;
export type ReferralActor = (typeof REFERRAL_ACTORS)[number];

/** States in which the partner still has access to what was shared. */
export const OPEN_REFERRAL_STATES = [
  'sent',
  'accepted',
  'intake_done',
  'in_care',
] as const satisfies readonly ReferralState[];
export type OpenReferralState = (typeof OPEN_REFERRAL_STATES)[number];

export const TERMINAL_REFERRAL_STATES = REFERRAL_STATES.filter(
  (s) => !(OPEN_REFERRAL_STATES as readonly string[]).includes(s),
);

export function isOpenReferral(state: ReferralState): state is OpenReferralState {
  return (OPEN_REFERRAL_STATES as readonly string[]).includes(state);
}

/** The partner's answer and its outcome reports, step by step. */
const PARTNER_MOVES: Partial<Record<ReferralState, readonly ReferralState[]>> = {
  sent: ['accepted', 'declined'],
  accepted: ['intake_done', 'in_care', 'left'],
  intake_done: ['in_care', 'left', 'helped'],
  in_care: ['left', 'helped'],
};

/** The steps a partner may report from a state (for the console and the secure-link page). */
export function partnerMovesFrom(state: ReferralState): readonly ReferralState[] {
  return PARTNER_MOVES[state] ?? [];
}

export const DECLINE_REASON_MAX = 1000;

export type MoveVerdict =
  | { allowed: true }
  | {
      allowed: false;
      code: 'not_allowed' | 'reason_required';
      message: string;
      text: MessageText;
    };

const ok: MoveVerdict = { allowed: true };

/**
 * Whether `by` may move a referral from `from` to `to`. A decline needs a reason (the worker must
 * know where to look next); every other refusal names what the state allows.
 */
export function decideReferralMove(
  from: ReferralState,
  to: ReferralState,
  by: ReferralActor,
  reason?: string | null,
): MoveVerdict {
  const refuse = (message: KeyedMessage): MoveVerdict => ({
    allowed: false,
    code: 'not_allowed',
    ...message,
  });
  if (!isOpenReferral(from)) {
    return refuse(
      keyed('referrals.closedState', `This referral is ${from}; nothing more can happen to it.`, {
        state: from,
      }),
    );
  }
  if (to === 'revoked') {
    return by === 'partner'
      ? refuse(
          keyed('referrals.revokeReferrerOnly', 'Only the referring side can revoke a referral.'),
        )
      : ok;
  }
  if (to === 'expired') {
    return by === 'system'
      ? ok
      : refuse(
          keyed('referrals.expiresByItself', 'A referral expires by itself, when its basis ends.'),
        );
  }
  if (by !== 'partner') {
    return refuse(
      keyed(
        'referrals.partnerAnswers',
        'Only the receiving organisation answers a referral and reports outcomes.',
      ),
    );
  }
  if (!partnerMovesFrom(from).includes(to)) {
    const next = partnerMovesFrom(from).join(', ');
    return refuse(
      keyed('referrals.nextSteps', `From ${from} the next step is one of: ${next}.`, {
        state: from,
        next,
      }),
    );
  }
  if (to === 'declined') {
    const text = reason?.trim() ?? '';
    if (!text) {
      return {
        allowed: false,
        code: 'reason_required',
        ...keyed('referrals.declineReason', 'Say why the referral is declined.'),
      };
    }
    if (text.length > DECLINE_REASON_MAX) {
      return {
        allowed: false,
        code: 'reason_required',
        ...keyed(
          'referrals.declineReasonLong',
          `Keep the reason under ${DECLINE_REASON_MAX} characters.`,
          { max: DECLINE_REASON_MAX },
        ),
      };
    }
  }
  return ok;
}

export interface ReminderSettings {
  /** Days without an answer after which the referring worker is reminded (again). */
  reminderDays: number;
}

const DAY = 86_400_000;

/**
 * Whether an unanswered referral should remind its worker now: `reminderDays` after it was sent,
 * and again every `reminderDays` after the last reminder (so a forgotten referral keeps surfacing,
 * but not every time the job runs).
 */
export function reminderDue(
  referral: { state: ReferralState; sentAt: Date; lastReminderAt: Date | null },
  settings: ReminderSettings,
  now: Date,
): boolean {
  if (referral.state !== 'sent') return false;
  const since = referral.lastReminderAt ?? referral.sentAt;
  return now.getTime() - since.getTime() >= settings.reminderDays * DAY;
}
