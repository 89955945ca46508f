// Turns an API error into text for the user, without React or the app's i18next instance (so it is
// unit-tested with a translate function of its own). In order: the server's message by its key in
// the "serverErrors" catalogue (with its parameters, and the fields a request failed on); a page's
// own text for the code; our own translation when we have one for the code (or, for weak
// passwords, for each rule that failed; for a failed request check, which fields and why); else
// the server's message, which the server writes to be safe to show.
import type { TFunction } from 'i18next';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import { PASSWORD_RULES, type PasswordRule } from '../auth/password-strength';

type ErrorKey = keyof typeof en.errors;
export type ErrorOverrides = Partial<Record<string, string>>;

const isErrorKey = (code: string): code is ErrorKey => Object.hasOwn(en.errors, code);

/** Looks a translate call up by a key built at run time (the typed `t` takes literal keys only). */
type Translate = (key: string, options?: Record<string, unknown>) => string;
const NS = { ns: 'serverErrors' } as const;

const MISSING = '\u0000missing';
/**
 * Whether the catalogue (loaded with the signed-in console, so the sign-in page does not carry
 * it) has a message under this dotted key; before it is loaded, nothing is found and the texts
 * below fall back to the code's.
 */
function hasServerText(t: Translate, key: string): boolean {
  const found: unknown = t(key, { ...NS, defaultValue: MISSING, returnObjects: true });
  return typeof found === 'string' && found !== MISSING;
}

/** Whether the catalogue has words for this parameter's values (a group under `values`). */
function isValueGroup(t: Translate, name: string): boolean {
  const group: unknown = t(`values.${name}`, { ...NS, defaultValue: MISSING, returnObjects: true });
  return typeof group === 'object' && group !== null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A parameter as the reader reads it: dates in their locale, enum values in their language. */
function paramText(t: Translate, name: string, value: string | number, locale: string): string {
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (ISO_DATE_TIME.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(value),
    );
  }
  if (ISO_DATE.test(value)) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(`${value}T00:00:00Z`),
    );
  }
  // A list of enum values ("alias, age") is said word by word when the catalogue knows the words.
  if (!isValueGroup(t, name)) return value;
  return value
    .split(', ')
    .map((v) => (hasServerText(t, `values.${name}.${v}`) ? t(`values.${name}.${v}`, NS) : v))
    .join(', ');
}

interface TextShape {
  key: string;
  params?: Record<string, string | number>;
}
const isText = (v: unknown): v is TextShape =>
  typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';

/** The server's message by its catalogue key, or null when it sent none this console knows. */
function serverText(t: Translate, text: unknown, locale: string): string | null {
  if (!isText(text) || !hasServerText(t, text.key) || text.key.startsWith('values.')) return null;
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') {
      params[name] = paramText(t, name, value, locale);
    }
  }
  return t(text.key, { ...NS, ...params });
}

export interface IssueShape {
  path: string[];
  code: string;
  minimum?: number;
  maximum?: number;
  origin?: string;
  format?: string;
  /** A custom check the server names (regex, cron…). */
  reason?: string;
}
export const isIssue = (v: unknown): v is IssueShape =>
  typeof v === 'object' &&
  v !== null &&
  Array.isArray((v as { path?: unknown }).path) &&
  typeof (v as { code?: unknown }).code === 'string';

/** Why one check failed, in generic words per zod issue code (or the custom check's own). */
export function issueReason(tf: TFunction, i: IssueShape): string {
  const t = tf as unknown as Translate;
  const sized = (group: 'too_small' | 'too_big') => {
    const origin = i.origin && hasServerText(t, `issues.${group}.${i.origin}`) ? i.origin : 'other';
    return t(`issues.${group}.${origin}`, { ...NS, minimum: i.minimum, maximum: i.maximum });
  };
  // A check the schema names has its own words, whatever its zod code.
  if (i.reason && hasServerText(t, `issues.reasons.${i.reason}`)) {
    return t(`issues.reasons.${i.reason}`, NS);
  }
  switch (i.code) {
    case 'too_small':
    case 'too_big':
      return sized(i.code);
    case 'invalid_format': {
      const format = i.format && hasServerText(t, `issues.invalid_format.${i.format}`);
      return t(`issues.invalid_format.${format ? i.format : 'other'}`, NS);
    }
    default:
      return t(hasServerText(t, `issues.${i.code}`) ? `issues.${i.code}` : 'issues.custom', NS);
  }
}

/**
 * Names of a form's fields by their path in the request ("limits.maxPages"), in the user's
 * language: a form passes its own labels so a failed check names the field as the form does.
 */
export type FieldLabels = Partial<Record<string, string>>;

/**
 * A failed field as the user knows it: the form's own label, else the catalogue's name for a
 * common field (`fieldNames`, by the path without its list positions), else the path. A position
 * in a list is said as "#2" after the name.
 */
export function fieldName(
  tf: TFunction,
  path: readonly string[],
  labels: FieldLabels = {},
): string {
  const t = tf as unknown as Translate;
  if (path.length === 0) return t('issues.whole', NS);
  const dotted = path.join('.');
  const own = labels[dotted];
  if (own) return own;
  const named = path.filter((p) => !/^\d+$/.test(p));
  const positions = path.filter((p) => /^\d+$/.test(p)).map((p) => `#${Number(p) + 1}`);
  const key = `fieldNames.${named.join('.')}`;
  const base = labels[named.join('.')] ?? (hasServerText(t, key) ? t(key, NS) : null);
  return base ? [base, ...positions].join(' ') : dotted;
}

/** "Check name (at least 1 characters), email (not a valid e-mail address)." or null. */
function issuesText(t: Translate, issues: unknown, labels: FieldLabels): string | null {
  if (!Array.isArray(issues) || !hasServerText(t, 'issues.check')) return null;
  const listed = issues.filter(isIssue).slice(0, 8);
  if (listed.length === 0) return null;
  const tf = t as unknown as TFunction;
  const fields = listed
    .map((i) =>
      t('issues.field', {
        ...NS,
        field: fieldName(tf, i.path, labels),
        reason: issueReason(tf, i),
      }),
    )
    .join(', ');
  return t('issues.check', { ...NS, fields });
}

/** A problem of an imported file (a CSV row, an HTCDS record) as the server lists it. */
export interface ProblemShape {
  message: string;
  text?: unknown;
  issue?: unknown;
}

/**
 * One problem in the user's language: its catalogue message, else the reason of the check it
 * failed, else the server's English (from a server newer than this console).
 */
export function problemText(tf: TFunction, p: ProblemShape, locale = 'en-GB'): string {
  const t = tf as unknown as Translate;
  return serverText(t, p.text, locale) ?? (isIssue(p.issue) ? issueReason(tf, p.issue) : p.message);
}

/** The lock-out message carries its end time as an ISO timestamp; show it in local time. */
function lockedUntil(message: string, locale: string): string | null {
  const m = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/.exec(message);
  if (!m) return null;
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(m[0]));
}

const PASSWORD_RULE_KEYS = new Set<string>(PASSWORD_RULES);

/** A refused password: the server lists every rule that failed; each is said in our language. */
function weakPassword(t: TFunction, err: ApiError): string {
  const rules = Array.isArray(err.details.rules) ? (err.details.rules as unknown[]) : [];
  const names = rules
    .map((r) => (typeof r === 'object' && r !== null && 'rule' in r ? String(r.rule) : ''))
    .filter((r): r is PasswordRule => PASSWORD_RULE_KEYS.has(r));
  if (names.length === 0) return t('errors.weak_password');
  return t('password.refused', {
    rules: names.map((r) => t(`password.rules.${r}`).toLowerCase()).join('; '),
  });
}

export function errorText(
  t: TFunction,
  err: unknown,
  overrides: ErrorOverrides = {},
  locale = 'en-GB',
  fieldLabels: FieldLabels = {},
): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  const translate = t as unknown as Translate;
  const issues = issuesText(translate, err.details.issues, fieldLabels);
  // A page's own text for a code says it in the page's terms ("the current password is wrong"
  // on the password form): it comes first; then the server's message by its key.
  const override = overrides[err.code];
  if (override) return override;
  const keyed = serverText(translate, err.details.text, locale);
  if (keyed) return issues ? `${keyed} ${issues}` : keyed;
  if (err.code === 'account_locked') {
    const until = lockedUntil(err.message, locale);
    return until ? t('errors.account_locked', { until }) : t('errors.account_locked_generic');
  }
  if (err.code === 'weak_password') return weakPassword(t, err);
  // A request that failed its checks: which fields and why, or (from a check only an API client
  // can trip) a generic sentence rather than the server's English.
  if (err.code === 'validation_failed' && hasServerText(translate, 'issues.invalid')) {
    const invalid = translate('issues.invalid', NS);
    return issues ? `${invalid} ${issues}` : invalid;
  }
  if (isErrorKey(err.code)) return t(`errors.${err.code}`);
  return err.message || t('errors.unknown');
}
