// Blob store on the local filesystem, for embedded mode and single-server installs.
// Blobs hold evidence about victims: directories are 0700 and files 0600, and a write never leaves
// a half-written blob under its key. Each blob is written to a temp file under `~tmp/` in the same
// tree (so the final rename stays on one filesystem and is atomic), fsynced, then renamed into
// place. `~` cannot occur in a key, so temp files can never collide with a blob or show in list().
//
// One limit S3 does not have: a key cannot be both a blob and a "folder" of other keys (`a` and
// `a/b`), because on disk `a` would have to be a file and a directory at once; such a put fails
// with blob_write_failed.
import { randomUUID } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import {
  BlobError,
  HashingCounter,
  SourceStreamError,
  blobNotFound,
  contentAddressedKey,
  readChunks,
  validateBlobKey,
  validateBlobPrefix,
  validateBlobRange,
} from './blob-store.js';
import type { BlobData, BlobInfo, BlobRange, BlobStore, PutOptions } from './blob-store.js';

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
export const FS_TEMP_DIR = '~tmp';
// A temp file this old belongs to a write that died with its process (a crash, a kill -9).
const STALE_TEMP_MS = 24 * 60 * 60 * 1000;
const SEGMENT = /^[A-Za-z0-9._-]+$/;

const errnoOf = (err: unknown): string | undefined =>
  err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : undefined;

// A path that is missing, or is a directory rather than a blob, holds no blob.
const isMissing = (err: unknown): boolean =>
  ['ENOENT', 'ENOTDIR', 'EISDIR'].includes(errnoOf(err) ?? '');

/** Turns a failed write into the error callers see; ENOSPC and EDQUOT say plainly what is wrong. */
export function fsWriteError(err: unknown, key: string | undefined, dir: string): BlobError {
  const what = key === undefined ? 'the blob' : `blob "${key}"`;
  if (err instanceof BlobError) return err;
  if (err instanceof SourceStreamError) {
    return new BlobError('blob_write_failed', `could not store ${what}: ${err.message}`, {
      cause: err,
    });
  }
  const code = errnoOf(err) ?? 'unknown';
  const detail = err instanceof Error ? err.message : String(err);
  let message: string;
  switch (code) {
    case 'ENOSPC':
      message = `could not store ${what}: the disk holding ${dir} is full (ENOSPC); free space or move the blob directory`;
      break;
    case 'EDQUOT':
      message = `could not store ${what}: the disk quota for ${dir} is exhausted (EDQUOT)`;
      break;
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      message = `could not store ${what}: ${dir} is not writable (${code})`;
      break;
    case 'EISDIR':
    case 'ENOTDIR':
    case 'EEXIST':
      message = `could not store ${what}: the key clashes with another key used as a folder (${code})`;
      break;
    default:
      message = `could not store ${what}: ${detail}`;
  }
  return new BlobError('blob_write_failed', message, { cause: err });
}

function readError(err: unknown, key: string, dir: string): BlobError {
  if (isMissing(err)) return blobNotFound(key);
  const detail = err instanceof Error ? err.message : String(err);
  return new BlobError('blob_store_unavailable', `could not read blobs in ${dir}: ${detail}`, {
    cause: err,
  });
}

async function writeFully(fh: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await fh.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
}

// Without this a power cut after rename can still lose the new directory entry on some
// filesystems. Not every platform can fsync a directory, hence best effort.
async function syncDir(dir: string): Promise<void> {
  let fh: FileHandle | undefined;
  try {
    fh = await open(dir, 'r');
    await fh.sync();
  } catch {
    // best effort
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

export function createFsBlobStore(dir: string): BlobStore {
  const root = path.resolve(dir);
  const tempDir = path.join(root, FS_TEMP_DIR);
  const pathOf = (key: string): string => path.join(root, ...key.split('/'));
  let ready: Promise<void> | undefined;

  const ensureReady = (): Promise<void> => {
    ready ??= (async () => {
      await mkdir(tempDir, { recursive: true, mode: DIR_MODE });
      await sweepStaleTemps();
    })().catch((err: unknown) => {
      ready = undefined;
      throw fsWriteError(err, undefined, root);
    });
    return ready;
  };

  async function sweepStaleTemps(): Promise<void> {
    const now = Date.now();
    for (const name of await readdir(tempDir).catch(() => [] as string[])) {
      const file = path.join(tempDir, name);
      const info = await stat(file).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_TEMP_MS) await rm(file, { force: true });
    }
  }

  /** Writes the data to a fresh temp file; on any failure the temp file is gone again. */
  async function writeTemp(
    data: BlobData,
    key: string | undefined,
  ): Promise<{ tempPath: string; size: number; sha256: string }> {
    await ensureReady();
    const tempPath = path.join(tempDir, `${randomUUID()}.tmp`);
    let fh: FileHandle | undefined;
    try {
      fh = await open(tempPath, 'wx', FILE_MODE);
      const counter = new HashingCounter();
      for await (const chunk of counter.tap(readChunks(data))) {
        await writeFully(fh, chunk);
      }
      await fh.sync();
      await fh.close();
      fh = undefined;
      return { tempPath, size: counter.size, sha256: counter.digest() };
    } catch (err) {
      await fh?.close().catch(() => undefined);
      await rm(tempPath, { force: true }).catch(() => undefined);
      throw fsWriteError(err, key, root);
    }
  }

  async function moveIntoPlace(tempPath: string, key: string): Promise<void> {
    const target = pathOf(key);
    try {
      await mkdir(path.dirname(target), { recursive: true, mode: DIR_MODE });
      await rename(tempPath, target);
    } catch (err) {
      await rm(tempPath, { force: true }).catch(() => undefined);
      throw fsWriteError(err, key, root);
    }
    await syncDir(path.dirname(target));
  }

  async function statKey(key: string): Promise<{ size: number } | null> {
    try {
      const info = await stat(pathOf(key));
      return info.isFile() ? { size: info.size } : null;
    } catch (err) {
      if (isMissing(err)) return null;
      throw readError(err, key, root);
    }
  }

  async function* walk(dirKey: string, prefix: string): AsyncGenerator<string, void, undefined> {
    let entries: Dirent[];
    try {
      entries = await readdir(dirKey === '' ? root : pathOf(dirKey), { withFileTypes: true });
    } catch (err) {
      if (isMissing(err)) return;
      throw readError(err, dirKey, root);
    }
    // Not promised by BlobStore, but deterministic listings make exports reproducible: sorting
    // each directory by name with a trailing `/` on folders makes a depth-first walk come out in
    // plain byte order of the full keys, the order AWS S3 lists in.
    const named = entries
      .filter((e) => SEGMENT.test(e.name) && (e.isFile() || e.isDirectory()))
      .map((e) => ({ entry: e, sortName: e.isDirectory() ? `${e.name}/` : e.name }))
      .sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
    for (const { entry } of named) {
      const key = dirKey === '' ? entry.name : `${dirKey}/${entry.name}`;
      if (entry.isDirectory()) {
        const folder = `${key}/`;
        if (folder.startsWith(prefix) || prefix.startsWith(folder)) yield* walk(key, prefix);
      } else if (key.startsWith(prefix)) {
        yield key;
      }
    }
  }

  return {
    async put(key: string, data: BlobData, _opts?: PutOptions): Promise<BlobInfo> {
      validateBlobKey(key);
      const written = await writeTemp(data, key);
      await moveIntoPlace(written.tempPath, key);
      return { key, size: written.size, sha256: written.sha256 };
    },

    async putContentAddressed(data: BlobData, _opts?: PutOptions): Promise<BlobInfo> {
      // The hash decides the key, so even a buffer goes through the temp file: one code path, and
      // the bytes are on disk before we decide whether they were already there.
      const written = await writeTemp(data, undefined);
      const key = contentAddressedKey(written.sha256);
      if ((await statKey(key).catch(() => null)) !== null) {
        await rm(written.tempPath, { force: true });
      } else {
        await moveIntoPlace(written.tempPath, key);
      }
      return { key, size: written.size, sha256: written.sha256 };
    },

    async get(key: string): Promise<Buffer> {
      validateBlobKey(key);
      try {
        return await readFile(pathOf(key));
      } catch (err) {
        throw readError(err, key, root);
      }
    },

    async stream(key: string, range?: BlobRange): Promise<Readable> {
      validateBlobKey(key);
      const window = validateBlobRange(range);
      let fh: FileHandle | undefined;
      try {
        fh = await open(pathOf(key), 'r');
        // Opening a directory for reading succeeds on Linux; it is still not a blob.
        if (!(await fh.stat()).isFile())
          throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      } catch (err) {
        await fh?.close().catch(() => undefined);
        throw readError(err, key, root);
      }
      return fh.createReadStream({
        start: window?.start ?? 0,
        end: window?.end ?? Infinity,
        autoClose: true,
      });
    },

    async delete(key: string): Promise<void> {
      validateBlobKey(key);
      try {
        await unlink(pathOf(key));
      } catch (err) {
        if (isMissing(err) || errnoOf(err) === 'EPERM') {
          // EPERM: unlink on a directory (macOS); a directory is no blob, so nothing to delete.
          if ((await statKey(key)) === null) return;
        }
        throw fsWriteError(err, key, root);
      }
    },

    async exists(key: string): Promise<boolean> {
      validateBlobKey(key);
      return (await statKey(key)) !== null;
    },

    async *list(prefix: string): AsyncGenerator<string, void, undefined> {
      validateBlobPrefix(prefix);
      const slash = prefix.lastIndexOf('/');
      yield* walk(slash === -1 ? '' : prefix.slice(0, slash), prefix);
    },

    async stat(key: string): Promise<{ size: number } | null> {
      validateBlobKey(key);
      return statKey(key);
    },
  };
}
