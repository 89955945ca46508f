// Routes of the outreach inbox: /inbox (the list, its filters in the URL) with the conversation
// chosen from it at /inbox/:conversationId beside the list. The console's router adds them under
// its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ConversationPage } from './ConversationPage';
import { parseInboxSearch } from './filters';
import { InboxPage, NoConversationChosen } from './InboxPage';
import './outreach.css';

export function outreachRoutes<TParent extends AnyRoute>(parent: TParent) {
  const inbox = createRoute({
    getParentRoute: () => parent,
    path: '/inbox',
    validateSearch: parseInboxSearch,
    component: InboxPage,
  });
  const none = createRoute({
    getParentRoute: () => inbox,
    path: '/',
    component: NoConversationChosen,
  });
  const conversation = createRoute({
    getParentRoute: () => inbox,
    path: '$conversationId',
    component: ConversationPage,
  });
  return [inbox.addChildren([none, conversation])] as const;
}
