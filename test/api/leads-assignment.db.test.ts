// Leads and who holds them, on both databases, through the API as the people who use it: the
// assignable staff list (supervisors and workers read id, name and role only; partners get 403;
// disabled accounts and partners are not on it); a supervisor hands a lead to a worker, a worker
// may not; every lead has a speakable alias the queue finds it by (a merge keeping the survivor's
// is tested with linking, src/link/store.db.test.ts); the lead page's features and Shared templates panel count shared templates
// alike; and the inbox previews the latest message masked, says who wrote it and the lead's alias,
// audited, only when asked.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorld } from '../../fixtures/ad-board/db-loader.js';
import { generatePhone } from '../../fixtures/ad-board/phones.js';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { generateWorld } from '../../fixtures/ad-board/index.js';
import { ALIAS_PATTERN } from '../../src/link/alias.js';
import { entities } from '../../src/link/schema.js';
import { linkSettings } from '../../src/link/store.js';
import { saveChannel } from '../../src/outreach/channels/channel-store.js';
import { insertOutbound, recordInbound } from '../../src/outreach/inbox/conversations.js';
import { conversations } from '../../src/outreach/schema.js';
import type { Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { users } from '../../src/platform/auth/schema.js';
import type { Jobs } from '../../src/platform/jobs.js';
import { linkAndScore } from '../../src/score/pipeline.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { noonClock } from '../helpers/clock.js';
import { startApiApp } from '../helpers/api-app.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const clock = noonClock();
let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let dir: string;
let channelId: string;

interface Person {
  call: ApiCall;
  id: string;
}
const people = {} as Record<'supervisor' | 'worker' | 'colleague' | 'partner' | 'gone', Person>;

interface Lead {
  entityId: string;
  alias: string;
  assigneeId: string | null;
}

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-leads-api-'));
  const db = t.database.db;
  const world = generateWorld({ seed: 'leads-assignment', ads: 90, days: 4 });
  const settings = linkSettings(t.config);
  await loadWorld(db, t.config, world, {
    onDay: async (_day, adIds) => {
      await linkAndScore(db, settings, adIds);
    },
  });
  ({ app, jobs } = await startApiApp(t, dir));
  for (const [name, role] of [
    ['supervisor', 'supervisor'],
    ['worker', 'outreach_worker'],
    ['colleague', 'outreach_worker'],
    ['partner', 'partner'],
    ['gone', 'outreach_worker'],
  ] as const) {
    const call = await signInAs(app, db, role);
    const session = await call('GET', '/api/auth/session');
    people[name] = { call, id: (session.json.user as { id: string }).id };
  }
  await db.update(users).set({ disabledAt: clock.now() }).where(eq(users.id, people.gone.id));
  const setup: Actor = { userId: null, label: 'setup', role: 'admin' };
  channelId = (
    await saveChannel(db, t.config, setup, {
      name: 'by hand',
      kind: 'manual',
      sender: null,
      settings: {},
    })
  ).id;
}, 300_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function leadsAs(who: Person, query = 'state=all&limit=200'): Promise<Lead[]> {
  const r = await who.call('GET', `/api/leads?${query}`);
  expect(r.res.statusCode, r.res.body).toBe(200);
  return r.json.items as Lead[];
}

describe('the assignable staff', () => {
  it('gives supervisors and workers id, name and role of active staff, and nothing else', async () => {
    for (const who of [people.supervisor, people.worker]) {
      const r = await who.call('GET', '/api/staff');
      expect(r.res.statusCode, r.res.body).toBe(200);
      const list = JSON.parse(r.res.body) as Record<string, unknown>[];
      const ids = list.map((u) => u.id);
      expect(ids).toEqual(
        expect.arrayContaining([people.supervisor.id, people.worker.id, people.colleague.id]),
      );
      // Not the disabled account, not the partner organisation's user.
      expect(ids).not.toContain(people.gone.id);
      expect(ids).not.toContain(people.partner.id);
      for (const u of list) expect(Object.keys(u).sort()).toEqual(['displayName', 'id', 'role']);
      // No e-mail address anywhere in the answer, nor any sign-in state.
      expect(r.res.body).not.toMatch(/@|totp|lastLogin|locked/i);
    }
  });

  it('answers a partner 403, and the admins-only user list still answers a supervisor 403', async () => {
    expect((await people.partner.call('GET', '/api/staff')).res.statusCode).toBe(403);
    expect((await people.supervisor.call('GET', '/api/users')).res.statusCode).toBe(403);
  });
});

describe('handing a lead to someone', () => {
  let lead: Lead;

  it('lets a supervisor assign an unassigned lead to a worker', async () => {
    lead = (await leadsAs(people.supervisor, 'assignee=none&limit=1'))[0]!;
    expect(lead).toBeDefined();
    const r = await people.supervisor.call('POST', `/api/leads/${lead.entityId}/actions`, {
      action: 'assign',
      assigneeId: people.worker.id,
    });
    expect(r.res.statusCode, r.res.body).toBe(200);
    expect(r.json.assigneeId).toBe(people.worker.id);
    // The filter per person finds it under the worker's name.
    const theirs = await leadsAs(people.supervisor, `state=all&assignee=${people.worker.id}`);
    expect(theirs.map((l) => l.entityId)).toContain(lead.entityId);
    const audited = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'lead.assign'), eq(auditLog.targetId, lead.entityId)));
    expect(audited).toHaveLength(1);
    expect(audited[0]!.actorUserId).toBe(people.supervisor.id);
  });

  it('refuses a worker handing a lead to a colleague, and anyone handing one to a partner or a disabled account', async () => {
    const other = (await leadsAs(people.worker, 'assignee=none&limit=1'))[0]!;
    const byWorker = await people.worker.call('POST', `/api/leads/${other.entityId}/actions`, {
      action: 'assign',
      assigneeId: people.colleague.id,
    });
    expect(byWorker.res.statusCode).toBe(403);
    for (const to of [people.partner.id, people.gone.id, randomUUID()]) {
      const r = await people.supervisor.call('POST', `/api/leads/${other.entityId}/actions`, {
        action: 'assign',
        assigneeId: to,
      });
      expect(r.res.statusCode).toBe(400);
    }
    const after = await leadsAs(people.supervisor, `state=all&assignee=none`);
    expect(after.map((l) => l.entityId)).toContain(other.entityId);
  });
});

describe('lead aliases', () => {
  it('name every lead with a distinct alias of two words and a number', async () => {
    const all = await leadsAs(people.worker);
    expect(all.length).toBeGreaterThan(2);
    for (const l of all) expect(l.alias).toMatch(ALIAS_PATTERN);
    expect(new Set(all.map((l) => l.alias)).size).toBe(all.length);
    const stored = await t.database.db.select({ alias: entities.alias }).from(entities);
    expect(new Set(stored.map((e) => e.alias)).size).toBe(stored.length);
  });

  it('find a lead in the queue by its alias, part of it, or the start of its id', async () => {
    const [lead] = await leadsAs(people.worker);
    const [first, second, n] = lead!.alias.split('-');
    for (const q of [
      lead!.alias,
      `${second} ${n}`,
      `${first}-${second}`,
      lead!.entityId.slice(0, 8),
    ]) {
      const found = await leadsAs(people.worker, `state=all&q=${encodeURIComponent(q)}`);
      expect(
        found.map((l) => l.entityId),
        q,
      ).toContain(lead!.entityId);
      for (const l of found) {
        expect(l.alias.includes(q.replace(' ', '-')) || l.entityId.startsWith(q), q).toBe(true);
      }
    }
    expect(await leadsAs(people.worker, 'state=all&q=no-such-alias-1')).toEqual([]);
    const bad = await people.worker.call('GET', `/api/leads?q=${encodeURIComponent("x'; --")}`);
    expect(bad.res.statusCode).toBe(400);
  });

  it('are shown on the lead page, with features and Shared templates counting alike', async () => {
    const all = await leadsAs(people.worker);
    let sawShared = false;
    for (const l of all.slice(0, 25)) {
      const e = await people.worker.call('GET', `/api/entities/${l.entityId}`);
      expect(e.res.statusCode, e.res.body).toBe(200);
      expect(e.json.alias).toBe(l.alias);
      const templates = e.json.templates as { ads: number; otherEntities: number }[];
      const features = e.json.features as { templateAds: number; templateEntities: number } | null;
      if (!features) continue;
      expect(features.templateAds).toBe(templates.reduce((n, x) => n + x.ads, 0));
      expect(features.templateEntities).toBe(
        templates.reduce((n, x) => Math.max(n, x.otherEntities), 0),
      );
      for (const x of templates) expect(x.otherEntities).toBeGreaterThan(0);
      if (templates.length > 0) sawShared = true;
    }
    expect(sawShared).toBe(true);
  });
});

describe('the inbox list', () => {
  const rng = new Rng('leads-inbox');
  const taken = new Set<string>();

  it('shows the latest words masked, who wrote them and the alias, audited only when asked', async () => {
    const db = t.database.db;
    const [lead] = await leadsAs(people.worker);
    const phone = generatePhone(rng, 'NL', taken);
    const other = generatePhone(rng, 'NL', taken);
    const local = `0${other.e164.slice(3)}`;
    const body = `hoe kom je aan mijn nummer? bel mij op ${local} of mail x.veld@example.org graag snel terug want ik weet het niet meer`;
    const inbound = await recordInbound(
      db,
      t.config,
      { id: channelId, kind: 'smpp' },
      { from: phone.e164, to: 'outreach', body, at: clock.now() },
    );
    const conversationId = inbound.conversation.id;
    await db
      .update(conversations)
      .set({ entityId: lead!.entityId, assigneeId: people.worker.id })
      .where(eq(conversations.id, conversationId));

    const item = async (preview: boolean) => {
      const r = await people.worker.call(
        'GET',
        `/api/inbox?status=all&kind=outreach${preview ? '&preview=true' : ''}`,
      );
      expect(r.res.statusCode, r.res.body).toBe(200);
      return (r.json.items as Record<string, unknown>[]).find((i) => i.id === conversationId)!;
    };
    const audits = async () =>
      (await db.select().from(auditLog).where(eq(auditLog.action, 'inbox.preview'))).length;

    const before = await audits();
    const plain = await item(false);
    expect(plain.alias).toBe(lead!.alias);
    expect(plain.last).toBeNull();
    expect(await audits()).toBe(before);

    const shown = await item(true);
    const last = shown.last as { from: string; preview: string; authorId: string | null };
    expect(last.from).toBe('person');
    expect(last.authorId).toBeNull();
    expect(last.preview.startsWith('hoe kom je aan mijn nummer?')).toBe(true);
    expect(last.preview.endsWith('…')).toBe(true);
    // The number and the address are masked; not one run of their digits or letters survives.
    expect(last.preview).not.toContain(local);
    expect(last.preview).not.toMatch(/\d{3}/);
    expect(last.preview).not.toContain('x.veld@');
    expect(last.preview).toContain('•');
    expect(await audits()).toBe(before + 1);
    const [entry] = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'inbox.preview'))
      .orderBy(auditLog.seq)
      .limit(1)
      .offset(before);
    expect(entry!.actorUserId).toBe(people.worker.id);
    expect((entry!.details as { conversations: string[] }).conversations).toContain(conversationId);

    // A worker's answer is the latest now: "worker", with who wrote it.
    await insertOutbound(db, t.config, {
      conversationId,
      channelId,
      body: 'Dag, we zagen je advertentie. Gaat het goed met je?',
      templateId: null,
      authorId: people.worker.id,
      idempotencyKey: randomUUID(),
      segments: null,
      status: 'to_send',
      now: new Date(clock.now().getTime() + 60_000),
    });
    const answered = (await item(true)).last as { from: string; authorId: string };
    expect(answered).toMatchObject({ from: 'worker', authorId: people.worker.id });
  });
});
