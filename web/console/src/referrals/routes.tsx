// The partner's inbox, /referrals. The console's router adds it under its root with one line; the
// worker's side is the ReferralsPanel the case page shows (imported from its own file, so that it
// stays in the case page's chunk).
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import './referrals.css';

export function referralRoutes<TParent extends AnyRoute>(parent: TParent) {
  const inbox = createRoute({
    getParentRoute: () => parent,
    path: '/referrals',
    component: lazyPage(() => import('./PartnerInboxPage'), 'PartnerInboxPage'),
  });
  return [inbox] as const;
}
