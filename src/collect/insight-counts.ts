// Ads collected, counted for Insights: each ad once, in the period it was first seen, by the
// language of its first version. An ad's place is inside its encrypted text, so collect cannot say
// it: the caller passes `placeOf` (the place of the person the ad was linked to). An ad retention
// erased is counted from its tombstone, without a place.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/connect.js';
import {
  periodOf,
  toPeriodCounts,
  withinRange,
  NO_PLACE,
  type PeriodCount,
  type PeriodRange,
  type PlaceOf,
} from '../platform/period-counts.js';
import { adTombstones, adVersions, ads } from './schema.js';

export async function countAdsCollected(
  db: Db,
  range: PeriodRange,
  placeOf: PlaceOf = NO_PLACE,
): Promise<PeriodCount[]> {
  const at = sql`a.first_seen_at`;
  const result = await db.execute<{
    period: string;
    place_id: string | null;
    language: string | null;
    n: number;
  }>(sql`
    SELECT ${periodOf(range.unit, at)} AS period, a.place_id, a.language AS language,
           count(*)::int AS n
    FROM (
      SELECT ad.first_seen_at, v.language, ${placeOf(sql`ad.id`)} AS place_id FROM ${ads} ad
        LEFT JOIN ${adVersions} v ON v.ad_id = ad.id AND v.version = 1
      UNION ALL
      SELECT first_seen_at, language, NULL::text FROM ${adTombstones}
    ) a
    WHERE ${withinRange(range, at)}
    GROUP BY 1, 2, 3`);
  return toPeriodCounts(result.rows);
}
