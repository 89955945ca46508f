// Referrals end to end on both databases, through the API and the secure-link page: a field outside
// the person's consent cannot be shared (refused, naming it, nothing written); a partner user sees
// referrals to their own organisation only, opens one (audited, in the case history), answers and
// reports outcomes; an organisation without an account opens its link only with the code, wrong
// codes lock it, it expires, and revoking or withdrawing consent ends the access of both at once —
// the partner reads "revoked", not why. A minor is reported to the police on the duty to protect,
// with who decided and why; an expired consent ends open referrals, sent, accepted or in care —
// at the very moment it expires, on the partner's next read, answer or link and on the worker's
// list, without waiting for the scheduled check —
// and unanswered ones remind. After a worker revokes, the partner user and the link read "revoked"
// and nothing of the person or of why.
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpServer } from '../../src/app/http-server.js';
import { referralDepsOf } from '../../src/app/referrals.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { endReferralsWithoutConsent, remindUnanswered } from '../../src/cases/referrals/service.js';
import { referralEvents, referrals, secureLinks } from '../../src/cases/referrals/schema.js';
import type { ShareableField } from '../../src/cases/domain/vocabulary.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { fixedClock } from '../../src/platform/clock.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { seedShelters } from '../helpers/partner-directory.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const DAY = 86_400_000;
const clock = fixedClock('2026-12-07T10:00:00Z');
let t: TestDatabase;
let app: FastifyInstance;
let worker: ApiCall;
let colleague: ApiCall;
let partnerUser: ApiCall;
let otherPartner: ApiCall;
/** A shelter reached through its users in Ariadne, and one reached by secure link. */
let accountOrg: string;
let linkOrg: string;
let policeOrg: string;

const db = () => t.database.db;
const deps = () => referralDepsOf(t.config, t.database, clock);

async function userOf(call: ApiCall) {
  const { json } = await call('GET', '/api/auth/session');
  return json.user as { id: string; partnerOrgId: string | null };
}

interface NewCase {
  id: string;
  alias: string;
}

/** A case opened by hand by the worker, through the cases API. */
async function newCase(facts: Record<string, unknown> = {}): Promise<NewCase> {
  const { res, json } = await worker('POST', '/api/cases', {
    age: 24,
    gender: 'female',
    languages: ['ro', 'en'],
    placeName: 'Utrecht',
    needs: ['shelter', 'legal'],
    ...facts,
  });
  expect(res.statusCode).toBe(200);
  return json as unknown as NewCase;
}

async function consentTo(
  caseId: string,
  organisationId: string,
  fields: ShareableField[],
  expiresAt: Date | null = null,
) {
  const { res, json } = await worker('POST', `/api/cases/${caseId}/consents`, {
    scope: 'share_with_org',
    organisationId,
    fields,
    givenAt: new Date(clock.now().getTime() - DAY).toISOString(),
    expiresAt: expiresAt?.toISOString() ?? null,
    source: 'call_note',
    note: 'Agreed on the phone to share this with the shelter.',
  });
  expect(res.statusCode).toBe(200);
  return json as { id: string; caseId?: string };
}

/** The person withdraws on the phone: through the cases API, whose hook ends referrals at once. */
async function withdraw(caseId: string, consentId: string) {
  const { res } = await worker('POST', `/api/cases/${caseId}/consents/${consentId}/withdraw`, {
    source: 'call_note',
    note: 'Called back: does not want the shelter to have her details any more.',
  });
  expect(res.statusCode).toBe(200);
}

async function refer(caseId: string, body: Record<string, unknown>, as: ApiCall = worker) {
  return as('POST', `/api/cases/${caseId}/referrals`, body);
}

/** The secure-link page as a browser without an account uses it: cookie kept, forms posted. */
function browser() {
  let cookie = '';
  return async (method: 'GET' | 'POST', url: string, form?: Record<string, string>) => {
    const res = await app.inject({
      method,
      url,
      headers: {
        cookie,
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number }[]) {
      cookie = c.value && c.maxAge !== 0 ? `${c.name}=${c.value}` : '';
    }
    return res;
  };
}

const linkPath = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
  worker = await signInAs(app, db(), 'outreach_worker');
  colleague = await signInAs(app, db(), 'outreach_worker');
  partnerUser = await signInAs(app, db(), 'partner');
  otherPartner = await signInAs(app, db(), 'partner');
  const partnerOrgId = (await userOf(partnerUser)).partnerOrgId!;
  ({ accountOrg, linkOrg } = await seedShelters(db(), clock, partnerOrgId));
  policeOrg = (await db().select().from(partnerOrganisations)).find((p) => p.kind === 'police')!.id;
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('sending within consent', () => {
  it('refuses every field outside consent, names them, and writes nothing', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias', 'needs']);
    const { res, json } = await refer(c.id, {
      partnerId: accountOrg,
      fields: ['alias', 'needs', 'contact_address', 'age'],
    });
    expect(res.statusCode).toBe(403);
    expect(json.error).toMatchObject({
      reason: 'outside_consent',
      outside: ['age', 'contact_address'],
      shareable: ['alias', 'needs'],
    });
    const written = await db().select().from(referrals).where(eq(referrals.caseId, c.id));
    expect(written).toEqual([]);
  });

  it('refuses any field for an organisation the person did not name, and a consent for another', async () => {
    const c = await newCase();
    await consentTo(c.id, linkOrg, ['alias']);
    const { res, json } = await refer(c.id, { partnerId: accountOrg, fields: ['alias'] });
    expect(res.statusCode).toBe(403);
    expect(json.error).toMatchObject({ reason: 'no_consent', outside: ['alias'] });
  });

  it('refuses fields that do not exist, and a note that was not ticked', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias', 'handoff_note']);
    const unknown = await refer(c.id, { partnerId: accountOrg, fields: ['alias', 'passport'] });
    expect(unknown.res.statusCode).toBe(400);
    const note = await refer(c.id, {
      partnerId: accountOrg,
      fields: ['alias'],
      handoffNote: 'She prefers a female contact.',
    });
    expect(note.res.statusCode).toBe(400);
    expect(await db().select().from(referrals).where(eq(referrals.caseId, c.id))).toEqual([]);
  });

  it('lets only the case’s team refer: a colleague without the case gets "not found", a partner 403', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias']);
    expect(
      (await refer(c.id, { partnerId: accountOrg, fields: ['alias'] }, colleague)).res.statusCode,
    ).toBe(404);
    expect(
      (await refer(c.id, { partnerId: accountOrg, fields: ['alias'] }, partnerUser)).res.statusCode,
    ).toBe(403);
    expect((await colleague('GET', `/api/cases/${c.id}/referrals`)).res.statusCode).toBe(404);
  });
});

describe('a partner user', () => {
  it('sees referrals to its organisation only, opens one (audited, in the history), answers and reports', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias', 'languages', 'needs', 'handoff_note']);
    const sent = await refer(c.id, {
      partnerId: accountOrg,
      fields: ['needs', 'alias', 'handoff_note'],
      handoffNote: 'She prefers a female contact.',
    });
    expect(sent.res.statusCode).toBe(201);
    const referral = (sent.json as { referral: { id: string; channel: string } }).referral;
    expect(referral.channel).toBe('account');
    expect(sent.json.secureLink).toBeNull();

    const list = await partnerUser('GET', '/api/partner/referrals');
    const items = list.json.items as { id: string; shared: unknown }[];
    expect(items.map((i) => i.id)).toContain(referral.id);
    expect(items.every((i) => i.shared === null)).toBe(true);
    expect((await otherPartner('GET', '/api/partner/referrals')).json.items).toEqual([]);
    expect(
      (await otherPartner('GET', `/api/partner/referrals/${referral.id}`)).res.statusCode,
    ).toBe(404);
    expect((await worker('GET', '/api/partner/referrals')).res.statusCode).toBe(403);

    const opened = await partnerUser('GET', `/api/partner/referrals/${referral.id}`);
    expect(opened.res.statusCode).toBe(200);
    expect(opened.json.shared).toEqual({
      alias: c.alias,
      needs: ['shelter', 'legal'],
      handoff_note: 'She prefers a female contact.',
    });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.open'), eq(auditLog.targetId, referral.id)));
    expect(audits).toHaveLength(1);

    const declineBare = await partnerUser('POST', `/api/partner/referrals/${referral.id}/answer`, {
      state: 'declined',
    });
    expect(declineBare.res.statusCode).toBe(400);
    const skip = await partnerUser('POST', `/api/partner/referrals/${referral.id}/answer`, {
      state: 'helped',
    });
    expect(skip.res.statusCode).toBe(409);
    for (const state of ['accepted', 'intake_done', 'in_care']) {
      const step = await partnerUser('POST', `/api/partner/referrals/${referral.id}/answer`, {
        state,
      });
      expect(step.res.statusCode).toBe(200);
    }
    const history = await worker('GET', `/api/cases/${c.id}/referrals`);
    const mine = (
      history.json.items as { id: string; state: string; events: { kind: string }[] }[]
    ).find((r) => r.id === referral.id)!;
    expect(mine.state).toBe('in_care');
    expect(mine.events.map((e) => e.kind)).toEqual([
      'sent',
      'opened',
      'accepted',
      'intake_done',
      'in_care',
    ]);
  });

  it('loses access at once when consent is withdrawn, and reads "revoked", not why', async () => {
    const c = await newCase();
    const consent = await consentTo(c.id, accountOrg, ['alias', 'needs']);
    const sent = await refer(c.id, { partnerId: accountOrg, fields: ['alias'] });
    const id = (sent.json.referral as { id: string }).id;
    expect((await partnerUser('GET', `/api/partner/referrals/${id}`)).json.shared).toEqual({
      alias: c.alias,
    });
    await withdraw(c.id, consent.id);
    const after = await partnerUser('GET', `/api/partner/referrals/${id}`);
    expect(after.res.statusCode).toBe(200);
    expect(after.json).toMatchObject({ state: 'revoked', shared: null, fields: [], next: [] });
    expect(after.res.body).not.toContain(c.alias);
    expect(after.res.body).not.toContain('consent');
    const answer = await partnerUser('POST', `/api/partner/referrals/${id}/answer`, {
      state: 'accepted',
    });
    expect(answer.res.statusCode).toBe(409);
    const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
    expect(row).toMatchObject({ state: 'revoked', endCause: 'consent_withdrawn' });
  });
});

describe('a secure link', () => {
  async function sendByLink(fields: ShareableField[] = ['alias', 'age']) {
    const c = await newCase();
    const consent = await consentTo(c.id, linkOrg, ['alias', 'age', 'needs']);
    const sent = await refer(c.id, { partnerId: linkOrg, fields });
    expect(sent.res.statusCode).toBe(201);
    const link = sent.json.secureLink as { url: string; code: string; codeContact: string };
    return { caseRow: c, consent, id: (sent.json.referral as { id: string }).id, link };
  }

  it('opens only with the code, shows only the shared fields, takes the answer, leaves no trace', async () => {
    const { caseRow, id, link } = await sendByLink();
    const alias = caseRow.alias;
    expect(link.codeContact).toBe('intake@shelter.example');
    expect(link.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Neither the token nor the code is stored in clear.
    const [stored] = await db().select().from(secureLinks).where(eq(secureLinks.referralId, id));
    const token = new URL(link.url).searchParams.get('t')!;
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(link.code.replace('-', ''));

    const b = browser();
    const form = await b('GET', linkPath(link.url));
    expect(form.statusCode).toBe(200);
    expect(form.headers['cache-control']).toContain('no-store');
    expect(form.headers['referrer-policy']).toBe('no-referrer');
    expect(form.body).not.toContain(alias);
    expect(form.body).not.toContain('<script');
    // Its one inline style carries the nonce the page's Content Security Policy names.
    const csp = String(form.headers['content-security-policy']);
    const nonce = /style-src[^;]*'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(form.body).toContain(`<style nonce="${nonce}">`);
    expect(csp).toMatch(/script-src 'self'/);
    expect(form.headers['x-robots-tag']).toContain('noindex');
    expect((await b('GET', '/r/view')).statusCode).toBe(401);

    const wrong = await b('POST', linkPath(link.url), { code: 'AAAA-AAAA' });
    expect(wrong.statusCode).toBe(401);
    const right = await b('POST', linkPath(link.url), { code: link.code.toLowerCase() });
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/r/view');
    const view = await b('GET', '/r/view');
    expect(view.statusCode).toBe(200);
    expect(view.body).toContain(alias);
    expect(view.body).toContain('24');
    expect(view.body).not.toContain('Utrecht');
    expect(view.headers['cache-control']).toContain('no-store');

    const bare = await b('POST', '/r/view/answer', { state: 'declined', note: '' });
    expect(bare.statusCode).toBe(422);
    const accepted = await b('POST', '/r/view/answer', { state: 'accepted', note: '' });
    expect(accepted.statusCode).toBe(303);

    const history = await worker('GET', `/api/cases/${caseRow.id}/referrals`);
    const mine = (
      history.json.items as {
        id: string;
        state: string;
        events: { kind: string }[];
        codeToDeliver: unknown;
      }[]
    ).find((r) => r.id === id)!;
    expect(mine.state).toBe('accepted');
    expect(mine.events.map((e) => e.kind)).toEqual([
      'sent',
      'link_issued',
      'code_wrong',
      'opened',
      'accepted',
    ]);
    expect(mine.codeToDeliver).toEqual({ contact: 'intake@shelter.example' });
    const delivered = await worker('POST', `/api/referrals/${id}/code-delivered`);
    expect(delivered.json.codeToDeliver).toBeNull();
    const reads = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'referral.link.read'), eq(auditLog.targetId, id)));
    expect(reads.length).toBeGreaterThanOrEqual(2);
  });

  it('takes a decline with its reason; the link then says "closed" and the worker reads why', async () => {
    const { caseRow, id, link } = await sendByLink();
    const b = browser();
    await b('POST', linkPath(link.url), { code: link.code });
    const declined = await b('POST', '/r/view/answer', {
      state: 'declined',
      note: 'No bed free this month; try the regional shelter.',
    });
    expect(declined.statusCode).toBe(303);
    const after = await b('GET', '/r/view');
    expect(after.statusCode).toBe(200);
    expect(after.body).toContain('closed');
    expect(after.body).not.toContain(caseRow.alias);
    expect((await browser()('GET', linkPath(link.url))).body).toContain('closed');
    const history = await worker('GET', `/api/cases/${caseRow.id}/referrals`);
    const mine = (history.json.items as { id: string; state: string; answerNote: string }[]).find(
      (r) => r.id === id,
    )!;
    expect(mine).toMatchObject({
      state: 'declined',
      answerNote: 'No bed free this month; try the regional shelter.',
    });
  });

  it('dies at once when the worker revokes, even mid-opening; the partner reads "revoked"', async () => {
    const { caseRow, id, link } = await sendByLink();
    const b = browser();
    await b('POST', linkPath(link.url), { code: link.code });
    expect((await b('GET', '/r/view')).statusCode).toBe(200);
    const revoked = await worker('POST', `/api/referrals/${id}/revoke`);
    expect(revoked.res.statusCode).toBe(200);
    const view = await b('GET', '/r/view');
    expect(view.statusCode).toBe(410);
    expect(view.body).toContain('revoked');
    expect(view.body).not.toContain(caseRow.alias);
    const again = await browser()('POST', linkPath(link.url), { code: link.code });
    expect(again.statusCode).toBe(410);
    expect((await worker('POST', `/api/referrals/${id}/revoke`)).res.statusCode).toBe(409);
  });

  it('dies at once when consent is withdrawn', async () => {
    const { caseRow, consent, link } = await sendByLink();
    const b = browser();
    await b('POST', linkPath(link.url), { code: link.code });
    await withdraw(caseRow.id, consent.id);
    const view = await b('GET', '/r/view');
    expect(view.statusCode).toBe(410);
    expect(view.body).not.toContain(caseRow.alias);
    expect((await browser()('GET', linkPath(link.url))).statusCode).toBe(410);
  });

  it('locks after five wrong codes, then refuses even the right one; a new link opens', async () => {
    const { id, link } = await sendByLink();
    const b = browser();
    for (let i = 0; i < 4; i++) {
      expect((await b('POST', linkPath(link.url), { code: `WRNG-000${i}` })).statusCode).toBe(401);
    }
    expect((await b('POST', linkPath(link.url), { code: 'WRNG-0009' })).statusCode).toBe(423);
    expect((await b('POST', linkPath(link.url), { code: link.code })).statusCode).toBe(423);
    const [row] = await db().select().from(secureLinks).where(eq(secureLinks.referralId, id));
    expect(row!.attempts).toBe(5);
    const fresh = await worker('POST', `/api/referrals/${id}/link`);
    expect(fresh.res.statusCode).toBe(200);
    const next = fresh.json as { url: string; code: string };
    expect((await b('POST', linkPath(link.url), { code: link.code })).statusCode).toBe(410);
    expect((await b('POST', linkPath(next.url), { code: next.code })).statusCode).toBe(303);
  });

  it('expires after its days, and an unknown token opens nothing', async () => {
    const { link } = await sendByLink();
    const saved = clock.now();
    clock.advance(15 * DAY);
    try {
      const res = await browser()('POST', linkPath(link.url), { code: link.code });
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('expired');
    } finally {
      clock.set(saved);
    }
    expect((await browser()('GET', '/r?t=' + 'x'.repeat(43))).statusCode).toBe(404);
    expect((await browser()('GET', '/r')).statusCode).toBe(404);
  });
});

describe('the duty to protect a child', () => {
  it('reports a minor to the police without consent only with who decided and why', async () => {
    const c = await newCase({ minor: true, age: 15 });
    const without = await refer(c.id, { partnerId: policeOrg, fields: ['alias', 'age'] });
    expect(without.res.statusCode).toBe(403);
    expect(without.json.error).toMatchObject({ reason: 'decision_missing' });
    const withReason = await refer(c.id, {
      partnerId: policeOrg,
      fields: ['alias', 'age'],
      protectionReason: 'Fifteen, advertised by an adult; the protocol requires a report today.',
    });
    expect(withReason.res.statusCode).toBe(201);
    expect(withReason.json.referral).toMatchObject({ legalBasis: 'child_protection_duty' });
    // Everything else about the child stays on consent: a shelter gets nothing without it.
    const shelter = await refer(c.id, { partnerId: linkOrg, fields: ['alias'] });
    expect(shelter.res.statusCode).toBe(403);
  });
});

describe('consent that expires ends access at that moment, without the scheduled check', () => {
  async function expiringReferral(partnerId: string, inMs = 2 * DAY) {
    const c = await newCase();
    const until = new Date(clock.now().getTime() + inMs);
    await consentTo(c.id, partnerId, ['alias', 'age'], until);
    const sent = await refer(c.id, { partnerId, fields: ['alias', 'age'] });
    expect(sent.res.statusCode).toBe(201);
    return {
      caseRow: c,
      until,
      id: (sent.json.referral as { id: string }).id,
      link: sent.json.secureLink as { url: string; code: string } | null,
    };
  }

  // Not only a pending share: an accepted or in-care referral ends at expiry as at a withdrawal.
  for (const reached of [[], ['accepted'], ['accepted', 'intake_done', 'in_care']]) {
    const state = reached.at(-1) ?? 'sent';
    it(`a partner user, ${state}: read, list and answer refused from the instant of expiry`, async () => {
      const { caseRow, until, id } = await expiringReferral(accountOrg);
      for (const step of reached) {
        const moved = await partnerUser('POST', `/api/partner/referrals/${id}/answer`, {
          state: step,
        });
        expect(moved.res.statusCode, moved.res.body).toBe(200);
      }
      const saved = clock.now();
      try {
        clock.set(new Date(until.getTime() - 1000));
        const before = await partnerUser('GET', `/api/partner/referrals/${id}`);
        expect(before.json).toMatchObject({ state, shared: { alias: caseRow.alias } });
        clock.set(until);
        // No job has run: the read itself finds the consent gone.
        const after = await partnerUser('GET', `/api/partner/referrals/${id}`);
        expect(after.res.statusCode).toBe(200);
        expect(after.json).toMatchObject({ state: 'revoked', shared: null, fields: [], next: [] });
        expect(after.res.body).not.toContain(caseRow.alias);
        expect(after.res.body).not.toMatch(/consent|expired/);
        const listed = (
          (await partnerUser('GET', '/api/partner/referrals')).json.items as {
            id: string;
            state: string;
          }[]
        ).find((r) => r.id === id);
        expect(listed?.state).toBe('revoked');
        // No answer, and no outcome report either.
        const answer = await partnerUser('POST', `/api/partner/referrals/${id}/answer`, {
          state: reached.length ? 'helped' : 'accepted',
        });
        expect(answer.res.statusCode).toBe(409);
        expect(answer.res.body).not.toContain(caseRow.alias);
        const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
        expect(row).toMatchObject({
          state: 'expired',
          endCause: 'consent_expired',
          endedAt: until,
        });
        // The job, when it runs, finds nothing left to do for it.
        expect(await endReferralsWithoutConsent(deps())).toBe(0);
      } finally {
        clock.set(saved);
      }
    });
  }

  it('the list alone ends what expired: the partner never sees it open again', async () => {
    const { until, id } = await expiringReferral(accountOrg);
    const saved = clock.now();
    try {
      clock.set(until);
      const listed = (
        (await partnerUser('GET', '/api/partner/referrals')).json.items as {
          id: string;
          state: string;
          fields: string[];
        }[]
      ).find((r) => r.id === id);
      expect(listed).toMatchObject({ state: 'revoked', fields: [] });
      const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
      expect(row?.state).toBe('expired');
    } finally {
      clock.set(saved);
    }
  });

  it('a secure link: an opening in progress and a new opening refused; no new link, no new share', async () => {
    // It runs out within the link's session, so the opening is still in progress then.
    const { caseRow, until, id, link } = await expiringReferral(linkOrg, 5 * 60_000);
    // Two openings in progress: one reads, the other answers, after the consent ran out.
    const b = browser();
    const b2 = browser();
    expect((await b('POST', linkPath(link!.url), { code: link!.code })).statusCode).toBe(303);
    expect((await b2('POST', linkPath(link!.url), { code: link!.code })).statusCode).toBe(303);
    expect((await b('GET', '/r/view')).body).toContain(caseRow.alias);
    const saved = clock.now();
    try {
      clock.set(until);
      const view = await b('GET', '/r/view');
      expect(view.statusCode).toBe(410);
      expect(view.body).toContain('revoked');
      expect(view.body).not.toContain(caseRow.alias);
      expect(view.body).not.toMatch(/consent|expired/);
      expect((await b2('POST', '/r/view/answer', { state: 'accepted', note: '' })).statusCode).toBe(
        410,
      );
      const page = await browser()('GET', linkPath(link!.url));
      expect(page.statusCode).toBe(410);
      expect((await browser()('POST', linkPath(link!.url), { code: link!.code })).statusCode).toBe(
        410,
      );
      // The worker cannot give the partner a way back in, nor share again on the ended consent.
      expect((await worker('POST', `/api/referrals/${id}/link`)).res.statusCode).toBe(409);
      const again = await refer(caseRow.id, { partnerId: linkOrg, fields: ['alias'] });
      expect(again.res.statusCode).toBe(403);
      const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
      expect(row).toMatchObject({ state: 'expired', endCause: 'consent_expired' });
    } finally {
      clock.set(saved);
    }
  });

  async function workerSees(caseId: string, id: string) {
    const list = await worker('GET', `/api/cases/${caseId}/referrals`);
    expect(list.res.statusCode).toBe(200);
    return (list.json.items as { id: string; state: string }[]).find((r) => r.id === id)!.state;
  }

  it('an in-care referral through a secure link: the open page and the outcome form refused at expiry', async () => {
    const { caseRow: c, until, id, link } = await expiringReferral(linkOrg, 5 * 60_000);
    // Two openings in progress (the page ends its own session when it refuses): one reads, the
    // other reports an outcome, after the consent ran out.
    const b = browser();
    const b2 = browser();
    expect((await b('POST', linkPath(link!.url), { code: link!.code })).statusCode).toBe(303);
    expect((await b2('POST', linkPath(link!.url), { code: link!.code })).statusCode).toBe(303);
    for (const state of ['accepted', 'in_care']) {
      expect((await b('POST', '/r/view/answer', { state, note: '' })).statusCode).toBe(303);
    }
    const [inCare] = await db().select().from(referrals).where(eq(referrals.id, id));
    expect(inCare?.state).toBe('in_care');
    expect((await b('GET', '/r/view')).body).toContain(c.alias);
    const saved = clock.now();
    try {
      clock.set(until);
      const view = await b('GET', '/r/view');
      expect(view.statusCode).toBe(410);
      expect(view.body).not.toContain(c.alias);
      expect(view.body).not.toMatch(/consent|expired/);
      expect((await b2('POST', '/r/view/answer', { state: 'helped', note: '' })).statusCode).toBe(
        410,
      );
      expect((await browser()('GET', linkPath(link!.url))).statusCode).toBe(410);
      const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
      expect(row).toMatchObject({ state: 'expired', endCause: 'consent_expired', endedAt: until });
      const [live] = await db()
        .select()
        .from(secureLinks)
        .where(and(eq(secureLinks.referralId, id)));
      expect(live?.deadAt).toEqual(until);
    } finally {
      clock.set(saved);
    }
  });

  it("the worker's list shows it ended at the instant of expiry, before any partner looks", async () => {
    const { caseRow: c, until, id } = await expiringReferral(accountOrg);
    await partnerUser('POST', `/api/partner/referrals/${id}/answer`, { state: 'accepted' });
    const saved = clock.now();
    try {
      clock.set(until);
      expect(await workerSees(c.id, id)).toBe('expired');
      const after = await partnerUser('GET', `/api/partner/referrals/${id}`);
      expect(after.json).toMatchObject({ state: 'revoked', shared: null });
    } finally {
      clock.set(saved);
    }
  });
});

describe('a worker revokes a referral', () => {
  it('the partner user is refused at once and reads "revoked", not what changed', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias', 'needs', 'handoff_note']);
    const sent = await refer(c.id, {
      partnerId: accountOrg,
      fields: ['alias', 'needs', 'handoff_note'],
      handoffNote: 'Call her after six; she moved to a friend in Zwolle.',
    });
    const id = (sent.json.referral as { id: string }).id;
    expect((await partnerUser('GET', `/api/partner/referrals/${id}`)).json.shared).toMatchObject({
      alias: c.alias,
    });
    expect(
      (await partnerUser('POST', `/api/partner/referrals/${id}/answer`, { state: 'accepted' })).res
        .statusCode,
    ).toBe(200);

    expect((await worker('POST', `/api/referrals/${id}/revoke`)).res.statusCode).toBe(200);

    const after = await partnerUser('GET', `/api/partner/referrals/${id}`);
    expect(after.res.statusCode).toBe(200);
    expect(after.json).toMatchObject({
      id,
      state: 'revoked',
      shared: null,
      fields: [],
      answerNote: null,
      next: [],
    });
    // Nothing of the person, and nothing of why: not the note, not the cause, not the worker.
    for (const secret of [c.alias, 'Zwolle', 'worker', 'consent', 'revoked_by']) {
      expect(after.res.body).not.toContain(secret);
    }
    const listed = (
      (await partnerUser('GET', '/api/partner/referrals')).json.items as {
        id: string;
        state: string;
        shared: unknown;
        fields: string[];
      }[]
    ).find((r) => r.id === id);
    expect(listed).toMatchObject({ state: 'revoked', shared: null, fields: [] });
    const report = await partnerUser('POST', `/api/partner/referrals/${id}/answer`, {
      state: 'intake_done',
    });
    expect(report.res.statusCode).toBe(409);
    expect(report.res.body).not.toContain(c.alias);
    // The opening after the revocation is not an opening of anything shared.
    const opened = await db()
      .select()
      .from(referralEvents)
      .where(and(eq(referralEvents.referralId, id), eq(referralEvents.kind, 'opened')));
    expect(opened).toHaveLength(1);
  });

  it('the secure link is refused at once, mid-opening too, and says only "revoked"', async () => {
    const c = await newCase();
    await consentTo(c.id, linkOrg, ['alias', 'age', 'handoff_note']);
    const sent = await refer(c.id, {
      partnerId: linkOrg,
      fields: ['alias', 'age', 'handoff_note'],
      handoffNote: 'She is staying near Amersfoort station this week.',
    });
    const id = (sent.json.referral as { id: string }).id;
    const link = sent.json.secureLink as { url: string; code: string };
    const b = browser();
    await b('POST', linkPath(link.url), { code: link.code });
    expect((await b('GET', '/r/view')).body).toContain('Amersfoort');
    expect((await worker('POST', `/api/referrals/${id}/revoke`)).res.statusCode).toBe(200);
    // (An ended opening's page clears its session: the answer is tried in its own opening.)
    const responses = [
      await b('POST', '/r/view/answer', { state: 'accepted', note: '' }),
      await browser()('GET', linkPath(link.url)),
      await browser()('POST', linkPath(link.url), { code: link.code }),
    ];
    for (const res of responses) {
      expect(res.statusCode).toBe(410);
      for (const secret of [c.alias, 'Amersfoort', 'consent', 'worker']) {
        expect(res.body).not.toContain(secret);
      }
    }
    expect(responses[0]!.body).toContain('revoked');
  });
});

describe('scheduled checks', () => {
  it('ends open referrals whose consent expired; the partner reads "revoked"', async () => {
    const c = await newCase();
    await consentTo(c.id, accountOrg, ['alias'], new Date(clock.now().getTime() + 2 * DAY));
    const id = (
      (await refer(c.id, { partnerId: accountOrg, fields: ['alias'] })).json.referral as {
        id: string;
      }
    ).id;
    expect(await endReferralsWithoutConsent(deps())).toBe(0);
    const saved = clock.now();
    clock.advance(3 * DAY);
    try {
      expect(await endReferralsWithoutConsent(deps())).toBeGreaterThanOrEqual(1);
      expect(await endReferralsWithoutConsent(deps())).toBe(0);
      const [row] = await db().select().from(referrals).where(eq(referrals.id, id));
      expect(row).toMatchObject({ state: 'expired', endCause: 'consent_expired' });
      const seen = await partnerUser('GET', `/api/partner/referrals/${id}`);
      expect(seen.json).toMatchObject({ state: 'revoked', shared: null });
    } finally {
      clock.set(saved);
    }
  });

  it('reminds the worker once per period of an unanswered referral, until chased', async () => {
    const c = await newCase();
    await consentTo(c.id, linkOrg, ['alias']);
    const id = (
      (await refer(c.id, { partnerId: linkOrg, fields: ['alias'] })).json.referral as { id: string }
    ).id;
    const saved = clock.now();
    clock.advance(6 * DAY);
    try {
      expect(await remindUnanswered(deps())).toBeGreaterThanOrEqual(1);
      const events = await db()
        .select()
        .from(referralEvents)
        .where(and(eq(referralEvents.referralId, id), eq(referralEvents.kind, 'reminder_due')));
      expect(events).toHaveLength(1);
      await remindUnanswered(deps());
      const again = await db()
        .select()
        .from(referralEvents)
        .where(and(eq(referralEvents.referralId, id), eq(referralEvents.kind, 'reminder_due')));
      expect(again).toHaveLength(1);
      const listed = (await worker('GET', `/api/cases/${c.id}/referrals`)).json.items as {
        reminderDue: boolean;
      }[];
      expect(listed[0]!.reminderDue).toBe(true);
      const chased = await worker('POST', `/api/referrals/${id}/remind`);
      expect(chased.json.reminderDue).toBe(false);
    } finally {
      clock.set(saved);
    }
  });
});
