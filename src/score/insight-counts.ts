// Leads, counted for Insights: each lead once, in the period it was made, by the first place and
// the first language its evidence names; a lead retention erased is counted from its tombstone.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/connect.js';
import {
  periodOf,
  toPeriodCounts,
  withinRange,
  type PeriodCount,
  type PeriodRange,
} from '../platform/period-counts.js';
import { leadTombstones, leads } from './schema.js';

export async function countLeads(db: Db, range: PeriodRange): Promise<PeriodCount[]> {
  const at = sql`l.created_at`;
  const result = await db.execute<{
    period: string;
    place_id: string | null;
    language: string | null;
    n: number;
  }>(sql`
    SELECT ${periodOf(range.unit, at)} AS period, l.place_id, l.language, count(*)::int AS n
    FROM (
      SELECT created_at, place_ids[1] AS place_id, languages[1] AS language FROM ${leads}
      UNION ALL
      SELECT created_at, place_id, language FROM ${leadTombstones}
    ) l
    WHERE ${withinRange(range, at)}
    GROUP BY 1, 2, 3`);
  return toPeriodCounts(result.rows);
}
