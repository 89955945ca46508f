// HTTP routes of the extraction context: the facts found in an ad (identifiers masked, also inside
// the text other facts quote; each with its span, rule and — for signs of exploitation —
// explanation, evidence level and source), the audited reveal of one identifier, and the
// analysts' custom terms and block-list. A change of rules queues a re-extraction; results are
// replaced, never silently dropped.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../platform/auth/policy.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import type { Jobs } from '../platform/jobs.js';
import { adVersionIdOf } from '../collect/index.js';
import { BlockRule, CustomTerm } from '../extract/index.js';
import { reextractJobRef } from './jobs.js';
import { maskExtraction } from './masking.js';
import {
  addRule,
  countStale,
  extractionOf,
  listRules,
  retireRule,
  revealIdentifier,
} from './store.js';

export const canReadFacts = (p: Principal) => p.role !== 'partner';
/** Revealing a number is for those who may contact or investigate. */
export const canRevealIdentifiers = (p: Principal) => p.role !== 'partner';
export const canEditRules = (p: Principal) =>
  p.role === 'admin' || p.role === 'analyst' || p.role === 'supervisor';

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse };
/**
 * A fact as stored: the fields every kind has, the indicator's explanation, and the rest of its
 * kind's fields (src/extract/schema.ts Fact) as they were when it was extracted — results stored by
 * older rule sets keep their older shape, so only the common part is held to a schema here.
 */
const FactView = z
  .looseObject({
    kind: z.string(),
    span: z.object({ field: z.string(), start: z.number(), end: z.number() }),
    value: z.string().optional(),
    raw: z.string().optional(),
    rule: z.string().optional(),
    code: z.string().optional(),
    category: z.string().optional(),
    evidence: z.string().optional(),
    explanation: z.string().optional(),
    source: z.string().optional(),
    // Identifier facts leave with their mask and the id to reveal them by, never value or raw.
    masked: z.string().optional(),
    identifierId: z.string().optional(),
  })
  .meta({ id: 'Fact' });

const RuleView = z.discriminatedUnion('type', [
  z.object({
    id: z.string(),
    type: z.literal('custom_term'),
    body: z.object(CustomTerm.shape),
    createdAt: z.string(),
  }),
  z.object({
    id: z.string(),
    type: z.literal('block'),
    body: z.object(BlockRule.shape),
    createdAt: z.string(),
  }),
]);
type RuleView = z.output<typeof RuleView>;

/** A stored rule: its body was parsed by the schema of its type when it was added. */
function presentRule(row: {
  id: string;
  type: 'custom_term' | 'block';
  body: Record<string, unknown>;
  createdAt: Date;
}): RuleView {
  return {
    id: row.id,
    type: row.type,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  } as RuleView;
}

/** A span of an ad's text that its site repeats across most of its ads (linking finds it). */
const BoilerplateSpanView = z
  .object({ field: z.enum(['title', 'body']), start: z.number(), end: z.number() })
  .meta({ id: 'BoilerplateSpan' });

export interface ExtractRoutesDeps {
  db: Db;
  config: Config;
  jobs: Jobs;
  /**
   * The site-boilerplate spans of an ad version. Linking decides them, and linking comes after
   * extraction, so the composition root hands this in (without it, none are shown).
   */
  boilerplateOf?: (
    adId: string,
    versionId: string,
  ) => Promise<{ field: 'title' | 'body'; start: number; end: number }[]>;
}

export function registerExtractRoutes(app: FastifyInstance, deps: ExtractRoutesDeps): void {
  const { db, config, jobs } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/ads/:id/extraction',
    {
      schema: {
        tags: ['extract'],
        summary: 'Facts found in an ad version (current unless ?version=N), identifiers masked',
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({
            adVersionId: z.string(),
            ruleSetVersion: z.string().nullable(),
            extractedAt: z.string().nullable(),
            language: z.string().nullable(),
            truncated: z.boolean(),
            facts: z.array(FactView),
            suppressed: z.array(z.object({ fact: FactView, reason: z.string(), by: z.string() })),
            pending: z.boolean(),
            /** Text the site repeats across most of its ads: its signs are not scored. */
            boilerplate: z.array(BoilerplateSpanView),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canReadFacts(principalOf(requireAuth(request))));
      const versionId = await adVersionIdOf(db, request.params.id, request.query.version);
      if (!versionId)
        throw new AppError('not_found', keyed('facts.adVersionNotFound', 'No such ad or version.'));
      const stored = await extractionOf(db, config.secrets.fieldKeys, versionId);
      const boilerplate = (await deps.boilerplateOf?.(request.params.id, versionId)) ?? [];
      if (!stored) {
        return {
          adVersionId: versionId,
          ruleSetVersion: null,
          extractedAt: null,
          language: null,
          truncated: false,
          facts: [],
          suppressed: [],
          pending: true,
          boilerplate,
        };
      }
      // Facts quote the ad: they leave through the same masking step as the ad's text.
      const { facts, suppressed } = await maskExtraction(db, versionId, stored);
      return {
        adVersionId: versionId,
        ruleSetVersion: stored.ruleSetVersion,
        extractedAt: stored.extractedAt.toISOString(),
        language: stored.language,
        truncated: stored.truncated,
        facts,
        suppressed,
        pending: false,
        boilerplate,
      };
    },
  );

  r.post(
    '/api/identifiers/:id/reveal',
    {
      schema: {
        tags: ['extract'],
        summary: 'Show one identifier in the clear (audited)',
        params: z.object({ id: z.uuid() }),
        body: z.object({ reason: z.string().max(300).optional() }).optional(),
        response: {
          200: z.object({ id: z.string(), kind: z.string(), value: z.string(), raw: z.string() }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canRevealIdentifiers(principalOf(requireAuth(request))));
      return revealIdentifier(
        db,
        config,
        actorOf(request),
        request.params.id,
        request.body?.reason,
      );
    },
  );

  r.get(
    '/api/extract/rules',
    {
      schema: {
        tags: ['extract'],
        summary: 'Custom terms and block-list in force, with the rule-set version',
        response: {
          200: z.object({
            ruleSetVersion: z.string(),
            stale: z.number(),
            rules: z.array(RuleView),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canReadFacts(principalOf(requireAuth(request))));
      const { ruleSetVersion, rules } = await listRules(db);
      return {
        ruleSetVersion,
        stale: await countStale(db),
        rules: rules.map(presentRule),
      };
    },
  );

  r.post(
    '/api/extract/rules',
    {
      schema: {
        tags: ['extract'],
        summary: 'Add a custom term or a block-list entry; affected ads are re-processed',
        body: z.object({
          type: z.enum(['custom_term', 'block']),
          rule: z.record(z.string(), z.unknown()),
        }),
        response: { 201: RuleView, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canEditRules(principalOf(requireAuth(request))));
      const row = await addRule(db, actorOf(request), request.body.type, request.body.rule);
      await jobs.send(
        reextractJobRef,
        { reason: `rule ${row.id} added` },
        { singletonKey: 'reextract' },
      );
      return reply.code(201).send(presentRule(row));
    },
  );

  r.post(
    '/api/extract/rules/:id/retire',
    {
      schema: {
        tags: ['extract'],
        summary: 'Retire a custom term or block-list entry; affected ads are re-processed',
        params: z.object({ id: z.uuid() }),
        body: z.object({}).optional(),
        response: { 200: z.object({ id: z.string() }), ...errors },
      },
    },
    async (request) => {
      authorize(canEditRules(principalOf(requireAuth(request))));
      const row = await retireRule(db, actorOf(request), request.params.id);
      await jobs.send(
        reextractJobRef,
        { reason: `rule ${row.id} retired` },
        { singletonKey: 'reextract' },
      );
      return { id: row.id };
    },
  );
}
