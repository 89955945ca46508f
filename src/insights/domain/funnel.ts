// The programme's funnel, put together from what each context counted: per step the total and the
// conversion from the step before, per period, per region (province) and per language; the time
// from first contact to referral (median, 75th percentile); referral outcomes per organisation.
import type { PeriodCount } from '../../platform/period-counts.js';

export const FUNNEL_STEPS = [
  'ads',
  'leads',
  'contacted',
  'replied',
  'cases',
  'referred',
  'accepted',
  'helped',
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number];
export type StepCounts = Record<FunnelStep, number>;

/** Where a record has no place, or a place outside the provinces the directory knows. */
export const UNKNOWN = 'unknown';
export const ELSEWHERE = 'elsewhere';

export interface FunnelRow {
  key: string;
  counts: StepCounts;
}

export interface Funnel {
  periods: FunnelRow[];
  regions: FunnelRow[];
  languages: FunnelRow[];
  totals: StepCounts;
  /** Step i's total over step i-1's (null for the first step, or when the step before is 0). */
  conversions: Record<FunnelStep, number | null>;
}

export const emptyCounts = (): StepCounts =>
  Object.fromEntries(FUNNEL_STEPS.map((s) => [s, 0])) as StepCounts;

function group(
  counted: Record<FunnelStep, readonly PeriodCount[]>,
  keyOf: (c: PeriodCount) => string,
  keys: readonly string[] = [],
): FunnelRow[] {
  const rows = new Map<string, StepCounts>(keys.map((k) => [k, emptyCounts()]));
  for (const step of FUNNEL_STEPS) {
    for (const c of counted[step]) {
      const key = keyOf(c);
      let row = rows.get(key);
      if (!row) rows.set(key, (row = emptyCounts()));
      row[step] += c.count;
    }
  }
  return [...rows].map(([key, counts]) => ({ key, counts }));
}

/** Rows sorted by their largest step first, then by name: the places that matter most on top. */
function byWeight(rows: FunnelRow[]): FunnelRow[] {
  const weight = (r: FunnelRow) => FUNNEL_STEPS.reduce((a, s) => a + r.counts[s], 0);
  return rows.sort((a, b) => weight(b) - weight(a) || a.key.localeCompare(b.key));
}

export function buildFunnel(
  counted: Record<FunnelStep, readonly PeriodCount[]>,
  periods: readonly string[],
  regionOf: (placeId: string) => string | null,
): Funnel {
  const inRange = new Set(periods);
  for (const step of FUNNEL_STEPS) {
    for (const c of counted[step]) {
      if (!inRange.has(c.period))
        throw new RangeError(`A count for ${c.period}, outside the range.`);
    }
  }
  const totals = emptyCounts();
  for (const step of FUNNEL_STEPS) {
    totals[step] = counted[step].reduce((a, c) => a + c.count, 0);
  }
  const conversions = Object.fromEntries(
    FUNNEL_STEPS.map((s, i) => {
      const before = i === 0 ? 0 : totals[FUNNEL_STEPS[i - 1]!];
      return [s, before > 0 ? totals[s] / before : null];
    }),
  ) as Record<FunnelStep, number | null>;
  return {
    periods: group(counted, (c) => c.period, periods),
    regions: byWeight(
      group(counted, (c) => (c.placeId === null ? UNKNOWN : (regionOf(c.placeId) ?? ELSEWHERE))),
    ),
    languages: byWeight(group(counted, (c) => c.language ?? UNKNOWN)),
    totals,
    conversions,
  };
}

/** The q-quantile (0..1) of durations by linear interpolation; null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface ContactToReferral {
  /** Cases first referred in the range whose conversation had a first contact before it. */
  cases: number;
  medianDays: number | null;
  p75Days: number | null;
}

/** Days from the earliest first contact of a case's conversations to its first referral. */
export function contactToReferral(
  timings: readonly { referredAt: Date; firstContactAt: Date | null }[],
): ContactToReferral {
  const days = timings
    .filter((t) => t.firstContactAt !== null && t.firstContactAt <= t.referredAt)
    .map((t) => (t.referredAt.getTime() - t.firstContactAt!.getTime()) / 86_400_000);
  const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
  return {
    cases: days.length,
    medianDays: round(quantile(days, 0.5)),
    p75Days: round(quantile(days, 0.75)),
  };
}
