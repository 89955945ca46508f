// Where the database time goes: wraps pg's Client#query (which every pool, transaction and the
// embedded socket use) to sum time and calls per statement shape while a profile is active.
// Statements differing only in the number of parameters ("IN ($1, $2…)") count as one.
import pg from 'pg';
import { fmt } from './measure.js';

interface Entry {
  calls: number;
  ms: number;
  rows: number;
  /** One full statement with its parameters, for EXPLAIN ANALYZE afterwards. */
  sample: { text: string; values: unknown[] } | null;
}

export interface QueryProfile {
  entries: Map<string, Entry>;
  stop(): void;
  /** The statements that took the most time, most first. */
  top(
    n: number,
  ): { shape: string; calls: number; ms: number; rows: number; sample: Entry['sample'] }[];
  report(n: number, totalMs: number): string[];
}

type QueryFn = (...args: unknown[]) => unknown;

let active: QueryProfile | null = null;
let installed = false;

export function shapeOf(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\$\d+(\s*,\s*\$\d+)*/g, '$n')
    .replace(/\(\$n\)(\s*,\s*\(\$n\))+/g, '($n)…')
    .trim();
}

function install(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]): unknown {
    const profile = active;
    if (!profile) return original.apply(this, args);
    const first = args[0];
    const text =
      typeof first === 'string'
        ? first
        : first && typeof first === 'object' && 'text' in first
          ? String(first.text)
          : '';
    const values =
      first && typeof first === 'object' && 'values' in first
        ? ((first as { values?: unknown[] }).values ?? [])
        : Array.isArray(args[1])
          ? (args[1] as unknown[])
          : [];
    const t0 = performance.now();
    const record = (rows: number) => {
      const shape = shapeOf(text);
      let e = profile.entries.get(shape);
      if (!e) {
        e = { calls: 0, ms: 0, rows: 0, sample: null };
        profile.entries.set(shape, e);
      }
      e.calls++;
      e.ms += performance.now() - t0;
      e.rows += rows;
      // Keep the largest-parameter sample: the batch-sized call is the one worth explaining.
      if (!e.sample || values.length > e.sample.values.length) e.sample = { text, values };
    };
    const cb = args[args.length - 1];
    if (typeof cb === 'function') {
      args[args.length - 1] = (err: unknown, res: { rowCount?: number | null } | undefined) => {
        record(res?.rowCount ?? 0);
        return (cb as (e: unknown, r: unknown) => unknown)(err, res);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function') {
      (result as Promise<{ rowCount?: number | null }>).then(
        (res) => record(res?.rowCount ?? 0),
        () => record(0),
      );
    }
    return result;
  };
}

/** Starts summing statement times until stop() (one profile at a time). */
export function startQueryProfile(): QueryProfile {
  install();
  const profile: QueryProfile = {
    entries: new Map(),
    stop() {
      if (active === profile) active = null;
    },
    top(n) {
      return [...profile.entries]
        .map(([shape, e]) => ({ shape, ...e }))
        .sort((a, b) => b.ms - a.ms)
        .slice(0, n);
    },
    report(n, totalMs) {
      const all = [...profile.entries.values()].reduce(
        (s, e) => ({ calls: s.calls + e.calls, ms: s.ms + e.ms }),
        { calls: 0, ms: 0 },
      );
      const lines = [
        `SQL: ${fmt(all.calls, 0)} statements, ${fmt(all.ms / 1000)} s in the database (${fmt((100 * all.ms) / totalMs, 0)}% of the wall time); the costliest:`,
      ];
      for (const t of profile.top(n)) {
        lines.push(
          `  ${fmt((100 * t.ms) / totalMs, 0).padStart(3)}%  ${fmt(t.calls, 0).padStart(9)} calls  ${fmt(t.ms / t.calls, 2).padStart(7)} ms/call  ${t.shape.slice(0, 150)}`,
        );
      }
      return lines;
    },
  };
  active = profile;
  return profile;
}
