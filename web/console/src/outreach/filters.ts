// The inbox's filters as they live in the URL, read leniently: a bookmarked or hand-edited address
// with something malformed shows the default instead of an error.
import { ASSIGNEE_FILTERS, KIND_FILTERS, STATUS_FILTERS, type InboxFilters } from './api';

/** The inbox's filters from the URL; anything malformed is dropped rather than refused. */
export function parseInboxSearch(raw: Record<string, unknown>): InboxFilters {
  const out: InboxFilters = {};
  const status = STATUS_FILTERS.find((s) => s === raw.status);
  if (status && status !== 'open') out.status = status;
  const assignee = ASSIGNEE_FILTERS.find((a) => a === raw.assignee);
  if (assignee && assignee !== 'all') out.assignee = assignee;
  if (raw.unread === true || raw.unread === 'true') out.unread = true;
  const kind = KIND_FILTERS.find((k) => k === raw.kind);
  if (kind && kind !== 'all') out.kind = kind;
  return out;
}
