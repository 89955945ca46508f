// Calls and response shapes of the collect context (see src/collect/routes.ts on the server):
// sources, crawl runs and ads. Kept in this folder so the console's shared endpoint file stays
// small. Every id goes into a path through encodeURIComponent.
import { api } from '../api/client';

const id = encodeURIComponent;

export const HEALTH_STATES = ['unknown', 'ok', 'degraded', 'broken'] as const;
export type HealthState = (typeof HEALTH_STATES)[number];

export const RUN_STATUSES = ['queued', 'running', 'finished', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** Fields a source reads from an ad page (src/collect/source-definition.ts AD_FIELDS). */
export const AD_FIELDS = [
  'title',
  'body',
  'postedAt',
  'city',
  'displayName',
  'age',
  'phone',
  'price',
  'images',
  'externalId',
] as const;
export type AdField = (typeof AD_FIELDS)[number];

/** Kinds of fetch failure a crawl records (src/collect/schema.ts FETCH_ERROR_KINDS). */
export const ERROR_KINDS = [
  'http_4xx',
  'http_5xx',
  'rate_limited',
  'timeout',
  'too_large',
  'redirect_limit',
  'robots_disallowed',
  'address_refused',
  'network',
  'circuit_open',
  'parse',
  'encoding',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface FieldDrop {
  field: string;
  before: number;
  now: number;
  sampleUrls: string[];
}

/** What the last crawl's health check found (src/collect/health.ts), with its run and time. */
export interface HealthDetail {
  status?: string;
  reasons?: string[];
  fieldDrops?: FieldDrop[];
  runId?: string;
  at?: string;
}

export interface Source {
  id: string;
  name: string;
  enabled: boolean;
  health: string;
  healthDetail: Record<string, unknown> | null;
  robotsOverrideReason: string | null;
  definition: Record<string, unknown>;
  updatedAt: string;
}

export interface CrawlRun {
  id: string;
  status: string;
  trigger: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  pagesFetched: number;
  adsFound: number;
  adsNew: number;
  adsChanged: number;
  adsUnchanged: number;
  adsGone: number;
  parseErrors: number;
  errorsByKind: Record<string, number>;
  fieldFill: Record<string, number>;
  message: string | null;
}

export interface CrawlError {
  url: string;
  kind: string;
  status: number | null;
  message: string;
  at: string;
}

export const isActiveRun = (r: Pick<CrawlRun, 'status'>) =>
  r.status === 'queued' || r.status === 'running';

export async function listSources(): Promise<Source[]> {
  return (await api.get<{ sources: Source[] }>('/api/sources')).sources;
}

export function fetchSource(sourceId: string): Promise<{ source: Source; runs: CrawlRun[] }> {
  return api.get(`/api/sources/${id(sourceId)}`);
}

/** Creates a source, or replaces the definition of the source with the same name. */
export function saveSource(definition: unknown): Promise<{ source: Source; created: boolean }> {
  return api.post('/api/sources', definition);
}

export async function setSourceEnabled(sourceId: string, enabled: boolean): Promise<Source> {
  return (await api.post<{ source: Source }>(`/api/sources/${id(sourceId)}/enabled`, { enabled }))
    .source;
}

export async function startCrawl(sourceId: string): Promise<string> {
  return (await api.post<{ runId: string }>(`/api/sources/${id(sourceId)}/crawl`, {})).runId;
}

export async function setRobotsOverride(sourceId: string, reason: string | null): Promise<Source> {
  return (
    await api.post<{ source: Source }>(`/api/sources/${id(sourceId)}/robots-override`, { reason })
  ).source;
}

export function fetchCrawlRun(runId: string): Promise<{ run: CrawlRun; errors: CrawlError[] }> {
  return api.get(`/api/crawl-runs/${id(runId)}`);
}

/** Where the browser downloads a source's definition (a plain GET with the session cookie). */
export const sourceExportUrl = (sourceId: string) => `/api/sources/${id(sourceId)}/export`;

// ---- ads ------------------------------------------------------------------------------------

export type AdStatus = 'active' | 'gone';

/** The ads list's filters, as in the URL and as the API takes them (all optional). */
export interface AdFilters {
  source?: string;
  city?: string;
  q?: string;
  status?: AdStatus;
  language?: string;
  /** Last seen on or after this day (yyyy-mm-dd, the user's time zone). */
  from?: string;
  /** Last seen on or before this day (yyyy-mm-dd). */
  to?: string;
}

export interface AdListItem {
  id: string;
  source: string;
  url: string;
  externalId: string;
  status: AdStatus;
  title: string | null;
  snippet: string;
  city: string | null;
  displayName: string | null;
  language: string | null;
  version: number;
  firstSeenAt: string;
  lastSeenAt: string;
  goneAt: string | null;
}

export interface AdVersion {
  versionId: string;
  version: number;
  seenAt: string;
  title: string | null;
  body: string;
  postedAt: string | null;
  postedRaw: string | null;
  city: string | null;
  displayName: string | null;
  phoneRaw: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
  images: { sha256: string; phash: string }[];
  language: string | null;
  changedFields: string[];
  parseErrors: string[];
  captureId: string | null;
}

export interface Capture {
  id: string;
  url: string;
  fetchedAt: string;
  status: number;
  kind: string;
  payloadSha256: string;
}

export interface AdDetail {
  id: string;
  source: string;
  url: string;
  externalId: string;
  status: AdStatus;
  version: number;
  firstSeenAt: string;
  lastSeenAt: string;
  goneAt: string | null;
  versions: AdVersion[];
  captures: Capture[];
}

/** A local day (yyyy-mm-dd) as the ISO instant where it starts, or ends with `end`. */
export function dayToIso(day: string, end = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (end) d.setDate(d.getDate() + 1);
  return new Date(d.getTime() - (end ? 1 : 0)).toISOString();
}

export const ADS_PAGE_SIZE = 50;

export function listAds(
  filters: AdFilters,
  cursor: string | null,
): Promise<{ items: AdListItem[]; nextCursor: string | null }> {
  const q = new URLSearchParams();
  const { from, to, ...rest } = filters;
  for (const [k, v] of Object.entries(rest)) if (v) q.set(k, String(v));
  const fromIso = from ? dayToIso(from) : undefined;
  const toIso = to ? dayToIso(to, true) : undefined;
  if (fromIso) q.set('from', fromIso);
  if (toIso) q.set('to', toIso);
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(ADS_PAGE_SIZE));
  return api.get(`/api/ads?${q.toString()}`);
}

/** Reading an ad is audited on the server: the page asks once, not on every focus. */
export function fetchAd(adId: string): Promise<AdDetail> {
  return api.get(`/api/ads/${id(adId)}`);
}

/** Where the browser downloads an ad's captures as .warc.gz (audited on the server). */
export const adWarcUrl = (adId: string) => `/api/ads/${id(adId)}/warc`;

export const collectKeys = {
  sources: ['collect', 'sources'] as const,
  source: (sourceId: string) => ['collect', 'source', sourceId] as const,
  run: (runId: string) => ['collect', 'run', runId] as const,
  ads: (filters: AdFilters) => ['collect', 'ads', filters] as const,
  ad: (adId: string) => ['collect', 'ad', adId] as const,
};
