// HTTP routes of the HTCDS exchange: export every case as HTCDS records (JSON, or CSV with
// ?format=csv) and import them back from either (a text/csv body is read as the CSV export),
// whole or not at all (422 lists every bad record, or line, and field). Supervisors only; the
// service audits both.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/policy.js';
import { actorOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { refusedMessage } from '../../platform/errors.js';
import { ErrorResponse, ErrorText, ValidationIssueView } from '../../platform/http/errors.js';
import { writeHtcdsCsv } from '../domain/htcds-csv.js';
import { HTCDS_VERSION, HtcdsCase } from '../domain/htcds-record.js';
import type { CasesDeps } from '../service.js';
import {
  exportHtcds,
  htcdsDocumentOf,
  HtcdsImportRefused,
  importHtcds,
  importHtcdsCsv,
} from './service.js';

/** Who exports and imports HTCDS records: supervisors (the service checks it again). */
export const canExchangeHtcds = (p: Principal) => p.role === 'supervisor';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

/** What export writes (import reads it more loosely, to report each record's problems). */
const HtcdsDocumentView = z.object({
  standard: z.literal('HTCDS'),
  version: z.literal(HTCDS_VERSION),
  cases: z.array(HtcdsCase),
});

const HtcdsImportRefusal = z.object({
  error: z.object({
    code: z.literal('import_refused'),
    message: z.string(),
    text: ErrorText,
    problems: z.array(
      z.object({
        row: z.number(),
        field: z.string(),
        message: z.string(),
        text: ErrorText.optional(),
        issue: ValidationIssueView.optional(),
      }),
    ),
  }),
});

/** A document of up to 5000 cases; the schema of each record is the service's to check. */
const ImportBody = z.record(z.string(), z.unknown());
const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export function registerHtcdsRoutes(app: FastifyInstance, deps: CasesDeps): void {
  // Encapsulated, so the CSV body parser holds for these routes only.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      'text/csv',
      { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES },
      (_request, body, done) => {
        // Decoded with replacement characters, which the reader refuses with a word on encoding.
        done(null, { csv: new TextDecoder('utf-8').decode(body as Buffer) });
      },
    );
    registerHtcdsScope(scope, deps);
  });
}

function registerHtcdsScope(app: FastifyInstance, deps: CasesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/cases/export/htcds',
    {
      schema: {
        tags: ['cases'],
        summary: 'Every case as HTCDS records (supervisors; audited): JSON, or CSV with format=csv',
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: {
          200: {
            description: 'An HTCDS document, or one CSV line per referral with a header line',
            content: {
              'application/json': { schema: HtcdsDocumentView },
              'text/csv': { schema: z.string() },
            },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      requireAuth(request);
      const records = await exportHtcds(deps, actorOf(request));
      if (request.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="ariadne-htcds.csv"')
          .send(writeHtcdsCsv(records));
      }
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .send(htcdsDocumentOf(records));
    },
  );

  r.post(
    '/api/cases/import/htcds',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        tags: ['cases'],
        summary:
          'Imports an HTCDS JSON document, or the CSV export as a text/csv body (supervisors): all cases or none',
        body: ImportBody,
        response: {
          200: z.object({ imported: z.number() }),
          ...errors,
          413: ErrorResponse,
          422: HtcdsImportRefusal,
        },
      },
    },
    async (request, reply) => {
      requireAuth(request);
      try {
        // Which parser read the body decides, not its shape: a JSON {"csv": …} is no document.
        const csv = /^text\/csv\b/i.test(request.headers['content-type'] ?? '');
        return csv
          ? await importHtcdsCsv(
              deps,
              actorOf(request),
              typeof request.body.csv === 'string' ? request.body.csv : '',
            )
          : await importHtcds(deps, actorOf(request), request.body);
      } catch (err) {
        if (!(err instanceof HtcdsImportRefused)) throw err;
        return reply.code(422).send({
          error: {
            code: 'import_refused' as const,
            ...refusedMessage(err.problems.length),
            problems: err.problems,
          },
        });
      }
    },
  );
}
