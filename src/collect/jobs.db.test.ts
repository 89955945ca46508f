import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { SYSTEM_ACTOR, CLI_ACTOR } from '../platform/actor.js';
import { createAddressGuard } from '../platform/address-guard.js';
import { PermanentJobError, type Jobs } from '../platform/jobs.js';
import { requestCrawl } from './crawl-service.js';
import { collectJobs, CRAWL_JOB, dueSources } from './jobs.js';
import { crawlRuns } from './schema.js';
import { saveSource, setSourceEnabled } from './sources.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

const def = (name: string, schedule?: string) => ({
  name,
  country: 'NL',
  startUrls: ['http://127.0.0.1:9/'],
  listing: { adUrlPattern: '/ad/' },
  fields: { body: { selector: 'p' } },
  ...(schedule ? { schedule } : {}),
});

describe('crawl schedule', () => {
  it('queues a source when its cron has fired since its last scheduled crawl, once', async () => {
    const { source: hourly } = await saveSource(
      t.database.db,
      CLI_ACTOR,
      def('hourly', '0 * * * *'),
    );
    await saveSource(t.database.db, CLI_ACTOR, def('on-demand'));
    await t.database.db.execute(sql`UPDATE sources SET created_at = now() - interval '2 hours'`);
    expect(await dueSources(t.database, new Date())).toEqual([hourly.id]);
    const run = await requestCrawl(t.database.db, SYSTEM_ACTOR, hourly.id, 'schedule');
    // While that crawl is queued, the source is not queued again.
    expect(await dueSources(t.database, new Date())).toEqual([]);
    await t.database.db.execute(
      sql`UPDATE crawl_runs SET status = 'finished' WHERE id = ${run.id}`,
    );
    expect(await dueSources(t.database, new Date())).toEqual([]);
    expect(await dueSources(t.database, new Date(Date.now() + 3_600_000))).toEqual([hourly.id]);
    await setSourceEnabled(t.database.db, CLI_ACTOR, hourly.id, false);
    expect(await dueSources(t.database, new Date(Date.now() + 3_600_000))).toEqual([]);
  });
});

describe('crawl job', () => {
  it('closes a run it may not start because another crawl of the source is running', async () => {
    const db = t.database.db;
    const { source } = await saveSource(db, CLI_ACTOR, def('busy'));
    const first = await requestCrawl(db, SYSTEM_ACTOR, source.id, 'manual');
    await db
      .update(crawlRuns)
      .set({ status: 'running', startedAt: new Date(), heartbeatAt: new Date() })
      .where(eq(crawlRuns.id, first.id));
    const second = await requestCrawl(db, CLI_ACTOR, source.id, 'manual');
    const log = pino({ level: 'silent' });
    const crawl = collectJobs({
      db,
      blobs: undefined as never,
      keys: t.config.secrets,
      log,
      addressGuard: createAddressGuard(),
      jobs: () => undefined as unknown as Jobs,
    }).find((j) => j.name === CRAWL_JOB)!;
    await expect(
      crawl.handler({ runId: second.id }, { log, jobId: 'test', retryCount: 0 }),
    ).rejects.toBeInstanceOf(PermanentJobError);
    // Nobody waits for a run that will never start: it is closed with the reason.
    const [closed] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, second.id));
    expect(closed?.status).toBe('failed');
    expect(closed?.finishedAt).toBeInstanceOf(Date);
    expect(closed?.message).toMatch(/Another crawl of "busy" is running/);
    const [running] = await db.select().from(crawlRuns).where(eq(crawlRuns.id, first.id));
    expect(running?.status).toBe('running');
  });
});
