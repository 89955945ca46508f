// Who may do what with cases, consent, referrals and the partner directory, through the API on both
// databases: one table of every action against every role — admin, supervisor, analyst, the
// outreach worker who owns the case, an outreach worker not on it, the partner user of the
// organisation referred to, one of another organisation, and a visitor not signed in — with the
// answer each must get. It holds least privilege as the issue means it: only the case's team (a
// supervisor, its owner) touches a case, consent or referral, and a worker not on the case cannot
// tell it exists (404); holds, erasure, transfer, reopening, alerts and HTCDS are a supervisor's; a
// partner user reads and answers the referrals to their own organisation and nothing else (another
// organisation's referral or directory entry does not exist for them: 404); analysts and admins
// read the directory (not personal data) but no case; keeping the directory is for supervisors and
// admins. Work on a closed case is refused to everyone (a supervisor reopens it first), though its
// consent can still be withdrawn; a held case is erased by nobody. A step that changes what it
// acts on gets fresh records for each role, so no answer depends on another role's turn; a last
// test checks that the table leaves out no route. That the list queries admit exactly what single
// reads admit, for every state and relation, is cases-access.db.test.ts's.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/app/http-server.js';
import { raiseLeadAlert } from '../../src/cases/index.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { fixedClock } from '../../src/platform/clock.js';
import { signedOut, signInAs, type ApiCall } from '../helpers/api-client.js';
import { newPartner, seedShelters } from '../helpers/partner-directory.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const clock = fixedClock('2026-12-07T10:00:00Z');
const WHO = [
  'admin',
  'supervisor',
  'analyst',
  'owner',
  'colleague',
  'partner',
  'otherPartner',
  'signedOut',
] as const;
type Who = (typeof WHO)[number];

let t: TestDatabase;
let app: FastifyInstance;
const call = {} as Record<Who, ApiCall>;
/** The shelter the partner user works for (reached in Ariadne), and one reached by secure link. */
let accountOrg: string;
let linkOrg: string;
let colleagueId: string;
const db = () => t.database.db;

async function must(p: ReturnType<ApiCall>, status = 200) {
  const { res, json } = await p;
  expect(res.statusCode, res.body).toBe(status);
  return json;
}

/** What an action acts on, made when first asked for, through the API as the team would. */
class Records {
  #memo = new Map<string, Promise<string>>();
  #once(key: string, make: () => Promise<string>) {
    if (!this.#memo.has(key)) this.#memo.set(key, make());
    return this.#memo.get(key)!;
  }
  /** A case the owner opened by hand, the person's consent to share with both shelters. */
  caseId() {
    return this.#once('case', async () => {
      const c = await must(
        call.owner('POST', '/api/cases', {
          age: 24,
          gender: 'female',
          languages: ['nl', 'en'],
          placeName: 'Utrecht',
          needs: ['shelter', 'legal'],
        }),
      );
      this.#memo.set('pseudonym', Promise.resolve(c.pseudonym as string));
      for (const organisationId of [accountOrg, linkOrg]) {
        const consent = await must(
          call.owner('POST', `/api/cases/${c.id as string}/consents`, {
            scope: 'share_with_org',
            organisationId,
            fields: ['alias', 'needs'],
            givenAt: clock.now().toISOString(),
            source: 'call_note',
            note: 'Agreed on the phone that the shelter may know her alias and needs.',
          }),
        );
        this.#memo.set(`consent:${organisationId}`, Promise.resolve(consent.id as string));
      }
      return c.id as string;
    });
  }
  async pseudonym() {
    await this.caseId();
    return this.#memo.get('pseudonym')!;
  }
  async consentId() {
    await this.caseId();
    return this.#memo.get(`consent:${accountOrg}`)!;
  }
  /** A referral sent to the partner user's organisation, or (`link`) by secure link. */
  referralId(to: 'account' | 'link' = 'account') {
    return this.#once(`referral:${to}`, async () => {
      const sent = await must(
        call.owner('POST', `/api/cases/${await this.caseId()}/referrals`, {
          partnerId: to === 'account' ? accountOrg : linkOrg,
          fields: ['alias'],
        }),
        201,
      );
      return (sent.referral as { id: string }).id;
    });
  }
  taskId() {
    return this.#once('task', async () => {
      const task = await must(
        call.owner('POST', `/api/cases/${await this.caseId()}/tasks`, {
          title: 'Call the shelter about a bed',
        }),
      );
      return task.id as string;
    });
  }
  closed() {
    return this.#once('closed', async () => {
      const id = await this.caseId();
      await must(
        call.owner('POST', `/api/cases/${id}/status`, { status: 'closed', outcome: 'helped' }),
      );
      return id;
    });
  }
  held() {
    return this.#once('held', async () => {
      const id = await this.caseId();
      await must(
        call.supervisor('POST', `/api/cases/${id}/hold`, { reason: 'Court order 12 (evidence)' }),
      );
      return id;
    });
  }
  /** The child protocol's alert, raised by a case the owner opened about a minor. */
  caseAlertId() {
    return this.#once('caseAlert', async () => {
      const c = await must(call.owner('POST', '/api/cases', { age: 16, needs: ['safety'] }));
      const alerts = await must(call.supervisor('GET', '/api/cases/alerts'));
      return (alerts.items as { id: string; caseId: string }[]).find((a) => a.caseId === c.id)!.id;
    });
  }
  /** A lead about a minor, as the scorer raises it. */
  leadAlertId() {
    return this.#once('leadAlert', async () => {
      const row = await raiseLeadAlert(db(), { entityId: randomUUID(), at: clock.now() });
      return row!.id;
    });
  }
}

/** One step: how to call it, on fresh records per role or on shared ones, and who gets what. */
interface Step {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: (r: Records) => Promise<string> | string;
  body?: (r: Records) => unknown;
  fresh?: boolean;
  /** The answers in WHO's order: admin supervisor analyst owner colleague partner signedOut. */
  expect: string;
  /** A partner user of another organisation: as the partner's answer unless said here. */
  otherPartner?: number;
}

// The answers that recur: the case's team on a case (a supervisor, its owner; a worker not on
// it cannot tell the case exists), case work without a case, a supervisor's decisions, a partner's.
const TEAM = '403 200 403 200 404 403 401';
const CASE_WORK = '403 200 403 200 200 403 401';
const SUPERVISOR_ON_CASE = '403 200 403 403 404 403 401';
const SUPERVISOR = '403 200 403 403 403 403 401';
const PARTNER = '403 403 403 403 403 200 401';
const DIRECTORY_READ = '200 200 200 200 200 403 401';
const DIRECTORY_KEEP = '200 200 403 403 403 403 401';
/** Work on a closed case: refused to the team too; still not found for a worker not on it. */
const CLOSED = '403 403 403 403 404 403 401';

const STEPS: Step[] = [
  // Cases
  { name: 'list cases', method: 'GET', path: () => '/api/cases', expect: CASE_WORK },
  {
    name: 'open a case',
    method: 'POST',
    path: () => '/api/cases',
    body: () => ({ needs: ['shelter'] }),
    expect: CASE_WORK,
  },
  { name: 'due tasks', method: 'GET', path: () => '/api/cases/due-tasks', expect: CASE_WORK },
  // Workers get an empty list: the alerts are a supervisor's.
  { name: 'case alerts', method: 'GET', path: () => '/api/cases/alerts', expect: CASE_WORK },
  {
    name: 'acknowledge a case alert',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/alerts/${await r.caseAlertId()}/acknowledge`,
    expect: SUPERVISOR,
  },
  { name: 'lead alerts', method: 'GET', path: () => '/api/cases/lead-alerts', expect: CASE_WORK },
  {
    name: 'acknowledge a lead alert',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/lead-alerts/${await r.leadAlertId()}/acknowledge`,
    expect: SUPERVISOR,
  },
  {
    name: 'read a case',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}`,
    expect: TEAM,
  },
  {
    name: 'change its facts',
    method: 'PATCH',
    path: async (r) => `/api/cases/${await r.caseId()}`,
    body: () => ({ needs: ['shelter', 'legal', 'medical'] }),
    expect: TEAM,
  },
  {
    name: 'close it',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/status`,
    body: () => ({ status: 'closed', outcome: 'helped' }),
    expect: TEAM,
  },
  {
    name: 'reopen it',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.closed()}/status`,
    body: () => ({ status: 'open' }),
    expect: SUPERVISOR_ON_CASE,
  },
  {
    name: 'set its colleagues',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.caseId()}/assign`,
    body: () => ({ assigneeIds: [] }),
    expect: TEAM,
  },
  {
    name: 'hand it to another owner',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/assign`,
    body: () => ({ ownerId: colleagueId }),
    expect: SUPERVISOR_ON_CASE,
  },
  {
    name: 'assess risk',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.caseId()}/risk`,
    body: () => ({ level: 'medium', answers: {} }),
    expect: TEAM,
  },
  {
    name: 'add a task',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.caseId()}/tasks`,
    body: () => ({ title: 'Follow up' }),
    expect: TEAM,
  },
  {
    name: 'change a task',
    method: 'PATCH',
    path: async (r) => `/api/cases/${await r.caseId()}/tasks/${await r.taskId()}`,
    body: () => ({ done: true }),
    expect: TEAM,
  },
  {
    name: 'delete a task',
    method: 'DELETE',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/tasks/${await r.taskId()}`,
    expect: TEAM,
  },
  {
    name: 'read its notes',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}/notes`,
    expect: TEAM,
  },
  {
    name: 'write a note',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.caseId()}/notes`,
    body: () => ({ text: 'Spoke on the phone.' }),
    expect: TEAM,
  },
  {
    name: 'who viewed it',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}/views`,
    expect: TEAM,
  },
  // Consent
  {
    name: 'record a consent',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.caseId()}/consents`,
    body: () => ({
      scope: 'contact_again',
      givenAt: clock.now().toISOString(),
      source: 'call_note',
      note: 'May be written to again.',
    }),
    expect: TEAM,
  },
  {
    name: 'withdraw a consent',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/consents/${await r.consentId()}/withdraw`,
    body: () => ({ source: 'call_note', note: 'Called back: no more sharing.' }),
    expect: TEAM,
  },
  // Subject rights
  {
    name: 'export the person’s data',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}/export`,
    expect: TEAM,
  },
  {
    name: 'list legal holds',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}/holds`,
    expect: TEAM,
  },
  {
    name: 'set a legal hold',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/hold`,
    body: () => ({ reason: 'Police request 7 (investigation)' }),
    expect: SUPERVISOR,
  },
  {
    name: 'lift a legal hold',
    method: 'DELETE',
    fresh: true,
    path: async (r) => `/api/cases/${await r.held()}/hold`,
    expect: SUPERVISOR.replace(' 200 ', ' 204 '),
  },
  {
    name: 'erase the case',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/erase`,
    body: async (r) => ({ confirmPseudonym: await r.pseudonym() }),
    expect: SUPERVISOR,
  },
  {
    name: 'export HTCDS',
    method: 'GET',
    path: () => '/api/cases/export/htcds',
    expect: SUPERVISOR,
  },
  // Admitted, then refused for its content (a document without cases): 422, not 200.
  {
    name: 'import HTCDS',
    method: 'POST',
    path: () => '/api/cases/import/htcds',
    body: () => ({}),
    expect: SUPERVISOR.replace(' 200 ', ' 422 '),
  },
  // Referrals, the worker's side
  {
    name: 'list a case’s referrals',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.caseId()}/referrals`,
    expect: TEAM,
  },
  {
    name: 'send a referral',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.caseId()}/referrals`,
    body: () => ({ partnerId: accountOrg, fields: ['alias'] }),
    expect: TEAM.replace(/ 200 /g, ' 201 '),
  },
  {
    name: 'revoke a referral',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/referrals/${await r.referralId()}/revoke`,
    expect: TEAM,
  },
  {
    name: 'record chasing the organisation',
    method: 'POST',
    path: async (r) => `/api/referrals/${await r.referralId()}/remind`,
    expect: TEAM,
  },
  {
    name: 'issue a new secure link',
    method: 'POST',
    path: async (r) => `/api/referrals/${await r.referralId('link')}/link`,
    expect: TEAM,
  },
  {
    name: 'mark the link’s code passed on',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/referrals/${await r.referralId('link')}/code-delivered`,
    expect: TEAM,
  },
  // Referrals, the partner's side
  {
    name: 'list referrals to my organisation',
    method: 'GET',
    path: () => '/api/partner/referrals',
    otherPartner: 200,
    expect: PARTNER,
  },
  {
    name: 'open a referral to my organisation',
    method: 'GET',
    path: async (r) => `/api/partner/referrals/${await r.referralId()}`,
    otherPartner: 404,
    expect: PARTNER,
  },
  {
    name: 'accept a referral',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/partner/referrals/${await r.referralId()}/answer`,
    body: () => ({ state: 'accepted' }),
    otherPartner: 404,
    expect: PARTNER,
  },
  // The partner directory
  {
    name: 'list the directory',
    method: 'GET',
    path: () => '/api/partners',
    otherPartner: 200,
    expect: '200 200 200 200 200 200 401',
  },
  {
    name: 'read my own organisation’s entry',
    method: 'GET',
    path: () => `/api/partners/${accountOrg}`,
    otherPartner: 404,
    expect: '200 200 200 200 200 200 401',
  },
  {
    name: 'read another organisation’s entry',
    method: 'GET',
    path: () => `/api/partners/${linkOrg}`,
    otherPartner: 404,
    expect: '200 200 200 200 200 404 401',
  },
  {
    name: 'export the directory as CSV',
    method: 'GET',
    path: () => '/api/partners.csv',
    expect: DIRECTORY_READ,
  },
  {
    name: 'match organisations to needs',
    method: 'POST',
    path: () => '/api/partners/match',
    body: () => ({ needs: ['shelter'] }),
    expect: DIRECTORY_READ,
  },
  {
    name: 'add an organisation',
    method: 'POST',
    path: () => '/api/partners',
    body: () => newPartner(`Roles Shelter ${randomUUID().slice(0, 8)}`),
    expect: DIRECTORY_KEEP,
  },
  {
    name: 'change an organisation',
    method: 'PATCH',
    path: () => `/api/partners/${linkOrg}`,
    body: async () => {
      const [row] = await db()
        .select()
        .from(partnerOrganisations)
        .where(eq(partnerOrganisations.id, linkOrg));
      return newPartner(row!.name);
    },
    expect: DIRECTORY_KEEP,
  },
  {
    name: 'import the directory',
    method: 'POST',
    path: () => '/api/partners/import',
    body: () => ({ csv: 'name,kind,services,regions,referral_channel\n' }),
    expect: DIRECTORY_KEEP,
  },
  // Record states: a closed case is read, exported, erased, and its consent withdrawn (a person
  // may withdraw at any time), but nobody works on it any more — not even a supervisor, who
  // reopens it first; a held case is erased by nobody.
  {
    name: 'read a closed case',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.closed()}`,
    expect: TEAM,
  },
  {
    name: 'change a closed case’s facts',
    method: 'PATCH',
    path: async (r) => `/api/cases/${await r.closed()}`,
    body: () => ({ needs: ['housing'] }),
    expect: CLOSED,
  },
  {
    name: 'write a note on a closed case',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.closed()}/notes`,
    body: () => ({ text: 'After closing.' }),
    expect: CLOSED,
  },
  {
    name: 'record a consent on a closed case',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.closed()}/consents`,
    body: () => ({
      scope: 'contact_again',
      givenAt: clock.now().toISOString(),
      source: 'call_note',
      note: 'May be written to again.',
    }),
    expect: CLOSED,
  },
  {
    name: 'withdraw a consent on a closed case',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.closed()}/consents/${await r.consentId()}/withdraw`,
    body: () => ({ source: 'call_note', note: 'Called after closing: no more sharing.' }),
    expect: TEAM,
  },
  {
    name: 'refer from a closed case',
    method: 'POST',
    path: async (r) => `/api/cases/${await r.closed()}/referrals`,
    body: () => ({ partnerId: accountOrg, fields: ['alias'] }),
    expect: CLOSED,
  },
  {
    name: 'export a closed case',
    method: 'GET',
    path: async (r) => `/api/cases/${await r.closed()}/export`,
    expect: TEAM,
  },
  {
    name: 'erase a closed case',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.closed()}/erase`,
    body: async (r) => ({ confirmPseudonym: await r.pseudonym() }),
    expect: SUPERVISOR,
  },
  {
    name: 'erase a held case',
    method: 'POST',
    fresh: true,
    path: async (r) => `/api/cases/${await r.held()}/erase`,
    body: async (r) => ({ confirmPseudonym: await r.pseudonym() }),
    expect: SUPERVISOR.replace(' 200 ', ' 409 '),
  },
];

/** The routes the table called, ids made `{}` (as the OpenAPI document writes parameters). */
const called = new Set<string>();
const routeOf = (url: string) =>
  url.split('?')[0]!.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{}');

function expected(step: Step): Record<Who, number> {
  const [admin, supervisor, analyst, owner, colleague, partner, signedOut, ...rest] = step.expect
    .split(' ')
    .map(Number);
  expect(rest, step.name).toEqual([]);
  const otherPartner = step.otherPartner ?? partner;
  const want = { admin, supervisor, analyst, owner, colleague, partner, otherPartner, signedOut };
  expect(
    Object.values(want).every((c) => c! >= 200),
    step.name,
  ).toBe(true);
  return want as Record<Who, number>;
}

beforeAll(async () => {
  // Some 350 requests from one address within the minute: the rate limit is not what is tested.
  t = await openTestDatabase({ RATE_LIMIT_PER_MINUTE: '100000' });
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
  call.admin = await signInAs(app, db(), 'admin');
  call.supervisor = await signInAs(app, db(), 'supervisor');
  call.analyst = await signInAs(app, db(), 'analyst');
  call.owner = await signInAs(app, db(), 'outreach_worker');
  call.colleague = await signInAs(app, db(), 'outreach_worker');
  call.partner = await signInAs(app, db(), 'partner');
  call.otherPartner = await signInAs(app, db(), 'partner');
  call.signedOut = await signedOut(app);
  colleagueId = ((await call.colleague('GET', '/api/auth/session')).json.user as { id: string }).id;
  const partnerOrgId = (
    (await call.partner('GET', '/api/auth/session')).json.user as {
      partnerOrgId: string;
    }
  ).partnerOrgId;
  ({ accountOrg, linkOrg } = await seedShelters(db(), clock, partnerOrgId));
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('roles × actions on cases, consent, referrals and the directory', () => {
  for (const step of STEPS) {
    it(`${step.name}: ${step.expect}`, async () => {
      const want = expected(step);
      const shared = new Records();
      const got = {} as Record<Who, number>;
      for (const who of WHO) {
        const records = step.fresh ? new Records() : shared;
        const path = await step.path(records);
        const body = step.body ? await step.body(records) : undefined;
        const { res } = await call[who](step.method, path, body);
        got[who] = res.statusCode;
        called.add(`${step.method} ${routeOf(path)}`);
        // Nothing of a case reaches anyone refused.
        if (res.statusCode >= 400) expect(res.body, `${who} ${step.name}`).not.toMatch(/pseudonym/);
      }
      expect(got).toEqual(want);
    });
  }

  it('leaves out no route of cases, referrals or the directory', () => {
    const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/((cases|referrals|partners)\b|partner\/)/.test(path))
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{[^}]+\}/g, '{}')}`),
      );
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !called.has(r)).sort()).toEqual([]);
  });
});
