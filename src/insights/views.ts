// What the Insights routes answer: the funnel for the console (counts as they are, for staff) and
// the suppressed export for funders (counts, "<5" or "x"), both without a person in them.
import { z } from 'zod';
import { PERIOD_UNITS, type PeriodRange } from '../platform/period-counts.js';
import { FUNNEL_STEPS, type FunnelStep } from './domain/funnel.js';
import type { Insights } from './service.js';

const stepRecord = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(FUNNEL_STEPS.map((s) => [s, value])) as Record<FunnelStep, T>);

const StepCounts = stepRecord(z.int().min(0));
const Row = z.object({ key: z.string(), counts: StepCounts });
const RangeView = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  unit: z.enum(PERIOD_UNITS),
});

export const FunnelView = z.object({
  range: RangeView,
  steps: z.array(z.enum(FUNNEL_STEPS)),
  totals: StepCounts,
  conversions: stepRecord(z.number().min(0).nullable()),
  periods: z.array(Row),
  regions: z.array(Row),
  languages: z.array(Row),
  contactToReferral: z.object({
    cases: z.int().min(0),
    medianDays: z.number().nullable(),
    p75Days: z.number().nullable(),
  }),
  outcomes: z.array(
    z.object({ organisation: z.string(), state: z.string(), count: z.int().min(0) }),
  ),
});
export type FunnelView = z.infer<typeof FunnelView>;

const rangeView = (r: PeriodRange) => ({
  from: r.from.toISOString(),
  to: r.to.toISOString(),
  unit: r.unit,
});

export function presentFunnel(i: Insights): FunnelView {
  const row = (r: { key: string; counts: Record<FunnelStep, number> }) => ({
    key: r.key,
    counts: r.counts,
  });
  return {
    range: rangeView(i.range),
    steps: [...FUNNEL_STEPS],
    totals: i.funnel.totals,
    conversions: i.funnel.conversions,
    periods: i.funnel.periods.map(row),
    regions: i.funnel.regions.map(row),
    languages: i.funnel.languages.map(row),
    contactToReferral: i.contactToReferral,
    outcomes: i.outcomes,
  };
}

const Cell = z.union([z.int().min(0), z.literal('<5'), z.literal('x')]);
const CellSteps = stepRecord(Cell);

export const FunnelExportView = z.object({
  generatedAt: z.iso.datetime(),
  range: RangeView,
  note: z.string(),
  totals: CellSteps,
  conversions: stepRecord(z.number().min(0).nullable()),
  periods: z.array(z.object({ period: z.string(), counts: CellSteps })),
  regions: z.array(z.object({ region: z.string(), counts: CellSteps })),
  languages: z.array(z.object({ language: z.string(), counts: CellSteps })),
  contactToReferral: z.object({
    cases: Cell,
    medianDays: z.number().nullable(),
    p75Days: z.number().nullable(),
  }),
  outcomes: z.object({
    states: z.array(z.string()),
    rows: z.array(
      z.object({ organisation: z.string(), counts: z.record(z.string(), Cell), total: Cell }),
    ),
    totals: z.record(z.string(), Cell).nullable(),
  }),
});
