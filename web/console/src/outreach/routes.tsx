// Routes of the outreach inbox: /inbox (the list, its filters in the URL) with the conversation
// chosen from it at /inbox/:conversationId beside the list. The console's router adds them under
// its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { lazyPage } from '../app/lazy-page';
import { parseInboxSearch } from './filters';
import './outreach.css';

export function outreachRoutes<TParent extends AnyRoute>(parent: TParent) {
  const inbox = createRoute({
    getParentRoute: () => parent,
    path: '/inbox',
    validateSearch: parseInboxSearch,
    component: lazyPage(() => import('./InboxPage'), 'InboxPage'),
  });
  const none = createRoute({
    getParentRoute: () => inbox,
    path: '/',
    component: lazyPage(() => import('./InboxPage'), 'NoConversationChosen'),
  });
  const conversation = createRoute({
    getParentRoute: () => inbox,
    path: '$conversationId',
    component: lazyPage(() => import('./ConversationPage'), 'ConversationPage'),
  });
  return [inbox.addChildren([none, conversation])] as const;
}
