// Browser journey over every page of the console with axe-core (WCAG 2.0/2.1, A and AA; see
// axe.ts), on the shared demo app so that the pages hold what users see: tables of leads and
// ads, badges, a conversation, open dialogs. Each role (admin, supervisor, analyst, outreach
// worker, partner) visits, in English and in Dutch, the pages its navigation leads to and their
// detail pages, and opens the dialogs it has (compose the first message, save a search, assign a
// lead); the signed-out sign-in page and the not-found page are checked too. In Dutch, each page
// and dialog is also checked for English words (dutch-only.ts). A serious or critical finding, or
// English on a Dutch page, fails the role's step with the list of them. Every route of the console
// must have a visit here: the routes are read from the console's route files, so a new page
// without one fails. Run alone with
// `npx vitest run --project e2e test/browser/demo-journeys.test.ts -t accessibility`.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeFindings, countFindings, describeFindings, type AxeFinding } from './axe.js';
import { dutchPageText, findEnglish } from './dutch-only.js';
import {
  answeredThread,
  apiCall,
  ensureConsoleBuilt,
  firstSignIn,
  launchChromium,
  newContext,
  newPage,
  pageWatch,
  poll,
  staffPage,
  type Api,
} from './harness.js';
import { sharedDemo, type SharedDemo } from './shared-demo.js';

const ADMIN_PASSWORD = 'quiet harbour reading 64';
const STAFF_PASSWORD = 'willow orchard lantern 27';
/** Names that stay as they are in a Dutch console: the product, people and places of the demo. */
const DUTCH_ALLOW = {
  allow: [
    'Ariadne',
    'A11y',
    'Huis Toegang',
    'WhatsApp',
    'SMS',
    'IOM Human Trafficking Case Data Standard',
  ],
};
const LANGUAGES = ['en', 'nl'] as const;
type Language = (typeof LANGUAGES)[number];
type Role = 'admin' | 'supervisor' | 'analyst' | 'outreach_worker' | 'partner';
const ROLES: Role[] = ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'];

const consoleSrc = fileURLToPath(new URL('../../web/console/src/', import.meta.url));

/** A page and how to reach it: from the section in the navigation that leads to it. */
interface Visit {
  /** The route's path as the router writes it. */
  route: string;
  /** The navigation entry that leads here (a role without it does not reach the page). */
  section: string;
  /** The address, when not the route itself: from the ids found on the list pages. */
  url?: (ids: Ids) => string | undefined;
  /**
   * Visited only when the section's page links to it: a role that may not open the record or
   * make a new one is not led there (its page would only say so).
   */
  linked?: boolean;
}

interface Ids {
  source?: string;
  ad?: string;
  entity?: string;
  conversation?: string;
  case?: string;
  partner?: string;
}

/** Every route of the console with its visit (checked against the route files below). */
const VISITS: Visit[] = [
  { route: '/triage', section: '/triage' },
  { route: '/entities/$entityId', section: '/triage', url: (i) => i.entity, linked: true },
  { route: '/sources', section: '/sources' },
  { route: '/sources/new', section: '/sources', linked: true },
  { route: '/sources/$sourceId', section: '/sources', url: (i) => i.source, linked: true },
  { route: '/ads', section: '/ads' },
  { route: '/ads/$adId', section: '/ads', url: (i) => i.ad, linked: true },
  { route: '/rules', section: '/rules' },
  { route: '/inbox', section: '/inbox' },
  { route: '/inbox/$conversationId', section: '/inbox', url: (i) => i.conversation, linked: true },
  { route: '/chat-line', section: '/chat-line' },
  // The demo has no chats: a chat that is not there (the page's own state for a gone chat).
  {
    route: '/chat-line/$chatId',
    section: '/chat-line',
    url: () => '/chat-line/00000000-0000-4000-8000-000000000000',
  },
  { route: '/templates', section: '/templates' },
  { route: '/cases', section: '/cases' },
  { route: '/cases/$caseId', section: '/cases', url: (i) => i.case, linked: true },
  { route: '/referrals', section: '/referrals' },
  { route: '/partners', section: '/partners' },
  { route: '/partners/new', section: '/partners', linked: true },
  { route: '/partners/$partnerId', section: '/partners', url: (i) => i.partner, linked: true },
  { route: '/vault-requests', section: '/vault-requests' },
  { route: '/insights', section: '/insights' },
  { route: '/audit', section: '/audit' },
  { route: '/admin/users', section: '/admin' },
  { route: '/admin/partner-orgs', section: '/admin' },
  { route: '/admin/channels', section: '/admin' },
];

/** The path literals of the console's routes, from router.tsx and each section's routes.tsx. */
function routeLiterals(): string[] {
  const files = [
    path.join(consoleSrc, 'app/router.tsx'),
    ...readdirSync(consoleSrc, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .flatMap((d) =>
        readdirSync(path.join(consoleSrc, d.name))
          .filter((f) => /^routes\.tsx?$/.test(f))
          .map((f) => path.join(consoleSrc, d.name, f)),
      ),
  ];
  const literals = files.flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/(?:path:\s*|sectionRoute\(\s*)'([^']*)'/g)].map(
      (m) => m[1]!,
    ),
  );
  return [...new Set(literals)].filter((l) => l !== '/' && l !== '');
}

/** Translations of the console, for finding buttons by their name in either language. */
function translations(language: Language, section: string): Record<string, unknown> {
  return JSON.parse(
    readFileSync(path.join(consoleSrc, section, 'locales', `${language}.json`), 'utf8'),
  ) as Record<string, unknown>;
}
function tr(language: Language, section: string, key: string): string {
  let at: unknown = translations(language, section);
  for (const part of key.split('.')) at = (at as Record<string, unknown>)[part];
  if (typeof at !== 'string') throw new Error(`no text ${section}:${key} in ${language}`);
  return at;
}

/**
 * Waits until the page shows its content: a heading it did not have before (a page of its own has
 * an h1; a conversation opened beside the inbox list brings its h2), and no loader.
 */
async function settled(p: Page): Promise<void> {
  await expect
    .poll(() => p.locator('main :is(h1, h2):not([data-left])').first().isVisible(), {
      timeout: 20_000,
      interval: 150,
      message: `no heading on ${p.url()}`,
    })
    .toBe(true);
  await poll(() =>
    p
      .locator('main .mantine-Loader-root, main [aria-busy="true"]')
      .filter({ visible: true })
      .count(),
  ).toBe(0);
}

/**
 * Goes to a page as a user does, by its link when the page shows one (the console changes page
 * without loading itself again, which is most of this journey's time saved), else by its address.
 * The headings of the page left are marked, so that `settled` waits for the new page's own.
 */
async function open(p: Page, base: string, url: string): Promise<void> {
  // Already there (the section the console opens on): a click would render nothing new, and the
  // heading marked as left would never be replaced.
  if (new URL(p.url()).pathname === url) return settled(p);
  const link = p.locator(`a[href="${url}"]`).filter({ visible: true }).first();
  if ((await link.count()) > 0) {
    await p
      .locator('main :is(h1, h2)')
      .evaluateAll((hs) => hs.forEach((h) => h.setAttribute('data-left', '')));
    await link.click();
    await p.waitForURL((u) => u.pathname === url);
  } else {
    await p.goto(`${base}${url}`);
  }
  await settled(p);
}

async function setLanguage(p: Page, language: Language): Promise<void> {
  const status = await p.evaluate(async (language) => {
    const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
    const res = await fetch('/api/me', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
      body: JSON.stringify({ language }),
    });
    return res.status;
  }, language);
  expect(status).toBe(200);
}

describe('accessibility journey', () => {
  let app: SharedDemo;
  let browser: Browser;
  let admin: Page;
  let adminApi: Api;
  const pages = new Map<Role, Page>();
  const ids: Ids = {};
  let partnerOrgId: string | undefined;
  /** The routes some role reached (each must be reached by one at least). */
  const visited = new Set<string>();
  /** Failing elements per page and language, for the summary at the end. */
  const counts: string[] = [];
  /** Where the journey's time goes (it is one of the suite's longest). */
  const timeTo = { navigate: 0, check: 0 };
  const { outside, cspErrors, watch } = pageWatch();

  beforeAll(async () => {
    ensureConsoleBuilt();
    app = await sharedDemo('accessibility');
    browser = await launchChromium();
    admin = await newPage(await newContext(browser));
    watch(admin);
  }, 1_500_000);

  afterAll(async () => {
    if (counts.length > 0) console.log(`axe findings per page:\n${counts.join('\n')}`);
    console.log(
      `accessibility journey: ${Math.round(timeTo.navigate / 1000)} s navigating, ${Math.round(timeTo.check / 1000)} s checking`,
    );
    await browser?.close();
  });

  /**
   * Whether the checks run axe. Every role's pages are checked by axe in English and by the
   * Dutch-only check in Dutch; axe runs in Dutch too for the admin, who reaches nearly every page
   * (and on sign-in): a page's structure, names and contrast do not change with its language, and
   * axe over every page twice took most of the suite's longest file (about 850 of 1,360 s).
   */
  let axeOn = true;

  /**
   * Checks the page as it is now (axe, and in Dutch the Dutch-only check); returns a block for the
   * report when something is found.
   */
  async function check(p: Page, where: string, language: Language): Promise<string | null> {
    const started = performance.now();
    const findings: AxeFinding[] = axeOn ? await axeFindings(p) : [];
    const n = countFindings(findings);
    const english = language === 'nl' ? findEnglish(await dutchPageText(p), DUTCH_ALLOW) : [];
    const ms = Math.round(performance.now() - started);
    timeTo.check += ms;
    counts.push(`${where}: ${n}${english.length ? `, ${english.length} English` : ''} (${ms} ms)`);
    if (n === 0 && english.length === 0) return null;
    const report = [
      where,
      ...(n ? [describeFindings(findings)] : []),
      ...english.map((f) => `  English "${f.word}" in: …${f.context}…`),
    ].join('\n');
    // Shown at once too: a later step that fails must not hide what was found here.
    console.log(`check: ${report}`);
    return report;
  }

  it('every route of the console has a visit here', () => {
    const routes = VISITS.map((v) => v.route);
    const missing = routeLiterals().filter(
      (l) =>
        !routes.some(
          (r) => r === l || r.endsWith(l.startsWith('/') ? l : `/${l}`) || r.startsWith(`${l}/`),
        ),
    );
    expect(missing, 'routes without a visit in accessibility.journey.ts').toEqual([]);
  });

  it('the sign-in page, in English and Dutch', async () => {
    const found: string[] = [];
    for (const language of LANGUAGES) {
      const context = await newContext(browser, { locale: language === 'nl' ? 'nl-NL' : 'en-GB' });
      const p = await newPage(context);
      watch(p);
      await p.goto(app.url);
      await poll(() => p.locator('input[type="password"]').isVisible()).toBe(true);
      const report = await check(p, `sign-in (${language})`, language);
      if (report) found.push(report);
      await context.close();
    }
    expect(found.join('\n\n'), 'serious or critical accessibility findings').toBe('');
  }, 120_000);

  it('the admin signs in; a conversation, a case and the pages’ ids', async () => {
    await admin.goto(app.url);
    await firstSignIn(admin, app.admin.email, app.admin.oneTimePassword, ADMIN_PASSWORD);
    await settled(admin);
    pages.set('admin', admin);
    // The admin's page speaks for the admin (its session and CSRF token).
    adminApi = {
      get: async <T>(url: string) =>
        (await apiCall(admin, 'GET', url)) as { status: number; json: T },
      post: async <T>(url: string, body: unknown) =>
        (await apiCall(admin, 'POST', url, body)) as { status: number; json: T },
    };

    const org = await apiCall(admin, 'POST', '/api/partner-orgs', { name: 'Huis Toegang' });
    expect(org.status).toBeLessThan(300);
    partnerOrgId = (org.json as { partnerOrg: { id: string } }).partnerOrg.id;

    // The ids of one record of each kind, from the first row of each list. A list left empty
    // leaves its record's page unvisited, and the last step says so.
    const firstHref = async (list: string, testId: string, p = admin) => {
      await p.goto(`${app.url}${list}`);
      const row = p.getByTestId(testId).first();
      const shown = await row.waitFor({ timeout: 30_000 }).then(
        () => true,
        () => false,
      );
      if (!shown) return undefined;
      return (await row.locator('a[href]').first().getAttribute('href')) ?? undefined;
    };
    ids.entity = await firstHref('/triage', 'lead-row');
    ids.source = await firstHref('/sources', 'source-row');
    ids.ad = await firstHref('/ads', 'ad-row');
    // Cases are the supervisors' and outreach workers' work, not the admin's.
    ids.partner = await firstHref('/partners', 'partner-row');
    const conversation = await answeredThread({
      admin: adminApi,
      worker: await colleague('outreach_worker'),
      supervisor: await colleague('supervisor'),
      reply: 'Hallo, wie is dit?',
    });
    ids.conversation = `/inbox/${conversation}`;
    // The demo opens no case: the worker opens one from the answered thread, as a worker would.
    const opened = await apiCall(await colleague('outreach_worker'), 'POST', '/api/cases', {
      conversationId: conversation,
    });
    expect(opened.status, JSON.stringify(opened.json)).toBe(200);
    ids.case = await firstHref('/cases', 'case-row', await colleague('supervisor'));
    for (const [kind, href] of Object.entries(ids)) {
      if (href !== undefined) expect(href, kind).toMatch(/^\/[a-z-]+\/[^/]+$/);
    }
  }, 300_000);

  /**
   * A role's page, signed in when first asked for: just before its own step (or the setup that
   * needs it), so that no session sits idle through the other roles' steps.
   */
  async function colleague(role: Role): Promise<Page> {
    const known = pages.get(role);
    if (known) return known;
    const p = await staffPage(
      admin,
      browser,
      app.url,
      {
        email: `a11y.${role.replace('_', '-')}@example.org`,
        displayName: `A11y ${role}`,
        role,
        ...(role === 'partner' ? { partnerOrgId } : {}),
      },
      STAFF_PASSWORD,
    );
    watch(p);
    await p.goto(app.url);
    pages.set(role, p);
    return p;
  }

  /** Opens a dialog by its button (when this role has it), checks it, and closes it. */
  async function checkDialog(
    p: Page,
    button: Locator,
    where: string,
    language: Language,
    found: string[],
  ): Promise<void> {
    if ((await button.count()) === 0) return;
    await button.first().click();
    const dialog = p.getByRole('dialog');
    await poll(() => dialog.first().isVisible()).toBe(true);
    await poll(() => dialog.locator('.mantine-Loader-root').filter({ visible: true }).count()).toBe(
      0,
    );
    const report = await check(p, where, language);
    if (report) found.push(report);
    await p.keyboard.press('Escape');
    await poll(() => dialog.count()).toBe(0);
  }

  for (const role of ROLES) {
    it(`every page ${role === 'admin' ? 'an admin' : `a ${role}`} reaches, in English and Dutch`, async () => {
      const p = await colleague(role);
      const found: string[] = [];
      for (const language of LANGUAGES) {
        await setLanguage(p, language);
        axeOn = language === 'en' || role === 'admin';
        await p.goto(app.url);
        await settled(p);
        const sections = new Set(
          await p
            .locator('nav a[href^="/"]')
            .evaluateAll<string[], HTMLAnchorElement>((as) =>
              as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
            ),
        );
        const visits = VISITS.filter((v) => sections.has(v.section));
        expect(visits.length).toBeGreaterThan(0);
        let links = new Set<string>();
        for (const visit of visits) {
          const url = visit.url ? visit.url(ids) : visit.route;
          if (url === undefined || (visit.linked && !links.has(url))) continue;
          const navStarted = performance.now();
          await open(p, app.url, url);
          timeTo.navigate += performance.now() - navStarted;
          visited.add(visit.route);
          if (visit.route === visit.section) {
            // What this page leads to (its records, a new one), for the visits that follow.
            links = new Set(
              await p
                .locator('main a[href^="/"]')
                .evaluateAll((as) =>
                  as.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
                ),
            );
          }
          const where = `${role} ${visit.route} (${language})`;
          const report = await check(p, where, language);
          if (report) found.push(report);
          if (visit.route === '/triage') {
            await checkDialog(
              p,
              p.getByRole('button', { name: tr(language, 'triage', 'searches.save') }),
              `${role} save search dialog (${language})`,
              language,
              found,
            );
          }
          if (visit.route === '/entities/$entityId') {
            await checkDialog(
              p,
              p.getByRole('button', { name: `${tr(language, 'triage', 'actions.assignTo')}…` }),
              `${role} assign dialog (${language})`,
              language,
              found,
            );
            await checkDialog(
              p,
              p.getByTestId('compose-open'),
              `${role} compose dialog (${language})`,
              language,
              found,
            );
          }
        }
        if (role === 'admin') {
          await p.goto(`${app.url}/no-such-page`);
          await settled(p);
          const report = await check(p, `${role} not found (${language})`, language);
          if (report) found.push(report);
        }
      }
      await setLanguage(p, 'en');
      axeOn = true;
      expect(found.join('\n\n'), 'serious or critical accessibility findings').toBe('');
    }, 900_000);
  }

  it('reached every route with some role', () => {
    expect(VISITS.map((v) => v.route).filter((r) => !visited.has(r))).toEqual([]);
  });

  it('kept every request on this machine and the CSP intact', () => {
    expect(outside).toEqual([]);
    expect(cspErrors).toEqual([]);
  });
});
