// The referral calls of the console: a case's referrals with their history, sending one, revoking,
// recording a chase, a new secure link, the code passed on; and, for partner users, the referrals
// to their organisation, one opened (audited on the server) and their answer. Reads of what was
// shared happen only when someone opens it, never in the background.
import { api } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';

export type WorkerReferral = Schemas['WorkerReferral'];
export type PartnerReferral = Schemas['PartnerReferral'];
export type ReferralState = Schemas['ReferralState'];
export type ShareableField = Schemas['ShareableField'];
export type SentReferral = Answer<'/api/cases/{caseId}/referrals', 'post', 201>;
export type IssuedLink = Schemas['IssuedSecureLink'];
export type SendReferral = Body<'/api/cases/{caseId}/referrals', 'post'>;
export type CaseDetail = Answer<'/api/cases/{id}'>;
export type PartnerMatch = Schemas['PartnerMatch'];
export type MatchInput = Body<'/api/partners/match', 'post'>;

const enc = encodeURIComponent;

export const listCaseReferrals = (caseId: string) =>
  api.get<{ items: WorkerReferral[] }>(`/api/cases/${enc(caseId)}/referrals`);
export const sendReferral = (caseId: string, body: SendReferral) =>
  api.post<SentReferral>(`/api/cases/${enc(caseId)}/referrals`, body);
export const revokeReferral = (id: string) =>
  api.post<WorkerReferral>(`/api/referrals/${enc(id)}/revoke`);
export const recordChase = (id: string) =>
  api.post<WorkerReferral>(`/api/referrals/${enc(id)}/remind`);
export const newLink = (id: string) => api.post<IssuedLink>(`/api/referrals/${enc(id)}/link`);
export const codePassedOn = (id: string) =>
  api.post<WorkerReferral>(`/api/referrals/${enc(id)}/code-delivered`);
export const matchPartners = (input: MatchInput) =>
  api.post<{ items: PartnerMatch[] }>('/api/partners/match', input);

export const listPartnerReferrals = () =>
  api.get<{ items: PartnerReferral[] }>('/api/partner/referrals');
export const openPartnerReferral = (id: string) =>
  api.get<PartnerReferral>(`/api/partner/referrals/${enc(id)}`);
export const answerReferral = (id: string, state: ReferralState, note: string) =>
  api.post<PartnerReferral>(`/api/partner/referrals/${enc(id)}/answer`, {
    state,
    ...(note.trim() ? { note: note.trim() } : {}),
  });

export const referralKeys = {
  ofCase: (caseId: string) => ['referrals', 'case', caseId] as const,
  match: (caseId: string) => ['referrals', 'match', caseId] as const,
  inbox: ['referrals', 'inbox'] as const,
  opened: (id: string) => ['referrals', 'opened', id] as const,
};
