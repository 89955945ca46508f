// The entity page (GET /api/entities/:id), in the shape of outreach's sendFacts → checkSend: gather
// everything the page shows (the entity and its members from link, their ads from collect with
// every text masked, their scores, the lead, identifiers, templates, similar ads), audit the read,
// then a presenter decides what leaves the server. The route only authorizes and calls.
import { inArray } from 'drizzle-orm';
import { listAds, type TextMasker } from '../collect/index.js';
import {
  entityAliases,
  entityIdentifiers,
  entityRow,
  entityTemplates,
  memberAdIds,
  resolveEntityId,
  similarAds,
} from '../link/index.js';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import { assignmentOptions, canDirectWork, type Principal } from '../platform/auth/policy.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { exploitationOf } from './exploitation.js';
import { allowedTransitions, leadOf } from './leads.js';
import { entityScoreOf } from './pipeline.js';
import { adScores } from './schema.js';
import { presentLeadDates, presentLeadEvent } from './views.js';

/** At most this many member ads are shown (and their identifiers listed); the rest are counted. */
const SHOWN_ADS = 200;

/** The moves this person may make on a lead: reopening one ("new") is directing work. */
export const allowedFor = (p: Principal, state: Parameters<typeof allowedTransitions>[0]) =>
  allowedTransitions(state).filter((s) => s !== 'new' || canDirectWork(p));

export interface EntityPageDeps {
  db: Db;
  config: Config;
  /** Every ad text the page returns passes through it (the stored facts' masking). */
  mask: TextMasker;
}

export type EntityPageFacts = Awaited<ReturnType<typeof gatherEntityPage>>;

async function gatherEntityPage(deps: EntityPageDeps, requestedId: string) {
  const { db, config, mask } = deps;
  const id = await resolveEntityId(db, requestedId);
  if (!id) throw new AppError('not_found', keyed('score.entityNotFound', 'No such entity.'));
  const entity = await entityRow(db, id);
  if (!entity) throw new AppError('not_found', keyed('score.entityNotFound', 'No such entity.'));
  const adIds = await memberAdIds(db, id);
  const shown = adIds.slice(0, SHOWN_ADS);
  const ads = await listAds(db, config.secrets, { limit: SHOWN_ADS }, mask, { ids: shown });
  const scores = shown.length
    ? await db.select().from(adScores).where(inArray(adScores.adId, shown))
    : [];
  const [score, lead, identifiers, templates, similar] = await Promise.all([
    entityScoreOf(db, id),
    leadOf(db, id),
    entityIdentifiers(db, shown),
    entityTemplates(db, id),
    similarAds(db, id, config.link.nearDupThreshold, 30),
  ]);
  const similarAliases = await entityAliases(
    db,
    similar.map((s) => s.entityId),
  );
  return {
    id,
    requestedId,
    entity,
    ads: ads.items,
    adScores: new Map(scores.map((s) => [s.adId, s])),
    moreAds: adIds.length - shown.length,
    score,
    lead,
    identifiers,
    templates,
    similar,
    similarAliases,
  };
}

/** Everything the entity page shows; the read is audited (who opened which entity). */
export async function readEntityPage(
  deps: EntityPageDeps,
  requestedId: string,
  actor: Actor,
): Promise<EntityPageFacts> {
  const facts = await gatherEntityPage(deps, requestedId);
  await appendAudit(deps.db, {
    ...auditFields(actor),
    action: 'entity.read',
    targetType: 'entity',
    targetId: facts.id,
  });
  return facts;
}

/** The page as this person sees it: the lead's moves are theirs; identifiers without their keys. */
export function presentEntityPage(f: EntityPageFacts, p: Principal) {
  const { score, lead } = f;
  const basis = exploitationOf(score?.reasons ?? []);
  return {
    id: f.id,
    alias: f.entity.alias,
    requestedId: f.requestedId,
    adCount: f.entity.adCount,
    // The shared-template counts as they are now, from the one definition the panel below uses:
    // the stored ones were true when the entity was last scored and may lag a template's spread.
    features: f.entity.features && {
      ...f.entity.features,
      templateAds: f.templates.templateAds,
      templateEntities: f.templates.templateEntities,
    },
    movement: f.entity.movement,
    evidenceAt: f.entity.evidenceAt.toISOString(),
    // Read from the reasons shown below, so the page explains the type with the same signs.
    exploitationType: basis.type,
    exploitationBasis: { sexual: basis.sexual, criminal: basis.criminal },
    score: score
      ? {
          score: score.score,
          urgent: score.urgent,
          flags: score.flags,
          reasons: score.reasons,
          modelVersion: score.modelVersion,
          scoredAt: score.scoredAt.toISOString(),
        }
      : null,
    lead: lead
      ? {
          ...presentLeadDates(lead),
          history: lead.history.map(presentLeadEvent),
          allowed: allowedFor(p, lead.state),
          assignment: assignmentOptions(p, lead.assigneeId),
          newEvidence: lead.assigneeId === p.id && (!lead.seenAt || lead.seenAt < lead.evidenceAt),
        }
      : null,
    ads: f.ads.map((a) => ({
      ...a,
      score: f.adScores.get(a.id)?.score ?? null,
      urgent: f.adScores.get(a.id)?.urgent ?? false,
    })),
    moreAds: f.moreAds,
    identifiers: f.identifiers.map(({ keyHash: _k, ...i }) => i),
    templates: f.templates.templates,
    similar: f.similar.map((s) => ({
      ...s,
      entityAlias: f.similarAliases.get(s.entityId) ?? null,
    })),
  };
}
