// Browser journey through cases on the real thing (`ariadne start`, no demo): a person answered an
// outreach message on a manual channel; the worker opens a case from that conversation with one
// click, records the person's consent with their own message as evidence, sees it withdrawn at
// once, records that the person said no to being contacted again (a reply is then refused with
// that rule), adds a due task (a reminder on the Cases page), writes a note and marks the case as about
// a minor; a supervisor finds the child-protocol alert on the Cases page and acknowledges it. A
// colleague who is not on the case does not find it. Nothing leaves the machine and the page keeps
// its Content Security Policy.
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

const REPLY = 'Ja, ik wil hulp. Jullie mogen de opvang mijn leeftijd geven.';
/** The shelter the person's consent names: an organisation of the directory. */
const shelter = generatePartnerDirectory({ asOf: new Date() }).find((p) => p.kind === 'shelter')!;

describe('cases journey', () => {
  let dataDir: string;
  let server: Started;
  let browser: Browser;
  let admin: Api;
  let worker: Page;
  let supervisor: Page;
  let stranger: Page;
  let conversationId = '';
  let caseId = '';
  const { outside, cspErrors, watch } = pageWatch();
  const snap = screenshots('cases');

  /** A colleague made by the admin, signed in through the API, in a browser page of their own. */
  async function staff(role: string, email: string): Promise<Page> {
    const created = await admin.post<{ oneTimePassword: string }>('/api/users', {
      email,
      displayName: email.split('@')[0],
      role,
    });
    expect(created.status).toBe(201);
    const context = await newContext(browser);
    await apiSignIn(
      context.request,
      server.url,
      email,
      created.json.oneTimePassword,
      'quiet harbour lantern 58',
    );
    const p = await newPage(context);
    watch(p);
    return p;
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('cases-browser');
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
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('a person answered on a manual channel', async () => {
    const entry = await admin.post('/api/partners', { profile: shelter });
    expect(entry.status, JSON.stringify(entry.json)).toBe(200);
    worker = await staff('outreach_worker', 'wendy.worker@example.org');
    supervisor = await staff('supervisor', 'sam.supervisor@example.org');
    stranger = await staff('outreach_worker', 'otto.other@example.org');
    await worker.goto(server.url);
    await supervisor.goto(server.url);
    conversationId = await answeredThread({ admin, worker, supervisor, reply: REPLY });
  }, 120_000);

  it('the worker opens a case from the conversation with one click', async () => {
    await worker.goto(`${server.url}/inbox/${conversationId}`);
    await worker.getByTestId('open-case').click();
    await poll(() => worker.getByTestId('case-page').isVisible()).toBe(true);
    caseId = (await worker.getByTestId('case-page').getAttribute('data-case-id'))!;
    expect(worker.url()).toBe(`${server.url}/cases/${caseId}`);
    const alias = await worker.getByTestId('case-alias').innerText();
    expect(alias).toMatch(/^[A-Z][a-z]+ [A-Z][a-z]+$/);
    expect(await worker.title()).toBe(`${alias} · Ariadne`);
    await poll(() => worker.getByRole('link', { name: /^Conversation / }).count()).toBe(1);
    await snap(worker, 'opened');
  }, 60_000);

  it('records consent with the person’s message as evidence, then its withdrawal', async () => {
    await worker.getByTestId('record-consent').click();
    const form = worker.getByRole('dialog', { name: 'Record a consent' });
    await form.getByLabel(/^Organisation/).fill(shelter.name.slice(0, 12));
    await worker.getByRole('option', { name: shelter.name, exact: true }).click();
    await form.getByLabel('Alias', { exact: true }).check();
    await form.getByLabel('Age', { exact: true }).check();
    // The person's own message, chosen from the thread.
    const thread = await apiCall(worker, 'GET', `/api/conversations/${conversationId}`);
    const theirs = (thread.json as { messages: { id: string; direction: string }[] }).messages.find(
      (m) => m.direction === 'in',
    )!;
    await poll(() => form.getByLabel('Their message').locator('option').count()).toBe(2);
    await form.getByLabel('Their message').selectOption(theirs.id);
    await form.getByRole('button', { name: 'Record consent' }).click();
    const record = worker.getByTestId('consent-record');
    await poll(() => record.count()).toBe(1);
    expect(await record.getByTestId('consent-state').innerText()).toBe('Current');
    expect(await record.innerText()).toContain(REPLY);
    expect(await record.innerText()).toContain('Fields: Alias, Age');
    expect(await record.innerText()).toContain(`Organisation ${shelter.name}`);
    await snap(worker, 'consent');

    await record.getByRole('button', { name: 'Withdraw' }).click();
    const withdraw = worker.getByRole('dialog', { name: 'Record a withdrawal' });
    await withdraw.getByLabel(/^What was said/).fill('She called: nothing may go to the shelter.');
    await withdraw.getByRole('button', { name: 'Record withdrawal' }).click();
    await poll(() => record.getByTestId('consent-state').innerText()).toBe('Withdrawn');
    expect(await record.innerText()).toContain('She called: nothing may go to the shelter.');
    expect(await record.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
  }, 60_000);

  it('records that the person said no to being contacted again; a reply is then refused', async () => {
    await worker.getByTestId('record-consent').click();
    const form = worker.getByRole('dialog', { name: 'Record a consent' });
    await form.getByLabel('What they agreed to').selectOption('contact_again');
    await form.getByLabel('The person said no').check();
    expect(await form.getByLabel('Until (optional)').count()).toBe(0);
    await form.getByLabel('How they said so').selectOption('call_note');
    await form.getByLabel(/^What was said/).fill('Asked on the phone: no more messages, please.');
    await form.getByRole('button', { name: 'Record consent' }).click();
    const record = worker.getByTestId('consent-record');
    await poll(() => record.count()).toBe(2);
    const no = record.filter({ hasText: 'no more messages' });
    expect(await no.getByTestId('consent-state').innerText()).toBe('Said no');
    expect(await no.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);

    await worker.goto(`${server.url}/inbox/${conversationId}`);
    const box = worker.getByTestId('reply-box');
    await box.getByTestId('reply-text').fill('Hoe gaat het nu met je?');
    await box.getByRole('button', { name: 'Send', exact: true }).click();
    const refused = box.getByTestId('send-refused');
    await poll(() => refused.getAttribute('data-rule')).toBe('no_contact_consent');
    expect(await refused.innerText()).toContain('Refused: no consent to be contacted again');
    expect(await refused.innerText()).toContain('said no when asked');
    await snap(worker, 'contact-refused');
    await worker.goto(`${server.url}/cases/${caseId}`);
    await poll(() => worker.getByTestId('case-page').isVisible()).toBe(true);
  }, 60_000);

  it('a due task reminds the worker; a note is kept', async () => {
    // Two days back: overdue at any hour in any time zone (a day back is "today" somewhere).
    const overdue = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    await worker.getByLabel('New task').fill('Bel terug over een opvangplek');
    await worker.getByLabel('Due date (optional)').fill(overdue);
    await worker.getByRole('button', { name: 'Add task' }).click();
    const task = worker.getByTestId('case-task');
    await poll(() => task.count()).toBe(1);
    expect(await task.innerText()).toContain('Due');

    await worker.getByTestId('show-notes').click();
    await worker.getByLabel('New note').fill('Zij belt liever na 22:00.');
    await worker.getByRole('button', { name: 'Add note' }).click();
    await poll(() => worker.getByTestId('case-note').count()).toBe(1);

    await worker.getByRole('link', { name: 'All cases' }).click();
    await poll(() => worker.getByTestId('due-task').count()).toBe(1);
    expect(await worker.getByTestId('due-task').innerText()).toContain(
      'Bel terug over een opvangplek',
    );
    await poll(() => worker.getByTestId('case-row').count()).toBe(1);
    await snap(worker, 'list');
  }, 60_000);

  it('a case about a minor alerts the supervisor, who acknowledges it', async () => {
    await worker.goto(`${server.url}/cases/${caseId}`);
    await worker.getByLabel('This person is a minor').check();
    await worker.getByRole('button', { name: 'Save', exact: true }).click();
    await poll(() => worker.getByTestId('minor-alert').isVisible()).toBe(true);

    await supervisor.goto(`${server.url}/cases`);
    const alert = supervisor.getByTestId('case-alert');
    await poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('The child protocol applies');
    await snap(supervisor, 'alert');
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    await poll(() => alert.count()).toBe(0);
    // The supervisor sees who viewed the case: the worker, and now themselves.
    await supervisor.goto(`${server.url}/cases/${caseId}`);
    await supervisor.getByTestId('case-views').click();
    const drawer = supervisor.getByRole('dialog', { name: 'Who viewed this case' });
    await poll(() => drawer.innerText()).toContain('wendy.worker@example.org');
  }, 60_000);

  it('a colleague not on the case neither lists nor opens it', async () => {
    await stranger.goto(`${server.url}/cases`);
    await poll(() => stranger.getByText('No cases yet').isVisible()).toBe(true);
    await stranger.goto(`${server.url}/cases/${caseId}`);
    await poll(() =>
      stranger.getByText('This case does not exist, or it is not yours to see.').isVisible(),
    ).toBe(true);
  }, 60_000);

  it('once the owner adds the colleague to the team, they see the case', async () => {
    await worker.goto(`${server.url}/cases/${caseId}`);
    const team = worker.getByRole('region', { name: 'Who works this case' });
    await team.getByLabel('Colleagues on the case').click();
    await worker.getByRole('option', { name: 'otto.other' }).click();
    await worker.keyboard.press('Escape');
    await team.getByRole('button', { name: 'Save team' }).click();
    await poll(() => worker.getByText(/Colleagues: otto\.other/).isVisible()).toBe(true);
    await stranger.goto(`${server.url}/cases`);
    await poll(() => stranger.getByTestId('case-row').count()).toBe(1);
    await stranger.getByTestId('case-row').getByRole('link').click();
    await poll(() => stranger.getByTestId('case-page').isVisible()).toBe(true);
    // A colleague does not choose the team, nor close the case.
    expect(await stranger.getByRole('region', { name: 'Who works this case' }).count()).toBe(0);
    expect(
      await stranger.getByLabel('Move to').locator('option', { hasText: 'Closed' }).count(),
    ).toBe(0);
  }, 60_000);

  it("the person's rights: a copy for them, a hold that stops erasure, then erasure", async () => {
    await supervisor.goto(`${server.url}/cases/${caseId}`);
    const rights = supervisor.getByRole('region', { name: "The person's rights" });
    await poll(() => rights.isVisible()).toBe(true);
    // The copy is a download of the person's case as one readable page, named by the pseudonym.
    const href = await rights
      .getByRole('link', { name: 'Download as a readable page' })
      .getAttribute('href');
    expect(href).toBe(`/api/cases/${caseId}/export?format=html&notes=false`);
    const summary = await apiCall(supervisor, 'GET', `/api/cases/${caseId}`);
    const pseudonym = (summary.json as { case: { pseudonym: string } }).case.pseudonym;
    const copy = await supervisor.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, disposition: r.headers.get('content-disposition') };
    }, href!);
    expect(copy.status).toBe(200);
    expect(copy.disposition).toContain(pseudonym);

    await rights
      .getByLabel('Reason for a legal hold (keeps the case from erasure and retention)')
      .fill('Police investigation 2026-114 asked us to keep this case.');
    await rights.getByRole('button', { name: 'Set a legal hold' }).click();
    await poll(() => rights.getByTestId('legal-hold').innerText()).toMatch(
      /Legal hold since .*Police investigation 2026-114/,
    );
    const erase = rights.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await rights.getByLabel('Pseudonym').fill(pseudonym);
    await erase.click();
    // Refused while held, and the refusal says why.
    await poll(() => rights.getByRole('alert').innerText()).toMatch(/legal hold/i);
    expect((await apiCall(supervisor, 'GET', `/api/cases/${caseId}`)).status).toBe(200);

    await rights.getByRole('button', { name: 'Lift the hold' }).click();
    await poll(() => rights.getByRole('button', { name: 'Set a legal hold' }).isVisible()).toBe(
      true,
    );
    await rights.getByRole('button', { name: 'Erase for good' }).click();
    await poll(() => new URL(supervisor.url()).pathname).toBe('/cases');
    expect((await apiCall(supervisor, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    // The worker who owned it no longer finds it either.
    expect((await apiCall(worker, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
  }, 90_000);

  it('kept every request on this machine and the CSP intact', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
