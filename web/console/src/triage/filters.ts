// The queue's filters as they live in the URL, read leniently: a bookmarked, shared or hand-edited
// address (or a saved search) with something malformed shows the queue without that filter rather
// than an error. Pure, so it is tested without a browser.
import { exploitationTypeValues } from '../api/schema';
import { STATE_FILTERS, type ExploitationType, type LeadFilters, type StateFilter } from './api';

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined;

const score = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
};

/** The kinds of exploitation a lead's signs can point to, in the order the filter offers them. */
export const EXPLOITATION_TYPES = exploitationTypeValues;

/**
 * The kinds named by a filter value ("criminal" or a comma list "criminal,both", as the API takes
 * it), each once in the fixed order; unknown names are dropped.
 */
export function exploitationTypesOf(v: unknown): ExploitationType[] {
  if (typeof v !== 'string') return [];
  const named = v.split(',').map((s) => s.trim());
  return EXPLOITATION_TYPES.filter((type) => named.includes(type));
}

/** The queue's filters from the URL; anything malformed is dropped rather than refused. */
export function parseQueueSearch(raw: Record<string, unknown>): LeadFilters {
  const state = STATE_FILTERS.find((s) => s === raw.state);
  const out: LeadFilters = {};
  if (state && state !== 'open') out.state = state satisfies StateFilter;
  const place = text(raw.place, 80);
  if (place) out.place = place;
  const language = text(raw.language, 8);
  if (language) out.language = language;
  const flag = text(raw.flag, 40);
  if (flag) out.flag = flag;
  const exploitation = exploitationTypesOf(raw.exploitation);
  if (exploitation.length > 0) out.exploitation = exploitation.join(',');
  const min = score(raw.minScore);
  if (min !== undefined && min > 0) out.minScore = min;
  const max = score(raw.maxScore);
  if (max !== undefined && max < 100) out.maxScore = max;
  const assignee = text(raw.assignee, 40);
  if (assignee) out.assignee = assignee;
  if (raw.includeSnoozed === true || raw.includeSnoozed === 'true') out.includeSnoozed = true;
  const q = text(raw.q, 40);
  if (q) out.q = q;
  return out;
}
