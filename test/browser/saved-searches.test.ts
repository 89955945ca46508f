// The triage queue's saved-search menu and the dialog that saves a search (issue 15, "the menu
// covers the confirmation"): deleting asks first, in the menu, and the question's buttons are the
// topmost thing where they are drawn; opening "Save this search" closes the menu, so it never lies
// over the dialog; a name already used is refused in the dialog, readable and on top.
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiCall,
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

const ADMIN_PASSWORD = 'lantern quiet harbour 42';

/** Whether the element is what a pointer at its centre would hit (nothing lies over it). */
async function onTop(el: Locator): Promise<boolean> {
  return el.evaluate((node) => {
    const r = node.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (node === hit || node.contains(hit));
  });
}

describe('saved searches menu', () => {
  let server: Started;
  let dataDir: string;
  let browser: Browser;
  let page: Page;
  const { outside, watch } = pageWatch();
  const snap = screenshots('saved-searches');

  beforeAll(async () => {
    ensureConsoleBuilt();
    dataDir = freshDataDir('saved-searches-browser');
    server = await startServer(dataDir, { demo: false });
    browser = await launchChromium();
    page = await newPage(await newContext(browser));
    watch(page);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServer(server);
    removeDataDir(dataDir);
  });

  it('asks before deleting, and keeps the menu out of the save dialog', async () => {
    await page.goto(server.url);
    await firstSignIn(page, server.email, server.password, ADMIN_PASSWORD);
    for (const name of ['Urgent in Utrecht', 'Everything, every state']) {
      const made = await apiCall(page, 'POST', '/api/saved-searches', {
        name,
        target: 'leads',
        filters: { state: 'all' },
      });
      expect(made.status).toBe(201);
    }
    await page.goto(`${server.url}/triage`);
    const menuButton = page.getByRole('button', { name: /^Saved searches/ });
    await poll(() => menuButton.isVisible()).toBe(true);

    // Delete: the menu asks, and its answer buttons are not covered by anything.
    await menuButton.click();
    await page.getByRole('button', { name: 'Delete Urgent in Utrecht' }).click();
    const question = page.getByText('Delete the saved search “Urgent in Utrecht”?');
    await poll(() => question.isVisible()).toBe(true);
    const confirm = page.getByRole('button', { name: 'Delete', exact: true });
    await poll(() => onTop(confirm)).toBe(true);
    expect(await onTop(page.getByRole('button', { name: 'Cancel', exact: true }))).toBe(true);
    await snap(page, 'delete-confirmation');
    await confirm.click();
    await poll(() => page.getByRole('button', { name: 'Open Urgent in Utrecht' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open Everything, every state' }).count()).toBe(
      1,
    );

    // Save while the menu is open: the menu closes, the dialog is on top of everything, even
    // while the menu fades out (where the menu was, a pointer hits the dialog's overlay as soon as
    // the dialog is there; on a busy machine React may take a frame or two to mount it).
    const menu = page.locator('.mantine-Popover-dropdown');
    const box = await menu.boundingBox();
    expect(box).not.toBeNull();
    await page.getByRole('button', { name: 'Save this search' }).click();
    const dialog = page.getByRole('dialog', { name: 'Save this search' });
    await page.waitForSelector('.mantine-Modal-overlay', { state: 'attached' });
    const hitsMenu = await page.evaluate(
      ({ x, y }) => Boolean(document.elementFromPoint(x, y)?.closest('.mantine-Popover-dropdown')),
      { x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 },
    );
    expect(hitsMenu).toBe(false);
    await poll(() => dialog.isVisible()).toBe(true);
    await poll(() => menuButton.getAttribute('aria-expanded')).toBe('false');
    await poll(() =>
      page.getByRole('button', { name: 'Open Everything, every state' }).count(),
    ).toBe(0);
    const name = dialog.getByRole('textbox', { name: /Name/ });
    expect(await onTop(name)).toBe(true);
    await name.fill('Everything, every state');
    await dialog.getByRole('button', { name: 'Save this search' }).click();
    // A name in use is refused where the person is looking: in the dialog, on top.
    const refusal = dialog.getByTestId('error');
    await poll(() => refusal.isVisible()).toBe(true);
    expect(await refusal.innerText()).toContain('Everything, every state');
    expect(await onTop(refusal)).toBe(true);
    expect(await onTop(dialog.getByRole('button', { name: 'Save this search' }))).toBe(true);
    await snap(page, 'save-refused');
    expect(outside).toEqual([]);
  }, 120_000);
});
