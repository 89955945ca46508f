// HTTP routes of Insights: the funnel for a range (supervisors, admins, analysts: the programme's
// own figures; never partners, nor outreach workers, whose work is the thing being counted), and
// the suppressed export as JSON or CSV (the same readers; each export audited).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../platform/auth/policy.js';
import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { PERIOD_UNITS, type PeriodRange, type PeriodUnit } from '../platform/period-counts.js';
import { MAX_PERIODS, periodsOf } from './domain/periods.js';
import { exportInsights, gatherInsights } from './service.js';
import { FunnelExportView, FunnelView, presentFunnel } from './views.js';

export const canReadInsights = (p: Principal) =>
  p.role === 'supervisor' || p.role === 'admin' || p.role === 'analyst';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const IsoDate = z.iso.date();
/** A range of whole days, both included; by default the periods up to today (by the clock). */
export const RangeQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    unit: z.enum(PERIOD_UNITS).default('week'),
  })
  .strict();

const DAY = 86_400_000;
const DEFAULT_SPAN: Record<PeriodUnit, number> = { day: 30, week: 12 * 7, month: 365 };

export function rangeOf(query: z.infer<typeof RangeQuery>, clock: Clock): PeriodRange {
  const today = clock.now().toISOString().slice(0, 10);
  const last = new Date(`${query.to ?? today}T00:00:00Z`);
  const to = new Date(last.getTime() + DAY);
  const from = query.from
    ? new Date(`${query.from}T00:00:00Z`)
    : new Date(to.getTime() - DEFAULT_SPAN[query.unit] * DAY);
  if (from >= to)
    throw new AppError(
      'bad_request',
      keyed('insights.rangeOrder', 'The range must end on or after its first day.'),
    );
  const range = { from, to, unit: query.unit };
  try {
    periodsOf(range);
  } catch {
    throw new AppError(
      'bad_request',
      keyed(
        'insights.tooManyPeriods',
        `At most ${MAX_PERIODS} periods at once: choose weeks or months, or a shorter range.`,
        { max: MAX_PERIODS },
      ),
    );
  }
  return range;
}

export function registerInsightsRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }): void {
  const { db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/insights/funnel',
    {
      schema: {
        tags: ['insights'],
        summary:
          'The funnel for a range: per period, region and language; time to referral; outcomes',
        querystring: RangeQuery,
        response: { 200: FunnelView, ...errors },
      },
    },
    async (request) => {
      authorize(canReadInsights(principalOf(requireAuth(request))));
      return presentFunnel(await gatherInsights(db, rangeOf(request.query, clock)));
    },
  );

  r.get(
    '/api/insights/export.json',
    {
      schema: {
        tags: ['insights'],
        summary: 'The funnel for funders: no personal data, small cells suppressed (audited)',
        querystring: RangeQuery,
        response: { 200: FunnelExportView, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canReadInsights(principalOf(requireAuth(request))));
      const range = rangeOf(request.query, clock);
      const { json } = await exportInsights(db, actorOf(request), range, 'json', clock);
      void reply.header(
        'content-disposition',
        `attachment; filename="ariadne-insights-${json.range.from.slice(0, 10)}.json"`,
      );
      return json;
    },
  );

  r.get(
    '/api/insights/export.csv',
    {
      schema: {
        tags: ['insights'],
        summary: 'The same export as CSV: table, row, column, value (audited)',
        querystring: RangeQuery,
        response: {
          200: {
            description: 'One line per published cell, with a header line',
            content: { 'text/csv': { schema: z.string() } },
          },
          ...errors,
        },
      },
    },
    async (request, reply) => {
      authorize(canReadInsights(principalOf(requireAuth(request))));
      const range = rangeOf(request.query, clock);
      const { csv } = await exportInsights(db, actorOf(request), range, 'csv', clock);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="ariadne-insights-${range.from.toISOString().slice(0, 10)}.csv"`,
        )
        .send(csv);
    },
  );
}
