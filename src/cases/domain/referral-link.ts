// The rules of a secure link, the way an organisation without an account receives a referral: the
// link alone opens nothing; it needs a code sent over a second channel. Wrong codes are counted and
// lock the link for good after a few (a new link must be issued: the referring worker hears of it),
// and the link dies when it expires or when the referral ends (revoked, consent withdrawn or
// expired). Pure: the store counts and flags, these functions decide.

export const LINK_MAX_ATTEMPTS = 5;
export const LINK_DEFAULT_DAYS = 14;
/** How long one opening lasts before the code is asked again. */
export const LINK_SESSION_MINUTES = 30;

export interface LinkFacts {
  expiresAt: Date;
  attempts: number;
  lockedAt: Date | null;
  /** Set when the referral ended or the link was replaced: never opens again. */
  deadAt: Date | null;
}

export type LinkStatus = 'open' | 'expired' | 'locked' | 'dead';

export function linkStatus(link: LinkFacts, now: Date): LinkStatus {
  if (link.deadAt) return 'dead';
  if (link.lockedAt || link.attempts >= LINK_MAX_ATTEMPTS) return 'locked';
  if (now.getTime() >= link.expiresAt.getTime()) return 'expired';
  return 'open';
}

export type CodeAttempt =
  | { outcome: 'opened' }
  | { outcome: 'wrong'; attempts: number; attemptsLeft: number; lockNow: boolean }
  | { outcome: 'refused'; status: Exclude<LinkStatus, 'open'> };

/**
 * What one code entry does. A link that is not open refuses before the code is looked at, so a
 * locked link cannot be probed further; a wrong code counts, and the last allowed one locks.
 */
export function decideCodeAttempt(link: LinkFacts, codeMatches: boolean, now: Date): CodeAttempt {
  const status = linkStatus(link, now);
  if (status !== 'open') return { outcome: 'refused', status };
  if (codeMatches) return { outcome: 'opened' };
  const attempts = link.attempts + 1;
  return {
    outcome: 'wrong',
    attempts,
    attemptsLeft: Math.max(0, LINK_MAX_ATTEMPTS - attempts),
    lockNow: attempts >= LINK_MAX_ATTEMPTS,
  };
}

/** When a link issued at `issuedAt` for `days` days stops opening. */
export function linkExpiry(issuedAt: Date, days: number): Date {
  return new Date(issuedAt.getTime() + days * 86_400_000);
}

/** Codes are typed by hand from an SMS or e-mail: case, spaces and dashes do not matter. */
export function normaliseLinkCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}
