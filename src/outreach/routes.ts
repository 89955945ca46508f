// HTTP routes of outreach, registered by registerOutreachRoutes: channels and the providers'
// webhooks (channels/), templates (write, approve, retire), composing a message (every contact
// rule; then the send job), the inbox (conversations, unread badge, audited open, notes, status and
// assignee) and do-not-contact.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentOptions, assignmentVerdict } from '../platform/auth/policy.js';
import { findUserById } from '../platform/auth/users.js';
import { AppError } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { canWorkOutreach } from './policy.js';
import { errors, IdParams, type OutreachRouteDeps } from './routes-common.js';
import { registerChannelRoutes } from './channels/channels.routes.js';
import { registerWebhookRoutes } from './channels/webhooks.routes.js';
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
  markSentByHand,
  recordReplyByHand,
  SendRefused,
} from './service.js';
import { checkMessageSafety, OutreachLanguage, smsInfo } from './domain/index.js';
import { outreachSettings } from './settings.js';
import {
  ConversationChange,
  ConversationDetail,
  InboxItem,
  MessageView,
  NoteView,
  TextPreview,
} from './views.js';
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

  registerWebhookRoutes(app, routeDeps);
}
