// Calls and response shapes of the triage queue, the entity page and saved searches (see
// src/score/routes.ts, src/facts/routes.ts and src/collect/routes.ts on the server). Kept in
// this folder so the console's shared endpoint file stays small.
import { api } from '../api/client';

export const LEAD_STATES = [
  'new',
  'in_review',
  'contact_planned',
  'contacted',
  'no_action',
  'closed',
] as const;
export type LeadState = (typeof LEAD_STATES)[number];
export type StateFilter = LeadState | 'open' | 'all';
export const STATE_FILTERS: StateFilter[] = ['open', ...LEAD_STATES, 'all'];

/** Flags the scorer sets (src/score/model.ts SCORE_FLAGS), in the order a worker reads them. */
export const SCORE_FLAGS = [
  'urgent',
  'young',
  'obfuscation',
  'third_party',
  'recruitment',
  'shared_number',
  'template',
  'image_reuse',
  'moving',
  'multiple_ages',
  'high_volume',
] as const;
export type ScoreFlag = (typeof SCORE_FLAGS)[number];
export const isScoreFlag = (f: string): f is ScoreFlag =>
  (SCORE_FLAGS as readonly string[]).includes(f);

/** The queue's filters, as in the URL and as the API takes them (all optional). */
export interface LeadFilters {
  state?: StateFilter;
  place?: string;
  language?: string;
  flag?: string;
  minScore?: number;
  maxScore?: number;
  /** A user id, "me" or "none". */
  assignee?: string;
  includeSnoozed?: boolean;
}

export interface LeadItem {
  entityId: string;
  state: LeadState;
  urgent: boolean;
  score: number;
  flags: string[];
  placeIds: string[];
  languages: string[];
  assigneeId: string | null;
  snoozedUntil: string | null;
  evidenceAt: string;
  newEvidence: boolean;
  adCount: number;
  lastPlace: string | null;
  topReasons: { label: string; points: number }[];
}

export interface LeadPage {
  items: LeadItem[];
  nextCursor: string | null;
}

export type Evidence = 'validated' | 'practitioner' | 'contested';

export interface ReasonHit {
  adId: string;
  field: string;
  start: number;
  end: number;
}

export interface ScoreReason {
  kind: 'indicator' | 'feature';
  code: string;
  category?: string;
  points: number;
  evidence: Evidence | null;
  label: string;
  why: string;
  source?: string;
  hits?: ReasonHit[];
  value?: number | string | string[];
  uncapped?: number;
  urgent?: boolean;
}

export interface MovementStop {
  placeId: string;
  name: string;
  country: string;
  lat: number;
  lon: number;
  firstSeen: string;
  lastSeen: string;
  ads: number;
}

export interface EntityFeatures {
  ads: number;
  activeAds: number;
  displayNames: number;
  statedAges: number[];
  cities: number;
  cities14d: number;
  postingRatePerWeek: number;
  phones: number;
  namesPerNumber: number;
  templateAds: number;
  templateEntities: number;
  languages: string[];
  sharedImages: number;
  imageEntities: number;
  obfuscatedContacts: number;
  firstSeen: string;
  lastSeen: string;
}

export interface LeadEvent {
  id: string;
  entityId: string;
  at: string;
  actorId: string | null;
  action: string;
  fromState: string | null;
  toState: string | null;
  detail: Record<string, unknown>;
}

export interface LeadDetail {
  entityId: string;
  state: LeadState;
  assigneeId: string | null;
  snoozedUntil: string | null;
  noActionReason: string | null;
  urgent: boolean;
  score: number;
  flags: string[];
  evidenceAt: string;
  seenAt: string | null;
  stateChangedAt: string;
  history: LeadEvent[];
  allowed: LeadState[];
  newEvidence: boolean;
  /** What the signed-in user may do with the assignee, as the server's rule answers it. */
  assignment: { take: boolean; release: boolean; handOver: boolean };
}

export interface EntityAd {
  id: string;
  source: string;
  url: string;
  externalId: string;
  status: 'active' | 'gone';
  title: string | null;
  snippet: string;
  city: string | null;
  displayName: string | null;
  language: string | null;
  version: number;
  firstSeenAt: string;
  lastSeenAt: string;
  goneAt: string | null;
  score: number | null;
  urgent: boolean;
}

export interface EntityIdentifier {
  identifierId: string;
  kind: string;
  platform: string | null;
  masked: string;
  ads: number;
  obfuscated: boolean;
}

export interface EntityTemplate {
  templateId: string;
  ads: number;
  entities: number;
}

export interface SimilarAd {
  adId: string;
  entityId: string;
  similarity: number;
  toAdId: string;
}

export interface EntityScore {
  score: number;
  urgent: boolean;
  flags: string[];
  reasons: ScoreReason[];
  modelVersion: number;
  scoredAt: string;
}

export interface EntityDetail {
  id: string;
  requestedId: string;
  adCount: number;
  features: EntityFeatures;
  movement: MovementStop[];
  evidenceAt: string;
  score: EntityScore | null;
  lead: LeadDetail | null;
  ads: EntityAd[];
  moreAds: number;
  identifiers: EntityIdentifier[];
  templates: EntityTemplate[];
  similar: SimilarAd[];
}

export type GraphNodeKind = 'ad' | 'identifier' | 'template' | 'entity';

export interface EntityGraph {
  nodes: { id: string; kind: GraphNodeKind; label: string }[];
  edges: { source: string; target: string; kind: string }[];
}

export type LeadAction =
  | { action: 'assign'; assigneeId: string | null }
  | { action: 'state'; state: LeadState; reason?: string }
  | { action: 'snooze'; until: string | null }
  | { action: 'seen' };

export interface SavedSearch {
  id: string;
  name: string;
  target: 'ads' | 'leads';
  filters: Record<string, unknown>;
  createdAt: string;
  newMatches: number;
}

export interface SavedSearchAlerts {
  total: number;
  searches: { id: string; name: string; newMatches: number }[];
}

export interface OpenedSavedSearch {
  search: SavedSearch;
  hits: { itemId: string; at: string; seen: boolean }[];
}

/** The parts of the active score model the console shows (GET /api/score/model). */
export interface ScoreModelVersion {
  version: number;
  note: string;
  createdAt: string;
  model: { name: string; description: string; leadThreshold: number; leadThresholdWhy: string };
}

export interface RevealedIdentifier {
  id: string;
  kind: string;
  value: string;
  raw: string;
}

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

export interface AdDetail {
  id: string;
  source: string;
  url: string;
  status: 'active' | 'gone';
  version: number;
  firstSeenAt: string;
  lastSeenAt: string;
  versions: AdVersionView[];
}

export interface ExtractionFact {
  kind: string;
  span?: { field: string; start: number; end: number };
  code?: string;
  evidence?: Evidence;
  explanation?: string;
  [key: string]: unknown;
}

export interface AdExtraction {
  adVersionId: string;
  facts: ExtractionFact[];
  pending: boolean;
}

/** Query string of a filter set, as the list, the CSV export and the URL use it. */
export function filterParams(f: LeadFilters): URLSearchParams {
  const q = new URLSearchParams();
  if (f.state && f.state !== 'open') q.set('state', f.state);
  if (f.place) q.set('place', f.place);
  if (f.language) q.set('language', f.language);
  if (f.flag) q.set('flag', f.flag);
  if (f.minScore !== undefined) q.set('minScore', String(f.minScore));
  if (f.maxScore !== undefined) q.set('maxScore', String(f.maxScore));
  if (f.assignee) q.set('assignee', f.assignee);
  if (f.includeSnoozed) q.set('includeSnoozed', 'true');
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
