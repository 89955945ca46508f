// HTTP routes of cases: open (from a conversation or by hand), list, read (audited, recorded as a
// view), change facts and needs, status, team, risk, consent and its withdrawal, tasks, notes, who
// viewed, due tasks and the supervisors' alerts. Each handler authenticates, calls one service or
// read function (which applies the access rules of src/cases/domain/access.ts, the one place
// those live) and answers through a response schema of views.ts.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { entityAliases } from '../link/index.js';
import { z } from 'zod';
import type { Principal } from '../platform/auth/policy.js';
import { actorOf, authorize, principalOf, requireAuth } from '../platform/http/auth-plugin.js';
import { ErrorResponse } from '../platform/http/errors.js';
import { mayEverOnCases } from './domain/access.js';
import { receivesCaseAlerts } from './domain/alerts.js';
import {
  caseViewers,
  dueTasks,
  listCases,
  openAlerts,
  presentAlert,
  presentCase,
  presentConsent,
  presentRisk,
  presentTask,
  readCase,
  readCaseNotes,
} from './reads.js';
import {
  acknowledgeAlert,
  addCaseNote,
  addTask,
  assignCase,
  AssignInput,
  assessRisk,
  CaseFacts,
  changeCaseStatus,
  ConsentInput,
  deleteTask,
  NoteInput,
  openCase,
  OpenCaseInput,
  recordConsent,
  RiskInput,
  StatusChange,
  TaskInput,
  TaskPatch,
  updateCaseFacts,
  updateTask,
  WithdrawalInput,
  withdrawConsent,
  type CasesDeps,
} from './service.js';
import {
  AlertView,
  CaseDetail,
  CaseList,
  CaseStatus,
  CaseSummary,
  CaseViewEntry,
  ConsentView,
  DueTask,
  NoteView,
  OpenAlert,
  RiskAssessmentView,
  TaskView,
} from './views.js';
import {
  acknowledgeLeadAlert,
  LeadAlertView,
  openLeadAlerts,
  presentLeadAlert,
} from './lead-alerts.js';

/** Who works with cases at all (the page shows; each case then asks its own rules). */
export const canWorkCases = (p: Principal) => mayEverOnCases(p, 'view_case');
/** The child protocol alerts supervisors. */
export const canReceiveCaseAlerts = (p: Principal) => receivesCaseAlerts(p);

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};
const IdParams = z.object({ id: z.uuid() });
const ConsentParams = z.object({ id: z.uuid(), consentId: z.uuid() });
const TaskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
const CaseListQuery = z.object({
  status: CaseStatus.optional(),
  minor: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export function registerCasesRoutes(app: FastifyInstance, deps: CasesDeps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const keys = () => deps.config.secrets.fieldKeys;
  /** Signed in, and a role that works cases; the case's own rules are the service's. */
  const caseWorker = (request: Parameters<typeof requireAuth>[0]) => {
    authorize(canWorkCases(principalOf(requireAuth(request))));
    return actorOf(request);
  };

  r.get(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Cases the reader may see, most recently changed first',
        querystring: CaseListQuery,
        response: { 200: CaseList, ...errors },
      },
    },
    async (request) => listCases(deps, caseWorker(request), request.query),
  );

  r.post(
    '/api/cases',
    {
      schema: {
        tags: ['cases'],
        summary: 'Opens a case, from a conversation (linking it and its entity) or by hand',
        body: OpenCaseInput,
        response: { 200: CaseSummary, ...errors },
      },
    },
    async (request) => presentCase(await openCase(deps, caseWorker(request), request.body)),
  );

  r.get(
    '/api/cases/due-tasks',
    {
      schema: {
        tags: ['cases'],
        summary: "The reader's open tasks that are due (reminders)",
        response: { 200: z.object({ items: z.array(DueTask) }), ...errors },
      },
    },
    async (request) => ({ items: await dueTasks(deps, caseWorker(request)) }),
  );

  r.get(
    '/api/cases/alerts',
    {
      schema: {
        tags: ['cases'],
        summary:
          'Alerts no supervisor acknowledged yet (a case about a minor; consent to keep data ended)',
        response: { 200: z.object({ items: z.array(OpenAlert) }), ...errors },
      },
    },
    async (request) => ({ items: await openAlerts(deps, caseWorker(request)) }),
  );

  r.post(
    '/api/cases/alerts/:id/acknowledge',
    {
      schema: {
        tags: ['cases'],
        summary: 'A supervisor acknowledges an alert',
        params: IdParams,
        response: { 200: AlertView, ...errors },
      },
    },
    async (request) =>
      presentAlert(await acknowledgeAlert(deps, caseWorker(request), request.params.id)),
  );

  r.get(
    '/api/cases/lead-alerts',
    {
      schema: {
        tags: ['cases'],
        summary: 'Leads about a minor no supervisor acknowledged yet (the child protocol)',
        response: { 200: z.object({ items: z.array(LeadAlertView) }), ...errors },
      },
    },
    async (request) => ({ items: await openLeadAlerts(deps, caseWorker(request)) }),
  );

  r.post(
    '/api/cases/lead-alerts/:id/acknowledge',
    {
      schema: {
        tags: ['cases'],
        summary: "A supervisor acknowledges a lead's minor alert",
        params: IdParams,
        response: { 200: LeadAlertView, ...errors },
      },
    },
    async (request) => {
      const alert = await acknowledgeLeadAlert(deps, caseWorker(request), request.params.id);
      const alias = (await entityAliases(deps.db, [alert.entityId])).get(alert.entityId) ?? null;
      return presentLeadAlert(alert, alias);
    },
  );

  r.get(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'One case with its consents, risk, tasks, alerts and links (audited)',
        params: IdParams,
        response: { 200: CaseDetail, ...errors },
      },
    },
    async (request) => readCase(deps, caseWorker(request), request.params.id),
  );

  r.patch(
    '/api/cases/:id',
    {
      schema: {
        tags: ['cases'],
        summary: 'Changes what is known: needs, minor, gender, age, languages, place',
        params: IdParams,
        body: CaseFacts,
        response: { 200: CaseSummary, ...errors },
      },
    },
    async (request) =>
      presentCase(
        await updateCaseFacts(deps, caseWorker(request), request.params.id, request.body),
      ),
  );

  r.post(
    '/api/cases/:id/status',
    {
      schema: {
        tags: ['cases'],
        summary: 'Moves the case on (open → referral → in care → closed with outcome)',
        params: IdParams,
        body: StatusChange,
        response: { 200: CaseSummary, ...errors },
      },
    },
    async (request) =>
      presentCase(
        await changeCaseStatus(deps, caseWorker(request), request.params.id, request.body),
      ),
  );

  r.post(
    '/api/cases/:id/assign',
    {
      schema: {
        tags: ['cases'],
        summary: 'Sets the colleagues on the case, or hands it to another owner (a supervisor)',
        params: IdParams,
        body: AssignInput,
        response: { 200: CaseSummary, ...errors },
      },
    },
    async (request) =>
      presentCase(await assignCase(deps, caseWorker(request), request.params.id, request.body)),
  );

  r.post(
    '/api/cases/:id/risk',
    {
      schema: {
        tags: ['cases'],
        summary: 'A dated risk assessment',
        params: IdParams,
        body: RiskInput,
        response: { 200: RiskAssessmentView, ...errors },
      },
    },
    async (request) =>
      presentRisk(
        keys(),
        await assessRisk(deps, caseWorker(request), request.params.id, request.body),
      ),
  );

  r.post(
    '/api/cases/:id/consents',
    {
      schema: {
        tags: ['cases'],
        summary: 'Records a consent the person gave, with its evidence',
        params: IdParams,
        body: ConsentInput,
        response: { 200: ConsentView, ...errors },
      },
    },
    async (request) => {
      const row = await recordConsent(deps, caseWorker(request), request.params.id, request.body);
      return presentConsent(deps, row, deps.clock.now());
    },
  );

  r.post(
    '/api/cases/:id/consents/:consentId/withdraw',
    {
      schema: {
        tags: ['cases'],
        summary: 'Records that the person withdrew a consent; it ends at once',
        params: ConsentParams,
        body: WithdrawalInput,
        response: { 200: ConsentView, ...errors },
      },
    },
    async (request) => {
      const { id, consentId } = request.params;
      const row = await withdrawConsent(deps, caseWorker(request), id, consentId, request.body);
      return presentConsent(deps, row, deps.clock.now());
    },
  );

  r.post(
    '/api/cases/:id/tasks',
    {
      schema: {
        tags: ['cases'],
        summary: 'A task or follow-up, with a due date for its reminder',
        params: IdParams,
        body: TaskInput,
        response: { 200: TaskView, ...errors },
      },
    },
    async (request) =>
      presentTask(
        keys(),
        await addTask(deps, caseWorker(request), request.params.id, request.body),
        deps.clock.now(),
      ),
  );

  r.patch(
    '/api/cases/:id/tasks/:taskId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Changes a task, or marks it done or not done',
        params: TaskParams,
        body: TaskPatch,
        response: { 200: TaskView, ...errors },
      },
    },
    async (request) => {
      const { id, taskId } = request.params;
      const row = await updateTask(deps, caseWorker(request), id, taskId, request.body);
      return presentTask(keys(), row, deps.clock.now());
    },
  );

  r.delete(
    '/api/cases/:id/tasks/:taskId',
    {
      schema: {
        tags: ['cases'],
        summary: 'Deletes a task',
        params: TaskParams,
        response: { 200: z.object({ deleted: z.literal(true) }), ...errors },
      },
    },
    async (request) => {
      const { id, taskId } = request.params;
      await deleteTask(deps, caseWorker(request), id, taskId);
      return { deleted: true as const };
    },
  );

  r.get(
    '/api/cases/:id/notes',
    {
      schema: {
        tags: ['cases'],
        summary: "The case's notes (a read of its own: recorded and audited)",
        params: IdParams,
        response: { 200: z.object({ items: z.array(NoteView) }), ...errors },
      },
    },
    async (request) => ({
      items: await readCaseNotes(deps, caseWorker(request), request.params.id),
    }),
  );

  r.post(
    '/api/cases/:id/notes',
    {
      schema: {
        tags: ['cases'],
        summary: 'Adds a note (encrypted at rest)',
        params: IdParams,
        body: NoteInput,
        response: { 200: NoteView, ...errors },
      },
    },
    async (request) => {
      const row = await addCaseNote(deps, caseWorker(request), request.params.id, request.body);
      return {
        id: row.id,
        text: request.body.text,
        authorId: row.authorId,
        createdAt: row.createdAt.toISOString(),
      };
    },
  );

  r.get(
    '/api/cases/:id/views',
    {
      schema: {
        tags: ['cases'],
        summary: 'Who viewed this case, and when',
        params: IdParams,
        response: { 200: z.object({ items: z.array(CaseViewEntry) }), ...errors },
      },
    },
    async (request) => ({ items: await caseViewers(deps, caseWorker(request), request.params.id) }),
  );
}
