// The shapes the cases API answers with: the response schemas of src/cases/routes.ts. The
// serializer keeps only what is named here, so a field leaves the server only if it is listed; the
// console's types are generated from these (scripts/openapi-types.ts).
import { z } from 'zod';
import { CASE_ACTIONS } from './domain/access.js';
import { CASE_ALERT_KINDS } from './domain/alerts.js';
import {
  CASE_ORIGINS,
  EXPLOITATION_TYPES,
  GENDERS,
  RISK_ANSWERS,
  RISK_LEVELS,
  RISK_QUESTIONS,
} from './domain/case-facts.js';
import {
  CASE_OUTCOMES,
  CASE_STATUSES,
  CONSENT_SCOPES,
  CONSENT_SOURCES,
  NEEDS,
  SHAREABLE_FIELDS,
} from './domain/vocabulary.js';

export const CaseStatus = z.enum(CASE_STATUSES).meta({ id: 'CaseStatus' });
export const CaseOutcome = z.enum(CASE_OUTCOMES).meta({ id: 'CaseOutcome' });
export const CaseNeed = z.enum(NEEDS).meta({ id: 'CaseNeed' });
export const CaseAction = z.enum(CASE_ACTIONS).meta({ id: 'CaseAction' });
export const ConsentScope = z.enum(CONSENT_SCOPES).meta({ id: 'ConsentScope' });
export const ConsentSource = z.enum(CONSENT_SOURCES).meta({ id: 'ConsentSource' });
export const ShareableField = z.enum(SHAREABLE_FIELDS).meta({ id: 'ShareableField' });
export const RiskLevel = z.enum(RISK_LEVELS).meta({ id: 'RiskLevel' });
export const RiskQuestion = z.enum(RISK_QUESTIONS).meta({ id: 'RiskQuestion' });
export const RiskAnswer = z.enum(RISK_ANSWERS).meta({ id: 'RiskAnswer' });
export const Gender = z.enum(GENDERS).meta({ id: 'Gender' });

export const CaseListItem = z.object({
  id: z.string(),
  pseudonym: z.string(),
  alias: z.string(),
  status: CaseStatus,
  outcome: CaseOutcome.nullable(),
  ownerId: z.string(),
  minor: z.boolean(),
  needs: z.array(CaseNeed),
  placeName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const CaseList = z.object({
  items: z.array(CaseListItem),
  nextCursor: z.string().nullable(),
});

export const CaseSummary = CaseListItem.extend({
  origin: z.enum(CASE_ORIGINS),
  assigneeIds: z.array(z.string()),
  gender: Gender.nullable(),
  age: z.number().nullable(),
  languages: z.array(z.string()),
  placeId: z.string().nullable(),
  nationality: z.string().nullable(),
  exploitationTypes: z.array(z.enum(EXPLOITATION_TYPES)),
  closedAt: z.string().nullable(),
});

export const Evidence = z.object({
  source: ConsentSource,
  messageId: z.string().nullable(),
  /** The person's message, as they wrote it, when the evidence is a message. */
  messageText: z.string().nullable(),
  messageAt: z.string().nullable(),
  note: z.string().nullable(),
});

export const ConsentView = z.object({
  id: z.string(),
  scope: ConsentScope,
  organisationId: z.string().nullable(),
  fields: z.array(ShareableField),
  givenAt: z.string(),
  expiresAt: z.string().nullable(),
  state: z.enum(['current', 'not_yet', 'expired', 'withdrawn', 'declined']),
  evidence: Evidence,
  recordedBy: z.string(),
  recordedAt: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
  withdrawal: Evidence.nullable(),
});

export const RiskAssessmentView = z.object({
  id: z.string(),
  assessedAt: z.string(),
  level: RiskLevel,
  answers: z.partialRecord(RiskQuestion, RiskAnswer),
  note: z.string().nullable(),
  assessedBy: z.string(),
});

export const TaskView = z.object({
  id: z.string(),
  title: z.string(),
  dueAt: z.string().nullable(),
  assigneeId: z.string().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
  /** Open and due by the server's now: the console shows it as a reminder. */
  due: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
});

export const AlertView = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(CASE_ALERT_KINDS),
  raisedAt: z.string(),
  raisedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});

export const LinkedConversation = z.object({
  conversationId: z.string(),
  kind: z.enum(['outreach', 'inbound', 'chat']),
  status: z.enum(['open', 'waiting', 'closed']),
  lastMessageAt: z.string(),
  linkedAt: z.string(),
});

export const LinkedEntity = z.object({
  entityId: z.string(),
  /** The entity's speakable alias (null if it no longer exists). */
  alias: z.string().nullable(),
  linkedAt: z.string(),
  /** Always true: an entity's number may be the controller's, not the person's. */
  mayBeControllers: z.literal(true),
});

export const CaseDetail = z.object({
  case: CaseSummary,
  /** What the reader may do here (the console offers only these). */
  actions: z.array(CaseAction),
  /** The statuses the reader may move the case to now. */
  nextStatuses: z.array(CaseStatus),
  consent: z.object({
    mayContactAgain: z.boolean(),
    mayKeepData: z.boolean(),
    records: z.array(ConsentView),
  }),
  risk: z.array(RiskAssessmentView),
  tasks: z.array(TaskView),
  alerts: z.array(AlertView),
  conversations: z.array(LinkedConversation),
  entities: z.array(LinkedEntity),
});

export const NoteView = z.object({
  id: z.string(),
  text: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
});

export const CaseViewEntry = z.object({
  userId: z.string().nullable(),
  userLabel: z.string(),
  part: z.enum(['case', 'notes']),
  viewedAt: z.string(),
});

export const DueTask = TaskView.extend({
  caseId: z.string(),
  caseAlias: z.string(),
  casePseudonym: z.string(),
});

export const OpenAlert = AlertView.extend({ caseAlias: z.string(), casePseudonym: z.string() });
