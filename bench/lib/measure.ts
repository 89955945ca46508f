// Small measuring helpers shared by the link benches: number formatting, percentiles, durations,
// the process's peak memory and the machine's load.
import { availableParallelism, loadavg } from 'node:os';

export const fmt = (n: number, digits = 1) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits }) : 'n/a';

export const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** "p50 1.2 ms, p95 3.4 ms" for durations in milliseconds. */
export function p50p95(ms: readonly number[]): string {
  return `p50 ${fmt(quantile(ms, 0.5), 2)} ms, p95 ${fmt(quantile(ms, 0.95), 2)} ms`;
}

/** Peak resident set size of this process so far, in MiB (getrusage's ru_maxrss). */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** The machine's load, since other processes sharing the CPUs slow every figure down. */
export function loadLine(): string {
  const [one, five, fifteen] = loadavg();
  return `machine: ${availableParallelism()} CPUs, load average ${fmt(one ?? 0, 2)} / ${fmt(five ?? 0, 2)} / ${fmt(fifteen ?? 0, 2)} (1/5/15 min) at the end`;
}

export function seconds(fromMs: number): number {
  return (performance.now() - fromMs) / 1000;
}

/** Times an async step and returns its value and duration in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t0 = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - t0 };
}

export function duration(s: number): string {
  if (s < 120) return `${fmt(s)} s`;
  if (s < 7200) return `${fmt(s / 60)} min`;
  return `${fmt(s / 3600)} h`;
}
