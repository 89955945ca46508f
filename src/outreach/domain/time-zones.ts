// Local time for quiet hours: the contact's time zone from their phone number's country (through
// libphonenumber-js and ./data/country-zones.json), local wall-clock time through Intl, and the
// first minute after a quiet period — correct across daylight-saving changes because it asks Intl
// about actual instants instead of adding hours to wall-clock times.
import { readFileSync } from 'node:fs';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import { parseDataFile } from './languages.js';

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const TimeZone = z.string().min(1).max(64).refine(isValidTimeZone, {
  message: 'not an IANA time zone (e.g. Europe/Amsterdam)',
});

export const CountryZonesFile = z
  .object({
    description: z.string(),
    source: z.string(),
    /** Countries spanning several UTC offsets: the zone given is a guess (the most populous). */
    severalOffsets: z.array(z.string().regex(/^[A-Z]{2}$/)),
    zones: z.record(z.string().regex(/^[A-Z]{2}$/), TimeZone),
  })
  .strict();

let countryZones: z.infer<typeof CountryZonesFile> | undefined;

function zonesTable() {
  if (!countryZones) {
    const url = new URL('./data/country-zones.json', import.meta.url);
    countryZones = parseDataFile(
      CountryZonesFile,
      JSON.parse(readFileSync(url, 'utf8')) as unknown,
      'data/country-zones.json',
    );
  }
  return countryZones;
}

/** The IANA zone for an ISO country code, and whether it is a guess among several offsets. */
export function timeZoneForCountry(country: string): { zone: string; guessed: boolean } | null {
  const table = zonesTable();
  const cc = country.toUpperCase();
  const zone = table.zones[cc];
  return zone ? { zone, guessed: table.severalOffsets.includes(cc) } : null;
}

export interface ContactTimeZone {
  zone: string;
  /** Where it came from: given for the person, their phone number's country, or the default. */
  source: 'recipient' | 'phone' | 'default';
  /** The country has several offsets, or nothing was known: local time may be off. */
  guessed: boolean;
  country: string | null;
}

/**
 * The contact's zone: an explicit zone (the place the person is known to be) wins over the phone
 * number's country, which wins over the default. A Romanian number advertised in Amsterdam is in
 * Amsterdam; the caller knows that from the ad and passes it.
 */
export function contactTimeZone(
  address: string,
  explicit: string | null | undefined,
  defaultZone: string,
): ContactTimeZone {
  const phone = /^\+?[\d\s()./-]{6,}$/.test(address.trim())
    ? parsePhoneNumberFromString(address.trim())
    : undefined;
  const country = phone?.country ?? null;
  if (explicit) return { zone: explicit, source: 'recipient', guessed: false, country };
  const byCountry = country ? timeZoneForCountry(country) : null;
  if (byCountry)
    return { zone: byCountry.zone, source: 'phone', guessed: byCountry.guessed, country };
  return { zone: defaultZone, source: 'default', guessed: true, country };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** Minutes since local midnight (0–1439) at an instant in a zone. */
export function localMinutes(at: Date, zone: string): number {
  let hour = 0;
  let minute = 0;
  for (const part of formatter(zone).formatToParts(at)) {
    if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return (hour % 24) * 60 + minute;
}

export const ClockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time is written HH:MM (00:00–23:59)');

export function clockMinutes(hhmm: string): number {
  const [h, m] = ClockTime.parse(hhmm).split(':');
  return Number(h) * 60 + Number(m);
}

/** Whether a local time falls in [start, end), which may wrap past midnight (21:00–09:00). */
export function inWindow(minutes: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
}

export function isQuietAt(at: Date, zone: string, start: string, end: string): boolean {
  return inWindow(localMinutes(at, zone), clockMinutes(start), clockMinutes(end));
}

const MINUTE = 60_000;
/**
 * A quiet period lasts under 24 h, an hour more over a DST change; if the whole sending window
 * falls in a skipped hour, it runs on into the next day's window.
 */
const LIMIT = 50 * 60 * MINUTE;

/**
 * The first instant at or after `at` that is outside the quiet hours, to the minute. Walks real
 * instants, so a spring-forward night is an hour shorter and a fall-back night an hour longer,
 * and an end time that falls in a skipped hour resolves to the first minute after the skip.
 */
export function quietHoursEnd(at: Date, zone: string, start: string, end: string): Date {
  const s = clockMinutes(start);
  const e = clockMinutes(end);
  const quiet = (t: number) => inWindow(localMinutes(new Date(t), zone), s, e);
  if (!quiet(at.getTime())) return at;
  // Steps no longer than the sending window, so none is jumped over.
  const open = (((s - e) % 1440) + 1440) % 1440;
  const step = Math.max(1, Math.min(15, open)) * MINUTE;
  const base = Math.floor(at.getTime() / MINUTE) * MINUTE;
  let lo = base;
  let hi = base + step;
  while (quiet(hi)) {
    lo = hi;
    hi += step;
    if (hi - base > LIMIT) throw new Error(`quiet hours ${start}–${end} never end in ${zone}`);
  }
  // quiet(lo) and !quiet(hi): find the first quiet-free minute in between.
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / MINUTE / 2) * MINUTE;
    if (quiet(mid)) lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}
