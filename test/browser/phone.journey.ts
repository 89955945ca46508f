// Browser journey on a phone (390×844, touch) through the journeys' shared demo app
// (test/browser/shared-demo.ts): an outreach worker opens the triage queue, whose filters are
// folded into a drawer behind a "Filters" button that counts those in use and whose leads are
// cards; filters it down to one lead, closes the drawer, opens the lead's card, finds the score
// and Contact in the bar that stays in view, writes to the person from the demo's approved
// template on the demo's SMS channel, and sees the message in the conversation, whose reply box
// sits at the foot of the screen. The inbox lists the thread full width. At every step the page
// fits the screen's width (no sideways scroll) and axe finds nothing serious (test/browser/axe.ts).
//
// Quiet hours would refuse a first message at night where the person is. The shared app reads its
// contact rules with quiet hours twelve hours away from the time it sees (see shared-demo.ts and
// outreach.journey.ts); should the rules still refuse for the time, the dialog offers "Schedule
// for …" and the journey takes it: either way the message is in the thread.
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoChannelAndTemplate,
  demoWorker,
  writableLead,
  type DemoIdentifier,
  type DemoLead,
} from './demo-outreach.js';
import { ensureConsoleBuilt, launchChromium, pageWatch, poll, screenshots } from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';
import { axeFindings, countFindings, describeFindings } from './axe.js';

const WORKER_PASSWORD = 'bright harbour pebble 61';
const WIDTH = 390;
const HEIGHT = 844;
const PHONE = {
  viewport: { width: WIDTH, height: HEIGHT },
  isMobile: true,
  hasTouch: true,
} as const;
/** The demo's SMS channel and its approved first message without a name (no leave needed). */
const DEMO_CHANNEL = 'Demo SMS (simulated phones)';
const NAMELESS = 'Eerste bericht zonder naam (demo)';
/** The demo has settled before the journey begins: leads are there, or come soon after. */
const LEADS_TIMEOUT_MS = 300_000;

describe('phone', () => {
  let app: SharedDemo;
  let browser: Browser;
  let worker: Page;
  const { outside, cspErrors, watch } = pageWatch();
  let lead: DemoLead;
  let phone: DemoIdentifier;
  let conversationId = '';
  const shoot = screenshots('phone');

  /**
   * The page fits the phone's width (nothing makes it scroll sideways), and its phone layout has
   * no serious or critical WCAG A/AA finding (open drawers and dialogs included).
   */
  async function fitsWidth(step: string): Promise<void> {
    const width = await worker.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `sideways scroll at "${step}"`).toBeLessThanOrEqual(WIDTH);
    await shoot(worker, step);
    const findings = await axeFindings(worker);
    expect(countFindings(findings), `at "${step}":\n${describeFindings(findings)}`).toBe(0);
  }

  /** The element is wholly on the screen as it is scrolled now. */
  async function onScreen(locator: ReturnType<Page['getByTestId']>): Promise<boolean> {
    const box = await locator.boundingBox();
    return (
      box !== null &&
      box.x >= 0 &&
      box.y >= 0 &&
      box.x + box.width <= WIDTH &&
      box.y + box.height <= HEIGHT
    );
  }

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await sharedDemo('phone');
    browser = await launchChromium();
    // The admin only makes the worker (through the API); the worker is on a phone.
    worker = await demoWorker(
      browser,
      app,
      { email: 'pia.phone@example.org', displayName: 'Pia Phone' },
      WORKER_PASSWORD,
      PHONE,
    );
    watch(worker);
  }, 1_500_000);

  afterAll(async () => {
    await browser?.close();
  });

  it(
    'finds an open lead with a number the demo SMS channel may write to',
    async () => {
      await worker.goto(app.url);
      const { channelId, templateId } = await demoChannelAndTemplate(
        worker,
        DEMO_CHANNEL,
        NAMELESS,
      );
      // The rules allow a first message now, or at a time they name (quiet hours).
      ({ lead, identifier: phone } = await writableLead(worker, app, {
        query: '',
        kind: 'phone',
        channelId,
        templateId,
        schedulable: true,
        timeoutMs: LEADS_TIMEOUT_MS,
      }));
    },
    LEADS_TIMEOUT_MS + 60_000,
  );

  it('shows the queue as cards, with its filters in a drawer', async () => {
    await worker.goto(`${app.url}/triage`);
    await poll(() =>
      worker.getByRole('heading', { name: 'Triage queue', level: 1 }).isVisible(),
    ).toBe(true);
    const cards = worker.getByTestId('lead-card');
    await poll(() => cards.count()).toBeGreaterThan(0);
    // No table on a phone, and no filter fields until the drawer opens.
    expect(await worker.getByTestId('lead-row').count()).toBe(0);
    expect(await worker.getByLabel('Assigned to').count()).toBe(0);
    await fitsWidth('queue');

    const filtersButton = worker.getByTestId('filters-open');
    expect(await filtersButton.getAttribute('data-count')).toBe('0');
    await filtersButton.tap();
    const drawer = worker.getByRole('dialog', { name: 'Filters' });
    await poll(() => drawer.isVisible()).toBe(true);
    await fitsWidth('filters-open');

    // Two filters: every state, and the lead's alias.
    await drawer.getByLabel('State').selectOption('all');
    await poll(() => new URL(worker.url()).searchParams.get('state')).toBe('all');
    await drawer.getByTestId('queue-search').fill(lead.alias);
    await drawer.getByRole('button', { name: 'Find', exact: true }).tap();
    await poll(() => new URL(worker.url()).searchParams.get('q')).toBe(lead.alias);
    await fitsWidth('filters-set');
    await drawer.getByRole('button', { name: 'Show the leads' }).tap();
    await poll(() => drawer.count()).toBe(0);
    // The button counts the filters in use, and says so to a screen reader too.
    expect(await filtersButton.getAttribute('data-count')).toBe('2');
    expect(await filtersButton.textContent()).toContain('2 active filters');

    await poll(() => cards.count()).toBe(1);
    const card = cards.first();
    expect(await card.getByTestId('lead-alias').innerText()).toBe(lead.alias);
    expect(Number(await card.getByTestId('lead-score').innerText())).toBeGreaterThanOrEqual(0);
    expect(await card.getByTestId('state-badge').isVisible()).toBe(true);
    await fitsWidth('queue-filtered');

    // The card's link is a keyboard stop with a visible focus ring round the card (reached by
    // the keyboard: a ring shows for keyboard focus, not after a tap).
    const link = card.getByRole('link', { name: `Open lead ${lead.alias}` });
    await link.focus();
    await worker.keyboard.press('Shift+Tab');
    await worker.keyboard.press('Tab');
    expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    const ring = await link.evaluate((el) => getComputedStyle(el, '::after').outlineStyle);
    expect(ring).toBe('solid');
  }, 120_000);

  it('opens the lead from its card, with score and Contact in view', async () => {
    // A tap away from the alias: the whole card opens the lead.
    const card = worker.getByTestId('lead-card').first();
    const box = (await card.boundingBox())!;
    await worker.touchscreen.tap(box.x + box.width - 24, box.y + box.height - 12);
    await poll(() => new URL(worker.url()).pathname).toBe(`/entities/${lead.entityId}`);
    await poll(() =>
      worker.getByRole('heading', { name: `Lead ${lead.alias}`, level: 1 }).isVisible(),
    ).toBe(true);
    const bar = worker.getByTestId('lead-bar');
    await poll(() => bar.isVisible()).toBe(true);
    await fitsWidth('lead');
    // Scrolled to its end, the page still shows the score and Contact.
    await worker.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await poll(() => onScreen(bar)).toBe(true);
    expect(await onScreen(bar.getByTestId('entity-score'))).toBe(true);
    expect(await onScreen(bar.getByTestId('lead-bar-contact'))).toBe(true);
    await fitsWidth('lead-scrolled');
  }, 60_000);

  it('writes to the person from the bar and sees the message in the conversation', async () => {
    await worker.getByTestId('lead-bar').getByTestId('lead-bar-contact').tap();
    const dialog = worker.getByRole('dialog', { name: 'Write to this person' });
    await poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Write to').selectOption(phone.identifierId);
    await dialog.getByLabel('Channel').selectOption({ label: `${DEMO_CHANNEL} · SMS` });
    await dialog.getByLabel('Language', { exact: true }).selectOption('nl');
    await dialog
      .getByLabel('Approved template')
      .selectOption({ label: `${NAMELESS} (NL) · first contact` });
    await poll(() => dialog.getByTestId('variant-preview').count()).toBeGreaterThan(0);
    // Send, or "Schedule for …" when quiet hours stand in the way: either is on once the rules
    // have been asked.
    const submit = dialog.getByTestId('compose-submit');
    await poll(() => submit.isEnabled()).toBe(true);
    expect(await submit.innerText()).toMatch(/^(Send|Schedule for .+)$/);
    await fitsWidth('compose');
    await submit.tap();

    await poll(() => new URL(worker.url()).pathname).toMatch(/^\/inbox\/[0-9a-f-]{36}$/);
    conversationId = new URL(worker.url()).pathname.split('/')[2]!;
    const conversation = worker.getByTestId('conversation');
    // Ours, first in the thread (the demo's simulated phones may answer soon after).
    const ours = conversation.locator('[data-testid="message"][data-direction="out"]');
    await poll(() => ours.count()).toBe(1);
    expect(await ours.getAttribute('data-status')).toMatch(/^(queued|sending|sent|delivered)$/);
    expect((await ours.getByTestId('message-body').innerText()).length).toBeGreaterThan(0);
    await fitsWidth('conversation');

    // The reply box sits at the foot of the screen, Send within a thumb's reach.
    const send = worker.getByTestId('reply-box').getByRole('button', { name: 'Send', exact: true });
    await poll(() => onScreen(worker.getByTestId('reply-box'))).toBe(true);
    const sendBox = (await send.boundingBox())!;
    expect(sendBox.y).toBeGreaterThan(HEIGHT / 2);
    expect(sendBox.x + sendBox.width).toBeLessThanOrEqual(WIDTH);
  }, 120_000);

  it('lists the thread in the inbox at full width and opens it again', async () => {
    await worker.getByRole('link', { name: /Back to the inbox/ }).tap();
    await poll(() => new URL(worker.url()).pathname).toBe('/inbox');
    const item = worker.locator(
      `[data-testid="inbox-item"][data-conversation-id="${conversationId}"]`,
    );
    await poll(() => item.isVisible()).toBe(true);
    // The list takes the screen's width (the conversation is a page of its own here).
    const box = (await item.boundingBox())!;
    expect(box.width).toBeGreaterThan(WIDTH - 60);
    await fitsWidth('inbox');
    await item.tap();
    await poll(() => new URL(worker.url()).pathname).toBe(`/inbox/${conversationId}`);
    await poll(() => worker.locator('[data-testid="message"][data-direction="out"]').count()).toBe(
      1,
    );
    await fitsWidth('conversation-again');
  }, 60_000);

  it('made no request off this machine and broke no content security rule', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
