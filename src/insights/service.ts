// Gathers what each context counted for a range and puts the funnel together; the export adds
// small-cell suppression. The contexts answer with numbers (and, for time to referral, the
// conversations a case came from, used here and never passed on).
import {
  countCaseSteps,
  countReferralOutcomes,
  firstReferralTimings,
  provinceOfMunicipality,
  REFERRAL_STATES,
  type OrganisationOutcomeCount,
} from '../cases/index.js';
import { countAdsCollected } from '../collect/index.js';
import { adPlaceSql, entityPlaceSql } from '../link/index.js';
import { countContacted, countReplied, firstContactTimes } from '../outreach/index.js';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/connect.js';
import type { PeriodRange } from '../platform/period-counts.js';
import { countLeads } from '../score/index.js';
import { buildExport, exportCsv, type FunnelExport } from './domain/export.js';
import {
  buildFunnel,
  contactToReferral,
  type ContactToReferral,
  type Funnel,
} from './domain/funnel.js';
import { periodsOf } from './domain/periods.js';

export interface Insights {
  range: PeriodRange;
  funnel: Funnel;
  contactToReferral: ContactToReferral;
  outcomes: OrganisationOutcomeCount[];
}

export async function gatherInsights(db: Db, range: PeriodRange): Promise<Insights> {
  const periods = periodsOf(range);
  const [ads, leads, contacted, replied, caseSteps, timings, outcomes] = await Promise.all([
    // Ads and conversations have their place through the person they were linked to.
    countAdsCollected(db, range, adPlaceSql),
    countLeads(db, range),
    countContacted(db, range, entityPlaceSql),
    countReplied(db, range, entityPlaceSql),
    countCaseSteps(db, range),
    firstReferralTimings(db, range),
    countReferralOutcomes(db, range),
  ]);
  const firstContact = await firstContactTimes(
    db,
    timings.flatMap((t) => t.conversationIds),
  );
  const earliest = (ids: readonly string[]): Date | null =>
    ids
      .map((id) => firstContact.get(id))
      .filter((d): d is Date => d !== undefined)
      .reduce<Date | null>((a, d) => (a === null || d < a ? d : a), null);
  const funnel = buildFunnel(
    { ads, leads, contacted, replied, ...caseSteps },
    periods,
    provinceOfMunicipality,
  );
  return {
    range,
    funnel,
    contactToReferral: contactToReferral(
      timings.map((t) => ({
        referredAt: t.referredAt,
        firstContactAt: earliest(t.conversationIds),
      })),
    ),
    outcomes,
  };
}

/** The suppressed export, audited: who took which range out, in which format. */
export async function exportInsights(
  db: Db,
  actor: Actor,
  range: PeriodRange,
  format: 'json' | 'csv',
  clock: Clock,
): Promise<{ json: FunnelExport; csv: string }> {
  const insights = await gatherInsights(db, range);
  const json = buildExport({
    funnel: insights.funnel,
    contactToReferral: insights.contactToReferral,
    outcomes: insights.outcomes,
    states: REFERRAL_STATES,
    range,
    now: clock.now(),
  });
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'insights.export',
    targetType: 'insights',
    targetId: null,
    details: {
      format,
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      unit: range.unit,
    },
  });
  return { json, csv: format === 'csv' ? exportCsv(json) : '' };
}
