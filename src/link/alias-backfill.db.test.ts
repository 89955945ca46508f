// The entity alias migration on a database that already holds entities, on both databases:
// migrated up to the migration before it, filled with entities the old way (no alias), then
// migrated. Every entity gets an alias of the generator's shape and words, no two alike; an entity
// made without one (any path but linking) gets one from the column default; a duplicate is
// refused by the database.
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, testDbKind, testSecretsEnv } from '../../test/helpers/test-db.js';
import { loadConfig } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/connect.js';
import { MIGRATIONS_DIR, runMigrations } from '../platform/db/migrate.js';
import { ALIAS_FIRST_WORDS, ALIAS_PATTERN, ALIAS_SECOND_WORDS } from './alias.js';

/** The last migration before entities had aliases (found by name: merges may renumber). */
function migrationBeforeAliases(): string {
  const journal = JSON.parse(
    readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { idx: number; tag: string }[] };
  const at = journal.entries.findIndex((e) => /^\d{4}_entity_alias$/.test(e.tag));
  if (at < 1) throw new Error('no entity alias migration in the journal');
  return journal.entries[at - 1]!.tag;
}
const BEFORE = migrationBeforeAliases();
const EXISTING = 400;

let dir: string;
let database: Database;
let drop = async () => {};

async function migrateUpTo(last: string) {
  const folder = path.join(dir, 'drizzle');
  cpSync(MIGRATIONS_DIR, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  const upTo = journal.entries.find((e) => e.tag === last)!.idx;
  journal.entries = journal.entries.filter((e) => e.idx <= upTo);
  writeFileSync(journalFile, JSON.stringify(journal));
  const client = await database.pool.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-alias-backfill-'));
  const env: Record<string, string> = {
    DATA_DIR: path.join(dir, 'data'),
    LOG_LEVEL: 'silent',
    ...testSecretsEnv(),
  };
  if (testDbKind() === 'postgres') {
    const created = await createPgDatabase();
    env.DATABASE_URL = created.url;
    env.DB_CONNECT_RETRIES = '0';
    drop = () => created.drop();
  }
  const config = loadConfig(env);
  database = await openDatabase(config, { requireOwner: true, log: pino({ level: 'silent' }) });
  await migrateUpTo(BEFORE);
  const ids = Array.from({ length: EXISTING }, () => randomUUID());
  await database.pool.query(`INSERT INTO entities (id) SELECT unnest($1::uuid[])`, [ids]);
}, 120_000);

afterAll(async () => {
  await database?.close();
  await drop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the entity alias migration', () => {
  it('gives every existing entity a distinct alias of listed words', async () => {
    await runMigrations(database.pool);
    const { rows } = await database.pool.query<{ alias: string | null }>(
      'SELECT alias FROM entities',
    );
    expect(rows).toHaveLength(EXISTING);
    const aliases = rows.map((r) => r.alias!);
    expect(new Set(aliases).size).toBe(EXISTING);
    const first = new Set<string>(ALIAS_FIRST_WORDS);
    const second = new Set<string>(ALIAS_SECOND_WORDS);
    for (const a of aliases) {
      expect(a).toMatch(ALIAS_PATTERN);
      const [w1, w2, n] = a.split('-');
      expect(first.has(w1!) && second.has(w2!), a).toBe(true);
      expect(Number(n)).toBeGreaterThanOrEqual(10);
      expect(Number(n)).toBeLessThanOrEqual(999);
    }
    // Drawn at random, not in order: 400 aliases spread over many first words.
    expect(new Set(aliases.map((a) => a.split('-')[0])).size).toBeGreaterThan(20);
  });

  it('gives an entity made without an alias one, and refuses a duplicate', async () => {
    const id = randomUUID();
    const { rows } = await database.pool.query<{ alias: string }>(
      'INSERT INTO entities (id) VALUES ($1) RETURNING alias',
      [id],
    );
    expect(rows[0]!.alias).toMatch(ALIAS_PATTERN);
    await expect(
      database.pool.query('INSERT INTO entities (id, alias) VALUES ($1, $2)', [
        randomUUID(),
        rows[0]!.alias,
      ]),
    ).rejects.toThrow(/entities_alias_key|duplicate key/);
    await expect(
      database.pool.query('UPDATE entities SET alias = NULL WHERE id = $1', [id]),
    ).rejects.toThrow(/null/i);
  });
});
