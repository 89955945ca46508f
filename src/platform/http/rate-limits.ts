// Request limits, counted per person where the server knows the person and per address only as a
// backstop. NGO offices sit behind one NAT address (and victims on mobile networks behind a
// carrier's): counting every request and every sign-in per address turns one busy office into a
// denial of service against itself, while an attacker with many addresses is not slowed at all.
// So:
// - the general limit counts per signed-in session, and per address only without one;
// - a much higher per-address ceiling (checked before any work is done for the request, so a flood
//   with made-up session cookies costs no database look-up) stops one address flooding the server;
// - sign-in counts per account and address (an office signs in many accounts from one address),
//   with a per-address ceiling against password spraying; codes and password changes count per
//   sign-in session. Lockout after failed sign-ins (auth/lockout.ts) is separate and stays per
//   account and address.
import { createHash } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

const WINDOW = '1 minute';
const WINDOW_MS = 60_000;

/** Probes must answer however busy an address is (an orchestrator asks often). */
const isProbe = (request: FastifyRequest) =>
  request.url === '/healthz' || request.url === '/readyz';

const tooMany = () =>
  new AppError('rate_limited', 'Too many requests. Wait a minute and try again.');

/**
 * The session when the request carries a valid one (loaded by the auth plugin in preValidation),
 * else the address. Session ids are already keyed hashes of the token (auth/sessions.ts).
 */
function sessionOrAddress(request: FastifyRequest): string {
  const auth = request.auth;
  return auth ? `session:${auth.session.id}` : `address:${request.ip}`;
}

/** An e-mail address folded as sign-in folds it, hashed: the limiter's keys live in memory. */
function accountKey(email: unknown): string {
  const folded = typeof email === 'string' ? email.trim().toLowerCase() : '';
  return createHash('sha256').update(folded).digest('base64url').slice(0, 22);
}

/**
 * Registers the general limit (per session, else per address) and the per-address ceiling. The
 * general limit runs in preHandler, after the auth plugin has loaded the session in preValidation.
 */
export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(rateLimit, {
    max: config.rateLimitPerMinute,
    timeWindow: WINDOW,
    // After preValidation, where the auth plugin has read the session cookie.
    hook: 'preHandler',
    keyGenerator: sessionOrAddress,
    allowList: isProbe,
    errorResponseBuilder: tooMany,
  });
  const perAddress = app.createRateLimit({
    max: config.addressRateLimitPerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `ceiling:${request.ip}`,
    allowList: isProbe,
  });
  app.addHook('onRequest', async (request, reply) => {
    const limit = await perAddress(request);
    if (limit.isAllowed || !limit.isExceeded) return;
    void reply.header('retry-after', String(limit.ttlInSeconds));
    throw tooMany();
  });
}

/**
 * Route options for the password step of sign-in: the limit per account and address (the plugin's,
 * one per route) and, before it, a per-address ceiling over all accounts.
 */
export function signInRateLimit(app: FastifyInstance, config: Config) {
  const perAddress = app.createRateLimit({
    max: config.authAddressRateLimitPerMinute,
    timeWindow: WINDOW_MS,
    keyGenerator: (request) => `sign-in:${request.ip}`,
  });
  return {
    // Route hooks run before the plugin's, which it appends to the same list.
    preHandler: async (request: FastifyRequest) => {
      const limit = await perAddress(request);
      if (!limit.isAllowed && limit.isExceeded) throw tooMany();
    },
    config: {
      rateLimit: {
        max: config.authRateLimitPerMinute,
        timeWindow: WINDOW,
        // The body (with the e-mail address) is parsed and validated by then.
        hook: 'preHandler' as const,
        keyGenerator: (request: FastifyRequest) => {
          const body = request.body as { email?: unknown } | undefined;
          return `sign-in:${request.ip}:${accountKey(body?.email)}`;
        },
        errorResponseBuilder: tooMany,
      },
    },
  };
}

/** Route config for the steps after the password (codes, enrolment, password change): per session. */
export function sessionAuthRateLimit(config: Config) {
  return {
    rateLimit: {
      max: config.authRateLimitPerMinute,
      timeWindow: WINDOW,
      hook: 'preHandler' as const,
      keyGenerator: (request: FastifyRequest) => `auth-step:${sessionOrAddress(request)}`,
      errorResponseBuilder: tooMany,
    },
  };
}
