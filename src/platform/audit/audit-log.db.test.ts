import { randomBytes } from 'node:crypto';
import { asc, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.js';
import { useAuditKeys, type AuditKey } from './audit-keys.js';
import {
  appendAudit,
  canonicalJson,
  GENESIS_HASH,
  hashAuditRow,
  sealLegacyChain,
  verifyAuditChain,
} from './audit-log.js';
import { auditLog } from './schema.js';

let t: TestDatabase;
let keys: AuditKey[];
beforeAll(async () => {
  t = await openTestDatabase();
  keys = t.config.secrets.auditKeys;
});
afterAll(async () => {
  await t?.cleanup();
});

/** Runs statements with the append-only triggers off, as someone with full database access can. */
async function bypassingTriggers(statements: () => Promise<void>): Promise<void> {
  await t.database.db.execute(sql`ALTER TABLE audit_log DISABLE TRIGGER USER`);
  try {
    await statements();
  } finally {
    await t.database.db.execute(sql`ALTER TABLE audit_log ENABLE TRIGGER USER`);
  }
}

async function appendSome(n: number, label = 'test'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await appendAudit(t.database.db, {
      actorLabel: label,
      action: 'test.event',
      details: { i, nested: { b: 1, a: [1, 2] } },
    });
  }
}

const rows = () => t.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));

/**
 * What an attacker with database access but without the audit key does: changes entry `seq` and
 * recomputes the hash of it and every entry after it with `rehash`, writing the new hashes back.
 */
async function rewriteAndRechain(
  seq: number,
  change: Record<string, unknown>,
  rehash: (
    prevHash: string,
    row: typeof auditLog.$inferSelect,
  ) => { hash: string; keyId: string | null },
): Promise<void> {
  await bypassingTriggers(async () => {
    await t.database.db.execute(
      sql`UPDATE audit_log SET details = ${JSON.stringify(change)}::jsonb WHERE seq = ${seq}`,
    );
    let prevHash = GENESIS_HASH;
    for (const row of await rows()) {
      if (row.seq >= seq) {
        const { hash, keyId } = rehash(prevHash, row);
        await t.database.db.execute(
          sql`UPDATE audit_log SET prev_hash = ${prevHash}, hash = ${hash}, key_id = ${keyId} WHERE seq = ${row.seq}`,
        );
        prevHash = hash;
      } else {
        prevHash = row.hash;
      }
    }
  });
}

const fieldsOf = (row: typeof auditLog.$inferSelect) => ({
  seq: row.seq,
  at: row.at,
  actorUserId: row.actorUserId,
  actorLabel: row.actorLabel,
  action: row.action,
  targetType: row.targetType,
  targetId: row.targetId,
  details: row.details,
  ip: row.ip,
  requestId: row.requestId,
});

beforeEach(async () => {
  useAuditKeys(keys);
  await bypassingTriggers(async () => {
    await t.database.db.execute(sql`DELETE FROM audit_log`);
  });
});

describe('audit log', () => {
  it('chains entries under the audit key and verifies them', async () => {
    await appendSome(5);
    expect(await verifyAuditChain(t.database.db, keys)).toMatchObject({
      ok: true,
      rows: 5,
      legacyRows: 0,
      keyIds: [keys[0]!.id],
      head: { seq: 5 },
    });
    expect((await rows()).every((r) => r.keyId === keys[0]!.id)).toBe(true);
  });

  it('keeps a linear chain when many appends race', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(t.database.db, { actorLabel: 'race', action: 'test.race', details: { i } }),
      ),
    );
    expect(await verifyAuditChain(t.database.db, keys)).toMatchObject({ ok: true, rows: 20 });
  });

  it('refuses updates and deletes through the database itself', async () => {
    await appendSome(3);
    const refusal = { cause: { message: expect.stringMatching(/append-only/) as unknown } };
    await expect(
      t.database.db.execute(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`),
    ).rejects.toMatchObject(refusal);
    await expect(
      t.database.db.execute(sql`DELETE FROM audit_log WHERE seq = 2`),
    ).rejects.toMatchObject(refusal);
    expect(await verifyAuditChain(t.database.db, keys)).toMatchObject({ ok: true });
  });

  it('reports the first altered or removed entry once the protection is bypassed', async () => {
    await appendSome(5);
    await bypassingTriggers(async () => {
      await t.database.db.execute(
        sql`UPDATE audit_log SET details = '{"i": 99}'::jsonb WHERE seq = 3`,
      );
    });
    const altered = await verifyAuditChain(t.database.db, keys);
    expect(altered).toMatchObject({ ok: false, brokenAt: 3, rows: 2 });
    expect(!altered.ok && altered.reason).toMatch(/entry 3 was altered/);
    await bypassingTriggers(async () => {
      await t.database.db.execute(sql`DELETE FROM audit_log WHERE seq = 2`);
    });
    const removed = await verifyAuditChain(t.database.db, keys);
    expect(removed).toMatchObject({ ok: false, brokenAt: 2 });
    expect(!removed.ok && removed.reason).toMatch(/missing/);
  });
});

describe('a rewrite without the audit key', () => {
  it('is found when the altered entry and all after it are re-chained with plain SHA-256', async () => {
    await appendSome(6);
    // As an older, unkeyed version would have: the rewritten entries claim to be legacy ones.
    await rewriteAndRechain(3, { i: 'changed' }, (prev, row) => ({
      hash: hashAuditRow(prev, fieldsOf(row), null),
      keyId: null,
    }));
    const result = await verifyAuditChain(t.database.db, keys);
    expect(result).toMatchObject({ ok: false, brokenAt: 3, rows: 2 });
    expect(!result.ok && result.reason).toMatch(
      /entry 3 is not keyed although entries before it are/,
    );
  });

  it('is found when they are re-chained with plain SHA-256 but keep their key id', async () => {
    await appendSome(6);
    await rewriteAndRechain(4, { i: 'changed' }, (prev, row) => ({
      hash: hashAuditRow(prev, fieldsOf(row), null),
      keyId: row.keyId,
    }));
    const result = await verifyAuditChain(t.database.db, keys);
    expect(result).toMatchObject({ ok: false, brokenAt: 4, rows: 3 });
    expect(!result.ok && result.reason).toMatch(/entry 4 was altered .* audit key/);
  });

  it('is found when they are re-chained under a guessed key with the same id', async () => {
    await appendSome(6);
    const guessed: AuditKey = { id: keys[0]!.id, key: randomBytes(32) };
    await rewriteAndRechain(2, { i: 'changed' }, (prev, row) => ({
      hash: hashAuditRow(prev, fieldsOf(row), guessed),
      keyId: guessed.id,
    }));
    const result = await verifyAuditChain(t.database.db, keys);
    expect(result).toMatchObject({ ok: false, brokenAt: 2, rows: 1 });
  });

  it('is found when the whole log is rebuilt as unkeyed entries', async () => {
    await appendSome(4);
    await rewriteAndRechain(1, { i: 'changed' }, (prev, row) => ({
      hash: hashAuditRow(prev, fieldsOf(row), null),
      keyId: null,
    }));
    const result = await verifyAuditChain(t.database.db, keys);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/none of the 4 entries is keyed/);
  });
});

describe('audit keys', () => {
  it('rotate: new entries use the new key, each entry verifies with its own', async () => {
    await appendSome(2);
    const fresh: AuditKey = { id: 'a2', key: randomBytes(32) };
    useAuditKeys([fresh, ...keys]);
    await appendSome(2);
    const all = await rows();
    expect(all.map((r) => r.keyId)).toEqual([keys[0]!.id, keys[0]!.id, 'a2', 'a2']);
    expect(await verifyAuditChain(t.database.db, [fresh, ...keys])).toMatchObject({
      ok: true,
      rows: 4,
      keyIds: [keys[0]!.id, 'a2'],
    });
  });

  it('say which key is missing when verifying without it, and name a wrong one', async () => {
    await appendSome(2);
    const fresh: AuditKey = { id: 'a2', key: randomBytes(32) };
    useAuditKeys([fresh, ...keys]);
    await appendSome(1);
    const withoutOld = await verifyAuditChain(t.database.db, [fresh]);
    expect(withoutOld).toMatchObject({ ok: false, brokenAt: 1, rows: 0 });
    expect(!withoutOld.ok && withoutOld.reason).toMatch(
      new RegExp(`audit key "${keys[0]!.id}", which is not configured`),
    );
    const wrong = await verifyAuditChain(t.database.db, [
      { id: 'a2', key: randomBytes(32) },
      ...keys,
    ]);
    expect(wrong).toMatchObject({ ok: false, brokenAt: 3, rows: 2 });
    expect(!wrong.ok && wrong.reason).toMatch(/under audit key "a2", or that key is not the one/);
  });

  it('refuse to write without a configured key', async () => {
    useAuditKeys([]);
    await expect(appendSome(1)).rejects.toThrow(/No audit key is configured \(AUDIT_KEYS\)/);
    expect(await rows()).toHaveLength(0);
  });
});

describe('entries from before keyed chaining', () => {
  /** Writes entries as a version before keyed chaining did: plain SHA-256, no key id. */
  async function writeLegacy(n: number): Promise<void> {
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= n; seq++) {
      const fields = {
        seq,
        at: new Date(Date.UTC(2030, 0, 1, 0, seq)).toISOString(),
        actorUserId: null,
        actorLabel: 'old',
        action: 'test.old',
        targetType: null,
        targetId: null,
        details: { seq },
        ip: null,
        requestId: null,
      };
      const hash = hashAuditRow(prevHash, fields, null);
      await t.database.db.insert(auditLog).values({ ...fields, prevHash, keyId: null, hash });
      prevHash = hash;
    }
  }

  it('stay verifiable once a keyed entry seals them, and are counted apart', async () => {
    await writeLegacy(3);
    const before = await verifyAuditChain(t.database.db, keys);
    expect(!before.ok && before.reason).toMatch(/run `ariadne migrate` once/);
    expect(await sealLegacyChain(t.database.db)).toBe(4);
    expect(await sealLegacyChain(t.database.db)).toBeNull();
    await appendSome(1);
    expect(await verifyAuditChain(t.database.db, keys)).toMatchObject({
      ok: true,
      rows: 5,
      legacyRows: 3,
      keyIds: [keys[0]!.id],
    });
    const [seal] = (await rows()).filter((r) => r.action === 'audit.chain_keyed');
    expect(seal).toMatchObject({ seq: 4, keyId: keys[0]!.id });
  });

  it('cannot be changed after the seal', async () => {
    await writeLegacy(3);
    await sealLegacyChain(t.database.db);
    await rewriteAndRechain(2, { seq: 'changed' }, (prev, row) => ({
      hash: hashAuditRow(prev, fieldsOf(row), null),
      keyId: row.keyId,
    }));
    const result = await verifyAuditChain(t.database.db, keys);
    expect(result).toMatchObject({ ok: false, brokenAt: 4, rows: 3 });
  });
});

describe('canonicalJson', () => {
  it('does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3, { f: 1, e: 2 }] } })).toBe(
      canonicalJson({ a: { c: [3, { e: 2, f: 1 }], d: 2 }, b: 1 }),
    );
  });
});
