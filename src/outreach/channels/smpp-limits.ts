// Flow control for an SMPP bind: a window (at most N requests awaiting their response, as the
// SMSC's contract allows), a token bucket (messages per second), and exponential backoff with
// jitter for reconnects and throttling. Waiters are served in arrival order.

const EPSILON = 1e-9;

export class ClosedError extends Error {
  constructor() {
    super('The channel is closed');
    this.name = 'ClosedError';
  }
}

/** Counting semaphore: `acquire()` resolves with a release function once a slot is free. */
export class Window {
  private inUse = 0;
  private peak = 0;
  private readonly waiters: { grant: () => void; fail: (err: Error) => void }[] = [];

  constructor(readonly size: number) {}

  get outstanding(): number {
    return this.inUse;
  }

  /** The most slots ever in use at once. */
  get highWater(): number {
    return this.peak;
  }

  acquire(): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const grant = (): void => {
        this.inUse++;
        this.peak = Math.max(this.peak, this.inUse);
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.inUse--;
          this.waiters.shift()?.grant();
        });
      };
      if (this.inUse < this.size && this.waiters.length === 0) grant();
      else this.waiters.push({ grant, fail: reject });
    });
  }

  /** Fails every waiter (on close); slots already granted are released by their holders. */
  failWaiters(err: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.fail(err);
  }
}

/**
 * Token bucket: `rate` tokens a second, at most `burst` saved up. `take()` waits for a token and
 * for any pause (after the SMSC said it is throttling us) to pass.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; fail: () => void }>();

  constructor(
    readonly rate: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  /** No token is handed out before `until` (a monotonic time from `now`). */
  pauseUntil(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }

  take(): Promise<void> {
    // Chained so that waiters are served in order and each sees the bucket after the previous.
    const turn = this.queue.then(() => this.takeNow());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.fail();
    }
    this.timers.clear();
  }

  private async takeNow(): Promise<void> {
    for (;;) {
      if (this.closed) throw new ClosedError();
      const now = this.now();
      if (now < this.pausedUntil) {
        await this.sleep(this.pausedUntil - now);
        continue;
      }
      this.refill(now);
      if (this.tokens >= 1 - EPSILON) {
        this.tokens = Math.max(0, this.tokens - 1);
        return;
      }
      const due = now + ((1 - this.tokens) / this.rate) * 1000;
      await this.sleep(due - now);
      if (this.closed) throw new ClosedError();
      if (this.pausedUntil > due) continue;
      // The token counts as earned at `due`, not at the (later) wake-up: timers fire late, and
      // with a small bucket that lateness would otherwise be lost and the rate fall short.
      this.refill(due);
      if (this.tokens >= 1 - EPSILON) {
        this.tokens = Math.max(0, this.tokens - 1);
        return;
      }
    }
  }

  private refill(at: number): void {
    if (at <= this.last) return;
    this.tokens = Math.min(this.burst, this.tokens + ((at - this.last) / 1000) * this.rate);
    this.last = at;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = {
        timer: setTimeout(
          () => {
            this.timers.delete(entry);
            resolve();
          },
          Math.max(1, Math.ceil(ms)),
        ),
        fail: () => reject(new ClosedError()),
      };
      this.timers.add(entry);
    });
  }
}

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with "equal jitter": half the capped exponential delay is fixed, the other
 * half random, so many channels that lost the same SMSC do not come back in the same instant.
 */
export function backoffDelay(
  policy: BackoffPolicy,
  attempt: number,
  random: () => number = Math.random,
): number {
  const capped = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(attempt, 30));
  return capped / 2 + random() * (capped / 2);
}
