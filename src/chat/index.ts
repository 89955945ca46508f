// Public face of the chat context (anonymous chat sessions over WebSocket, the operators' queue,
// LISTEN/NOTIFY fan-out across servers): what the composition root wires.
export { registerChat, type ChatPluginDeps } from './plugin.js';
export { registerChatWidget } from './widget/routes.js';
export { chatJobs } from './jobs.js';
export { canSuperviseChat, canWorkChat, returnUnanswered } from './service.js';
export { chatsDueForErasure, eraseChats, eraseChatsOfThreads } from './store.js';
export { CHAT_ENCRYPTED_COLUMNS } from './schema.js';
// For the composed inbox (src/app/inbox.ts): the chats an operator may see, in the inbox's order.
export {
  chatInboxPage,
  chatUnreadCount,
  latestChatMessages,
  type ChatInboxFilter,
  type ChatInboxItem,
  type LatestChatMessage,
} from './inbox.js';
