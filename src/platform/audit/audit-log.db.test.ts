import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { appendAudit, canonicalJson, verifyAuditChain } from './audit-log.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

describe('audit log', () => {
  it('chains entries and verifies them', async () => {
    for (let i = 0; i < 5; i++) {
      await appendAudit(t.database.db, {
        actorLabel: 'test',
        action: 'test.event',
        details: { i, nested: { b: 1, a: [1, 2] } },
      });
    }
    const result = await verifyAuditChain(t.database.db);
    expect(result).toEqual({ ok: true, rows: 5 });
  });

  it('keeps a linear chain when many appends race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.database.db, { actorLabel: 'race', action: 'test.race', details: { i } }),
      ),
    );
    const result = await verifyAuditChain(t.database.db);
    expect(result.ok).toBe(true);
    expect(result.rows).toBe(25);
  });

  it('refuses updates and deletes through the database itself', async () => {
    const refusal = { cause: { message: expect.stringMatching(/append-only/) as unknown } };
    await expect(
      t.database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`),
    ).rejects.toMatchObject(refusal);
    await expect(
      t.database.db.execute(sql`DELETE FROM audit_log WHERE seq = 2`),
    ).rejects.toMatchObject(refusal);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('reports the first altered entry once the protection is bypassed', async () => {
    await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`);
    await t.database.db.execute(
      sql`UPDATE audit_log SET details = '{"i": 99}'::jsonb WHERE seq = 3`,
    );
    const altered = await verifyAuditChain(t.database.db);
    expect(altered).toMatchObject({ ok: false, brokenAt: 3 });
    expect(!altered.ok && altered.reason).toMatch(/altered/);
    await t.database.db.execute(sql`DELETE FROM audit_log WHERE seq = 2`);
    const removed = await verifyAuditChain(t.database.db);
    expect(removed).toMatchObject({ ok: false, brokenAt: 2 });
    expect(!removed.ok && removed.reason).toMatch(/missing/);
    await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`);
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });
});
