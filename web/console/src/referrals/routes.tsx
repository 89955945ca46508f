// The partner's inbox, /referrals. The console's router adds it under its root with one line; the
// worker's side is the ReferralsPanel the case page shows.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { PartnerInboxPage } from './PartnerInboxPage';
import './referrals.css';

export function referralRoutes<TParent extends AnyRoute>(parent: TParent) {
  const inbox = createRoute({
    getParentRoute: () => parent,
    path: '/referrals',
    component: PartnerInboxPage,
  });
  return [inbox] as const;
}

export { ReferralsPanel } from './ReferralsPanel';
