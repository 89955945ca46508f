// The filesystem store: the shared contract, plus what only a filesystem can get wrong —
// leftovers of failed writes, file modes, and honest messages when the disk is full.
import { mkdtemp, readdir, rm, stat, utimes, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeBlobStoreContract,
  collect,
  failingStream,
  sha256,
} from './blob-store.contract.js';
import type { BlobStore } from './blob-store.js';
import { FS_TEMP_DIR, createFsBlobStore, fsWriteError } from './fs-blob-store.js';
import { createBlobStore } from './index.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ariadne-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describeBlobStoreContract('filesystem', () => createFsBlobStore(path.join(root, 'contract')));

describe('filesystem blob store', () => {
  let dir: string;
  let store: BlobStore;
  beforeAll(() => {
    dir = path.join(root, 'specific', 'blobs');
    store = createFsBlobStore(dir);
  });
  const tempFiles = () => readdir(path.join(dir, FS_TEMP_DIR));
  const modeOf = async (p: string) => (await stat(p)).mode & 0o777;

  it('keeps blob files at 0600 and its directories at 0700', async () => {
    await store.put('victim-42/statement.txt', Buffer.from('private'));
    const info = await store.putContentAddressed(Readable.from([Buffer.from('photo bytes')]));
    expect(await modeOf(path.join(dir, 'victim-42', 'statement.txt'))).toBe(0o600);
    expect(await modeOf(path.join(dir, ...info.key.split('/')))).toBe(0o600);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await modeOf(path.join(dir, 'victim-42'))).toBe(0o700);
    expect(await modeOf(path.join(dir, 'sha256', info.sha256.slice(0, 2)))).toBe(0o700);
    expect(await modeOf(path.join(dir, FS_TEMP_DIR))).toBe(0o700);
  });

  it('leaves no file under the key and no temp file when the stream fails midway', async () => {
    const big = Array.from({ length: 40 }, () => Buffer.alloc(64 * 1024, 9));
    await expect(store.put('half/blob', failingStream(big))).rejects.toMatchObject({
      code: 'blob_write_failed',
    });
    await expect(stat(path.join(dir, 'half', 'blob'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await tempFiles()).toEqual([]);
    await expect(store.putContentAddressed(failingStream(big))).rejects.toMatchObject({
      code: 'blob_write_failed',
    });
    expect(await tempFiles()).toEqual([]);
  });

  it('removes the temp file when the final rename fails, and says why', async () => {
    await store.put('clash/inner', Buffer.from('x'));
    // `clash` is now a folder on disk, so a blob cannot be renamed onto it.
    await expect(store.put('clash', Buffer.from('y'))).rejects.toMatchObject({
      code: 'blob_write_failed',
      message: expect.stringMatching(/clashes with another key/) as unknown,
    });
    expect(await tempFiles()).toEqual([]);
    expect((await store.get('clash/inner')).toString()).toBe('x');
  });

  it('does not rewrite content that is already stored', async () => {
    const data = Buffer.from('the same evidence twice');
    const first = await store.putContentAddressed(data);
    const file = path.join(dir, ...first.key.split('/'));
    const old = new Date('2020-01-01T00:00:00Z');
    await utimes(file, old, old);
    const before = await stat(file);
    await store.putContentAddressed(Readable.from([data]));
    await store.putContentAddressed(data);
    const after = await stat(file);
    expect(after.ino).toBe(before.ino);
    expect(after.mtimeMs).toBe(old.getTime());
    expect(await tempFiles()).toEqual([]);
  });

  it('lists neither temp files nor files that are not blobs', async () => {
    const own = createFsBlobStore(path.join(root, 'listing'));
    await own.put('x/one', Buffer.from('1'));
    await writeFile(path.join(root, 'listing', 'x', 'not a key'), 'stray');
    await writeFile(path.join(root, 'listing', FS_TEMP_DIR, 'pending.tmp'), 'half');
    expect(await collect(own.list(''))).toEqual(['x/one']);
  });

  it('lists in byte order of the full keys', async () => {
    const own = createFsBlobStore(path.join(root, 'ordered'));
    for (const key of ['a/b', 'ab', 'a.txt', 'a-c', 'a/a/z', 'A'])
      await own.put(key, Buffer.from(key));
    const listed: string[] = [];
    for await (const key of own.list('')) listed.push(key);
    expect(listed).toEqual(['A', 'a-c', 'a.txt', 'a/a/z', 'a/b', 'ab']);
  });

  it('sweeps temp files left by a crashed process, but not recent ones', async () => {
    const crashDir = path.join(root, 'crashed');
    await mkdir(path.join(crashDir, FS_TEMP_DIR), { recursive: true });
    const stale = path.join(crashDir, FS_TEMP_DIR, 'stale.tmp');
    const recent = path.join(crashDir, FS_TEMP_DIR, 'recent.tmp');
    await writeFile(stale, 'half a blob');
    await writeFile(recent, 'being written by another process');
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await utimes(stale, longAgo, longAgo);
    await createFsBlobStore(crashDir).put('k', Buffer.from('v'));
    expect(await readdir(path.join(crashDir, FS_TEMP_DIR))).toEqual(['recent.tmp']);
  });

  it('says plainly that the disk is full on ENOSPC', () => {
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), {
      code: 'ENOSPC',
      syscall: 'write',
    });
    const err = fsWriteError(enospc, 'captures/x.warc', '/var/lib/ariadne/blobs');
    expect(err.code).toBe('blob_write_failed');
    expect(err.message).toMatch(/disk holding \/var\/lib\/ariadne\/blobs is full/);
    expect(err.message).toContain('captures/x.warc');
    expect(err.cause).toBe(enospc);
    const other = fsWriteError(new Error('boom'), 'k', '/d');
    expect(other.message).not.toMatch(/full/);
  });

  it('refuses to start in a directory it cannot create', async () => {
    const file = path.join(root, 'a-file');
    await writeFile(file, 'not a directory');
    const broken = createFsBlobStore(path.join(file, 'blobs'));
    await expect(broken.put('k', Buffer.from('v'))).rejects.toMatchObject({
      code: 'blob_write_failed',
    });
  });

  it('is what createBlobStore gives for kind fs', async () => {
    const viaConfig = createBlobStore({ kind: 'fs', dir: path.join(root, 'via-config') });
    const info = await viaConfig.put('k', Buffer.from('v'));
    expect(info.sha256).toBe(sha256(Buffer.from('v')));
    expect((await stat(path.join(root, 'via-config', 'k'))).isFile()).toBe(true);
  });
});
