// The console's routes, written out in code (no route-file generation). Each section is its own
// route so other teams can replace a section's component without touching the frame. Every page is
// a chunk of its own (lazyPage), fetched when first opened: Loading shows while it takes a while,
// LoadFailed (with a reload) when it cannot be fetched.
import { createRootRoute, createRoute, createRouter, redirect } from '@tanstack/react-router';
import { Loading } from '../ui/Loading';
import { auditRoutes } from '../audit/routes';
import { casesRoutes } from '../cases/routes';
import { chatRoutes } from '../chat/routes';
import { collectRoutes } from '../collect/routes';
import { Frame } from './Frame';
import { insightsRoutes } from '../insights/routes';
import { HomeRedirect } from './HomeRedirect';
import { lazyPage, RouteError } from './lazy-page';
import { NotFound } from './NotFound';
import { outreachRoutes } from '../outreach/routes';
import { partnerRoutes } from '../partners/routes';
import { channelsAdminRoute, outreachSetupRoutes } from '../outreach-setup/routes';
import { referralRoutes } from '../referrals/routes';
import type { SectionKey } from './SectionPage';
import { triageRoutes } from '../triage/routes';

const rootRoute = createRootRoute({ component: Frame, notFoundComponent: NotFound });

const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/',
  // Where "/" leads depends on the role (partner organisations have no triage queue).
  component: HomeRedirect,
});

const SectionPage = lazyPage(() => import('./SectionPage'), 'SectionPage');

function sectionRoute<P extends string>(path: P, section: SectionKey) {
  return createRoute({
    getParentRoute: () => rootRoute,
    path,
    component: Object.assign(() => <SectionPage section={section} />, {
      preload: SectionPage.preload,
    }),
  });
}

const vaultRequestsRoute = sectionRoute('/vault-requests', 'vaultRequests');

const adminRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/admin',
  component: lazyPage(() => import('../admin/AdminPage'), 'AdminPage'),
});
const adminIndexRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/',
  beforeLoad: () => redirect({ to: '/admin/users', replace: true, throw: true }),
});
const adminUsersRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/users',
  component: lazyPage(() => import('../admin/UsersPanel'), 'UsersPanel'),
});
const adminPartnerOrgsRoute = createRoute({
  getParentRoute: () => adminRoute,
  path: '/partner-orgs',
  component: lazyPage(() => import('../admin/PartnerOrgsPanel'), 'PartnerOrgsPanel'),
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  ...collectRoutes(rootRoute),
  ...triageRoutes(rootRoute),
  ...outreachRoutes(rootRoute),
  ...chatRoutes(rootRoute),
  ...outreachSetupRoutes(rootRoute),
  ...auditRoutes(rootRoute),
  ...referralRoutes(rootRoute),
  ...casesRoutes(rootRoute),
  ...partnerRoutes(rootRoute),
  vaultRequestsRoute,
  ...insightsRoutes(rootRoute),
  adminRoute.addChildren([
    adminIndexRoute,
    adminUsersRoute,
    adminPartnerOrgsRoute,
    channelsAdminRoute(adminRoute),
  ]),
]);

export const router = createRouter({
  routeTree,
  defaultPreload: false,
  defaultPendingComponent: Loading,
  defaultErrorComponent: RouteError,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
