// The shape in which each context counts its own records for Insights: per period (day, week or
// month, in UTC), per place and per language, numbers only. A context answers with these rows and
// nothing that names a person; the insights context adds them up into the programme's funnel.
import { sql, type SQL } from 'drizzle-orm';

export const PERIOD_UNITS = ['day', 'week', 'month'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Half-open: records at `from` count, records at `to` do not. */
export interface PeriodRange {
  from: Date;
  to: Date;
  unit: PeriodUnit;
}

export interface PeriodCount {
  /** The first day of the period, "2026-11-30" (weeks start on Monday). */
  period: string;
  /** A gazetteer place id ("nl:breda"), or null when the record has none. */
  placeId: string | null;
  /** A language code ("nl", "ro"), or null when unknown. */
  language: string | null;
  count: number;
}

/**
 * SQL for the gazetteer place of a record, given the SQL of the record's id: another context
 * knows where an ad or a conversation took place, and the composer passes it to the one counting.
 */
export type PlaceOf = (id: SQL) => SQL;

/** No place known: every record counts under "unknown". */
export const NO_PLACE: PlaceOf = () => sql`NULL::text`;

/** SQL for the period a timestamp falls in, as "YYYY-MM-DD" (UTC). */
export function periodOf(unit: PeriodUnit, at: SQL): SQL {
  return sql`to_char(date_trunc(${sql.raw(`'${unit}'`)}, (${at}) AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
}

/** SQL condition: `at` lies within the range. */
export function withinRange(range: PeriodRange, at: SQL): SQL {
  return sql`(${at}) >= ${range.from.toISOString()}::timestamptz AND (${at}) < ${range.to.toISOString()}::timestamptz`;
}

/** Rows of (period, place_id, language, n) as the database returns them, typed. */
export function toPeriodCounts(
  rows: readonly {
    period: string;
    place_id: string | null;
    language: string | null;
    n: number | string;
  }[],
): PeriodCount[] {
  return rows.map((r) => ({
    period: r.period,
    placeId: r.place_id,
    language: r.language,
    count: Number(r.n),
  }));
}
