import { describe, expect, it } from 'vitest';
import {
  decideCodeAttempt,
  LINK_MAX_ATTEMPTS,
  linkExpiry,
  linkStatus,
  normaliseLinkCode,
  type LinkFacts,
} from './referral-link.js';

const ISSUED = new Date('2026-03-02T09:00:00Z');
const link = (over: Partial<LinkFacts> = {}): LinkFacts => ({
  expiresAt: linkExpiry(ISSUED, 14),
  attempts: 0,
  lockedAt: null,
  deadAt: null,
  ...over,
});
const at = (days: number) => new Date(ISSUED.getTime() + days * 86_400_000);

describe('secure link', () => {
  it('opens with the right code until it expires', () => {
    expect(decideCodeAttempt(link(), true, at(13.9))).toEqual({ outcome: 'opened' });
    expect(decideCodeAttempt(link(), true, at(14))).toEqual({
      outcome: 'refused',
      status: 'expired',
    });
  });

  it('counts wrong codes and locks at the last allowed one', () => {
    let facts = link();
    for (let i = 1; i <= LINK_MAX_ATTEMPTS; i++) {
      const attempt = decideCodeAttempt(facts, false, at(1));
      expect(attempt).toMatchObject({
        outcome: 'wrong',
        attempts: i,
        attemptsLeft: LINK_MAX_ATTEMPTS - i,
        lockNow: i === LINK_MAX_ATTEMPTS,
      });
      facts = { ...facts, attempts: i, lockedAt: i === LINK_MAX_ATTEMPTS ? at(1) : null };
    }
    // Locked: even the right code opens nothing, and nothing more is counted.
    expect(decideCodeAttempt(facts, true, at(1))).toEqual({
      outcome: 'refused',
      status: 'locked',
    });
  });

  it('never opens once dead, whatever else holds', () => {
    expect(linkStatus(link({ deadAt: at(1) }), at(0))).toBe('dead');
    expect(decideCodeAttempt(link({ deadAt: at(1) }), true, at(2))).toEqual({
      outcome: 'refused',
      status: 'dead',
    });
  });

  it('reads a typed code leniently', () => {
    expect(normaliseLinkCode(' abcd-23 45 ')).toBe('ABCD2345');
  });
});
