// Browser journey through the real thing: `ariadne start` on a fresh data directory, Debian's
// Chromium, the built console. First sign-in with the printed one-time password, TOTP enrolment,
// recovery codes, forced password change, the app frame, language switch (saved per user), sign
// out, sign in again with a fresh code, a wrong code refused, a recovery code accepted, and the
// admin's user management.
import { readFileSync } from 'node:fs';
import { generate } from 'otplib';
import { type Browser, type BrowserContext, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ensureConsoleBuilt,
  freshDataDir,
  label,
  launchChromium,
  newContext,
  newPage,
  poll,
  removeDataDir,
  screenshots,
  startServer,
  stopServer,
  type Started,
} from './harness.js';

const NEW_PASSWORD = 'calm river lantern 42';
const CHANGED_PASSWORD = 'copper kite meadow 58';
const TOTP_STEP_MS = 30_000;

const step = (ms = Date.now()) => Math.floor(ms / TOTP_STEP_MS);

describe('console sign-in journey', () => {
  let dataDir: string;
  let server: Started;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let secret = '';
  let lastTotpStep = -1;
  let recoveryCodes: string[] = [];
  let patPassword = '';

  /**
   * A TOTP code for a step the server has not seen yet (replayed codes are refused). The server
   * allows one step of clock drift (src/platform/auth/totp.ts), so when this step's code was used
   * the next step's is accepted at once; only a third code within one step waits for time to pass.
   */
  async function freshCode(): Promise<string> {
    const target = Math.max(step(), lastTotpStep + 1);
    if (target > step() + 1) {
      // Time-based by nature: that code is accepted only once the step before it begins.
      const wait = (target - 1) * TOTP_STEP_MS - Date.now() + 250;
      await new Promise((r) => setTimeout(r, wait));
    }
    lastTotpStep = target;
    return generate({ secret, epoch: (target * TOTP_STEP_MS) / 1000 });
  }

  const shoot = screenshots('signin');
  const snap = (name: string) => shoot(page, name);

  /** The language switch is a radio group whose inputs are hidden behind their labels. */
  async function chooseLanguage(code: 'EN' | 'NL') {
    await page
      .locator('label')
      .filter({ hasText: new RegExp(`^${code}$`) })
      .click();
    await poll(() => page.getByRole('radio', { name: code }).isChecked()).toBe(true);
  }

  const heading = (name: string | RegExp) => page.getByRole('heading', { name });

  async function signInWithPassword(email: string, password: string, labels = EN) {
    await poll(() => heading(labels.signIn).isVisible()).toBe(true);
    await page.getByLabel(label(labels.email)).fill(email);
    await page.getByLabel(label(labels.password)).fill(password);
    await page.getByRole('button', { name: labels.signIn, exact: true }).click();
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('signin-browser');
    server = await startServer(dataDir, { demo: false });
    browser = await launchChromium();
    context = await newContext(browser, {
      viewport: { width: 1280, height: 860 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    page = await newPage(context);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('serves the console with a strict CSP and no request leaves this machine', async () => {
    const outside: string[] = [];
    const consoleErrors: string[] = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'data:') {
        outside.push(r.url());
      }
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const res = await page.goto(server.url);
    expect(res?.status()).toBe(200);
    const csp = res?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/style-src 'self' 'nonce-/);
    expect(res?.headers()['cache-control']).toBe('no-store');
    await poll(() => heading('Sign in').isVisible()).toBe(true);
    await snap('sign-in');
    expect(outside).toEqual([]);
    // A CSP violation (an inline style without the nonce) shows up as a console error.
    expect(consoleErrors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('first sign-in: enrol TOTP, save recovery codes, change the one-time password', async () => {
    await signInWithPassword(server.email, server.password);

    await poll(() => heading('Set up two-step verification').isVisible()).toBe(true);
    const qr = page.getByRole('img', { name: /QR code/ });
    await poll(() => qr.isVisible()).toBe(true);
    const secretText = await page.getByTestId('totp-secret').innerText();
    secret = secretText.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await snap('enrol');
    await page.getByLabel('Code from the app').fill(await freshCode());
    await page.getByRole('button', { name: 'Confirm' }).click();

    await poll(() => heading('Save your recovery codes').isVisible()).toBe(true);
    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await poll(() => codes.count()).toBe(10);
    recoveryCodes = (await codes.allInnerTexts()).map((c) => c.trim());
    const cont = page.getByRole('button', { name: 'Continue' });
    expect(await cont.isDisabled()).toBe(true);
    await snap('recovery-codes');
    await page.getByLabel('I have saved these codes in a safe place').check();
    await cont.click();

    await poll(() => heading('Choose your own password').isVisible()).toBe(true);
    // Every rule is shown before the first save and follows the typing.
    const rules = page.getByTestId('password-checklist');
    const rule = (name: string) => rules.locator(`li[data-rule="${name}"]`);
    for (const name of ['min_length', 'variety', 'personal', 'common', 'strength']) {
      expect(await rule(name).getAttribute('data-state')).toBe('open');
    }
    await page.getByLabel(label('New password')).fill('short');
    await poll(() => rule('min_length').getAttribute('data-state')).toBe('unmet');
    // A long but common password passes the length rule and fails the dictionary ones (the
    // estimator arrives as a chunk of its own) and is not sent.
    await page.getByLabel(label('New password')).fill('password1234');
    await page.getByLabel(label('Repeat the new password')).fill('password1234');
    await poll(() => rule('common').getAttribute('data-state'), 30_000).toBe('unmet');
    expect(await rule('min_length').getAttribute('data-state')).toBe('met');
    expect(await rule('strength').getAttribute('data-state')).toBe('unmet');
    await snap('password-rules');
    await page.getByRole('button', { name: 'Save password' }).click();
    await poll(() =>
      page.getByText('The password does not meet every rule below yet.').isVisible(),
    ).toBe(true);
    expect(await heading('Choose your own password').isVisible()).toBe(true);
    await page.getByLabel(label('New password')).fill(NEW_PASSWORD);
    await page.getByLabel(label('Repeat the new password')).fill(NEW_PASSWORD);
    await poll(() => rule('strength').getAttribute('data-state')).toBe('met');
    expect(await rules.locator('li[data-state="unmet"]').count()).toBe(0);
    await snap('change-password');
    await page.getByRole('button', { name: 'Save password' }).click();

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await poll(() => nav.isVisible()).toBe(true);
  });

  it('shows the app frame with every section and honest empty states', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    for (const name of [
      'Sources',
      'Ads',
      'Triage queue',
      'Inbox',
      'Cases',
      'Partners',
      'Vault requests',
      'Insights',
      'Admin',
    ]) {
      await poll(() => nav.getByRole('link', { name, exact: true }).isVisible()).toBe(true);
    }
    await poll(() => page.getByText('The triage queue is empty').isVisible()).toBe(true);
    await poll(() => page.getByTestId('current-user').innerText()).toMatch(/Administrator/);
    await nav.getByRole('link', { name: 'Sources', exact: true }).click();
    await poll(() => page.getByText('No sources yet').isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/sources');
    await snap('app-frame');
  });

  it('says so and offers a reload when a part of the console cannot be fetched', async () => {
    // As after a redeploy: the chunks this tab was built against are gone (404). The built
    // manifest names each page's file.
    const manifest = JSON.parse(
      readFileSync(new URL('../../web/console/dist/.vite/manifest.json', import.meta.url), 'utf8'),
    ) as Record<string, { file: string }>;
    const fileOf = (src: string) => {
      const file = manifest[src]?.file;
      if (!file) throw new Error(`${src} is not a chunk of its own in the built console`);
      return `${server.url}/${file}`;
    };
    const appChunk = fileOf('src/app/SignedInApp.tsx');
    const pageChunk = fileOf('src/insights/InsightsPage.tsx');
    const gone = (r: Route) => r.fulfill({ status: 404, body: 'Not Found' });
    const tab = await newPage(context);
    try {
      // The app after sign-in cannot be fetched: a card says so, with a reload.
      await tab.route(appChunk, gone);
      await tab.goto(`${server.url}/insights`);
      const failed = tab.getByTestId('load-failed');
      await poll(() => failed.isVisible()).toBe(true);
      expect(await failed.getAttribute('role')).toBe('alert');
      expect(
        await tab.getByRole('heading', { name: 'This page could not be loaded' }).isVisible(),
      ).toBe(true);
      await shoot(tab, 'app-load-failed');

      // Reloaded, the app comes; now only the page's own chunk is gone: the frame and its
      // navigation stay, the page says so.
      await tab.unroute(appChunk, gone);
      await tab.route(pageChunk, gone);
      await tab.getByRole('button', { name: 'Reload' }).click();
      const nav = tab.getByRole('navigation', { name: 'Main navigation' });
      await poll(() => nav.isVisible()).toBe(true);
      await poll(() => tab.getByRole('main').getByTestId('load-failed').isVisible()).toBe(true);
      await shoot(tab, 'page-load-failed');

      // Back once the chunk is there again: another page, then the page itself.
      await tab.unroute(pageChunk, gone);
      await nav.getByRole('link', { name: 'Sources', exact: true }).click();
      await poll(() => tab.getByText('No sources yet').isVisible()).toBe(true);
      await nav.getByRole('link', { name: 'Insights', exact: true }).click();
      await poll(() => tab.getByRole('heading', { name: 'Insights', level: 1 }).isVisible()).toBe(
        true,
      );
      expect(await tab.getByTestId('load-failed').count()).toBe(0);
    } finally {
      await tab.close();
    }
  });

  it('lets the admin manage partner organisations and users', async () => {
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await nav.getByRole('link', { name: 'Admin', exact: true }).click();
    await poll(() => heading('Administration').isVisible()).toBe(true);
    const adminRow = page.getByTestId('user-row').filter({ hasText: server.email });
    await poll(() => adminRow.isVisible()).toBe(true);
    await poll(() => adminRow.innerText()).toMatch(/Set up/i);
    await snap('admin-users');

    await page.getByRole('tab', { name: 'Partner organisations' }).click();
    await poll(() => page.getByText('No partner organisations yet').isVisible()).toBe(true);
    await page.getByLabel('Name of the organisation').fill('Stichting Veilig Thuis Test');
    await page.getByRole('button', { name: 'Add organisation' }).click();
    await poll(() =>
      page.getByRole('cell', { name: 'Stichting Veilig Thuis Test' }).isVisible(),
    ).toBe(true);

    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('E-mail address').fill('partner.worker@example.org');
    await dialog.getByLabel(label('Name')).fill('Pat Partner');
    await dialog.getByLabel('Role').selectOption('partner');
    await dialog.getByLabel('Partner organisation').selectOption({
      label: 'Stichting Veilig Thuis Test',
    });
    await dialog.getByRole('button', { name: 'Create user' }).click();
    const otp = dialog.getByTestId('one-time-password');
    await poll(() => otp.isVisible()).toBe(true);
    expect((await otp.innerText()).trim()).toMatch(/^\S{12,}$/);
    await snap('one-time-password');
    await dialog.getByRole('button', { name: /Done/ }).click();
    const row = page.getByTestId('user-row').filter({ hasText: 'partner.worker@example.org' });
    await poll(() => row.innerText()).toMatch(/Stichting Veilig Thuis Test/);
    expect(await row.innerText()).toMatch(/Not set up/i);

    // The same address twice is refused with a clear message.
    await page.getByRole('button', { name: 'New user' }).click();
    await dialog.getByLabel('E-mail address').fill('partner.worker@example.org');
    await dialog.getByLabel(label('Name')).fill('Pat Again');
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await poll(() => dialog.getByRole('alert').innerText()).toMatch(/already exists/);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Disable, then enable again.
    await row.getByRole('button', { name: 'Actions for Pat Partner' }).click();
    await page.getByRole('menuitem', { name: 'Disable account' }).click();
    await dialog.getByRole('button', { name: 'Disable account' }).click();
    await poll(() => row.innerText()).toMatch(/Disabled/i);
    await row.getByRole('button', { name: 'Actions for Pat Partner' }).click();
    await page.getByRole('menuitem', { name: 'Enable account' }).click();
    await poll(() => row.innerText()).toMatch(/Active/i);

    // Change the role to analyst (the partner organisation goes with it).
    await row.getByRole('button', { name: 'Actions for Pat Partner' }).click();
    await page.getByRole('menuitem', { name: 'Change role' }).click();
    await dialog.getByLabel('Role').selectOption('analyst');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await poll(() => row.innerText()).toMatch(/Analyst/);

    // Reset gives a new one-time password.
    await row.getByRole('button', { name: 'Actions for Pat Partner' }).click();
    await page.getByRole('menuitem', { name: /Reset/ }).click();
    await dialog.getByRole('button', { name: 'Reset', exact: true }).click();
    await poll(() => dialog.getByTestId('one-time-password').isVisible()).toBe(true);
    patPassword = (await dialog.getByTestId('one-time-password').innerText()).trim();
    await dialog.getByRole('button', { name: /Done/ }).click();
  });

  it('switches to Dutch, keeps it for the user, and signs out', async () => {
    await chooseLanguage('NL');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await poll(() => nav.getByRole('link', { name: 'Bronnen' }).isVisible()).toBe(true);
    await poll(() => nav.getByRole('link', { name: 'Beheer' }).isVisible()).toBe(true);
    await poll(() => heading('Beheer').isVisible()).toBe(true);
    await poll(() => page.evaluate(() => document.documentElement.lang)).toBe('nl');
    await snap('dutch');

    // Saved on the server: a reload (this browser prefers English) still shows Dutch.
    await page.reload();
    await poll(() =>
      page
        .getByRole('navigation', { name: 'Hoofdmenu' })
        .getByRole('link', { name: 'Casussen' })
        .isVisible(),
    ).toBe(true);

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await poll(() => page.getByText('Je bent uitgelogd.').isVisible()).toBe(true);
    await poll(() => heading('Inloggen').isVisible()).toBe(true);
  });

  it('signs in again with the new password and a fresh TOTP code', async () => {
    await signInWithPassword(server.email, NEW_PASSWORD, NL);
    await poll(() => heading('Tweestapsverificatie').isVisible()).toBe(true);
    await page.getByLabel('Verificatiecode').fill(await freshCode());
    await page.getByRole('button', { name: 'Controleren' }).click();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await poll(() => nav.getByRole('link', { name: 'Triage' }).isVisible()).toBe(true);
    await poll(() => page.getByText('De triagewachtrij is leeg').isVisible()).toBe(true);

    // Back to English for the rest.
    await chooseLanguage('EN');
    await poll(() => page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Sign out' }).click();
    await poll(() => page.getByText('You have signed out.').isVisible()).toBe(true);
  });

  it('refuses a wrong TOTP code and accepts a recovery code', async () => {
    // A wrong password first: the answer does not say whether the account exists or is paused.
    await signInWithPassword(server.email, 'not the password at all');
    await poll(() => page.getByRole('alert').innerText()).toMatch(
      /the e-mail address or password is wrong, or sign-in from here is paused/,
    );
    await signInWithPassword(server.email, NEW_PASSWORD);
    await poll(() => heading('Two-step verification').isVisible()).toBe(true);
    // A code that is valid in no step the server would accept now.
    const valid = new Set(
      await Promise.all(
        [-1, 0, 1].map((d) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + d * 30 })),
      ),
    );
    let wrong = '000000';
    while (valid.has(wrong)) wrong = String(Number(wrong) + 1).padStart(6, '0');
    await page.getByLabel('Authentication code').fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await poll(() => page.getByRole('alert').innerText()).toMatch(/not (correct|valid)/);
    await snap('wrong-code');

    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCodes[0] ?? '');
    await page.getByRole('button', { name: 'Verify' }).click();
    await poll(() => page.getByRole('navigation', { name: 'Main navigation' }).isVisible()).toBe(
      true,
    );
  });

  it('changes the password from the header, with the same rules shown', async () => {
    await page.getByRole('button', { name: 'Change password' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change your password' });
    await poll(() => dialog.getByTestId('password-checklist').isVisible()).toBe(true);
    await dialog.getByLabel(label('Current password')).fill('not my password');
    await dialog.getByLabel(label('New password')).fill(CHANGED_PASSWORD);
    await dialog.getByLabel(label('Repeat the new password')).fill(CHANGED_PASSWORD);
    await poll(() => dialog.locator('li[data-rule="strength"]').getAttribute('data-state')).toBe(
      'met',
    );
    await dialog.getByRole('button', { name: 'Save password' }).click();
    await poll(() => dialog.getByRole('alert').innerText()).toMatch(
      /current password is not correct/,
    );
    await dialog.getByLabel(label('Current password')).fill(NEW_PASSWORD);
    await snap('change-password-dialog');
    await dialog.getByRole('button', { name: 'Save password' }).click();
    await poll(() => page.getByTestId('password-changed').isVisible()).toBe(true);
    // The dialog closes (after its transition).
    await poll(() => dialog.isVisible()).toBe(false);
  });

  it('sends the user back to sign-in with a notice when the session ends', async () => {
    // Another tab signs out: the session is gone on the server; the next call here gets a 401.
    const other = await context.newPage();
    await other.goto(server.url);
    await other.getByRole('button', { name: 'Sign out' }).click();
    await poll(() => other.getByText('You have signed out.').isVisible()).toBe(true);
    await other.close();

    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Admin', exact: true })
      .click();
    await poll(() =>
      page.getByText('Your session has ended. Please sign in again.').isVisible(),
    ).toBe(true);
    await poll(() => heading('Sign in').isVisible()).toBe(true);
  });

  it('does not show administration to a user without the admin role', async () => {
    // The strength estimator (a chunk of its own) is held back until after "Save password" is
    // pressed, as on a slow line or a busy machine: the save must wait for it and then go ahead,
    // not be swallowed. Reloading drops the chunk this page already loaded.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked = false;
    let passed: Promise<void> = Promise.resolve();
    await page.route('**/assets/password-estimator-*.js', (route) => {
      asked = true;
      passed = held.then(() => route.continue());
      return passed;
    });
    // Still on /admin/users from the previous step: the analyst lands there after signing in.
    await page.reload();
    await signInWithPassword('partner.worker@example.org', patPassword);
    await poll(() => heading('Set up two-step verification').isVisible()).toBe(true);
    const patSecret = (await page.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
    await page.getByLabel('Code from the app').fill(await generate({ secret: patSecret }));
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByLabel('I have saved these codes in a safe place').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel(label('New password')).fill('quiet harbour morning 7');
    await page.getByLabel(label('Repeat the new password')).fill('quiet harbour morning 7');
    expect(asked).toBe(true);
    const save = page.getByRole('button', { name: 'Save password' });
    await save.click();
    // Waiting for the estimator, visibly; nothing sent yet.
    await poll(() => save.getAttribute('data-loading')).toBe('true');
    expect(await heading('Choose your own password').isVisible()).toBe(true);
    release();
    await passed;
    await page.unroute('**/assets/password-estimator-*.js');

    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await poll(() => nav.getByRole('link', { name: 'Triage' }).isVisible()).toBe(true);
    expect(await nav.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
    await poll(() => page.getByText('This page is only for administrators.').isVisible()).toBe(
      true,
    );
    await poll(() => page.getByTestId('current-user').innerText()).toMatch(/Analyst/);
  });
});

const EN = { signIn: 'Sign in', email: 'E-mail address', password: 'Password' };
const NL = { signIn: 'Inloggen', email: 'E-mailadres', password: 'Wachtwoord' };
