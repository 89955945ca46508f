// HTTP routes of messages: composing one (every contact rule is checked; then the send job), a
// manual channel's message sent by hand and a reply read there recorded by hand (both audited), and
// the figures and first-message safety hits of a text as it is typed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { checkMessageSafety, OutreachLanguage, smsInfo } from '../domain/index.js';
import { canWorkOutreach } from '../policy.js';
import { errors, IdParams, type OutreachRouteDeps } from '../routes-common.js';
import { queueSend } from './jobs.js';
import {
  ComposeInput,
  composeMessage,
  markSentByHand,
  recordReplyByHand,
  SendRefused,
} from './service.js';
import {
  ComposedMessage,
  MessageView,
  presentComposed,
  presentMessage,
  presentRefusal,
  Refusal,
  TextPreview,
} from './views.js';

export function registerMessageRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, config, jobs, clock, settings } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/outreach/messages',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Composes a message (every contact rule is checked) and queues its sending',
        body: ComposeInput,
        response: {
          200: ComposedMessage,
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
        return presentComposed(out, config);
      } catch (err) {
        if (!(err instanceof SendRefused)) throw err;
        return reply.code(409).send(presentRefusal(err));
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
}
