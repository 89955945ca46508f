// Formatting shared by every page: dates, durations, counts and shares in the user's language,
// language and place names from their codes, and short ids people can read out.
import { currentLocale } from '../i18n';

export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso));
}

export function formatDate(iso: string): string {
  return new Intl.DateTimeFormat(currentLocale(), { dateStyle: 'medium' }).format(new Date(iso));
}

export function formatTime(ms: number): string {
  return new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'short' }).format(new Date(ms));
}

/** "3 minutes ago", "in 2 hours": for the last crawl and when an ad was seen. */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = (new Date(iso).getTime() - now) / 1000;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  if (abs < 60) return rtf.format(Math.round(diff), 'second');
  if (abs < 3600) return rtf.format(Math.round(diff / 60), 'minute');
  if (abs < 86_400) return rtf.format(Math.round(diff / 3600), 'hour');
  return rtf.format(Math.round(diff / 86_400), 'day');
}

/** A duration between two instants as "1 min 12 s" / "4 s". */
export function formatDuration(fromIso: string, toIso: string): string {
  const s = Math.max(
    0,
    Math.round((new Date(toIso).getTime() - new Date(fromIso).getTime()) / 1000),
  );
  const nf = new Intl.NumberFormat(currentLocale());
  if (s < 60) return `${nf.format(s)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${nf.format(m)} min ${nf.format(s % 60)} s`;
  return `${nf.format(Math.floor(m / 60))} h ${nf.format(m % 60)} min`;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(currentLocale()).format(n);
}

/** A share (0..1) as a whole percentage. */
export function formatPercent(share: number): string {
  return new Intl.NumberFormat(currentLocale(), {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(share);
}

/** A date input's value (yyyy-mm-dd, local) for a date. */
export function dateInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
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

/** "nl:den-haag" → "Den Haag" (the queue lists place ids; names come with the entity). */
export function placeName(placeId: string): string {
  const name = placeId.includes(':') ? placeId.slice(placeId.indexOf(':') + 1) : placeId;
  return name
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** The first block of a UUID or hash: enough to tell items apart when talking about them. */
export const shortId = (id: string) => id.slice(0, 8);
