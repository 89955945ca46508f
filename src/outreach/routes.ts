// HTTP routes of outreach, registered by registerOutreachRoutes: channels and the providers'
// webhooks (channels/), templates (write, approve, retire), composing a message (every contact
// rule; then the send job), the inbox (conversations, unread badge, audited open, notes, status and
// assignee) and do-not-contact.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { canWorkOutreach } from './policy.js';
import { errors, IdParams, type OutreachRouteDeps } from './routes-common.js';
import { registerInboxRoutes } from './inbox/inbox.routes.js';
import { registerChannelRoutes } from './channels/channels.routes.js';
import { registerWebhookRoutes } from './channels/webhooks.routes.js';
import { decryptBody, type MessageRow } from './inbox/conversations.js';
import { queueSend } from './jobs.js';
import {
  ComposeInput,
  composeMessage,
  markSentByHand,
  recordReplyByHand,
  SendRefused,
} from './service.js';
import { checkMessageSafety, OutreachLanguage, smsInfo } from './domain/index.js';
import { outreachSettings } from './settings.js';
import { MessageView, TextPreview } from './views.js';
import { registerTemplateRoutes } from './templates/templates.routes.js';

const Refusal = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    rule: z.string().optional(),
    notBefore: z.string().nullable().optional(),
  }),
});

function presentMessage(m: MessageRow) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    status: m.status,
    purpose: m.purpose,
    channelId: m.channelId,
    templateId: m.templateId,
    segments: m.segments,
    providerId: m.providerId,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    createdAt: m.createdAt.toISOString(),
  };
}

export function registerOutreachRoutes(
  app: FastifyInstance,
  deps: Omit<OutreachRouteDeps, 'settings'>,
): void {
  // Read at registration: a wrong OUTREACH_RULES_FILE stops the start, not the first send.
  const settings = outreachSettings(deps.config);
  const routeDeps: OutreachRouteDeps = { ...deps, settings };
  registerChannelRoutes(app, routeDeps);
  registerTemplateRoutes(app, routeDeps);
  const { db, config, jobs, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  // -------------------------------------------------------------------------------------------
  // Messages

  r.post(
    '/api/outreach/messages',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Composes a message (every contact rule is checked) and queues its sending',
        body: ComposeInput,
        response: {
          200: z.object({
            message: MessageView,
            conversationId: z.string(),
            warnings: z.array(z.string()),
          }),
          ...errors,
          409: Refusal,
        },
      },
    },
    async (request, reply) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      try {
        const out = await composeMessage(db, config, actorOf(request), request.body, {
          settings,
          clock,
        });
        if (out.message.status === 'queued') await queueSend(jobs, out.message.id);
        return {
          message: {
            ...presentMessage(out.message),
            // On a manual channel the worker copies the text and sends it by hand.
            ...(out.message.status === 'to_send'
              ? { body: decryptBody(config, out.message.bodyEnc) }
              : {}),
          },
          conversationId: out.conversation.id,
          warnings: out.warnings,
        };
      } catch (err) {
        if (!(err instanceof SendRefused)) throw err;
        return reply.code(409).send({
          error: {
            code: 'conflict',
            message: err.message,
            rule: err.rule,
            notBefore: err.check.notBefore?.toISOString() ?? null,
          },
        });
      }
    },
  );

  r.post(
    '/api/outreach/messages/:id/sent-by-hand',
    {
      schema: {
        tags: ['outreach'],
        summary: "A manual channel's message was sent by hand (audited)",
        params: IdParams,
        response: { 200: MessageView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return presentMessage(await markSentByHand(db, actorOf(request), request.params.id, clock));
    },
  );

  r.post(
    '/api/conversations/:id/replies-by-hand',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A reply read on a platform without an API, recorded in the conversation',
        params: IdParams,
        body: z.object({ text: z.string().trim().min(1).max(4000) }),
        response: {
          200: z.object({ messageId: z.string(), optOut: z.boolean() }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      const handled = await recordReplyByHand(
        db,
        config,
        actorOf(request),
        request.params.id,
        request.body.text,
        { settings, clock },
      );
      return { messageId: handled.message.id, optOut: handled.optOut };
    },
  );

  r.post(
    '/api/outreach/preview',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Characters, encoding, SMS segments and first-message safety hits of a text',
        body: z.object({
          text: z.string().max(4000),
          language: OutreachLanguage.optional(),
          firstMessage: z.boolean().default(true),
        }),
        response: { 200: TextPreview, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      const { text, language, firstMessage } = request.body;
      const info = smsInfo(text);
      const safety = checkMessageSafety(
        { text, firstMessage, ...(language ? { language } : {}) },
        settings.safety,
      );
      return { ...info, safetyHits: safety.hits };
    },
  );

  registerInboxRoutes(app, routeDeps);
  registerWebhookRoutes(app, routeDeps);
}
