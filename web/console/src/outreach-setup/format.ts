// Dates and language names in the user's language, for the set-up pages.
import { currentLocale } from '../i18n';

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** "ro" → "Romanian" (or "Roemeens" in Dutch); the code itself when the browser has no name. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([currentLocale()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
