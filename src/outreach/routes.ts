// HTTP routes of outreach: channels (admin; settings go in and never come out), templates (write,
// approve, retire), composing a message (every contact rule; then the send job), the inbox
// (conversations, unread badge, audited open, notes, status and assignee), do-not-contact, and the
// providers' webhooks (raw body verified by the channel kind's own parser; no session; a bad
// signature is refused and nothing is stored) with WhatsApp's verification handshake.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { assignmentOptions, assignmentVerdict, type Principal } from '../platform/auth/policy.js';
import { findUserById } from '../platform/auth/users.js';
import type { Clock } from '../platform/clock.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError } from '../platform/errors.js';
import type { Jobs } from '../platform/jobs.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { channelKinds, withoutSecrets } from './channels/channel-kinds.js';
import { parseChannelWebhook } from './channels/channel-registry.js';
import {
  ChannelInput,
  channelForSending,
  listChannels,
  presentChannel,
  saveChannel,
} from './channels/channel-store.js';
import { WebhookError, type WebhookRequest } from './channels/http-gateway.js';
import { verifyWhatsAppSubscription } from './channels/whatsapp.js';
import { setDoNotContact, contactById } from './contacts.js';
import {
  addNote,
  cancelQueued,
  conversationById,
  decryptBody,
  InboxFilter,
  listInbox,
  openConversation,
  unreadCount,
  updateConversation,
  type MessageRow,
} from './conversations.js';
import { queueSend } from './jobs.js';
import { CONVERSATION_STATUSES, conversations } from './schema.js';
import {
  ComposeInput,
  composeMessage,
  handleDelivery,
  handleInbound,
  markSentByHand,
  recordReplyByHand,
  SendRefused,
} from './service.js';
import { checkMessageSafety, OutreachLanguage, smsInfo } from './domain/index.js';
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
  QuickReplyInput,
} from './quick-replies.js';
import { outreachSettings } from './settings.js';
import {
  ChannelDetail,
  ChannelKindView,
  ChannelView,
  ConversationChange,
  ConversationDetail,
  InboxItem,
  MessageView,
  NoteView,
  QuickReplyView,
  SavedChannel,
  TemplateView,
  TextPreview,
} from './views.js';
import {
  changeTemplateStatus,
  createTemplate,
  listTemplates,
  TemplateFilter,
  updateTemplate,
} from './templates-store.js';

/** Who works with people's conversations: outreach workers and supervisors. */
export const canWorkOutreach = (p: Principal) =>
  p.role === 'outreach_worker' || p.role === 'supervisor';
/** Channels hold credentials: admins configure them. */
export const canManageChannels = (p: Principal) => p.role === 'admin';
export const canSeeChannels = (p: Principal) => canManageChannels(p) || canWorkOutreach(p);
/** Admins see the wording the organisation uses (read-only); they neither write nor approve it. */
export const canReadTemplates = (p: Principal) => canWorkOutreach(p) || p.role === 'admin';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
/** A provider hears why its call was refused (WEBHOOK_ERROR_STATUS in channels/http-gateway.ts). */
const webhookErrors = { ...errors, 405: ErrorResponse, 413: ErrorResponse };
/** A template draft is checked by the store against the domain's TemplateDraft (its messages name
 * the variant at fault), so the route passes the body on as it came. */
const TemplateDraftBody = z.record(z.string(), z.unknown());
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
  deps: {
    db: Db;
    config: Config;
    jobs: Jobs;
    log: Logger;
    /** "Now" for the contact rules and for every time these routes record. */
    clock: Clock;
  },
): void {
  const { db, config, jobs, log, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Read at registration: a wrong OUTREACH_RULES_FILE stops the start, not the first send.
  const settings = outreachSettings(config);
  const templateOptions = { safety: settings.safety };

  // -------------------------------------------------------------------------------------------
  // Channels

  r.get(
    '/api/outreach/channels',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Channels (never their settings)',
        response: { 200: z.object({ items: z.array(ChannelView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canSeeChannels(principalOf(requireAuth(request))));
      return { items: await listChannels(db) };
    },
  );

  r.get(
    '/api/outreach/channels/:id',
    {
      schema: {
        tags: ['outreach'],
        summary:
          'One channel for its admin form: settings without their secrets, and the webhook address to give the provider',
        params: IdParams,
        response: { 200: ChannelDetail, ...errors },
      },
    },
    async (request) => {
      authorize(canManageChannels(principalOf(requireAuth(request))));
      const { row, settings } = await channelForSending(db, config, request.params.id);
      const kind = channelKinds().find((k) => k.kind === row.kind);
      return {
        ...presentChannel(row),
        settings: withoutSecrets(settings),
        webhookUrl: kind?.webhookPath
          ? new URL(kind.webhookPath.replace('{channelId}', row.id), config.publicUrl).toString()
          : null,
      };
    },
  );

  r.get(
    '/api/outreach/channel-kinds',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Channel kinds with the JSON Schema of their settings (secrets are writeOnly)',
        response: { 200: z.object({ items: z.array(ChannelKindView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canSeeChannels(principalOf(requireAuth(request))));
      return { items: channelKinds() };
    },
  );

  r.post(
    '/api/outreach/channels',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Creates or updates a channel (by name); credentials are stored encrypted',
        body: ChannelInput,
        response: { 200: SavedChannel, ...errors },
      },
    },
    async (request) => {
      authorize(canManageChannels(principalOf(requireAuth(request))));
      const saved = await saveChannel(db, config, actorOf(request), request.body);
      return {
        ...saved,
        warnings: saved.repliesPossible
          ? []
          : [
              `The channel sends as "${saved.sender ?? ''}", a name: people cannot reply to it. Use a number so they can answer.`,
            ],
      };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Templates

  r.get(
    '/api/outreach/templates',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Templates with encoding, segments, warnings and safety hits',
        querystring: TemplateFilter,
        response: { 200: z.object({ items: z.array(TemplateView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canReadTemplates(principalOf(requireAuth(request))));
      return { items: await listTemplates(db, request.query, templateOptions) };
    },
  );

  r.post(
    '/api/outreach/templates',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A new draft template',
        body: TemplateDraftBody,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return createTemplate(db, actorOf(request), request.body, templateOptions);
    },
  );

  r.patch(
    '/api/outreach/templates/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: "Changes a draft's text",
        params: IdParams,
        body: TemplateDraftBody,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return updateTemplate(db, actorOf(request), request.params.id, request.body, templateOptions);
    },
  );

  r.post(
    '/api/outreach/templates/:id/approve',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Approves a draft (a supervisor; safety hits must be confirmed)',
        params: IdParams,
        body: z.object({ confirmSafety: z.boolean().default(false) }),
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) => {
      requireAuth(request);
      return changeTemplateStatus(
        db,
        actorOf(request),
        request.params.id,
        { action: 'approve', confirmSafety: request.body.confirmSafety },
        templateOptions,
        clock.now(),
      );
    },
  );

  r.post(
    '/api/outreach/templates/:id/retire',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Retires a template',
        params: IdParams,
        response: { 200: TemplateView, ...errors },
      },
    },
    async (request) => {
      requireAuth(request);
      return changeTemplateStatus(
        db,
        actorOf(request),
        request.params.id,
        { action: 'retire' },
        templateOptions,
        clock.now(),
      );
    },
  );

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

  // -------------------------------------------------------------------------------------------
  // Quick replies

  r.get(
    '/api/outreach/quick-replies',
    {
      schema: {
        tags: ['outreach'],
        summary: "The organisation's quick replies, per language",
        querystring: z.object({ language: OutreachLanguage.optional() }),
        response: { 200: z.object({ items: z.array(QuickReplyView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canReadTemplates(principalOf(requireAuth(request))));
      return { items: await listQuickReplies(db, request.query) };
    },
  );

  r.post(
    '/api/outreach/quick-replies',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A new quick reply',
        body: QuickReplyInput,
        response: { 200: QuickReplyView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      return createQuickReply(db, actorOf(request), request.body);
    },
  );

  r.delete(
    '/api/outreach/quick-replies/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Removes a quick reply (its author or a supervisor)',
        params: IdParams,
        response: { 200: z.object({ ok: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      await deleteQuickReply(db, actorOf(request), request.params.id);
      return { ok: true };
    },
  );

  // -------------------------------------------------------------------------------------------
  // Inbox

  r.get(
    '/api/inbox',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Conversations, newest activity first, with the unread badge',
        querystring: InboxFilter,
        response: {
          200: z.object({
            items: z.array(InboxItem),
            nextCursor: z.string().nullable(),
            unread: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      authorize(canWorkOutreach(principalOf(auth)));
      const page = await listInbox(db, request.query, auth.user.id);
      return { ...page, unread: await unreadCount(db, auth.user.id) };
    },
  );

  r.get(
    '/api/conversations/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: 'A conversation with its messages (audited; marks it read)',
        params: IdParams,
        response: { 200: ConversationDetail, ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canWorkOutreach(p));
      const c = await openConversation(db, config, actorOf(request), request.params.id);
      return {
        ...c,
        // What the console offers on the assignee, asked of the one rule (it does not mirror it).
        assignment: assignmentOptions(p, c.conversation.assigneeId),
        conversation: {
          id: c.conversation.id,
          kind: c.conversation.kind,
          status: c.conversation.status,
          entityId: c.conversation.entityId,
          channelId: c.conversation.channelId,
          assigneeId: c.conversation.assigneeId,
          unread: c.conversation.unread,
          unanswered: c.conversation.unanswered,
          createdAt: c.conversation.createdAt.toISOString(),
        },
      };
    },
  );

  r.post(
    '/api/conversations/:id/notes',
    {
      schema: {
        tags: ['outreach'],
        summary: 'An internal note (never sent)',
        params: IdParams,
        body: z.object({ text: z.string().min(1).max(4000) }),
        response: { 200: NoteView, ...errors },
      },
    },
    async (request) => {
      authorize(canWorkOutreach(principalOf(requireAuth(request))));
      const note = await addNote(
        db,
        config,
        actorOf(request),
        request.params.id,
        request.body.text,
        clock.now(),
      );
      return { id: note.id, createdAt: note.createdAt.toISOString() };
    },
  );

  r.patch(
    '/api/conversations/:id',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Status (open, waiting, closed) and assignee',
        params: IdParams,
        body: z.object({
          status: z.enum(CONVERSATION_STATUSES).optional(),
          assigneeId: z.uuid().nullable().optional(),
        }),
        response: { 200: ConversationChange, ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canWorkOutreach(p));
      const { assigneeId } = request.body;
      const current = await conversationById(db, request.params.id);
      if (assigneeId !== undefined) {
        const verdict = assignmentVerdict(p, { from: current.assigneeId, to: assigneeId });
        if (!verdict.allowed) throw new AppError('forbidden', verdict.reason);
        if (assigneeId !== null && assigneeId !== current.assigneeId) {
          const holder = await findUserById(db, assigneeId);
          if (!holder || holder.disabledAt || !canWorkOutreach(holder)) {
            throw new AppError(
              'validation_failed',
              'assigneeId: hand conversations to an active outreach worker or supervisor.',
            );
          }
        }
      }
      const row = await updateConversation(
        db,
        actorOf(request),
        current,
        request.body,
        clock.now(),
      );
      return {
        id: row.id,
        status: row.status,
        assigneeId: row.assigneeId,
        assignment: assignmentOptions(p, row.assigneeId),
      };
    },
  );

  r.post(
    '/api/contacts/:id/do-not-contact',
    {
      schema: {
        tags: ['outreach'],
        summary: 'Puts a contact on the do-not-contact list; anything queued for them is cancelled',
        params: IdParams,
        body: z.object({ reason: z.string().trim().min(3).max(500) }),
        response: { 200: z.object({ changed: z.boolean(), cancelled: z.number() }), ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canWorkOutreach(p) || p.role === 'admin');
      const contact = await contactById(db, request.params.id);
      const now = clock.now();
      return db.transaction(async (tx) => {
        const changed = await setDoNotContact(
          tx,
          actorOf(request),
          contact.id,
          request.body.reason,
          now,
        );
        const convs = await tx
          .select({ id: conversations.id })
          .from(conversations)
          .where(eq(conversations.contactId, contact.id));
        const cancelled = await cancelQueued(
          tx,
          convs.map((c) => c.id),
          'The person is on the do-not-contact list.',
          now,
        );
        return { changed, cancelled };
      });
    },
  );

  // -------------------------------------------------------------------------------------------
  // Webhooks: no session, no CSRF; the provider's signature is the authentication.

  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => {
      done(null, body);
    });
    const w = scope.withTypeProvider<ZodTypeProvider>();
    const webhookConfig = { csrf: false, rateLimit: { max: 600, timeWindow: '1 minute' } };

    async function channelOf(id: string) {
      try {
        return await channelForSending(db, config, id);
      } catch (err) {
        if (err instanceof AppError && err.code === 'not_found') throw err;
        throw new AppError('not_found', 'No such channel.');
      }
    }

    w.post(
      '/api/webhooks/:channelId',
      {
        config: webhookConfig,
        schema: {
          tags: ['outreach'],
          summary: "A provider's receipts and replies, verified by the channel's signature",
          security: [],
          params: z.object({ channelId: z.uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }), ...webhookErrors },
        },
      },
      async (request, reply) => {
        // The channel's own settings (credentials), not the contact rules above.
        const { row, settings: channelSettings } = await channelOf(request.params.channelId);
        const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        const req: WebhookRequest = {
          method: request.method,
          url: new URL(request.url, config.publicUrl).toString(),
          headers: request.headers,
          rawBody: raw,
        };
        let result;
        try {
          result = await parseChannelWebhook(row.kind, channelSettings, req, clock.now());
        } catch (err) {
          if (!(err instanceof WebhookError)) throw err;
          request.log.info({ code: err.code, channel: row.id }, 'webhook refused');
          return reply.code(err.status).send({ error: { code: err.code, message: err.message } });
        }
        for (const report of result.deliveries) await handleDelivery(db, row.id, report);
        for (const inbound of result.inbound) {
          const handled = await handleInbound(db, config, { id: row.id, kind: row.kind }, inbound, {
            settings,
            clock,
          });
          if (handled.confirmation) await queueSend(jobs, handled.confirmation.id);
        }
        return reply.code(200).send({ ok: true });
      },
    );

    w.get(
      '/api/webhooks/:channelId',
      {
        config: webhookConfig,
        schema: {
          tags: ['outreach'],
          summary: "WhatsApp's subscription handshake (hub.challenge)",
          security: [],
          params: z.object({ channelId: z.uuid() }),
          response: {
            200: {
              description: 'The challenge, echoed',
              content: { 'text/plain': { schema: z.string() } },
            },
            ...webhookErrors,
          },
        },
      },
      async (request, reply) => {
        const { row, settings } = await channelOf(request.params.channelId);
        if (row.kind !== 'whatsapp') throw new AppError('not_found', 'No such webhook.');
        try {
          const challenge = verifyWhatsAppSubscription(
            request.query as Record<string, string | undefined>,
            typeof settings.verifyToken === 'string' ? settings.verifyToken : '',
          );
          return reply.type('text/plain').send(challenge);
        } catch (err) {
          if (!(err instanceof WebhookError)) throw err;
          log.info({ channel: row.id, code: err.code }, 'whatsapp verification refused');
          return reply.code(403).send({ error: { code: err.code, message: err.message } });
        }
      },
    );
  });
}
