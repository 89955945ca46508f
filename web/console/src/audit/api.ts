// The audit viewer's calls: GET /api/audit/entries (filters, keyset pages) and
// GET /api/audit/views/:kind/:id (who read one record). Both are audited on the server, so the
// console asks only when someone looks (never in the background).
import { api } from '../api/client';
import type { Answer, PathParams } from '../api/contract';

export interface AuditFilters {
  /** A user id, or an actor label (e-mail, "cli", "system"). */
  user?: string;
  /** An action, or a prefix ending in * ("auth.*"). */
  action?: string;
  targetType?: string;
  targetId?: string;
  /** Dates (YYYY-MM-DD), from the start of `since` to the end of `until`, in the user's time zone. */
  since?: string;
  until?: string;
}

export type AuditPage = Answer<'/api/audit/entries'>;
export type AuditEntry = AuditPage['entries'][number];

export type RecordKind = PathParams<'/api/audit/views/{kind}/{id}'>['kind'];

export type RecordViews = Answer<'/api/audit/views/{kind}/{id}'>;
export type RecordView = RecordViews['views'][number];

export const PAGE_SIZE = 50;

/** A local calendar day's start (or the next day's start, for `until`) as an ISO instant. */
export function dayBoundary(day: string, end: boolean): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + (end ? 1 : 0)).toISOString();
}

export function listAuditEntries(f: AuditFilters, before: number | null): Promise<AuditPage> {
  const q = new URLSearchParams();
  if (f.user) q.set('user', f.user);
  if (f.action) q.set('action', f.action);
  if (f.targetType) q.set('targetType', f.targetType);
  if (f.targetId) q.set('targetId', f.targetId);
  if (f.since) q.set('since', dayBoundary(f.since, false));
  if (f.until) q.set('until', dayBoundary(f.until, true));
  if (before !== null) q.set('before', String(before));
  q.set('limit', String(PAGE_SIZE));
  return api.get<AuditPage>(`/api/audit/entries?${q.toString()}`);
}

export function listRecordViews(
  kind: RecordKind,
  id: string,
  before: number | null,
): Promise<RecordViews> {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (before !== null) q.set('before', String(before));
  return api.get<RecordViews>(`/api/audit/views/${kind}/${encodeURIComponent(id)}?${q.toString()}`);
}

export const auditKeys = {
  entries: (f: AuditFilters) => ['audit', 'entries', f] as const,
  views: (kind: RecordKind, id: string) => ['audit', 'views', kind, id] as const,
};
