// Routes of the chat line's operator page: /chat-line (queue and lists) with the chosen chat's
// thread at /chat-line/:chatId beside them. Only ids go into the address. Each page is a chunk of
// its own, fetched when first opened, like every page of the console.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import './chat.css';

export function chatRoutes<TParent extends AnyRoute>(parent: TParent) {
  const page = createRoute({
    getParentRoute: () => parent,
    path: '/chat-line',
    component: lazyPage(() => import('./ChatLinePage'), 'ChatLinePage'),
  });
  const none = createRoute({
    getParentRoute: () => page,
    path: '/',
    component: lazyPage(() => import('./ChatLinePage'), 'NoChatChosen'),
  });
  const thread = createRoute({
    getParentRoute: () => page,
    path: '$chatId',
    component: lazyPage(() => import('./ThreadPage'), 'ThreadPage'),
  });
  return [page.addChildren([none, thread])] as const;
}
