import { describe, expect, it } from 'vitest';
import {
  addressAllowed,
  addressWindow,
  afterFailure,
  decideAttempt,
  delayAfter,
  MAX_DELAY_MS,
} from './throttle.js';

const t0 = new Date('2030-06-04T10:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('unlock throttling', () => {
  it('lets the first wrong attempts pass, then doubles the wait up to an hour', () => {
    expect([0, 1, 2, 3, 4, 5].map(delayAfter)).toEqual([0, 0, 0, 30_000, 60_000, 120_000]);
    expect(delayAfter(40)).toBe(MAX_DELAY_MS);
  });

  it('refuses an attempt inside the wait and says how long is left', () => {
    let state = { failures: 0, lastFailureAt: null as Date | null };
    for (let i = 0; i < 3; i++) {
      expect(decideAttempt(state, t0)).toEqual({ allowed: true });
      state = afterFailure(state, t0, null).state;
    }
    expect(decideAttempt(state, at(10_000))).toEqual({ allowed: false, retryAfterSeconds: 20 });
    expect(decideAttempt(state, at(30_000))).toEqual({ allowed: true });
  });

  it("wipes at the owner's Nth wrong attempt in a row, never without the owner's choice", () => {
    let state = { failures: 0, lastFailureAt: null as Date | null };
    const wipes: boolean[] = [];
    for (let i = 0; i < 5; i++) {
      const r = afterFailure(state, t0, 5);
      state = r.state;
      wipes.push(r.wipe);
    }
    expect(wipes).toEqual([false, false, false, false, true]);
    expect(afterFailure({ failures: 99, lastFailureAt: t0 }, t0, null).wipe).toBe(false);
  });

  it('limits an address per fixed hour window', () => {
    expect(addressAllowed(19, 20)).toBe(true);
    expect(addressAllowed(20, 20)).toBe(false);
    expect(addressWindow(at(59 * 60_000)).toISOString()).toBe('2030-06-04T10:00:00.000Z');
    expect(addressWindow(at(60 * 60_000)).toISOString()).toBe('2030-06-04T11:00:00.000Z');
  });
});
