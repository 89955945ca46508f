// HTTP routes of the collect context: sources (list, save, import/export, run now, robots
// override), crawl history with errors, and ads (filtered list, detail, WARC download). Reading an
// ad's detail or its captures is audited: ads carry personal data.
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../platform/audit/audit-log.js';
import { auditFields } from '../platform/actor.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import type { AtRestKeys } from '../platform/crypto.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import type { Jobs } from '../platform/jobs.js';
import type { Principal } from '../platform/auth/policy.js';
import {
  AdDetail,
  AdFilter,
  AdListItem,
  getAdDetail,
  listAds,
  type TextMasker,
} from './ads-query.js';
import { exportAdWarc } from './captures.js';
import { listCrawlErrors, listCrawlRuns, requestCrawl } from './crawl-service.js';
import { crawlJobRef } from './jobs.js';
import { CRAWL_STATUSES, crawlRuns } from './schema.js';
import {
  exportSourceDefinition,
  findSourceById,
  listSources,
  parseSourcesFile,
  saveSource,
  setRobotsOverride,
  setSourceEnabled,
} from './sources.js';

/** Analysts, supervisors and admins run the collection; outreach workers read ads; partners neither. */
export const canManageSources = (p: Principal) =>
  p.role === 'admin' || p.role === 'analyst' || p.role === 'supervisor';
export const canReadAds = (p: Principal) => p.role !== 'partner';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
/** A download's bytes, as OpenAPI names a file (JSON Schema has no bytes of its own). */
const Binary = z
  .custom<Buffer>((v) => Buffer.isBuffer(v))
  .meta({ type: 'string', format: 'binary' });

const HealthStatus = z.enum(['ok', 'degraded', 'broken']);

/** The last crawl's health assessment (src/collect/health.ts), with the run it judged. */
const HealthDetail = z.object({
  status: HealthStatus,
  reasons: z.array(z.string()),
  fieldDrops: z.array(
    z.object({
      field: z.string(),
      before: z.number(),
      now: z.number(),
      sampleUrls: z.array(z.string()),
    }),
  ),
  runId: z.string().optional(),
  at: z.string().optional(),
});

/**
 * A source definition as stored: the editor works on it as JSON text and every save is checked
 * against SourceDefinition (src/collect/source-definition.ts), whose normalising steps cannot be
 * run backwards, so the answer names it but leaves it open (the contract test admits it by name).
 */
const SourceDefinitionDocument = z.record(z.string(), z.unknown()).meta({
  id: 'SourceDefinitionDocument',
  description: 'A source definition (see SourceDefinition in src/collect/source-definition.ts)',
});

const SourceView = z.object({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  health: z.enum(['unknown', ...HealthStatus.options]),
  healthDetail: HealthDetail.nullable(),
  robotsOverrideReason: z.string().nullable(),
  definition: SourceDefinitionDocument,
  updatedAt: z.string(),
});

const RunView = z.object({
  id: z.string(),
  status: z.enum(CRAWL_STATUSES),
  trigger: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  pagesFetched: z.number(),
  adsFound: z.number(),
  adsNew: z.number(),
  adsChanged: z.number(),
  adsUnchanged: z.number(),
  adsGone: z.number(),
  parseErrors: z.number(),
  errorsByKind: z.record(z.string(), z.number()),
  fieldFill: z.record(z.string(), z.number()),
  message: z.string().nullable(),
  /** Why a failed run failed: worker_lost (its worker went away; a retry resumes it), crawl_error, refused. */
  failure: z.string().nullable(),
  /** The run (whose worker was lost) that this one continues. */
  resumedFrom: z.string().nullable(),
});

type SourceRowLike = Awaited<ReturnType<typeof listSources>>[number];
const presentSource = (s: SourceRowLike) => ({
  id: s.id,
  name: s.name,
  enabled: s.enabled,
  health: s.health,
  // Written by the crawl service from assessHealth's result (see HealthDetail).
  healthDetail: (s.healthDetail ?? null) as z.output<typeof HealthDetail> | null,
  robotsOverrideReason: s.robotsOverrideReason,
  definition: s.definition as unknown as Record<string, unknown>,
  updatedAt: s.updatedAt.toISOString(),
});
type RunRowLike = Awaited<ReturnType<typeof listCrawlRuns>>[number];
const presentRun = (r: RunRowLike) => ({
  id: r.id,
  status: r.status,
  trigger: r.trigger,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  pagesFetched: r.pagesFetched,
  adsFound: r.adsFound,
  adsNew: r.adsNew,
  adsChanged: r.adsChanged,
  adsUnchanged: r.adsUnchanged,
  adsGone: r.adsGone,
  parseErrors: r.parseErrors,
  errorsByKind: r.errorsByKind,
  fieldFill: r.fieldFill,
  message: r.message,
  failure: r.failure,
  resumedFrom: r.resumedFrom,
});

export function registerCollectRoutes(
  app: FastifyInstance,
  deps: {
    db: Db;
    blobs: BlobStore;
    keys: AtRestKeys;
    jobs: Jobs;
    /** Every ad text these routes return passes through it (the extraction context's masking). */
    mask: TextMasker;
  },
): void {
  const { db, blobs, keys, jobs, mask } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/sources',
    {
      schema: {
        tags: ['collect'],
        summary: 'Sources with their health',
        response: { 200: z.object({ sources: z.array(SourceView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      return { sources: (await listSources(db)).map(presentSource) };
    },
  );

  r.post(
    '/api/sources',
    {
      schema: {
        tags: ['collect'],
        summary: 'Create a source, or replace the definition of the source with the same name',
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ source: SourceView, created: z.boolean() }), ...errors },
      },
    },
    async (request) => {
      authorize(canManageSources(principalOf(requireAuth(request))));
      const { source, created } = await saveSource(db, actorOf(request), request.body);
      return { source: presentSource(source), created };
    },
  );

  r.post(
    '/api/sources/import',
    {
      schema: {
        tags: ['collect'],
        summary: 'Import source definitions (one or an array)',
        body: z.unknown(),
        response: { 200: z.object({ imported: z.array(z.string()) }), ...errors },
      },
    },
    async (request) => {
      authorize(canManageSources(principalOf(requireAuth(request))));
      const defs = parseSourcesFile(JSON.stringify(request.body));
      const names: string[] = [];
      for (const d of defs) names.push((await saveSource(db, actorOf(request), d)).source.name);
      return { imported: names };
    },
  );

  r.get(
    '/api/sources/:id',
    {
      schema: {
        tags: ['collect'],
        summary: 'One source and its recent crawls',
        params: IdParams,
        response: { 200: z.object({ source: SourceView, runs: z.array(RunView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      const source = await findSourceById(db, request.params.id);
      if (!source)
        throw new AppError('not_found', keyed('collect.sourceNotFound', 'No such source.'));
      return {
        source: presentSource(source),
        runs: (await listCrawlRuns(db, source.id)).map(presentRun),
      };
    },
  );

  r.get(
    '/api/sources/:id/export',
    {
      schema: {
        tags: ['collect'],
        summary: 'The source definition as JSON',
        params: IdParams,
        response: {
          200: {
            description: 'The definition, as a file to keep or import elsewhere',
            content: { 'application/json': { schema: z.string() } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      const source = await findSourceById(db, request.params.id);
      if (!source)
        throw new AppError('not_found', keyed('collect.sourceNotFound', 'No such source.'));
      return reply
        .header('content-type', 'application/json')
        .header('content-disposition', `attachment; filename="${source.name}.source.json"`)
        .send(exportSourceDefinition(source));
    },
  );

  r.post(
    '/api/sources/:id/crawl',
    {
      schema: {
        tags: ['collect'],
        summary: 'Crawl now (queued as a job)',
        params: IdParams,
        body: z.object({}).optional(),
        response: { 202: z.object({ runId: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManageSources(principalOf(requireAuth(request))));
      const run = await requestCrawl(db, actorOf(request), request.params.id, 'manual');
      await jobs.send(
        crawlJobRef,
        { runId: run.id },
        { singletonKey: `crawl:${request.params.id}` },
      );
      return reply.code(202).send({ runId: run.id });
    },
  );

  r.post(
    '/api/sources/:id/robots-override',
    {
      schema: {
        tags: ['collect'],
        summary: 'Crawl despite robots.txt (admin, reason required) or lift it (null)',
        params: IdParams,
        body: z.object({ reason: z.string().max(1000).nullable() }),
        response: { 200: z.object({ source: SourceView }), ...errors },
      },
    },
    async (request) => {
      requireAuth(request);
      const source = await setRobotsOverride(
        db,
        actorOf(request),
        request.params.id,
        request.body.reason,
      );
      return { source: presentSource(source) };
    },
  );

  r.post(
    '/api/sources/:id/enabled',
    {
      schema: {
        tags: ['collect'],
        summary: 'Enable or disable scheduled crawls',
        params: IdParams,
        body: z.object({ enabled: z.boolean() }),
        response: { 200: z.object({ source: SourceView }), ...errors },
      },
    },
    async (request) => {
      authorize(canManageSources(principalOf(requireAuth(request))));
      return {
        source: presentSource(
          await setSourceEnabled(db, actorOf(request), request.params.id, request.body.enabled),
        ),
      };
    },
  );

  r.get(
    '/api/crawl-runs/:id',
    {
      schema: {
        tags: ['collect'],
        summary: 'A crawl run with its errors per URL',
        params: IdParams,
        response: {
          200: z.object({
            run: RunView,
            errors: z.array(
              z.object({
                url: z.string(),
                kind: z.string(),
                status: z.number().nullable(),
                message: z.string(),
                at: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      const [run] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, request.params.id));
      if (!run) throw new AppError('not_found', keyed('collect.runNotFound', 'No such crawl run.'));
      const errs = await listCrawlErrors(db, run.id);
      return {
        run: presentRun(run),
        errors: errs.map((e) => ({
          url: e.url,
          kind: e.kind,
          status: e.status,
          message: e.message,
          at: e.at.toISOString(),
        })),
      };
    },
  );

  r.get(
    '/api/ads',
    {
      schema: {
        tags: ['collect'],
        summary: 'Ads with filters, newest first (keyset pages)',
        querystring: AdFilter,
        response: {
          200: z.object({ items: z.array(AdListItem), nextCursor: z.string().nullable() }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      return listAds(db, keys, request.query, mask);
    },
  );

  r.get(
    '/api/ads/:id',
    {
      schema: {
        tags: ['collect'],
        summary: 'One ad with its versions and captures (audited)',
        params: IdParams,
        response: { 200: AdDetail, ...errors },
      },
    },
    async (request) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      const detail = await getAdDetail(db, keys, request.params.id, mask);
      await appendAudit(db, {
        ...auditFields(actorOf(request)),
        action: 'ad.read',
        targetType: 'ad',
        targetId: detail.id,
      });
      return detail;
    },
  );

  r.get(
    '/api/ads/:id/warc',
    {
      schema: {
        tags: ['collect'],
        summary: "Download the ad's captures as .warc.gz (audited)",
        params: IdParams,
        response: {
          200: {
            description: "The ad's captures, byte for byte (WARC, gzip per record)",
            content: { 'application/warc': { schema: Binary } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      authorize(canReadAds(principalOf(requireAuth(request))));
      const { data, filename } = await exportAdWarc(
        db,
        blobs,
        keys.fieldKeys,
        actorOf(request),
        request.params.id,
      );
      return reply
        .header('content-type', 'application/warc')
        .header('content-disposition', `attachment; filename="${filename}"`)
        .send(data);
    },
  );
}
