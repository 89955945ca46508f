// Calls and response shapes of cases (see src/cases/routes.ts on the server). The server decides
// every rule (who sees a case, which status step is allowed, what a consent must name) and says
// with each case which actions the reader may take: the pages offer only those.
import { api } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';
import {
  caseNeedValues,
  caseOutcomeValues,
  caseStatusValues,
  consentScopeValues,
  consentSourceValues,
  genderValues,
  riskAnswerValues,
  riskLevelValues,
  riskQuestionValues,
  shareableFieldValues,
} from '../api/schema';

export const CASE_STATUSES = caseStatusValues;
export const CASE_OUTCOMES = caseOutcomeValues;
export const NEEDS = caseNeedValues;
export const CONSENT_SCOPES = consentScopeValues;
export const CONSENT_SOURCES = consentSourceValues;
export const SHAREABLE_FIELDS = shareableFieldValues;
export const RISK_LEVELS = riskLevelValues;
export const RISK_QUESTIONS = riskQuestionValues;
export const RISK_ANSWERS = riskAnswerValues;
export const GENDERS = genderValues;

export type CaseStatus = Schemas['CaseStatus'];
export type CaseOutcome = Schemas['CaseOutcome'];
export type CaseNeed = Schemas['CaseNeed'];
export type CaseAction = Schemas['CaseAction'];
export type ConsentScope = Schemas['ConsentScope'];
export type ConsentSource = Schemas['ConsentSource'];
export type ShareableField = Schemas['ShareableField'];
export type RiskLevel = Schemas['RiskLevel'];
export type RiskQuestion = Schemas['RiskQuestion'];
export type RiskAnswer = Schemas['RiskAnswer'];

export type CaseList = Answer<'/api/cases'>;
export type CaseListItem = CaseList['items'][number];
export type CaseDetail = Answer<'/api/cases/{id}'>;
export type CaseSummary = CaseDetail['case'];
export type ExploitationType = CaseSummary['exploitationTypes'][number];
export const EXPLOITATION_TYPES = [
  'sexual',
  'labour',
  'criminality',
  'begging',
  'other',
] as const satisfies readonly ExploitationType[];
export type ConsentView = CaseDetail['consent']['records'][number];
export type TaskView = CaseDetail['tasks'][number];
export type NoteView = Answer<'/api/cases/{id}/notes'>['items'][number];
export type CaseViewEntry = Answer<'/api/cases/{id}/views'>['items'][number];
export type DueTask = Answer<'/api/cases/due-tasks'>['items'][number];
export type OpenAlert = Answer<'/api/cases/alerts'>['items'][number];

export type OpenCaseRequest = Body<'/api/cases', 'post'>;
export type CaseFactsPatch = Body<'/api/cases/{id}', 'patch'>;
export type StatusChange = Body<'/api/cases/{id}/status', 'post'>;
export type ConsentRequest = Body<'/api/cases/{id}/consents', 'post'>;
export type WithdrawalRequest = Body<'/api/cases/{id}/consents/{consentId}/withdraw', 'post'>;
export type RiskRequest = Body<'/api/cases/{id}/risk', 'post'>;
export type TaskRequest = Body<'/api/cases/{id}/tasks', 'post'>;
export type TaskPatch = Body<'/api/cases/{id}/tasks/{taskId}', 'patch'>;
export type AssignRequest = Body<'/api/cases/{id}/assign', 'post'>;

const id = (s: string) => encodeURIComponent(s);

export interface CaseFilters {
  status?: CaseStatus;
  mine?: boolean;
}

export function listCases(f: CaseFilters, cursor: string | null): Promise<CaseList> {
  const q = new URLSearchParams({ limit: '50' });
  if (f.status) q.set('status', f.status);
  if (f.mine) q.set('mine', 'true');
  if (cursor) q.set('cursor', cursor);
  return api.get<CaseList>(`/api/cases?${q.toString()}`);
}

export const openCase = (body: OpenCaseRequest) =>
  api.post<Answer<'/api/cases', 'post'>>('/api/cases', body);
export const fetchCase = (caseId: string) => api.get<CaseDetail>(`/api/cases/${id(caseId)}`);
export const updateCaseFacts = (caseId: string, patch: CaseFactsPatch) =>
  api.patch<CaseSummary>(`/api/cases/${id(caseId)}`, patch);
export const changeStatus = (caseId: string, change: StatusChange) =>
  api.post<CaseSummary>(`/api/cases/${id(caseId)}/status`, change);
export const assignCase = (caseId: string, body: AssignRequest) =>
  api.post<CaseSummary>(`/api/cases/${id(caseId)}/assign`, body);
export const recordConsent = (caseId: string, body: ConsentRequest) =>
  api.post<ConsentView>(`/api/cases/${id(caseId)}/consents`, body);
export const withdrawConsent = (caseId: string, consentId: string, body: WithdrawalRequest) =>
  api.post<ConsentView>(`/api/cases/${id(caseId)}/consents/${id(consentId)}/withdraw`, body);
export const assessRisk = (caseId: string, body: RiskRequest) =>
  api.post<unknown>(`/api/cases/${id(caseId)}/risk`, body);
export const addTask = (caseId: string, body: TaskRequest) =>
  api.post<TaskView>(`/api/cases/${id(caseId)}/tasks`, body);
export const updateTask = (caseId: string, taskId: string, patch: TaskPatch) =>
  api.patch<TaskView>(`/api/cases/${id(caseId)}/tasks/${id(taskId)}`, patch);
export const deleteTask = (caseId: string, taskId: string) =>
  api.delete<unknown>(`/api/cases/${id(caseId)}/tasks/${id(taskId)}`);
export async function fetchNotes(caseId: string): Promise<NoteView[]> {
  return (await api.get<Answer<'/api/cases/{id}/notes'>>(`/api/cases/${id(caseId)}/notes`)).items;
}
export const addNote = (caseId: string, text: string) =>
  api.post<NoteView>(`/api/cases/${id(caseId)}/notes`, { text });
export async function fetchViews(caseId: string): Promise<CaseViewEntry[]> {
  return (await api.get<Answer<'/api/cases/{id}/views'>>(`/api/cases/${id(caseId)}/views`)).items;
}
export async function fetchDueTasks(): Promise<DueTask[]> {
  return (await api.get<Answer<'/api/cases/due-tasks'>>('/api/cases/due-tasks')).items;
}
export async function fetchAlerts(): Promise<OpenAlert[]> {
  return (await api.get<Answer<'/api/cases/alerts'>>('/api/cases/alerts')).items;
}
export const acknowledgeAlert = (alertId: string) =>
  api.post<unknown>(`/api/cases/alerts/${id(alertId)}/acknowledge`, {});
/** Leads about a minor that scoring found (the child protocol), shown beside the cases' alerts. */
export type LeadAlert = Answer<'/api/cases/lead-alerts'>['items'][number];
export async function fetchLeadAlerts(): Promise<LeadAlert[]> {
  return (await api.get<Answer<'/api/cases/lead-alerts'>>('/api/cases/lead-alerts')).items;
}
export const acknowledgeLeadAlert = (alertId: string) =>
  api.post<unknown>(`/api/cases/lead-alerts/${id(alertId)}/acknowledge`, {});

// The person's rights: a copy of their data, a legal hold, erasure (src/cases/subject-rights).
export type CaseHold = Answer<'/api/cases/{id}/holds'>[number];
export type ErasureResult = Answer<'/api/cases/{id}/erase', 'post'>;
/** The address of a subject export, for a download link (the session cookie goes with it). */
export const exportUrl = (caseId: string, format: 'json' | 'html', notes: boolean) =>
  `/api/cases/${id(caseId)}/export?format=${format}&notes=${notes}`;
export const fetchHolds = (caseId: string) => api.get<CaseHold[]>(`/api/cases/${id(caseId)}/holds`);
export const setHold = (caseId: string, reason: string) =>
  api.post<{ id: string }>(`/api/cases/${id(caseId)}/hold`, { reason });
export const liftHold = (caseId: string) => api.delete<null>(`/api/cases/${id(caseId)}/hold`);
export const eraseCase = (caseId: string, confirmPseudonym: string) =>
  api.post<ErasureResult>(`/api/cases/${id(caseId)}/erase`, { confirmPseudonym });

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilters) => ['cases', 'list', f] as const,
  detail: (caseId: string) => ['cases', 'detail', caseId] as const,
  notes: (caseId: string) => ['cases', 'notes', caseId] as const,
  views: (caseId: string) => ['cases', 'views', caseId] as const,
  dueTasks: ['cases', 'due-tasks'] as const,
  alerts: ['cases', 'alerts'] as const,
  leadAlerts: ['cases', 'lead-alerts'] as const,
};
