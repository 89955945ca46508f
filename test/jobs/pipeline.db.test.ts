// The chain of jobs a crawl starts, on both databases: a new ad version is extracted, the ad is
// linked, its entity scored and queued as a lead — each step a job on pg-boss, as in production.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAdObservation } from '../../src/collect/ads.js';
import { saveSource } from '../../src/collect/sources.js';
import { extractVersionJobRef } from '../../src/facts/jobs.js';
import { linkAds } from '../../src/link/schema.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import { createAddressGuard } from '../../src/platform/address-guard.js';
import { createFsBlobStore } from '../../src/platform/blobs/index.js';
import { allJobs } from '../../src/app/jobs.js';
import { startJobs, type Jobs } from '../../src/platform/jobs.js';
import { leads } from '../../src/score/schema.js';
import { noonClock } from '../helpers/clock.js';
import { openTestDatabase, type TestDatabase } from '../helpers/test-db.js';

let t: TestDatabase;
let jobs: Jobs | undefined;
let dir: string;
const log = pino({ level: 'silent' });

async function until(check: () => Promise<boolean>, ms = 60_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  t = await openTestDatabase();
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-pipeline-'));
  const defs = allJobs({
    config: t.config,
    database: t.database,
    blobs: createFsBlobStore(dir),
    log,
    // Nothing is fetched here: no internal address is opened.
    addressGuard: createAddressGuard(),
    clock: noonClock(),
    jobs: () => {
      if (!jobs) throw new Error('jobs not started');
      return jobs;
    },
  });
  jobs = await startJobs({ database: t.database, log, scheduler: false, definitions: defs });
  await jobs.work(defs, 2);
});
afterAll(async () => {
  await jobs?.stop();
  await t?.cleanup();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('job pipeline', () => {
  it('takes a new ad from extraction through linking to a lead in the queue', async () => {
    const db = t.database.db;
    const { source } = await saveSource(db, CLI_ACTOR, {
      name: 'pipeline',
      country: 'NL',
      startUrls: ['http://127.0.0.1:9/'],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: 'p' } },
    });
    const ids: string[] = [];
    for (const [ext, body] of [
      [
        'p1',
        'Nieuw meisje, bijna 18, nog op school. Bel onze manager 06-12 34 56 78, wij regelen alles.',
      ],
      ['p2', 'Zij is lief en jong, bel ons op 06-12 34 56 78. Alleen hotel, 24/7 beschikbaar.'],
    ] as const) {
      const r = await recordAdObservation(db, t.config.secrets, {
        sourceId: source.id,
        externalId: ext,
        url: `http://127.0.0.1:9/ad/${ext}`,
        seenAt: new Date(),
        postedAt: null,
        content: {
          title: null,
          body,
          postedRaw: null,
          city: 'Utrecht',
          displayName: ext === 'p1' ? 'Lisa' : 'Mila',
          phoneRaw: null,
          ageRaw: null,
          priceRaw: null,
          imageHashes: [],
        },
        images: [],
        captureId: null,
        parseErrors: [],
        fillRatio: 1,
      });
      ids.push(r.adId);
      await jobs!.send(extractVersionJobRef, { adVersionId: r.versionId });
    }
    await until(async () => {
      const rows = await db.select().from(linkAds);
      return rows.length === 2 && rows[0]?.entityId === rows[1]?.entityId;
    });
    const [link] = await db.select().from(linkAds).where(eq(linkAds.adId, ids[0]!));
    await until(
      async () =>
        (await db.select().from(leads).where(eq(leads.entityId, link!.entityId))).length > 0,
    );
    const [lead] = await db.select().from(leads).where(eq(leads.entityId, link!.entityId));
    expect(lead?.urgent).toBe(true);
    expect(lead?.flags).toContain('urgent');
    expect(lead?.state).toBe('new');
  });
});
