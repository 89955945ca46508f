// Routes of the triage queue (/triage, its filters in the URL) and the entity page
// (/entities/:id). The console's router adds them under its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { parseQueueSearch } from './filters';
import './triage.css';

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
