// What funders and the ministry get: the funnel, its places and languages, time to referral and
// outcomes per organisation, with no person in it (counts only, no ids) and every small cell
// suppressed (see suppression.ts). The same content as JSON and as CSV (one line per cell).
import type { PeriodRange } from '../../platform/period-counts.js';
import { FUNNEL_STEPS, type ContactToReferral, type Funnel, type FunnelStep } from './funnel.js';
import {
  SMALL_CELL_MAX,
  suppressSharingTotals,
  suppressTable,
  type PublishedCell,
} from './suppression.js';

export const SUPPRESSION_NOTE =
  'Counts from 1 to 4 are shown as "<5"; "x" hides a further cell from which a "<5" could be worked out by subtraction.';

export interface OutcomeCount {
  organisation: string;
  state: string;
  count: number;
}

type Counts = Record<FunnelStep, PublishedCell>;

export interface FunnelExport {
  generatedAt: string;
  range: { from: string; to: string; unit: PeriodRange['unit'] };
  note: string;
  totals: Counts;
  conversions: Record<FunnelStep, number | null>;
  periods: { period: string; counts: Counts }[];
  regions: { region: string; counts: Counts }[];
  languages: { language: string; counts: Counts }[];
  contactToReferral: { cases: PublishedCell; medianDays: number | null; p75Days: number | null };
  outcomes: {
    states: string[];
    rows: { organisation: string; counts: Record<string, PublishedCell>; total: PublishedCell }[];
    totals: Record<string, PublishedCell> | null;
  };
}

const asCounts = (cells: readonly PublishedCell[]): Counts =>
  Object.fromEntries(FUNNEL_STEPS.map((s, i) => [s, cells[i]!])) as Counts;

export function buildExport(input: {
  funnel: Funnel;
  contactToReferral: ContactToReferral;
  outcomes: readonly OutcomeCount[];
  states: readonly string[];
  range: PeriodRange;
  now: Date;
}): FunnelExport {
  const { funnel } = input;
  const matrix = (rows: Funnel['periods']) => rows.map((r) => FUNNEL_STEPS.map((s) => r.counts[s]));
  const [periods, regions, languages] = suppressSharingTotals(
    [matrix(funnel.periods), matrix(funnel.regions), matrix(funnel.languages)],
    FUNNEL_STEPS.length,
  ) as [
    ReturnType<typeof suppressTable>,
    ReturnType<typeof suppressTable>,
    ReturnType<typeof suppressTable>,
  ];
  // Any table's totals: they are shared, so the same cells are hidden in each.
  const totals = asCounts(periods.totals!);
  // A rate between two shown totals only: a rate next to a hidden count would give it back.
  const conversions = Object.fromEntries(
    FUNNEL_STEPS.map((s, i) => {
      const before = i === 0 ? undefined : FUNNEL_STEPS[i - 1]!;
      const shown = before && typeof totals[s] === 'number' && typeof totals[before] === 'number';
      return [s, shown ? funnel.conversions[s] : null];
    }),
  ) as Record<FunnelStep, number | null>;

  const orgs = [...new Set(input.outcomes.map((o) => o.organisation))].sort((a, b) =>
    a.localeCompare(b),
  );
  const stateIndex = new Map(input.states.map((s, j) => [s, j]));
  const outcomeBody = orgs.map(() => input.states.map(() => 0));
  for (const o of input.outcomes) {
    const j = stateIndex.get(o.state);
    if (j === undefined) throw new RangeError(`Unknown referral state "${o.state}".`);
    outcomeBody[orgs.indexOf(o.organisation)]![j]! += o.count;
  }
  const outcomeTable =
    orgs.length > 0 ? suppressTable(outcomeBody, { rowTotals: true, columnTotals: true }) : null;
  const byState = (cells: readonly PublishedCell[]) =>
    Object.fromEntries(input.states.map((s, j) => [s, cells[j]!]));

  const ctr = input.contactToReferral;
  const fewCases = ctr.cases > 0 && ctr.cases <= SMALL_CELL_MAX;
  return {
    generatedAt: input.now.toISOString(),
    range: {
      from: input.range.from.toISOString(),
      to: input.range.to.toISOString(),
      unit: input.range.unit,
    },
    note: SUPPRESSION_NOTE,
    totals,
    conversions,
    periods: funnel.periods.map((r, i) => ({ period: r.key, counts: asCounts(periods.rows[i]!) })),
    regions: funnel.regions.map((r, i) => ({ region: r.key, counts: asCounts(regions.rows[i]!) })),
    languages: funnel.languages.map((r, i) => ({
      language: r.key,
      counts: asCounts(languages.rows[i]!),
    })),
    // A median of fewer than five people is nearly one person's story: not published.
    contactToReferral: {
      cases: fewCases ? '<5' : ctr.cases,
      medianDays: fewCases ? null : ctr.medianDays,
      p75Days: fewCases ? null : ctr.p75Days,
    },
    outcomes: {
      states: [...input.states],
      rows: orgs.map((organisation, i) => {
        const row = outcomeTable!.rows[i]!;
        return { organisation, counts: byState(row), total: row[input.states.length]! };
      }),
      totals: outcomeTable ? byState(outcomeTable.totals!) : null,
    },
  };
}

function csvField(v: string | number | null): string {
  const s = v === null ? '' : String(v);
  // Quoted when it needs to be; a leading =, +, - or @ would be a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The export as CSV: table, row, column, value (one line per published cell). */
export function exportCsv(e: FunnelExport): string {
  const lines: (string | number | null)[][] = [['table', 'row', 'column', 'value']];
  lines.push(['range', 'from', '', e.range.from], ['range', 'to', '', e.range.to]);
  lines.push(['range', 'unit', '', e.range.unit], ['note', '', '', e.note]);
  for (const s of FUNNEL_STEPS) lines.push(['totals', 'all', s, e.totals[s]]);
  for (const s of FUNNEL_STEPS) lines.push(['conversion', 'all', s, e.conversions[s]]);
  for (const r of e.periods)
    for (const s of FUNNEL_STEPS) lines.push(['period', r.period, s, r.counts[s]]);
  for (const r of e.regions)
    for (const s of FUNNEL_STEPS) lines.push(['region', r.region, s, r.counts[s]]);
  for (const r of e.languages) {
    for (const s of FUNNEL_STEPS) lines.push(['language', r.language, s, r.counts[s]]);
  }
  const c = e.contactToReferral;
  lines.push(['contact_to_referral', 'all', 'cases', c.cases]);
  lines.push(['contact_to_referral', 'all', 'median_days', c.medianDays]);
  lines.push(['contact_to_referral', 'all', 'p75_days', c.p75Days]);
  for (const r of e.outcomes.rows) {
    for (const s of e.outcomes.states) lines.push(['outcome', r.organisation, s, r.counts[s]!]);
    lines.push(['outcome', r.organisation, 'total', r.total]);
  }
  if (e.outcomes.totals) {
    for (const s of e.outcomes.states) lines.push(['outcome', 'all', s, e.outcomes.totals[s]!]);
  }
  return lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n';
}
