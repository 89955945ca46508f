// Insights on both databases: the funnel counted from seeded synthetic records of every context
// (ads, leads, conversations, cases, referrals and their steps), per week, region and language,
// with time from first contact to referral and outcomes per organisation; the exports for funders
// with small cells suppressed and nothing that names a person; who may read; refused ranges; every
// export audited.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { referralEvents, referrals } from '../../src/cases/referrals/schema.js';
import { caseConversations, cases } from '../../src/cases/schema.js';
import { adVersions, ads } from '../../src/collect/schema.js';
import { saveSource } from '../../src/collect/sources.js';
import { entities, entityMerges, linkAds } from '../../src/link/schema.js';
import { conversations, messages, outreachTemplates } from '../../src/outreach/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { fixedClock } from '../../src/platform/clock.js';
import { leads } from '../../src/score/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const clock = fixedClock('2026-12-07T10:00:00Z');
/** Four weeks from Monday 2 November to Sunday 29 November. */
const RANGE = '?from=2026-11-02&to=2026-11-29&unit=week';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

let t: TestDatabase;
let app: FastifyInstance;
let analyst: ApiCall;
let supervisor: ApiCall;
let admin: ApiCall;
let worker: ApiCall;
let partner: ApiCall;
let shelter: string;
let clinic: string;
const aliases: string[] = [];
const db = () => t.database.db;
const at = (iso: string) => new Date(iso);

/** Synthetic records of every step, with known counts (see the expectations below). */
async function seed() {
  const { source } = await saveSource(db(), CLI_ACTOR, {
    name: 'insights-board',
    country: 'NL',
    startUrls: ['http://127.0.0.1:9/insights/'],
    listing: { adUrlPattern: '/ad/' },
    fields: { body: { selector: '.ad-description' } },
  });
  // 6 people (entities), each a lead: 4 in Utrecht, 2 in Breda (Noord-Brabant), all Romanian.
  const people: string[] = [];
  for (let i = 0; i < 6; i++) {
    const placeIds = [i < 4 ? 'nl:utrecht' : 'nl:breda'];
    const [entity] = await db().insert(entities).values({ placeIds }).returning();
    people.push(entity!.id);
    await db()
      .insert(leads)
      .values({
        entityId: entity!.id,
        urgent: false,
        score: 60,
        placeIds,
        languages: ['ro'],
        evidenceAt: at('2026-11-04T08:00:00Z'),
        createdAt: at('2026-11-04T08:00:00Z'),
      });
  }
  // The last person's conversation still names the id of an entity since merged into theirs.
  const mergedAway = randomUUID();
  await db().insert(entityMerges).values({ fromId: mergedAway, intoId: people[5]! });
  // 12 ads in range (7 in week 1, 5 in week 2), one before it; 8 in Dutch, 4 in Romanian. The
  // first six are linked to the six people (4 in Utrecht, 2 in Breda), the rest to nobody yet.
  const adDays = [
    ...Array<string>(7).fill('2026-11-03T09:00:00Z'),
    ...Array<string>(5).fill('2026-11-10T09:00:00Z'),
    '2026-10-20T09:00:00Z',
  ];
  for (const [i, day] of adDays.entries()) {
    const [ad] = await db()
      .insert(ads)
      .values({
        sourceId: source.id,
        externalId: `ins-${i}`,
        url: `http://127.0.0.1:9/insights/ad/${i}`,
        firstSeenAt: at(day),
        lastSeenAt: at(day),
        lastCheckedAt: at(day),
      })
      .returning();
    const [version] = await db()
      .insert(adVersions)
      .values({
        adId: ad!.id,
        version: 1,
        contentHash: `h${i}`,
        seenAt: at(day),
        language: i % 3 === 2 ? 'ro' : 'nl',
      })
      .returning();
    if (i < 6) {
      await db()
        .insert(linkAds)
        .values({
          adId: ad!.id,
          adVersionId: version!.id,
          entityId: people[i]!,
          minhash: [1, 2, 3],
          linkedAt: at(day),
        });
    }
  }
  const [template] = await db()
    .insert(outreachTemplates)
    .values({ name: 'Eerste bericht', language: 'ro', variants: ['Salut, suntem aici.'] })
    .returning();
  // 7 conversations: 6 contacted on 5 Nov (5 of whom replied the next day), 1 only queued.
  const contacted: string[] = [];
  for (let i = 0; i < 7; i++) {
    const entityId = i < 5 ? people[i]! : i === 5 ? mergedAway : null;
    const [c] = await db().insert(conversations).values({ kind: 'outreach', entityId }).returning();
    await db()
      .insert(messages)
      .values({
        conversationId: c!.id,
        direction: 'out',
        status: i < 6 ? 'sent' : 'queued',
        bodyEnc: 'synthetic',
        templateId: template!.id,
        createdAt: at('2026-11-05T10:00:00Z'),
        sentAt: i < 6 ? at('2026-11-05T10:00:00Z') : null,
      });
    if (i < 5) {
      await db()
        .insert(messages)
        .values({
          conversationId: c!.id,
          direction: 'in',
          status: 'received',
          bodyEnc: 'synthetic',
          createdAt: at('2026-11-06T18:00:00Z'),
        });
    }
    if (i < 6) contacted.push(c!.id);
  }
  // 5 cases opened on 10 Nov in Utrecht, each from a contacted conversation; 4 referred on 12..15
  // Nov (3 to the shelter, 1 to the clinic), 3 accepted, 1 of them helped.
  const owner = (await analyst('GET', '/api/auth/session')).json.user as { id: string };
  for (let i = 0; i < 5; i++) {
    const alias = `Amber Heron ${i}`;
    aliases.push(alias);
    const [c] = await db()
      .insert(cases)
      .values({
        pseudonym: `C-INS-${i}`,
        alias,
        origin: 'conversation',
        ownerId: owner.id,
        languages: ['ro'],
        placeId: 'nl:utrecht',
        placeName: 'Utrecht',
        createdAt: at('2026-11-10T10:00:00Z'),
        updatedAt: at('2026-11-10T10:00:00Z'),
      })
      .returning();
    await db()
      .insert(caseConversations)
      .values({
        caseId: c!.id,
        conversationId: contacted[i]!,
        linkedAt: at('2026-11-10T10:00:00Z'),
      });
    if (i === 4) continue;
    const sentAt = at(`2026-11-1${2 + i}T10:00:00Z`);
    const state = i === 0 ? 'helped' : i < 3 ? 'accepted' : 'sent';
    const [r] = await db()
      .insert(referrals)
      .values({
        caseId: c!.id,
        partnerId: i < 3 ? shelter : clinic,
        channel: 'secure_link',
        legalBasis: 'consent',
        fields: ['alias'],
        snapshotEnc: 'synthetic',
        state,
        sentAt,
        sentBy: owner.id,
        updatedAt: sentAt,
      })
      .returning();
    const step = (kind: 'sent' | 'accepted' | 'helped', when: string) =>
      db()
        .insert(referralEvents)
        .values({ referralId: r!.id, kind, actor: 'worker', actorLabel: 'test', at: at(when) });
    await step('sent', sentAt.toISOString());
    if (i < 3) await step('accepted', '2026-11-17T10:00:00Z');
    if (i === 0) await step('helped', '2026-11-24T10:00:00Z');
  }
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    clock,
  });
  await app.ready();
  analyst = await signInAs(app, db(), 'analyst');
  supervisor = await signInAs(app, db(), 'supervisor');
  admin = await signInAs(app, db(), 'admin');
  worker = await signInAs(app, db(), 'outreach_worker');
  partner = await signInAs(app, db(), 'partner');
  await seedPartnerDirectory(
    db(),
    CLI_ACTOR,
    generatePartnerDirectory({ asOf: clock.now() }),
    clock,
  );
  const directory = await db().select().from(partnerOrganisations);
  shelter = directory.find((p) => p.kind === 'shelter')!.id;
  clinic = directory.find((p) => p.kind !== 'shelter')!.id;
  await seed();
});

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('the funnel', () => {
  it('counts every step from the records, per week, with conversions', async () => {
    const { res, json } = await analyst('GET', `/api/insights/funnel${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(json.totals).toEqual({
      ads: 12,
      leads: 6,
      contacted: 6,
      replied: 5,
      cases: 5,
      referred: 4,
      accepted: 3,
      helped: 1,
    });
    const conversions = json.conversions as Record<string, number | null>;
    expect(conversions.ads).toBeNull();
    expect(conversions.leads).toBeCloseTo(0.5);
    expect(conversions.replied).toBeCloseTo(5 / 6);
    expect(conversions.accepted).toBeCloseTo(0.75);
    const periods = json.periods as { key: string; counts: Record<string, number> }[];
    expect(periods.map((p) => p.key)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    expect(periods[0]!.counts).toMatchObject({
      ads: 7,
      leads: 6,
      contacted: 6,
      replied: 5,
      cases: 0,
    });
    expect(periods[1]!.counts).toMatchObject({ ads: 5, cases: 5, referred: 4, accepted: 0 });
    expect(periods[2]!.counts).toMatchObject({ accepted: 3, helped: 0 });
    expect(periods[3]!.counts).toMatchObject({ helped: 1 });
  });

  it('splits by province and by language', async () => {
    const { json } = await analyst('GET', `/api/insights/funnel${RANGE}`);
    const regions = new Map(
      (json.regions as { key: string; counts: Record<string, number> }[]).map((r) => [
        r.key,
        r.counts,
      ]),
    );
    // Ads and conversations have the place of the person they were linked to (a merged-away id
    // follows the merge); ads linked to nobody yet count as "unknown".
    expect(regions.get('Utrecht')).toEqual(
      expect.objectContaining({ ads: 4, leads: 4, contacted: 4, replied: 4, cases: 5 }),
    );
    expect(regions.get('Noord-Brabant')).toMatchObject({
      ads: 2,
      leads: 2,
      contacted: 2,
      replied: 1,
      cases: 0,
    });
    expect(regions.get('unknown')).toMatchObject({ ads: 6, contacted: 0, leads: 0 });
    const languages = new Map(
      (json.languages as { key: string; counts: Record<string, number> }[]).map((r) => [
        r.key,
        r.counts,
      ]),
    );
    expect(languages.get('nl')).toMatchObject({ ads: 8 });
    expect(languages.get('ro')).toMatchObject({
      ads: 4,
      leads: 6,
      contacted: 6,
      replied: 5,
      cases: 5,
    });
  });

  it('gives time from first contact to referral and outcomes per organisation', async () => {
    const { json } = await supervisor('GET', `/api/insights/funnel${RANGE}`);
    // Contact on 5 Nov 10:00, referrals 7, 8, 9 and 10 days later.
    expect(json.contactToReferral).toEqual({ cases: 4, medianDays: 8.5, p75Days: 9.3 });
    const outcomes = json.outcomes as { organisation: string; state: string; count: number }[];
    const [shelterName, clinicName] = await Promise.all(
      [shelter, clinic].map(
        async (id) =>
          (
            await db().select().from(partnerOrganisations).where(eq(partnerOrganisations.id, id))
          )[0]!.name,
      ),
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        { organisation: shelterName, state: 'accepted', count: 2 },
        { organisation: shelterName, state: 'helped', count: 1 },
        { organisation: clinicName, state: 'sent', count: 1 },
      ]),
    );
    expect(outcomes).toHaveLength(3);
  });

  it('counts nothing outside the range, and defaults to the weeks up to today', async () => {
    const { json } = await analyst(
      'GET',
      '/api/insights/funnel?from=2026-10-01&to=2026-10-31&unit=month',
    );
    expect((json.totals as Record<string, number>).ads).toBe(1);
    expect((json.periods as unknown[]).length).toBe(1);
    const byDefault = await analyst('GET', '/api/insights/funnel');
    expect(byDefault.res.statusCode).toBe(200);
    expect(byDefault.json.range).toMatchObject({ unit: 'week', to: '2026-12-08T00:00:00.000Z' });
    // Twelve weeks back from today: the ad of 20 October counts too.
    expect((byDefault.json.totals as Record<string, number>).ads).toBe(13);
  });

  it('refuses ranges that are backwards, too long, malformed or carry unknown keys', async () => {
    for (const q of [
      '?from=2026-11-10&to=2026-11-01',
      '?from=2020-01-01&to=2026-11-01&unit=day',
      '?from=2026-13-01',
      '?from=yesterday',
      '?unit=year',
      '?from=2026-11-01&person=x',
    ]) {
      const { res } = await analyst('GET', `/api/insights/funnel${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('is for supervisors, admins and analysts only', async () => {
    expect((await admin('GET', `/api/insights/funnel${RANGE}`)).res.statusCode).toBe(200);
    expect((await worker('GET', `/api/insights/funnel${RANGE}`)).res.statusCode).toBe(403);
    expect((await partner('GET', `/api/insights/funnel${RANGE}`)).res.statusCode).toBe(403);
    expect((await partner('GET', `/api/insights/export.csv${RANGE}`)).res.statusCode).toBe(403);
    expect((await worker('GET', `/api/insights/export.json${RANGE}`)).res.statusCode).toBe(403);
    // The console hides the page from those the server refuses, by the session's capabilities.
    for (const [call, may] of [
      [analyst, true],
      [supervisor, true],
      [admin, true],
      [worker, false],
      [partner, false],
    ] as const) {
      const { json } = await call('GET', '/api/auth/session');
      expect((json.capabilities as Record<string, boolean>).readInsights).toBe(may);
    }
    const anonymous = await app.inject({ method: 'GET', url: `/api/insights/funnel${RANGE}` });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('exports for funders', () => {
  it('suppresses small cells, hides what would give them away, and names nobody (JSON)', async () => {
    const { res, json } = await supervisor('GET', `/api/insights/export.json${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(json.totals).toEqual({
      ads: 12,
      leads: 6,
      contacted: 6,
      replied: 5,
      cases: 5,
      referred: '<5',
      accepted: '<5',
      helped: '<5',
    });
    const conversions = json.conversions as Record<string, number | null>;
    expect(conversions.leads).toBeCloseTo(0.5);
    expect(conversions.referred).toBeNull();
    expect(conversions.helped).toBeNull();
    expect(json.contactToReferral).toEqual({ cases: '<5', medianDays: null, p75Days: null });
    // No cell from 1 to 4 anywhere, and every hidden cell has a partner in its column.
    const text = JSON.stringify(json);
    expect(text).not.toMatch(UUID);
    for (const alias of aliases) expect(text).not.toContain(alias);
    for (const table of ['periods', 'regions', 'languages'] as const) {
      const rows = json[table] as { counts: Record<string, number | string> }[];
      for (const step of Object.keys(json.totals as object)) {
        const column = rows.map((r) => r.counts[step]);
        for (const v of column) expect(typeof v === 'number' && v >= 1 && v <= 4).toBe(false);
        const hidden = column.filter((v) => typeof v === 'string').length;
        const totalHidden = typeof (json.totals as Record<string, unknown>)[step] === 'string';
        expect(hidden + (totalHidden ? 1 : 0), `${table}.${step}`).not.toBe(1);
      }
    }
    const regions = new Map(
      (json.regions as { region: string; counts: Record<string, unknown> }[]).map((r) => [
        r.region,
        r.counts,
      ]),
    );
    expect(regions.get('Noord-Brabant')).toMatchObject({ leads: '<5' });
    expect(regions.get('Utrecht')).toMatchObject({ leads: '<5', cases: 5 });
  });

  it('gives the same as CSV, one line per cell, with no ids or names of people', async () => {
    const { res } = await analyst('GET', `/api/insights/export.csv${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('ariadne-insights-2026-11-02.csv');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('table,row,column,value');
    expect(lines).toContain('totals,all,ads,12');
    expect(lines).toContain('totals,all,helped,<5');
    expect(lines).toContain('region,Noord-Brabant,leads,<5');
    expect(lines).toContain('contact_to_referral,all,median_days,');
    expect(res.body).not.toMatch(UUID);
    for (const alias of aliases) expect(res.body).not.toContain(alias);
    // Counts only: rates and days are not counts of people.
    for (const line of lines
      .slice(1)
      .filter((l) => !/^conversion,|^contact_to_referral,all,(?!cases)/.test(l))) {
      const value = line.split(',').at(-1)!;
      expect(/^[1-4]$/.test(value), line).toBe(false);
    }
  });

  it('audits every export with who, what range and which format', async () => {
    const before = (
      await db().select().from(auditLog).where(eq(auditLog.action, 'insights.export'))
    ).length;
    await admin('GET', `/api/insights/export.csv${RANGE}`);
    await admin('GET', `/api/insights/export.json${RANGE}`);
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'insights.export'));
    expect(rows.length).toBe(before + 2);
    expect(rows.at(-1)!.details).toMatchObject({ format: 'json', unit: 'week' });
    expect(rows.at(-2)!.details).toMatchObject({
      format: 'csv',
      from: '2026-11-02T00:00:00.000Z',
      to: '2026-11-30T00:00:00.000Z',
    });
    // A refused reader leaves no export behind.
    await partner('GET', `/api/insights/export.csv${RANGE}`);
    expect(
      (await db().select().from(auditLog).where(eq(auditLog.action, 'insights.export'))).length,
    ).toBe(before + 2);
  });
});
