import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { SYSTEM_ACTOR, CLI_ACTOR } from '../platform/actor.js';
import { requestCrawl } from './crawl-service.js';
import { dueSources } from './jobs.js';
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
