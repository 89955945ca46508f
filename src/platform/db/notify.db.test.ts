// LISTEN/NOTIFY fan-out on both databases: a notification published inside a transaction arrives
// only after the commit and never after a rollback; one published from another process's
// connection arrives too (PostgreSQL); and after the listening connection is killed it comes back
// by itself and keeps delivering.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDbKind, type TestDatabase } from '../../../test/helpers/test-db.js';
import { createNotifier, type Notifier } from './notify.js';

let t: TestDatabase;
let notifier: Notifier;

beforeAll(async () => {
  t = await openTestDatabase();
  notifier = createNotifier(t.database, { reconnectMs: 50 });
});
afterAll(async () => {
  await notifier.close();
  await t.cleanup();
});

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = performance.now() + ms;
  while (!check()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await sleep(10);
  }
}

describe('notifications', () => {
  it('go out only when the transaction commits', async () => {
    const got: string[] = [];
    const stop = await notifier.listen('test_commit', (p) => got.push(p));
    await t.database.db.transaction(async (tx) => {
      await notifier.publish(tx, 'test_commit', 'one');
      await sleep(100);
      expect(got).toEqual([]);
    });
    await until(() => got.length === 1);
    expect(got).toEqual(['one']);
    await t.database.db
      .transaction(async (tx) => {
        await notifier.publish(tx, 'test_commit', 'rolled back');
        throw new Error('abort');
      })
      .catch(() => undefined);
    await notifier.publish(t.database.db, 'test_commit', 'two');
    await until(() => got.length === 2);
    expect(got).toEqual(['one', 'two']);
    stop();
  });

  it('reach only the channel they were sent on, and refuse bad names and big payloads', async () => {
    const a: string[] = [];
    const b: string[] = [];
    await notifier.listen('test_a', (p) => a.push(p));
    await notifier.listen('test_b', (p) => b.push(p));
    await notifier.publish(t.database.db, 'test_b', 'for b');
    await until(() => b.length === 1);
    await sleep(50);
    expect(a).toEqual([]);
    await expect(notifier.listen('Bad-Name', () => undefined)).rejects.toThrow(/channel/);
    await expect(notifier.publish(t.database.db, 'test_a', 'x'.repeat(8000))).rejects.toThrow(
      /8000|7999/,
    );
  });

  // PGlite has one session and no backends to terminate: the drop is PostgreSQL's to test.
  it.runIf(testDbKind() === 'postgres')(
    'come from other processes and survive a dropped listening connection',
    async () => {
      const got: string[] = [];
      let reconnected = 0;
      notifier.onReconnect(() => reconnected++);
      await notifier.listen('test_drop', (p) => got.push(p));
      // Another process: its own connection, not this pool.
      const other = new pg.Client({ connectionString: t.config.databaseUrl });
      await other.connect();
      await other.query(`SELECT pg_notify('test_drop', 'from elsewhere')`);
      await until(() => got.length === 1);
      await t.database.db.execute(
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE application_name = 'ariadne-notify' AND datname = current_database()`,
      );
      await until(() => reconnected === 1);
      await other.query(`SELECT pg_notify('test_drop', 'after the drop')`);
      await until(() => got.length === 2);
      expect(got).toEqual(['from elsewhere', 'after the drop']);
      await other.end();
    },
  );
});
