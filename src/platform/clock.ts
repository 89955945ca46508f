// The one source of "now" for decisions that depend on time (quiet hours, gaps between messages,
// lockouts, session expiry, retention, crawl liveness). Production passes `systemClock`; tests pass a
// clock they set, so a rule never depends on the hour the suite happens to run at.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands at `at` until moved: for tests and replays. */
export function fixedClock(
  at: Date | string,
): Clock & { set(at: Date | string): void; advance(ms: number): void } {
  let current = new Date(at);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
