// The periods of a range (days, ISO weeks from Monday, calendar months; all UTC), named by their
// first day as the database names them, so a period with no records still shows as a zero.
import type { PeriodRange, PeriodUnit } from '../../platform/period-counts.js';

/** More periods than this in one view is a mistake (a daily view of ten years), refused. */
export const MAX_PERIODS = 400;

const DAY = 86_400_000;

function startOf(unit: PeriodUnit, at: Date): Date {
  const d = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  if (unit === 'week') return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  if (unit === 'month') return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return d;
}

function next(unit: PeriodUnit, at: Date): Date {
  if (unit === 'day') return new Date(at.getTime() + DAY);
  if (unit === 'week') return new Date(at.getTime() + 7 * DAY);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + 1, 1));
}

/** The first day of every period that overlaps the range, in order. */
export function periodsOf(range: PeriodRange): string[] {
  if (!(range.from.getTime() < range.to.getTime())) {
    throw new RangeError('The range must end after it starts.');
  }
  const out: string[] = [];
  for (let p = startOf(range.unit, range.from); p < range.to; p = next(range.unit, p)) {
    if (out.length === MAX_PERIODS) {
      throw new RangeError(
        `More than ${MAX_PERIODS} periods: choose a longer period or a shorter range.`,
      );
    }
    out.push(p.toISOString().slice(0, 10));
  }
  return out;
}
