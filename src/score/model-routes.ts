// HTTP routes of the score model: the active model and its history for every operator (partners
// excepted), and a new version for supervisors and admins. A bad model is answered with every
// problem and its path, so the console can point at the field; a saved model reports the change to
// the caller (`onModelChanged`) so re-scoring can be queued.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../platform/auth/policy.js';
import type { Db } from '../platform/db/connect.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { describeIssues, parseScoreModel, ScoreModel } from './model.js';
import {
  activeModel,
  listModels,
  modelVersion,
  saveModel,
  type OnModelChanged,
  type ScoreModelVersion,
} from './model-store.js';

/** Every operator may read the weights behind the scores they work with; partners see none. */
export const canReadScoreModel = (p: Principal) => p.role !== 'partner';
/** Weights are a program decision: supervisors and admins change them. */
export const canEditScoreModel = (p: Principal) => p.role === 'supervisor' || p.role === 'admin';

const errors = {
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const InvalidModelResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const ModelVersionView = z.object({
  version: z.number().int(),
  active: z.boolean(),
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  model: ScoreModel,
});

function presentModelVersion(row: ScoreModelVersion): z.infer<typeof ModelVersionView> {
  return {
    version: row.version,
    active: row.active,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    model: row.model,
  };
}

export function registerScoreModelRoutes(
  app: FastifyInstance,
  deps: { db: Db; onModelChanged?: OnModelChanged },
): void {
  const { db, onModelChanged } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/score/model',
    {
      schema: {
        tags: ['score'],
        summary: 'The active score model: every weight with its reasoning',
        response: { 200: ModelVersionView, ...errors },
      },
    },
    async (request) => {
      authorize(canReadScoreModel(principalOf(requireAuth(request))));
      const { version } = await activeModel(db);
      return presentModelVersion(await modelVersion(db, version));
    },
  );

  r.get(
    '/api/score/models',
    {
      schema: {
        tags: ['score'],
        summary: 'Every version of the score model, newest first, with who saved it and why',
        response: { 200: z.object({ items: z.array(ModelVersionView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canReadScoreModel(principalOf(requireAuth(request))));
      return { items: (await listModels(db)).map(presentModelVersion) };
    },
  );

  r.post(
    '/api/score/models',
    {
      schema: {
        tags: ['score'],
        summary: 'Save a new version of the score model; it becomes active and scores are redone',
        body: z.object({
          model: z.unknown(),
          note: z.string().trim().min(1, 'say what changed and why').max(2000),
        }),
        response: {
          201: ModelVersionView.extend({ previousVersion: z.number().int().nullable() }),
          // A model that fails its own checks, or a request that fails the schema's (the error
          // handler's body: its issues name fields by path segments).
          400: z.union([InvalidModelResponse, ErrorResponse]),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      authorize(canEditScoreModel(principalOf(requireAuth(request))));
      const parsed = parseScoreModel(request.body.model);
      if (!parsed.ok) {
        return reply.code(400).send({
          error: {
            code: 'validation_failed',
            message: `The score model is not valid:\n${describeIssues(parsed.issues)}`,
            issues: parsed.issues,
          },
        });
      }
      const saved = await saveModel(db, actorOf(request), parsed.model, request.body.note, {
        ...(onModelChanged ? { onModelChanged } : {}),
      });
      return reply
        .code(201)
        .send({ ...presentModelVersion(saved), previousVersion: saved.previousVersion });
    },
  );
}
