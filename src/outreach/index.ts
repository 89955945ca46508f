// Public face of the outreach context (channels, templates, contacts, conversations, sending):
// what the composition root, the demo and later contexts (cases, chat) may use. Everything else in
// src/outreach is internal; its pure rules are in src/outreach/domain (its own index.ts).
export { outreachJobs } from './sending/jobs.js';
export { canManageChannels, canReadTemplates, canSeeChannels, canWorkOutreach } from './policy.js';
export { registerOutreachRoutes } from './routes.js';
export { TEMPLATE_AUTHOR_ROLES, TEMPLATE_TRANSITIONS } from './domain/index.js';
export { outreachSettings } from './sending/settings.js';
export { channelByName, channelForSending, saveChannel } from './channels/channel-store.js';
export {
  changeTemplateStatus,
  createTemplate,
  templateByName,
} from './templates/templates-store.js';
export { OUTREACH_ENCRYPTED_COLUMNS } from './schema.js';
