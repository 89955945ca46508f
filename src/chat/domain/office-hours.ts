// Office hours of the chat line in the organisation's time zone: whether someone answers now, and
// when the line next opens. The hours are written as "mon-fri 09:00-17:00; sat 10:00-14:00"
// (CHAT_OFFICE_HOURS). Local times become instants by asking Intl for the zone's offset at that
// instant, so a daylight-saving change moves the opening with the clock on the wall.
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/** One open span on one weekday, in minutes after local midnight (end exclusive, up to 1440). */
export interface OpenSpan {
  day: number;
  from: number;
  to: number;
}

export interface OfficeHours {
  zone: string;
  spans: OpenSpan[];
}

export class OfficeHoursError extends Error {}

const minutesOf = (hhmm: string): number => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new OfficeHoursError(`"${hhmm}" is not a time (HH:MM)`);
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) {
    throw new OfficeHoursError(`"${hhmm}" is not a time of day`);
  }
  return h * 60 + min;
};

const dayOf = (name: string): number => {
  const i = (WEEKDAYS as readonly string[]).indexOf(name.toLowerCase());
  if (i === -1) throw new OfficeHoursError(`"${name}" is not a weekday (mon, tue, … sun)`);
  return i;
};

/**
 * Parses "mon-fri 09:00-17:00; sat 10:00-14:00" (days as a range or a comma list, several times
 * per part separated by commas, e.g. "mon,wed 09:00-12:00,13:00-17:00"). Throws a readable error.
 */
export function parseOfficeHours(text: string): OpenSpan[] {
  const spans: OpenSpan[] = [];
  for (const part of text
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^([a-zA-Z,-]+)\s+(.+)$/.exec(part);
    if (!m) throw new OfficeHoursError(`"${part}" should read like "mon-fri 09:00-17:00"`);
    const days = new Set<number>();
    for (const d of m[1]!.split(',')) {
      const range = d.split('-');
      if (range.length === 2) {
        const a = dayOf(range[0]!);
        const b = dayOf(range[1]!);
        // A range wraps over the weekend: "fri-mon" is Friday to Monday.
        for (let i = a; ; i = (i + 1) % 7) {
          days.add(i);
          if (i === b) break;
        }
      } else if (range.length === 1) days.add(dayOf(range[0]!));
      else throw new OfficeHoursError(`"${d}" is not a day or a range of days`);
    }
    for (const t of m[2]!.split(',').map((x) => x.trim())) {
      const times = t.split('-');
      if (times.length !== 2) throw new OfficeHoursError(`"${t}" should read like "09:00-17:00"`);
      const from = minutesOf(times[0]!);
      const to = minutesOf(times[1]!);
      if (to <= from) {
        throw new OfficeHoursError(
          `"${t}" ends before it starts (a night shift: split it at 24:00)`,
        );
      }
      for (const day of days) spans.push({ day, from, to });
    }
  }
  if (spans.length === 0) throw new OfficeHoursError('no open hours given');
  return spans.sort((a, b) => a.day - b.day || a.from - b.from);
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    formatters.set(zone, f);
  }
  return f;
}

interface LocalTime {
  year: number;
  month: number;
  day: number;
  weekday: number;
  minutes: number;
  seconds: number;
}

function localTime(at: Date, zone: string): LocalTime {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: dayOf(String(parts.weekday).slice(0, 3)),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

/** The zone's offset from UTC at an instant, in milliseconds. */
function offsetMs(at: Date, zone: string): number {
  const l = localTime(at, zone);
  const asUtc = Date.UTC(l.year, l.month - 1, l.day, 0, l.minutes, l.seconds);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant of a local wall-clock time in the zone (the later one in a repeated hour). */
function instantOf(year: number, month: number, day: number, minutes: number, zone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // Twice: the offset at the first guess may differ from the offset at the answer across a change.
  let guess = wall - offsetMs(new Date(wall), zone);
  guess = wall - offsetMs(new Date(guess), zone);
  return new Date(guess);
}

export interface OpenState {
  open: boolean;
  /** The next opening, when closed (undefined when the hours never open, which parse refuses). */
  opensAt?: Date;
}

/** Whether the line is open at `now`, and when it next opens if not. */
export function officeHoursAt(hours: OfficeHours, now: Date): OpenState {
  const l = localTime(now, hours.zone);
  if (hours.spans.some((s) => s.day === l.weekday && s.from <= l.minutes && l.minutes < s.to)) {
    return { open: true };
  }
  // Walk forward a day at a time (eight days covers a week's hours from any moment).
  for (let d = 0; d <= 7; d++) {
    const date = new Date(Date.UTC(l.year, l.month - 1, l.day + d));
    const weekday = (l.weekday + d) % 7;
    const starts = hours.spans
      .filter((s) => s.day === weekday && (d > 0 || s.from > l.minutes))
      .map((s) => s.from)
      .sort((a, b) => a - b);
    for (const from of starts) {
      // A span that continues yesterday's at midnight is no opening.
      if (from === 0 && hours.spans.some((s) => s.day === (weekday + 6) % 7 && s.to === 1440)) {
        continue;
      }
      const at = instantOf(
        date.getUTCFullYear(),
        date.getUTCMonth() + 1,
        date.getUTCDate(),
        from,
        hours.zone,
      );
      if (at.getTime() > now.getTime()) return { open: false, opensAt: at };
    }
  }
  return { open: false };
}
