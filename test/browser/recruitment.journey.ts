// Browser journey through criminal exploitation on the journeys' shared demo app
// (test/browser/shared-demo.ts), whose demo crawls the synthetic job board and public-channel
// previews beside the ad board (fixtures/recruit-board): an outreach worker filters the triage
// queue by type of exploitation, finds a recruitment lead there (every row says "Criminal
// exploitation"), opens it, reads why it is filed so (the categories of its signs, a sign of
// criminal recruitment among the score's reasons, and the lead threshold for criminal leads with
// its reasoning), and writes to the handle from the post by hand: the demo's channel for platforms
// without an API, with its approved first message for young people reached through a recruitment
// post. The console shows the text to copy; the worker confirms they sent it, and the message is
// sent in the thread. Nothing is sent anywhere: a manual channel only records.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoChannelAndTemplate,
  demoWorker,
  writableLead,
  type DemoIdentifier,
  type DemoLead,
} from './demo-outreach.js';
import {
  apiCall,
  ensureConsoleBuilt,
  launchChromium,
  pageWatch,
  poll,
  screenshots,
} from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';

const WORKER_PASSWORD = 'steady ferry lantern 83';
/** The demo's channel for platforms (src/demo/demo.ts DEMO_HAND_CHANNEL_NAME). */
const HAND_CHANNEL = 'By hand (Telegram, Snapchat, Instagram)';
/** The demo's approved first message for a recruitment post (src/demo/demo.ts). */
const TEMPLATE = 'Recruitment post — first contact (nl)';
const LEADS_TIMEOUT_MS = 300_000;

describe('recruitment', () => {
  let app: SharedDemo;
  let browser: Browser;
  let worker: Page;
  const { outside, cspErrors, watch } = pageWatch();
  let lead: DemoLead;
  let handle: DemoIdentifier;
  let channelId = '';
  let templateId = '';
  const shoot = screenshots('recruitment');

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await sharedDemo('recruitment');
    browser = await launchChromium();
    worker = await demoWorker(
      browser,
      app,
      { email: 'rik.recruit@example.org', displayName: 'Rik Recruit' },
      WORKER_PASSWORD,
    );
    watch(worker);
  }, 1_500_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'has a criminal lead with a handle the demo channel for platforms may write to',
    async () => {
      await worker.goto(app.url);
      ({ channelId, templateId } = await demoChannelAndTemplate(worker, HAND_CHANNEL, TEMPLATE));
      ({ lead, identifier: handle } = await writableLead(worker, app, {
        query: 'exploitation=criminal',
        kind: 'messenger',
        channelId,
        templateId,
        schedulable: false,
        timeoutMs: LEADS_TIMEOUT_MS,
      }));
      expect(lead.exploitationType).toBe('criminal');
    },
    LEADS_TIMEOUT_MS + 60_000,
  );

  it('finds it in the queue by the type filter', async () => {
    await worker.goto(`${app.url}/triage`);
    await poll(() =>
      worker.getByRole('heading', { name: 'Triage queue', level: 1 }).isVisible(),
    ).toBe(true);
    await worker.getByLabel('Type of exploitation').selectOption('criminal');
    await poll(() => new URL(worker.url()).searchParams.get('exploitation')).toBe('criminal');
    const rows = worker.getByTestId('lead-row');
    const link = worker.getByRole('link', { name: `Open lead ${lead.alias}` });
    await poll(() => link.isVisible()).toBe(true);
    // Every row the filter shows is a criminal lead, and says so.
    const count = await rows.count();
    expect(count).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      expect(await rows.nth(i).innerText()).toContain('Criminal exploitation');
    }
    await shoot(worker, 'queue-criminal');
    await link.click();
    await poll(() => new URL(worker.url()).pathname).toBe(`/entities/${lead.entityId}`);
    await poll(() =>
      worker.getByRole('heading', { name: `Lead ${lead.alias}`, level: 1 }).isVisible(),
    ).toBe(true);
  }, 120_000);

  it('reads why the lead is filed under criminal exploitation', async () => {
    const summary = worker.getByTestId('exploitation-summary');
    await poll(() => summary.isVisible()).toBe(true);
    expect(await summary.getAttribute('data-type')).toBe('criminal');
    expect(await summary.innerText()).toContain('Type of exploitation: Criminal');
    // The categories behind the type, by name.
    const basis = summary.getByTestId('exploitation-basis');
    await poll(() => basis.count()).toBe(1);
    expect(await basis.innerText()).toMatch(/^Criminal: \S/);

    // The score's reasons hold a sign of criminal recruitment, and the model says from which
    // score a criminal entity is a lead, and why.
    const entity = await apiCall(worker, 'GET', `/api/entities/${lead.entityId}`);
    const reasons = (entity.json as { score: { reasons: { code: string }[] } }).score.reasons;
    expect(reasons.some((r) => r.code.startsWith('crime.'))).toBe(true);
    const threshold = worker.getByTestId('lead-threshold-criminal');
    await poll(() => threshold.isVisible()).toBe(true);
    expect(await threshold.innerText()).toMatch(
      /^Criminal exploitation: leads from \d+ points\. A recruitment post is itself an offer of crime/,
    );
    await shoot(worker, 'lead-explained');
  }, 60_000);

  it('writes to the handle by hand and records that the message went', async () => {
    await worker
      .getByRole('group', { name: 'Actions on this lead' })
      .getByRole('button', { name: 'Contact…' })
      .click();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Write to').selectOption(handle.identifierId);
    await dialog.getByLabel('Channel').selectOption(channelId);
    await poll(() => dialog.getByText(/A manual channel: you will copy the text/).isVisible()).toBe(
      true,
    );
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    await dialog.getByLabel('Approved template').selectOption(templateId);
    const previews = dialog.getByTestId('variant-preview');
    await poll(() => previews.count()).toBe(3);
    // No name and no word of the post, the work or money: a recruiter reading it learns nothing.
    for (let i = 0; i < 3; i++) {
      const text = (await previews.nth(i).innerText()).toLowerCase();
      for (const word of ['werk', 'geld', 'klus', 'politie', 'hulp', 'advertentie']) {
        expect(text).not.toContain(word);
      }
    }
    const submit = dialog.getByTestId('compose-submit');
    await poll(() => submit.isEnabled()).toBe(true);
    expect(await submit.innerText()).toBe('Send');
    await shoot(worker, 'compose-by-hand');
    await submit.click();

    await poll(() => new URL(worker.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    const conversation = worker.getByTestId('conversation');
    const ours = conversation.locator('[data-testid="message"][data-direction="out"]');
    await poll(() => ours.count()).toBe(1);
    // Waiting for the worker to send it on the platform: the text to copy, then "I sent it".
    await poll(() => ours.getAttribute('data-status')).toBe('to_send');
    expect(await ours.innerText()).toContain('Copy the text, send it on the platform');
    expect(await ours.getByRole('button', { name: 'Copy text' }).isVisible()).toBe(true);
    await ours.getByRole('button', { name: 'I sent it' }).click();
    await poll(() => ours.getAttribute('data-status')).toBe('sent');
    await shoot(worker, 'sent-by-hand');

    // The lead moved on to "contacted".
    const after = await apiCall(worker, 'GET', `/api/entities/${lead.entityId}`);
    expect((after.json as { lead: { state: string } }).lead.state).toBe('contacted');
    expect(outside, 'requests that left the app').toEqual([]);
    expect(cspErrors, 'content security policy violations').toEqual([]);
  }, 120_000);
});
