// The sign-in pause rule, as pure functions of what is recorded per account and client address.
//
// - Failures (a wrong password, TOTP code or recovery code) count per account *and* address. After
//   LOGIN_MAX_FAILURES of them, that address must wait LOGIN_LOCKOUT_MINUTES before the next try;
//   every further failure doubles the wait, up to LOGIN_LOCKOUT_MAX_MINUTES. A completed sign-in
//   from the address clears its count; a day without failures forgets it.
// - Someone guessing from another address therefore never locks the owner out of their own
//   address. Against guessing spread over many addresses, an account that collected
//   LOGIN_ACCOUNT_MAX_FAILURES failures in a day from addresses that never signed in to it stops
//   accepting sign-ins from such addresses until the failures are a day old, while the addresses
//   the owner signed in from in the last 90 days keep working.
// - While paused, the password is not even judged, and the answer is the one a wrong password
//   gets, so a pause tells nobody whether the account exists.
export interface LockoutPolicy {
  /** Failures from one address before it has to pause. */
  maxFailures: number;
  /** The first pause; each further failure doubles it. */
  firstPauseMs: number;
  /** The longest pause. */
  maxPauseMs: number;
  /** Failures per account per day from unfamiliar addresses before those are turned away. */
  accountMaxFailures: number;
}

/** Failures are forgotten this long after the last one. */
export const FAILURE_MEMORY_MS = 24 * 3_600_000;
/** An address the owner completed a sign-in from within this long is one of theirs. */
export const KNOWN_ADDRESS_MS = 90 * 24 * 3_600_000;

/** What is recorded for one account at one address (absent before the first attempt). */
export interface AddressRecord {
  failures: number;
  lastFailureAt: Date | null;
  pausedUntil: Date | null;
  lastSuccessAt: Date | null;
}

export type SignInBlock = { kind: 'address'; until: Date } | { kind: 'account' } | null;

export function isKnownAddress(record: AddressRecord | undefined, now: Date): boolean {
  return Boolean(
    record?.lastSuccessAt && now.getTime() - record.lastSuccessAt.getTime() < KNOWN_ADDRESS_MS,
  );
}

/** How long an address waits after its `failures`-th failure: 0 below the limit, then doubling. */
export function pauseAfter(failures: number, policy: LockoutPolicy): number {
  if (failures < policy.maxFailures) return 0;
  const doublings = Math.min(failures - policy.maxFailures, 30);
  return Math.min(policy.maxPauseMs, policy.firstPauseMs * 2 ** doublings);
}

/** Whether a sign-in from this address may be judged at all right now. */
export function signInBlock(
  record: AddressRecord | undefined,
  accountFailures: number,
  now: Date,
  policy: LockoutPolicy,
): SignInBlock {
  if (record?.pausedUntil && record.pausedUntil.getTime() > now.getTime()) {
    return { kind: 'address', until: record.pausedUntil };
  }
  if (!isKnownAddress(record, now) && accountFailures >= policy.accountMaxFailures) {
    return { kind: 'account' };
  }
  return null;
}
