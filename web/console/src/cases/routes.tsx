// Routes of cases: /cases (the list, alerts and reminders) and /cases/:caseId (one case). The
// console's router adds them under its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';

export function casesRoutes<TParent extends AnyRoute>(parent: TParent) {
  const list = createRoute({
    getParentRoute: () => parent,
    path: '/cases',
    component: lazyPage(() => import('./CasesPage'), 'CasesPage'),
  });
  const one = createRoute({
    getParentRoute: () => parent,
    path: '/cases/$caseId',
    component: lazyPage(() => import('./CasePage'), 'CasePage'),
  });
  return [list, one] as const;
}
