// Routes of the chat line's operator page: /chat-line (queue and lists) with the chosen chat's
// thread at /chat-line/:chatId beside them. Only ids go into the address.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ChatLinePage, NoChatChosen } from './ChatLinePage';
import { ThreadPage } from './ThreadPage';
import './chat.css';

export function chatRoutes<TParent extends AnyRoute>(parent: TParent) {
  const page = createRoute({
    getParentRoute: () => parent,
    path: '/chat-line',
    component: ChatLinePage,
  });
  const none = createRoute({
    getParentRoute: () => page,
    path: '/',
    component: NoChatChosen,
  });
  const thread = createRoute({
    getParentRoute: () => page,
    path: '$chatId',
    component: ThreadPage,
  });
  return [page.addChildren([none, thread])] as const;
}
