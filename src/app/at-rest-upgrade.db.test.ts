// Upgrading a database that kept ad text, facts and captures in clear (as before encryption at
// rest), on both databases: migrated up to the last migration before it, filled with ads the old
// way, then migrated and started. Nothing may be lost — text, facts, change detection, search —
// and afterwards no table holds the text in clear; `keys rotate` then seals the old captures.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgDatabase, testDbKind, testSecretsEnv } from '../../test/helpers/test-db.js';
import { adContentHash } from '../collect/ad-changes.js';
import { listAds } from '../collect/ads-query.js';
import { readAdVersionText, recordAdObservation } from '../collect/ads.js';
import { exportAdWarc, sealLegacyCaptures, verifyCaptures } from '../collect/captures.js';
import { buildCaptureWarc, verifyWarc } from '../collect/warc.js';
import { extractionOf } from '../facts/store.js';
import { CLI_ACTOR } from '../platform/actor.js';
import { finishAtRestUpgrade } from './at-rest-upgrade.js';
import { createFsBlobStore } from '../platform/blobs/index.js';
import type { BlobStore } from '../platform/blobs/blob-store.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, type Database } from '../platform/db/connect.js';
import { MIGRATIONS_DIR, runMigrations } from '../platform/db/migrate.js';
import { rotateAllFieldKeys } from './key-rotation.js';

/** The last migration before ad text was encrypted. */
const BEFORE = '0016_sign_in_addresses';
const BODY = 'Lieve Sanne, nieuw in Breda. Bel 06-47258139 of mail zq.veldhoen@example.org.';
const PHONE_START = BODY.indexOf('06-47258139');
const EMAIL_START = BODY.indexOf('zq.veldhoen');

let dir: string;
let config: Config;
let database: Database;
let blobs: BlobStore;
let drop = async () => {};
const ids = { source: randomUUID(), ad: randomUUID(), version: randomUUID(), capture: '' };

/** Applies the migrations up to and including `last`, from a copy of the folder. */
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

/** Rows the way the code before encryption at rest wrote them. */
async function writeLegacyRows() {
  const q = (sql: string, params: unknown[] = []) => database.pool.query(sql, params);
  await q(`INSERT INTO sources (id, name, definition) VALUES ($1, 'legacy', $2)`, [
    ids.source,
    JSON.stringify({
      name: 'legacy',
      country: 'NL',
      startUrls: ['http://127.0.0.1:9/'],
      listing: { adUrlPattern: '/ad/' },
      fields: { body: { selector: 'p' } },
    }),
  ]);
  const seen = new Date('2026-10-01T12:00:00Z');
  await q(
    `INSERT INTO ads (id, source_id, external_id, url, first_seen_at, last_seen_at, last_checked_at)
     VALUES ($1, $2, 'l1', 'http://127.0.0.1:9/ad/l1', $3, $3, $3)`,
    [ids.ad, ids.source, seen],
  );
  // A capture stored in clear, as a plain .warc.gz.
  const warc = await buildCaptureWarc({
    url: 'http://127.0.0.1:9/ad/l1',
    method: 'GET',
    requestHeaders: {},
    status: 200,
    statusText: 'OK',
    headers: [['content-type', 'text/html']],
    body: Buffer.from(`<p>${BODY}</p>`),
    fetchedAt: seen,
  });
  const stored = await blobs.put('captures/2026/10/01/legacy.warc.gz', Buffer.from(warc.data));
  const cap = await q(
    `INSERT INTO captures (kind, url, fetched_at, status, payload_sha256, record_key, record_sha256,
       record_size, warc_record_id)
     VALUES ('page', 'http://127.0.0.1:9/ad/l1', $1, 200, $2, $3, $4, $5, $6) RETURNING id`,
    [seen, warc.payloadSha256, stored.key, stored.sha256, stored.size, warc.responseRecordId],
  );
  ids.capture = (cap.rows[0] as { id: string }).id;
  // An unkeyed sha256 content hash, as ad-changes computed it then.
  await q(
    `INSERT INTO ad_versions (id, ad_id, version, content_hash, seen_at, title, body, city,
       display_name, phone_raw, images, capture_id, language)
     VALUES ($1, $2, 1, $3, $4, 'Sanne', $5, 'Breda', 'Sanne', '0647258139', $6, $7, 'nl')`,
    [
      ids.version,
      ids.ad,
      'legacy-unkeyed-sha256',
      seen,
      BODY,
      JSON.stringify([
        {
          url: 'http://img.example/sanne-0647258139.jpg',
          sha256: 'a'.repeat(64),
          phash: '0f'.repeat(8),
        },
      ]),
      ids.capture,
    ],
  );
  const facts = [
    {
      kind: 'language',
      value: 'nl',
      raw: BODY.slice(0, 80),
      span: { field: 'body', start: 0, end: BODY.length },
      rule: 'language.franc',
    },
    {
      kind: 'phone',
      valueHash: 'h',
      masked: '+•••••••••39',
      span: { field: 'body', start: PHONE_START, end: PHONE_START + 11 },
      rule: 'phone.national',
    },
    {
      kind: 'email',
      valueHash: 'e',
      masked: '••.••••••••@•••••••.••g',
      span: { field: 'body', start: EMAIL_START, end: EMAIL_START + 23 },
      rule: 'email.address',
    },
    {
      kind: 'place',
      value: 'Breda',
      raw: 'Breda',
      placeId: 'nl:breda',
      country: 'NL',
      lat: 51.6,
      lon: 4.8,
      span: { field: 'body', start: 20, end: 25 },
      rule: 'place.gazetteer.municipality',
    },
  ];
  await q(
    `INSERT INTO ad_extractions (ad_version_id, ad_id, rule_set_version, extracted_at, language, facts, suppressed)
     VALUES ($1, $2, 'old', $3, 'nl', $4, '[]')`,
    [ids.version, ids.ad, seen, JSON.stringify(facts)],
  );
}

async function rowsAsText(): Promise<string> {
  const tables = await database.pool.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = 'public'`,
  );
  let all = '';
  for (const { name } of tables.rows) {
    const rows = await database.pool.query<{ row: string }>(
      `SELECT t::text AS row FROM "${name}" t`,
    );
    all += rows.rows.map((r) => r.row).join('\n');
  }
  return all;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ariadne-upgrade-'));
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
  config = loadConfig(env);
  database = await openDatabase(config, { requireOwner: true, log: pino({ level: 'silent' }) });
  blobs = createFsBlobStore(path.join(dir, 'blobs'));
  await migrateUpTo(BEFORE);
  await writeLegacyRows();
});
afterAll(async () => {
  await database?.close();
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('upgrading a database that kept ad text in clear', () => {
  it('encrypts text and facts on start, keeping what they said, and leaves no plaintext row', async () => {
    await runMigrations(database.pool);
    // Between the migration and the start-up step the text waits, whole, in the holding table.
    expect((await rowsAsText()).includes('06-47258139')).toBe(true);
    const result = await finishAtRestUpgrade(database, config.secrets);
    expect(result).toEqual({ versions: 1, extractions: 1, searchIndexed: 1 });
    const keys = config.secrets.fieldKeys;
    const text = await readAdVersionText(database.db, keys, ids.version);
    expect(text).toMatchObject({
      body: BODY,
      title: 'Sanne',
      city: 'Breda',
      phoneRaw: '0647258139',
    });
    const facts = await extractionOf(database.db, keys, ids.version);
    expect(facts?.facts.map((f) => f.kind)).toEqual(['language', 'phone', 'email', 'place']);
    expect(facts?.facts[0]?.raw).toBe(BODY.slice(0, 80));
    const dump = await rowsAsText();
    for (const form of [
      '06-47258139',
      '0647258139',
      'zq.veldhoen',
      'Lieve Sanne',
      'sanne-0647258139',
    ])
      expect(dump.includes(form), form).toBe(false);
    expect(dump).not.toContain('at_rest_upgrade');
    const holding = await database.pool.query<{ t: string | null }>(
      "SELECT to_regclass('public.at_rest_upgrade')::text AS t",
    );
    expect(holding.rows[0]?.t).toBeNull();
    // A second start finds nothing to do.
    expect(await finishAtRestUpgrade(database, config.secrets)).toEqual({
      versions: 0,
      extractions: 0,
      searchIndexed: 0,
    });
  });

  it('still sees the unchanged ad as unchanged, and finds it by its words but not its number', async () => {
    const content = {
      title: 'Sanne',
      body: BODY,
      postedRaw: null,
      city: 'Breda',
      displayName: 'Sanne',
      phoneRaw: '0647258139',
      ageRaw: null,
      priceRaw: null,
      imageHashes: ['a'.repeat(64)],
    };
    const recorded = await recordAdObservation(database.db, config.secrets, {
      sourceId: ids.source,
      externalId: 'l1',
      url: 'http://127.0.0.1:9/ad/l1',
      seenAt: new Date('2026-10-02T12:00:00Z'),
      postedAt: null,
      content,
      images: [
        {
          url: 'http://img.example/sanne-0647258139.jpg',
          sha256: 'a'.repeat(64),
          phash: '0f'.repeat(8),
        },
      ],
      captureId: null,
      parseErrors: [],
      fillRatio: 1,
    });
    expect(recorded).toMatchObject({ outcome: 'unchanged', versionId: ids.version });
    // The content hash is now keyed (with the pepper), no longer a plain sha256 of the text.
    const [row] = (
      await database.pool.query<{ h: string }>('SELECT content_hash AS h FROM ad_versions')
    ).rows;
    expect(row?.h).toBe(adContentHash(config.secrets.identifierPepper, content));
    const found = async (filter: { q?: string; city?: string }) =>
      (await listAds(database.db, config.secrets, { limit: 10, ...filter })).items.map((a) => a.id);
    expect(await found({ q: 'lieve sanne' })).toEqual([ids.ad]);
    expect(await found({ city: 'breda' })).toEqual([ids.ad]);
    // The words of the e-mail address were not indexed (nor are numbers searchable at all).
    expect(await found({ q: 'veldhoen' })).toEqual([]);
  });

  it('seals the captures stored in clear on key rotation; the export still verifies', async () => {
    const keys = config.secrets.fieldKeys;
    expect(await verifyCaptures(database.db, blobs, keys)).toMatchObject({
      problems: [],
      inClear: 1,
    });
    const rotated = [{ id: 'k2', key: randomBytes(32) }, ...keys];
    await rotateAllFieldKeys(database.db, rotated, CLI_ACTOR);
    const sealed = await sealLegacyCaptures(database.db, blobs, rotated);
    expect(sealed).toEqual({ sealed: 1, problems: [] });
    // Only the new key from here on: everything reads.
    const onlyNew = [rotated[0]!];
    expect(await verifyCaptures(database.db, blobs, onlyNew)).toEqual({
      checked: 1,
      problems: [],
      notes: [],
      inClear: 0,
    });
    expect((await readAdVersionText(database.db, onlyNew, ids.version))?.body).toBe(BODY);
    expect((await extractionOf(database.db, onlyNew, ids.version))?.facts).toHaveLength(4);
    expect(await blobs.exists('captures/2026/10/01/legacy.warc.gz')).toBe(false);
    const stored = await blobs.get('captures/2026/10/01/legacy.warc.gz.sealed');
    expect(stored.includes('06-47258139')).toBe(false);
    const exported = await exportAdWarc(database.db, blobs, onlyNew, CLI_ACTOR, ids.ad);
    const checks = await verifyWarc(exported.data);
    expect(checks.filter((c) => c.type === 'response')).toHaveLength(1);
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(await sealLegacyCaptures(database.db, blobs, onlyNew)).toEqual({
      sealed: 0,
      problems: [],
    });
  });
});
