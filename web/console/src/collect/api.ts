// Calls and response shapes of the collect context (see src/collect/routes.ts on the server):
// sources, crawl runs and ads. Kept in this folder so the console's shared endpoint file stays
// small. Every id goes into a path through encodeURIComponent.
import { api } from '../api/client';
import type { Answer, Body } from '../api/contract';

const id = encodeURIComponent;

/** A source as the API gives it (GET /api/sources/:id), from the generated schema. */
export type Source = Answer<'/api/sources/{id}'>['source'];
export type CrawlRun = Answer<'/api/crawl-runs/{id}'>['run'];
export type CrawlError = Answer<'/api/crawl-runs/{id}'>['errors'][number];

/** What the last crawl's health check found (src/collect/health.ts), with its run and time. */
export type HealthDetail = NonNullable<Source['healthDetail']>;
export type FieldDrop = HealthDetail['fieldDrops'][number];

export type HealthState = Source['health'];
export const HEALTH_STATES = [
  'unknown',
  'ok',
  'degraded',
  'broken',
] as const satisfies readonly HealthState[];

export type RunStatus = CrawlRun['status'];
export const RUN_STATUSES = [
  'queued',
  'running',
  'finished',
  'failed',
] as const satisfies readonly RunStatus[];

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

export const isActiveRun = (r: Pick<CrawlRun, 'status'>) =>
  r.status === 'queued' || r.status === 'running';

export async function listSources(): Promise<Source[]> {
  return (await api.get<Answer<'/api/sources'>>('/api/sources')).sources;
}

export type SourceWithRuns = Answer<'/api/sources/{id}'>;

export function fetchSource(sourceId: string): Promise<SourceWithRuns> {
  return api.get<SourceWithRuns>(`/api/sources/${id(sourceId)}`);
}

export type SavedSource = Answer<'/api/sources', 'post'>;

/** Creates a source, or replaces the definition of the source with the same name. */
export function saveSource(definition: unknown): Promise<SavedSource> {
  return api.post<SavedSource>('/api/sources', definition);
}

export async function setSourceEnabled(sourceId: string, enabled: boolean): Promise<Source> {
  const body: Body<'/api/sources/{id}/enabled', 'post'> = { enabled };
  const path = `/api/sources/${id(sourceId)}/enabled`;
  return (await api.post<Answer<'/api/sources/{id}/enabled', 'post'>>(path, body)).source;
}

export async function startCrawl(sourceId: string): Promise<string> {
  const path = `/api/sources/${id(sourceId)}/crawl`;
  return (await api.post<Answer<'/api/sources/{id}/crawl', 'post', 202>>(path, {})).runId;
}

export async function setRobotsOverride(sourceId: string, reason: string | null): Promise<Source> {
  const body: Body<'/api/sources/{id}/robots-override', 'post'> = { reason };
  const path = `/api/sources/${id(sourceId)}/robots-override`;
  return (await api.post<Answer<'/api/sources/{id}/robots-override', 'post'>>(path, body)).source;
}

export type CrawlRunDetail = Answer<'/api/crawl-runs/{id}'>;

export function fetchCrawlRun(runId: string): Promise<CrawlRunDetail> {
  return api.get<CrawlRunDetail>(`/api/crawl-runs/${id(runId)}`);
}

/** Where the browser downloads a source's definition (a plain GET with the session cookie). */
export const sourceExportUrl = (sourceId: string) => `/api/sources/${id(sourceId)}/export`;

// ---- ads ------------------------------------------------------------------------------------

export type AdStatus = AdDetail['status'];

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

export type AdPage = Answer<'/api/ads'>;
export type AdListItem = AdPage['items'][number];
export type AdDetail = Answer<'/api/ads/{id}'>;
export type AdVersion = AdDetail['versions'][number];
export type Capture = AdDetail['captures'][number];

/** A local day (yyyy-mm-dd) as the ISO instant where it starts, or ends with `end`. */
export function dayToIso(day: string, end = false): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (end) d.setDate(d.getDate() + 1);
  return new Date(d.getTime() - (end ? 1 : 0)).toISOString();
}

export const ADS_PAGE_SIZE = 50;

export function listAds(filters: AdFilters, cursor: string | null): Promise<AdPage> {
  const q = new URLSearchParams();
  const { from, to, ...rest } = filters;
  for (const [k, v] of Object.entries(rest)) if (v) q.set(k, String(v));
  const fromIso = from ? dayToIso(from) : undefined;
  const toIso = to ? dayToIso(to, true) : undefined;
  if (fromIso) q.set('from', fromIso);
  if (toIso) q.set('to', toIso);
  if (cursor) q.set('cursor', cursor);
  q.set('limit', String(ADS_PAGE_SIZE));
  return api.get<AdPage>(`/api/ads?${q.toString()}`);
}

/** Reading an ad is audited on the server: the page asks once, not on every focus. */
export function fetchAd(adId: string): Promise<AdDetail> {
  return api.get<AdDetail>(`/api/ads/${id(adId)}`);
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
