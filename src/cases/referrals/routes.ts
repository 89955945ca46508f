// HTTP routes of referrals. Workers (on cases they may refer from): send a referral within consent
// (refused with 403 naming the fields outside it), list a case's referrals with their history,
// revoke, record that they chased the organisation, issue a new secure link, mark the code passed
// on. Partner users: the referrals to their own organisation, one opened (audited), their answer
// and outcome reports — nothing else. The secure-link page for organisations without an account
// is served apart (link-page.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/policy.js';
import { actorOf, authorize, principalOf, requireAuth } from '../../platform/http/auth-plugin.js';
import { ErrorResponse } from '../../platform/http/errors.js';
import { DECLINE_REASON_MAX } from '../domain/referral-states.js';
import { PROTECTION_REASON_MAX } from '../domain/referral-share.js';
import {
  answerAsPartnerUser,
  listCaseReferrals,
  listPartnerReferrals,
  markCodeDelivered,
  openPartnerReferral,
  recordReminder,
  referralById,
  reissueLink,
  revokeReferral,
  sendReferral,
  withHistory,
  type ReferralDeps,
  type ReferralRow,
} from './service.js';
import { ShareableField } from '../views.js';
import { partnerNames } from './sources.js';
import {
  PartnerReferralView,
  presentIssuedLink,
  presentPartnerReferral,
  presentWorkerReferral,
  ReferralState,
  SecureLinkView,
  SentReferralView,
  WorkerReferralView,
} from './views.js';

/** Who refers people: outreach workers and supervisors (each case's own rules decide further). */
export const canWorkReferrals = (p: Principal) =>
  p.role === 'outreach_worker' || p.role === 'supervisor';
/** Partner users read the referrals to their own organisation, and nothing else. */
export const canReadPartnerReferrals = (p: Principal) =>
  p.role === 'partner' && p.partnerOrgId !== null;

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const CaseParams = z.object({ caseId: z.uuid() });

export const SendReferralBody = z.object({
  partnerId: z.uuid(),
  fields: z.array(ShareableField).max(20),
  handoffNote: z.string().max(4000).optional(),
  protectionReason: z.string().max(PROTECTION_REASON_MAX).optional(),
});

export const PartnerAnswerBody = z.object({
  state: ReferralState,
  note: z.string().max(DECLINE_REASON_MAX).optional(),
});

export function registerReferralRoutes(app: FastifyInstance, deps: ReferralDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  async function present(rows: readonly ReferralRow[]) {
    const names = await partnerNames(
      deps.db,
      rows.map((row) => row.partnerId),
    );
    return (await withHistory(deps, rows)).map((w) =>
      presentWorkerReferral(w, names.get(w.referral.partnerId) ?? null),
    );
  }
  const presentOne = async (row: ReferralRow) => (await present([row]))[0]!;

  r.get(
    '/api/cases/:caseId/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: "A case's referrals with each step and each opening by the partner",
        params: CaseParams,
        response: { 200: z.object({ items: z.array(WorkerReferralView) }), ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      const list = await listCaseReferrals(deps, actorOf(request), who, request.params.caseId);
      const names = await partnerNames(
        deps.db,
        list.map((w) => w.referral.partnerId),
      );
      return {
        items: list.map((w) => presentWorkerReferral(w, names.get(w.referral.partnerId) ?? null)),
      };
    },
  );

  r.post(
    '/api/cases/:caseId/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary:
          'Sends a referral: only fields within the current consent (or the duty to protect a child); 403 names the fields outside it',
        params: CaseParams,
        body: SendReferralBody,
        response: { 201: SentReferralView, ...errors },
      },
    },
    async (request, reply) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      const sent = await sendReferral(
        deps,
        actorOf(request),
        who,
        request.params.caseId,
        request.body,
      );
      void reply.code(201);
      return {
        referral: await presentOne(sent.referral),
        secureLink: sent.link ? presentIssuedLink(sent.link) : null,
      };
    },
  );

  r.post(
    '/api/referrals/:id/revoke',
    {
      schema: {
        tags: ['referrals'],
        summary: "Revokes a referral: the partner's access ends at once",
        params: IdParams,
        response: { 200: WorkerReferralView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      return presentOne(await revokeReferral(deps, actorOf(request), who, request.params.id));
    },
  );

  r.post(
    '/api/referrals/:id/remind',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Records that the worker chased the organisation for an answer',
        params: IdParams,
        response: { 200: WorkerReferralView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      return presentOne(await recordReminder(deps, actorOf(request), who, request.params.id));
    },
  );

  r.post(
    '/api/referrals/:id/link',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Issues a new secure link and code (the old link dies); shown once',
        params: IdParams,
        response: { 200: SecureLinkView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      return presentIssuedLink(await reissueLink(deps, actorOf(request), who, request.params.id));
    },
  );

  r.post(
    '/api/referrals/:id/code-delivered',
    {
      schema: {
        tags: ['referrals'],
        summary: "Marks the secure link's code as passed on over the second channel",
        params: IdParams,
        response: { 200: WorkerReferralView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canWorkReferrals(who));
      await markCodeDelivered(deps, actorOf(request), who, request.params.id);
      return presentOne((await referralById(deps.db, request.params.id))!);
    },
  );

  // -------------------------------------------------------------------------------------------
  // Partner users

  r.get(
    '/api/partner/referrals',
    {
      schema: {
        tags: ['referrals'],
        summary: "Referrals to the partner user's organisation (nothing shared in the list)",
        response: { 200: z.object({ items: z.array(PartnerReferralView) }), ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canReadPartnerReferrals(who));
      return { items: (await listPartnerReferrals(deps, who)).map(presentPartnerReferral) };
    },
  );

  r.get(
    '/api/partner/referrals/:id',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Opens one referral: what was shared, while it is open (audited)',
        params: IdParams,
        response: { 200: PartnerReferralView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canReadPartnerReferrals(who));
      return presentPartnerReferral(
        await openPartnerReferral(deps, actorOf(request), who, request.params.id),
      );
    },
  );

  r.post(
    '/api/partner/referrals/:id/answer',
    {
      schema: {
        tags: ['referrals'],
        summary: 'Accepts or declines (with a reason), or reports an outcome',
        params: IdParams,
        body: PartnerAnswerBody,
        response: { 200: PartnerReferralView, ...errors },
      },
    },
    async (request) => {
      const who = principalOf(requireAuth(request));
      authorize(canReadPartnerReferrals(who));
      return presentPartnerReferral(
        await answerAsPartnerUser(
          deps,
          actorOf(request),
          who,
          request.params.id,
          request.body.state,
          request.body.note ?? null,
        ),
      );
    },
  );
}
