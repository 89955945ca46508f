// The data directory is its owner's alone: what Ariadne creates there (PGlite's own files
// included) is private, and it refuses to start on a directory others can read, saying how to fix it.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testSecretsEnv } from '../../test/helpers/test-db.js';
import { loadConfig } from './config.js';
import { assertPrivateDir, exposedPaths } from './data-dir.js';
import { openDatabase } from './db/connect.js';

const dirs: string[] = [];
const freshDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ariadne-datadir-'));
  dirs.push(dir);
  return dir;
};
let umask: number;
beforeEach(() => {
  // A usual login umask, under which PGlite on its own leaves its files readable by everyone.
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const open = (dataDir: string) =>
  openDatabase(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...testSecretsEnv() }), {
    requireOwner: true,
    log: pino({ level: 'silent' }),
  });

describe('private data directory', () => {
  // One database for the two tests (creating one is slow); a space in the path to quote.
  let dataDir: string;

  it('creates the embedded database with nothing open to other users', async () => {
    dataDir = path.join(freshDir(), 'data dir');
    const database = await open(dataDir);
    await database.pool.query('CREATE TABLE t (x text)');
    await database.pool.query("INSERT INTO t VALUES ('x')");
    await database.close();
    expect(exposedPaths(dataDir, 1000)).toEqual([]);
    expect(statSync(path.join(dataDir, 'pglite')).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, 'pglite', 'PG_VERSION')).mode & 0o777).toBe(0o600);
  });

  it('refuses a data directory with anything readable by others, naming it and the fix', async () => {
    chmodSync(path.join(dataDir, 'pglite'), 0o755);
    writeFileSync(path.join(dataDir, 'notes.txt'), 'x', { mode: 0o644 });
    const refused = open(dataDir);
    await expect(refused).rejects.toThrow(/other users of this machine can reach/);
    await expect(refused).rejects.toThrow(`chmod -R go-rwx '${dataDir}'`);
    await expect(refused).rejects.toThrow(/pglite \(755\)/);
    // The command it gives is the fix: after it, the same directory opens.
    execFileSync('sh', ['-c', `chmod -R go-rwx '${dataDir}'`]);
    const database = await open(dataDir);
    await database.close();
  });

  it('checks every level, not only the top', () => {
    const dir = freshDir();
    mkdirSync(path.join(dir, 'blobs', 'captures', '2026'), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(dir, 'blobs', 'captures', '2026', 'a'), 'x', { mode: 0o600 });
    expect(() => assertPrivateDir(dir, 'BLOB_DIR')).not.toThrow();
    chmodSync(path.join(dir, 'blobs', 'captures', '2026', 'a'), 0o640);
    expect(() => assertPrivateDir(dir, 'BLOB_DIR')).toThrow(/BLOB_DIR .*2026\/a \(640\)/);
  });
});
