// Turns an API error into text for the user: our own translation when we have one for the code
// (or, for weak passwords, for each rule that failed), otherwise the server's message, which the
// server writes to be safe to show.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import { currentLocale } from '../i18n';
import { PASSWORD_RULES, type PasswordRule } from '../auth/password-strength';

type ErrorKey = keyof typeof en.errors;
export type ErrorOverrides = Partial<Record<string, string>>;

const isErrorKey = (code: string): code is ErrorKey => Object.hasOwn(en.errors, code);

/** The lock-out message carries its end time as an ISO timestamp; show it in local time. */
function lockedUntil(message: string): string | null {
  const m = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z/.exec(message);
  if (!m) return null;
  return new Intl.DateTimeFormat(currentLocale(), {
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

export function errorText(t: TFunction, err: unknown, overrides: ErrorOverrides = {}): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  const override = overrides[err.code];
  if (override) return override;
  if (err.code === 'account_locked') {
    const until = lockedUntil(err.message);
    return until ? t('errors.account_locked', { until }) : t('errors.account_locked_generic');
  }
  if (err.code === 'weak_password') return weakPassword(t, err);
  if (isErrorKey(err.code)) return t(`errors.${err.code}`);
  return err.message || t('errors.unknown');
}

export function useErrorText(): (err: unknown, overrides?: ErrorOverrides) => string {
  const { t } = useTranslation();
  return (err, overrides) => errorText(t, err, overrides);
}
