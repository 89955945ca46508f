// The rules a new password must meet, as one pure function the server enforces and the console
// shows as a checklist while the password is typed (the console imports this file, so the two
// cannot drift apart). The strength estimate (zxcvbn-ts with its dictionaries, password-estimator.ts)
// is passed in: it is large, so each side loads it only when a password is being chosen.
// A contract (src/contracts): imports nothing, so that it runs unchanged in the browser.

export const PASSWORD_POLICY = {
  minLength: 12,
  maxLength: 256,
  /** Different characters at least: "aaaaaaaaaaaa1" is long but not a password. */
  minDistinct: 5,
  /** zxcvbn's score, 0–4: 3 is "safely unguessable" for an online attacker that is slowed down. */
  minScore: 3,
  /** Share of the password one entry of the common-password list may take, at most. */
  maxCommonShare: 0.5,
  /** Parts of the e-mail address or name this long or longer may not appear in the password. */
  minPersonalPart: 4,
} as const;

/** In the order the checklist shows them. `reused` is only known to the server (the current one). */
export const PASSWORD_RULES = [
  'min_length',
  'max_length',
  'variety',
  'personal',
  'common',
  'strength',
  'reused',
] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** What the server tells a client about each rule that failed (the console translates by `rule`). */
export const PASSWORD_RULE_MESSAGES: Record<PasswordRule, string> = {
  min_length: `Use at least ${PASSWORD_POLICY.minLength} characters.`,
  max_length: `Use at most ${PASSWORD_POLICY.maxLength} characters.`,
  variety: `Use at least ${PASSWORD_POLICY.minDistinct} different characters.`,
  personal: 'Do not use your e-mail address or your name in it.',
  common:
    'This is, or is mostly, a common or leaked password that attackers try first. Choose another.',
  strength:
    'This is too easy to guess. A few unrelated words, or a longer phrase, make a strong password.',
  reused: 'Choose a password different from the current one.',
};

export interface PasswordOwner {
  email: string;
  displayName?: string | null;
}

/** What the estimator says about a password. */
export interface StrengthEstimate {
  /** 0 (too guessable) to 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Share of the password (0–1) taken by its longest entry of the common and leaked passwords list. */
  commonShare: number;
}

/** A rule's outcome; `ok: null` while the estimate it needs is still loading. */
export interface PasswordCheck {
  rule: PasswordRule;
  ok: boolean | null;
}

/**
 * The parts of someone's e-mail address and name a password must not contain: the whole local
 * part and its pieces, the domain's name (not the top-level domain), and the words of the name.
 */
export function personalWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const [local = '', domain = ''] = email.split('@');
  const labels = domain.split('.').slice(0, -1);
  const name = (owner.displayName ?? '').toLowerCase();
  const words = [local, ...local.split(/[._+-]+/), ...labels, ...name.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.filter((w) => w.length >= PASSWORD_POLICY.minPersonalPart))];
}

/** What the estimator should treat as known to an attacker: the address, the name and their parts. */
export function estimatorInputs(owner: PasswordOwner): string[] {
  return [
    owner.email.trim().toLowerCase(),
    ...(owner.displayName ? [owner.displayName] : []),
    ...personalWords(owner),
  ];
}

/** Every rule for a new password, each with its outcome (none is skipped when another fails). */
export function checkPassword(
  password: string,
  owner: PasswordOwner,
  estimate: StrengthEstimate | null,
): PasswordCheck[] {
  const lower = password.toLowerCase();
  const length = [...password].length;
  return [
    { rule: 'min_length', ok: length >= PASSWORD_POLICY.minLength },
    { rule: 'max_length', ok: length <= PASSWORD_POLICY.maxLength },
    { rule: 'variety', ok: new Set(password).size >= PASSWORD_POLICY.minDistinct },
    { rule: 'personal', ok: !personalWords(owner).some((w) => lower.includes(w)) },
    {
      rule: 'common',
      ok: estimate ? estimate.commonShare <= PASSWORD_POLICY.maxCommonShare : null,
    },
    { rule: 'strength', ok: estimate ? estimate.score >= PASSWORD_POLICY.minScore : null },
  ];
}
