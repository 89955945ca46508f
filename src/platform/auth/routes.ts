// HTTP routes for signing in and out, the user's own settings, and (for admins) user and partner
// organisation management. Each handler: validate → authenticate → authorise → one domain call →
// present.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import type { Config } from '../config.js';
import type { Db } from '../db/connect.js';
import {
  actorOf,
  anonymousCsrfToken,
  authorize,
  clearSessionCookie,
  principalOf,
  requestMeta,
  requireAuth,
  setSessionCookie,
} from '../http/auth-plugin.js';
import { ErrorResponse } from '../http/errors.js';
import { Capabilities, capabilitiesOf, type CapabilityPolicies } from './capabilities.js';
import {
  changePassword,
  confirmTotpEnrolment,
  loginWithPassword,
  logout,
  startTotpEnrolment,
  verifySecondFactor,
} from './login.js';
import { canManagePartnerOrgs, canManageUsers } from './policy.js';
import { LANGUAGES, ROLES } from './schema.js';
import { sessionAuthRateLimit, signInRateLimit } from '../http/rate-limits.js';
import {
  AdminUserView,
  createPartnerOrg,
  createUser,
  listPartnerOrgs,
  listUsers,
  PartnerOrgInput,
  PresentedUser,
  presentUser,
  resetUser,
  updateUser,
  UserInput,
  UserPatch,
} from './users.js';

const Stage = z.enum(['none', 'totp', 'enroll', 'full']);
const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  423: ErrorResponse,
  429: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const PartnerOrg = z.object({ id: z.string(), name: z.string() });

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: {
    config: Config;
    db: Db;
    clock: Clock;
    /** Each capability's policy, from the contexts that own them (wired by the composition root). */
    capabilities: CapabilityPolicies;
  },
): void {
  const { config, db, clock } = deps;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const signInLimits = signInRateLimit(app, config);
  const authStepLimit = sessionAuthRateLimit(config);

  r.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary:
          'Current sign-in state, the CSRF token to send with changes, and (signed in) what the user may do',
        response: {
          200: z.object({
            stage: Stage,
            csrfToken: z.string(),
            user: PresentedUser.nullable(),
            capabilities: Capabilities.nullable(),
          }),
        },
      },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (!auth)
        return {
          stage: 'none' as const,
          csrfToken: anonymousCsrfToken(request, reply, config),
          user: null,
          capabilities: null,
        };
      return {
        stage: auth.session.stage,
        csrfToken: auth.session.csrfToken,
        user: presentUser(auth.user),
        // Only a full session may do anything; until then the console shows sign-in steps.
        capabilities:
          auth.session.stage === 'full'
            ? capabilitiesOf(deps.capabilities, principalOf(auth))
            : null,
      };
    },
  );

  r.post(
    '/api/auth/login',
    {
      ...signInLimits,
      schema: {
        tags: ['auth'],
        summary: 'First factor: e-mail and password',
        body: z.object({
          email: z.string().trim().min(3).max(254),
          password: z.string().min(1).max(1024),
        }),
        response: {
          200: z.object({ stage: z.enum(['totp', 'enroll']), csrfToken: z.string() }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { token, session } = await loginWithPassword(
        db,
        config,
        clock,
        request.body,
        requestMeta(request),
      );
      setSessionCookie(reply, config, token);
      return { stage: session.stage as 'totp' | 'enroll', csrfToken: session.csrfToken };
    },
  );

  r.post(
    '/api/auth/totp',
    {
      config: authStepLimit,
      schema: {
        tags: ['auth'],
        summary: 'Second factor: a TOTP code or a recovery code',
        body: z
          .object({
            code: z.string().max(12).optional(),
            recoveryCode: z.string().max(32).optional(),
          })
          .refine(
            (b) => Boolean(b.code) !== Boolean(b.recoveryCode),
            'Send either a code or a recovery code',
          ),
        response: { 200: z.object({ csrfToken: z.string(), user: PresentedUser }), ...errors },
      },
    },
    async (request, reply) => {
      const { session, user } = requireAuth(request, 'totp');
      const next = await verifySecondFactor(
        db,
        config,
        clock,
        session,
        user,
        request.body,
        requestMeta(request),
      );
      setSessionCookie(reply, config, next.token);
      return { csrfToken: next.session.csrfToken, user: presentUser(user) };
    },
  );

  r.post(
    '/api/auth/totp/enroll/start',
    {
      schema: {
        tags: ['auth'],
        summary: 'Begin enrolling an authenticator app (first sign-in)',
        body: z.object({}).optional(),
        response: {
          200: z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() }),
          ...errors,
        },
      },
    },
    async (request) => {
      const { session, user } = requireAuth(request, 'enroll');
      return startTotpEnrolment(db, config, session, user);
    },
  );

  r.post(
    '/api/auth/totp/enroll/confirm',
    {
      config: authStepLimit,
      schema: {
        tags: ['auth'],
        summary: 'Confirm enrolment with a first code; returns recovery codes once',
        body: z.object({ code: z.string().max(12) }),
        response: {
          200: z.object({
            recoveryCodes: z.array(z.string()),
            csrfToken: z.string(),
            user: PresentedUser,
          }),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const { session, user } = requireAuth(request, 'enroll');
      const result = await confirmTotpEnrolment(
        db,
        config,
        clock,
        session,
        user,
        request.body.code,
        requestMeta(request),
      );
      setSessionCookie(reply, config, result.next.token);
      return {
        recoveryCodes: result.recoveryCodes,
        csrfToken: result.next.session.csrfToken,
        user: presentUser({ ...user, totpEnrolled: true }),
      };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        body: z.object({}).optional(),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth;
      if (auth) await logout(db, auth.session, auth.user, requestMeta(request));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: authStepLimit,
      schema: {
        tags: ['auth'],
        summary: 'Change your password',
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(1).max(1024),
        }),
        response: { 200: z.object({ user: PresentedUser }), ...errors },
      },
    },
    async (request) => {
      const { session, user } = requireAuth(request, 'full');
      const updated = await changePassword(
        db,
        clock,
        session,
        user,
        request.body,
        requestMeta(request),
      );
      return { user: presentUser(updated) };
    },
  );

  r.patch(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your own settings',
        body: z.object({ language: z.enum(LANGUAGES) }),
        response: { 200: z.object({ user: PresentedUser }), ...errors },
      },
    },
    async (request) => {
      const { user } = requireAuth(request, 'full');
      const updated = await updateUser(db, actorOf(request), user.id, {
        language: request.body.language,
      });
      return { user: presentUser(updated) };
    },
  );

  r.get(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'All operator accounts (admin)',
        response: { 200: z.object({ users: z.array(AdminUserView) }), ...errors },
      },
    },
    async (request) => {
      authorize(canManageUsers(principalOf(requireAuth(request))));
      return { users: await listUsers(db) };
    },
  );

  r.post(
    '/api/users',
    {
      schema: {
        tags: ['users'],
        summary: 'Create a user; the one-time password is shown once',
        body: z.object({
          email: z.string().max(254),
          displayName: z.string().max(120),
          role: z.enum(ROLES),
          partnerOrgId: z.uuid().nullish(),
        }),
        response: {
          201: z.object({ user: PresentedUser, oneTimePassword: z.string() }),
          409: ErrorResponse,
          ...errors,
        },
      },
    },
    async (request, reply) => {
      authorize(canManageUsers(principalOf(requireAuth(request))));
      const input = UserInput.parse(request.body);
      const { user, oneTimePassword } = await createUser(db, actorOf(request), input);
      return reply.code(201).send({ user: presentUser(user), oneTimePassword });
    },
  );

  r.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['users'],
        summary: 'Change role, name, partner organisation, or disable/enable',
        params: IdParams,
        body: UserPatch.omit({ language: true }),
        response: {
          200: z.object({ user: PresentedUser }),
          404: ErrorResponse,
          409: ErrorResponse,
          ...errors,
        },
      },
    },
    async (request) => {
      authorize(canManageUsers(principalOf(requireAuth(request))));
      const user = await updateUser(db, actorOf(request), request.params.id, request.body);
      return { user: presentUser(user) };
    },
  );

  r.post(
    '/api/users/:id/reset',
    {
      schema: {
        tags: ['users'],
        summary: 'New one-time password; clears two-factor enrolment and ends sessions',
        params: IdParams,
        body: z.object({}).optional(),
        response: { 200: z.object({ oneTimePassword: z.string() }), 404: ErrorResponse, ...errors },
      },
    },
    async (request) => {
      authorize(canManageUsers(principalOf(requireAuth(request))));
      return { oneTimePassword: await resetUser(db, actorOf(request), request.params.id) };
    },
  );

  r.get(
    '/api/partner-orgs',
    {
      schema: {
        tags: ['users'],
        summary: 'Partner organisations',
        response: { 200: z.object({ partnerOrgs: z.array(PartnerOrg) }), ...errors },
      },
    },
    async (request) => {
      authorize(canManagePartnerOrgs(principalOf(requireAuth(request))));
      return { partnerOrgs: await listPartnerOrgs(db) };
    },
  );

  r.post(
    '/api/partner-orgs',
    {
      schema: {
        tags: ['users'],
        summary: 'Add a partner organisation',
        body: PartnerOrgInput,
        response: { 201: z.object({ partnerOrg: PartnerOrg }), 409: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      authorize(canManagePartnerOrgs(principalOf(requireAuth(request))));
      const partnerOrg = await createPartnerOrg(db, actorOf(request), request.body);
      return reply.code(201).send({ partnerOrg });
    },
  );
}
