// HTTP routes of the subject's rights on a case: the export (JSON or one HTML page, as a download),
// the legal holds (list, set, lift) and erasure. The services decide who may; these authenticate,
// validate and answer through the schemas below.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { ErrorResponse } from '../../platform/http/errors.js';
import { canWorkCases } from '../routes.js';
import {
  eraseCase,
  HoldInput,
  liftHold,
  listHolds,
  setHold,
  type SubjectRightsDeps,
} from './erasure.js';
import { ExportQuery, renderSubjectExportHtml, SubjectExport, subjectExport } from './export.js';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });

export const CaseHoldView = z
  .object({
    id: z.string(),
    reason: z.string(),
    heldBy: z.string(),
    heldAt: z.string(),
    liftedBy: z.string().nullable(),
    liftedAt: z.string().nullable(),
  })
  .meta({ id: 'CaseHold' });
export const ErasureResult = z
  .object({
    tombstoneId: z.string(),
    counts: z.object({
      consents: z.number().int(),
      notes: z.number().int(),
      tasks: z.number().int(),
      referrals: z.number().int(),
      conversations: z.number().int(),
      contacts: z.number().int(),
    }),
  })
  .meta({ id: 'ErasureResult' });
/** Erasure cannot be undone: the request names the case's pseudonym as a confirmation. */
const EraseInput = z.strictObject({ confirmPseudonym: z.string().min(1).max(40) });

export function registerSubjectRightsRoutes(app: FastifyInstance, deps: SubjectRightsDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const caseWorker = (request: Parameters<typeof requireAuth>[0]) => {
    authorize(canWorkCases(principalOf(requireAuth(request))));
    return actorOf(request);
  };

  r.get(
    '/api/cases/:id/export',
    {
      schema: {
        tags: ['cases'],
        summary: "Everything held about the case's person, as JSON or one HTML page (audited)",
        params: IdParams,
        querystring: ExportQuery,
        response: {
          200: {
            description: 'The subject export, as a download',
            content: {
              'application/json': { schema: SubjectExport },
              'text/html': { schema: z.string() },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const actor = caseWorker(request);
      const bundle = await subjectExport(deps, actor, request.params.id, request.query);
      const name = `subject-export-${bundle.case.pseudonym}`;
      void reply.header('cache-control', 'no-store').header('x-content-type-options', 'nosniff');
      if (request.query.format === 'html') {
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.html"`)
          .send(renderSubjectExportHtml(bundle));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.json"`)
        .send(JSON.stringify(bundle, null, 2));
    },
  );

  r.get(
    '/api/cases/:id/holds',
    {
      schema: {
        tags: ['cases'],
        summary: 'Legal holds on the case, newest first',
        params: IdParams,
        response: { 200: z.array(CaseHoldView), ...errors },
      },
    },
    async (request) => {
      const holds = await listHolds(deps, caseWorker(request), request.params.id);
      return holds.map((h) => ({
        ...h,
        heldAt: h.heldAt.toISOString(),
        liftedAt: h.liftedAt?.toISOString() ?? null,
      }));
    },
  );

  r.post(
    '/api/cases/:id/hold',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Set a legal hold: the case is not erased, on request or by retention (supervisor)',
        params: IdParams,
        body: HoldInput,
        response: { 200: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request) => ({
      id: await setHold(deps, caseWorker(request), request.params.id, request.body),
    }),
  );

  r.delete(
    '/api/cases/:id/hold',
    {
      schema: {
        tags: ['cases'],
        summary: 'Lift the legal hold (supervisor, audited)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await liftHold(deps, caseWorker(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/cases/:id/erase',
    {
      schema: {
        tags: ['cases'],
        summary: "Erase the case's person (supervisor); refused while a legal hold is set",
        params: IdParams,
        body: EraseInput,
        response: { 200: ErasureResult, ...errors },
      },
    },
    async (request) =>
      eraseCase(deps, caseWorker(request), request.params.id, request.body.confirmPseudonym),
  );
}
