// Browser journey through the triage queue on the real thing: `ariadne start` in embedded demo
// mode (the demo app the journeys share) crawls the synthetic ad board, and extraction, linking and
// scoring run as jobs until leads appear; the journey begins once they are done. The admin signs in
// for the first time (TOTP), opens the queue (urgent first), opens a lead, reads the score
// explanation (points add up to the score), the movement timeline and the graph, opens the passage
// behind a reason, hands the lead around (to a colleague, to themself), is refused "no action"
// without a reason and records it with one, exports the queue as CSV and saves a search. Leads are
// named by alias and found by it; the lead page's bar keeps the score and Contact in view and
// reaches each section in one click; its features and Shared templates count alike. A supervisor,
// on a phone-sized screen, finds colleagues in the "Assigned to" filter and hands the lead to a
// worker (the console never asks the admins' user list). A partner user sees no queue and gets 403.
import { readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  ensureConsoleBuilt,
  firstSignIn,
  label,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  screenshots,
} from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';
import { expectDutchOnly } from './dutch-only.js';

const ADMIN_PASSWORD = 'calm river lantern 42';
const PARTNER_PASSWORD = 'quiet harbour morning 7';
/** The demo has settled before the journey begins: leads are there, or come soon after. */
const LEADS_TIMEOUT_MS = 300_000;

/** Names the demo's pages may show as they are (people, products). */
const DEMO_NAMES = ['Olga Outreach', 'Ariadne'];

const ALIAS = /^[a-z]+-[a-z]+-\d{2,3}$/;
const SUPERVISOR_PASSWORD = 'steady maple compass 58';

interface LeadItem {
  entityId: string;
  alias: string;
  urgent: boolean;
  score: number;
  placeIds: string[];
  adCount: number;
}

/** What a worker writes as the reason for "no action" (their own words, in English). */
const NO_ACTION_REASON = 'Independent worker, checked by phone; no signs of control.';

describe('triage queue journey', () => {
  let app: SharedDemo;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const { outside, cspErrors, watch } = pageWatch();
  let lead: LeadItem;
  let colleagueName = '';
  let partnerPassword = '';
  const shoot = screenshots('triage');
  const snap = (name: string, p: Page = page) => shoot(p, name);

  beforeAll(async () => {
    ensureConsoleBuilt();
    // The first journey starts the shared app and waits out the demo's crawl (an upper bound).
    app = await sharedDemo('triage');
    browser = await launchChromium();
    context = await newContext(browser, { acceptDownloads: true });
    page = await newPage(context);
    watch(page);
  }, 1_500_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'signs the admin in and waits for the demo to put leads in the queue',
    async () => {
      await page.goto(app.url);
      await firstSignIn(page, app.admin.email, app.admin.oneTimePassword, ADMIN_PASSWORD);

      // Crawl → extraction → linking → scoring run as jobs; wait until leads arrive.
      const started = Date.now();
      let items: LeadItem[] = [];
      while (Date.now() - started < LEADS_TIMEOUT_MS) {
        const r = await apiCall(page, 'GET', '/api/leads?limit=200');
        expect(r.status).toBe(200);
        items = (r.json as { items: LeadItem[] }).items;
        if (items.some((l) => l.placeIds.length > 0)) break;
        await page.waitForTimeout(2_000);
      }
      expect(
        items.length,
        `no leads after ${LEADS_TIMEOUT_MS / 1000}s; server said:\n${app.output().slice(-4000)}`,
      ).toBeGreaterThan(0);
      // The lead to work with: the queue's first one that has places (movement to show).
      const firstPage = items.slice(0, 50);
      lead = firstPage.find((l) => l.placeIds.length > 0) ?? firstPage[0]!;

      // A colleague to hand leads to (created by the admin through the API, like the admin page).
      const created = await apiCall(page, 'POST', '/api/users', {
        email: 'olga.outreach@example.org',
        displayName: 'Olga Outreach',
        role: 'outreach_worker',
      });
      expect(created.status).toBe(201);
      colleagueName = 'Olga Outreach';
    },
    LEADS_TIMEOUT_MS + 120_000,
  );

  it('shows the queue, urgent leads first and then by score', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Triage queue' }).click();
    await poll(() =>
      page.getByRole('heading', { name: 'Triage queue', level: 1 }).isVisible(),
    ).toBe(true);
    // Had the queue been shown before the last leads came, it follows by itself within a minute,
    // or at once with Refresh.
    await page.getByRole('button', { name: 'Refresh' }).click();
    const rows = page.getByTestId('lead-row');
    await poll(() => rows.count()).toBeGreaterThan(0);
    expect(await page.title()).toMatch(/^Triage queue · Ariadne$/);
    const order = await rows.evaluateAll((els) =>
      els.map((e) => ({
        urgent: e.getAttribute('data-urgent') === 'true',
        score: Number(e.getAttribute('data-score')),
      })),
    );
    for (let i = 1; i < order.length; i++) {
      const a = order[i - 1]!;
      const b = order[i]!;
      expect(
        Number(a.urgent) > Number(b.urgent) || (a.urgent === b.urgent && a.score >= b.score),
      ).toBe(true);
    }
    if (order.some((o) => o.urgent)) {
      expect(order[0]!.urgent).toBe(true);
      await poll(() => rows.first().getByTestId('urgent-badge').isVisible()).toBe(true);
    }
    await snap('queue');
    // Each lead is named by its alias; the id is there beside it, smaller.
    expect(await rows.first().getByTestId('lead-alias').innerText()).toMatch(ALIAS);

    // The search finds a lead by its alias (and the URL keeps it).
    expect(lead.alias).toMatch(ALIAS);
    await page.getByTestId('queue-search').fill(lead.alias.replace(/-/g, ' '));
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await poll(() => new URL(page.url()).searchParams.get('q')).toBe(lead.alias.replace(/-/g, ' '));
    await poll(() => rows.count()).toBe(1);
    expect(await rows.first().getByTestId('lead-alias').innerText()).toBe(lead.alias);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await poll(() => new URL(page.url()).search).toBe('');

    // A filter goes to the URL and narrows the list.
    await page.getByLabel('Flag').selectOption('young');
    await poll(() => new URL(page.url()).searchParams.get('flag')).toBe('young');
    await poll(async () => {
      const n = await rows.count();
      const empty = await page.getByText('No leads match these filters').isVisible();
      return n > 0 || empty;
    }).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await poll(() => new URL(page.url()).search).toBe('');
  }, 60_000);

  it('opens a lead whose score explanation adds up, with movement and the graph', async () => {
    const open = page.getByRole('link', { name: `Open lead ${lead.alias}` });
    // New leads may have pushed it off the first page meanwhile; then go by its address.
    if (await open.count()) await open.click();
    else await page.goto(`${app.url}/entities/${lead.entityId}`);
    await poll(() => new URL(page.url()).pathname).toBe(`/entities/${lead.entityId}`);
    const header = page.getByTestId('entity-header');
    await poll(() => header.isVisible()).toBe(true);
    await poll(() =>
      page.getByRole('heading', { name: `Lead ${lead.alias}`, level: 1 }).isVisible(),
    ).toBe(true);

    const why = page.getByRole('region', { name: 'Why this score' });
    await poll(() => why.getByTestId('reason').count()).toBeGreaterThan(0);
    const score = Number(await page.getByTestId('entity-score').innerText());
    const points = await why
      .getByTestId('reason')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-points'))));
    expect(points.reduce((a, b) => a + b, 0)).toBe(score);
    expect(Number(await why.getByTestId('reason-total').innerText())).toBe(score);
    // Every reason says how strong its evidence is; contested ones count 0. Known by the badge: a
    // reason's explanation may name contested words (rapid movement's does) and score all the same.
    const contested = why.getByTestId('reason').filter({
      has: page.getByTestId('evidence-badge').getByText('Contested', { exact: true }),
    });
    for (const p of await contested.evaluateAll((els) =>
      els.map((e) => Number(e.getAttribute('data-points'))),
    )) {
      expect(p).toBe(0);
    }
    // A long explanation shows two whole lines, and the rest on request.
    const more = why.getByRole('button', { name: 'Why this weight' }).first();
    await poll(() => more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    const less = why.getByRole('button', { name: 'Show less' }).first();
    await poll(() => less.getAttribute('aria-expanded')).toBe('true');
    await less.click();

    const movement = page.getByRole('region', { name: 'Movement' });
    await poll(() => movement.getByTestId('movement-stop').count()).toBeGreaterThan(0);

    const graph = page.getByRole('region', { name: 'Ads and identifiers' });
    await poll(
      () => graph.locator('[data-testid="entity-graph"] canvas').count(),
      30_000,
    ).toBeGreaterThan(0);
    await snap('entity');

    // The summary on top names the key facts; the Features table and the Shared templates panel
    // count this lead's ads on shared templates the same way.
    await poll(() => header.getByTestId('lead-facts').isVisible()).toBe(true);
    const templateAds = await page
      .getByTestId('templates')
      .getByTestId('template-ads')
      .evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-ads')), 0));
    const featureRow = page.locator('[data-testid="features"] tr[data-feature="templateAds"]');
    if (await featureRow.count()) {
      expect(Number(await featureRow.locator('td').innerText())).toBe(templateAds);
    }

    // One click on the bar reaches a section; the bar, with the score, stays in view.
    const bar = page.getByTestId('lead-bar');
    await bar
      .getByRole('navigation', { name: 'Parts of this lead' })
      .getByRole('link', { name: 'History' })
      .click();
    await poll(() => new URL(page.url()).hash).toBe('#lead-history');
    await poll(() => page.getByRole('region', { name: 'History' }).isVisible()).toBe(true);
    await poll(async () => {
      const box = await bar.boundingBox();
      return box !== null && box.y >= 0 && box.y < 200;
    }).toBe(true);
    expect(await bar.getByTestId('entity-score').isVisible()).toBe(true);
    await snap('entity-history-anchor');
    await page.evaluate(() => window.scrollTo(0, 0));

    // The passage behind a reason, with the span marked (scraped text as text, never HTML).
    const hit = why.getByTestId('reason-hit').first();
    if (await hit.count()) {
      await hit.click();
      const dialog = page.getByRole('dialog');
      await poll(() => dialog.getByTestId('focus-mark').count()).toBeGreaterThan(0);
      expect(await dialog.getByTestId('ad-body').locator('script, img, iframe').count()).toBe(0);
      await snap('ad-with-span');
      await page.keyboard.press('Escape');
      await poll(() => dialog.count()).toBe(0);
    }
  }, 120_000);

  it('hands the lead around and refuses "no action" without a reason', async () => {
    const header = page.getByTestId('entity-header');
    const actions = page.getByRole('group', { name: 'Actions on this lead' });

    // The admin (a supervisor's rights) hands it to a colleague, then takes it.
    await actions.getByRole('button', { name: 'Assign to…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Assign to').selectOption({ label: colleagueName });
    await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
    await poll(() => header.innerText()).toMatch(/Assigned to: Olga Outreach/);
    await actions.getByRole('button', { name: 'Assign to me' }).click();
    await poll(() => header.innerText()).toMatch(/Assigned to: You/);

    // The server refuses "no action" without a reason…
    const refused = await apiCall(page, 'POST', `/api/leads/${lead.entityId}/actions`, {
      action: 'state',
      state: 'no_action',
    });
    expect(refused.status).toBe(400);
    // …and so does the form, before anything is sent.
    await actions.getByRole('button', { name: 'No action…' }).click();
    await poll(() =>
      dialog.getByRole('heading', { name: 'No action on this lead' }).isVisible(),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Record no action' }).click();
    await poll(() => dialog.getByText('A reason is required for “no action”.').isVisible()).toBe(
      true,
    );
    await snap('no-action-refused');
    await dialog.getByLabel(label('Reason')).fill(NO_ACTION_REASON);
    await dialog.getByRole('button', { name: 'Record no action' }).click();
    await poll(() => dialog.count()).toBe(0);
    await poll(() => header.getByTestId('state-badge').innerText()).toBe('No action');
    await poll(() => header.innerText()).toMatch(/Reason for no action: Independent worker/);
    const history = page.getByRole('region', { name: 'History' });
    await poll(() => history.innerText()).toMatch(/No action/);
    await poll(() => history.innerText()).toMatch(/Independent worker, checked by phone/);
    await snap('no-action-recorded');

    // Snoozed to a day ahead, then woken up again.
    const day = new Date(Date.now() + 3 * 86_400_000);
    const pad = (n: number) => String(n).padStart(2, '0');
    await actions.getByRole('button', { name: 'Snooze…' }).click();
    await dialog
      .getByLabel(label('Snooze until'))
      .fill(`${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`);
    await dialog.getByRole('button', { name: 'Snooze', exact: true }).click();
    await poll(() => header.innerText()).toMatch(/Snoozed until/);
    await actions.getByRole('button', { name: 'Wake up' }).click();
    await poll(() => header.innerText()).not.toMatch(/Snoozed until/);

    // Reopening is a supervisor's call (the admin has those rights).
    await actions.getByRole('button', { name: 'Reopen' }).click();
    await poll(() => header.getByTestId('state-badge').innerText()).toBe('New');
  }, 120_000);

  it('exports the queue as CSV and saves a search', async () => {
    await page.getByRole('link', { name: /Back to the queue/ }).click();
    await poll(() => page.getByTestId('lead-row').count()).toBeGreaterThan(0);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    // The header is in the worker's language; a script asks for the codes.
    expect(text.split('\n')[0]).toMatch(/^Lead id,State,Urgent,Score,/);

    const csv = await page.request.get(`${app.url}/api/leads.csv?state=all&labels=codes`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await csv.text()).split('\n')[0]).toMatch(/^entity_id,/);

    await page.getByLabel('State').selectOption('all');
    await poll(() => new URL(page.url()).searchParams.get('state')).toBe('all');
    await page.getByRole('button', { name: 'Save this search' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(label('Name')).fill('Everything, every state');
    await dialog.getByRole('button', { name: 'Save this search' }).click();
    await poll(() => dialog.count()).toBe(0);
    await page.getByRole('button', { name: /^Saved searches/ }).click();
    await poll(() =>
      page.getByRole('button', { name: 'Open Everything, every state' }).isVisible(),
    ).toBe(true);
    // The header's bell asks for new matches (the server checks saved searches on a schedule).
    await poll(() =>
      page
        .getByRole('button', { name: /saved searches/i })
        .first()
        .isVisible(),
    ).toBe(true);
    await snap('saved-searches');
    await page.keyboard.press('Escape');

    // The same in Dutch.
    await page.locator('label').filter({ hasText: /^NL$/ }).click();
    await poll(() =>
      page.getByRole('heading', { name: 'Triagewachtrij', level: 1 }).isVisible(),
    ).toBe(true);
    await poll(() => page.getByTestId('export-csv').innerText()).toBe('CSV exporteren');
    await poll(() => page.getByTestId('lead-row').count()).toBeGreaterThan(0);
    await snap('queue-dutch');
    // Dutch throughout: the queue (with its one-line reasons) and the lead page (its score
    // explanation, features, ads' metadata) show no English but names, aliases and citations.
    // The search saved above keeps the name it was given (its toast may still be on screen).
    await expectDutchOnly(page, 'queue', { allow: [...DEMO_NAMES, 'Everything, every state'] });
    await page.goto(`${app.url}/entities/${lead.entityId}`);
    const why = page.getByRole('region', { name: 'Waarom deze score' });
    await poll(() => why.getByTestId('reason').count()).toBeGreaterThan(0);
    await snap('lead-dutch');
    // The reason for "no action" given above is the worker's own words, kept as written.
    await expectDutchOnly(page, 'lead page', { allow: [...DEMO_NAMES, NO_ACTION_REASON] });
    await page.getByRole('link', { name: 'Triagewachtrij' }).first().click();
    await page.locator('label').filter({ hasText: /^EN$/ }).click();
    await poll(() =>
      page.getByRole('heading', { name: 'Triage queue', level: 1 }).isVisible(),
    ).toBe(true);
  }, 120_000);

  it('lets a supervisor hand the lead to a worker, on a phone-sized screen', async () => {
    const created = await apiCall(page, 'POST', '/api/users', {
      email: 'tess.triage-supervisor@example.org',
      displayName: 'Tess Supervisor',
      role: 'supervisor',
    });
    expect(created.status).toBe(201);
    const oneTime = (created.json as { oneTimePassword: string }).oneTimePassword;
    const phone = await newContext(browser, { viewport: { width: 390, height: 844 } });
    try {
      const p = await newPage(phone);
      watch(p);
      // The admins' user list is never asked for by a page a supervisor opens.
      const usersCalls: string[] = [];
      p.on('request', (r) => {
        if (new URL(r.url()).pathname.startsWith('/api/users')) usersCalls.push(r.url());
      });
      await p.goto(`${app.url}/triage`);
      await firstSignIn(p, 'tess.triage-supervisor@example.org', oneTime, SUPERVISOR_PASSWORD);
      // On a phone the queue shows cards, and its filters in a drawer.
      await poll(() => p.getByTestId('lead-card').count(), 30_000).toBeGreaterThan(0);

      // "Assigned to" offers each colleague by name.
      await p.getByTestId('filters-open').click();
      const assignee = p.getByRole('dialog', { name: 'Filters' }).getByLabel('Assigned to');
      await poll(() =>
        assignee.locator('option').evaluateAll((os) => os.map((o) => o.textContent)),
      ).toContain(colleagueName);

      await p.goto(`${app.url}/entities/${lead.entityId}`);
      const header = p.getByTestId('entity-header');
      await poll(() => header.isVisible()).toBe(true);
      const actions = p.getByRole('group', { name: 'Actions on this lead' });
      await actions.getByRole('button', { name: 'Assign to…' }).click();
      const dialog = p.getByRole('dialog');
      await dialog.getByLabel('Assign to').selectOption({ label: colleagueName });
      await dialog.getByRole('button', { name: 'Assign', exact: true }).click();
      await poll(() => header.innerText()).toMatch(new RegExp(`Assigned to: ${colleagueName}`));
      await snap('supervisor-assigned', p);

      // At 390 px the page fits the width, and scrolled to its end the bar still shows the
      // alias, the score and Contact.
      expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await p.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      const bar = p.getByTestId('lead-bar');
      await poll(async () => {
        const box = await bar.boundingBox();
        return box !== null && box.y >= 0 && box.y + box.height <= 844;
      }).toBe(true);
      expect(await bar.getByTestId('lead-bar-alias').innerText()).toBe(lead.alias);
      expect(await bar.getByTestId('entity-score').isVisible()).toBe(true);
      expect(await bar.getByTestId('lead-bar-contact').isVisible()).toBe(true);
      await snap('supervisor-phone-bar', p);

      // The queue filtered by that colleague lists the lead.
      await p.goto(`${app.url}/triage?state=all`);
      await p.getByTestId('filters-open').click();
      await p
        .getByRole('dialog', { name: 'Filters' })
        .getByLabel('Assigned to')
        .selectOption({ label: colleagueName });
      await poll(() => new URL(p.url()).searchParams.get('assignee')).toMatch(/^[0-9a-f-]{36}$/);
      await poll(() =>
        p.getByTestId('lead-alias').evaluateAll((els) => els.map((e) => e.textContent)),
      ).toContain(lead.alias);
      expect(usersCalls).toEqual([]);
    } finally {
      await phone.close();
    }
  }, 180_000);

  it('shows a partner no queue, and the API answers them 403', async () => {
    const org = await apiCall(page, 'POST', '/api/partner-orgs', { name: 'Stichting Test Zorg' });
    expect(org.status).toBe(201);
    const orgId = (org.json as { partnerOrg: { id: string } }).partnerOrg.id;
    const created = await apiCall(page, 'POST', '/api/users', {
      email: 'pat.partner@example.org',
      displayName: 'Pat Partner',
      role: 'partner',
      partnerOrgId: orgId,
    });
    expect(created.status).toBe(201);
    partnerPassword = (created.json as { oneTimePassword: string }).oneTimePassword;

    const partnerContext = await newContext(browser);
    try {
      const p = await newPage(partnerContext);
      watch(p);
      await p.goto(`${app.url}/triage`);
      await firstSignIn(p, 'pat.partner@example.org', partnerPassword, PARTNER_PASSWORD);
      const nav = p.getByRole('navigation', { name: 'Main navigation' });
      await poll(() => nav.getByRole('link', { name: 'Partners' }).isVisible()).toBe(true);
      expect(await nav.getByRole('link', { name: /Triage/ }).count()).toBe(0);
      // Sent away from the queue's address, to their own section.
      await poll(() => new URL(p.url()).pathname).toBe('/referrals');
      expect(await p.getByRole('button', { name: /saved searches/i }).count()).toBe(0);
      const leads = await apiCall(p, 'GET', '/api/leads');
      expect(leads.status).toBe(403);
      const entity = await apiCall(p, 'GET', `/api/entities/${lead.entityId}`);
      expect(entity.status).toBe(403);
      await snap('partner', p);
    } finally {
      await partnerContext.close();
    }
  }, 180_000);

  it('made no request off this machine and broke no content security rule', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
