// The audit log's route, /audit, with its filters in the URL. The console's router adds it under
// its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { parseAuditSearch } from './filters';

export function auditRoutes<TParent extends AnyRoute>(parent: TParent) {
  const audit = createRoute({
    getParentRoute: () => parent,
    path: '/audit',
    validateSearch: parseAuditSearch,
    component: lazyPage(() => import('./AuditPage'), 'AuditPage'),
  });
  return [audit] as const;
}
