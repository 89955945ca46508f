// Routes of the outreach inbox: /inbox (the list, its filters in the URL) with the conversation
// chosen from it at /inbox/:conversationId beside the list. The console's router adds them under
// its root with one line.
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { ASSIGNEE_FILTERS, STATUS_FILTERS, type InboxFilters } from './api';
import { ConversationPage } from './ConversationPage';
import { InboxPage, NoConversationChosen } from './InboxPage';
import './outreach.css';

/** The inbox's filters from the URL; anything malformed is dropped rather than refused. */
export function parseInboxSearch(raw: Record<string, unknown>): InboxFilters {
  const out: InboxFilters = {};
  const status = STATUS_FILTERS.find((s) => s === raw.status);
  if (status && status !== 'open') out.status = status;
  const assignee = ASSIGNEE_FILTERS.find((a) => a === raw.assignee);
  if (assignee && assignee !== 'all') out.assignee = assignee;
  if (raw.unread === true || raw.unread === 'true') out.unread = true;
  return out;
}

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
