// Politeness per host: at most N requests at once, a delay between requests, a pause when the
// server asks for one (Retry-After, robots.txt Crawl-delay), and a circuit breaker that stops
// hammering a host that keeps failing. One HostGate per crawl holds the state for every host.
import { setTimeout as sleep } from 'node:timers/promises';

interface HostState {
  active: number;
  waiters: (() => void)[];
  nextAt: number;
  consecutiveFailures: number;
  openUntil: number;
}

export interface HostGateOptions {
  maxConcurrencyPerHost: number;
  delayMs: number;
  /** Failures in a row that open the circuit. */
  failureThreshold?: number;
  /** How long an open circuit refuses requests before letting one through again. */
  cooldownMs?: number;
  /** Longest Retry-After honoured; a server asking for more gets the request given up. */
  maxPauseMs?: number;
  now?: () => number;
}

export class CircuitOpenError extends Error {
  constructor(readonly host: string) {
    super(`host ${host} failed too often in a row; not asking it again for now`);
    this.name = 'CircuitOpenError';
  }
}

export class HostGate {
  private readonly hosts = new Map<string, HostState>();
  private readonly delays = new Map<string, number>();
  private readonly failureThreshold: number;
  private readonly cooldownMs: number;
  readonly maxPauseMs: number;
  private readonly now: () => number;

  constructor(private readonly opts: HostGateOptions) {
    this.failureThreshold = opts.failureThreshold ?? 5;
    this.cooldownMs = opts.cooldownMs ?? 60_000;
    this.maxPauseMs = opts.maxPauseMs ?? 120_000;
    this.now = opts.now ?? Date.now;
  }

  private state(host: string): HostState {
    let s = this.hosts.get(host);
    if (!s) {
      s = { active: 0, waiters: [], nextAt: 0, consecutiveFailures: 0, openUntil: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** robots.txt Crawl-delay can only make us slower than the source's own delay. */
  setMinDelay(host: string, delayMs: number): void {
    this.delays.set(host, Math.max(this.opts.delayMs, delayMs));
  }

  /** Waits for a slot and the host's delay; throws CircuitOpenError while the circuit is open. */
  async acquire(host: string): Promise<() => void> {
    const s = this.state(host);
    if (s.openUntil > this.now()) throw new CircuitOpenError(host);
    while (s.active >= this.opts.maxConcurrencyPerHost) {
      await new Promise<void>((resolve) => s.waiters.push(resolve));
    }
    s.active++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      s.active--;
      s.waiters.shift()?.();
    };
    try {
      for (;;) {
        const wait = s.nextAt - this.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      if (s.openUntil > this.now()) throw new CircuitOpenError(host);
      s.nextAt = this.now() + (this.delays.get(host) ?? this.opts.delayMs);
    } catch (err) {
      release();
      throw err;
    }
    return release;
  }

  /** The server asked us to wait (429/503 Retry-After): nobody asks this host before then. */
  pause(host: string, ms: number): void {
    const s = this.state(host);
    s.nextAt = Math.max(s.nextAt, this.now() + Math.min(ms, this.maxPauseMs));
  }

  recordSuccess(host: string): void {
    const s = this.state(host);
    s.consecutiveFailures = 0;
  }

  /** Counts a failure that says something about the host (5xx, timeouts, network errors). */
  recordFailure(host: string): boolean {
    const s = this.state(host);
    s.consecutiveFailures++;
    if (s.consecutiveFailures >= this.failureThreshold) {
      s.openUntil = this.now() + this.cooldownMs;
      s.consecutiveFailures = 0;
      return true;
    }
    return false;
  }
}
