// The audit page's filters as they live in the URL, read leniently: a malformed value is dropped
// rather than refused, so a hand-edited address still opens the page.
import type { AuditFilters } from './api';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const text = (v: unknown, max: number) =>
  typeof v === 'string' && v.trim() && v.length <= max ? v.trim() : undefined;

export function parseAuditSearch(raw: Record<string, unknown>): AuditFilters {
  const out: AuditFilters = {};
  const user = text(raw.user, 320);
  if (user) out.user = user;
  const action = text(raw.action, 120);
  if (action && /^[a-z0-9_.]+\*?$/i.test(action)) out.action = action;
  const targetType = text(raw.targetType, 60);
  if (targetType) out.targetType = targetType;
  const targetId = text(raw.targetId, 200);
  if (targetId) out.targetId = targetId;
  const since = text(raw.since, 10);
  if (since && DAY.test(since)) out.since = since;
  const until = text(raw.until, 10);
  if (until && DAY.test(until)) out.until = until;
  return out;
}
