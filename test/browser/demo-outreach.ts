// What the journeys that write to a lead on the shared demo app need first: an outreach worker of
// their own, the demo's channel and approved template by name, and a lead nobody wrote to yet that
// the contact rules let them write to (other journeys write to leads of the same app).
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { apiCall, apiSignIn, newContext, newPage, staffPage } from './harness.js';
import type { SharedDemo } from './shared-demo.js';

/** The password every journey's own admin chooses (shared-demo.ts makes the accounts). */
const ADMIN_PASSWORD = 'calm river lantern 42';

/** An outreach worker the journey's admin makes (through the API) and signs in, in a page of their own. */
export async function demoWorker(
  browser: Browser,
  app: SharedDemo,
  user: { email: string; displayName: string },
  password: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const adminContext = await newContext(browser);
  await apiSignIn(
    adminContext.request,
    app.url,
    app.admin.email,
    app.admin.oneTimePassword,
    ADMIN_PASSWORD,
  );
  const admin = await newPage(adminContext);
  await admin.goto(app.url);
  return staffPage(
    admin,
    browser,
    app.url,
    { ...user, role: 'outreach_worker' },
    password,
    options,
  );
}

/** The ids of the demo's channel and approved template of these names (fails when one is missing). */
export async function demoChannelAndTemplate(
  worker: Page,
  channelName: string,
  templateName: string,
): Promise<{ channelId: string; templateId: string }> {
  const channels = await apiCall(worker, 'GET', '/api/outreach/channels');
  const channelId =
    (channels.json as { items: { id: string; name: string }[] }).items.find(
      (c) => c.name === channelName,
    )?.id ?? '';
  expect(channelId, `the demo channel "${channelName}"`).not.toBe('');
  const templates = await apiCall(worker, 'GET', '/api/outreach/templates?status=approved');
  const templateId =
    (templates.json as { items: { id: string; name: string }[] }).items.find(
      (x) => x.name === templateName,
    )?.id ?? '';
  expect(templateId, `the demo template "${templateName}"`).not.toBe('');
  return { channelId, templateId };
}

export interface DemoLead {
  entityId: string;
  alias: string;
  state: string;
  exploitationType: string;
}
export interface DemoIdentifier {
  identifierId: string;
  kind: string;
  platform?: string | null;
}

/**
 * Waits until the queue (`query`: /api/leads's filters) holds a lead with an identifier of `kind`
 * that nobody wrote to yet and that the rules let this channel and template reach: now, or with
 * `schedulable` also at a time they name. Fails after `timeoutMs`, with the server's last output.
 */
export async function writableLead(
  worker: Page,
  app: SharedDemo,
  opts: {
    query: string;
    kind: string;
    channelId: string;
    templateId: string;
    schedulable: boolean;
    timeoutMs: number;
  },
): Promise<{ lead: DemoLead; identifier: DemoIdentifier }> {
  const started = Date.now();
  for (;;) {
    const r = await apiCall(worker, 'GET', `/api/leads?limit=100&${opts.query}`);
    expect(r.status).toBe(200);
    const items = (r.json as { items: DemoLead[] }).items;
    for (const item of items) {
      const e = await apiCall(worker, 'GET', `/api/entities/${item.entityId}`);
      const found = (e.json as { identifiers: DemoIdentifier[] }).identifiers.find(
        (i) => i.kind === opts.kind,
      );
      if (e.status !== 200 || !found) continue;
      const threads = await apiCall(
        worker,
        'GET',
        `/api/inbox?entityId=${item.entityId}&status=all`,
      );
      if ((threads.json as { items?: unknown[] }).items?.length) continue;
      const state = await apiCall(worker, 'POST', '/api/outreach/compose-check', {
        entityId: item.entityId,
        contact: { identifierId: found.identifierId },
        channelId: opts.channelId,
        templateId: opts.templateId,
        values: {},
      });
      expect(state.status).toBe(200);
      const rules = state.json as { allowed: boolean; schedulable: boolean };
      if (rules.allowed || (opts.schedulable && rules.schedulable)) {
        return { lead: item, identifier: found };
      }
    }
    expect(
      Date.now() - started,
      `no lead (${opts.query || 'any'}) with a ${opts.kind} to write to after ${opts.timeoutMs / 1000}s (leads seen: ${items.map((i) => i.alias).join(', ') || 'none'}); server said:\n${app.output().slice(-4000)}`,
    ).toBeLessThan(opts.timeoutMs);
    await worker.waitForTimeout(3_000);
  }
}
