// HTTP routes of templates and quick replies: drafts written by outreach workers and supervisors,
// approved or retired (the store asks the domain's transition rules: a supervisor, four eyes,
// safety hits confirmed), read by admins too; quick replies kept per language.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { OutreachLanguage } from '../domain/index.js';
import { canReadTemplates, canWorkOutreach } from '../policy.js';
import { errors, IdParams, type OutreachRouteDeps } from '../routes-common.js';
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
  QuickReplyInput,
} from './quick-replies.js';
import {
  changeTemplateStatus,
  createTemplate,
  listTemplates,
  TemplateFilter,
  updateTemplate,
} from './templates-store.js';
import { QuickReplyView, TemplateView } from './views.js';

/** A template draft is checked by the store against the domain's TemplateDraft (its messages name
 * the variant at fault), so the route passes the body on as it came. */
const TemplateDraftBody = z.record(z.string(), z.unknown());

export function registerTemplateRoutes(app: FastifyInstance, deps: OutreachRouteDeps): void {
  const { db, clock, settings } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const templateOptions = { safety: settings.safety };

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
}
