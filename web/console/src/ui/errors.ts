// Turns an API error into text for the user: our own translation when we have one for the code
// (or, for weak passwords, for the rule that failed), otherwise the server's message, which the
// server writes to be safe to show.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import en from '../i18n/en.json';
import { currentLocale } from '../i18n';

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

function weakPassword(t: TFunction, message: string): string {
  if (/at least/i.test(message)) return t('password.tooShort');
  if (/at most/i.test(message)) return t('password.tooLong');
  if (/different characters/i.test(message)) return t('password.fewCharacters');
  if (/e-?mail/i.test(message)) return t('password.containsEmail');
  if (/different from the current/i.test(message)) return t('password.sameAsCurrent');
  return t('errors.weak_password');
}

export function errorText(t: TFunction, err: unknown, overrides: ErrorOverrides = {}): string {
  if (!(err instanceof ApiError)) return t('errors.unknown');
  const override = overrides[err.code];
  if (override) return override;
  if (err.code === 'account_locked') {
    const until = lockedUntil(err.message);
    return until ? t('errors.account_locked', { until }) : t('errors.account_locked_generic');
  }
  if (err.code === 'weak_password') return weakPassword(t, err.message);
  if (isErrorKey(err.code)) return t(`errors.${err.code}`);
  return err.message || t('errors.unknown');
}

export function useErrorText(): (err: unknown, overrides?: ErrorOverrides) => string {
  const { t } = useTranslation();
  return (err, overrides) => errorText(t, err, overrides);
}
