// The shapes the triage queue, the entity page and saved searches answer with (the response
// schemas of src/score/routes.ts), and the presenters that turn rows into them: dates leave as ISO
// strings, and the serializer keeps only the fields named here.
import { z } from 'zod';
import { AdListItem } from '../collect/index.js';
import { AssignmentOptionsView } from '../platform/auth/capabilities.js';
import { ScoreFlag as ScoreFlagEnum } from './model.js';
import { EXPLOITATION_TYPES, LEAD_STATES } from './schema.js';

export const LeadState = z.enum(LEAD_STATES).meta({ id: 'LeadState' });
/** The flags a score can set, in the order a worker reads them (the model's SCORE_FLAGS). */
export const ScoreFlag = ScoreFlagEnum.meta({ id: 'ScoreFlag' });

/** What a lead's counted signs point to (src/score/exploitation.ts). */
export const ExploitationType = z.enum(EXPLOITATION_TYPES).meta({
  id: 'ExploitationType',
  description:
    'Which kind of exploitation the signs that count for the score point to: sexual, criminal, both, or unclear (none points either way)',
});

/** The indicator categories behind a type, per kind (the entity page's explanation). */
export const ExploitationBasis = z
  .object({
    sexual: z.array(z.string()),
    criminal: z.array(z.string()),
  })
  .meta({ id: 'ExploitationBasis' });

/** Plain values only: what a history event, a saved filter or a feature value carries. */
const Plain = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** An entity's speakable name ("cobalt-river-417"): random, never from the person's data. */
export const EntityAlias = z.string().meta({
  id: 'EntityAlias',
  description: 'Speakable, random, stable name of an entity (and its lead)',
});

/**
 * A piece of a score reason's text for the console to translate: a message key of its "reasons"
 * catalogue with parameters, or a text with its own languages (the model's reasoning).
 */
export const ReasonText = z
  .object({
    key: z.string().optional(),
    text: z.object({ en: z.string(), nl: z.string().optional() }).optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'ReasonText' });

export const LeadItem = z.object({
  entityId: z.string(),
  alias: EntityAlias,
  state: LeadState,
  urgent: z.boolean(),
  score: z.number(),
  flags: z.array(z.string()),
  exploitationType: ExploitationType,
  placeIds: z.array(z.string()),
  languages: z.array(z.string()),
  assigneeId: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  evidenceAt: z.string(),
  /** Evidence arrived after the holder last looked. */
  newEvidence: z.boolean(),
  adCount: z.number(),
  lastPlace: z.string().nullable(),
  places: z.array(z.object({ id: z.string(), name: z.string() })),
  topReasons: z.array(
    z.object({
      label: z.string(),
      /** The label as translatable parts (absent on scores stored before they existed). */
      labelText: z.array(ReasonText).optional(),
      points: z.number(),
    }),
  ),
});

/** What a lead event records beside its states: a merge names every entity it took in (a list). */
export const LeadEventDetail = z.record(z.string(), z.union([Plain, z.array(z.string())]));

const LeadEvent = z.object({
  id: z.string(),
  entityId: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  detail: LeadEventDetail,
});

/** A lead after an action: the row, the moves this person may make, what they may do on its holder. */
export const LeadView = z.object({
  entityId: z.string(),
  state: LeadState,
  assigneeId: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  noActionReason: z.string().nullable(),
  urgent: z.boolean(),
  score: z.number(),
  flags: z.array(z.string()),
  exploitationType: ExploitationType,
  placeIds: z.array(z.string()),
  languages: z.array(z.string()),
  evidenceAt: z.string(),
  seenAt: z.string().nullable(),
  createdAt: z.string(),
  stateChangedAt: z.string(),
  allowed: z.array(LeadState),
  assignment: AssignmentOptionsView,
});

export const LeadDetail = LeadView.extend({
  history: z.array(LeadEvent),
  newEvidence: z.boolean(),
});

const Evidence = z.enum(['validated', 'practitioner', 'contested']);

export const ScoreReason = z.object({
  kind: z.enum(['indicator', 'feature']),
  code: z.string(),
  category: z.string().optional(),
  points: z.number(),
  evidence: Evidence.nullable(),
  label: z.string(),
  why: z.string(),
  /** `label` and `why` as translatable parts (absent on scores stored before they existed). */
  labelText: z.array(ReasonText).optional(),
  whyText: z.array(ReasonText).optional(),
  source: z.string().optional(),
  hits: z
    .array(z.object({ adId: z.string(), field: z.string(), start: z.number(), end: z.number() }))
    .optional(),
  value: z.union([z.number(), z.string(), z.array(z.string())]).optional(),
  uncapped: z.number().optional(),
  urgent: z.boolean().optional(),
});

const EntityFeatures = z.object({
  ads: z.number(),
  activeAds: z.number(),
  displayNames: z.number(),
  statedAges: z.array(z.number()),
  cities: z.number(),
  cities14d: z.number(),
  postingRatePerWeek: z.number(),
  phones: z.number(),
  namesPerNumber: z.number(),
  templateAds: z.number(),
  templateEntities: z.number(),
  languages: z.array(z.string()),
  sharedImages: z.number(),
  imageEntities: z.number(),
  obfuscatedContacts: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
});

const MovementStop = z.object({
  placeId: z.string(),
  name: z.string(),
  country: z.string(),
  lat: z.number(),
  lon: z.number(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  ads: z.number(),
});

export const EntityDetail = z.object({
  id: z.string(),
  alias: EntityAlias,
  requestedId: z.string(),
  adCount: z.number(),
  features: EntityFeatures.nullable(),
  movement: z.array(MovementStop),
  evidenceAt: z.string(),
  /** What the score's counted signs point to ('unclear' while unscored). */
  exploitationType: ExploitationType,
  /** The categories that led to the type. */
  exploitationBasis: ExploitationBasis,
  score: z
    .object({
      score: z.number(),
      urgent: z.boolean(),
      flags: z.array(z.string()),
      reasons: z.array(ScoreReason),
      modelVersion: z.number(),
      scoredAt: z.string(),
    })
    .nullable(),
  lead: LeadDetail.nullable(),
  ads: z.array(AdListItem.extend({ score: z.number().nullable(), urgent: z.boolean() })),
  moreAds: z.number(),
  identifiers: z.array(
    z.object({
      identifierId: z.string(),
      kind: z.string(),
      platform: z.string().nullable(),
      masked: z.string(),
      ads: z.number(),
      obfuscated: z.boolean(),
    }),
  ),
  /** Shared templates (used by other entities too), counted as the features count them. */
  templates: z.array(
    z.object({
      templateId: z.string(),
      /** This entity's ads on it. */
      ads: z.number(),
      otherEntities: z.number(),
      totalAds: z.number(),
    }),
  ),
  similar: z.array(
    z.object({
      adId: z.string(),
      entityId: z.string(),
      entityAlias: EntityAlias.nullable(),
      similarity: z.number(),
      toAdId: z.string(),
    }),
  ),
});

export const GraphNodeKind = z.enum(['ad', 'identifier', 'template', 'entity']);

export const SavedSearchView = z.object({
  id: z.string(),
  name: z.string(),
  target: z.enum(['ads', 'leads']),
  /** The filters as saved (the ads' or the queue's, as their query strings take them). */
  filters: z.record(z.string(), z.union([Plain, z.array(z.string())])),
  createdAt: z.string(),
  newMatches: z.number(),
});

export const OpenedSavedSearch = z.object({
  search: SavedSearchView,
  hits: z.array(z.object({ itemId: z.string(), at: z.string(), seen: z.boolean() })),
});

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

interface LeadDates {
  evidenceAt: Date;
  createdAt: Date;
  stateChangedAt: Date;
  snoozedUntil: Date | null;
  seenAt: Date | null;
}

/** A lead row with its dates as the API writes them. */
export function presentLeadDates<T extends LeadDates>(lead: T) {
  return {
    ...lead,
    evidenceAt: iso(lead.evidenceAt),
    createdAt: iso(lead.createdAt),
    stateChangedAt: iso(lead.stateChangedAt),
    snoozedUntil: isoOrNull(lead.snoozedUntil),
    seenAt: isoOrNull(lead.seenAt),
  };
}

export function presentLeadEvent(e: {
  id: string;
  entityId: string;
  at: Date;
  actorId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
}): z.output<typeof LeadEvent> {
  return { ...e, at: iso(e.at), detail: e.detail as z.output<typeof LeadEvent>['detail'] };
}

export function presentSavedSearch(s: {
  id: string;
  name: string;
  target: 'ads' | 'leads';
  filters: Record<string, unknown>;
  createdAt: Date;
  newMatches: number;
}): z.output<typeof SavedSearchView> {
  return {
    id: s.id,
    name: s.name,
    target: s.target,
    filters: s.filters as z.output<typeof SavedSearchView>['filters'],
    createdAt: iso(s.createdAt),
    newMatches: s.newMatches,
  };
}
