// Browser journey through the partner directory on the real thing (`ariadne start`, no demo): the
// admin imports a CSV file with mistakes and sees each one by line and column with nothing
// imported, then the synthetic directory; filters the table by region; opens an organisation and
// changes its capacity; finds organisations for a 16-year-old who speaks Romanian, the ones that
// cannot take her listed last with the reason; and links an entry to a partner organisation's
// account, whose user then sees that entry and no other. Nothing leaves the machine.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { writePartnerCsv } from '../../src/cases/index.js';
import {
  apiCall,
  apiSignIn,
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

const ADMIN_PASSWORD = 'quiet harbour lantern 42';
const PARTNER_PASSWORD = 'willow ember compass 77';
const directory = generatePartnerDirectory({ asOf: new Date() });

/** The synthetic directory as a file a person would write: no id column (new organisations). */
const directoryCsv = writePartnerCsv(
  directory.map((profile) => ({ id: '00000000-0000-4000-8000-000000000000', profile })),
)
  .split('\r\n')
  .map((line) => line.replace(/^[^,]*,/, ''))
  .join('\r\n');

describe('partner directory journey', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let admin: Page;
  const { outside, watch } = pageWatch();
  const snap = screenshots('partners');

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('partners-browser');
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

  async function upload(name: string, text: string | Buffer) {
    const dialog = admin.getByRole('dialog', { name: 'Import a CSV file' });
    await dialog.locator('input[type=file]').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'),
    });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    return dialog;
  }

  it('refuses a file with mistakes line by line, then imports the directory', async () => {
    await admin.goto(server.url);
    await firstSignIn(admin, server.email, server.password, ADMIN_PASSWORD);
    await admin.goto(`${server.url}/partners`);
    await poll(() => admin.getByText('The directory is empty').isVisible()).toBe(true);

    await admin.getByRole('button', { name: 'Import CSV' }).click();
    const bad = [
      'name,kind,services,regions,referral_channel,secure_link_contact',
      'Huis Goed,shelter,shelter,Utrecht,secure_link,intake@goed.example',
      'Huis Fout,castle,shelter,Utrecht,secure_link,intake@fout.example',
      'Huis Zonder,shelter,shelter,Atlantis,secure_link,',
    ].join('\n');
    const dialog = await upload('bad.csv', bad);
    const errors = dialog.getByTestId('import-errors');
    await poll(() => errors.isVisible()).toBe(true);
    await snap(admin, 'import-refused');
    expect(await dialog.getByRole('alert').first().innerText()).toMatch(
      /Nothing was imported: 3 problems/,
    );
    const rows = await errors.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').slice(0, 2).join(' '))).toEqual([
      '3 kind',
      '4 regions',
      '4 secure_link_contact',
    ]);

    // A Latin-1 file: refused for its encoding, not read as garbage.
    await upload('latin1.csv', Buffer.from(bad.replace('Goed', 'Caf\xe9'), 'latin1'));
    await poll(() => dialog.getByTestId('import-errors').innerText()).toMatch(/not UTF-8/);

    await upload('directory.csv', directoryCsv);
    await poll(() => dialog.getByRole('status').innerText()).toBe(
      `${directory.length} added, 0 updated.`,
    );
    // The dialog's own Close button (the X in its header is named "Close" too, for screen readers).
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await poll(() => admin.getByTestId('partner-row').count()).toBe(directory.length);
    await snap(admin, 'directory');
  });

  it("lists a refused file's problems in Dutch for a Dutch user", async () => {
    await admin.locator('label').filter({ hasText: /^NL$/ }).click();
    await admin.getByRole('button', { name: 'CSV importeren' }).click();
    const dialog = admin.getByRole('dialog', { name: 'CSV-bestand importeren' });
    await dialog.locator('input[type=file]').setInputFiles({
      name: 'fout.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          'id,name,kind,services,regions,referral_channel,secure_link_contact,accepts_minors',
          'geen-id,Huis Fout,castle,shelter,Utrecht,secure_link,intake@fout.example,misschien',
          ',Huis Twee,shelter,shelter,Utrecht,secure_link,intake@twee.example,ja',
          ',huis twee,shelter,shelter,Utrecht,secure_link,intake@twee.example,ja',
        ].join('\n'),
        'utf8',
      ),
    });
    await dialog.getByRole('button', { name: 'Importeren', exact: true }).click();
    const errors = dialog.getByTestId('import-errors');
    await poll(() => errors.isVisible()).toBe(true);
    const rows = await errors.locator('tbody tr').allInnerTexts();
    // Each problem in Dutch, with the file's own values and line numbers filled in.
    expect(rows.map((r) => r.split('\t').join(' | '))).toEqual([
      '2 | id | “geen-id” is geen id uit een export',
      '2 | accepts_minors | moet ja of nee zijn',
      '4 | name | “huis twee” staat ook op regel 3',
    ]);
    await snap(admin, 'import-refused-dutch');
    await dialog.getByRole('button', { name: 'Sluiten' }).last().click();
    await admin.locator('label').filter({ hasText: /^EN$/ }).click();
    await poll(() => admin.getByRole('button', { name: 'Import CSV' }).isVisible()).toBe(true);
  });

  it('filters the table by region and opens an organisation', async () => {
    await admin.goto(`${server.url}/partners?region=Limburg&kind=police`);
    await poll(() => admin.getByTestId('partner-row').count()).toBe(1);
    const row = admin.getByTestId('partner-row').first();
    expect(await row.innerText()).toMatch(/Police/);
    await row.getByRole('link').click();
    await poll(() => admin.getByRole('heading', { level: 1 }).innerText()).toMatch(/Limburg/);
    expect(await admin.getByRole('table', { name: 'Where' }).innerText()).toMatch(/Limburg/);
    await snap(admin, 'entry');
  });

  it('changes an organisation’s capacity in place', async () => {
    await admin.getByRole('button', { name: 'Edit' }).click();
    const form = admin.getByRole('form', { name: /^Edit / });
    await form.getByLabel('Capacity', { exact: true }).click();
    await admin.getByRole('option', { name: 'Full' }).click();
    await form.getByLabel('Capacity confirmed on').fill('2026-12-03');
    await snap(admin, 'edit');
    await form.getByRole('button', { name: 'Save' }).click();
    await poll(() => admin.getByRole('table', { name: 'Capacity and intake' }).innerText()).toMatch(
      /Full \(confirmed 3 Dec 2026\)/,
    );
  });

  it('finds organisations for a person, those that cannot take her last with the reason', async () => {
    await admin.goto(`${server.url}/partners`);
    await admin.getByRole('button', { name: 'Find an organisation' }).click();
    const form = admin.getByRole('form', { name: 'Find an organisation' });
    await form.getByRole('textbox', { name: 'Place' }).fill('nl:zaandam');
    await form.getByRole('textbox', { name: 'Age' }).fill('16');
    await form.getByRole('combobox', { name: 'Needs' }).click();
    await admin.getByRole('option', { name: 'shelter', exact: true }).click();
    await form.getByRole('combobox', { name: 'Languages the person speaks' }).fill('ro');
    await form.getByRole('combobox', { name: 'Languages the person speaks' }).press('Enter');
    await form.getByRole('button', { name: 'Find' }).click();
    const items = admin.getByTestId('match-item');
    await poll(() => items.count()).toBeGreaterThan(10);
    await snap(admin, 'match');
    const texts = await items.allInnerTexts();
    const firstExcluded = texts.findIndex((t) => t.includes('Cannot take this person'));
    expect(firstExcluded).toBeGreaterThan(0);
    expect(texts.slice(firstExcluded).every((t) => t.includes('Cannot take this person'))).toBe(
      true,
    );
    expect(texts.some((t) => /No minors/.test(t))).toBe(true);
    expect(texts[0]).toMatch(/Offers shelter/);
  });

  it('shows a partner user their own organisation’s entry and no other', async () => {
    const org = await apiCall(admin, 'POST', '/api/partner-orgs', { name: 'Huis Account' });
    expect(org.status).toBeLessThan(300);
    const orgId = (org.json as { partnerOrg: { id: string } }).partnerOrg.id;
    const user = await apiCall(admin, 'POST', '/api/users', {
      email: 'intake@huis-account.example',
      displayName: 'Intake',
      role: 'partner',
      partnerOrgId: orgId,
    });
    expect(user.status).toBe(201);
    // The admin links the first shelter of the directory to the account in its edit form.
    await admin.goto(`${server.url}/partners?kind=shelter`);
    const first = admin.getByTestId('partner-row').first();
    const name = (await first.getByRole('link').innerText()).trim();
    await first.getByRole('link').click();
    await admin.getByRole('button', { name: 'Edit' }).click();
    const form = admin.getByRole('form', { name: /^Edit / });
    await form.getByLabel('Organisation account', { exact: true }).click();
    await admin.getByRole('option', { name: 'Huis Account' }).click();
    await form.getByRole('button', { name: 'Save' }).click();
    await poll(() =>
      admin.getByRole('table', { name: 'How a referral reaches them' }).innerText(),
    ).toMatch(/Linked to an organisation account/);

    const context = await newContext(browser);
    await apiSignIn(
      context.request,
      server.url,
      'intake@huis-account.example',
      (user.json as { oneTimePassword: string }).oneTimePassword,
      PARTNER_PASSWORD,
    );
    const partner = await newPage(context);
    watch(partner);
    await partner.goto(`${server.url}/partners`);
    await poll(() => partner.getByTestId('partner-row').count()).toBe(1);
    expect(await partner.getByTestId('partner-row').innerText()).toContain(name);
    expect(await partner.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
    expect(await partner.getByRole('button', { name: 'Find an organisation' }).count()).toBe(0);
    await snap(partner, 'partner-view');
    expect(outside).toEqual([]);
  });
});
