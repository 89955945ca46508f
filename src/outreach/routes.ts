// HTTP routes of outreach, one module per folder, registered together: channels and the
// providers' webhooks (channels/), templates and quick replies (templates/), composing and sending
// messages (sending/), and the inbox with do-not-contact (inbox/).
import type { FastifyInstance } from 'fastify';
// The inbox's module first: the console's enum constants (scripts/openapi-types.ts) come out in
// the order modules define them, and this keeps that order as it was.
import { registerInboxRoutes } from './inbox/inbox.routes.js';
import { registerChannelRoutes } from './channels/channels.routes.js';
import { registerWebhookRoutes } from './channels/webhooks.routes.js';
import type { OutreachRouteDeps } from './routes-common.js';
import { registerMessageRoutes } from './sending/messages.routes.js';
import { outreachSettings } from './sending/settings.js';
import { registerTemplateRoutes } from './templates/templates.routes.js';

export function registerOutreachRoutes(
  app: FastifyInstance,
  deps: Omit<OutreachRouteDeps, 'settings'>,
): void {
  // Read at registration: a wrong OUTREACH_RULES_FILE stops the start, not the first send.
  const routeDeps: OutreachRouteDeps = { ...deps, settings: outreachSettings(deps.config) };
  registerChannelRoutes(app, routeDeps);
  registerTemplateRoutes(app, routeDeps);
  registerMessageRoutes(app, routeDeps);
  registerInboxRoutes(app, routeDeps);
  registerWebhookRoutes(app, routeDeps);
}
