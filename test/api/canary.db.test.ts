// No identifier leaves the server except through an audited reveal. A canary — one synthetic
// number in every disguise extraction knows, an e-mail address plain and spelled out, a Telegram
// handle — is planted in the title, body, structured phone field and display name of ads on a
// loopback site, which goes through the real pipeline (crawl → extract → link → score jobs, a
// saved search, an outreach thread to the number). Then every GET route of the OpenAPI document is
// called as every role, with the query variants that return ad text, and no response body (JSON,
// CSV, the unpacked WARC) or log line may hold the canary in any form — except the audited reveals.
// A GET route whose path parameters this test cannot fill fails it, so new routes are covered.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { and, count, eq, like } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { postVisitorMessage, startChat } from '../../src/chat/service.js';
import { openAdText } from '../../src/collect/ad-text.js';
import { ads, adVersions, crawlRuns } from '../../src/collect/schema.js';
import { maskExtraction } from '../../src/facts/masking.js';
import { extractionOf } from '../../src/facts/store.js';
import { adExtractions } from '../../src/facts/schema.js';
import { entities, linkAds } from '../../src/link/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { allJobs } from '../../src/app/jobs.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { checkSavedSearches } from '../../src/score/saved-searches.js';
import { entityScores, leads } from '../../src/score/schema.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import {
  CANARY_EMAIL_FORMS as EMAIL,
  CANARY_HANDLE as HANDLE,
  CANARY_PHONE,
  CANARY_PHONE_FORMS as PHONE,
  findCanary,
} from '../helpers/canary.js';
import { farQuietHours } from '../helpers/clock.js';
import { guardAllowing } from '../helpers/address-guard.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const ROLES: Role[] = ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'];

// The canary ads: every form of the number, in every field that holds text. The first ad states
// a minor, so its entity is urgent and becomes a lead; the number sits in the first 80 characters
// of each body, which the language fact quotes. A fourth ad, of someone else, keeps them company.
const SITE_ADS = [
  {
    id: '1',
    title: `Lotte ${PHONE.grouped}`,
    body: `Hoi, ik ben Lotte, bel ${PHONE.spaced} of ${PHONE.wordsNl}. Bijna 18, nog op school, nieuw in Utrecht. Echte foto's, altijd beschikbaar.`,
    phone: PHONE.dashed,
    name: 'Lotte',
    city: 'Utrecht',
    age: '17',
  },
  {
    id: '2',
    title: `New: ${PHONE.international}`,
    body: `Hi, I am Lotte, call ${PHONE.wordsEn} or ${PHONE.lookalike}. Text me ${PHONE.emoji}. Mail ${EMAIL.spelled}, telegram ${HANDLE}. Real photos, new in town, available 24/7.`,
    phone: PHONE.national,
    name: `Lotte (telegram ${HANDLE})`,
    city: 'Amsterdam',
    age: '18',
  },
  {
    id: '3',
    title: `Lotte ${PHONE.fullWidth}`,
    body: `Lieve Lotte in Rotterdam. Bel ${PHONE.dotted} of whatsapp ${PHONE.international}. Mail ${EMAIL.plain}. Snel een afspraak? Telegram ${HANDLE}.`,
    phone: PHONE.fullWidth,
    name: 'Lotte',
    city: 'Rotterdam',
    age: '19',
    // A field extraction reads for a price, not for contacts.
    price: `150 (bel ${PHONE.national})`,
  },
  {
    id: '4',
    title: 'Sanne, nieuw in Den Haag',
    body: 'Hoi, ik ben Sanne uit Den Haag. Bel 06 12 34 56 78 voor een afspraak. Alleen hotel.',
    phone: '0612345678',
    name: 'Sanne',
    city: 'Den Haag',
    age: '24',
  },
];
const CANARY_ADS = ['1', '2', '3'];

const logLines: string[] = [];
const log = pino(
  { level: 'info' },
  new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  }),
);

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs | undefined;
let dir: string;
let server: http.Server;
let base: string;
const as = {} as Record<Role, ApiCall>;
/** Values for the path parameters of every GET route, by route. */
const fill: Record<string, Record<string, string[]>> = {};
/** Query variants that return ad text, by route; every route is called once without one too. */
const variants: Record<string, string[]> = {};
let canaryAdIds: string[] = [];
let entityId = '';
let phoneIdentifierId = '';

function page(ad: (typeof SITE_ADS)[number]): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${ad.title}</title></head><body><article data-id="${ad.id}"><h1>${ad.title}</h1><div class="body">${ad.body}</div><span class="phone">${ad.phone}</span><span class="name">${ad.name}</span><span class="city">${ad.city}</span><span class="age">${ad.age}</span><span class="price">${ad.price ?? ''}</span></article></body></html>`;
}

async function until(what: string, check: () => Promise<boolean>, ms = 120_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function rows(table: PgTable): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-canary-'));
  const rules = path.join(dir, 'rules.json');
  writeFileSync(rules, JSON.stringify({ quietHours: farQuietHours(new Date()) }));
  t.config.outreach = { rulesFile: rules, organisationNames: [] };

  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    const ad = SITE_ADS.find((a) => url === `/ad/${a.id}`);
    if (url === '/ads') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(SITE_ADS.map((a) => `<a class="ad" href="/ad/${a.id}">${a.id}</a>`).join(''));
    } else if (ad) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(ad));
    } else {
      res.writeHead(404);
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const blobs = createFsBlobStore(path.join(dir, 'blobs'));
  const defs = allJobs({
    config: t.config,
    database: t.database,
    blobs,
    log,
    addressGuard: guardAllowing([base]),
    // The crawl, the pipeline and the compose run on real time; quiet hours are kept far from it.
    clock: systemClock,
    jobs: () => {
      if (!jobs) throw new Error('jobs not started');
      return jobs;
    },
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 2);
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs,
    jobs,
    log,
    clock: systemClock,
  });
  await app.ready();
  for (const role of ROLES) as[role] = await signInAs(app, t.database.db, role);
}, 300_000);

afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every text a response carries: its body (unpacked if gzipped) and, for JSON, its strings. */
function textsOf(res: Awaited<ReturnType<FastifyInstance['inject']>>): string[] {
  const raw = res.rawPayload;
  const body = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : res.body;
  const out = [body];
  if (res.headers['content-type']?.toString().includes('json') && body) {
    const strings: string[] = [];
    JSON.parse(body, (_k, v: unknown) => {
      if (typeof v === 'string') strings.push(v);
      return v;
    });
    out.push(strings.join('\n'));
  }
  return out;
}

describe('the canary', () => {
  it('is found in every form it is planted in (so its absence below means something)', () => {
    for (const ad of SITE_ADS.filter((a) => CANARY_ADS.includes(a.id))) {
      for (const text of [ad.title, ad.body, ad.phone, page(ad)]) {
        expect(findCanary(text), text).not.toBeNull();
      }
    }
    for (const form of [...Object.values(PHONE), ...Object.values(EMAIL), HANDLE]) {
      expect(findCanary(`x ${form} y`), form).not.toBeNull();
    }
    expect(findCanary(page(SITE_ADS[3]!))).toBeNull();
  });

  it('goes through the whole pipeline: crawled, extracted, linked, scored, a lead', async () => {
    const db = t.database.db;
    // Saved before the crawl, so the new ads are matches.
    for (const body of [
      { name: 'Lotte', target: 'ads', filters: { q: 'Lotte' } },
      { name: 'urgent', target: 'leads', filters: { flag: 'urgent' } },
    ]) {
      expect((await as.analyst('POST', '/api/saved-searches', body)).res.statusCode).toBe(201);
    }
    const saved = await as.admin('POST', '/api/sources', {
      name: 'canary-site',
      country: 'NL',
      startUrls: [`${base}/ads`],
      listing: { adLinkSelector: 'a.ad' },
      fields: {
        title: { selector: 'h1' },
        body: { selector: '.body' },
        phone: { selector: '.phone' },
        displayName: { selector: '.name' },
        city: { selector: '.city' },
        age: { selector: '.age' },
        price: { selector: '.price' },
        externalId: { selector: 'article', attribute: 'data-id' },
      },
      politeness: { delayMs: 0, respectRobotsTxt: false },
      recrawlHours: 0,
      fetchImages: false,
    });
    expect(saved.res.statusCode).toBe(200);
    const sourceId = (saved.json.source as { id: string }).id;
    const crawl = await as.admin('POST', `/api/sources/${sourceId}/crawl`, {});
    expect(crawl.res.statusCode).toBe(202);
    const runId = crawl.json.runId as string;

    await until('the crawl', async () => {
      const [run] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, runId));
      return run?.status === 'finished';
    });
    expect(await rows(ads)).toBe(SITE_ADS.length);
    await until(
      'extraction of every version',
      async () => (await rows(adExtractions)) === (await rows(adVersions)),
    );
    await until('linking of every ad', async () => (await rows(linkAds)) === SITE_ADS.length);
    await until(
      'scores of every entity',
      async () => (await rows(entityScores)) === (await rows(entities)),
    );

    const list = await as.analyst('GET', `/api/ads?source=canary-site&limit=50`);
    const items = list.json.items as { id: string; externalId: string }[];
    const idOf = new Map(items.map((a) => [a.externalId, a.id]));
    canaryAdIds = CANARY_ADS.map((externalId) => idOf.get(externalId)!);
    expect(canaryAdIds.every(Boolean)).toBe(true);
    const links = await db.select().from(linkAds);
    const entityOf = new Map(links.map((l) => [l.adId, l.entityId]));
    entityId = entityOf.get(canaryAdIds[0]!)!;
    // One person behind the three ads, joined by the number.
    for (const id of canaryAdIds) expect(entityOf.get(id)).toBe(entityId);
    await until('the lead', async () => {
      const [lead] = await db.select().from(leads).where(eq(leads.entityId, entityId));
      return lead?.urgent === true;
    });
    expect(await checkSavedSearches(db, t.config.secrets)).toBeGreaterThan(0);
    // Masked at the source: no stored fact quotes the canary, whatever reads the rows.
    for (const row of await db.select().from(adExtractions)) {
      const stored = await extractionOf(db, t.config.secrets.fieldKeys, row.adVersionId);
      expect(findCanary(JSON.stringify([stored?.facts, stored?.suppressed]))).toBeNull();
    }

    const entity = await as.outreach_worker('GET', `/api/entities/${entityId}`);
    const identifiers = entity.json.identifiers as { identifierId: string; kind: string }[];
    expect(identifiers.map((i) => i.kind).sort()).toEqual([
      'email',
      'messenger',
      'messenger',
      'phone',
    ]);
    phoneIdentifierId = identifiers.find((i) => i.kind === 'phone')!.identifierId;

    fill['/api/sources/{id}'] = { id: [sourceId] };
    fill['/api/sources/{id}/export'] = { id: [sourceId] };
    fill['/api/crawl-runs/{id}'] = { id: [runId] };
    fill['/api/entities/{id}'] = { id: [entityId] };
    fill['/api/entities/{id}/graph'] = { id: [entityId] };
    for (const route of ['/api/ads/{id}', '/api/ads/{id}/extraction', '/api/ads/{id}/warc']) {
      fill[route] = { id: canaryAdIds };
    }
    variants['/api/ads'] = [
      '?q=Lotte',
      '?source=canary-site',
      '?city=Utrecht',
      '?language=nl',
      '?status=active',
      '?limit=1',
    ];
    variants['/api/ads/{id}/extraction'] = ['?version=1'];
    variants['/api/leads'] = ['?flag=urgent', '?state=all', '?language=nl'];
    variants['/api/leads.csv'] = ['?flag=urgent', '?state=all'];
    variants['/api/inbox'] = ['?status=all', `?entityId=${entityId}`, '?status=all&preview=true'];
  }, 300_000);

  it('reaches the number by an outreach thread, the number never shown', async () => {
    const channel = await as.admin('POST', '/api/outreach/channels', {
      name: 'By hand',
      kind: 'manual',
      sender: 'site chat',
    });
    expect(channel.res.statusCode).toBe(200);
    const channelId = channel.json.id as string;
    const draft = await as.outreach_worker('POST', '/api/outreach/templates', {
      name: 'hello',
      language: 'nl',
      variants: ['Hoi {displayName}, ik zag je advertentie. Hoe gaat het met je?'],
      fallbacks: { displayName: 'daar' },
    });
    expect(draft.res.statusCode).toBe(200);
    const templateId = draft.json.id as string;
    expect(
      (await as.supervisor('POST', `/api/outreach/templates/${templateId}/approve`, {})).res
        .statusCode,
    ).toBe(200);
    // A name on a number the ads use under several names needs a supervisor's leave (audited).
    const leave = await as.supervisor('POST', '/api/outreach/shared-number-names', {
      entityId,
      identifierId: phoneIdentifierId,
      reason: 'checked: her own number',
    });
    expect(leave.res.statusCode, leave.res.body).toBe(204);
    expect(findCanary(leave.res.body)).toBeNull();
    const sent = await as.outreach_worker('POST', '/api/outreach/messages', {
      entityId,
      contact: { identifierId: phoneIdentifierId },
      channelId,
      templateId,
      values: { displayName: 'Lotte' },
      idempotencyKey: randomUUID(),
    });
    expect(sent.res.statusCode, sent.res.body).toBe(200);
    const conversationId = sent.json.conversationId as string;
    expect(findCanary(sent.res.body)).toBeNull();
    fill['/api/outreach/channels/{id}'] = { id: [channelId] };
    fill['/api/webhooks/{channelId}'] = { channelId: [channelId] };
    fill['/api/conversations/{id}'] = { id: [conversationId] };

    // A case from that thread (the entity and its numbers come with it), a consent and a
    // referral to a directory organisation whose partner users can open it.
    const opened = await as.outreach_worker('POST', '/api/cases', { conversationId });
    expect(opened.res.statusCode, opened.res.body).toBe(200);
    const caseId = (opened.json as { id: string }).id;
    expect(findCanary(opened.res.body)).toBeNull();
    await seedPartnerDirectory(
      t.database.db,
      CLI_ACTOR,
      generatePartnerDirectory({ asOf: new Date() }),
      systemClock,
    );
    const partnerSession = await as.partner('GET', '/api/auth/session');
    const partnerOrgId = (partnerSession.json.user as { partnerOrgId: string }).partnerOrgId;
    const [shelter] = await t.database.db
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.kind, 'shelter'))
      .limit(1);
    await t.database.db
      .update(partnerOrganisations)
      .set({ referralChannel: 'account', accountOrgId: partnerOrgId, active: true })
      .where(eq(partnerOrganisations.id, shelter!.id));
    const consent = await as.outreach_worker('POST', `/api/cases/${caseId}/consents`, {
      scope: 'share_with_org',
      organisationId: shelter!.id,
      fields: ['alias', 'needs', 'contact_channel', 'contact_address', 'conversation_excerpt'],
      givenAt: new Date(Date.now() - 60_000).toISOString(),
      source: 'call_note',
      note: 'Agreed on the phone to share this with the shelter.',
    });
    expect(consent.res.statusCode, consent.res.body).toBe(200);
    const referred = await as.outreach_worker('POST', `/api/cases/${caseId}/referrals`, {
      partnerId: shelter!.id,
      fields: ['alias', 'needs', 'contact_channel', 'contact_address', 'conversation_excerpt'],
    });
    expect(referred.res.statusCode, referred.res.body).toBe(201);
    expect(findCanary(referred.res.body)).toBeNull();
    const referralId = (referred.json as { referral: { id: string } }).referral.id;
    for (const route of [
      '/api/cases/{id}',
      '/api/cases/{id}/notes',
      '/api/cases/{id}/views',
      '/api/cases/{id}/holds',
      '/api/cases/{id}/export',
    ]) {
      fill[route] = { id: [caseId] };
    }
    // The subject export in both forms, with the notes (the person's own download of their data).
    variants['/api/cases/{id}/export'] = ['?format=html&notes=true'];
    fill['/api/cases/{caseId}/referrals'] = { caseId: [caseId] };
    fill['/api/partner/referrals/{id}'] = { id: [referralId] };
    fill['/api/partners/{id}'] = { id: [shelter!.id] };
    // A chat on the chat line with a visitor's message and an operator's note: its transcript and
    // notes are read as every role too (the ads' canary must not reach them).
    const chatDeps = { db: t.database.db, config: t.config, clock: systemClock };
    const { chat } = await startChat(chatDeps, {
      language: 'nl',
      triage: { safeNow: 'unsure' },
    });
    await postVisitorMessage(chatDeps, chat.id, {
      clientId: randomUUID(),
      body: 'Mag ik iets vragen?',
    });
    const taken = await as.outreach_worker('POST', '/api/chat/take', { chatId: chat.id });
    expect(taken.res.statusCode, taken.res.body).toBe(200);
    const noted = await as.outreach_worker('POST', `/api/chat/chats/${chat.id}/notes`, {
      body: 'Asked a question, no details yet.',
    });
    expect(noted.res.statusCode, noted.res.body).toBeLessThan(300);
    fill['/api/chat/chats/{id}'] = { id: [chat.id] };
    fill['/api/chat/chats/{id}/notes'] = { id: [chat.id] };
    // The vault answers a console session 401 (no vault session) or 404 (not shared with them);
    // it holds ciphertext only, where no canary could be read.
    for (const route of [
      '/api/vault/uploads/{id}',
      '/api/vault/items/{id}',
      '/api/vault/items/{id}/manifest',
      '/api/vault-recipient/shares/{id}',
    ]) {
      fill[route] = { id: [randomUUID()] };
    }
    // Who viewed a record: every kind with every planted record (a mismatched pair answers 404).
    fill['/api/audit/views/{kind}/{id}'] = {
      kind: ['ad', 'entity', 'conversation'],
      id: [
        ...(fill['/api/ads/{id}']?.id ?? []),
        ...(fill['/api/entities/{id}']?.id ?? []),
        conversationId,
      ],
    };
  });

  it('leaves through no GET route, as any role, in any form', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const { paths } = doc.json<{ paths: Record<string, Record<string, unknown>> }>();
    const gets = Object.keys(paths).filter((p) => paths[p]!.get);
    expect(gets.length).toBeGreaterThan(20);
    const unfilled: string[] = [];
    const leaks: string[] = [];
    const urls: string[] = [];
    for (const route of gets) {
      const params = [...route.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      const values = fill[route] ?? {};
      if (params.some((p) => !values[p]?.length)) {
        unfilled.push(route);
        continue;
      }
      // Every combination of the values given (in practice one parameter per route).
      let filled = [route];
      for (const p of params) {
        filled = filled.flatMap((r) => values[p]!.map((v) => r.replace(`{${p}}`, v)));
      }
      for (const url of filled) {
        for (const query of ['', ...(variants[route] ?? [])]) urls.push(`${url}${query}`);
      }
    }
    expect(unfilled, 'GET routes whose path parameters this test cannot fill').toEqual([]);

    const warcReads = new Map<Role, number>();
    /** The ad routes each role was answered on (200): the text was there to leak, masked. */
    const adReads = new Map<Role, string[]>();
    for (const role of ROLES) {
      for (const url of urls) {
        const { res, json } = await as[role]('GET', url);
        expect(res.statusCode, `${role} GET ${url}: ${res.body}`).toBeLessThan(500);
        if (res.statusCode === 200 && url.startsWith('/api/ads')) {
          adReads.set(role, [...(adReads.get(role) ?? []), url]);
        }
        const texts = textsOf(res);
        // A next page is a response of the same route: follow it once.
        if (typeof json.nextCursor === 'string') {
          const sep = url.includes('?') ? '&' : '?';
          const next = await as[role](
            'GET',
            `${url}${sep}cursor=${encodeURIComponent(json.nextCursor)}`,
          );
          texts.push(...textsOf(next.res));
        }
        const found = texts.map(findCanary).find((f) => f !== null);
        if (!found) continue;
        // The captures of an ad are the evidence itself, byte for byte (their digests prove it):
        // like the reveal, their download is audited, checked below.
        if (url.endsWith('/warc') && res.statusCode === 200) {
          warcReads.set(role, (warcReads.get(role) ?? 0) + 1);
          continue;
        }
        leaks.push(`${role} GET ${url} (${res.statusCode}): ${found.canary} in …${found.context}…`);
      }
    }
    expect(leaks).toEqual([]);
    // Staff read every ad route (partners get refusals): the text was there, masked. (A share of
    // all routes said too little: the chat line's routes are refused to analysts by design.)
    const adUrls = urls.filter((u) => u.startsWith('/api/ads'));
    expect(adUrls.length).toBeGreaterThan(5);
    for (const role of ROLES.filter((r) => r !== 'partner')) {
      expect(adReads.get(role) ?? [], role).toEqual(adUrls);
    }
    expect(adReads.get('partner') ?? []).toEqual([]);
    const shown = await as.analyst('GET', `/api/ads/${canaryAdIds[2]!}`);
    expect(shown.res.body).toContain('Lieve Lotte in Rotterdam. Bel ••••••••••••••');
    expect(shown.res.body).toContain('"priceRaw":"150 (bel ••••••••••)"');
    // The search found the canary where it is meant to be, in every role that may download it.
    expect([...warcReads.keys()].sort()).toEqual(ROLES.filter((r) => r !== 'partner').sort());
    for (const [role, reads] of warcReads) {
      const audited = await t.database.db
        .select({ n: count() })
        .from(auditLog)
        .where(and(eq(auditLog.action, 'captures.export'), like(auditLog.actorLabel, `${role}.%`)));
      expect(audited[0]?.n ?? 0, `${role}: audited WARC downloads`).toBeGreaterThanOrEqual(reads);
    }
  }, 600_000);

  it('masks the quotes of results stored before quotes were masked at the source', async () => {
    const [version] = await t.database.db
      .select()
      .from(adVersions)
      .where(eq(adVersions.adId, canaryAdIds[0]!));
    const { body } = openAdText(t.config.secrets.fieldKeys, version!.contentEnc, version!.id);
    // A language fact as older versions stored it: the ad's opening, number and all.
    const legacy = {
      kind: 'language',
      value: 'nl',
      raw: `${body.slice(0, 80)}…`,
      span: { field: 'body', start: 0, end: body.length },
      rule: 'language.franc',
    };
    expect(findCanary(legacy.raw)).not.toBeNull();
    const masked = await maskExtraction(t.database.db, version!.id, {
      facts: [legacy],
      suppressed: [{ fact: legacy, reason: 'negated', by: 'niet' }],
    });
    expect(findCanary(JSON.stringify(masked))).toBeNull();
    expect(masked.facts[0]!.raw).toHaveLength(legacy.raw.length);
  });

  it('is shown in the clear only by the audited reveal', async () => {
    const before = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'identifier.reveal'));
    const revealed = await as.outreach_worker(
      'POST',
      `/api/identifiers/${phoneIdentifierId}/reveal`,
      { reason: 'planning contact' },
    );
    expect(revealed.res.statusCode).toBe(200);
    expect(revealed.json.value).toBe(CANARY_PHONE);
    const after = await t.database.db
      .select({ n: count() })
      .from(auditLog)
      .where(eq(auditLog.action, 'identifier.reveal'));
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const partner = await as.partner('POST', `/api/identifiers/${phoneIdentifierId}/reveal`, {});
    expect(partner.res.statusCode).toBe(403);
  });

  it('reaches no log line', () => {
    expect(logLines.length).toBeGreaterThan(0);
    const found = logLines.map(findCanary).filter((f) => f !== null);
    expect(found).toEqual([]);
  });
});
