// HTTP routes of the audit viewer, for supervisors and admins only (canReadAuditLog): the log with
// filters and keyset pages, and who viewed an ad, an entity or a conversation. Every call is itself
// an audit entry: looking at who looked is a read of the log worth knowing about.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditFields } from '../actor.js';
import { canReadAuditLog } from '../auth/policy.js';
import type { Db } from '../db/connect.js';
import { actorOf, authorize, principalOf, requireAuth } from '../http/auth-plugin.js';
import { ErrorResponse } from '../http/errors.js';
import { appendAudit } from './audit-log.js';
import {
  AuditEntryView,
  AuditListQuery,
  auditActions,
  listAuditEntries,
  RECORD_KINDS,
  RECORD_READS,
  recordViews,
  RecordViews,
} from './audit-query.js';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const AuditListResponse = z.object({
  entries: z.array(AuditEntryView),
  nextBefore: z.number().nullable(),
  /** Every action in the log, for the filter; on the first page only. */
  actions: z.array(z.string()).optional(),
});

const ViewsParams = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string().min(1).max(200),
});
const ViewsQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The filters as given, for the audit entry of a read of the log. */
const givenFilters = (q: AuditListQuery) =>
  Object.fromEntries(Object.entries(q).filter(([k, v]) => v !== undefined && k !== 'limit'));

export function registerAuditRoutes(app: FastifyInstance, deps: { db: Db }): void {
  const { db } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/audit/entries',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log entries, newest first, with filters and keyset paging (audited)',
        querystring: AuditListQuery,
        response: { 200: AuditListResponse, ...errors },
      },
    },
    async (request) => {
      authorize(canReadAuditLog(principalOf(requireAuth(request))));
      const page = await listAuditEntries(db, request.query);
      await appendAudit(db, {
        ...auditFields(actorOf(request)),
        action: 'audit.list',
        targetType: 'audit_log',
        details: { filters: givenFilters(request.query), shown: page.entries.length },
      });
      return request.query.before ? page : { ...page, actions: await auditActions(db) };
    },
  );

  r.get(
    '/api/audit/views/:kind/:id',
    {
      schema: {
        tags: ['audit'],
        summary:
          'Who viewed an ad, an entity or a conversation: the reads of it, newest first (audited)',
        params: ViewsParams,
        querystring: ViewsQuery,
        response: { 200: RecordViews, ...errors },
      },
    },
    async (request) => {
      authorize(canReadAuditLog(principalOf(requireAuth(request))));
      const { kind, id } = request.params;
      const views = await recordViews(db, kind, id, request.query);
      await appendAudit(db, {
        ...auditFields(actorOf(request)),
        action: 'audit.views',
        targetType: RECORD_READS[kind].targetType,
        targetId: id,
      });
      return views;
    },
  );
}
