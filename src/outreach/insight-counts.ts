// Conversations contacted and replied to, counted for Insights. A conversation is contacted in the
// period its first message went out (sent or delivered, not merely queued), and replied in the
// period the person first wrote after that; both by the language of the first message's template.
// The first contact of given conversations is also what "time from first contact to referral"
// starts from. Where a conversation took place is the place of the person it is about, which link
// knows: the caller passes `placeOf` for the conversation's entity id.
import { sql, type SQL } from 'drizzle-orm';
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
import { conversations, messages, outreachTemplates } from './schema.js';

/** Each conversation's first message out that left: when, and in which template's language. */
const firstOutWhere = (extra: SQL) => sql`
  SELECT DISTINCT ON (m.conversation_id) m.conversation_id,
         coalesce(m.sent_at, m.created_at) AS at, t.language AS language
  FROM ${messages} m
  LEFT JOIN ${outreachTemplates} t ON t.id = m.template_id
  WHERE m.direction = 'out' AND m.status IN ('sent', 'delivered') AND ${extra}
  ORDER BY m.conversation_id, coalesce(m.sent_at, m.created_at), m.id`;
const firstOut = firstOutWhere(sql`TRUE`);

type Row = { period: string; place_id: string | null; language: string | null; n: number };

/** The place of a conversation's person, or null (no entity, or none known). */
const placeOfConversation = (placeOf: PlaceOf, conversationId: SQL) =>
  placeOf(sql`(SELECT pc.entity_id FROM ${conversations} pc WHERE pc.id = ${conversationId})`);

export async function countContacted(
  db: Db,
  range: PeriodRange,
  placeOf: PlaceOf = NO_PLACE,
): Promise<PeriodCount[]> {
  const at = sql`f.at`;
  const result = await db.execute<Row>(sql`
    SELECT ${periodOf(range.unit, at)} AS period,
           ${placeOfConversation(placeOf, sql`f.conversation_id`)} AS place_id, f.language,
           count(*)::int AS n
    FROM (${firstOut}) f
    WHERE ${withinRange(range, at)}
    GROUP BY 1, 2, 3`);
  return toPeriodCounts(result.rows);
}

export async function countReplied(
  db: Db,
  range: PeriodRange,
  placeOf: PlaceOf = NO_PLACE,
): Promise<PeriodCount[]> {
  const at = sql`r.at`;
  const result = await db.execute<Row>(sql`
    SELECT ${periodOf(range.unit, at)} AS period,
           ${placeOfConversation(placeOf, sql`r.conversation_id`)} AS place_id, r.language,
           count(*)::int AS n
    FROM (
      SELECT f.conversation_id, f.language, min(m.created_at) AS at
      FROM (${firstOut}) f
      JOIN ${messages} m ON m.conversation_id = f.conversation_id
        AND m.direction = 'in' AND m.created_at >= f.at
      GROUP BY f.conversation_id, f.language
    ) r
    WHERE ${withinRange(range, at)}
    GROUP BY 1, 2, 3`);
  return toPeriodCounts(result.rows);
}

/** When each of these conversations was first contacted (those never contacted are absent). */
export async function firstContactTimes(
  db: Db,
  conversationIds: readonly string[],
): Promise<Map<string, Date>> {
  if (conversationIds.length === 0) return new Map();
  const ids = sql.join(
    conversationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute<{ conversation_id: string; at: string | Date }>(sql`
    SELECT f.conversation_id::text AS conversation_id, f.at
    FROM (${firstOutWhere(sql`m.conversation_id IN (${ids})`)}) f`);
  return new Map(result.rows.map((r) => [r.conversation_id, new Date(r.at)]));
}
