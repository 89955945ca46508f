import { describe, expect, it } from 'vitest';
import type { PeriodCount } from '../../platform/period-counts.js';
import { buildExport, exportCsv } from './export.js';
import {
  buildFunnel,
  contactToReferral,
  FUNNEL_STEPS,
  quantile,
  type FunnelStep,
} from './funnel.js';
import { MAX_PERIODS, periodsOf } from './periods.js';

const d = (s: string) => new Date(s);
const none = () =>
  Object.fromEntries(FUNNEL_STEPS.map((s) => [s, [] as PeriodCount[]])) as Record<
    FunnelStep,
    PeriodCount[]
  >;
const c = (
  period: string,
  count: number,
  placeId: string | null = null,
  language: string | null = null,
) => ({
  period,
  placeId,
  language,
  count,
});
const region = (id: string) =>
  id === 'nl:utrecht' ? 'Utrecht' : id === 'nl:breda' ? 'Noord-Brabant' : null;

describe('periodsOf', () => {
  it('names days, Monday weeks and calendar months by their first day (UTC)', () => {
    expect(
      periodsOf({ from: d('2026-11-02T00:00Z'), to: d('2026-11-05T00:00Z'), unit: 'day' }),
    ).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    // Wednesday 4 Nov lies in the week of Monday 2 Nov; Sunday 29 Nov in the week of the 23rd.
    expect(
      periodsOf({ from: d('2026-11-04T00:00Z'), to: d('2026-11-30T00:00Z'), unit: 'week' }),
    ).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23']);
    expect(
      periodsOf({ from: d('2026-11-15T00:00Z'), to: d('2027-01-02T00:00Z'), unit: 'month' }),
    ).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('refuses an empty or backwards range and too many periods', () => {
    const at = d('2026-11-02T00:00Z');
    expect(() => periodsOf({ from: at, to: at, unit: 'day' })).toThrow(RangeError);
    expect(() => periodsOf({ from: d('2026-11-03T00:00Z'), to: at, unit: 'week' })).toThrow(
      RangeError,
    );
    const long = { from: d('2020-01-01T00:00Z'), to: d('2026-01-01T00:00Z'), unit: 'day' as const };
    expect(() => periodsOf(long)).toThrow(String(MAX_PERIODS));
  });
});

describe('buildFunnel', () => {
  it('adds up every step, fills empty periods, and groups places into provinces', () => {
    const counted = none();
    counted.ads = [c('2026-11-02', 10, null, 'nl'), c('2026-11-09', 10, null, 'ro')];
    counted.leads = [
      c('2026-11-02', 4, 'nl:utrecht', 'ro'),
      c('2026-11-09', 1, 'nl:breda', 'ro'),
      c('2026-11-09', 1, 'us:nyc', null),
    ];
    counted.contacted = [c('2026-11-09', 3, null, 'ro')];
    const f = buildFunnel(counted, ['2026-11-02', '2026-11-09', '2026-11-16'], region);
    expect(f.totals).toMatchObject({ ads: 20, leads: 6, contacted: 3, replied: 0, helped: 0 });
    expect(f.conversions.ads).toBeNull();
    expect(f.conversions.leads).toBeCloseTo(0.3);
    expect(f.conversions.contacted).toBeCloseTo(0.5);
    expect(f.conversions.cases).toBeNull(); // nothing replied: no rate
    expect(f.periods.map((p) => p.key)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
    expect(f.periods[2]!.counts.ads).toBe(0);
    const regions = Object.fromEntries(f.regions.map((r) => [r.key, r.counts.leads]));
    expect(regions).toEqual({ unknown: 0, Utrecht: 4, 'Noord-Brabant': 1, elsewhere: 1 });
    expect(f.regions[0]!.key).toBe('unknown'); // the heaviest row first (20 ads + 3 contacted)
    const languages = Object.fromEntries(f.languages.map((r) => [r.key, r.counts]));
    expect(languages.ro).toMatchObject({ ads: 10, leads: 5, contacted: 3 });
    expect(languages.unknown).toMatchObject({ leads: 1 });
  });

  it('refuses a count for a period outside the range', () => {
    const counted = none();
    counted.cases = [c('2026-10-26', 1)];
    expect(() => buildFunnel(counted, ['2026-11-02'], region)).toThrow(/outside/);
  });
});

describe('time from first contact to referral', () => {
  it('gives the median and 75th percentile in days, leaving out cases without a first contact', () => {
    const contact = d('2026-11-01T00:00Z');
    const timings: { referredAt: Date; firstContactAt: Date | null }[] = [1, 2, 3, 10].map(
      (days) => ({
        referredAt: new Date(contact.getTime() + days * 86_400_000),
        firstContactAt: contact,
      }),
    );
    timings.push({ referredAt: contact, firstContactAt: null });
    timings.push({ referredAt: contact, firstContactAt: d('2026-11-05T00:00Z') }); // after: not counted
    expect(contactToReferral(timings)).toEqual({ cases: 4, medianDays: 2.5, p75Days: 4.8 });
    expect(contactToReferral([])).toEqual({ cases: 0, medianDays: null, p75Days: null });
  });

  it('interpolates quantiles', () => {
    expect(quantile([5], 0.75)).toBe(5);
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('the export', () => {
  const range = { from: d('2026-11-02T00:00Z'), to: d('2026-11-16T00:00Z'), unit: 'week' as const };
  const counted = none();
  counted.ads = [c('2026-11-02', 30, null, 'nl'), c('2026-11-09', 20, null, 'nl')];
  counted.leads = [c('2026-11-02', 12, 'nl:utrecht', 'nl'), c('2026-11-09', 3, 'nl:breda', 'nl')];
  counted.helped = [c('2026-11-09', 2, 'nl:utrecht', 'nl')];
  const funnel = buildFunnel(counted, periodsOf(range), region);
  const e = buildExport({
    funnel,
    contactToReferral: { cases: 7, medianDays: 3, p75Days: 5 },
    outcomes: [
      { organisation: 'Shelter, "North"', state: 'accepted', count: 9 },
      { organisation: 'Shelter, "North"', state: 'helped', count: 2 },
      { organisation: '=Clinic', state: 'accepted', count: 6 },
    ],
    states: ['accepted', 'helped'],
    range,
    now: d('2026-12-07T10:00Z'),
  });

  it('suppresses small cells with their partners, and rates beside hidden totals', () => {
    expect(e.totals).toMatchObject({ ads: 50, leads: 15, helped: '<5' });
    expect(e.conversions.leads).toBeCloseTo(0.3);
    expect(e.conversions.helped).toBeNull();
    // Leads per period: 12 and 3; the 3 is small, so the 12 goes too (the total 15 is shown).
    expect(e.periods.map((p) => p.counts.leads)).toEqual(['x', '<5']);
    expect(e.contactToReferral).toEqual({ cases: 7, medianDays: 3, p75Days: 5 });
    const shelter = e.outcomes.rows.find((r) => r.organisation.startsWith('Shelter'))!;
    expect(shelter.counts).toEqual({ accepted: 'x', helped: '<5' });
    expect(shelter.total).toBe(11);
  });

  it('writes CSV with quoting, no spreadsheet formulas, and every cell on a line', () => {
    const csv = exportCsv(e);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('table,row,column,value');
    expect(lines).toContain('totals,all,leads,15');
    expect(lines).toContain('period,2026-11-09,leads,<5');
    expect(lines).toContain('outcome,"Shelter, ""North""",helped,<5');
    expect(lines).toContain("outcome,'=Clinic,accepted,6");
    expect(lines.filter((l) => l.startsWith('period,'))).toHaveLength(2 * FUNNEL_STEPS.length);
  });

  it('hides time to referral for fewer than five cases', () => {
    const few = buildExport({
      funnel,
      contactToReferral: { cases: 3, medianDays: 2, p75Days: 4 },
      outcomes: [],
      states: ['accepted'],
      range,
      now: d('2026-12-07T10:00Z'),
    });
    expect(few.contactToReferral).toEqual({ cases: '<5', medianDays: null, p75Days: null });
    expect(few.outcomes).toEqual({ states: ['accepted'], rows: [], totals: null });
  });

  it('refuses an outcome in a state it does not know', () => {
    expect(() =>
      buildExport({
        funnel,
        contactToReferral: { cases: 0, medianDays: null, p75Days: null },
        outcomes: [{ organisation: 'A', state: 'lost', count: 5 }],
        states: ['accepted'],
        range,
        now: d('2026-12-07T10:00Z'),
      }),
    ).toThrow(/lost/);
  });
});
