// Public face of the outreach context (channels, templates, contacts, conversations, sending):
// what the composition root, the demo and later contexts (cases, chat) may use. Everything else in
// src/outreach is internal; its pure rules are in src/outreach/domain (its own index.ts).

export { outreachJobs } from './sending/jobs.js';
export { canManageChannels, canReadTemplates, canSeeChannels, canWorkOutreach } from './policy.js';
export { registerOutreachRoutes } from './routes.js';
export { TEMPLATE_AUTHOR_ROLES, TEMPLATE_TRANSITIONS } from './domain/index.js';
export { outreachSettings } from './sending/settings.js';
export type { ContactConsentPort, PersonLinks } from './sending/contact-consent.js';
export { channelByName, channelForSending, saveChannel } from './channels/channel-store.js';
export {
  changeTemplateStatus,
  createTemplate,
  templateByName,
} from './templates/templates-store.js';
export { createQuickReply, listQuickReplies } from './templates/quick-replies.js';
export { OUTREACH_ENCRYPTED_COLUMNS } from './schema.js';

// For cases: a conversation a case is opened from, and the message a consent points to as its
// evidence (a case reads them through here, never outreach's tables).
export { conversationById, type ConversationRow } from './inbox/conversations.js';
export {
  conversationEntityIds,
  eraseConversations,
  idleConversations,
  messageById,
  messagesOfConversation,
} from './inbox/records.js';

// For the composed inbox (src/app/inbox.ts): the threads' page, its cursor and unread badge, and a
// chat's transcript carried into a thread of kind 'chat' when a case is opened from it.
export {
  decodeInboxCursor,
  encodeInboxCursor,
  InboxFilter,
  listInbox,
  unreadCount,
  type InboxPosition,
} from './inbox/conversations.js';
export { InboxItem } from './inbox/views.js';
export { lastMessagePreviews, LastMessageView, previewText } from './inbox/previews.js';
export {
  carryChatTranscript,
  type CarriedChatMessage,
  type ChatCarry,
} from './inbox/chat-threads.js';

export { countContacted, countReplied, firstContactTimes } from './insight-counts.js';
