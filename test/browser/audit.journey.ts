// Browser journey through the audit viewer on the real thing (`ariadne start` in demo mode: the
// demo app the journeys share, once its first crawl is done): the admin signs in for the first time
// and opens an ad nobody has opened yet; a supervisor finds that read in the Audit log by filtering
// on the action (and on the admin, since other journeys read ads in the same app),
// opens an entry's details, sees on the ad page who viewed it, and follows the drawer to every
// entry on the ad (its own look among them). The same supervisor finds the alert for a minor's lead
// on the Cases page (the demo's board plants minors, and scoring raises the child protocol's alert
// for their leads), opens the lead from it and acknowledges it, while an outreach worker signed in
// at the same time sees no lead alert. An analyst has no Audit log. Nothing leaves the machine and
// the page keeps its Content Security Policy.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  ensureConsoleBuilt,
  firstSignIn,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  queryDataDir,
  screenshots,
  staffPage,
} from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';

const ADMIN_PASSWORD = 'steady lighthouse copper 9';
const STAFF_PASSWORD = 'amber meadow turning 31';

describe('audit viewer journey', () => {
  let app: SharedDemo;
  let browser: Browser;
  let admin: Page;
  let supervisor: Page;
  let adId = '';
  const { outside, cspErrors, watch } = pageWatch();
  const snap = screenshots('audit');

  beforeAll(async () => {
    ensureConsoleBuilt();
    // The first journey starts the shared app and waits out the demo's crawl (an upper bound).
    app = await sharedDemo('audit');
    browser = await launchChromium();
    admin = await newPage(await newContext(browser));
    watch(admin);
  }, 1_500_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** A staff member made by the admin and signed in through the API, in a page of their own. */
  async function staff(
    role: 'supervisor' | 'analyst' | 'outreach_worker',
    email: string,
  ): Promise<Page> {
    const p = await staffPage(
      admin,
      browser,
      app.url,
      { email, displayName: email.split('@')[0]!, role },
      STAFF_PASSWORD,
    );
    watch(p);
    return p;
  }

  it('the admin signs in and opens an ad of the demo crawl', async () => {
    await admin.goto(app.url);
    await firstSignIn(admin, app.admin.email, app.admin.oneTimePassword, ADMIN_PASSWORD);
    // An ad without any audit entry yet: who viewed it is then this journey's own doing.
    const [unread] = await queryDataDir<{ id: string }>(
      app.dataDir,
      `select a.id::text as id from ads a where not exists (select 1 from audit_log l
         where l.target_type = 'ad' and l.target_id = a.id::text) order by a.id limit 1`,
    );
    expect(unread, `no ad in the demo app; it said:\n${app.output().slice(-4000)}`).toBeDefined();
    adId = unread!.id;
    await admin.goto(`${app.url}/ads/${adId}`);
    await poll(() => admin.getByTestId('ad-heading').isVisible()).toBe(true);
  }, 300_000);

  it('a supervisor finds the read in the Audit log, filtered by action', async () => {
    const p = await staff('supervisor', 'sam.supervisor@example.org');
    supervisor = p;
    await p.goto(app.url);
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await poll(() => p.getByRole('heading', { name: 'Audit log', level: 1 }).isVisible()).toBe(
      true,
    );
    expect(await p.title()).toBe('Audit log · Ariadne');
    await poll(() => p.getByTestId('audit-entry').count()).toBeGreaterThan(0);

    const filters = p.getByRole('form', { name: 'Filter the audit log' });
    await filters.getByLabel('User', { exact: true }).fill(app.admin.email);
    await filters.getByLabel('Action', { exact: true }).fill('ad.read');
    await filters.getByLabel('Action', { exact: true }).press('Escape');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await poll(() => new URL(p.url()).searchParams.get('action')).toBe('ad.read');
    const rows = p.getByTestId('audit-entry');
    await poll(() => rows.count()).toBe(1);
    const row = rows.first();
    expect(await row.innerText()).toContain(app.admin.email);
    expect(await row.innerText()).toContain(`ad:${adId}`);
    await row.getByRole('button', { name: /^Show details of entry \d+$/ }).click();
    await poll(() => p.getByTestId('audit-entry-details').innerText()).toMatch(
      /Chained with audit key a\w+/,
    );
    await snap(p, 'filtered');

    // Who viewed the ad: the admin; then everything on the ad in the log, this look included.
    await p.goto(`${app.url}/ads/${adId}`);
    await p.getByTestId('who-viewed').click();
    const drawer = p.getByRole('dialog', { name: 'Who viewed this' });
    const items = drawer.getByTestId('who-viewed-item');
    await poll(() => items.count()).toBe(2);
    expect(await items.nth(0).innerText()).toMatch(/sam\.supervisor@example\.org\s+opened it/);
    expect(await items.nth(1).innerText()).toContain(app.admin.email);
    await snap(p, 'who-viewed');
    await drawer.getByRole('link', { name: 'All entries on this record in the audit log' }).click();
    await poll(() => new URL(p.url()).searchParams.get('targetId')).toBe(adId);
    await poll(async () =>
      (await p.getByTestId('audit-entry').allInnerTexts()).some((t) => t.includes('audit.views')),
    ).toBe(true);
  }, 180_000);

  it('a supervisor opens and acknowledges the alert for a minor’s lead; an outreach worker sees none', async () => {
    const alerts = supervisor.getByTestId('lead-alert');
    await supervisor.goto(`${app.url}/cases`);
    // The demo has settled, so its minors' leads were scored (and alerted on) before this began.
    await poll(() => alerts.count()).toBeGreaterThan(0);
    const first = alerts.first();
    expect(await first.innerText()).toMatch(/Lead about a minor in the triage queue, since /);
    const href = await first.getByRole('link', { name: 'Open lead' }).getAttribute('href');
    const entityId = /^\/entities\/([0-9a-f-]+)$/.exec(href ?? '')?.[1];
    expect(entityId, `the alert's link: ${href}`).toBeDefined();
    // The alert for this lead, known by its link (more than one minor may be alerted on).
    const alert = alerts.filter({ has: supervisor.locator(`a[href="/entities/${entityId}"]`) });
    expect(await alert.count()).toBe(1);
    await snap(supervisor, 'lead-alert');

    // An outreach worker, signed in while the alert is open, sees none: the protocol names
    // supervisors, and the API gives others an empty list.
    const worker = await staff('outreach_worker', 'otto.outreach@example.org');
    await worker.goto(`${app.url}/cases`);
    await poll(() => worker.getByRole('heading', { name: 'Cases', level: 1 }).isVisible()).toBe(
      true,
    );
    // The page has loaded once the case list (or its empty state) is there.
    await poll(
      async () =>
        (await worker.getByTestId('case-list').isVisible()) ||
        (await worker.getByText('No cases yet').isVisible()),
    ).toBe(true);
    expect(await worker.getByTestId('lead-alert').count()).toBe(0);
    expect(await worker.getByRole('heading', { name: 'Alerts' }).count()).toBe(0);
    const theirs = await apiCall(worker, 'GET', '/api/cases/lead-alerts');
    expect(theirs.status).toBe(200);
    expect((theirs.json as { items: unknown[] }).items).toEqual([]);

    // The supervisor follows the alert to the lead…
    await alert.getByRole('link', { name: 'Open lead' }).click();
    await poll(() => new URL(supervisor.url()).pathname).toBe(`/entities/${entityId}`);
    await poll(() =>
      supervisor
        // Named by its alias ("Lead cobalt-river-417"), the id a secondary, copyable line.
        .getByRole('heading', { name: /^Lead [a-z]+-[a-z]+-\d+$/, level: 1 })
        .isVisible(),
    ).toBe(true);
    await poll(() => supervisor.getByTestId('entity-header').isVisible()).toBe(true);

    // …comes back and acknowledges it: it is gone, from the page and from the API's open ones.
    await supervisor.goBack();
    await poll(() => alert.count()).toBe(1);
    const acknowledged = supervisor.waitForResponse(
      (r) =>
        r.request().method() === 'POST' &&
        /\/api\/cases\/lead-alerts\/[^/]+\/acknowledge$/.test(new URL(r.url()).pathname),
    );
    await alert.getByRole('button', { name: 'Acknowledge' }).click();
    expect((await acknowledged).status()).toBe(200);
    await poll(() => alert.count()).toBe(0);
    const open = await apiCall(supervisor, 'GET', '/api/cases/lead-alerts');
    expect(open.status).toBe(200);
    expect(
      (open.json as { items: { entityId: string }[] }).items.map((a) => a.entityId),
    ).not.toContain(entityId);
    await snap(supervisor, 'lead-alert-acknowledged');
  }, 120_000);

  it('an analyst has no Audit log, and the API refuses it', async () => {
    const p = await staff('analyst', 'ana.analyst@example.org');
    await p.goto(`${app.url}/audit`);
    await poll(() =>
      p.getByText('The audit log is for supervisors and administrators').isVisible(),
    ).toBe(true);
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect((await apiCall(p, 'GET', '/api/audit/entries')).status).toBe(403);
    await p.goto(`${app.url}/ads/${adId}`);
    await poll(() => p.getByTestId('ad-heading').isVisible()).toBe(true);
    expect(await p.getByTestId('who-viewed').count()).toBe(0);
  }, 120_000);

  it('kept every request on this machine and the CSP intact', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
