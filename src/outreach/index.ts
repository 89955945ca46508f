// Public face of the outreach context (channels, templates, contacts, conversations, sending):
// what the composition root, the demo and later contexts (cases, chat) may use. Everything else in
// src/outreach is internal; its pure rules are in src/outreach/domain (its own index.ts).
import { eq } from 'drizzle-orm';
import type { Config } from '../platform/config.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { decryptBody } from './inbox/conversations.js';
import { messages as messageTable } from './schema.js';

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

// For cases: a conversation a case is opened from, and the message a consent points to as its
// evidence (a case reads them through here, never outreach's tables).
export { conversationById, type ConversationRow } from './inbox/conversations.js';

/** One message with its body, or null: what a consent's evidence shows. Not audited here: the
 * caller reads it as part of a record it audits. */
export async function messageById(db: DbOrTx, config: Config, id: string) {
  const [m] = await db.select().from(messageTable).where(eq(messageTable.id, id));
  if (!m) return null;
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    createdAt: m.createdAt,
    body: decryptBody(config, m.bodyEnc),
  };
}
export { countContacted, countReplied, firstContactTimes } from './insight-counts.js';
