// The partner directory's API on both databases, with the synthetic directory seeded: filters,
// one entry, create and update (audited; one name per organisation), CSV import that writes all
// rows or none and says which line and column is wrong, export that imports back unchanged and
// defuses formulas, matching a case profile, and who may do what — every role against every
// action, and a partner user who sees their own organisation's entry and nothing else.
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { seedPartnerDirectory } from '../../src/cases/index.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import type { Role } from '../../src/platform/auth/schema.js';
import { fixedClock } from '../../src/platform/clock.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { newPartner } from '../helpers/partner-directory.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const NOW = '2026-12-06T12:00:00Z';
const clock = fixedClock(NOW);
const directory = generatePartnerDirectory({ asOf: new Date('2026-12-01T00:00:00Z') });

let t: TestDatabase;
let app: FastifyInstance;
const as: Partial<Record<Role, ApiCall>> = {};
/** Each role's session headers, for requests that are not JSON (a CSV body). */
const headersOf: Partial<Record<Role, Record<string, string>>> = {};
let partnerOrgId: string;

interface Partner {
  id: string;
  name: string;
  kind: string;
  capacity: string | null;
  services: string[];
  regions: string[];
  accountOrgId: string | null;
  place: { id: string; name: string } | null;
  [key: string]: unknown;
}

const call = (role: Role) => {
  const c = as[role];
  if (!c) throw new Error(`not signed in as ${role}`);
  return c;
};

async function list(role: Role, query = ''): Promise<Partner[]> {
  const { res, json } = await call(role)('GET', `/api/partners${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return json.items as Partner[];
}

async function rawPost(role: Role, url: string, payload: string | Buffer, type: string) {
  return app.inject({
    method: 'POST',
    url,
    payload,
    headers: { ...headersOf[role], 'content-type': type },
  });
}

async function directorySize(): Promise<number> {
  const [row] = await t.database.db.select({ n: count() }).from(partnerOrganisations);
  return row?.n ?? 0;
}

async function auditActions(action: string) {
  return t.database.db.select().from(auditLog).where(eq(auditLog.action, action));
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
  expect(await seedPartnerDirectory(t.database.db, CLI_ACTOR, directory, clock)).toBe(
    directory.length,
  );
  // A directory that has entries is its keepers': seeding again writes nothing.
  expect(await seedPartnerDirectory(t.database.db, CLI_ACTOR, directory, clock)).toBe(0);
  for (const role of ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'] as const) {
    // The helper signs in through app.inject; the last headers it sent are the session's.
    const recorder = {
      inject: (opts: InjectOptions) => {
        const h = (opts.headers ?? {}) as Record<string, string>;
        const csrf = h['x-csrf-token'] ?? headersOf[role]?.['x-csrf-token'] ?? '';
        headersOf[role] = { cookie: h.cookie ?? '', 'x-csrf-token': csrf };
        return app.inject(opts);
      },
    } as unknown as FastifyInstance;
    as[role] = await signInAs(recorder, t.database.db, role);
  }
  // The csrf token is only sent on changes: take it from a change.
  for (const role of Object.keys(as) as Role[]) await call(role)('POST', '/api/partners/match', {});
  const me = await call('partner')('GET', '/api/auth/session');
  partnerOrgId = (me.json.user as { partnerOrgId: string }).partnerOrgId;
}, 120_000);

afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

describe('reading the directory', () => {
  it('lists every seeded organisation, by name, for internal staff', async () => {
    const items = await list('outreach_worker');
    expect(items).toHaveLength(directory.length);
    const names = items.map((p) => p.name);
    expect(names).toEqual(
      [...names].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    expect(items[0]).toHaveProperty('place.name');
  });

  it('filters by kind, service, region, capacity, activity and name', async () => {
    const expectCount = async (query: string, want: (p: (typeof directory)[number]) => boolean) => {
      expect((await list('analyst', query)).length, query).toBe(directory.filter(want).length);
    };
    await expectCount('?kind=police', (p) => p.kind === 'police');
    await expectCount('?service=legal', (p) => p.services.includes('legal'));
    await expectCount('?region=Limburg', (p) => p.regions.includes('Limburg'));
    await expectCount('?capacity=full', (p) => p.capacity === 'full');
    await expectCount('?capacity=unknown', (p) => p.capacity === null);
    await expectCount('?active=no', (p) => !p.active);
    await expectCount(
      '?kind=shelter&region=Utrecht&capacity=open',
      (p) => p.kind === 'shelter' && p.regions.includes('Utrecht') && p.capacity === 'open',
    );
    await expectCount('?q=OPVANGHUIS', (p) => p.name.toLowerCase().includes('opvanghuis'));
    // LIKE's wildcards are text here, not patterns.
    expect(await list('analyst', '?q=%25')).toEqual([]);
    expect(await list('analyst', '?q=_')).toEqual([]);
  });

  it('refuses filters it does not know', async () => {
    for (const q of ['?kind=castle', '?region=Atlantis', '?capacity=maybe', '?service=spa']) {
      const { res } = await call('analyst')('GET', `/api/partners${q}`);
      expect(res.statusCode, q).toBe(400);
    }
  });

  it('reads one entry; an unknown id is not found and a malformed one is refused', async () => {
    const [first] = await list('outreach_worker', '?kind=police&region=Utrecht');
    const one = await call('outreach_worker')('GET', `/api/partners/${first!.id}`);
    expect(one.res.statusCode).toBe(200);
    expect(one.json).toMatchObject({ id: first!.id, kind: 'police', regions: ['Utrecht'] });
    const missing = await call('outreach_worker')(
      'GET',
      '/api/partners/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.res.statusCode).toBe(404);
    expect((await call('outreach_worker')('GET', '/api/partners/nope')).res.statusCode).toBe(400);
  });
});

describe('changing the directory', () => {
  it('creates an entry (audited), refusing a name already there in another case', async () => {
    const { res, json } = await call('supervisor')(
      'POST',
      '/api/partners',
      newPartner('Huis Test'),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(json).toMatchObject({
      name: 'Huis Test',
      place: { id: 'nl:utrecht', name: 'Utrecht' },
      municipalities: [{ id: 'nl:utrecht', name: 'Utrecht' }],
      capacityConfirmedAt: '2026-12-05T10:00:00.000Z',
      createdAt: new Date(NOW).toISOString(),
    });
    const audits = await auditActions('partner.create');
    expect(audits.some((a) => a.targetId === json.id)).toBe(true);
    const dup = await call('admin')('POST', '/api/partners', newPartner('huis TEST'));
    expect(dup.res.statusCode).toBe(409);
  });

  it('refuses what the profile rules refuse, and places the gazetteer does not know', async () => {
    const bad = async (over: Record<string, unknown>, want: RegExp) => {
      const { res, json } = await call('admin')('POST', '/api/partners', newPartner('Bad', over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect((json.error as { message: string }).message).toMatch(want);
    };
    await bad({ minAge: 30, maxAge: 20 }, /maxAge/);
    await bad({ secureLinkContact: null }, /secureLinkContact/);
    await bad({ placeId: 'nl:atlantis' }, /not a known place/);
    await bad({ municipalities: ['nl:zaandam'] }, /not a Dutch municipality/);
    await bad({ languages: ['xx'] }, /ISO 639-1/);
    await bad({ services: [] }, /services/);
    await bad({ regions: [], municipalities: [] }, /region/);
    await bad({ name: '=cmd|calc' }, /letter or digit/);
    const unknownOrg = await call('admin')('POST', '/api/partners', {
      ...newPartner('Linked'),
      accountOrgId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOrg.res.statusCode).toBe(400);
  });

  it('updates an entry and records which fields changed', async () => {
    const [entry] = await list('supervisor', '?q=Huis%20Test');
    const change = newPartner('Huis Test', {
      capacity: 'full',
      capacityConfirmedAt: '2026-12-06T09:00:00Z',
    });
    const { res, json } = await call('supervisor')('PATCH', `/api/partners/${entry!.id}`, change);
    expect(res.statusCode, res.body).toBe(200);
    expect(json).toMatchObject({ capacity: 'full' });
    const [audit] = (await auditActions('partner.update')).filter((a) => a.targetId === entry!.id);
    expect(audit?.details).toMatchObject({ changed: ['capacity', 'capacityConfirmedAt'] });
    const missing = await call('supervisor')(
      'PATCH',
      '/api/partners/00000000-0000-4000-8000-000000000000',
      change,
    );
    expect(missing.res.statusCode).toBe(404);
  });
});

describe('CSV', () => {
  it('exports every entry with a header, defusing formulas, and audits the export', async () => {
    await call('admin')(
      'POST',
      '/api/partners',
      newPartner('Formula House', { intakeHours: '=HYPERLINK("http://evil.example")' }),
    );
    const res = await app.inject({
      method: 'GET',
      url: '/api/partners.csv',
      headers: headersOf.analyst,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toMatch(/^id,name,kind,services,/);
    expect(lines).toHaveLength((await directorySize()) + 1);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
    expect((await auditActions('partner.export')).length).toBeGreaterThan(0);
  });

  it('imports its own export back as updates, changing nothing', async () => {
    const before = await app.inject({
      method: 'GET',
      url: '/api/partners.csv',
      headers: headersOf.admin,
    });
    const size = await directorySize();
    const { res, json } = await call('admin')('POST', '/api/partners/import', { csv: before.body });
    expect(res.statusCode, res.body).toBe(200);
    expect(json).toEqual({ imported: 0, updated: size });
    const after = await app.inject({
      method: 'GET',
      url: '/api/partners.csv',
      headers: headersOf.admin,
    });
    expect(after.body).toBe(before.body);
  });

  it('adds new rows and updates known names, as a CSV body too', async () => {
    const csv = [
      'name,kind,services,regions,referral_channel,secure_link_contact,capacity,capacity_confirmed_at',
      'Nieuw Huis Zeeland,shelter,shelter;safety,Zeeland,secure_link,intake@nieuw.example,open,2026-12-06',
      'huis test,shelter,shelter,Utrecht,account,,waiting_list,2026-12-06',
    ].join('\n');
    const res = await rawPost('supervisor', '/api/partners/import', csv, 'text/csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ imported: 1, updated: 1 });
    const [updated] = await list('supervisor', '?q=Huis%20Test');
    // The row matched by name whatever its case; the stored name is the file's.
    expect(updated).toMatchObject({ name: 'huis test', capacity: 'waiting_list' });
    const audit = await auditActions('partner.import');
    expect(audit.at(-1)?.details).toMatchObject({ imported: 1, updated: 1 });
  });

  it('refuses a file with bad rows with 422 and every line and column, writing nothing', async () => {
    const size = await directorySize();
    const csv = [
      'name,kind,services,regions,referral_channel,secure_link_contact',
      'Good New Org,health,medical,Utrecht,account,',
      'Bad Kind Org,castle,medical,Utrecht,account,',
      'Bad Region Org,health,medical,Atlantis,account,',
      'good new org,health,medical,Utrecht,account,',
    ].join('\n');
    const { res, json } = await call('admin')('POST', '/api/partners/import', { csv });
    expect(res.statusCode).toBe(422);
    const error = json.error as { code: string; message: string; text: unknown; rows: unknown[] };
    expect(error.code).toBe('import_refused');
    expect(error.text).toEqual({ key: 'imports.refused', params: { count: 3 } });
    // Each row carries its words for the console: a catalogue key with the cell's value as a
    // parameter, never an English sentence.
    const values = (key: string) => expect.stringContaining(key) as string;
    expect(error.rows).toEqual([
      {
        line: 3,
        column: 'kind',
        message: expect.stringContaining('"castle"') as string,
        text: { key: 'partnerCsv.notOneOf', params: { value: 'castle', values: values('health') } },
      },
      {
        line: 4,
        column: 'regions',
        message: expect.stringContaining('"Atlantis"') as string,
        text: {
          key: 'partnerCsv.notOneOf',
          params: { value: 'Atlantis', values: values('Utrecht') },
        },
      },
      {
        line: 5,
        column: 'name',
        message: '"good new org" is also on line 2',
        text: { key: 'partnerCsv.nameTwice', params: { value: 'good new org', line: 2 } },
      },
    ]);
    expect(await directorySize()).toBe(size);
    expect(await list('admin', '?q=Good%20New')).toEqual([]);
  });

  it('refuses rows that clash with the directory: an unknown id, a name taken by another', async () => {
    const a = (await list('admin', '?kind=police&region=Utrecht'))[0]!;
    const b = (await list('admin', '?kind=child_protection&region=Utrecht'))[0]!;
    const csv = [
      'id,name,kind,services,regions,referral_channel,secure_link_contact',
      `00000000-0000-4000-8000-000000000000,Ghost,police,safety,Utrecht,secure_link,a@b.example`,
      `${a.id},${b.name},police,safety,Utrecht,secure_link,a@b.example`,
    ].join('\n');
    const { res, json } = await call('admin')('POST', '/api/partners/import', { csv });
    expect(res.statusCode).toBe(422);
    expect((json.error as { rows: { line: number; column: string }[] }).rows).toEqual([
      expect.objectContaining({ line: 2, column: 'id' }),
      expect.objectContaining({ line: 3, column: 'name' }),
    ]);
    expect((await list('admin', `?q=${encodeURIComponent(a.name)}`))[0]?.name).toBe(a.name);
  });

  it('refuses a file that is not UTF-8, with a word about the encoding', async () => {
    const latin1 = Buffer.from(
      'name,kind,services,regions,referral_channel\nCaf\xe9 Zorg,health,medical,Utrecht,account\n',
      'latin1',
    );
    const res = await rawPost('admin', '/api/partners/import', latin1, 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain('not UTF-8');
  });

  it('refuses a file without a header or with nothing in it', async () => {
    for (const csv of ['', 'Zorg,health,medical,Utrecht,account\n']) {
      const { res } = await call('admin')('POST', '/api/partners/import', { csv });
      expect(res.statusCode).toBe(422);
    }
  });
});

describe('matching', () => {
  it('ranks the directory for a case, fitting organisations before excluded ones', async () => {
    const { res, json } = await call('outreach_worker')('POST', '/api/partners/match', {
      needs: ['shelter', 'safety'],
      placeId: 'nl:zaandam',
      languages: ['ro'],
      age: 16,
      gender: 'women',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json.place).toEqual({ municipalityId: 'nl:zaanstad', province: 'Noord-Holland' });
    const items = json.items as {
      name: string;
      excluded: boolean;
      fits: { code: string; params: Record<string, unknown> }[];
      exclusions: { code: string }[];
    }[];
    const active = directory.filter((p) => p.active).length;
    expect(items.length).toBeGreaterThanOrEqual(active);
    const firstExcluded = items.findIndex((m) => m.excluded);
    expect(firstExcluded).toBeGreaterThan(0);
    expect(items.slice(firstExcluded).every((m) => m.excluded)).toBe(true);
    // A 16-year-old: every adults-only shelter is listed with the reason.
    expect(items.some((m) => m.excluded && m.exclusions.some((e) => e.code === 'no_minors'))).toBe(
      true,
    );
    // The best fit serves the person's region and offers what they need.
    expect(items[0]?.fits.map((f) => f.code)).toEqual(
      expect.arrayContaining(['offers', 'serves_region']),
    );
    // Inactive organisations are not offered.
    const inactive = directory.filter((p) => !p.active).map((p) => p.name);
    expect(items.filter((m) => inactive.includes(m.name))).toEqual([]);
  });

  it('names a municipality in a reason by its name', async () => {
    const { json } = await call('supervisor')('POST', '/api/partners/match', {
      needs: ['shelter'],
      placeId: 'nl:utrecht',
      kinds: ['shelter'],
    });
    const items = json.items as {
      kind: string;
      fits: { code: string; params: { place?: string } }[];
    }[];
    expect(items.every((m) => m.kind === 'shelter')).toBe(true);
    const served = items.flatMap((m) => m.fits).find((f) => f.code === 'serves_municipality');
    expect(served?.params.place).toBe('Utrecht');
  });

  it('ranks without a place, saying the place is unknown', async () => {
    const { res, json } = await call('outreach_worker')('POST', '/api/partners/match', {
      needs: ['legal'],
    });
    expect(res.statusCode).toBe(200);
    expect(json.place).toBeNull();
    const items = json.items as { concerns: { code: string }[]; distanceKm: number | null }[];
    expect(items.every((m) => m.distanceKm === null)).toBe(true);
    expect(items[0]?.concerns.map((c) => c.code)).toContain('place_unknown');
  });

  it('refuses an unknown place, an unknown language and half a coordinate', async () => {
    const bad = [
      { needs: ['shelter'], placeId: 'nl:atlantis' },
      { needs: ['shelter'], languages: ['xx'] },
      { needs: ['shelter'], lat: 52.1 },
      { needs: ['castle'] },
      { needs: ['shelter'], residenceStatus: 'any' },
      { needs: ['shelter'], extra: true },
    ];
    for (const body of bad) {
      const { res } = await call('outreach_worker')('POST', '/api/partners/match', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });
});

describe('who may do what', () => {
  const ACTIONS = ['list', 'read', 'create', 'update', 'import', 'export', 'match'] as const;
  type Action = (typeof ACTIONS)[number];
  const ALLOWED: Record<Role, Action[]> = {
    admin: [...ACTIONS],
    supervisor: [...ACTIONS],
    analyst: ['list', 'read', 'export', 'match'],
    outreach_worker: ['list', 'read', 'export', 'match'],
    // A partner lists (only their own entry) but reads no other entry, changes nothing.
    partner: ['list'],
  };

  it('answers every role and action as the policy says', async () => {
    const [target] = await list('admin', '?kind=debt_help');
    const body = newPartner(target!.name);
    const csv = 'name,kind,services,regions,referral_channel\n';
    for (const role of Object.keys(ALLOWED) as Role[]) {
      const c = call(role);
      const status: Record<Action, number> = {
        list: (await c('GET', '/api/partners')).res.statusCode,
        read: (await c('GET', `/api/partners/${target!.id}`)).res.statusCode,
        create: (await c('POST', '/api/partners', newPartner(`Policy ${role}`))).res.statusCode,
        update: (await c('PATCH', `/api/partners/${target!.id}`, body)).res.statusCode,
        // A header and no rows: nothing to import, and nothing refused.
        import: (await c('POST', '/api/partners/import', { csv })).res.statusCode,
        export: (
          await app.inject({ method: 'GET', url: '/api/partners.csv', headers: headersOf[role] })
        ).statusCode,
        match: (await c('POST', '/api/partners/match', { needs: ['legal'] })).res.statusCode,
      };
      for (const action of ACTIONS) {
        const allowed = ALLOWED[role].includes(action);
        const want = allowed ? 200 : action === 'read' ? 404 : 403;
        expect(status[action], `${role} ${action}`).toBe(want);
      }
    }
  });

  it('shows a partner user their own organisation’s entry, once linked, and no other', async () => {
    expect(await list('partner')).toEqual([]);
    const [own, other] = await list('admin', '?kind=health');
    const link = newPartner(own!.name, { kind: 'health', services: ['medical'], minAge: null });
    const linked = await call('admin')('PATCH', `/api/partners/${own!.id}`, {
      ...link,
      accountOrgId: partnerOrgId,
    });
    expect(linked.res.statusCode, linked.res.body).toBe(200);
    const mine = await list('partner');
    expect(mine.map((p) => p.id)).toEqual([own!.id]);
    // Filters cannot widen what a partner sees.
    expect(await list('partner', '?kind=police')).toEqual([]);
    expect((await call('partner')('GET', `/api/partners/${own!.id}`)).res.statusCode).toBe(200);
    expect((await call('partner')('GET', `/api/partners/${other!.id}`)).res.statusCode).toBe(404);
    // One account acts for one entry: linking it to a second is refused.
    const second = await call('admin')('PATCH', `/api/partners/${other!.id}`, {
      ...newPartner(other!.name, { kind: 'health', services: ['medical'], minAge: null }),
      accountOrgId: partnerOrgId,
    });
    expect(second.res.statusCode).toBe(409);
    const rows = await t.database.db
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .where(eq(partnerOrganisations.accountOrgId, partnerOrgId));
    expect(rows.map((r) => r.id)).toEqual([own!.id]);
  });

  it('refuses anyone not signed in', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/partners' });
    expect(res.statusCode).toBe(401);
  });
});
