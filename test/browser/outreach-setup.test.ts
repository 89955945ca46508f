// Browser journey through outreach set-up on the real thing: `ariadne start` (embedded, no demo
// data) on a fresh data directory, its PUBLIC_URL an address other than the one the browser uses.
// The admin creates an SMPP channel from the form built from its JSON Schema whose source address
// is a name, and is warned that nobody can reply (the sender field holding a number does not
// count: the provider sends from the source address). Changing it, the stored settings are filled
// in and the password is empty; only the source address is changed to a number, and the save keeps
// the password. A CM channel shows the webhook address the server builds from its PUBLIC_URL. An
// outreach worker writes a draft template whose text is long, has a character outside the GSM
// alphabet and a risky word, and sees UCS-2, the SMS count and the word marked; the worker cannot
// approve. A supervisor approves only after confirming the word, and the template shows as
// approved. A quick reply is added and listed. The admin reads templates and quick replies without
// any action on them. A partner user sees neither page and the API answers them 403.
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
  ensureConsoleBuilt,
  firstSignIn,
  freePort,
  freshDataDir,
  label,
  launchChromium,
  newContext,
  newPage as openPage,
  pageWatch,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Started,
} from './harness.js';

const ADMIN_PASSWORD = 'calm river lantern 42';
const WORKER_PASSWORD = 'green meadow kettle 19';
const SUPERVISOR_PASSWORD = 'amber tower violin 63';
const PARTNER_PASSWORD = 'quiet harbour morning 7';
/** Not where the browser reaches the server: webhook addresses must come from the server. */
const PUBLIC_URL = 'https://ariadne.example.org';

const TEMPLATE_NAME = 'Evening check-in';
// Long (several SMS once UCS-2), with an em dash outside the GSM alphabet and a risky word.
const TEMPLATE_TEXT =
  'Hi {displayName}, I saw your ad in {city}. If you ever want to talk — without the police ' +
  'or anyone else knowing — you can write back here any time, day or night. Nobody else reads ' +
  'this number.';

describe('outreach set-up journey', () => {
  let dataDir: string;
  let server: Started;
  let browser: Browser;
  let admin: Page;
  let worker: Page;
  let supervisor: Page;
  const contexts: BrowserContext[] = [];
  const { outside, cspErrors, watch } = pageWatch();
  const oneTime: Record<string, string> = {};
  let templateId = '';
  let smppPort = 0;

  const shoot = screenshots('setup');
  const snap = (name: string, p: Page) => shoot(p, name);

  async function newPage(): Promise<Page> {
    const context = await newContext(browser);
    contexts.push(context);
    const p = await openPage(context);
    watch(p);
    return p;
  }

  /** The admin creates an account through the API, as the Users panel does. */
  async function createUser(
    email: string,
    displayName: string,
    role: string,
    partnerOrgId?: string,
  ): Promise<void> {
    const r = await apiCall(admin, 'POST', '/api/users', {
      email,
      displayName,
      role,
      ...(partnerOrgId ? { partnerOrgId } : {}),
    });
    expect(r.status).toBe(201);
    oneTime[email] = (r.json as { oneTimePassword: string }).oneTimePassword;
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('setup-browser');
    server = await startServer(dataDir, { demo: false, env: { PUBLIC_URL } });
    browser = await launchChromium();
    admin = await newPage();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('creates an SMPP channel from the form and warns that a name cannot be answered', async () => {
    await admin.goto(server.url);
    await firstSignIn(admin, server.email, server.password, ADMIN_PASSWORD);
    await admin.goto(`${server.url}/admin/users`);
    await admin.getByRole('tab', { name: 'Channels' }).click();
    await poll(() => new URL(admin.url()).pathname).toBe('/admin/channels');
    await poll(() => admin.getByText('No channels yet').isVisible()).toBe(true);

    await admin.getByRole('button', { name: 'New channel' }).click();
    const form = admin.getByTestId('channel-form');
    await form.getByLabel('Kind').selectOption('smpp');
    await form.getByLabel(label('Name')).fill('SMS main');
    const hint = form.getByTestId('sender-name-hint');
    await form.getByLabel('Sender').fill('Hulplijn');
    // The form warns before saving too.
    await poll(() => hint.isVisible()).toBe(true);
    await form.getByLabel('Sender').fill('+31612345678');
    await poll(() => hint.count()).toBe(0);
    await form.getByLabel(label('Host')).fill('127.0.0.1');
    await form.getByLabel(label('System id')).fill('ariadne');
    await form.getByLabel(label('Password')).fill('pw12');
    expect(await form.getByLabel(label('Password')).getAttribute('type')).toBe('password');
    // The provider sends from the source address: that is what is checked, not the sender field.
    expect(await form.getByText(/sends from the setting “Source addr”/).isVisible()).toBe(true);
    await form.getByLabel(label('Source addr')).fill('Hulplijn');
    await poll(() => hint.innerText()).toMatch(/“Hulplijn”, a name: they cannot reply/);
    // The port has a default and sits under "More settings"; nothing listens on this one.
    await form.getByRole('button', { name: /More settings/ }).click();
    smppPort = await freePort();
    await form.getByLabel(label('Port')).fill(String(smppPort));
    await snap('channel-form', admin);
    await form.getByRole('button', { name: 'Create channel' }).click();

    const warnings = admin.getByTestId('channel-warnings');
    await poll(() => warnings.isVisible()).toBe(true);
    expect(await warnings.innerText()).toMatch(/cannot reply/);
    const row = admin.getByTestId('channel-row').filter({ hasText: 'SMS main' });
    await poll(() => row.getAttribute('data-replies')).toBe('false');
    expect(await row.getByTestId('replies-badge').innerText()).toBe('Replies impossible');
    // The server shows what the provider sends from.
    expect(await row.innerText()).toContain('Hulplijn');
    expect(await row.innerText()).not.toContain('+31612345678');
    await snap('channel-replies-impossible', admin);

    // Settings never come back from the server.
    const listed = await apiCall(admin, 'GET', '/api/outreach/channels');
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.json)).not.toMatch(/pw12|settings/);
  }, 180_000);

  it('changes the source address to a number with the stored settings filled in', async () => {
    await admin.getByRole('button', { name: 'Change channel SMS main' }).click();
    const form = admin.getByTestId('channel-form');
    await poll(() => form.getByTestId('update-note').isVisible()).toBe(true);
    expect(await form.getByTestId('update-note').innerText()).toMatch(
      /stored settings are filled in.*\n?.*Left empty, a password, key or token keeps its stored value/s,
    );
    expect(await form.getByLabel(label('Name')).inputValue()).toBe('SMS main');
    // Every stored setting is back, except the password, which is never sent to the browser.
    expect(await form.getByLabel(label('Host')).inputValue()).toBe('127.0.0.1');
    expect(await form.getByLabel(label('System id')).inputValue()).toBe('ariadne');
    expect(await form.getByLabel(label('Source addr')).inputValue()).toBe('Hulplijn');
    const password = form.getByLabel(label('Password'));
    expect(await password.inputValue()).toBe('');
    expect(await password.getAttribute('type')).toBe('password');
    expect(await password.getAttribute('placeholder')).toBe('Leave empty to keep the stored one');
    await form.getByRole('button', { name: /More settings/ }).click();
    expect(await form.getByLabel(label('Port')).inputValue()).toBe(String(smppPort));
    // The warning follows the source address the form holds.
    expect(await form.getByTestId('sender-name-hint').innerText()).toMatch(/“Hulplijn”/);
    await snap('channel-edit-prefilled', admin);

    // Only the source address changes; host, system id and port stay as filled in.
    await form.getByLabel(label('Source addr')).fill('+31612345678');
    await poll(() => form.getByTestId('sender-name-hint').count()).toBe(0);
    const saving = admin.waitForResponse(
      (r) =>
        r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/outreach/channels',
    );
    await form.getByRole('button', { name: 'Save changes' }).click();
    // Saved without the password typed again: the stored one is kept (the server requires one).
    expect((await saving).status()).toBe(200);

    await poll(() => admin.getByText('Channel “SMS main” saved').isVisible()).toBe(true);
    expect(await admin.getByTestId('channel-warnings').count()).toBe(0);
    const row = admin.getByTestId('channel-row').filter({ hasText: 'SMS main' });
    await poll(() => row.getAttribute('data-replies')).toBe('true');
    expect(await row.getByTestId('replies-badge').innerText()).toBe('Replies possible');
    expect(await row.innerText()).toContain('+31612345678');
    await snap('channel-number', admin);

    // What the form is filled from: the settings without any secret.
    const listed = await apiCall(admin, 'GET', '/api/outreach/channels');
    const id = (listed.json as { items: { id: string; name: string }[] }).items.find(
      (c) => c.name === 'SMS main',
    )?.id;
    const detail = await apiCall(admin, 'GET', `/api/outreach/channels/${id}`);
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({
      name: 'SMS main',
      sender: '+31612345678',
      webhookUrl: null,
      settings: {
        host: '127.0.0.1',
        port: smppPort,
        systemId: 'ariadne',
        sourceAddr: '+31612345678',
      },
    });
    expect(JSON.stringify(detail.json)).not.toMatch(/pw12|password/);
  }, 60_000);

  it('shows the webhook address the server builds from its public address', async () => {
    await admin.getByRole('button', { name: 'New channel' }).click();
    const form = admin.getByTestId('channel-form');
    await form.getByLabel('Kind').selectOption('cm');
    await form.getByLabel(label('Name')).fill('SMS gateway');
    await form.getByLabel(label('Product token')).fill('0f3c2b1a-9d8e-4f70-a6b5-c4d3e2f1a0b9');
    // The channel's own sender field comes first; CM's sender setting is the one it sends from.
    await form.getByLabel(label('Sender')).nth(1).fill('+31687654321');
    await form.getByLabel(label('Webhook token')).fill('synthetic-webhook-token-0123456789abcdef');
    await form.getByLabel('On (messages may be sent)').uncheck();
    await form.getByRole('button', { name: 'Create channel' }).click();

    await poll(() => admin.getByText('Channel “SMS gateway” saved').isVisible()).toBe(true);
    const listed = await apiCall(admin, 'GET', '/api/outreach/channels');
    const id = (listed.json as { items: { id: string; name: string }[] }).items.find(
      (c) => c.name === 'SMS gateway',
    )?.id;
    const expected = `${PUBLIC_URL}/api/webhooks/${id}`;
    const detail = await apiCall(admin, 'GET', `/api/outreach/channels/${id}`);
    expect((detail.json as { webhookUrl: string }).webhookUrl).toBe(expected);
    // In the notice after saving and in the table: the server's address, not the browser's.
    const notice = admin.getByRole('status').filter({ hasText: 'Channel “SMS gateway” saved' });
    await poll(() => notice.getByTestId('webhook-url').innerText()).toBe(expected);
    const row = admin.getByTestId('channel-row').filter({ hasText: 'SMS gateway' });
    await poll(() => row.getByTestId('webhook-url').innerText()).toBe(expected);
    expect(await row.innerText()).toContain('+31687654321');
    await snap('channel-webhook', admin);
  }, 60_000);

  it('lets an outreach worker write a draft and shows UCS-2, SMS parts and the risky word', async () => {
    await createUser('wanda.worker@example.org', 'Wanda Worker', 'outreach_worker');
    await createUser('sam.supervisor@example.org', 'Sam Supervisor', 'supervisor');

    worker = await newPage();
    await worker.goto(`${server.url}/templates`);
    await firstSignIn(
      worker,
      'wanda.worker@example.org',
      oneTime['wanda.worker@example.org']!,
      WORKER_PASSWORD,
    );
    // Reached through the navigation.
    await worker
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Templates' })
      .click();
    await poll(() => new URL(worker.url()).pathname).toBe('/templates');
    await poll(() =>
      worker.getByRole('heading', { name: 'Message templates', level: 1 }).isVisible(),
    ).toBe(true);
    await poll(() => worker.getByText('No templates yet').isVisible()).toBe(true);

    await worker.getByRole('button', { name: 'New template' }).click();
    const editor = worker.getByTestId('template-editor');
    await editor.getByLabel(label('Name')).fill(TEMPLATE_NAME);
    await editor.getByLabel('Language').selectOption('en');
    await editor.getByLabel(label('Variant 1')).fill(TEMPLATE_TEXT);

    // The server's figures arrive after a pause in typing.
    const variant = editor.getByTestId('variant').first();
    const figures = variant.getByTestId('sms-figures');
    await poll(() => figures.getAttribute('data-encoding')).toBe('UCS-2');
    expect(Number(await figures.getAttribute('data-segments'))).toBeGreaterThanOrEqual(3);
    expect(await variant.getByTestId('non-gsm').innerText()).toContain('—');
    expect(await variant.getByTestId('sms-segments').innerText()).toMatch(/^\d+ SMS$/);
    expect(await variant.getByTestId('sms-remaining').innerText()).toMatch(
      /^\d+ left in this SMS \(of 67\)$/,
    );
    await poll(() => variant.getByTestId('safety-mark').first().innerText()).toBe('police');
    expect(await variant.getByTestId('safety-hit').first().innerText()).toMatch(
      /“police” — Mentions the police\./,
    );
    await snap('worker-draft', worker);

    await editor.getByRole('button', { name: 'Save as draft' }).click();
    await poll(() => editor.getByTestId('status-badge').getAttribute('data-status')).toBe('draft');
    expect(await editor.getByTestId('template-meta').innerText()).toMatch(/Written by you on/);

    // The author cannot approve, and the page says why.
    const review = worker.getByRole('region', { name: 'Review' });
    await poll(() => review.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await review.getByTestId('approve-blocked').innerText()).toBe(
      'Only a supervisor can approve a template.',
    );
    const listed = await apiCall(worker, 'GET', '/api/outreach/templates?status=draft');
    const items = (listed.json as { items: { id: string; name: string }[] }).items;
    templateId = items.find((i) => i.name === TEMPLATE_NAME)?.id ?? '';
    expect(templateId).not.toBe('');
    const refused = await apiCall(worker, 'POST', `/api/outreach/templates/${templateId}/approve`, {
      confirmSafety: true,
    });
    expect(refused.status).toBe(403);
    await snap('worker-cannot-approve', worker);
  }, 180_000);

  it('lets a supervisor approve only after confirming the risky word', async () => {
    supervisor = await newPage();
    await supervisor.goto(`${server.url}/templates`);
    await firstSignIn(
      supervisor,
      'sam.supervisor@example.org',
      oneTime['sam.supervisor@example.org']!,
      SUPERVISOR_PASSWORD,
    );
    await supervisor.goto(`${server.url}/templates`);
    const row = supervisor.getByTestId('template-row').filter({ hasText: TEMPLATE_NAME });
    await poll(() => row.getAttribute('data-status')).toBe('draft');
    await supervisor.getByRole('button', { name: `Open template ${TEMPLATE_NAME}` }).click();

    const editor = supervisor.getByTestId('template-editor');
    expect(await editor.getByTestId('template-meta').innerText()).toMatch(
      /Written by Wanda Worker on/,
    );
    const review = supervisor.getByRole('region', { name: 'Review' });
    await poll(() => review.getByTestId('safety-hit').first().innerText()).toMatch(/“police”/);
    const approve = review.getByRole('button', { name: 'Approve' });
    expect(await approve.isDisabled()).toBe(true);
    expect(await review.getByTestId('approve-blocked').innerText()).toBe(
      'Confirm the risky words above first.',
    );
    // The server refuses too without the confirmation.
    const refused = await apiCall(
      supervisor,
      'POST',
      `/api/outreach/templates/${templateId}/approve`,
      { confirmSafety: false },
    );
    expect(refused.status).toBe(409);
    await snap('supervisor-review', supervisor);

    await review.getByLabel('I confirm these words are safe here').check();
    await poll(() => approve.isEnabled()).toBe(true);
    await approve.click();
    await poll(() => editor.getByTestId('status-badge').getAttribute('data-status')).toBe(
      'approved',
    );
    expect(await editor.getByTestId('approved-by').innerText()).toMatch(
      /Approved by you on .*risky words confirmed by you/,
    );
    await snap('supervisor-approved', supervisor);

    // The list shows it approved, for the worker as well.
    await supervisor.getByRole('button', { name: /Back to the templates/ }).click();
    await poll(() => row.getAttribute('data-status')).toBe('approved');
    await worker.getByRole('button', { name: /Back to the templates/ }).click();
    await poll(() =>
      worker
        .getByTestId('template-row')
        .filter({ hasText: TEMPLATE_NAME })
        .getAttribute('data-status'),
    ).toBe('approved');
  }, 180_000);

  it('adds a quick reply and lists it', async () => {
    await worker.getByRole('tab', { name: 'Quick replies' }).click();
    const panel = worker.getByRole('tabpanel', { name: 'Quick replies' });
    await poll(() => panel.getByText('No quick replies yet').isVisible()).toBe(true);
    await panel.getByLabel(label('Title')).fill('Opening hours');
    await panel.getByLabel('Language').first().selectOption('en');
    await panel
      .getByLabel(label('Text'))
      .fill('We answer every day from 9 to 21. You can write at any time.');
    await poll(() => panel.getByTestId('quick-figures').getAttribute('data-encoding')).toBe(
      'GSM-7',
    );
    await panel.getByRole('button', { name: 'Add quick reply' }).click();
    const item = panel.getByTestId('quick-reply').filter({ hasText: 'Opening hours' });
    await poll(() => item.isVisible()).toBe(true);
    expect(await item.innerText()).toMatch(/Added by you on/);
    // The author may delete it.
    expect(
      await item.getByRole('button', { name: 'Delete quick reply Opening hours' }).count(),
    ).toBe(1);
    await snap('quick-replies', worker);

    // The same in Dutch.
    await worker.locator('label').filter({ hasText: /^NL$/ }).click();
    await poll(() =>
      worker.getByRole('heading', { name: 'Berichtsjablonen', level: 1 }).isVisible(),
    ).toBe(true);
    await poll(() => worker.getByRole('tab', { name: 'Snelle antwoorden' }).isVisible()).toBe(true);
    // (The panel is named after its tab, which is Dutch now.)
    expect(
      await worker.getByTestId('quick-reply').filter({ hasText: 'Opening hours' }).innerText(),
    ).toMatch(/Toegevoegd door jou op/);
    await worker.locator('label').filter({ hasText: /^EN$/ }).click();
    await poll(() =>
      worker.getByRole('heading', { name: 'Message templates', level: 1 }).isVisible(),
    ).toBe(true);

    // The supervisor sees it too, written by the worker.
    await supervisor.getByRole('tab', { name: 'Quick replies' }).click();
    await poll(() =>
      supervisor.getByTestId('quick-reply').filter({ hasText: 'Wanda Worker' }).count(),
    ).toBe(1);
  }, 60_000);

  it('lets an admin read templates and quick replies, with no action on them', async () => {
    await admin.goto(`${server.url}/admin/channels`);
    // Reached from the channels, where the texts go out, and from the admin's own menu.
    await poll(() =>
      admin.getByRole('link', { name: 'Read the message templates' }).getAttribute('href'),
    ).toBe('/templates');
    const nav = admin.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: /Templates/ }).click();
    await poll(() => new URL(admin.url()).pathname).toBe('/templates');
    await poll(() => admin.getByRole('note').innerText()).toMatch(/You can read the templates/);
    expect(await admin.getByRole('button', { name: 'New template' }).count()).toBe(0);
    const row = admin.getByTestId('template-row').filter({ hasText: TEMPLATE_NAME });
    await poll(() => row.getAttribute('data-status')).toBe('approved');

    await admin.getByRole('button', { name: `Open template ${TEMPLATE_NAME}` }).click();
    const editor = admin.getByTestId('template-editor');
    await poll(() => editor.getByTestId('approved-by').innerText()).toMatch(
      /Approved by Sam Supervisor/,
    );
    expect(await editor.innerText()).toContain('without the police');
    expect(await editor.getByRole('button', { name: 'Copy into a new draft' }).count()).toBe(0);
    expect(await admin.getByRole('region', { name: 'Review' }).count()).toBe(0);
    expect(await editor.getByRole('textbox').count()).toBe(0);
    await snap('admin-template', admin);

    await admin.getByRole('button', { name: /Back to the templates/ }).click();
    await admin.getByRole('tab', { name: 'Quick replies' }).click();
    const panel = admin.getByRole('tabpanel', { name: 'Quick replies' });
    const item = panel.getByTestId('quick-reply').filter({ hasText: 'Opening hours' });
    await poll(() => item.isVisible()).toBe(true);
    expect(await item.innerText()).toMatch(/Added by Wanda Worker/);
    expect(await item.getByRole('button').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Add quick reply' }).count()).toBe(0);

    // Reading only: the server refuses writing.
    const write = await apiCall(admin, 'POST', '/api/outreach/quick-replies', {
      language: 'en',
      title: 'Admin note',
      text: 'Synthetic text.',
    });
    expect(write.status).toBe(403);
    await snap('admin-quick-replies', admin);
  }, 60_000);

  it('shows a partner neither page, and the API answers them 403', async () => {
    const org = await apiCall(admin, 'POST', '/api/partner-orgs', { name: 'Stichting Test Zorg' });
    expect(org.status).toBe(201);
    const orgId = (org.json as { partnerOrg: { id: string } }).partnerOrg.id;
    await createUser('pat.partner@example.org', 'Pat Partner', 'partner', orgId);

    const p = await newPage();
    await p.goto(`${server.url}/templates`);
    await firstSignIn(
      p,
      'pat.partner@example.org',
      oneTime['pat.partner@example.org']!,
      PARTNER_PASSWORD,
    );
    const nav = p.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link', { name: /Templates/ }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: /Admin/ }).count()).toBe(0);
    await p.goto(`${server.url}/templates`);
    await poll(() =>
      p.getByText('Message templates are for outreach workers and supervisors.').isVisible(),
    ).toBe(true);
    await p.goto(`${server.url}/admin/channels`);
    await poll(() => p.getByText('No access').isVisible()).toBe(true);
    expect(await p.getByTestId('channel-form').count()).toBe(0);
    for (const url of [
      '/api/outreach/templates',
      '/api/outreach/quick-replies',
      '/api/outreach/channels',
      '/api/outreach/channel-kinds',
    ]) {
      expect((await apiCall(p, 'GET', url)).status, url).toBe(403);
    }
    await snap('partner', p);
  }, 180_000);

  it('made no request off this machine and broke no content security rule', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
