// The partner directory's calls: list with filters, one entry, create and update, CSV import
// (the refused file's per-line errors come back in the error's details) and the export address,
// and matching a case profile. Types come from the server's OpenAPI document.
import { api, ApiError } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';

export type Partner = Schemas['Partner'];
export type PartnerKind = Schemas['PartnerKind'];
export type Need = Schemas['Need'];
export type Province = Schemas['Province'];
export type Capacity = Schemas['PartnerCapacity'];
export type PartnerWrite = Body<'/api/partners', 'post'>;
export type PartnerProfileInput = PartnerWrite['profile'];
export type ImportResult = Answer<'/api/partners/import', 'post'>;
export type CsvRowError = Schemas['CsvRowError'];
export type MatchInput = Body<'/api/partners/match', 'post'>;
export type MatchAnswer = Answer<'/api/partners/match', 'post'>;
export type PartnerMatch = Schemas['PartnerMatch'];
export type MatchReason = Schemas['PartnerMatchReason'];

/** The directory's filters, as the page keeps them in its URL. */
export interface PartnerFilters {
  kind?: PartnerKind;
  service?: Need;
  region?: Province;
  capacity?: Capacity | 'unknown';
  active?: 'yes' | 'no';
  q?: string;
}

function query(f: PartnerFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f) as [string, string | undefined][]) {
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export async function listPartners(f: PartnerFilters): Promise<Partner[]> {
  return (await api.get<Answer<'/api/partners'>>(`/api/partners${query(f)}`)).items;
}

export function getPartner(id: string): Promise<Partner> {
  return api.get<Partner>(`/api/partners/${encodeURIComponent(id)}`);
}

export function createPartner(input: PartnerWrite): Promise<Partner> {
  return api.post<Partner>('/api/partners', input);
}

export function updatePartner(id: string, input: PartnerWrite): Promise<Partner> {
  return api.patch<Partner>(`/api/partners/${encodeURIComponent(id)}`, input);
}

export function importPartners(csv: string): Promise<ImportResult> {
  return api.post<ImportResult>('/api/partners/import', { csv });
}

/** A plain link: the browser downloads the file with the session cookie (a GET needs no token). */
export function exportUrl(f: PartnerFilters): string {
  return `/api/partners.csv${query(f)}`;
}

export function matchPartners(input: MatchInput): Promise<MatchAnswer> {
  return api.post<MatchAnswer>('/api/partners/match', input);
}

/** The rows of a refused import, if the error is one. */
export function importErrors(err: unknown): CsvRowError[] | null {
  if (!(err instanceof ApiError) || err.code !== 'import_refused') return null;
  const rows = err.details.rows;
  return Array.isArray(rows) ? (rows as CsvRowError[]) : [];
}

export const partnerKeys = {
  all: ['partners'] as const,
  list: (f: PartnerFilters) => ['partners', 'list', f] as const,
  one: (id: string) => ['partners', 'one', id] as const,
};
