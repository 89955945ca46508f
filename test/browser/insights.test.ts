// Browser journey through Insights on the real thing (`ariadne start`, no demo): the admin opens the
// page, sees the funnel as a chart that a screen reader reads as one summary, switches it to a table,
// picks months instead of weeks, and downloads the suppressed CSV export. Nothing leaves the machine.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureConsoleBuilt,
  firstSignIn,
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
  type Started,
} from './harness.js';

const ADMIN_PASSWORD = 'copper meadow signal 31';

describe('insights journey', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let admin: Page;
  const { outside, watch } = pageWatch();
  const snap = screenshots('insights');

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('insights-browser');
    server = await startServer(dataDir, { demo: false });
    browser = await launchChromium();
    admin = await newPage(await newContext(browser));
    watch(admin);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('shows the funnel as a chart and as a table, per period, and exports it', async () => {
    await admin.goto(server.url);
    await firstSignIn(admin, server.email, server.password, ADMIN_PASSWORD);
    await admin.goto(`${server.url}/insights`);
    await poll(() => admin.getByRole('heading', { name: 'Insights', level: 1 }).isVisible()).toBe(
      true,
    );
    const chart = admin.getByRole('img', { name: /^Funnel from ads collected/ });
    await poll(() => chart.isVisible()).toBe(true);
    expect(await chart.getAttribute('aria-label')).toContain('Ads collected 0');
    await snap(admin, 'chart');

    await admin.getByRole('button', { name: 'Show as a table' }).click();
    const table = admin.getByTestId('funnel-table');
    await poll(() => table.isVisible()).toBe(true);
    expect(await table.getByRole('rowheader').allInnerTexts()).toEqual([
      'Ads collected',
      'Leads',
      'Contacted',
      'Replied',
      'Cases',
      'Referred',
      'Accepted',
      'Helped',
    ]);
    for (const name of [
      'Per period',
      'Per region',
      'Per language',
      'From first contact to referral',
    ]) {
      expect(await admin.getByRole('heading', { name, level: 2 }).isVisible()).toBe(true);
    }

    // Mantine's segmented control hides its radios behind their labels: a person clicks the label.
    await admin.locator('label', { hasText: /^Month$/ }).click();
    expect(await admin.getByRole('radio', { name: 'Month' }).isChecked()).toBe(true);
    await admin.getByRole('button', { name: 'Show', exact: true }).click();
    await poll(
      async () =>
        (await admin.getByRole('link', { name: 'Export CSV' }).getAttribute('href')) ?? '',
    ).toContain('unit=month');

    const href = (await admin.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
    const res = await admin.request.get(`${server.url}${href}`);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^text\/csv/);
    expect((await res.text()).split('\r\n')[0]).toBe('table,row,column,value');
    expect(outside).toEqual([]);
  });
});
