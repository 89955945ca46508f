// HTTP routes of the inbox: one conversation opened (audited; marks it read), internal notes,
// status and assignee, and the do-not-contact list. The list itself (GET /api/inbox) is composed
// in src/app/inbox.ts from these threads and the chat line's chats, through listInbox.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { canWorkOutreach } from '../policy.js';
import { errors, IdParams, type OutreachRouteDeps } from '../routes-common.js';
import { CONVERSATION_STATUSES } from '../schema.js';
import { entityAliases } from '../../link/index.js';
import { addNote, openConversation } from './conversations.js';
import { changeConversation, markDoNotContact } from './service.js';
import {
  ConversationChange,
  ConversationDetail,
  NoteView,
  presentConversation,
  presentConversationChange,
} from './views.js';

export function registerInboxRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, config, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

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
      const opened = await openConversation(db, config, actorOf(request), request.params.id);
      const entityId = opened.conversation.entityId;
      const alias = entityId ? ((await entityAliases(db, [entityId])).get(entityId) ?? null) : null;
      return presentConversation(opened, p, alias);
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
      const row = await changeConversation(
        db,
        p,
        actorOf(request),
        request.params.id,
        request.body,
        clock,
      );
      return presentConversationChange(row, p);
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
      return markDoNotContact(db, actorOf(request), request.params.id, request.body.reason, clock);
    },
  );
}
