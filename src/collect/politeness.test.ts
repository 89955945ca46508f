import { describe, expect, it } from 'vitest';
import { CircuitOpenError, HostGate } from './politeness.js';

describe('HostGate', () => {
  it('keeps to the per-host concurrency and spaces requests out', async () => {
    const gate = new HostGate({ maxConcurrencyPerHost: 2, delayMs: 30 });
    let active = 0;
    let peak = 0;
    const starts: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await gate.acquire('h');
        starts.push(Date.now());
        active++;
        peak = Math.max(peak, active);
        await new Promise((r) => setTimeout(r, 20));
        active--;
        release();
      }),
    );
    expect(peak).toBeLessThanOrEqual(2);
    starts.sort((a, b) => a - b);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(25);
  });

  it('waits out a Retry-After before the next request to that host only', async () => {
    const gate = new HostGate({ maxConcurrencyPerHost: 1, delayMs: 0 });
    gate.pause('slow', 200);
    const t0 = Date.now();
    const order: string[] = [];
    const slow = gate.acquire('slow').then((release) => (order.push('slow'), release()));
    const other = gate.acquire('other').then((release) => (order.push('other'), release()));
    await Promise.all([slow, other]);
    // The other host does not wait for the paused one (an order, not a time: no limit to miss on
    // a busy machine); the paused host waits at least its pause.
    expect(order).toEqual(['other', 'slow']);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it('opens the circuit after repeated failures and lets requests through after the cooldown', async () => {
    let now = 1000;
    const gate = new HostGate({
      maxConcurrencyPerHost: 1,
      delayMs: 0,
      failureThreshold: 3,
      cooldownMs: 5000,
      now: () => now,
    });
    gate.recordFailure('h');
    gate.recordFailure('h');
    expect(gate.recordFailure('h')).toBe(true);
    await expect(gate.acquire('h')).rejects.toBeInstanceOf(CircuitOpenError);
    now += 6000;
    (await gate.acquire('h'))();
  });
});
