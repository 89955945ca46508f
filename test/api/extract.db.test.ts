// The extraction API as the console uses it: facts of an ad with identifiers masked, ad text with
// identifiers masked, an audited reveal, partners kept out, analysts' custom terms re-processing
// ads through a real worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importJsonLines } from '../../src/collect/importers.js';
import { saveSource } from '../../src/collect/sources.js';
import { extractJobs } from '../../src/facts/jobs.js';
import { reextractAll } from '../../src/facts/store.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { auditLog } from '../../src/platform/audit/schema.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { buildHttpServer } from '../../src/app/http-server.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { signInAs, type ApiCall } from '../helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let app: FastifyInstance;
let jobs: Jobs;
let dir: string;
const log = pino({ level: 'silent' });

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-extract-api-'));
  const defs = extractJobs({ db: t.database.db, config: t.config });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 1);
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    jobs,
    log,
  });
  await app.ready();
  const { source } = await saveSource(t.database.db, CLI_ACTOR, {
    name: 'extract-api',
    country: 'NL',
    startUrls: ['http://127.0.0.1:9/'],
    listing: { adUrlPattern: '/ad/' },
    fields: { body: { selector: 'p' } },
  });
  await importJsonLines(
    t.database.db,
    t.config.secrets,
    CLI_ACTOR,
    source,
    JSON.stringify({
      url: 'http://127.0.0.1:9/ad/1',
      external_id: 'e1',
      body: 'Hoi! Ik ben Sanne, 19 jaar. Bel of app: 06-1234 5678. 100% echte foto’s, wij ontvangen je graag in Utrecht.',
    }),
  );
  await reextractAll(t.database.db, t.config);
});
afterAll(async () => {
  await app?.close();
  await jobs?.stop();
  await t?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('extraction API', () => {
  let analyst: ApiCall;
  let adId: string;

  it('returns facts with spans and explanations, identifiers masked, and masks the ad text', async () => {
    analyst = await signInAs(app, t.database.db, 'analyst');
    const list = await analyst('GET', '/api/ads?source=extract-api');
    const item = (list.json.items as { id: string; snippet: string }[])[0]!;
    adId = item.id;
    expect(item.snippet).not.toContain('1234 5678');
    const detail = await analyst('GET', `/api/ads/${adId}`);
    expect(JSON.stringify(detail.json)).not.toContain('1234 5678');
    const e = await analyst('GET', `/api/ads/${adId}/extraction`);
    expect(e.res.statusCode).toBe(200);
    const facts = e.json.facts as {
      kind: string;
      value?: string;
      masked?: string;
      span: { start: number; end: number };
      explanation?: string;
      evidence?: string;
    }[];
    const phone = facts.find((f) => f.kind === 'phone')!;
    expect(phone.value).toBeUndefined();
    expect(phone.masked).toMatch(/78$/);
    expect(phone.span.end).toBeGreaterThan(phone.span.start);
    const indicator = facts.find((f) => f.kind === 'indicator' && f.evidence === 'validated');
    expect(indicator?.explanation).toBeTruthy();
    expect(facts.some((f) => f.kind === 'age')).toBe(true);
  });

  it('reveals an identifier only to staff, and audits it', async () => {
    const e = await analyst('GET', `/api/ads/${adId}/extraction`);
    const phone = (e.json.facts as { kind: string; identifierId: string }[]).find(
      (f) => f.kind === 'phone',
    )!;
    const partner = await signInAs(app, t.database.db, 'partner');
    expect(
      (await partner('POST', `/api/identifiers/${phone.identifierId}/reveal`, {})).res.statusCode,
    ).toBe(403);
    const revealed = await analyst('POST', `/api/identifiers/${phone.identifierId}/reveal`, {
      reason: 'check',
    });
    expect(revealed.json).toMatchObject({
      kind: 'phone',
      value: '+31612345678',
      raw: '06-1234 5678',
    });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'identifier.reveal'));
    expect(audits).toHaveLength(1);
  });

  it('lets analysts add a custom term that a worker applies to existing ads', async () => {
    const bad = await analyst('POST', '/api/extract/rules', {
      type: 'custom_term',
      rule: { category: 'third_party', patterns: [] },
    });
    expect(bad.res.statusCode).toBe(400);
    const added = await analyst('POST', '/api/extract/rules', {
      type: 'custom_term',
      rule: {
        category: 'third_party',
        patterns: ['wij ontvangen je graag'],
        explanation: 'someone else receives the client',
      },
    });
    expect(added.res.statusCode).toBe(201);
    let found = false;
    for (let i = 0; i < 100 && !found; i++) {
      await new Promise((r) => setTimeout(r, 200));
      const e = await analyst('GET', `/api/ads/${adId}/extraction`);
      found = (e.json.facts as { rule?: string }[]).some((f) =>
        String(f.rule).startsWith('custom:'),
      );
    }
    expect(found).toBe(true);
    const rules = await analyst('GET', '/api/extract/rules');
    expect(rules.json.stale).toBe(0);
  });
});
