// Cases, referrals and their outcomes, counted for Insights (numbers only). Each case counts once per
// step, in the period it first reached that step: opened; referred (its first referral sent);
// accepted (a partner first accepted it, or went straight on to an outcome); helped (a partner
// reported "helped", or the case closed with that outcome). All by the case's place and its first
// language. Referral outcomes are counted per organisation of the directory, by the period the
// referral was sent.
import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/connect.js';
import {
  periodOf,
  toPeriodCounts,
  withinRange,
  type PeriodCount,
  type PeriodRange,
} from '../platform/period-counts.js';
import type { ReferralState } from './domain/vocabulary.js';
import { partnerOrganisations } from './partners/schema.js';
import { referralEvents, referrals } from './referrals/schema.js';
import { caseConversations, cases } from './schema.js';

export const CASE_FUNNEL_STEPS = ['cases', 'referred', 'accepted', 'helped'] as const;
export type CaseFunnelStep = (typeof CASE_FUNNEL_STEPS)[number];

/** States a referral reaches only after a partner took it on. */
const ACCEPTED_OR_LATER = ['accepted', 'intake_done', 'in_care', 'left', 'helped'] as const;

/** When each case first reached each step (null: not yet). */
const stepTimes = sql`
  SELECT c.id, c.place_id, c.languages[1] AS language, c.created_at AS cases,
    (SELECT min(r.sent_at) FROM ${referrals} r WHERE r.case_id = c.id) AS referred,
    (SELECT min(e.at) FROM ${referralEvents} e JOIN ${referrals} r ON r.id = e.referral_id
      WHERE r.case_id = c.id AND e.kind IN (${sql.join(
        ACCEPTED_OR_LATER.map((k) => sql`${k}`),
        sql`, `,
      )})) AS accepted,
    least(
      (SELECT min(e.at) FROM ${referralEvents} e JOIN ${referrals} r ON r.id = e.referral_id
        WHERE r.case_id = c.id AND e.kind = 'helped'),
      CASE WHEN c.outcome = 'helped' THEN c.closed_at END
    ) AS helped
  FROM ${cases} c`;

export async function countCaseSteps(
  db: Db,
  range: PeriodRange,
): Promise<Record<CaseFunnelStep, PeriodCount[]>> {
  const out = {} as Record<CaseFunnelStep, PeriodCount[]>;
  for (const step of CASE_FUNNEL_STEPS) {
    const at = sql`s.${sql.identifier(step)}`;
    const result = await db.execute<{
      period: string;
      place_id: string | null;
      language: string | null;
      n: number;
    }>(sql`
      SELECT ${periodOf(range.unit, at)} AS period, s.place_id, s.language, count(*)::int AS n
      FROM (${stepTimes}) s
      WHERE ${at} IS NOT NULL AND ${withinRange(range, at)}
      GROUP BY 1, 2, 3`);
    out[step] = toPeriodCounts(result.rows);
  }
  return out;
}

/** For cases first referred within the range: when, and the conversations the case came from. */
export async function firstReferralTimings(
  db: Db,
  range: PeriodRange,
): Promise<{ referredAt: Date; conversationIds: string[] }[]> {
  const at = sql`f.referred`;
  const result = await db.execute<{
    referred: string | Date;
    conversation_ids: string[] | null;
  }>(sql`
    SELECT f.referred,
      (SELECT array_agg(cc.conversation_id::text) FROM ${caseConversations} cc
        WHERE cc.case_id = f.case_id) AS conversation_ids
    FROM (SELECT r.case_id, min(r.sent_at) AS referred FROM ${referrals} r GROUP BY r.case_id) f
    WHERE ${withinRange(range, at)}`);
  return result.rows.map((r) => ({
    referredAt: new Date(r.referred),
    conversationIds: r.conversation_ids ?? [],
  }));
}

export interface OrganisationOutcomeCount {
  organisation: string;
  state: ReferralState;
  count: number;
}

/** Referrals sent within the range, by organisation and the state each has now. */
export async function countReferralOutcomes(
  db: Db,
  range: PeriodRange,
): Promise<OrganisationOutcomeCount[]> {
  const at = sql`r.sent_at`;
  const result = await db.execute<{ organisation: string; state: ReferralState; n: number }>(sql`
    SELECT p.name AS organisation, r.state, count(*)::int AS n
    FROM ${referrals} r JOIN ${partnerOrganisations} p ON p.id = r.partner_id
    WHERE ${withinRange(range, at)}
    GROUP BY 1, 2
    ORDER BY 1, 2`);
  return result.rows.map((r) => ({
    organisation: r.organisation,
    state: r.state,
    count: Number(r.n),
  }));
}
