// Builds the platform's Fastify server: zod validation on every route, OpenAPI at /api/openapi.json
// with docs at /api/docs, strict CSP (helmet), rate limits, request ids in every log line, JSON
// errors, health and readiness probes, sign-in and the audit log. It knows no context: the
// composition root (src/app/http-server.ts) adds every context's routes, and the console, as plugins.
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { registerAuditRoutes } from '../audit/routes.js';
import type { CapabilityPolicies } from '../auth/capabilities.js';
import { registerAuthRoutes } from '../auth/routes.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { AppError } from '../errors.js';
import { LOG_SERIALIZERS } from '../logger.js';
import { authPlugin } from './auth-plugin.js';
import { registerRateLimits } from './rate-limits.js';
import { registerErrorHandling } from './errors.js';
import { refuseUnstorableText } from './text-input.js';

export interface PlatformHttpDeps {
  config: Config;
  database: Database;
  log: Logger;
  /** "Now" for the routes' time-dependent rules (sign-in pauses, contact rules); absent: the system clock. */
  clock?: Clock;
  /** Extra registrations (the console, later contexts' routes). */
  plugins?: HttpPlugin[];
  /** What a signed-in user may do, answered by the contexts' own policies (the session returns it). */
  capabilities: CapabilityPolicies;
}

/** Registers routes on the built server; called in order after the platform's own routes. */
export type HttpPlugin = (app: FastifyInstance) => Promise<void> | void;

export async function createHttpServer(deps: PlatformHttpDeps): Promise<FastifyInstance> {
  const { config, database, log } = deps;
  const clock = deps.clock ?? systemClock;
  // Whatever logger comes in, request lines show no query values and errors no query parameters.
  const logger: FastifyBaseLogger = log.child({}, { serializers: LOG_SERIALIZERS });
  const app = Fastify({
    loggerInstance: logger,
    // Two lines per request bury what matters in a terminal; a log collector in production wants them.
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    // Ids are ours: an incoming X-Request-Id header is not trusted into the audit log.
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  refuseUnstorableText(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) void reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(config.cookieSecure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.cookieSecure,
  });
  await app.register(cookie);
  await registerRateLimits(app, config);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Ariadne API',
        description: 'Online outreach against human trafficking and exploitation.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ariadne_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          // The evidence vault's own session (no account) and its CSRF token: see src/vault.
          vaultSession: { type: 'apiKey', in: 'cookie', name: 'ariadne_vault' },
          vaultCsrf: { type: 'apiKey', in: 'header', name: 'x-vault-csrf' },
        },
      },
      security: [{ session: [], csrf: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas registered with an id (enums such as LeadState, shared shapes) become components,
    // so the console's generated types name them.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    // Swagger UI's own policy allows any https: style and swagger.io's validator; ours allows only
    // this server (inline styles are needed by the UI and carry no risk on a page without data).
    transformStaticCSP: () =>
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    uiConfig: { docExpansion: 'list', deepLinking: false, validatorUrl: null },
  });
  await app.register(authPlugin, { config, db: database.db });

  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  r.get(
    '/healthz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      schema: {
        tags: ['ops'],
        summary: 'Readiness: the database answers',
        response: {
          200: z.object({ status: z.literal('ready') }),
          503: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        },
      },
    },
    async () => {
      try {
        await database.pool.query('SELECT 1');
      } catch {
        throw new AppError('not_ready', 'The database does not answer.');
      }
      return { status: 'ready' as const };
    },
  );

  registerAuthRoutes(app, { config, db: database.db, clock, capabilities: deps.capabilities });
  registerAuditRoutes(app, { db: database.db });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
