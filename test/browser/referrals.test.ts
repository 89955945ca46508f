// Browser journeys through referrals on the real thing (`ariadne start`, no demo), two people in
// two browsers each time. First, to an organisation with an account: a worker opens a case from a
// conversation, records the person's consent to share some fields with a shelter of the directory
// (chosen by name), and refers within it — a field outside the consent cannot be ticked, and the
// API refuses it naming the field; the shelter's partner user finds the referral, accepts it and
// reports the intake, which the worker's case page shows in its history. Second, to an
// organisation without an account: the worker gets a secure link and its code; a fresh browser
// opens the link, is refused a wrong code, sees only the shared fields with the right one, accepts
// and reports; the worker records the withdrawal of the consent and the link stops opening at once.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { farQuietHours } from '../helpers/clock.js';
import {
  answeredThread,
  apiCall,
  apiSignIn,
  ensureConsoleBuilt,
  freshDataDir,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Api,
  type Started,
} from './harness.js';

const REPLY = 'Ja, ik wil hulp. De opvang mag mijn naam en leeftijd weten.';
const directory = generatePartnerDirectory({ asOf: new Date() });
// One shelter that takes referrals in Ariadne, one that takes them by secure link.
const withAccount = directory.find((p) => p.kind === 'shelter' && p.referralChannel === 'account')!;
const byLink = directory.find((p) => p.kind === 'shelter' && p.referralChannel === 'secure_link')!;

describe('referral journeys', () => {
  let dataDir: string;
  let server: Started;
  let browser: Browser;
  let admin: Api;
  let worker: Page;
  let partner: Page;
  let conversationId = '';
  let caseId = '';
  let accountEntryId = '';
  let partnerPassword = '';
  const { outside, cspErrors, watch } = pageWatch();
  const snap = screenshots('referrals');

  /** A user made by the admin, signed in through the API, in a browser context of their own. */
  async function person(role: string, email: string, extra: object = {}): Promise<Page> {
    const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email,
      displayName: email.split('@')[0],
      role,
      ...extra,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const context = await newContext(browser);
    await apiSignIn(
      context.request,
      server.url,
      email,
      created.json.oneTimePassword,
      role === 'partner' ? partnerPassword : 'quiet harbour lantern 58',
    );
    const p = await newPage(context);
    watch(p);
    return p;
  }

  /** The worker's case page, fresh from the server (each panel's reads are asked once). */
  async function casePage() {
    await worker.goto(`${server.url}/cases/${caseId}`);
    await poll(() => worker.getByTestId('case-page').isVisible()).toBe(true);
  }

  /** Records, in the case page's form, the person's consent to share fields with an entry. */
  async function recordConsent(organisation: string, fields: string[]) {
    await worker.getByTestId('record-consent').click();
    const form = worker.getByRole('dialog', { name: 'Record a consent' });
    await form.getByLabel(/^Organisation/).fill(organisation.slice(0, 18));
    await worker.getByRole('option', { name: organisation, exact: true }).click();
    for (const f of fields) await form.getByLabel(f, { exact: true }).check();
    const thread = await apiCall(worker, 'GET', `/api/conversations/${conversationId}`);
    const theirs = (thread.json as { messages: { id: string; direction: string }[] }).messages.find(
      (m) => m.direction === 'in',
    )!;
    await poll(() => form.getByLabel('Their message').locator('option').count()).toBe(2);
    await form.getByLabel('Their message').selectOption(theirs.id);
    await form.getByRole('button', { name: 'Record consent' }).click();
    await poll(() => form.isVisible()).toBe(false);
    const record = worker
      .getByTestId('consent-record')
      .filter({ hasText: `Organisation ${organisation}` });
    await poll(() => record.getByTestId('consent-state').innerText()).toBe('Current');
    return record;
  }

  /** The referral form of the case page with an organisation chosen from the ranked list. */
  async function referralForm(organisation: string) {
    const form = worker.getByRole('form', { name: 'New referral' });
    await form.getByLabel(/^Organisation/).click();
    await worker.getByRole('option', { name: organisation, exact: true }).click();
    return form;
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('referrals-browser');
    const rulesFile = path.join(dataDir, 'outreach-rules.json');
    writeFileSync(rulesFile, JSON.stringify({ quietHours: farQuietHours(new Date()) }), {
      mode: 0o600,
    });
    server = await startServer(dataDir, { demo: false, env: { OUTREACH_RULES_FILE: rulesFile } });
    browser = await launchChromium();
    const context = await newContext(browser);
    admin = await apiSignIn(
      context.request,
      server.url,
      server.email,
      server.password,
      'steady copper morning 7',
    );
    partnerPassword = 'willow ember compass 77';
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('seeds two shelters, their account, and a person who answered', async () => {
    const org = await admin.post<{ partnerOrg: { id: string } }>('/api/partner-orgs', {
      name: withAccount.name,
    });
    expect(org.status, JSON.stringify(org.json)).toBeLessThan(300);
    const orgId = org.json.partnerOrg.id;
    const a = await admin.post<{ id: string }>('/api/partners', {
      profile: withAccount,
      accountOrgId: orgId,
    });
    expect(a.status, JSON.stringify(a.json)).toBe(200);
    accountEntryId = a.json.id;
    const b = await admin.post('/api/partners', { profile: byLink });
    expect(b.status, JSON.stringify(b.json)).toBe(200);

    worker = await person('outreach_worker', 'wendy.worker@example.org');
    const supervisor = await person('supervisor', 'sam.supervisor@example.org');
    partner = await person('partner', 'intake@shelter.example', { partnerOrgId: orgId });
    await worker.goto(server.url);
    await supervisor.goto(server.url);
    conversationId = await answeredThread({ admin, worker, supervisor, reply: REPLY });
    await supervisor.context().close();
  }, 120_000);

  it('the worker opens a case and records consent to share alias and age with a shelter', async () => {
    await worker.goto(`${server.url}/inbox/${conversationId}`);
    await worker.getByTestId('open-case').click();
    await poll(() => worker.getByTestId('case-page').isVisible()).toBe(true);
    caseId = (await worker.getByTestId('case-page').getAttribute('data-case-id'))!;
    // What the worker learnt in the conversation; the languages stay unknown.
    await worker.getByLabel('Age', { exact: true }).fill('24');
    await worker.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => worker.getByText('Saved').isVisible()).toBe(true);
    const record = await recordConsent(withAccount.name, ['Alias', 'Age']);
    expect(await record.innerText()).toContain('Fields: Alias, Age');
    expect(await record.innerText()).toContain(REPLY);
    await snap(worker, 'consent');
  }, 60_000);

  it('refers within consent: a field outside it cannot be ticked, and the API refuses it', async () => {
    const form = await referralForm(withAccount.name);
    await poll(() => form.getByRole('checkbox', { name: 'Alias', exact: true }).isEnabled()).toBe(
      true,
    );
    expect(await form.getByRole('checkbox', { name: 'Age', exact: true }).isEnabled()).toBe(true);
    for (const name of ['Contact address', 'Languages', 'Hand-off note']) {
      expect(await form.getByRole('checkbox', { name, exact: true }).isDisabled(), name).toBe(true);
    }
    expect(await form.innerText()).toContain("not in the person's consent");
    await snap(worker, 'refer-form');

    // Past the form, straight to the API: refused, naming the field, and nothing is sent.
    const refused = await apiCall(worker, 'POST', `/api/cases/${caseId}/referrals`, {
      partnerId: accountEntryId,
      fields: ['alias', 'contact_address'],
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.json)).toContain('contact_address');
    expect(JSON.stringify(refused.json)).not.toMatch(/"outside":\[[^\]]*"alias"/);
    const none = await apiCall(worker, 'GET', `/api/cases/${caseId}/referrals`);
    expect((none.json as { items: unknown[] }).items).toEqual([]);

    await form.getByRole('checkbox', { name: 'Alias', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Age', exact: true }).check();
    await form.getByRole('button', { name: 'Send referral' }).click();
    const item = worker.getByRole('article', { name: withAccount.name });
    await poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('Shared: Alias, Age');
    expect(await item.innerText()).toMatch(/in Ariadne · on consent/);
  }, 60_000);

  it('the shelter’s partner user accepts the referral and reports the intake', async () => {
    await partner.goto(`${server.url}/referrals`);
    const table = partner.getByRole('table', { name: 'Referrals, newest first' });
    await poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('Sent');
    await table.getByRole('button', { name: /^Open: / }).click();
    const shared = partner.getByRole('region', { name: 'What the person agreed to share' });
    await poll(() => shared.isVisible()).toBe(true);
    const alias = await worker.getByTestId('case-alias').innerText();
    expect(await shared.locator('dt').allInnerTexts()).toEqual(['Alias', 'Age']);
    expect(await shared.locator('dd').allInnerTexts()).toEqual([alias, '24']);
    expect(await partner.locator('body').innerText()).not.toContain(REPLY);
    await snap(partner, 'partner-opened');

    const answer = partner.getByRole('form', { name: 'Your answer' });
    await poll(() => answer.getByLabel('Step').inputValue()).toBe('Accept');
    await answer.getByRole('button', { name: 'Send' }).click();
    const report = partner.getByRole('form', { name: 'Report an outcome' });
    await poll(() => report.isVisible()).toBe(true);
    expect(await partner.locator('#opened-title').innerText()).toMatch(/^Accepted · /);
    await report.getByLabel('Step').click();
    await partner.getByRole('option', { name: 'Intake done' }).click();
    await report.getByLabel('Reason or note').fill('Intake gedaan op dinsdag.');
    await report.getByRole('button', { name: 'Send' }).click();
    await poll(() => partner.locator('#opened-title').innerText()).toMatch(/^Intake done · /);
    await poll(() => table.innerText()).toContain('Intake done');
  }, 60_000);

  it('the worker’s case page shows the answer and each step in its history', async () => {
    await casePage();
    const item = worker.getByRole('article', { name: withAccount.name });
    await poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toContain('Intake done');
    expect(await item.innerText()).toContain('Intake gedaan op dinsdag.');
    await item.getByText('History').click();
    const steps = await item.locator('ol li').allInnerTexts();
    const kinds = steps.map((s) => s.replace(/^.* — /, '').replace(/ \(.*\)$/, ''));
    expect(kinds).toEqual(['Sent', 'Opened by the organisation', 'Accepted', 'Intake done']);
    await snap(worker, 'history');
  }, 60_000);

  let linkUrl = '';
  let code = '';

  it('refers to a shelter without an account: a secure link and a code, shown once', async () => {
    await recordConsent(byLink.name, ['Alias', 'Languages']);
    const form = await referralForm(byLink.name);
    await form.getByRole('checkbox', { name: 'Alias', exact: true }).check();
    await form.getByRole('checkbox', { name: 'Languages', exact: true }).check();
    expect(await form.getByRole('checkbox', { name: 'Age', exact: true }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Send referral' }).click();
    const notice = worker.getByRole('status').filter({ hasText: 'Secure link (shown once)' });
    await poll(() => notice.isVisible()).toBe(true);
    const text = await notice.innerText();
    linkUrl = /(https?:\/\/\S+\/r\?t=\S+)/.exec(text)![1]!;
    code = /\b([A-Z2-9]{4}-[A-Z2-9]{4})\b/.exec(text)![1]!;
    expect(text).toContain(byLink.secureLinkContact!);
    await snap(worker, 'link-issued');
    const item = worker.getByRole('article', { name: byLink.name });
    await poll(() => item.innerText()).toMatch(/by secure link · on consent/);
  }, 60_000);

  it('a fresh browser is refused a wrong code, sees only the shared fields, answers', async () => {
    const stranger = await newPage(await newContext(browser));
    watch(stranger);
    const link = new URL(linkUrl);
    const address = `${server.url}${link.pathname}${link.search}`;
    await stranger.goto(address);
    await stranger.getByLabel('Code').fill(code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA');
    await stranger.getByRole('button', { name: 'Open' }).click();
    await poll(() => stranger.getByRole('alert').innerText()).toMatch(/That code is not right/);
    expect(await stranger.locator('dl').count()).toBe(0);

    await stranger.getByLabel('Code').fill(code);
    await stranger.getByRole('button', { name: 'Open' }).click();
    await poll(() => stranger.locator('dt').allInnerTexts()).toEqual(['Alias', 'Languages']);
    // The token is gone from the address once the code is accepted.
    expect(new URL(stranger.url()).search).toBe('');
    const alias = await worker.getByTestId('case-alias').innerText();
    // Nothing known of their languages: said so, not left blank.
    expect(await stranger.locator('dd').allInnerTexts()).toEqual([alias, 'not known']);
    expect(await stranger.locator('body').innerText()).not.toContain(REPLY);
    await snap(stranger, 'link-opened');

    await stranger.getByLabel('State').selectOption('accepted');
    await stranger.getByRole('button', { name: 'Send' }).click();
    await poll(() => stranger.getByRole('heading', { name: 'Report' }).isVisible()).toBe(true);
    // The page names the state the referral is in, not the action that led there.
    expect(await stranger.locator('p', { hasText: /^State:/ }).innerText()).toBe('State: Accepted');
    await stranger.getByLabel('State').selectOption('intake_done');
    await stranger.getByLabel('Reason or note').fill('Zij is bij ons aangekomen.');
    await stranger.getByRole('button', { name: 'Send' }).click();
    await poll(() => stranger.locator('p', { hasText: /^State:/ }).innerText()).toBe(
      'State: Intake done',
    );

    await casePage();
    const item = worker.getByRole('article', { name: byLink.name });
    await poll(() => item.innerText()).toContain('Intake done');
    expect(await item.innerText()).toContain('Zij is bij ons aangekomen.');

    // The person withdraws their consent: the link stops opening at once, even mid-visit.
    const record = worker
      .getByTestId('consent-record')
      .filter({ hasText: `Organisation ${byLink.name}` });
    await record.getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = worker.getByRole('dialog', { name: 'Record a withdrawal' });
    await withdraw.getByLabel(/^What was said/).fill('Zij belde: niets meer naar de opvang.');
    await withdraw.getByRole('button', { name: 'Record withdrawal' }).click();
    await poll(() => record.getByTestId('consent-state').innerText()).toBe('Withdrawn');
    await poll(() => item.innerText()).toContain('Ended: the person withdrew consent');

    await stranger.reload();
    await poll(() => stranger.getByRole('status').innerText()).toMatch(/was revoked/);
    expect(await stranger.locator('dl').count()).toBe(0);
    await stranger.goto(address);
    await poll(() => stranger.getByRole('status').innerText()).toMatch(/was revoked/);
    expect(await stranger.getByLabel('Code').count()).toBe(0);
    await snap(stranger, 'link-revoked');

    // The referral to the shelter with an account rests on its own consent: it goes on.
    await poll(() => worker.getByRole('article', { name: withAccount.name }).innerText()).toContain(
      'Intake done',
    );
  }, 90_000);

  it('kept every request on this machine and the CSP intact', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
