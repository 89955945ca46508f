// Linking and queue quality against a synthetic world's ground truth: who belongs together (persons,
// networks), which entities hold planted exploitation cases or minors, and how the queue ranks them.
import { eq, sql } from 'drizzle-orm';
import { pairwiseScore, precisionAtK, type PairwiseScore } from '../../src/link/evaluate.js';
import { linkAds } from '../../src/link/schema.js';
import type { DbOrTx } from '../../src/platform/db/connect.js';
import { LeadFilter, listLeads } from '../../src/score/leads.js';
import { leads } from '../../src/score/schema.js';
import { fmt, pct } from './measure.js';

export interface Links {
  entityOf: Map<string, string>;
  templateOf: Map<string, string | null>;
}

export async function currentLinks(db: DbOrTx): Promise<Links> {
  const rows = await db
    .select({ adId: linkAds.adId, entityId: linkAds.entityId, templateId: linkAds.templateId })
    .from(linkAds);
  return {
    entityOf: new Map(rows.map((r) => [r.adId, r.entityId])),
    templateOf: new Map(rows.map((r) => [r.adId, r.templateId])),
  };
}

/** Each ad's group as its sorted members, so two groupings compare whatever their ids. */
function membersByAd(groupOf: Map<string, string>): Map<string, string> {
  const groups = new Map<string, string[]>();
  for (const [ad, g] of groupOf) {
    const l = groups.get(g);
    if (l) l.push(ad);
    else groups.set(g, [ad]);
  }
  const out = new Map<string, string>();
  for (const members of groups.values()) {
    const key = members.sort().join(',');
    for (const ad of members) out.set(ad, key);
  }
  return out;
}

/** Whether two groupings of the same ads are the same partition, and how many ads differ. */
export function comparePartitions(
  a: Map<string, string>,
  b: Map<string, string>,
): { same: boolean; adsDiffering: number; groupsA: number; groupsB: number } {
  const ka = membersByAd(a);
  const kb = membersByAd(b);
  let differing = 0;
  for (const ad of new Set([...ka.keys(), ...kb.keys()])) {
    if (ka.get(ad) !== kb.get(ad)) differing++;
  }
  return {
    same: differing === 0,
    adsDiffering: differing,
    groupsA: new Set(a.values()).size,
    groupsB: new Set(b.values()).size,
  };
}

/** Ads without a template are each their own group. */
export function templateGroups(templateOf: Map<string, string | null>): Map<string, string> {
  return new Map([...templateOf].map(([ad, t]) => [ad, t ?? `solo:${ad}`]));
}

export function pairwiseLine(label: string, s: PairwiseScore, groups: number, truth: number) {
  return `${label.padEnd(30)} P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)} (${fmt(groups, 0)} entities vs ${fmt(truth, 0)} true; pairs predicted ${fmt(s.predictedPairs, 0)}, true ${fmt(s.truePairs, 0)}, correct ${fmt(s.correctPairs, 0)})`;
}

export function linkingQuality(
  entityOf: Map<string, string>,
  personOf: Map<string, string>,
  networkOf: Map<string, string>,
): string[] {
  const entities = new Set(entityOf.values()).size;
  return [
    pairwiseLine(
      'entities vs true persons:',
      pairwiseScore(entityOf, personOf),
      entities,
      new Set(personOf.values()).size,
    ),
    pairwiseLine(
      'entities vs true networks:',
      pairwiseScore(entityOf, networkOf),
      entities,
      new Set(networkOf.values()).size,
    ),
  ];
}

export interface QueueQuality {
  lines: string[];
  p10: number;
  p50: number;
  urgentRecall: number;
}

/**
 * The queue against the truth: precision@10/@50 for planted cases (an entity counts if it holds an
 * ad of a planted person), with the share of such entities among all as the chance level; recall
 * of minors (urgent persons) among urgent leads, and how many urgent leads hold one.
 */
export async function queueQuality(
  db: DbOrTx,
  entityOf: Map<string, string>,
  personOf: Map<string, string>,
  plantedPersons: Set<string>,
  urgentPersons: Set<string>,
): Promise<QueueQuality> {
  const planted = new Set<string>();
  const urgentEntities = new Set<string>();
  const personsOfEntity = new Map<string, Set<string>>();
  for (const [ad, e] of entityOf) {
    const p = personOf.get(ad);
    if (!p) continue;
    if (plantedPersons.has(p)) planted.add(e);
    if (urgentPersons.has(p)) urgentEntities.add(e);
    const s = personsOfEntity.get(e) ?? new Set<string>();
    s.add(p);
    personsOfEntity.set(e, s);
  }
  const page = await listLeads(db, LeadFilter.parse({}), null, { limit: 50 });
  const ranked = page.items.map((l) => l.entityId);
  const p10 = precisionAtK(ranked, planted, 10);
  const p50 = precisionAtK(ranked, planted, 50);
  const allEntities = new Set(entityOf.values()).size;
  const urgentLeads = (
    await db.select({ id: leads.entityId }).from(leads).where(eq(leads.urgent, true))
  ).map((r) => r.id);
  const [{ n: leadCount } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(leads);
  const linkedUrgent = new Set(
    [...personOf].filter(([ad, p]) => urgentPersons.has(p) && entityOf.has(ad)).map(([, p]) => p),
  );
  const found = new Set<string>();
  for (const e of urgentLeads) {
    for (const p of personsOfEntity.get(e) ?? []) if (linkedUrgent.has(p)) found.add(p);
  }
  const urgentRecall = linkedUrgent.size === 0 ? Number.NaN : found.size / linkedUrgent.size;
  const trueUrgentLeads = urgentLeads.filter((e) => urgentEntities.has(e)).length;
  return {
    p10,
    p50,
    urgentRecall,
    lines: [
      `queue: ${fmt(leadCount, 0)} leads of ${fmt(allEntities, 0)} entities; planted cases P@10 ${pct(p10)}, P@50 ${pct(p50)} (chance: ${pct(planted.size / allEntities)} of entities hold a planted case)`,
      `urgent: ${fmt(found.size, 0)} of ${fmt(linkedUrgent.size, 0)} minors in an urgent lead (recall ${pct(urgentRecall)}); ${fmt(trueUrgentLeads, 0)} of ${fmt(urgentLeads.length, 0)} urgent leads hold a minor's ads`,
    ],
  };
}
