// Attaches the signed-in user (if any) to each request and enforces CSRF protection on every
// state-changing API call: a session-bound token for signed-in users, a double-submit cookie for
// the anonymous sign-in form. Cookies are httpOnly and SameSite=Strict; Secure outside embedded mode.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../actor.js';
import {
  loadSession,
  CSRF_COOKIE,
  SESSION_COOKIE,
  type SessionRow,
  type UserRow,
} from '../auth/sessions.js';
import type { Principal } from '../auth/policy.js';
import type { SessionStage } from '../auth/schema.js';
import type { Config } from '../config.js';
import { constantTimeEqual, randomToken } from '../crypto.js';
import type { Db } from '../db/connect.js';
import { AppError, keyed } from '../errors.js';

export interface RequestAuth {
  session: SessionRow;
  user: UserRow;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
    sessionExpired: boolean;
  }
  interface FastifyContextConfig {
    /** Set false on routes called by outside services with their own signature check (webhooks). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function cookieOptions(config: Config, maxAgeMs?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.cookieSecure,
    ...(maxAgeMs !== undefined ? { maxAge: Math.floor(maxAgeMs / 1000) } : {}),
  };
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, config.sessionAbsoluteMs));
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(config));
}

/** CSRF token for an anonymous visitor (double-submit cookie), created on first need. */
export function anonymousCsrfToken(
  request: FastifyRequest,
  reply: FastifyReply,
  config: Config,
): string {
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{20,64}$/.test(existing)) return existing;
  const token = randomToken(24);
  reply.setCookie(CSRF_COOKIE, token, cookieOptions(config));
  return token;
}

export function actorOf(request: FastifyRequest): Actor {
  const user = request.auth?.user;
  return {
    userId: user?.id ?? null,
    label: user?.email ?? 'anonymous',
    role: user?.role ?? null,
    ip: request.ip,
    requestId: request.id,
  };
}

export function requestMeta(request: FastifyRequest) {
  return {
    ip: request.ip,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}

/** The signed-in principal at the given stage, or a 401 that tells the console why. */
export function requireAuth(request: FastifyRequest, stage: SessionStage = 'full'): RequestAuth {
  const auth = request.auth;
  if (!auth) {
    throw new AppError(
      request.sessionExpired ? 'session_expired' : 'unauthenticated',
      request.sessionExpired
        ? keyed('auth.sessionEnded', 'Your session has ended. Please sign in again.')
        : keyed('auth.signIn', 'Please sign in.'),
    );
  }
  if (auth.session.stage !== stage) {
    throw new AppError('unauthenticated', keyed('auth.finishSignIn', 'Finish signing in first.'));
  }
  if (stage === 'full' && auth.user.mustChangePassword && !request.url.startsWith('/api/auth/')) {
    throw new AppError(
      'forbidden',
      keyed('auth.changePasswordFirst', 'Change your one-time password first.'),
    );
  }
  return auth;
}

export function principalOf(auth: RequestAuth): Principal {
  return { id: auth.user.id, role: auth.user.role, partnerOrgId: auth.user.partnerOrgId };
}

export function authorize(allowed: boolean): void {
  if (!allowed)
    throw new AppError(
      'forbidden',
      keyed('auth.noPermission', 'You do not have permission to do this.'),
    );
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { config: Config; db: Db }) => {
  app.decorateRequest('auth', null);
  app.decorateRequest('sessionExpired', false);
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const loaded = await loadSession(opts.db, opts.config, token);
      if (loaded.status === 'active') request.auth = { session: loaded.session, user: loaded.user };
      else if (loaded.status === 'expired') request.sessionExpired = true;
    }
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.csrf === false) return;
    const header = request.headers['x-csrf-token'];
    const sent = typeof header === 'string' ? header : '';
    const expected = request.auth
      ? request.auth.session.csrfToken
      : (request.cookies[CSRF_COOKIE] ?? '');
    if (!sent || !expected || !constantTimeEqual(sent, expected)) {
      if (request.sessionExpired) {
        throw new AppError('session_expired', 'Your session has ended. Please sign in again.');
      }
      throw new AppError(
        'csrf_failed',
        'The request is missing its security token. Reload the page and try again.',
      );
    }
  });
});
