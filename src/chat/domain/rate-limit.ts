// Token buckets for the chat line's rate limits (per chat session, per keyed hash of the address),
// in memory and bounded: the least recently used keys are forgotten first, so a flood of new
// addresses costs a fixed amount of memory. Each server limits on its own; a visitor spread over
// several servers gets each server's allowance, which the limits' sizes take into account.
export interface BucketSpec {
  /** Largest burst. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Most keys kept; beyond it the least recently used go. */
  maxKeys: number;
}

export type TakeResult = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly spec: BucketSpec) {
    if (spec.capacity <= 0 || spec.refillPerSecond <= 0 || spec.maxKeys <= 0) {
      throw new Error('A token bucket needs a positive capacity, refill and key limit');
    }
  }

  /** Takes `cost` tokens for `key` at time `now` (ms), or says how long until it could. */
  take(key: string, now: number, cost = 1): TakeResult {
    const { capacity, refillPerSecond } = this.spec;
    const found = this.buckets.get(key);
    const bucket = found ?? { tokens: capacity, at: now };
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    bucket.tokens = Math.min(capacity, bucket.tokens + elapsed * refillPerSecond);
    bucket.at = now;
    // Delete and set again: a Map iterates in insertion order, so the first key is the stalest.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.spec.maxKeys) {
      const stalest = this.buckets.keys().next().value;
      if (stalest !== undefined) this.buckets.delete(stalest);
    }
    if (bucket.tokens >= cost) {
      bucket.tokens -= cost;
      return { ok: true };
    }
    const missing = cost - bucket.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(missing / refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }
}
