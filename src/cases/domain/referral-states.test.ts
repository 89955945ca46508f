import { describe, expect, it } from 'vitest';
import {
  decideReferralMove,
  isOpenReferral,
  OPEN_REFERRAL_STATES,
  partnerMovesFrom,
  REFERRAL_ACTORS,
  reminderDue,
  TERMINAL_REFERRAL_STATES,
} from './referral-states.js';
import { REFERRAL_STATES } from './vocabulary.js';

const DAY = 86_400_000;
const SENT = new Date('2026-03-02T09:00:00Z');
const after = (days: number) => new Date(SENT.getTime() + days * DAY);

describe('referral moves', () => {
  it('lets the partner answer and report outcomes along the path, and nothing else', () => {
    const path = ['sent', 'accepted', 'intake_done', 'in_care', 'helped'] as const;
    for (let i = 0; i + 1 < path.length; i++) {
      expect(decideReferralMove(path[i]!, path[i + 1]!, 'partner')).toEqual({ allowed: true });
    }
    expect(decideReferralMove('sent', 'in_care', 'partner')).toMatchObject({
      allowed: false,
      code: 'not_allowed',
    });
    expect(decideReferralMove('in_care', 'accepted', 'partner').allowed).toBe(false);
    expect(decideReferralMove('accepted', 'declined', 'partner').allowed).toBe(false);
  });

  it('never lets a worker or the system answer for the partner', () => {
    for (const by of ['worker', 'system'] as const) {
      for (const from of OPEN_REFERRAL_STATES) {
        for (const to of partnerMovesFrom(from)) {
          expect(decideReferralMove(from, to, by, 'because').allowed).toBe(false);
        }
      }
    }
  });

  it('asks a reason for a decline, and a short one', () => {
    expect(decideReferralMove('sent', 'declined', 'partner')).toMatchObject({
      code: 'reason_required',
    });
    expect(decideReferralMove('sent', 'declined', 'partner', '   ')).toMatchObject({
      code: 'reason_required',
    });
    expect(decideReferralMove('sent', 'declined', 'partner', 'x'.repeat(1001))).toMatchObject({
      code: 'reason_required',
    });
    expect(decideReferralMove('sent', 'declined', 'partner', 'We are full').allowed).toBe(true);
  });

  it('revokes any open referral from the referring side only; expiry is the system’s', () => {
    for (const from of OPEN_REFERRAL_STATES) {
      expect(decideReferralMove(from, 'revoked', 'worker').allowed).toBe(true);
      expect(decideReferralMove(from, 'revoked', 'system').allowed).toBe(true);
      expect(decideReferralMove(from, 'revoked', 'partner').allowed).toBe(false);
      expect(decideReferralMove(from, 'expired', 'system').allowed).toBe(true);
      expect(decideReferralMove(from, 'expired', 'worker').allowed).toBe(false);
    }
  });

  it('keeps every terminal state final, for everyone', () => {
    expect([...TERMINAL_REFERRAL_STATES].sort()).toEqual(
      ['declined', 'expired', 'helped', 'left', 'revoked'].sort(),
    );
    for (const from of TERMINAL_REFERRAL_STATES) {
      expect(isOpenReferral(from)).toBe(false);
      for (const to of REFERRAL_STATES) {
        for (const by of REFERRAL_ACTORS) {
          expect(decideReferralMove(from, to, by, 'reason').allowed).toBe(false);
        }
      }
    }
  });
});

describe('reminders', () => {
  const settings = { reminderDays: 3 };
  it('is due N days after sending without an answer, then every N days after the last', () => {
    const r = { state: 'sent' as const, sentAt: SENT, lastReminderAt: null };
    expect(reminderDue(r, settings, after(2.99))).toBe(false);
    expect(reminderDue(r, settings, after(3))).toBe(true);
    const reminded = { ...r, lastReminderAt: after(3) };
    expect(reminderDue(reminded, settings, after(5))).toBe(false);
    expect(reminderDue(reminded, settings, after(6))).toBe(true);
  });

  it('is never due once the partner answered or the referral ended', () => {
    for (const state of REFERRAL_STATES.filter((s) => s !== 'sent')) {
      expect(reminderDue({ state, sentAt: SENT, lastReminderAt: null }, settings, after(30))).toBe(
        false,
      );
    }
  });
});
