// Score models on both databases: v1 seeded on first use, new versions saved by supervisors with a
// note and an audit entry, the cache following the active version, and the routes' roles.
import { asc, eq, like } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../test/helpers/api-client.js';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import type { Actor } from '../platform/actor.js';
import { auditLog } from '../platform/audit/schema.js';
import { buildHttpServer } from '../app/http-server.js';
import { loadDefaultModel, type ScoreModel } from './model.js';
import { registerScoreModelRoutes } from './model-routes.js';
import {
  activeModel,
  DEFAULT_MODEL_NOTE,
  listModels,
  saveModel,
  type ModelChange,
} from './model-store.js';
import { scoreModels } from './schema.js';

let t: TestDatabase;
let app: FastifyInstance;
const changes: ModelChange[] = [];
const supervisor: Actor = { userId: null, label: 'supervisor@example.org', role: 'supervisor' };

function withLeadThreshold(threshold: number): ScoreModel {
  return { ...structuredClone(loadDefaultModel()), leadThreshold: threshold };
}

beforeAll(async () => {
  t = await openTestDatabase();
  app = await buildHttpServer({
    config: t.config,
    database: t.database,
    log: pino({ level: 'silent' }),
    plugins: [
      (a) =>
        registerScoreModelRoutes(a, {
          db: t.database.db,
          onModelChanged: (c) => void changes.push(c),
        }),
    ],
  });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await t?.cleanup();
});

const audits = (prefix: string) =>
  t.database.db
    .select()
    .from(auditLog)
    .where(like(auditLog.action, `${prefix}%`))
    .orderBy(asc(auditLog.seq));

describe('score model store', () => {
  it('seeds v1 from the file on first use, once', async () => {
    const db = t.database.db;
    expect(await db.select().from(scoreModels)).toEqual([]);
    const [a, b] = await Promise.all([activeModel(db), activeModel(db)]);
    expect(a).toEqual({ version: 1, model: loadDefaultModel() });
    expect(b.version).toBe(1);
    const rows = await db.select().from(scoreModels);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ version: 1, active: true, note: DEFAULT_MODEL_NOTE });
    const seeded = await audits('score.model_seed');
    expect(seeded).toHaveLength(1);
    expect(seeded[0]).toMatchObject({ actorLabel: 'system', targetId: '1' });
  });

  it('saves a new version that becomes active, audited and reported', async () => {
    const db = t.database.db;
    const saved = await saveModel(db, supervisor, withLeadThreshold(35), '  Fewer leads  ', {
      onModelChanged: (c) => void changes.push(c),
    });
    expect(saved).toMatchObject({
      version: 2,
      active: true,
      note: 'Fewer leads',
      previousVersion: 1,
    });
    expect(changes.at(-1)).toEqual({ version: 2, previousVersion: 1 });
    const active = await activeModel(db);
    expect(active.version).toBe(2);
    expect(active.model.leadThreshold).toBe(35);
    expect((await listModels(db)).map((m) => [m.version, m.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const saves = await audits('score.model_save');
    expect(saves.at(-1)).toMatchObject({
      actorLabel: 'supervisor@example.org',
      targetType: 'score_model',
      targetId: '2',
      details: { version: 2, previousVersion: 1, note: 'Fewer leads' },
    });
  });

  it('refuses an invalid model, a missing note and an unchanged model', async () => {
    const db = t.database.db;
    const bad = { ...withLeadThreshold(35), leadThreshold: 500 };
    await expect(saveModel(db, supervisor, bad, 'x')).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('leadThreshold') as string,
    });
    await expect(saveModel(db, supervisor, withLeadThreshold(40), '   ')).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringContaining('note is required') as string,
    });
    await expect(saveModel(db, supervisor, withLeadThreshold(35), 'again')).rejects.toMatchObject({
      code: 'conflict',
    });
    expect((await listModels(db)).length).toBe(2);
  });

  it('follows a version saved by another process', async () => {
    const db = t.database.db;
    expect((await activeModel(db)).version).toBe(2);
    // Another process saves version 3: this process's cache must not hide it.
    await db.transaction(async (tx) => {
      await tx.update(scoreModels).set({ active: false });
      await tx.insert(scoreModels).values({
        version: 3,
        model: withLeadThreshold(45),
        note: 'from elsewhere',
        active: true,
      });
    });
    const active = await activeModel(db);
    expect(active.version).toBe(3);
    expect(active.model.leadThreshold).toBe(45);
  });
});

describe('score model routes', () => {
  it('shows the active model to operators, not to partners or strangers', async () => {
    const worker = await signInAs(app, t.database.db, 'outreach_worker');
    const res = await worker('GET', '/api/score/model');
    expect(res.res.statusCode).toBe(200);
    expect(res.json).toMatchObject({ version: 3, active: true, note: 'from elsewhere' });
    expect((res.json.model as ScoreModel).leadThreshold).toBe(45);
    const history = await worker('GET', '/api/score/models');
    expect((history.json.items as { version: number }[]).map((i) => i.version)).toEqual([3, 2, 1]);

    const partner = await signInAs(app, t.database.db, 'partner');
    expect((await partner('GET', '/api/score/model')).res.statusCode).toBe(403);
    expect((await partner('GET', '/api/score/models')).res.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/score/model' })).statusCode).toBe(401);
  });

  it('documents the routes and the model in the OpenAPI description', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = (JSON.parse(res.body) as { paths: Record<string, unknown> }).paths;
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining(['/api/score/model', '/api/score/models']),
    );
  });

  it('lets supervisors and admins save versions, with the problems of a bad model listed', async () => {
    const analyst = await signInAs(app, t.database.db, 'analyst');
    const body = { model: withLeadThreshold(25), note: 'More leads for the pilot' };
    expect((await analyst('POST', '/api/score/models', body)).res.statusCode).toBe(403);
    const worker = await signInAs(app, t.database.db, 'outreach_worker');
    expect((await worker('POST', '/api/score/models', body)).res.statusCode).toBe(403);

    const sup = await signInAs(app, t.database.db, 'supervisor');
    const bad = withLeadThreshold(25);
    (bad.indicators.evidenceFactors.contested as { factor: number }).factor = 1;
    const refused = await sup('POST', '/api/score/models', { model: bad, note: 'try' });
    expect(refused.res.statusCode).toBe(400);
    expect(refused.json.error).toMatchObject({
      code: 'validation_failed',
      issues: [
        {
          path: 'indicators.evidenceFactors.contested.factor',
          message: expect.stringContaining('never scored') as string,
        },
      ],
    });
    const noNote = await sup('POST', '/api/score/models', { model: withLeadThreshold(25) });
    expect(noNote.res.statusCode).toBe(400);

    const before = changes.length;
    const saved = await sup('POST', '/api/score/models', body);
    expect(saved.res.statusCode).toBe(201);
    expect(saved.json).toMatchObject({ version: 4, previousVersion: 3, active: true });
    expect(changes.slice(before)).toEqual([{ version: 4, previousVersion: 3 }]);
    const [entry] = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, '4'));
    expect(entry).toMatchObject({ action: 'score.model_save' });
    expect(entry!.actorLabel).toMatch(/^supervisor\./);

    const admin = await signInAs(app, t.database.db, 'admin');
    const again = await admin('POST', '/api/score/models', {
      model: withLeadThreshold(30),
      note: 'Back to the default threshold',
    });
    expect(again.res.statusCode).toBe(201);
    expect((await admin('GET', '/api/score/model')).json).toMatchObject({ version: 5 });
    const unchanged = await admin('POST', '/api/score/models', {
      model: withLeadThreshold(30),
      note: 'same again',
    });
    expect(unchanged.res.statusCode).toBe(409);
    expect(await activeModel(t.database.db)).toMatchObject({ version: 5 });
  });
});
