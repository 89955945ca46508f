// Retention of leads nobody contacted and of captures, and the minor-lead alert, on both databases
// with a clock the test moves. Ads go through the real extract → link → score path; a lead about a
// minor alerts supervisors once (not again when scored again) and is kept while nobody has
// acknowledged it; a contacted lead and a case's lead stay with their ads and captures; an
// uncontacted lead past its period goes with its entity, facts, identifiers and ads, and its
// captures with their blobs in the same run; a held case's captures are counted as held; the
// preview says what the run then erases, and the run audits counts only.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePhone } from '../../fixtures/ad-board/phones.js';
import { Rng } from '../../fixtures/ad-board/prng.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { previewRetention, runRetention, type RetentionRunDeps } from '../../src/app/retention.js';
import { scoreHooks } from '../../src/app/score-hooks.js';
import { caseEntities, leadAlerts } from '../../src/cases/schema.js';
import { recordAdObservation } from '../../src/collect/ads.js';
import { adTombstones, adVersions, ads, captures } from '../../src/collect/schema.js';
import { countAdsCollected } from '../../src/collect/insight-counts.js';
import { saveSource } from '../../src/collect/sources.js';
import { adExtractions, adIdentifiers } from '../../src/facts/schema.js';
import { extractAdVersion } from '../../src/facts/store.js';
import { entities, entityMerges, linkAds, linkKeys } from '../../src/link/schema.js';
import { linkAdBatch, linkSettings } from '../../src/link/store.js';
import { conversations } from '../../src/outreach/schema.js';
import { CLI_ACTOR, type Actor } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import type { BlobStore } from '../../src/platform/blobs/blob-store.js';
import { linkHooks } from '../../src/score/hooks.js';
import { loadDefaultModel } from '../../src/score/model.js';
import { saveModel } from '../../src/score/model-store.js';
import { actOnLead } from '../../src/score/leads.js';
import { processEntity } from '../../src/score/pipeline.js';
import { countLeads } from '../../src/score/insight-counts.js';
import {
  adScores,
  entityScores,
  leadEvents,
  leadTombstones,
  leads,
} from '../../src/score/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { noonClock, NOON_AMSTERDAM } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const DAY = 86_400_000;
const T0 = new Date(NOON_AMSTERDAM).getTime();
const day = (n: number) => new Date(T0 + n * DAY);
const clock = noonClock();
const rng = new Rng('retention-leads');
const taken = new Set<string>();
let t: TestDatabase;
let app: FastifyInstance;
let deps: RetentionRunDeps;
let blobs: BlobStore;
let dir: string;
let sourceId: string;
let worker: ApiCall;
let supervisor: ApiCall;
const db = () => t.database.db;

/** A capture of a page, fetched at `at`: a row and a (synthetic) record in the blob store. */
async function capture(url: string, at: Date, fetch?: { fetchId: string; fetchHop: number }) {
  const key = `test/${randomUUID()}.warc.gz`;
  await blobs.put(key, Buffer.from(`synthetic record of ${url}`));
  const [row] = await db()
    .insert(captures)
    .values({
      sourceId,
      kind: 'page',
      url,
      fetchedAt: at,
      status: 200,
      payloadSha256: '0'.repeat(64),
      recordKey: key,
      recordSha256: '0'.repeat(64),
      recordSize: 10,
      warcRecordId: `<urn:uuid:${randomUUID()}>`,
      ...fetch,
    })
    .returning({ id: captures.id });
  return { id: row!.id, key };
}

/**
 * An ad seen at `at`, taken through extraction, linking and scoring as the jobs would (with the
 * hooks src/app wires); returns the ad and the entity (the lead) it is in.
 */
async function adAt(
  ext: string,
  at: Date,
  text: { body: string; age?: string },
  captureId: string | null,
  phone = generatePhone(rng, 'NL', taken),
  expectLead = true,
) {
  const recorded = await recordAdObservation(db(), t.config.secrets, {
    sourceId,
    externalId: ext,
    url: `http://127.0.0.1:9/a/ad/${ext}`,
    seenAt: at,
    postedAt: null,
    content: {
      title: `Ad ${ext}`,
      body: `${text.body} Bel ${phone.e164}.`,
      postedRaw: null,
      city: 'Utrecht',
      displayName: `Name ${ext}`,
      phoneRaw: phone.e164,
      ageRaw: text.age ?? null,
      priceRaw: null,
      imageHashes: [],
    },
    images: [],
    captureId,
    parseErrors: [],
    fillRatio: 1,
  });
  await extractAdVersion(db(), t.config, recorded.versionId);
  const outcome = await linkAdBatch(db(), linkSettings(t.config), [recorded.adId], linkHooks, at);
  for (const id of outcome.touched) {
    await processEntity(db(), t.config.secrets.fieldKeys, id, at, scoreHooks);
  }
  const [link] = await db()
    .select({ entityId: linkAds.entityId })
    .from(linkAds)
    .where(eq(linkAds.adId, recorded.adId));
  const [lead] = await db().select().from(leads).where(eq(leads.entityId, link!.entityId));
  expect(lead !== undefined, `ad ${ext} makes a lead: ${String(expectLead)}`).toBe(expectLead);
  return { adId: recorded.adId, entityId: link!.entityId, url: `http://127.0.0.1:9/a/ad/${ext}` };
}

// Texts far apart, so no two ads share a text template (a template's change is new evidence for
// every entity in it, which would move their periods).
const PLAIN = [
  'New in town, available 24/7, call me.',
  'Sweet lady visiting Utrecht this week only, day and night for you, private flat.',
  'Massage and relaxation, open round the clock, discreet location near the station, ask for prices.',
  'Just arrived, nonstop service, young and fun, outcall possible in the whole region tonight.',
  'Elegant companion for dinners and hotels, anytime you like, reservations one day ahead.',
].map((body) => ({ body }));
const MINOR = { body: 'New here, I am 16, available day and night.', age: '16' };

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-retention-leads-'));
  blobs = createFsBlobStore(dir);
  const config = {
    ...t.config,
    retention: {
      closedCaseDays: 30,
      conversationDays: 365,
      uncontactedLeadDays: 20,
      captureDays: 10,
      chatDays: 90,
    },
  };
  app = await buildHttpServer({
    config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
  worker = await signInAs(app, db(), 'outreach_worker');
  supervisor = await signInAs(app, db(), 'supervisor');
  const setup: Actor = { userId: null, label: 'setup', role: 'supervisor' };
  // Every scored entity becomes a lead, so a few plain ads make the queue.
  await saveModel(
    db(),
    setup,
    { ...structuredClone(loadDefaultModel()), leadThreshold: 1 },
    'test: every scored entity is a lead',
  );
  sourceId = (
    await saveSource(db(), CLI_ACTOR, {
      name: 'board-retention',
      country: 'NL',
      startUrls: ['http://127.0.0.1:9/a/'],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: '.ad-description' } },
    })
  ).source.id;
  deps = { db: db(), config, clock, blobs };
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** What is left of an ad and its entity, table by table. */
const gone = async (adId: string, entityId: string) => ({
  ads: (await db().select().from(ads).where(eq(ads.id, adId))).length,
  versions: (await db().select().from(adVersions).where(eq(adVersions.adId, adId))).length,
  identifiers: (await db().select().from(adIdentifiers).where(eq(adIdentifiers.adId, adId))).length,
  extractions: (await db().select().from(adExtractions).where(eq(adExtractions.adId, adId))).length,
  links: (await db().select().from(linkAds).where(eq(linkAds.adId, adId))).length,
  keys: (await db().select().from(linkKeys).where(eq(linkKeys.adId, adId))).length,
  entity: (await db().select().from(entities).where(eq(entities.id, entityId))).length,
  scores: (await db().select().from(entityScores).where(eq(entityScores.entityId, entityId)))
    .length,
  adScores: (await db().select().from(adScores).where(eq(adScores.adId, adId))).length,
  events: (await db().select().from(leadEvents).where(eq(leadEvents.entityId, entityId))).length,
});

const leadIds = async () =>
  (await db().select({ id: leads.entityId }).from(leads)).map((r) => r.id);
const captureIds = async () =>
  (await db().select({ id: captures.id }).from(captures)).map((r) => r.id);
/** The funnel's first two steps as Insights counts them, over the test's months. */
const funnel = async () => {
  const range = { from: day(-1), to: day(300), unit: 'month' as const };
  const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  return {
    ads: total(await countAdsCollected(db(), range)),
    leads: total(await countLeads(db(), range)),
  };
};
const typeOf = async (type: string) =>
  (await previewRetention(deps)).types.find((x) => x.type === type);

describe('retention of uncontacted leads and captures, and the minor-lead alert', () => {
  it('erases what is due, keeps the contacted, the case’s, the held and the alerted', async () => {
    clock.set(day(0));
    const capA = await capture('http://127.0.0.1:9/a/ad/a', day(0));
    // B's page was reached through a redirect: the hop is part of B's evidence too.
    const fetchId = randomUUID();
    const capBHop = await capture('http://127.0.0.1:9/a/b-old', day(0), { fetchId, fetchHop: 0 });
    const capB = await capture('http://127.0.0.1:9/a/ad/b', day(0), { fetchId, fetchHop: 1 });
    const capD = await capture('http://127.0.0.1:9/a/ad/d', day(0));
    const capC = await capture('http://127.0.0.1:9/a/ad/c', day(0));
    const capM = await capture('http://127.0.0.1:9/a/ad/m', day(0));
    const capFree = await capture('http://127.0.0.1:9/a/list?page=1', day(0));
    const a = await adAt('a', day(0), PLAIN[0]!, capA.id);
    const b = await adAt('b', day(0), PLAIN[1]!, capB.id);
    const c = await adAt('c', day(0), PLAIN[2]!, capC.id);
    const m = await adAt('m', day(0), MINOR, capM.id);
    const d = await adAt('d', day(0), PLAIN[4]!, capD.id);
    expect(new Set([a, b, c, m, d].map((x) => x.entityId)).size).toBe(5);
    // D was contacted and its lead closed since: its history says so, whatever its state now.
    const someone: Actor = { userId: null, label: 'worker@example.org', role: 'outreach_worker' };
    for (const state of ['contact_planned', 'contacted', 'closed'] as const) {
      await actOnLead(db(), someone, d.entityId, { action: 'state', state }, day(0));
    }

    // The minor's lead alerted supervisors once; scoring it again raises nothing more.
    await processEntity(db(), t.config.secrets.fieldKeys, m.entityId, day(1), scoreHooks);
    const raised = await db().select().from(leadAlerts);
    expect(raised).toEqual([
      expect.objectContaining({ entityId: m.entityId, kind: 'minor', acknowledgedAt: null }),
    ]);
    expect(raised[0]!.raisedAt).toEqual(day(0));
    const audited = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'lead.alert_raised'));
    expect(audited.map((r) => r.targetId)).toEqual([m.entityId]);
    // Supervisors see it where they see case alerts; a worker gets none and cannot acknowledge.
    const listed = await supervisor('GET', '/api/cases/lead-alerts');
    expect(listed.res.statusCode, listed.res.body).toBe(200);
    expect(listed.json.items).toEqual([
      expect.objectContaining({
        entityId: m.entityId,
        kind: 'minor',
        raisedAt: day(0).toISOString(),
      }),
    ]);
    expect((await worker('GET', '/api/cases/lead-alerts')).json.items).toEqual([]);
    const alertId = raised[0]!.id;
    const refused = await worker('POST', `/api/cases/lead-alerts/${alertId}/acknowledge`, {});
    expect(refused.res.statusCode).toBe(403);

    // B was written to (a conversation about it); C is in a case under a legal hold.
    await db()
      .insert(conversations)
      .values({ kind: 'outreach', entityId: b.entityId, createdAt: day(0), lastMessageAt: day(0) });
    const opened = await worker('POST', '/api/cases', {});
    expect(opened.res.statusCode, opened.res.body).toBe(200);
    const caseId = opened.json.id as string;
    await db()
      .insert(caseEntities)
      .values({ caseId, entityId: c.entityId, linkedAt: day(0) });
    const hold = await supervisor('POST', `/api/cases/${caseId}/hold`, {
      reason: 'Court order 2030/18',
    });
    expect(hold.res.statusCode, hold.res.body).toBe(200);

    clock.set(day(5));
    const n = await adAt(
      'n',
      day(5),
      PLAIN[3]!,
      (await capture('http://127.0.0.1:9/a/ad/n', day(5))).id,
    );
    clock.set(day(8));
    const capNew = await capture('http://127.0.0.1:9/a/list?page=2', day(8));

    // Day 12: no lead past twenty days; the free list page is past ten, the held case's is held.
    clock.set(day(12));
    expect(await typeOf('uncontacted_lead')).toEqual({
      type: 'uncontacted_lead',
      periodDays: 20,
      due: 0,
      held: 0,
      nextDueAt: day(20).toISOString(),
    });
    expect(await typeOf('capture')).toEqual({
      type: 'capture',
      periodDays: 10,
      due: 1,
      held: 1,
      nextDueAt: day(18).toISOString(),
    });
    expect(await runRetention(deps)).toMatchObject({ uncontacted_lead: 0, capture: 1 });
    expect(await captureIds()).not.toContain(capFree.id);
    expect(await blobs.exists(capFree.key)).toBe(false);
    expect(await captureIds()).toEqual(
      expect.arrayContaining([capA.id, capB.id, capC.id, capM.id, capNew.id]),
    );

    // Day 21: A is due; the minor's lead is held by its open alert; B and C were never due.
    clock.set(day(21));
    const preview = await previewRetention(deps);
    expect(preview.types.find((x) => x.type === 'uncontacted_lead')).toEqual({
      type: 'uncontacted_lead',
      periodDays: 20,
      due: 1,
      held: 1,
      nextDueAt: day(25).toISOString(),
    });
    // A's page goes with A in the same run, and the day-8 list page is past its period.
    expect(preview.types.find((x) => x.type === 'capture')).toEqual({
      type: 'capture',
      periodDays: 10,
      due: 2,
      held: 1,
      nextDueAt: null,
    });
    const shown = await supervisor('GET', '/api/admin/retention');
    expect(shown.res.statusCode, shown.res.body).toBe(200);
    expect(shown.json).toEqual(preview);

    const funnelBefore = await funnel();
    expect(await runRetention(deps)).toEqual({
      closed_case: 0,
      unkept_case: 0,
      conversation: 0,
      uncontacted_lead: 1,
      never_lead: 0,
      capture: 2,
      chat: 0,
    });
    // Insights still counts A's ad and lead (from their tombstones, which hold no text).
    expect(await funnel()).toEqual(funnelBefore);
    expect(await db().select().from(leadTombstones)).toEqual([
      expect.objectContaining({ createdAt: expect.any(Date) as unknown, erasedAt: day(21) }),
    ]);
    expect(await db().select().from(adTombstones)).toEqual([
      expect.objectContaining({ firstSeenAt: day(0), erasedAt: day(21) }),
    ]);
    expect(await leadIds()).toEqual(
      expect.arrayContaining([b.entityId, c.entityId, d.entityId, m.entityId, n.entityId]),
    );
    expect(await leadIds()).not.toContain(a.entityId);
    // What hung on A went with it, in every context; nothing of B's did.
    expect(await gone(a.adId, a.entityId)).toEqual({
      ads: 0,
      versions: 0,
      identifiers: 0,
      extractions: 0,
      links: 0,
      keys: 0,
      entity: 0,
      scores: 0,
      adScores: 0,
      events: 0,
    });
    const kept = await gone(b.adId, b.entityId);
    expect(kept).toMatchObject({ ads: 1, versions: 1, links: 1, entity: 1, scores: 1 });
    expect(kept.identifiers).toBeGreaterThan(0);
    const left = await captureIds();
    expect(left).not.toContain(capA.id);
    expect(left).not.toContain(capNew.id);
    expect(await blobs.exists(capA.key)).toBe(false);
    expect(left).toEqual(expect.arrayContaining([capB.id, capBHop.id, capC.id, capD.id, capM.id]));
    expect(await blobs.exists(capB.key)).toBe(true);

    // Once a supervisor acknowledges the minor's alert, the protocol has run: the lead can go.
    const ack = await supervisor('POST', `/api/cases/lead-alerts/${alertId}/acknowledge`, {});
    expect(ack.res.statusCode, ack.res.body).toBe(200);
    expect((await supervisor('GET', '/api/cases/lead-alerts')).json.items).toEqual([]);
    expect(await typeOf('uncontacted_lead')).toMatchObject({ due: 1, held: 0 });
    expect(await runRetention(deps)).toMatchObject({ uncontacted_lead: 1, capture: 1 });
    expect(await leadIds()).not.toContain(m.entityId);
    expect(await db().select().from(leadAlerts)).toEqual([]);
    expect(await captureIds()).not.toContain(capM.id);

    // The runs audited counts, never ids or content.
    const runs = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'retention.run')));
    expect(runs.map((r) => r.details)).toEqual([
      expect.objectContaining({ uncontacted_lead: 0, capture: 1, ads: 0, blobs: 1 }),
      expect.objectContaining({ uncontacted_lead: 1, capture: 2, ads: 1, blobs: 2 }),
      expect.objectContaining({ uncontacted_lead: 1, capture: 1, ads: 1, blobs: 1 }),
    ]);
    const text = JSON.stringify(runs.map((r) => r.details));
    for (const id of [a.entityId, a.adId, m.entityId, capA.id]) expect(text).not.toContain(id);

    // Nothing else is due until N's period ends; B's, C's and N's leads stay.
    expect(await runRetention(deps)).toMatchObject({ uncontacted_lead: 0, capture: 0 });
    expect(
      (
        await db()
          .select()
          .from(leads)
          .where(inArray(leads.entityId, [b.entityId, c.entityId]))
      ).length,
    ).toBe(2);
  });

  it('keeps the lead an entity was merged into when the entity it had before was contacted', async () => {
    clock.set(day(100));
    const p1 = generatePhone(rng, 'NL', taken);
    const p2 = generatePhone(rng, 'NL', taken);
    const x1 = await adAt(
      'x1',
      day(100),
      { body: 'Lovely lady in Breda, call anytime.' },
      null,
      p1,
    );
    const x2 = await adAt(
      'x2',
      day(100),
      { body: 'Private visits in Tilburg, open nonstop.' },
      null,
      p2,
    );
    const lone = await adAt(
      'x4',
      day(100),
      { body: 'Holiday offer in Zwolle, day and night.' },
      null,
    );
    // One ad names both numbers: linking joins the two entities into one.
    const x3 = await adAt(
      'x3',
      day(101),
      { body: `Two girls in Breda and Tilburg, also on ${p2.e164}, round the clock.` },
      null,
      p1,
    );
    const [merge] = await db()
      .select()
      .from(entityMerges)
      .where(inArray(entityMerges.fromId, [x1.entityId, x2.entityId]));
    expect(merge, 'the two entities merged').toBeDefined();
    expect(merge!.intoId).toBe(x3.entityId);
    // A conversation from before the merge names the entity that is gone.
    await db()
      .insert(conversations)
      .values({
        kind: 'outreach',
        entityId: merge!.fromId,
        createdAt: day(100),
        lastMessageAt: day(100),
      });

    clock.set(day(200));
    await runRetention(deps);
    const left = await leadIds();
    expect(left).toContain(x3.entityId);
    expect(left).not.toContain(lone.entityId);
    expect(
      (await db().select().from(linkAds).where(eq(linkAds.entityId, x3.entityId))).length,
    ).toBe(3);
  });

  it('raises no second alert for a minor whose entity was merged into another', async () => {
    clock.set(day(300));
    const p1 = generatePhone(rng, 'NL', taken);
    const p2 = generatePhone(rng, 'NL', taken);
    // The minor's entity, alerted; an adult's entity with two ads, not alerted.
    const minor = await adAt('y1', day(300), { ...MINOR, body: `${MINOR.body} Arnhem.` }, null, p1);
    const adult = await adAt(
      'y2',
      day(300),
      { body: 'Just arrived in Arnhem, available 24/7, call me.' },
      null,
      p2,
    );
    await adAt(
      'y3',
      day(300),
      { body: 'Arnhem centre, nonstop service round the clock, private flat.' },
      null,
      p2,
    );
    const alertsOf = async (ids: string[]) =>
      db().select().from(leadAlerts).where(inArray(leadAlerts.entityId, ids));
    expect(await alertsOf([minor.entityId, adult.entityId])).toHaveLength(1);
    // One ad names both numbers: the minor's entity merges into the heavier adult one, whose lead
    // now concerns a minor. The child protocol already ran for this person: no second alert.
    const joined = await adAt(
      'y4',
      day(301),
      { body: `Two friends in Arnhem, also on ${p1.e164}.` },
      null,
      p2,
    );
    expect(joined.entityId).toBe(adult.entityId);
    const [merge] = await db()
      .select()
      .from(entityMerges)
      .where(eq(entityMerges.fromId, minor.entityId));
    expect(merge?.intoId).toBe(adult.entityId);
    await processEntity(db(), t.config.secrets.fieldKeys, adult.entityId, day(302), scoreHooks);
    const alerts = await alertsOf([minor.entityId, adult.entityId]);
    expect(alerts.map((a) => a.entityId)).toEqual([minor.entityId]);
    // The alert under the merged-away id still holds the lead past its period until acknowledged.
    clock.set(day(400));
    expect(await typeOf('uncontacted_lead')).toMatchObject({ held: 1 });
    await runRetention(deps);
    expect(await leadIds()).toContain(adult.entityId);
  });

  it('erases entities that never became a lead after the same period, keeps a contacted one', async () => {
    const setup: Actor = { userId: null, label: 'setup', role: 'supervisor' };
    const model = (leadThreshold: number) =>
      saveModel(
        db(),
        setup,
        { ...structuredClone(loadDefaultModel()), leadThreshold },
        `test: lead threshold ${leadThreshold}`,
      );
    // Ads the triage ranks below the threshold: entities, never leads.
    await model(100);
    clock.set(day(500));
    const p = () => generatePhone(rng, 'NL', taken);
    const z1 = await adAt('z1', day(500), { body: 'Quiet studio in Delft.' }, null, p(), false);
    const z2 = await adAt('z2', day(505), { body: 'Massage in Gouda.' }, null, p(), false);
    const z3 = await adAt('z3', day(500), { body: 'Sauna visit in Leiden.' }, null, p(), false);
    await model(1);
    // Someone wrote to z3's number all the same: it stays.
    await db()
      .insert(conversations)
      .values({ kind: 'outreach', entityId: z3.entityId, createdAt: day(500) });
    const tombstonesBefore = (await db().select().from(leadTombstones)).length;
    const neverLead = () => typeOf('never_lead');

    clock.set(day(519));
    expect(await neverLead()).toMatchObject({ due: 0, nextDueAt: day(520).toISOString() });
    clock.set(day(521));
    expect(await neverLead()).toMatchObject({
      periodDays: 20,
      due: 1,
      held: 0,
      nextDueAt: day(525).toISOString(),
    });
    const first = await runRetention(deps);
    expect(first).toMatchObject({ never_lead: 1 });
    expect(await gone(z1.adId, z1.entityId)).toMatchObject({
      ads: 0,
      links: 0,
      entity: 0,
      identifiers: 0,
    });
    expect(await gone(z2.adId, z2.entityId)).toMatchObject({ ads: 1, entity: 1 });
    clock.set(day(526));
    const second = await runRetention(deps);
    expect(second).toMatchObject({ never_lead: 1 });
    expect(await gone(z2.adId, z2.entityId)).toMatchObject({ ads: 0, entity: 0 });
    expect(await gone(z3.adId, z3.entityId)).toMatchObject({ ads: 1, entity: 1 });
    // An entity that was never a lead leaves no lead tombstone: the funnel's leads do not grow
    // (the runs also let go of earlier tests' leads, each with its tombstone).
    expect((await db().select().from(leadTombstones)).length).toBe(
      tombstonesBefore + first.uncontacted_lead + second.uncontacted_lead,
    );
    expect(await neverLead()).toMatchObject({ due: 0, nextDueAt: null });
  });
});
