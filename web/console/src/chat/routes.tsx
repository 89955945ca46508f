// Routes of the chat line's operator page: /chat-line (queue and lists) with the chosen chat's
// thread at /chat-line/:chatId beside them. Only ids go into the address. The page is its own
// chunk, fetched when first opened: most of the console's users never work the chat line, and
// the main bundle stays within its budget.
import { createRoute, lazyRouteComponent, type AnyRoute } from '@tanstack/react-router';
import './chat.css';

export function chatRoutes<TParent extends AnyRoute>(parent: TParent) {
  const page = createRoute({
    getParentRoute: () => parent,
    path: '/chat-line',
    component: lazyRouteComponent(() => import('./ChatLinePage'), 'ChatLinePage'),
  });
  const none = createRoute({
    getParentRoute: () => page,
    path: '/',
    component: lazyRouteComponent(() => import('./ChatLinePage'), 'NoChatChosen'),
  });
  const thread = createRoute({
    getParentRoute: () => page,
    path: '$chatId',
    component: lazyRouteComponent(() => import('./ThreadPage'), 'ThreadPage'),
  });
  return [page.addChildren([none, thread])] as const;
}
