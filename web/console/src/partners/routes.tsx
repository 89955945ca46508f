// Routes of the partner directory: /partners (the table, its filters in the URL), /partners/new
// (supervisors and admins) and /partners/:partnerId (one entry, edited in place). The console's
// router adds them under its root with one line.
import { createRoute, Outlet, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { parsePartnerSearch } from './filters';

export function partnerRoutes<TParent extends AnyRoute>(parent: TParent) {
  const partners = createRoute({
    getParentRoute: () => parent,
    path: '/partners',
    component: Outlet,
  });
  const directory = createRoute({
    getParentRoute: () => partners,
    path: '/',
    validateSearch: parsePartnerSearch,
    component: lazyPage(() => import('./PartnersPage'), 'PartnersPage'),
  });
  const added = createRoute({
    getParentRoute: () => partners,
    path: 'new',
    component: lazyPage(() => import('./PartnerPage'), 'NewPartnerPage'),
  });
  const one = createRoute({
    getParentRoute: () => partners,
    path: '$partnerId',
    component: lazyPage(() => import('./PartnerPage'), 'PartnerPage'),
  });
  return [partners.addChildren([directory, added, one])] as const;
}
