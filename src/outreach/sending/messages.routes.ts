// HTTP routes of messages: composing one (every contact rule is checked; then the send job), a
// manual channel's message sent by hand and a reply read there recorded by hand (both audited), and
// the figures and first-message safety hits of a text as it is typed.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { checkMessageSafety, OutreachLanguage, smsInfo } from '../domain/index.js';
import { canLiftContactRules, canWorkOutreach } from '../policy.js';
import { errors, IdParams, type OutreachRouteDeps } from '../routes-common.js';
import { queueSend } from './jobs.js';
import {
  allowNamesForSharedNumber,
  cancelScheduled,
  checkCompose,
  ComposeCheckInput,
  ComposeInput,
  composeMessage,
  markSentByHand,
  recordReplyByHand,
  SendRefused,
} from './service.js';
import {
  ComposedMessage,
  ComposeStateView,
  MessageView,
  presentComposeState,
  presentComposed,
  presentMessage,
  presentRefusal,
  Refusal,
  TextPreview,
} from './views.js';

export function registerMessageRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, config, jobs, clock, settings, contactConsent } = deps;
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
          contactConsent,
        });
        if (out.message.status === 'queued') {
          await queueSend(jobs, out.message.id, out.message.scheduledFor ?? undefined);
        }
        return presentComposed(out, config);
      } catch (err) {
        if (!(err instanceof SendRefused)) throw err;
        return reply.code(409).send(presentRefusal(err));
      }
    },
  );

  r.post(
    '/api/outreach/compose-check',
    {
      schema: {
        tags: ['outreach'],
        summary:
          "Every contact rule on a message as the dialog has it, at the server's clock, without sending",
        body: ComposeCheckInput,
        response: { 200: ComposeStateView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return presentComposeState(
        await checkCompose(db, config, actorOf(request), request.body, {
          settings,
          clock,
          contactConsent,
        }),
      );
    },
  );

  r.post(
    '/api/outreach/messages/:id/cancel',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A scheduled message taken back before it goes, by its author or a supervisor',
        params: IdParams,
        response: { 200: MessageView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return presentMessage(await cancelScheduled(db, actorOf(request), request.params.id, clock));
    },
  );

  r.post(
    '/api/outreach/shared-number-names',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A supervisor allows templates with a name for a number several names share',
        body: z
          .object({
            entityId: z.uuid(),
            identifierId: z.uuid(),
            reason: z.string().trim().min(3).max(500),
          })
          .strict(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      authorize(canLiftContactRules(principalOf(requireAuth(request))));
      await allowNamesForSharedNumber(db, config, actorOf(request), request.body);
      return reply.code(204).send(null);
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
      return presentMessage(
        await markSentByHand(db, actorOf(request), request.params.id, clock, contactConsent),
      );
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
