// Browser journey through sources, ads and extraction on the real thing: `ariadne start` with demo
// data (the synthetic ad board on loopback and two sources pointing at it; the demo app the
// journeys share, once its first crawl is done), Debian's Chromium and the built console. An
// analyst sees the demo sources, writes a small source of their own (a bad definition first: its
// problems are listed by path and line), runs it and waits for the summary, filters the ads, opens
// one with its facts marked, reveals a phone number (and the audit log has it), and downloads the
// ad's captures as gzip'd WARC. An admin overrides robots.txt with a reason; an outreach worker
// reads without running; a partner organisation sees neither Sources nor Ads and the API refuses
// it. Last, the analyst adds a custom term and a block-list entry (a bad pattern refused first) and
// retires them.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiSignIn,
  ensureConsoleBuilt,
  launchChromium,
  newContext as openContext,
  newPage,
  poll,
  queryDataDir,
  screenshots,
  type Api,
} from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';

const PASSWORD = 'a long enough passphrase 7';
const QUICK_SOURCE = 'ad-board-a-quick';

interface SourceJson {
  id: string;
  name: string;
  definition: Record<string, unknown>;
}
interface FactJson {
  kind: string;
  identifierId?: string;
}

describe('console: sources, ads and extraction', () => {
  let app: SharedDemo;
  let browser: Browser;
  let admin: { context: BrowserContext; api: Api };
  let analyst: { context: BrowserContext; page: Page; api: Api; id: string };
  let quickSourceId = '';
  let targetAd: { id: string; city: string; identifierId: string } | null = null;
  /** Errors the analyst's page logged: a CSP violation (an inline style without the nonce) shows here. */
  const consoleErrors: string[] = [];

  const snap = screenshots('collect');

  async function newContext(): Promise<BrowserContext> {
    return openContext(browser, { viewport: { width: 1360, height: 900 } });
  }

  /** Creates a user as the admin and signs them in, in a context of their own. */
  async function userContext(
    role: 'analyst' | 'outreach_worker' | 'partner',
    partnerOrgId?: string,
  ): Promise<{ context: BrowserContext; api: Api; id: string }> {
    const email = `${role.replace('_', '.')}@example.org`;
    const created = await admin.api.post<{ user: { id: string }; oneTimePassword: string }>(
      '/api/users',
      { email, displayName: `Test ${role}`, role, ...(partnerOrgId ? { partnerOrgId } : {}) },
    );
    expect(created.status).toBe(201);
    const context = await newContext();
    const api = await apiSignIn(
      context.request,
      app.url,
      email,
      created.json.oneTimePassword,
      PASSWORD,
    );
    return { context, api, id: created.json.user.id };
  }

  const query = <T>(sql: string, params: unknown[]) => queryDataDir<T>(app.dataDir, sql, params);

  beforeAll(async () => {
    ensureConsoleBuilt();
    // The first journey starts the shared app and waits out the demo's crawl (an upper bound).
    app = await sharedDemo('collect');
    browser = await launchChromium();
    const adminContext = await newContext();
    admin = {
      context: adminContext,
      api: await apiSignIn(
        adminContext.request,
        app.url,
        app.admin.email,
        app.admin.oneTimePassword,
        PASSWORD,
      ),
    };
    const a = await userContext('analyst');
    const page = await newPage(a.context);
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    analyst = { ...a, page };
  }, 1_500_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo sources with their health and last crawl', async () => {
    const { page } = analyst;
    await page.goto(`${app.url}/sources`);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    try {
      for (const name of ['Sources', 'Ads', 'Extraction rules']) {
        await poll(() => nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
      }
    } catch (err) {
      // What the page shows instead (a sign-in form, an error, another language), for the log.
      const shown = (await page.locator('body').innerText()).slice(0, 600);
      throw new Error(
        `the analyst's navigation is missing on ${page.url()}; the page shows:\n${shown}`,
        {
          cause: err,
        },
      );
    }
    await poll(() => page.getByRole('heading', { name: 'Sources', level: 1 }).isVisible()).toBe(
      true,
    );
    for (const name of ['ad-board-a', 'ad-board-b']) {
      const row = page.locator(`[data-testid="source-row"][data-source="${name}"]`);
      await poll(() => row.isVisible()).toBe(true);
      await poll(() => row.getByTestId('health-badge').isVisible()).toBe(true);
      // The demo queued a first crawl of each source at start.
      await poll(() => row.getByTestId('last-crawl').innerText()).toMatch(
        /Queued|Running|Finished/,
      );
      expect(await row.getByRole('switch').isChecked()).toBe(true);
      // The badge shows its whole word, however narrow the column.
      expect(
        await row
          .getByTestId('health-badge')
          .evaluate((el) =>
            [...el.querySelectorAll('*')].every((e) => e.scrollWidth <= e.clientWidth),
          ),
      ).toBe(true);
    }
    // The schedule in words beside its cron.
    await poll(() =>
      page
        .locator('[data-testid="source-row"][data-source="ad-board-b"]')
        .getByTestId('schedule-words')
        .innerText(),
    ).toBe('At 30 minutes past the hour, every 12 hours, UTC');
    await snap(page, 'sources');
  });

  it('lists the problems of a bad definition by path and line, then creates the source', async () => {
    const { page, api } = analyst;
    const sources = await api.get<{ sources: SourceJson[] }>('/api/sources');
    const boardA = sources.json.sources.find((s) => s.name === 'ad-board-a');
    expect(boardA).toBeDefined();
    // Site A of the demo board, but small: a few dozen pages, no images, on demand only.
    const { schedule: _schedule, ...rest } = boardA!.definition;
    const limits = rest.limits as Record<string, unknown>;
    const definition = {
      ...rest,
      name: QUICK_SOURCE,
      description: 'Site A of the demo board, a small crawl for the browser test',
      fetchImages: false,
      limits: { ...limits, maxPages: 50 },
    };

    await page.getByRole('link', { name: 'New source' }).click();
    await poll(() => page.getByRole('heading', { name: 'New source', level: 1 }).isVisible()).toBe(
      true,
    );
    const editor = page.getByLabel('Source definition (JSON)');

    await editor.fill('{ "name": "broken",');
    await page.getByRole('button', { name: 'Create source' }).click();
    await poll(() => page.getByRole('alert').innerText()).toMatch(/not valid JSON/);

    const bad = { ...definition, name: 'Quick Board', limits: { ...limits, maxPages: 0 } };
    await editor.fill(JSON.stringify(bad, null, 2));
    await page.getByRole('button', { name: 'Create source' }).click();
    const problems = page.getByTestId('definition-problems');
    await poll(() => problems.isVisible()).toBe(true);
    const text = await problems.innerText();
    expect(text).toMatch(/line 2\s+name: use lower-case letters/);
    expect(text).toMatch(/limits\.maxPages: /);
    // Each problem points at its line; the name is on line 2 of the formatted JSON.
    await poll(() => problems.getByRole('button', { name: 'Go to line 2' }).isVisible()).toBe(true);
    await snap(page, 'definition-problems');

    await editor.fill(JSON.stringify(definition, null, 2));
    await page.getByRole('button', { name: 'Create source' }).click();
    await poll(() => page.getByRole('heading', { name: QUICK_SOURCE, level: 1 }).isVisible()).toBe(
      true,
    );
    quickSourceId = /\/sources\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
    expect(quickSourceId).not.toBe('');
    await poll(() => page.getByText('Not crawled yet.').first().isVisible()).toBe(true);
  });

  it('runs a crawl and follows it to its summary', async () => {
    const { page } = analyst;
    await page.getByRole('button', { name: 'Run now' }).click();
    const summary = page.getByTestId('run-summary').first();
    await poll(() => summary.getAttribute('data-status')).toMatch(/queued|running|finished/);
    // While it runs the button waits: one crawl of a source at a time.
    await poll(() => summary.getAttribute('data-status'), 180_000).toMatch(/finished|failed/);
    expect(await summary.getAttribute('data-status')).toBe('finished');
    await poll(() => summary.getByRole('heading', { name: 'Crawl finished' }).isVisible()).toBe(
      true,
    );
    const figure = async (id: string) =>
      Number((await summary.getByTestId(id).innerText()).replace(/\D+/g, ''));
    expect(await figure('figure-pages')).toBeGreaterThan(0);
    expect(await figure('figure-new')).toBeGreaterThan(0);
    expect(await figure('figure-gone')).toBe(0);
    expect(await summary.innerText()).toMatch(/Errors by kind/);
    await poll(() => page.getByRole('button', { name: 'Run now' }).isEnabled()).toBe(true);

    // The history lists the run; its details open with the errors by URL.
    const history = page.getByTestId('crawl-history');
    await poll(() => history.getByTestId('run-row').count()).toBe(1);
    await history.getByRole('button', { name: /^Details of the crawl of/ }).click();
    await poll(() => history.getByTestId('run-summary').isVisible()).toBe(true);

    await page.getByRole('tab', { name: 'Health' }).click();
    await poll(() => page.getByTestId('field-fill').isVisible()).toBe(true);
    expect(await page.getByTestId('field-fill').innerText()).toMatch(/Text\s+100\s*%/);
    await snap(page, 'source-after-crawl');
  }, 240_000);

  it('filters the ads and opens one with its facts marked', async () => {
    const { page, api } = analyst;
    // An ad of the small source with a phone number and a sign of exploitation, once extracted.
    await poll(async () => {
      const list = await api.get<{ items: { id: string; city: string | null }[] }>(
        `/api/ads?source=${QUICK_SOURCE}&limit=200`,
      );
      for (const ad of list.json.items) {
        if (!ad.city) continue;
        const e = await api.get<{ facts: FactJson[]; pending: boolean }>(
          `/api/ads/${ad.id}/extraction`,
        );
        const phone = e.json.facts.find((f) => f.kind === 'phone' && f.identifierId);
        if (phone && e.json.facts.some((f) => f.kind === 'indicator')) {
          targetAd = { id: ad.id, city: ad.city, identifierId: phone.identifierId! };
          return true;
        }
      }
      return false;
    }, 120_000).toBe(true);
    const target = targetAd!;

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Ads', exact: true })
      .click();
    await poll(() => page.getByTestId('ad-row').count()).toBeGreaterThan(0);

    const filters = page.getByRole('search', { name: 'Filter ads' });
    // The status choice is a segmented control: its radios sit behind their labels.
    const status = (name: string) =>
      filters.locator('label').filter({ hasText: new RegExp(`^${name}$`) });
    await filters.getByRole('combobox', { name: 'Source' }).click();
    await page.getByRole('option', { name: QUICK_SOURCE }).click();
    await poll(() => new URL(page.url()).searchParams.get('source')).toBe(QUICK_SOURCE);
    await poll(async () => {
      const sources = await page.getByTestId('ad-row').locator('td:nth-child(2)').allInnerTexts();
      return sources.length > 0 && sources.every((s) => s.includes(QUICK_SOURCE));
    }).toBe(true);

    await filters.getByLabel('City').fill(target.city);
    await poll(() => new URL(page.url()).searchParams.get('city')).toBe(target.city);
    // The filter matches whole words of two letters or more, folded: "A'dam" asks for "dam", which
    // "R'dam" has too. Every row must hold every word asked for, not the typed text.
    const wordsOf = (s: string) =>
      (
        s
          .normalize('NFKD')
          .replace(/\p{M}/gu, '')
          .toLowerCase()
          .match(/[\p{L}\p{N}]+/gu) ?? []
      ).filter((w) => w.length >= 2);
    const asked = wordsOf(target.city);
    let shown: string[] = [];
    await poll(async () => {
      shown = await page.getByTestId('ad-row').locator('td:nth-child(3)').allInnerTexts();
      return shown.length > 0 && shown.every((p) => asked.every((w) => wordsOf(p).includes(w)));
    })
      .toBe(true)
      .catch((e: unknown) => {
        throw new Error(`rows shown for "${target.city}": ${JSON.stringify(shown)}`, { cause: e });
      });
    await status('Gone').click();
    await poll(() => page.getByText('No ads match these filters').isVisible()).toBe(true);
    await status('Active').click();
    await poll(() => page.getByTestId('ad-row').count()).toBeGreaterThan(0);
    await snap(page, 'ads-filtered');

    await page.locator(`a[href="/ads/${target.id}"]`).click();
    await poll(() => page.getByTestId('ad-heading').isVisible()).toBe(true);
    const marks = page.getByTestId('fact-mark');
    await poll(() => marks.count()).toBeGreaterThan(0);
    const sign = page.locator('mark[data-fact-kind="indicator"]').first();
    await poll(() => sign.isVisible()).toBe(true);
    await sign.hover();
    const tooltip = page.getByRole('tooltip');
    await poll(() => tooltip.innerText()).toMatch(/Sign of exploitation/);
    expect(await tooltip.innerText()).toMatch(/Validated|Practitioner|Contested/);
    expect(await tooltip.innerText()).toMatch(/Rule: \S+/);
    await poll(() =>
      page.getByTestId('fact-group').filter({ hasText: 'Signs of exploitation' }).isVisible(),
    ).toBe(true);
    // Scraped text is text: no element from the ad's HTML made it into the page.
    expect(await page.getByTestId('ad-body').locator(':not(mark)').count()).toBe(0);
    await snap(page, 'ad');
  }, 180_000);

  it('reveals a phone number, and the reveal is in the audit log', async () => {
    const { page } = analyst;
    const target = targetAd!;
    const phone = page.locator('[data-testid="fact"][data-fact-kind="phone"]').first();
    const masked = await phone.getByTestId('masked-value').innerText();
    expect(masked).toMatch(/•/);
    await phone.getByRole('button', { name: /^Reveal Phone number/ }).click();
    await page.getByLabel('Reason (optional)').fill('browser test');
    await page.getByRole('button', { name: 'Reveal and log' }).click();
    const value = phone.getByTestId('revealed-value');
    await poll(() => value.isVisible()).toBe(true);
    expect((await value.innerText()).trim()).toMatch(/^\+\d{8,15}$/);
    await poll(() => phone.getByTestId('reveal-logged').innerText()).toMatch(/audit log/);
    await snap(page, 'revealed');

    const rows = await query<{ actor_user_id: string; target_id: string; details: unknown }>(
      `SELECT actor_user_id, target_id, details FROM audit_log
        WHERE action = 'identifier.reveal' ORDER BY seq DESC LIMIT 1`,
      [],
    );
    expect(rows[0]?.actor_user_id).toBe(analyst.id);
    expect(rows[0]?.target_id).toBe(target.id);
    expect(rows[0]?.details).toMatchObject({
      identifierId: target.identifierId,
      reason: 'browser test',
    });
  });

  it("downloads the ad's captures as a gzip'd WARC", async () => {
    const { page } = analyst;
    // Every capture of the ad is listed, oldest first, with its status and what it means.
    const table = page.getByTestId('captures-table');
    const rows = table.locator('tbody tr');
    const stored = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM captures c JOIN ads a
          ON c.source_id = a.source_id AND c.url = a.url WHERE a.id = $1`,
      [targetAd!.id],
    );
    expect(await rows.count()).toBeGreaterThanOrEqual(stored[0]!.n);
    expect(await page.getByTestId('captures-count').innerText()).toBe(
      `${await rows.count()} capture${(await rows.count()) === 1 ? '' : 's'}`,
    );
    expect(await rows.first().innerText()).toMatch(/200\s+page/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('warc-download').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.warc\.gz$/);
    const file = await download.path();
    const data = readFileSync(file);
    expect(data[0]).toBe(0x1f);
    expect(data[1]).toBe(0x8b);
    const warc = gunzipSync(data).toString('latin1');
    expect(warc.startsWith('WARC/1.')).toBe(true);
    expect(warc).toContain('WARC-Type: response');
    // The download is audited like the reveal.
    const exports = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log
        WHERE action = 'captures.export' AND target_id = $1 AND actor_user_id = $2`,
      [targetAd!.id, analyst.id],
    );
    expect(exports[0]?.n).toBe(1);
  });

  it('lets an admin crawl against robots.txt only with a reason', async () => {
    const page = await newPage(admin.context);
    await page.goto(`${app.url}/sources/${quickSourceId}?tab=robots`);
    const panel = page.getByTestId('robots-panel');
    await poll(() => panel.isVisible()).toBe(true);
    await panel.getByRole('button', { name: 'Crawl despite robots.txt' }).click();
    await poll(() => panel.getByText('Write a reason of at least 10 characters.').isVisible()).toBe(
      true,
    );
    await panel
      .getByLabel(/Reason for crawling against robots\.txt/)
      .fill('Browser test: the demo board is our own synthetic site.');
    await panel.getByRole('button', { name: 'Crawl despite robots.txt' }).click();
    await poll(() => panel.getByTestId('robots-override-active').innerText()).toMatch(
      /our own synthetic site/,
    );
    await snap(page, 'robots-override');
    await page.close();

    // The analyst sees the override and its reason, and cannot change it.
    const { page: ap } = analyst;
    await ap.goto(`${app.url}/sources/${quickSourceId}?tab=robots`);
    await poll(() => ap.getByTestId('robots-override-active').isVisible()).toBe(true);
    expect(await ap.getByRole('button', { name: 'Lift the override' }).count()).toBe(0);
    await poll(() =>
      ap.getByText('Only an administrator can allow a crawl against').isVisible(),
    ).toBe(true);
  });

  it('lets an outreach worker read sources and ads but not run a crawl', async () => {
    const worker = await userContext('outreach_worker');
    const page = await newPage(worker.context);
    await page.goto(`${app.url}/sources/${quickSourceId}`);
    await poll(() => page.getByRole('heading', { name: QUICK_SOURCE, level: 1 }).isVisible()).toBe(
      true,
    );
    expect(await page.getByRole('button', { name: 'Run now' }).count()).toBe(0);
    expect(await page.getByRole('switch').isDisabled()).toBe(true);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: 'Extraction rules' }).count()).toBe(0);
    expect((await worker.api.post(`/api/sources/${quickSourceId}/crawl`, {})).status).toBe(403);
    expect((await worker.api.get('/api/ads?limit=1')).status).toBe(200);
    await worker.context.close();
  });

  it('shows a partner organisation neither Sources nor Ads, and the API refuses them', async () => {
    const org = await admin.api.post<{ partnerOrg: { id: string } }>('/api/partner-orgs', {
      name: 'Stichting Test Partner',
    });
    const partner = await userContext('partner', org.json.partnerOrg.id);
    const page = await newPage(partner.context);
    await page.goto(app.url);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await poll(() => nav.getByRole('link', { name: 'Partners', exact: true }).isVisible()).toBe(
      true,
    );
    // "/" leads a partner to the referrals made to their organisation.
    await poll(() => new URL(page.url()).pathname).toBe('/referrals');
    for (const name of ['Sources', 'Ads', 'Extraction rules', 'Triage queue']) {
      expect(await nav.getByRole('link', { name, exact: true }).count()).toBe(0);
    }
    await page.goto(`${app.url}/sources`);
    await poll(() => page.getByText('No access').isVisible()).toBe(true);
    await snap(page, 'partner');
    for (const p of ['/api/sources', '/api/ads', `/api/ads/${targetAd!.id}/extraction`]) {
      expect((await partner.api.get(p)).status).toBe(403);
    }
    expect(
      (await partner.api.post(`/api/identifiers/${targetAd!.identifierId}/reveal`, {})).status,
    ).toBe(403);
    await partner.context.close();
  });
  it('adds a block-list entry and a custom term, and retires them', async () => {
    const { page } = analyst;
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Extraction rules' })
      .click();
    await poll(() =>
      page.getByRole('heading', { name: 'Extraction rules', level: 1 }).isVisible(),
    ).toBe(true);

    await page.getByRole('button', { name: 'Add a term' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/Patterns, one per line/).fill('(zonder|geen) paspoort\nbad (pattern');
    await dialog
      .getByLabel(/Explanation for analysts/)
      .fill('Says she has no passport: her documents may be held by someone else.');
    await dialog.getByRole('button', { name: 'Add term' }).click();
    // The server checks every pattern and says which one is wrong.
    await poll(() => dialog.getByRole('alert').innerText()).toMatch(/patterns\.1/);
    await dialog.getByLabel(/Patterns, one per line/).fill('(zonder|geen) paspoort');
    await dialog.getByRole('button', { name: 'Add term' }).click();
    const terms = page.getByTestId('terms-table');
    await poll(() => terms.innerText()).toMatch(/\(zonder\|geen\) paspoort/);

    await page.getByRole('button', { name: 'Block a false hit' }).click();
    await dialog.getByLabel('Kind of finding').selectOption('place');
    await dialog.getByRole('textbox', { name: 'Pattern' }).fill('hotel*');
    await dialog.getByLabel(/^Note/).fill('A hotel is where they meet, not a place.');
    await dialog.getByRole('button', { name: 'Add to block-list' }).click();
    const blocks = page.getByTestId('block-table');
    await poll(() => blocks.innerText()).toMatch(/hotel\*/);
    // A change of rules re-processes the ads; the page says how many still wait (or that all are done).
    await poll(
      async () =>
        (await page.getByTestId('reprocessing').count()) +
        (await page.getByTestId('rules-current').count()),
    ).toBe(1);
    await snap(page, 'rules');

    await blocks.getByRole('button', { name: 'Retire' }).click();
    await dialog.getByRole('button', { name: 'Retire rule' }).click();
    await poll(() => page.getByText('The block-list is empty').isVisible()).toBe(true);
    await page.getByRole('tab', { name: /Custom terms/ }).click();
    await terms.getByRole('button', { name: 'Retire' }).click();
    await dialog.getByRole('button', { name: 'Retire rule' }).click();
    await poll(() => page.getByText('No custom terms').isVisible()).toBe(true);
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });
});
