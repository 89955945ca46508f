// How wrong unlock attempts are limited. Per vault: the first few wrong attempts cost nothing, then
// each further one doubles the wait before the next is even looked at (30 s, 1 min, 2 min … at most
// an hour), so guessing a passphrase online is hopeless while the owner who mistyped twice is not
// locked out. If the owner chose it, the vault is wiped at the Nth wrong attempt in a row. Per
// address (a keyed hash, never the address): a ceiling of wrong attempts an hour over all vaults,
// so one client cannot spread its guesses over many vault ids.

export const FREE_FAILURES = 3;
export const BASE_DELAY_MS = 30_000;
export const MAX_DELAY_MS = 60 * 60_000;
export const ADDRESS_WINDOW_MS = 60 * 60_000;

export interface ThrottleState {
  /** Wrong attempts since the last good one. */
  failures: number;
  lastFailureAt: Date | null;
}

/** The wait imposed after `failures` wrong attempts in a row. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export type AttemptDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether an attempt at `now` is looked at at all. */
export function decideAttempt(state: ThrottleState, now: Date): AttemptDecision {
  if (!state.lastFailureAt) return { allowed: true };
  const openAt = state.lastFailureAt.getTime() + delayAfter(state.failures);
  if (now.getTime() >= openAt) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.ceil((openAt - now.getTime()) / 1000) };
}

/** After a wrong attempt: the new state, and whether the owner's wipe rule now applies. */
export function afterFailure(
  state: ThrottleState,
  now: Date,
  wipeAfter: number | null,
): { state: ThrottleState; wipe: boolean } {
  const failures = state.failures + 1;
  return {
    state: { failures, lastFailureAt: now },
    wipe: wipeAfter !== null && failures >= wipeAfter,
  };
}

/** Whether an address with `failures` wrong attempts in the current window may try again. */
export function addressAllowed(failures: number, maxPerWindow: number): boolean {
  return failures < maxPerWindow;
}

/** The start of the window `now` falls in (windows are fixed hours). */
export function addressWindow(now: Date): Date {
  return new Date(Math.floor(now.getTime() / ADDRESS_WINDOW_MS) * ADDRESS_WINDOW_MS);
}
