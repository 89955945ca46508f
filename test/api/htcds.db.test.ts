// HTCDS export and import end to end on both databases, through the API: the demo's synthetic
// cases imported into one database export as the same records; that export imported into a fresh
// database exports again the same (JSON), and as CSV one line per referral. Only supervisors
// export or import; an export is audited and carries no alias; a hostile or broken document is
// refused whole, every bad record and field named, and nothing is written.
import { count, eq, inArray } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoCases } from '../../fixtures/demo-cases/index.js';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import type { HtcdsCase } from '../../src/cases/domain/htcds-record.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { caseAlerts, cases, consents } from '../../src/cases/schema.js';
import { seedDemoCases } from '../../src/demo/demo-cases.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { fixedClock } from '../../src/platform/clock.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

const log = pino({ level: 'silent' });
const clock = fixedClock('2026-12-07T10:00:00Z');
const directory = generatePartnerDirectory({ asOf: clock.now() });
const demo = generateDemoCases(directory, { asOf: clock.now() });

interface Side {
  t: TestDatabase;
  app: FastifyInstance;
  supervisor: ApiCall;
  worker: ApiCall;
}
let a: Side;
let b: Side;

async function side(): Promise<Side> {
  const t = await openTestDatabase();
  const app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log,
    clock,
  });
  await app.ready();
  await seedPartnerDirectory(t.database.db, CLI_ACTOR, directory, clock);
  return {
    t,
    app,
    supervisor: await signInAs(app, t.database.db, 'supervisor'),
    worker: await signInAs(app, t.database.db, 'outreach_worker'),
  };
}

beforeAll(async () => {
  a = await side();
  b = await side();
});

afterAll(async () => {
  for (const s of [a, b]) {
    await s?.app.close();
    await s?.t.cleanup();
  }
});

const casesIn = async (s: Side) => (await s.t.database.db.select({ n: count() }).from(cases))[0]!.n;

async function exportOf(s: Side) {
  const { res, json } = await s.supervisor('GET', '/api/cases/export/htcds');
  expect(res.statusCode).toBe(200);
  return json as { standard: string; version: string; cases: HtcdsCase[] };
}

type Problem = {
  row: number;
  field: string;
  message: string;
  text?: { key: string; params?: Record<string, string | number> };
  issue?: { path: string[]; code: string };
};
async function refusedImport(s: Side, body: unknown): Promise<Problem[]> {
  const before = await casesIn(s);
  const { res, json } = await s.supervisor('POST', '/api/cases/import/htcds', body);
  expect(res.statusCode).toBe(422);
  expect(await casesIn(s)).toBe(before);
  return (json.error as { problems: Problem[] }).problems;
}

describe('HTCDS round trip', () => {
  it('the demo cases exported, imported into a fresh database and exported again read the same', async () => {
    expect(demo.cases.some((c) => c.ari_Minor)).toBe(true);
    expect(demo.cases.some((c) => c.referrals.length > 1)).toBe(true);

    // The demo seeds them through the same import, once: a second start changes nothing.
    const seedDeps = { config: a.t.config, db: a.t.database.db, log, clock };
    expect(await seedDemoCases(seedDeps, directory)).toBe(true);
    expect(await casesIn(a)).toBe(demo.cases.length);
    expect(await seedDemoCases(seedDeps, directory)).toBe(false);
    expect(await casesIn(a)).toBe(demo.cases.length);

    const exported = await exportOf(a);
    expect(exported.standard).toBe('HTCDS');
    const sorted = [...demo.cases].sort((x, y) => x.ari_CaseId.localeCompare(y.ari_CaseId));
    expect(exported.cases).toEqual(sorted);

    const second = await b.supervisor('POST', '/api/cases/import/htcds', exported);
    expect(second.res.statusCode).toBe(200);
    expect(await exportOf(b)).toEqual(exported);

    // What the import wrote: the agreement as a keep_data consent, the child protocol for minors.
    const db = b.t.database.db;
    const agreed = demo.cases.filter((c) => c.vic_AgreementToManagePersonalData).length;
    const keepData = await db.select().from(consents).where(eq(consents.scope, 'keep_data'));
    expect(keepData).toHaveLength(agreed);
    const liveMinors = demo.cases.filter((c) => c.ari_Minor && c.ari_Status !== 'closed').length;
    expect(await db.select().from(caseAlerts)).toHaveLength(liveMinors);
  });

  it('exports CSV, one line per referral, and neither format carries an alias', async () => {
    const { res } = await a.supervisor('GET', '/api/cases/export/htcds?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^ari_CaseId,prs_Gender,.*,cas_ReferredOrganisation,org_Type,/);
    const expected = demo.cases.reduce((n, c) => n + Math.max(1, c.referrals.length), 0);
    expect(lines).toHaveLength(expected + 1);

    const json = (await a.supervisor('GET', '/api/cases/export/htcds')).res.body;
    const aliases = await a.t.database.db.select({ alias: cases.alias }).from(cases);
    for (const { alias } of aliases) {
      expect(json).not.toContain(alias);
      expect(res.body).not.toContain(alias);
    }
    const audited = await a.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'cases.htcds_export'));
    expect(audited.length).toBeGreaterThanOrEqual(1);
    expect((audited[0]!.details as { count: number }).count).toBe(demo.cases.length);
  });

  it('refuses export and import to anyone but a supervisor', async () => {
    const capabilities = async (call: ApiCall) =>
      ((await call('GET', '/api/auth/session')).json.capabilities ?? {}) as Record<string, boolean>;
    expect((await capabilities(a.supervisor)).exchangeHtcds).toBe(true);
    expect((await capabilities(a.worker)).exchangeHtcds).toBe(false);
    expect((await a.worker('GET', '/api/cases/export/htcds')).res.statusCode).toBe(403);
    const before = await casesIn(a);
    const { res } = await a.worker('POST', '/api/cases/import/htcds', {
      ...demo,
      cases: [],
    });
    expect(res.statusCode).toBe(403);
    expect(await casesIn(a)).toBe(before);
  });
});

describe('HTCDS import refuses bad documents whole', () => {
  const fresh = (id: string): HtcdsCase => ({ ...demo.cases[0]!, ari_CaseId: id, referrals: [] });

  it('names every bad record and field, and writes none of the good ones', async () => {
    const good = fresh('C-ZZZZ-0001');
    const problems = await refusedImport(b, {
      standard: 'HTCDS',
      version: '2.0',
      cases: [
        good,
        { ...fresh('C-ZZZZ-0002'), prs_Gender: 'Alien' },
        { ...fresh('C-ZZZZ-0003'), ari_Age: 200, prs_FirstName: 'Maria' },
        { ...fresh('C-ZZZZ-0004'), ari_Gender: 'male', prs_Gender: 'Female' },
        { ...fresh('C-ZZZZ-0005'), ari_Age: 15, ari_AgeRange: '12-17', ari_Minor: false },
        { ...fresh('not a pseudonym'), prs_Nationality: 'Romania' },
        'a string, not a record',
        good,
      ],
    });
    const at = (row: number) => problems.filter((p) => p.row === row).map((p) => p.field);
    expect(at(1)).toEqual([]);
    expect(at(2)).toContain('prs_Gender');
    expect(at(3)).toEqual(expect.arrayContaining(['ari_Age', '(record)']));
    expect(problems.some((p) => p.row === 3 && p.message.includes('prs_FirstName'))).toBe(true);
    expect(at(4)).toContain('ari_Gender');
    expect(at(5)).toContain('ari_Minor');
    expect(at(6)).toEqual(expect.arrayContaining(['ari_CaseId', 'prs_Nationality']));
    expect(at(7)).toEqual(['(record)']);
    expect(at(8)).toEqual(['ari_CaseId']);
    // Every problem carries its words for the console: a catalogue key, or the check it failed.
    expect(problems.filter((p) => !p.text && !p.issue)).toEqual([]);
    const of = (row: number, field: string) =>
      problems.find((p) => p.row === row && p.field === field);
    expect(of(4, 'ari_Gender')?.text).toEqual({
      key: 'htcds.genderDisagrees',
      params: { value: 'male', other: 'Female' },
    });
    expect(of(5, 'ari_Minor')?.text).toEqual({ key: 'htcds.minor' });
    expect(of(3, 'ari_Age')?.issue).toMatchObject({
      code: 'too_big',
      maximum: expect.any(Number) as number,
    });
    expect(of(8, 'ari_CaseId')?.text).toEqual({ key: 'htcds.caseTwice' });
    const written = await b.t.database.db
      .select()
      .from(cases)
      .where(inArray(cases.pseudonym, ['C-ZZZZ-0001']));
    expect(written).toEqual([]);
  });

  it('refuses cases that exist already and organisations not in the directory', async () => {
    const exported = await exportOf(b);
    const existing = exported.cases[0]!;
    const withReferral = exported.cases.find((c) => c.referrals.length > 0)!;
    const problems = await refusedImport(b, {
      ...exported,
      cases: [
        existing,
        {
          ...withReferral,
          ari_CaseId: 'C-ZZZZ-0009',
          referrals: [
            { ...withReferral.referrals[0]!, cas_ReferredOrganisation: 'No Such Shelter' },
            { ...withReferral.referrals[0]!, org_Type: 'CorporateBusiness' },
          ],
        },
      ],
    });
    expect(problems.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 1, field: 'ari_CaseId' },
      { row: 2, field: 'referrals.0.cas_ReferredOrganisation' },
      { row: 2, field: 'referrals.1.org_Type' },
    ]);
    expect(problems[2]!.message).toContain(withReferral.referrals[0]!.org_Type);
    expect(problems.map((p) => p.text?.key)).toEqual([
      'htcds.caseExists',
      'htcds.noSuchOrganisation',
      'htcds.organisationType',
    ]);
    expect(problems[2]!.text?.params).toEqual({ value: withReferral.referrals[0]!.org_Type });
  });

  it('refuses a document of another standard or version, and a body that is no document', async () => {
    const problems = await refusedImport(b, { standard: 'HTCDS', version: '0.2', cases: [] });
    expect(problems.map(({ row, field }) => ({ row, field }))).toEqual([
      { row: 0, field: 'version' },
    ]);
    const extra = await refusedImport(b, { ...demo, cases: [], script: '<x>' });
    expect(extra[0]!.row).toBe(0);
    const { res } = await b.supervisor('POST', '/api/cases/import/htcds', [demo]);
    expect(res.statusCode).toBe(400);
  });
});

describe('HTCDS as CSV, both ways', () => {
  let c: Side;
  beforeAll(async () => {
    c = await side();
  });
  afterAll(async () => {
    await c?.app.close();
    await c?.t.cleanup();
  });
  const importCsv = (s: Side, text: string | Buffer) =>
    s.supervisor('POST', '/api/cases/import/htcds', text, 'text/csv');
  const csvOf = async (s: Side) =>
    (await s.supervisor('GET', '/api/cases/export/htcds?format=csv')).res.body;

  it('imports the CSV export into a fresh database, which then exports the same records', async () => {
    const csv = await csvOf(a);
    const { res, json } = await importCsv(c, csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(json.imported).toBe((await exportOf(a)).cases.length);
    expect(await exportOf(c)).toEqual(await exportOf(a));
    expect(await csvOf(c)).toBe(csv);
  });

  it('refuses a broken file whole, naming each line and column', async () => {
    const csv = await csvOf(a);
    const [header, ...lines] = csv.trimEnd().split('\r\n');
    const cols = header!.split(',');
    const at = (name: string) => cols.indexOf(name);
    // Fresh pseudonyms, so only the planted problems stand in the way.
    const renamed = lines.map((l) => l.replace(/^C-..../, 'C-QQQQ'));
    const set = (line: string, name: string, value: string) => {
      const cells = line.split(',');
      cells[at(name)] = value;
      return cells.join(',');
    };
    const withReferral = renamed.findIndex((l) => !l.endsWith(',,,,,,'));
    const before = await casesIn(c);
    const refused = async (text: string | Buffer) => {
      const { res, json } = await importCsv(c, text);
      expect(res.statusCode, res.body).toBe(422);
      expect(await casesIn(c)).toBe(before);
      return (json.error as { problems: Problem[] }).problems;
    };

    // A column missing, or one Ariadne does not exchange (a name column, say).
    const noGender = [cols.filter((x) => x !== 'prs_Gender').join(','), ...renamed];
    expect(await refused(noGender.join('\r\n'))).toEqual([
      expect.objectContaining({ row: 1, field: 'prs_Gender' }),
    ]);
    const named = [`${header},prs_FirstName`, ...renamed.map((l) => `${l},Maria`)];
    expect((await refused(named.join('\r\n'))).map((p) => p.field)).toEqual(['prs_FirstName']);

    // A line short of cells; a case whose repeated columns disagree; a bad value.
    const short = [header, renamed[0]!.split(',').slice(0, 5).join(','), ...renamed.slice(1)];
    expect(await refused(short.join('\r\n'))).toEqual([
      expect.objectContaining({ row: 2, field: '(line)' }),
    ]);
    const repeated = renamed[withReferral]!;
    const disagreeing = [header, repeated, set(repeated, 'ari_OpenedDate', '2020-01-01')];
    expect(await refused(disagreeing.join('\r\n'))).toEqual([
      expect.objectContaining({ row: 3, field: 'ari_OpenedDate' }),
    ]);
    const alien = [header, renamed[0]!, set(renamed[1]!, 'prs_Gender', 'Alien')];
    const problems = await refused(alien.join('\r\n'));
    expect(problems.map(({ row, field }) => ({ row, field }))).toContainEqual({
      row: 3,
      field: 'prs_Gender',
    });

    // Text that is not UTF-8 (a spreadsheet's Latin-1 export).
    const latin1 = Buffer.from(
      `${header}\r\n${set(renamed[0]!, 'prs_Nationality', 'Ñ')}`,
      'latin1',
    );
    expect((await refused(latin1))[0]!.message).toMatch(/UTF-8/);
  });
});

describe('HTCDS facts recorded in Ariadne', () => {
  it('exports the exploitation types and nationality a worker records on a case', async () => {
    const opened = await a.worker('POST', '/api/cases', {
      age: 31,
      gender: 'non_binary',
      nationality: 'RO',
      exploitationTypes: ['labour', 'sexual', 'labour'],
    });
    expect(opened.res.statusCode).toBe(200);
    expect(opened.json.exploitationTypes).toEqual(['sexual', 'labour']);
    const record = (await exportOf(a)).cases.find((c) => c.ari_CaseId === opened.json.pseudonym);
    expect(record).toMatchObject({
      prs_Gender: 'Transgender/NonConforming',
      ari_Gender: 'non_binary',
      ari_AgeRange: '25-34',
      prs_Nationality: 'RO',
      vic_TypeOfExploitation: ['SexualExploitation', 'ForcedLabour'],
      vic_AgreementToManagePersonalData: false,
      ari_IdentifiedThrough: 'RecordedByWorker',
      cas_Status: 'Active',
      referrals: [],
    });
    const bad = await a.worker('POST', '/api/cases', {
      nationality: 'Romania',
      exploitationTypes: ['organ_removal'],
    });
    expect(bad.res.statusCode).toBe(400);
  });
});
