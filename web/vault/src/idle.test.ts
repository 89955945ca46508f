import { describe, expect, it } from 'vitest';
import { idleLock, type Timers } from './idle';

/** Timers driven by the test: `advance` runs whatever falls due. */
function fakeTimers() {
  let now = 0;
  let next = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const timers: Timers = {
    set: (fn, ms) => {
      due.set(next, { at: now + ms, fn });
      return next++;
    },
    clear: (h) => void due.delete(h as number),
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [h, t] of [...due]) {
      if (t.at <= now) {
        due.delete(h);
        t.fn();
      }
    }
  };
  return { timers, advance, pending: () => due.size };
}

describe('the idle lock', () => {
  it('locks once when nothing happens for the idle time, and each touch pushes it back', () => {
    const t = fakeTimers();
    let locks = 0;
    const idle = idleLock(t.timers, 1000, () => locks++);
    t.advance(900);
    idle.touch();
    t.advance(900);
    expect(locks).toBe(0);
    t.advance(100);
    expect(locks).toBe(1);
    idle.touch();
    t.advance(5000);
    expect(locks).toBe(1);
  });

  it('does nothing after it is stopped (the vault was locked by hand)', () => {
    const t = fakeTimers();
    let locks = 0;
    const idle = idleLock(t.timers, 1000, () => locks++);
    idle.stop();
    idle.touch();
    t.advance(2000);
    expect(locks).toBe(0);
    expect(t.pending()).toBe(0);
  });
});
