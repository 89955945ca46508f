// The audit log's route, /audit, with its filters in the URL. The console's router adds it under
// its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { AuditPage } from './AuditPage';
import { parseAuditSearch } from './filters';

export function auditRoutes<TParent extends AnyRoute>(parent: TParent) {
  const audit = createRoute({
    getParentRoute: () => parent,
    path: '/audit',
    validateSearch: parseAuditSearch,
    component: AuditPage,
  });
  return [audit] as const;
}
