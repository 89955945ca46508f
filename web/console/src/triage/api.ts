// Calls and response shapes of the triage queue, the entity page and saved searches (see
// src/score/routes.ts, src/facts/routes.ts and src/collect/routes.ts on the server). Kept in
// this folder so the console's shared endpoint file stays small.
import { api } from '../api/client';
import type { Answer, Schemas } from '../api/contract';
import { leadStateValues, scoreFlagValues } from '../api/schema';

/** The lead states and score flags are the server's (generated from its OpenAPI document). */
export const LEAD_STATES = leadStateValues;
export type LeadState = Schemas['LeadState'];
export type StateFilter = LeadState | 'open' | 'all';
export const STATE_FILTERS: StateFilter[] = ['open', ...LEAD_STATES, 'all'];

/** Flags the scorer sets (its model's SCORE_FLAGS), in the order a worker reads them. */
export const SCORE_FLAGS = scoreFlagValues;
export type ScoreFlag = Schemas['ScoreFlag'];
export const isScoreFlag = (f: string): f is ScoreFlag =>
  (SCORE_FLAGS as readonly string[]).includes(f);

/** Which kind of exploitation a lead's signs point to (the server's ExploitationType). */
export type ExploitationType = Schemas['ExploitationType'];

/** The queue's filters, as in the URL and as the API takes them (all optional). */
export interface LeadFilters {
  state?: StateFilter;
  place?: string;
  language?: string;
  flag?: string;
  /** One kind of exploitation, or a comma list of them ("criminal,both"). */
  exploitation?: string;
  minScore?: number;
  maxScore?: number;
  /** A user id, "me" or "none". */
  assignee?: string;
  includeSnoozed?: boolean;
  /** A lead's alias, part of it, or the start of its id. */
  q?: string;
}

export type LeadItem = Answer<'/api/leads'>['items'][number];

export type LeadPage = Answer<'/api/leads'>;

export type Evidence = 'validated' | 'practitioner' | 'contested';

export interface ReasonHit {
  adId: string;
  field: string;
  start: number;
  end: number;
}

export type ScoreReason = EntityScore['reasons'][number];

export type MovementStop = EntityDetail['movement'][number];

export type EntityFeatures = NonNullable<EntityDetail['features']>;

export type LeadEvent = LeadDetail['history'][number];

export type LeadDetail = NonNullable<EntityDetail['lead']>;

export type EntityAd = EntityDetail['ads'][number];

export type EntityIdentifier = EntityDetail['identifiers'][number];

export type EntityTemplate = EntityDetail['templates'][number];

export type SimilarAd = EntityDetail['similar'][number];

export type EntityScore = NonNullable<EntityDetail['score']>;

export type EntityDetail = Answer<'/api/entities/{id}'>;

export type GraphNodeKind = 'ad' | 'identifier' | 'template' | 'entity';

export type EntityGraph = Answer<'/api/entities/{id}/graph'>;

export type LeadAction =
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'state'; state: LeadState; reason?: string }
  | { action: 'snooze'; until: string | null }
  | { action: 'seen' };

export type SavedSearch = Answer<'/api/saved-searches'>[number];

export type SavedSearchAlerts = Answer<'/api/saved-searches/alerts'>;

export type OpenedSavedSearch = Answer<'/api/saved-searches/{id}/open', 'post'>;

/** The parts of the active score model the console shows (GET /api/score/model). */
export interface ScoreModelVersion {
  version: number;
  note: string;
  createdAt: string;
  model: {
    name: string;
    description: string;
    leadThreshold: number;
    /** Plain English, or per language ({ en, nl }). */
    leadThresholdWhy: string | { en: string; nl?: string };
    /** Thresholds of their own for entities of one type of exploitation. */
    leadThresholdByType?: Partial<
      Record<
        'sexual' | 'criminal' | 'both',
        { threshold: number; why: string | { en: string; nl?: string } }
      >
    >;
  };
}

export type RevealedIdentifier = Answer<'/api/identifiers/{id}/reveal', 'post'>;

export interface AdVersionView {
  versionId: string;
  version: number;
  title: string | null;
  body: string;
  city: string | null;
  displayName: string | null;
  phoneRaw: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
}

export type AdDetail = Answer<'/api/ads/{id}'>;

export type ExtractionFact = AdExtraction['facts'][number];

export type AdExtraction = Answer<'/api/ads/{id}/extraction'>;

/** Query string of a filter set, as the list, the CSV export and the URL use it. */
export function filterParams(f: LeadFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.state && f.state !== 'open') q.set('state', f.state);
  if (f.place) q.set('place', f.place);
  if (f.language) q.set('language', f.language);
  if (f.flag) q.set('flag', f.flag);
  if (f.exploitation) q.set('exploitation', f.exploitation);
  if (f.minScore !== undefined) q.set('minScore', String(f.minScore));
  if (f.maxScore !== undefined) q.set('maxScore', String(f.maxScore));
  if (f.assignee) q.set('assignee', f.assignee);
  if (f.includeSnoozed) q.set('includeSnoozed', 'true');
  if (f.q) q.set('q', f.q);
  return q;
}

const id = (s: string) => encodeURIComponent(s);

export function listLeads(f: LeadFilters, cursor: string | null, limit = 50): Promise<LeadPage> {
  const q = filterParams(f);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return api.get<LeadPage>(`/api/leads?${q.toString()}`);
}

export function leadsCsvUrl(f: LeadFilters): string {
  const q = filterParams(f).toString();
  return q ? `/api/leads.csv?${q}` : '/api/leads.csv';
}

export function actOnLead(entityId: string, action: LeadAction): Promise<unknown> {
  return api.post(`/api/leads/${id(entityId)}/actions`, action);
}

export function fetchEntity(entityId: string): Promise<EntityDetail> {
  return api.get<EntityDetail>(`/api/entities/${id(entityId)}`);
}

export function fetchEntityGraph(entityId: string): Promise<EntityGraph> {
  return api.get<EntityGraph>(`/api/entities/${id(entityId)}/graph`);
}

export function revealIdentifier(identifierId: string): Promise<RevealedIdentifier> {
  return api.post<RevealedIdentifier>(`/api/identifiers/${id(identifierId)}/reveal`, {});
}

export function fetchAd(adId: string): Promise<AdDetail> {
  return api.get<AdDetail>(`/api/ads/${id(adId)}`);
}

export function fetchAdExtraction(adId: string): Promise<AdExtraction> {
  return api.get<AdExtraction>(`/api/ads/${id(adId)}/extraction`);
}

export function fetchScoreModel(): Promise<ScoreModelVersion> {
  return api.get<ScoreModelVersion>('/api/score/model');
}

export function listSavedSearches(): Promise<SavedSearch[]> {
  return api.get<SavedSearch[]>('/api/saved-searches');
}

export function fetchSavedSearchAlerts(): Promise<SavedSearchAlerts> {
  return api.get<SavedSearchAlerts>('/api/saved-searches/alerts');
}

/** The API takes the queue's filters as a query string would carry them. */
function apiFilters(f: LeadFilters): Record<string, string | number> {
  return Object.fromEntries(filterParams(f).entries());
}

export function saveLeadSearch(name: string, f: LeadFilters): Promise<SavedSearch> {
  return api.post<SavedSearch>('/api/saved-searches', {
    name,
    target: 'leads',
    filters: apiFilters(f),
  });
}

export function openSavedSearch(searchId: string): Promise<OpenedSavedSearch> {
  return api.post<OpenedSavedSearch>(`/api/saved-searches/${id(searchId)}/open`, {});
}

export function deleteSavedSearch(searchId: string): Promise<unknown> {
  return api.delete(`/api/saved-searches/${id(searchId)}`);
}

export const queryKeys = {
  leads: (f: LeadFilters) => ['triage', 'leads', f] as const,
  allLeads: ['triage', 'leads'] as const,
  entity: (entityId: string) => ['triage', 'entity', entityId] as const,
  graph: (entityId: string) => ['triage', 'graph', entityId] as const,
  ad: (adId: string) => ['triage', 'ad', adId] as const,
  extraction: (adId: string) => ['triage', 'extraction', adId] as const,
  savedSearches: ['triage', 'saved-searches'] as const,
  alerts: ['triage', 'saved-searches', 'alerts'] as const,
  openedSearch: ['triage', 'opened-search'] as const,
  staff: ['triage', 'staff'] as const,
  scoreModel: ['triage', 'score-model'] as const,
};
