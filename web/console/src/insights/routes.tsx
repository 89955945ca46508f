// The route of Insights (/insights); the console's router adds it under its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';

export function insightsRoutes<TParent extends AnyRoute>(parent: TParent) {
  return [
    createRoute({
      getParentRoute: () => parent,
      path: '/insights',
      component: lazyPage(() => import('./InsightsPage'), 'InsightsPage'),
    }),
  ] as const;
}
