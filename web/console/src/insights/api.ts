// Insights' calls: the funnel for a range, and the addresses of the suppressed exports (plain links:
// the browser downloads them with the session cookie). Types come from the server's OpenAPI document.
import { api } from '../api/client';
import type { Answer } from '../api/contract';

export type FunnelAnswer = Answer<'/api/insights/funnel'>;
export type FunnelStep = FunnelAnswer['steps'][number];
export type StepCounts = FunnelAnswer['totals'];
export type PeriodUnit = FunnelAnswer['range']['unit'];

export interface InsightsRange {
  from: string;
  to: string;
  unit: PeriodUnit;
}

function query(r: InsightsRange): string {
  return `?${new URLSearchParams({ from: r.from, to: r.to, unit: r.unit }).toString()}`;
}

export function getFunnel(r: InsightsRange): Promise<FunnelAnswer> {
  return api.get<FunnelAnswer>(`/api/insights/funnel${query(r)}`);
}

export function exportUrl(r: InsightsRange, format: 'csv' | 'json'): string {
  return `/api/insights/export.${format}${query(r)}`;
}

export const insightsKeys = {
  funnel: (r: InsightsRange) => ['insights', 'funnel', r] as const,
};
