// The triage queue end to end on both databases: a synthetic world replayed day by day is linked
// and scored incrementally; the queue puts urgent cases first and planted cases near the top; the
// entity page explains every point; actions follow the rules; exports and reads are audited; saved
// searches alert once; a full rebuild and re-score gives the same entities and scores.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, desc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld, type LoadedWorld } from '../../fixtures/ad-board/db-loader.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import type { World } from '../../fixtures/ad-board/model.js';
import { precisionAtK } from '../../src/link/evaluate.js';
import { linkAds } from '../../src/link/schema.js';
import { linkSettings, rebuildLinks } from '../../src/link/store.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import type { Jobs } from '../../src/platform/jobs.js';
import { linkHooks } from '../../src/score/hooks.js';
import { scoreAll } from '../../src/score/jobs.js';
import { linkAndScore } from '../../src/score/pipeline.js';
import { checkSavedSearches } from '../../src/score/saved-searches.js';
import { entityScores, leads } from '../../src/score/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { startApiApp } from '../helpers/api-app.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let dir: string;
let world: World;
let loaded: LoadedWorld;

interface Lead {
  entityId: string;
  urgent: boolean;
  score: number;
  state: string;
  flags: string[];
}

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-triage-api-'));
  world = generateWorld({ seed: 'triage-api', ads: 160, days: 6 });
  const settings = linkSettings(t.config);
  loaded = await loadWorld(t.database.db, t.config, world, {
    onDay: async (_day, adIds) => {
      await linkAndScore(t.database.db, settings, adIds);
    },
  });
  ({ app, jobs } = await startApiApp(t, dir));
}, 300_000);
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Ground truth per entity: does it hold ads of a planted case, of an urgent (minor) person? */
async function truthOfEntities() {
  const rows = await t.database.db.select().from(linkAds);
  const persons = new Map(world.persons.map((p) => [p.id, p]));
  const planted = new Set<string>();
  const urgent = new Set<string>();
  for (const r of rows) {
    const ad = loaded.truthOf.get(r.adId);
    const person = ad ? persons.get(ad.personId) : undefined;
    if (person?.plantedCase) planted.add(r.entityId);
    if (person?.urgent) urgent.add(r.entityId);
  }
  return { planted, urgent };
}

describe('triage queue', () => {
  let worker: ApiCall;
  let first: Lead;

  it('lists leads urgent first, then by score, with planted cases near the top', async () => {
    worker = await signInAs(app, t.database.db, 'outreach_worker');
    const res = await worker('GET', '/api/leads?limit=200');
    expect(res.res.statusCode).toBe(200);
    const items = res.json.items as Lead[];
    expect(items.length).toBeGreaterThan(3);
    for (let i = 1; i < items.length; i++) {
      const a = items[i - 1]!;
      const b = items[i]!;
      expect(
        Number(a.urgent) > Number(b.urgent) || (a.urgent === b.urgent && a.score >= b.score),
      ).toBe(true);
    }
    const { planted, urgent } = await truthOfEntities();
    const ranked = items.map((l) => l.entityId);
    expect(precisionAtK(ranked, planted, 10)).toBeGreaterThanOrEqual(0.6);
    // Every entity holding a minor's ads is in the queue and flagged urgent.
    for (const id of urgent) {
      const lead = items.find((l) => l.entityId === id);
      expect(lead?.urgent, `entity ${id} of a minor`).toBe(true);
    }
    first = items[0]!;
  });

  it('pages with a keyset cursor without repeats', async () => {
    const one = await worker('GET', '/api/leads?limit=3');
    const two = await worker(
      'GET',
      `/api/leads?limit=3&cursor=${encodeURIComponent(one.json.nextCursor as string)}`,
    );
    const ids = [...(one.json.items as Lead[]), ...(two.json.items as Lead[])].map(
      (l) => l.entityId,
    );
    expect(new Set(ids).size).toBe(ids.length);
    const all = (await worker('GET', '/api/leads?limit=6')).json.items as Lead[];
    expect(ids).toEqual(all.map((l) => l.entityId));
  });

  it('filters by flag, score and assignee', async () => {
    const urgentOnly = (await worker('GET', '/api/leads?flag=urgent')).json.items as Lead[];
    expect(urgentOnly.every((l) => l.flags.includes('urgent'))).toBe(true);
    const high = (await worker('GET', '/api/leads?minScore=50')).json.items as Lead[];
    expect(high.every((l) => l.score >= 50)).toBe(true);
    const bad = await worker('GET', '/api/leads?assignee=somebody');
    expect(bad.res.statusCode).toBe(400);
  });

  it('explains the score of an entity point by point, with identifiers masked, and audits the read', async () => {
    const res = await worker('GET', `/api/entities/${first.entityId}`);
    expect(res.res.statusCode).toBe(200);
    const e = res.json as {
      score: { score: number; reasons: { points: number; label: string; hits?: unknown[] }[] };
      identifiers: { masked: string }[];
      movement: unknown[];
      ads: unknown[];
    };
    expect(e.score.reasons.reduce((n, r) => n + r.points, 0)).toBe(e.score.score);
    expect(e.ads.length).toBeGreaterThan(0);
    const body = res.res.body;
    for (const p of world.persons.flatMap((x) => x.phones)) {
      expect(body).not.toContain(p);
      expect(body).not.toContain(p.replace('+31', '0'));
    }
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'entity.read'), eq(auditLog.targetId, first.entityId)));
    expect(audits.length).toBeGreaterThan(0);
    const graph = await worker('GET', `/api/entities/${first.entityId}/graph`);
    expect((graph.json.nodes as unknown[]).length).toBeGreaterThan(0);
  });

  it('moves a lead through its states by the rules', async () => {
    const url = `/api/leads/${first.entityId}/actions`;
    const me = (await worker('GET', '/api/auth/session')).json as { user: { id: string } };
    expect(
      (await worker('POST', url, { action: 'assign', assigneeId: me.user.id })).res.statusCode,
    ).toBe(200);
    const noReason = await worker('POST', url, { action: 'state', state: 'no_action' });
    expect(noReason.res.statusCode).toBe(400);
    const skip = await worker('POST', url, { action: 'state', state: 'closed' });
    expect(skip.res.statusCode).toBe(409);
    expect(
      (await worker('POST', url, { action: 'state', state: 'in_review' })).res.statusCode,
    ).toBe(200);
    expect(
      (await worker('POST', url, { action: 'state', state: 'contact_planned' })).res.statusCode,
    ).toBe(200);
    const mine = (await worker('GET', '/api/leads?assignee=me')).json.items as Lead[];
    expect(mine.map((l) => l.entityId)).toContain(first.entityId);
    const reopen = await worker('POST', url, { action: 'state', state: 'new' });
    expect(reopen.res.statusCode).toBe(403);
    const [row] = await t.database.db
      .select()
      .from(leads)
      .where(eq(leads.entityId, first.entityId));
    expect(row?.state).toBe('contact_planned');
    // Back in review, reopening would be a move of the lead's; it is not offered to a worker.
    const back = await worker('POST', url, { action: 'state', state: 'in_review' });
    expect(back.json.allowed).toEqual(['contact_planned', 'no_action']);
    const page = (await worker('GET', `/api/entities/${first.entityId}`)).json as {
      lead: { allowed: string[] };
    };
    expect(page.lead.allowed).toEqual(['contact_planned', 'no_action']);
  });

  it("follows the one assignment rule: no taking a colleague's lead, a supervisor directs", async () => {
    // `first` is held by `worker` since the test above.
    const url = `/api/leads/${first.entityId}/actions`;
    const holderId = ((await worker('GET', '/api/auth/session')).json as { user: { id: string } })
      .user.id;
    const colleague = await signInAs(app, t.database.db, 'outreach_worker');
    const colleagueId = (
      (await colleague('GET', '/api/auth/session')).json as { user: { id: string } }
    ).user.id;
    const seen = (await colleague('GET', `/api/entities/${first.entityId}`)).json as {
      lead: { assignment: unknown };
    };
    expect(seen.lead.assignment).toEqual({ take: false, release: false, handOver: false });
    expect(
      (await colleague('POST', url, { action: 'assign', assigneeId: colleagueId })).res.statusCode,
    ).toBe(403);
    expect(
      (await colleague('POST', url, { action: 'assign', assigneeId: null })).res.statusCode,
    ).toBe(403);
    expect(
      (await worker('POST', url, { action: 'assign', assigneeId: colleagueId })).res.statusCode,
    ).toBe(403);
    const supervisor = await signInAs(app, t.database.db, 'supervisor');
    const handed = await supervisor('POST', url, { action: 'assign', assigneeId: colleagueId });
    expect(handed.res.statusCode).toBe(200);
    expect(handed.json.assignment).toEqual({ take: true, release: true, handOver: true });
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lead.assign'), eq(auditLog.targetId, first.entityId)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    expect(audit?.details).toMatchObject({
      previousAssigneeId: holderId,
      assigneeId: colleagueId,
    });
    // The colleague holds it now and may give it back; then the first worker may take it again.
    expect(
      (await colleague('POST', url, { action: 'assign', assigneeId: null })).res.statusCode,
    ).toBe(200);
    expect(
      (await worker('POST', url, { action: 'assign', assigneeId: holderId })).res.statusCode,
    ).toBe(200);
  });

  it('lists staff to assign to, never partners', async () => {
    const staff = (await worker('GET', '/api/staff')).json as unknown as { role: string }[];
    expect(staff.length).toBeGreaterThan(0);
    expect(staff.every((s) => s.role !== 'partner')).toBe(true);
  });

  it('keeps partners out', async () => {
    const partner = await signInAs(app, t.database.db, 'partner');
    expect((await partner('GET', '/api/staff')).res.statusCode).toBe(403);
    expect((await partner('GET', '/api/leads')).res.statusCode).toBe(403);
    expect((await partner('GET', `/api/entities/${first.entityId}`)).res.statusCode).toBe(403);
  });

  it('exports the queue as CSV and audits it', async () => {
    const res = await worker('GET', '/api/leads.csv?state=all&labels=codes');
    expect(res.res.headers['content-type']).toContain('text/csv');
    const lines = res.res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^entity_id,state,urgent,score/);
    expect(lines.length).toBeGreaterThan(1);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'lead.export'));
    expect(audits.length).toBe(1);
    // The filter the audit keeps is the queue's, not how the header was written.
    expect(audits[0]!.details).toMatchObject({ filter: { state: 'all' } });
    expect(audits[0]!.details).not.toHaveProperty('filter.labels');
  });

  it("writes the CSV header in the user's language unless codes are asked for", async () => {
    const header = async (query: string) =>
      (await worker('GET', `/api/leads.csv${query}`)).res.body.split('\r\n')[0];
    const english = await header('?state=all');
    expect(english).toMatch(/^Lead id,State,Urgent,Score,/);
    expect((await worker('PATCH', '/api/me', { language: 'nl' })).res.statusCode).toBe(200);
    try {
      const dutch = await header('?state=all');
      expect(dutch).toMatch(/^Lead-id,Status,Urgent,Score,Markeringen,Plaatsen,Talen,/);
      expect(dutch).toContain('Belangrijkste redenen');
      // The rows are the same whichever header: only the first line changes.
      const rows = async (query: string) =>
        (await worker('GET', `/api/leads.csv${query}`)).res.body.split('\r\n').slice(1);
      expect(await rows('?state=all')).toEqual(await rows('?state=all&labels=codes'));
      expect(await header('?state=all&labels=codes')).toMatch(/^entity_id,state,urgent,score,/);
    } finally {
      await worker('PATCH', '/api/me', { language: 'en' });
    }
    expect((await worker('GET', '/api/leads.csv?labels=names')).res.statusCode).toBe(400);
  });

  it('alerts a saved search once when new matches arrive', async () => {
    const created = await worker('POST', '/api/saved-searches', {
      name: 'All open leads',
      target: 'leads',
      filters: { state: 'all' },
    });
    expect(created.res.statusCode).toBe(201);
    const id = created.json.id as string;
    // New evidence on every lead after the search was saved.
    await t.database.db.update(leads).set({ evidenceAt: new Date(Date.now() + 1000) });
    expect(
      await checkSavedSearches(t.database.db, t.config.secrets, new Date(Date.now() + 2000)),
    ).toBe(1);
    const alerts = (await worker('GET', '/api/saved-searches/alerts')).json as { total: number };
    expect(alerts.total).toBeGreaterThan(0);
    await checkSavedSearches(t.database.db, t.config.secrets, new Date(Date.now() + 3000));
    const again = (await worker('GET', '/api/saved-searches/alerts')).json as { total: number };
    expect(again.total).toBe(alerts.total);
    const opened = await worker('POST', `/api/saved-searches/${id}/open`);
    expect((opened.json.hits as unknown[]).length).toBe(alerts.total);
    expect(
      ((await worker('GET', '/api/saved-searches/alerts')).json as { total: number }).total,
    ).toBe(0);
    // One name once per person, whatever its case and spacing; free again once deleted.
    const twice = await worker('POST', '/api/saved-searches', {
      name: '  all OPEN leads ',
      target: 'ads',
      filters: {},
    });
    expect(twice.res.statusCode).toBe(409);
    expect((twice.json.error as { message: string }).message).toMatch(/already have .*named/);
    expect((await worker('DELETE', `/api/saved-searches/${id}`)).res.statusCode).toBe(204);
    const again2 = await worker('POST', '/api/saved-searches', {
      name: 'All open leads',
      target: 'leads',
      filters: { state: 'all' },
    });
    expect(again2.res.statusCode).toBe(201);
    expect(
      (await worker('DELETE', `/api/saved-searches/${again2.json.id as string}`)).res.statusCode,
    ).toBe(204);
  });

  it('gives the same entities and scores after `link --all` and `score --all`', async () => {
    const snapshot = async () => {
      const members = await t.database.db.select().from(linkAds);
      const scores = await t.database.db.select().from(entityScores);
      const scoreOf = new Map(
        scores.map((s) => [s.entityId, `${s.score}|${s.urgent}|${s.flags.join(',')}`]),
      );
      const groups = new Map<string, string[]>();
      for (const m of members) groups.set(m.entityId, [...(groups.get(m.entityId) ?? []), m.adId]);
      return [...groups].map(([e, ads]) => `${ads.sort().join(',')}=${scoreOf.get(e)}`).sort();
    };
    const before = await snapshot();
    await rebuildLinks(t.database.db, linkSettings(t.config), linkHooks);
    await scoreAll(t.database.db, t.config.secrets.fieldKeys);
    expect(await snapshot()).toEqual(before);
  });
});
