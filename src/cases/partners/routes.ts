// HTTP routes of the partner directory: list with filters, one entry, create and update
// (supervisors and admins), CSV import (all rows or none; a refused file answers 422 with every bad
// row and column) and export, and matching a case profile against the directory. Internal staff
// read the whole directory; a partner user reads only the entry of their own organisation (another
// entry is "not found" to them, so the directory's contents do not leak through ids).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isInternalStaff, type Principal } from '../../platform/auth/policy.js';
import type { Clock } from '../../platform/clock.js';
import type { Db } from '../../platform/db/connect.js';
import { AppError, keyed, refusedMessage } from '../../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { ErrorResponse } from '../../platform/http/errors.js';
import { PARTNER_CSV_MAX_BYTES } from '../domain/partner-csv.js';
import { matchPartners } from '../domain/partner-match.js';
import {
  SERVED_GENDERS,
  LanguageCode,
  PlaceId,
  RESIDENCE_STATUSES,
} from '../domain/partner-profile.js';
import { NEEDS, PARTNER_KINDS } from '../domain/vocabulary.js';
import { placeById, resolvePlace } from './places.js';
import {
  createPartner,
  exportPartnerCsv,
  importPartnerCsv,
  listPartners,
  matchCandidates,
  partnerById,
  PartnerFilter,
  PartnerImportRefused,
  PartnerWrite,
  updatePartner,
  type PartnerRow,
} from './store.js';
import {
  ImportRefusal,
  PartnerMatchView,
  PartnerView,
  presentMatch,
  presentPartner,
} from './views.js';

/** The directory is the program's own: every internal role reads it. */
export const canReadPartnerDirectory = (p: Principal) => isInternalStaff(p);
/** Supervisors and admins keep it: they answer for which organisations people are sent to. */
export const canEditPartnerDirectory = (p: Principal) =>
  p.role === 'supervisor' || p.role === 'admin';
/** Matching is case work, and case work is internal. */
export const canMatchPartners = (p: Principal) => isInternalStaff(p);
/** One entry: internal staff, or a partner user of the organisation it belongs to. */
export const canSeePartnerEntry = (p: Principal, row: Pick<PartnerRow, 'accountOrgId'>) =>
  isInternalStaff(p) ||
  (p.role === 'partner' && p.partnerOrgId !== null && row.accountOrgId === p.partnerOrgId);

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });

/** What the worker tells matching about the person (all optional but the needs). */
export const MatchInput = z
  .object({
    needs: z.array(z.enum(NEEDS)).max(NEEDS.length),
    /** Where the person is: a gazetteer place id, or coordinates. */
    placeId: PlaceId.optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    languages: z.array(LanguageCode).max(20).default([]),
    age: z.int().min(0).max(120).optional(),
    gender: z.enum(SERVED_GENDERS).optional(),
    minor: z.boolean().optional(),
    pregnant: z.boolean().optional(),
    residenceStatus: z.enum(RESIDENCE_STATUSES).exclude(['any']).optional(),
    /** Only organisations of these kinds. */
    kinds: z.array(z.enum(PARTNER_KINDS)).max(PARTNER_KINDS.length).optional(),
  })
  .strict()
  .refine((m) => (m.lat === undefined) === (m.lon === undefined), {
    message: 'give both lat and lon, or neither',
    path: ['lon'],
  });

const ImportBody = z.object({ csv: z.string().max(PARTNER_CSV_MAX_BYTES * 2) });

export function registerPartnerRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;

  // Encapsulated so the CSV body parser holds for these routes only.
  void app.register(async (scope) => {
    // A file sent as it is (curl --data-binary @directory.csv): decoded as UTF-8 with
    // replacement characters, which the parser then refuses with a clear word about encoding.
    scope.addContentTypeParser(
      ['text/csv', 'text/plain'],
      { parseAs: 'buffer', bodyLimit: PARTNER_CSV_MAX_BYTES + 1024 },
      (_request, body, done) => {
        done(null, { csv: new TextDecoder('utf-8').decode(body as Buffer) });
      },
    );
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get(
      '/api/partners',
      {
        schema: {
          tags: ['partners'],
          summary:
            "The partner directory with filters (a partner user: their own organisation's entry)",
          querystring: PartnerFilter,
          response: { 200: z.object({ items: z.array(PartnerView) }), ...errors },
        },
      },
      async (request) => {
        const p = principalOf(requireAuth(request));
        if (canReadPartnerDirectory(p)) {
          return { items: (await listPartners(db, request.query)).map(presentPartner) };
        }
        authorize(p.role === 'partner' && p.partnerOrgId !== null);
        const own = await listPartners(db, request.query, { accountOrgId: p.partnerOrgId! });
        return { items: own.map(presentPartner) };
      },
    );

    r.get(
      '/api/partners.csv',
      {
        schema: {
          tags: ['partners'],
          summary: 'The directory as CSV, the columns import reads (audited)',
          querystring: PartnerFilter,
          response: {
            200: {
              description: 'One line per organisation, with a header line',
              content: { 'text/csv': { schema: z.string() } },
            },
            ...errors,
          },
        },
      },
      async (request, reply) => {
        authorize(canReadPartnerDirectory(principalOf(requireAuth(request))));
        const csv = await exportPartnerCsv(db, actorOf(request), request.query);
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="ariadne-partners.csv"')
          .send(csv);
      },
    );

    r.get(
      '/api/partners/:id',
      {
        schema: {
          tags: ['partners'],
          summary: 'One organisation of the directory',
          params: IdParams,
          response: { 200: PartnerView, ...errors },
        },
      },
      async (request) => {
        const p = principalOf(requireAuth(request));
        const row = await partnerById(db, request.params.id);
        if (!row || !canSeePartnerEntry(p, row)) {
          throw new AppError(
            'not_found',
            keyed('partners.notFound', 'No such organisation in the directory.'),
          );
        }
        return presentPartner(row);
      },
    );

    r.post(
      '/api/partners',
      {
        schema: {
          tags: ['partners'],
          summary: 'Adds an organisation to the directory (supervisor, admin; audited)',
          body: PartnerWrite,
          response: { 200: PartnerView, ...errors },
        },
      },
      async (request) => {
        authorize(canEditPartnerDirectory(principalOf(requireAuth(request))));
        return presentPartner(await createPartner(db, actorOf(request), request.body, clock));
      },
    );

    r.patch(
      '/api/partners/:id',
      {
        schema: {
          tags: ['partners'],
          summary: "Replaces an organisation's entry (supervisor, admin; audited)",
          params: IdParams,
          body: PartnerWrite,
          response: { 200: PartnerView, ...errors },
        },
      },
      async (request) => {
        authorize(canEditPartnerDirectory(principalOf(requireAuth(request))));
        return presentPartner(
          await updatePartner(db, actorOf(request), request.params.id, request.body, clock),
        );
      },
    );

    r.post(
      '/api/partners/import',
      {
        bodyLimit: PARTNER_CSV_MAX_BYTES * 2 + 1024,
        schema: {
          tags: ['partners'],
          summary:
            'Imports a CSV file (JSON {csv} or a text/csv body): all rows or none; 422 lists every bad row',
          body: ImportBody,
          response: {
            200: z.object({ imported: z.number(), updated: z.number() }),
            ...errors,
            413: ErrorResponse,
            422: ImportRefusal,
          },
        },
      },
      async (request, reply) => {
        authorize(canEditPartnerDirectory(principalOf(requireAuth(request))));
        try {
          return await importPartnerCsv(db, actorOf(request), request.body.csv, clock);
        } catch (err) {
          if (!(err instanceof PartnerImportRefused)) throw err;
          return reply.code(422).send({
            error: {
              code: 'import_refused' as const,
              ...refusedMessage(err.errors.length),
              rows: err.errors.map((e) => ({ ...e, column: e.column ?? null })),
            },
          });
        }
      },
    );

    r.post(
      '/api/partners/match',
      {
        schema: {
          tags: ['partners'],
          summary:
            'Ranks the active organisations for a case profile, with the reasons each fits or does not',
          body: MatchInput,
          response: {
            200: z.object({
              items: z.array(PartnerMatchView),
              place: z
                .object({
                  municipalityId: z.string().nullable(),
                  province: z.string().nullable(),
                })
                .nullable(),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        authorize(canMatchPartners(principalOf(requireAuth(request))));
        const input = request.body;
        if (input.placeId !== undefined && !placeById(input.placeId)) {
          throw new AppError(
            'validation_failed',
            keyed('partners.unknownPlace', `placeId: "${input.placeId}" is not a known place.`, {
              place: input.placeId,
            }),
          );
        }
        const place = resolvePlace(input);
        let candidates = await matchCandidates(db);
        if (input.kinds?.length)
          candidates = candidates.filter((c) => input.kinds!.includes(c.kind));
        const ranked = matchPartners(
          {
            needs: input.needs,
            place,
            languages: input.languages,
            age: input.age ?? null,
            gender: input.gender ?? null,
            minor: input.minor ?? null,
            pregnant: input.pregnant ?? null,
            residenceStatus: input.residenceStatus ?? null,
          },
          candidates,
          clock.now(),
        );
        return {
          items: ranked.map(presentMatch),
          place: place ? { municipalityId: place.municipalityId, province: place.province } : null,
        };
      },
    );
  });
}
