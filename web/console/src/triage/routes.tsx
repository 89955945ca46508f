// Routes of the triage queue (/triage, its filters in the URL) and the entity page
// (/entities/:id). The console's router adds them under its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { STATE_FILTERS, type LeadFilters, type StateFilter } from './api';
import './triage.css';

const text = (v: unknown, max: number): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : undefined;

const score = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v !== '' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 0 && n <= 100 ? n : undefined;
};

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

export function triageRoutes<TParent extends AnyRoute>(parent: TParent) {
  const queue = createRoute({
    getParentRoute: () => parent,
    path: '/triage',
    validateSearch: parseQueueSearch,
    component: lazyPage(() => import('./QueuePage'), 'QueuePage'),
  });
  const entity = createRoute({
    getParentRoute: () => parent,
    path: '/entities/$entityId',
    component: lazyPage(() => import('../entity/EntityPage'), 'EntityPage'),
  });
  return [queue, entity] as const;
}
