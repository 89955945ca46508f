import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './rate-limit.js';

describe('token buckets', () => {
  it('allow a burst, then refill at the given rate', () => {
    const b = new TokenBuckets({ capacity: 3, refillPerSecond: 0.5, maxKeys: 10 });
    expect(b.take('s', 0)).toEqual({ ok: true });
    expect(b.take('s', 0)).toEqual({ ok: true });
    expect(b.take('s', 0)).toEqual({ ok: true });
    expect(b.take('s', 0)).toEqual({ ok: false, retryAfterSeconds: 2 });
    expect(b.take('s', 1000)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(b.take('s', 2000)).toEqual({ ok: true });
    expect(b.take('other', 2000)).toEqual({ ok: true });
  });
  it('keep no more keys than allowed, forgetting the stalest', () => {
    const b = new TokenBuckets({ capacity: 1, refillPerSecond: 0.001, maxKeys: 2 });
    b.take('a', 0);
    b.take('b', 0);
    b.take('a', 1); // a is now fresher than b
    b.take('c', 2); // b goes
    expect(b.size).toBe(2);
    expect(b.take('a', 3).ok).toBe(false);
    expect(b.take('b', 3).ok).toBe(true); // forgotten, so a fresh bucket
  });
  it('refuse a nonsensical spec', () => {
    expect(() => new TokenBuckets({ capacity: 0, refillPerSecond: 1, maxKeys: 1 })).toThrow();
  });
});
