// The pause rule alone: doubling pauses with a cap, and the account-wide ceiling that spares the
// owner's usual addresses. (Forgetting is counted in SQL: test/api/auth.db.test.ts.)
import { describe, expect, it } from 'vitest';
import { KNOWN_ADDRESS_MS, pauseAfter, signInBlock, type LockoutPolicy } from './lockout.js';
import { addressKey } from './sign-in-addresses.js';

const MIN = 60_000;
const policy: LockoutPolicy = {
  maxFailures: 5,
  firstPauseMs: 15 * MIN,
  maxPauseMs: 240 * MIN,
  accountMaxFailures: 50,
};
const now = new Date('2031-03-04T09:00:00Z');
const ago = (ms: number) => new Date(now.getTime() - ms);

describe('sign-in pauses', () => {
  it('start at the limit and double with every further failure, up to the cap', () => {
    expect([1, 4].map((f) => pauseAfter(f, policy))).toEqual([0, 0]);
    expect([5, 6, 7, 8, 9].map((f) => pauseAfter(f, policy) / MIN)).toEqual([15, 30, 60, 120, 240]);
    expect(pauseAfter(10, policy) / MIN).toBe(240);
    expect(pauseAfter(10_000, policy) / MIN).toBe(240);
  });

  it('hold an address while its pause runs', () => {
    const until = new Date(now.getTime() + MIN);
    const record = { failures: 5, lastFailureAt: now, pausedUntil: until, lastSuccessAt: null };
    expect(signInBlock(record, 0, now, policy)).toEqual({ kind: 'address', until });
    expect(signInBlock(record, 0, until, policy)).toBeNull();
  });

  it('turn unfamiliar addresses away at the account ceiling, not the owner’s usual one', () => {
    const usual = {
      failures: 0,
      lastFailureAt: null,
      pausedUntil: null,
      lastSuccessAt: ago(KNOWN_ADDRESS_MS / 2),
    };
    const longAgo = { ...usual, lastSuccessAt: ago(KNOWN_ADDRESS_MS) };
    expect(signInBlock(undefined, 49, now, policy)).toBeNull();
    expect(signInBlock(undefined, 50, now, policy)).toEqual({ kind: 'account' });
    expect(signInBlock(longAgo, 50, now, policy)).toEqual({ kind: 'account' });
    expect(signInBlock(usual, 500, now, policy)).toBeNull();
  });
});

describe('client addresses', () => {
  it('count IPv4 per address and IPv6 per /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:85a3:12::8a2e:370:7334')).toBe('2001:db8:85a3:12::/64');
    expect(addressKey('2001:DB8:85A3:0012:ffff::1')).toBe('2001:db8:85a3:12::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
