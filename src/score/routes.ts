// HTTP routes of the triage queue and the entity page: leads with filters (keyset pages), the
// actions on a lead, the entity with its ads, masked identifiers, movement, similar ads, graph and
// score broken into reasons (every open audited), CSV exports (audited), and saved searches.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAds, type TextMasker } from '../collect/index.js';
import { entityGraph, entityRows, memberAdIds, resolveEntityId } from '../link/index.js';
import { auditFields } from '../platform/actor.js';
import { appendAudit } from '../platform/audit/audit-log.js';
import {
  assignmentOptions,
  assignmentVerdict,
  canDirectWork,
  type Principal,
} from '../platform/auth/policy.js';
import { AssignableUser, isAssignableUser, listAssignableUsers } from '../platform/auth/users.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { leadCsvHeader, LEAD_CSV_LABELS } from './csv-headers.js';
import { csvLine } from './csv.js';
import { allowedFor, presentEntityPage, readEntityPage } from './entity-page.js';
import { actOnLead, LeadAction, LeadFilter, listLeads } from './leads.js';
import { entityScoresOf } from './pipeline.js';
import {
  EntityDetail,
  GraphNodeKind,
  LeadItem,
  LeadView,
  OpenedSavedSearch,
  presentLeadDates,
  presentSavedSearch,
  SavedSearchView,
} from './views.js';
import {
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  openSavedSearch,
  SavedSearchInput,
  savedSearchAlerts,
} from './saved-searches.js';

export const canReadQueue = (p: Principal) => p.role !== 'partner';
export const canActOnLeads = (p: Principal) => p.role !== 'partner';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const EntityParams = z.object({ id: z.uuid() });

export function registerScoreRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    config: Config;
    /** Every ad text these routes return passes through it (the extraction context's masking). */
    mask: TextMasker;
  },
): void {
  const { db, config, mask } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function presentLeads(
    rows: Awaited<ReturnType<typeof listLeads>>['items'],
    userId: string,
  ) {
    const ids = rows.map((l) => l.entityId);
    const ents = await entityRows(db, ids);
    const scores = await entityScoresOf(db, ids);
    const entOf = new Map(ents.map((e) => [e.id, e]));
    const scoreOf = new Map(scores.map((s) => [s.entityId, s]));
    return rows.map((l) => {
      const e = entOf.get(l.entityId);
      const last = e?.movement[e.movement.length - 1];
      return {
        entityId: l.entityId,
        alias: e?.alias ?? '',
        state: l.state,
        urgent: l.urgent,
        score: l.score,
        flags: l.flags,
        exploitationType: l.exploitationType,
        placeIds: l.placeIds,
        languages: l.languages,
        assigneeId: l.assigneeId,
        snoozedUntil: l.snoozedUntil?.toISOString() ?? null,
        evidenceAt: l.evidenceAt.toISOString(),
        newEvidence: l.assigneeId === userId && (!l.seenAt || l.seenAt < l.evidenceAt),
        adCount: e?.adCount ?? 0,
        lastPlace: last?.name ?? null,
        places: l.placeIds.map((id) => ({
          id,
          name: e?.movement.find((m) => m.placeId === id)?.name ?? id,
        })),
        topReasons: (scoreOf.get(l.entityId)?.reasons ?? [])
          .filter((x) => x.points > 0)
          .slice(0, 3)
          .map((x) => ({
            label: x.label,
            ...(x.labelText ? { labelText: x.labelText } : {}),
            points: x.points,
          })),
      };
    });
  }

  r.get(
    '/api/leads',
    {
      schema: {
        tags: ['score'],
        summary: 'The triage queue: urgent first, then score, then newest evidence (keyset pages)',
        querystring: LeadFilter.extend({
          cursor: z.string().max(400).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: {
          200: z.object({ items: z.array(LeadItem), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const p = principalOf(auth);
      authorize(canReadQueue(p));
      const { cursor, limit, ...filter } = request.query;
      const page = await listLeads(db, filter, p.id, { limit, ...(cursor ? { cursor } : {}) });
      return { items: await presentLeads(page.items, p.id), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/leads.csv',
    {
      schema: {
        tags: ['score'],
        summary:
          "The queue with its filters as CSV (audited); the header in the user's language, or codes with ?labels=codes",
        querystring: LeadFilter.extend({
          /** The header line: words in the user's language (default), or stable codes for scripts. */
          labels: z.enum(LEAD_CSV_LABELS).default('words'),
        }),
        response: {
          200: {
            description: 'One line per lead, with a header line',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const p = principalOf(auth);
      authorize(canReadQueue(p));
      const { labels, ...filter } = request.query;
      let out = csvLine(leadCsvHeader(labels, auth.user.language));
      let cursor: string | undefined;
      let rows = 0;
      do {
        const page = await listLeads(db, filter, p.id, {
          limit: 200,
          ...(cursor ? { cursor } : {}),
        });
        for (const l of await presentLeads(page.items, p.id)) {
          out += csvLine([
            l.entityId,
            l.state,
            l.urgent,
            l.score,
            l.flags,
            l.placeIds,
            l.languages,
            l.assigneeId,
            l.adCount,
            l.lastPlace,
            l.evidenceAt,
            l.topReasons.map((x) => `${x.label} (+${x.points})`).join('; '),
            l.exploitationType,
          ]);
          rows++;
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows < 100_000);
      await appendAudit(db, {
        ...auditFields(actorOf(request)),
        action: 'lead.export',
        targetType: 'leads',
        targetId: null,
        details: { rows, filter },
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="ariadne-leads.csv"')
        .send(out);
    },
  );

  r.post(
    '/api/leads/:id/actions',
    {
      schema: {
        tags: ['score'],
        summary: 'Assign, move state (no action needs a reason), snooze, or mark seen',
        params: EntityParams,
        body: LeadAction,
        response: { 200: LeadView, ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canActOnLeads(p));
      const action = request.body;
      if (action.action === 'assign' && action.assigneeId) {
        if (!(await isAssignableUser(db, action.assigneeId))) {
          throw new AppError(
            'validation_failed',
            keyed('score.assignActiveStaff', 'Assign to an active staff member.'),
          );
        }
      }
      if (action.action === 'state' && action.state === 'new' && !canDirectWork(p)) {
        throw new AppError(
          'forbidden',
          keyed('score.reopenSupervisorOnly', 'Only a supervisor can reopen a lead.'),
        );
      }
      const lead = await actOnLead(
        db,
        actorOf(request),
        request.params.id,
        action,
        new Date(),
        (current) => {
          if (action.action !== 'assign') return;
          const verdict = assignmentVerdict(p, {
            from: current.assigneeId,
            to: action.assigneeId,
          });
          if (!verdict.allowed) {
            throw new AppError('forbidden', { message: verdict.reason, text: verdict.text });
          }
        },
      );
      return {
        ...presentLeadDates(lead),
        allowed: allowedFor(p, lead.state),
        assignment: assignmentOptions(p, lead.assigneeId),
      };
    },
  );

  r.get(
    '/api/entities/:id',
    {
      schema: {
        tags: ['score'],
        summary:
          'An entity: ads, masked identifiers, movement, templates, similar ads, score reasons, lead (audited)',
        params: EntityParams,
        response: { 200: EntityDetail, ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      const page = await readEntityPage(deps, request.params.id, actorOf(request));
      return presentEntityPage(page, p);
    },
  );

  r.get(
    '/api/entities/:id/graph',
    {
      schema: {
        tags: ['score'],
        summary: 'Ads, identifiers (masked), templates and neighbouring entities as a graph',
        params: EntityParams,
        response: {
          200: z.object({
            nodes: z.array(z.object({ id: z.string(), kind: GraphNodeKind, label: z.string() })),
            edges: z.array(z.object({ source: z.string(), target: z.string(), kind: z.string() })),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      const id = await resolveEntityId(db, request.params.id);
      if (!id) throw new AppError('not_found', keyed('score.entityNotFound', 'No such entity.'));
      const adIds = (await memberAdIds(db, id)).slice(0, 300);
      const ads = await listAds(db, config.secrets, { limit: 200 }, mask, {
        ids: adIds.slice(0, 200),
      });
      const adTitle = new Map(
        ads.items.map((a) => [a.id, (a.title ?? a.snippet).slice(0, 40) || a.externalId]),
      );
      return entityGraph(db, id, { adTitle });
    },
  );

  r.get(
    '/api/staff',
    {
      schema: {
        tags: ['score'],
        summary:
          'Active staff (not partners) work can be handed to: id, name and role only (staff; no e-mail or sign-in state)',
        response: { 200: z.array(AssignableUser), ...errors },
      },
    },
    async (request) => {
      // Staff see who holds a lead or a conversation and filter by them; supervisors also hand
      // work to them. Partners see none of the program's work, so not its people either.
      authorize(canReadQueue(principalOf(requireAuth(request))));
      return listAssignableUsers(db);
    },
  );

  // ---- saved searches ----

  r.get(
    '/api/saved-searches',
    {
      schema: {
        tags: ['score'],
        summary: 'My saved searches',
        response: { 200: z.array(SavedSearchView), ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      return (await listSavedSearches(db, p.id)).map(presentSavedSearch);
    },
  );

  r.get(
    '/api/saved-searches/alerts',
    {
      schema: {
        tags: ['score'],
        summary: 'New matches over my saved searches (the alert badge)',
        response: {
          200: z.object({
            total: z.number(),
            searches: z.array(
              z.object({ id: z.string(), name: z.string(), newMatches: z.number() }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      return savedSearchAlerts(db, p.id);
    },
  );

  r.post(
    '/api/saved-searches',
    {
      schema: {
        tags: ['score'],
        summary: 'Save a search over ads or leads',
        body: SavedSearchInput,
        response: { 201: SavedSearchView, ...errors },
      },
    },
    async (request, reply) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      const row = await createSavedSearch(db, p.id, request.body);
      return reply.code(201).send(presentSavedSearch(row));
    },
  );

  r.post(
    '/api/saved-searches/:id/open',
    {
      schema: {
        tags: ['score'],
        summary: 'The new matches of a saved search; marks them seen',
        params: EntityParams,
        response: { 200: OpenedSavedSearch, ...errors },
      },
    },
    async (request) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      const opened = await openSavedSearch(db, p.id, request.params.id);
      return {
        search: presentSavedSearch(opened.search),
        hits: opened.hits.map((h) => ({ ...h, at: h.at.toISOString() })),
      };
    },
  );

  r.delete(
    '/api/saved-searches/:id',
    {
      schema: {
        tags: ['score'],
        summary: 'Delete a saved search',
        params: EntityParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const p = principalOf(requireAuth(request));
      authorize(canReadQueue(p));
      await deleteSavedSearch(db, p.id, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
