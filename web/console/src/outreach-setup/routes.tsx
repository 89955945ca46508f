// Routes of outreach set-up: /templates (templates and quick replies) under the console's root,
// and /channels under the admin route (Admin → Channels). The console's router adds them with one
// line each.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import './outreach-setup.css';

export function outreachSetupRoutes<TParent extends AnyRoute>(parent: TParent) {
  const templates = createRoute({
    getParentRoute: () => parent,
    path: '/templates',
    component: lazyPage(() => import('./TemplatesPage'), 'TemplatesPage'),
  });
  return [templates] as const;
}

export function channelsAdminRoute<TParent extends AnyRoute>(adminRoute: TParent) {
  return createRoute({
    getParentRoute: () => adminRoute,
    path: '/channels',
    component: lazyPage(() => import('./ChannelsPanel'), 'ChannelsPanel'),
  });
}
