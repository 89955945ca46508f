// The console's error texts as a hook: errorText (error-text.ts) in the current language.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import { errorText as describe, type ErrorOverrides } from './error-text';

export type { ErrorOverrides } from './error-text';

export function errorText(t: TFunction, err: unknown, overrides: ErrorOverrides = {}): string {
  return describe(t, err, overrides, currentLocale());
}

export function useErrorText(): (err: unknown, overrides?: ErrorOverrides) => string {
  const { t } = useTranslation();
  return (err, overrides) => errorText(t, err, overrides);
}
