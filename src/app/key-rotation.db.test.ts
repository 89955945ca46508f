import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/helpers/test-db.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { users } from '../platform/auth/schema.js';
import { createUser } from '../platform/auth/users.js';
import { decryptField, encryptedKeyId, encryptField } from '../platform/crypto.js';
import { ENCRYPTED_COLUMNS, rotateAllFieldKeys } from './key-rotation.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

describe('key rotation', () => {
  it('knows every encrypted column of the schema', async () => {
    const res = await t.database.pool.query<{ t: string; c: string }>(
      `SELECT table_name AS t, column_name AS c FROM information_schema.columns
       WHERE table_schema = 'public' AND column_name LIKE '%\\_enc' ORDER BY 1, 2`,
    );
    const listed = new Set(ENCRYPTED_COLUMNS.map((c) => `${c.table}.${c.column}`));
    const missing = res.rows.map((r) => `${r.t}.${r.c}`).filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
    expect(res.rows.length).toBeGreaterThan(3);
  });

  it('re-encrypts every value under the new key and keeps it readable', async () => {
    const old = t.config.secrets.fieldKeys;
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { user } = await createUser(t.database.db, CLI_ACTOR, {
        email: `k${i}@example.org`,
        displayName: 'K',
        role: 'analyst',
      });
      await t.database.db
        .update(users)
        .set({ totpSecretEnc: encryptField(old, `SECRET${i}`, 'users.totp_secret') })
        .where(eq(users.id, user.id));
      ids.push(user.id);
    }
    const keys = [{ id: 'new', key: randomBytes(32) }, ...old];
    const result = await rotateAllFieldKeys(t.database.db, keys, CLI_ACTOR);
    expect(result.reencrypted).toBe(7);
    const rows = await t.database.db.select().from(users);
    for (const row of rows.filter((r) => r.totpSecretEnc)) {
      expect(encryptedKeyId(row.totpSecretEnc!)).toBe('new');
      expect(decryptField([keys[0]!], row.totpSecretEnc!, 'users.totp_secret')).toMatch(
        /^SECRET\d$/,
      );
    }
    // Running it again finds nothing left to do.
    expect((await rotateAllFieldKeys(t.database.db, keys, CLI_ACTOR)).reencrypted).toBe(0);
  });
});
