// Small formatters shared by the queue, the entity page and saved searches: dates in the user's
// language, place and language names from their codes, short ids people can read out.
import { currentLocale } from '../i18n';

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(ms));
}

export function formatDay(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

/** The first block of a UUID: enough to tell leads apart when speaking about them. */
export const shortId = (id: string) => id.slice(0, 8);

/** "nl:den-haag" → "Den Haag" (the queue lists place ids; names come with the entity). */
export function placeName(placeId: string): string {
  const name = placeId.includes(':') ? placeId.slice(placeId.indexOf(':') + 1) : placeId;
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

const displayNames = new Map<string, Intl.DisplayNames | null>();

/** A language code (ISO 639-1 or -3) as a name in the user's language, or the code itself. */
export function languageName(code: string): string {
  const locale = currentLocale();
  let names = displayNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    } catch {
      names = null;
    }
    displayNames.set(locale, names);
  }
  try {
    return names?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date input's value (yyyy-mm-dd, local) for a date. */
export function dateInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
