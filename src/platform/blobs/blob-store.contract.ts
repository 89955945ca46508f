// The behaviour every BlobStore must show, as one Vitest suite that each store's test file runs
// against its own store, so the filesystem and S3 stores cannot drift apart.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLOB_KEY_LENGTH, MAX_BLOB_KEY_SEGMENT_LENGTH } from './blob-store.js';
import type { BlobStore } from './blob-store.js';

export const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

const byteOrder = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** All keys of a listing, sorted, since stores do not promise an order. */
export async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const item of iterable) out.push(item);
  return out.sort(byteOrder);
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** A stream that hands out `chunks` and then fails, as a dropped upload connection would. */
export function failingStream(chunks: Buffer[], message = 'connection reset by client'): Readable {
  return Readable.from(
    (async function* () {
      for (const chunk of chunks) yield chunk;
      await new Promise((resolve) => setTimeout(resolve, 5));
      throw new Error(message);
    })(),
  );
}

/** `size` bytes of random data in 64 KiB chunks, hashed as generated, never held whole. */
export function generatedStream(size: number): { stream: Readable; digest: () => string } {
  const hash = createHash('sha256');
  const stream = Readable.from(
    (function* () {
      for (let sent = 0; sent < size;) {
        const chunk = randomBytes(Math.min(64 * 1024, size - sent));
        hash.update(chunk);
        sent += chunk.length;
        yield chunk;
      }
    })(),
  );
  return { stream, digest: () => hash.digest('hex') };
}

const BAD_KEYS: [string, string][] = [
  ['parent segment', '../x'],
  ['inner parent segment', 'a/../b'],
  ['absolute', '/abs'],
  ['empty', ''],
  ['too long', 'x'.repeat(MAX_BLOB_KEY_LENGTH + 1)],
  ['segment too long', `a/${'x'.repeat(MAX_BLOB_KEY_SEGMENT_LENGTH + 1)}`],
  ['empty segment', 'a//b'],
  ['dot segment', 'a/./b'],
  ['trailing slash', 'a/'],
  ['space', 'a b'],
  ['non-ascii', 'caf\u00e9'],
  ['backslash', 'a\\b'],
  ['temp area', '~tmp/x'],
];

export function describeBlobStoreContract(name: string, getStore: () => BlobStore): void {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    // Each test works under its own prefix so that listings see only their own keys.
    let ns: string;
    beforeAll(() => {
      store = getStore();
    });
    const fresh = () => (ns = `t-${randomUUID()}`);

    it('round-trips a buffer and reports size and sha256', async () => {
      fresh();
      const data = Buffer.from('evidence: screenshot bytes \u0000\u00ff');
      const info = await store.put(`${ns}/a.bin`, data, {
        contentType: 'application/octet-stream',
      });
      expect(info).toEqual({ key: `${ns}/a.bin`, size: data.length, sha256: sha256(data) });
      expect(await store.get(`${ns}/a.bin`)).toEqual(data);
    });

    it('accepts a plain Uint8Array and an empty blob', async () => {
      fresh();
      const bytes = new Uint8Array([1, 2, 3, 4, 5]).subarray(1, 4);
      const info = await store.put(`${ns}/u8`, bytes);
      expect(info.size).toBe(3);
      expect([...(await store.get(`${ns}/u8`))]).toEqual([2, 3, 4]);
      const empty = await store.put(`${ns}/empty`, Buffer.alloc(0));
      expect(empty.sha256).toBe(sha256(Buffer.alloc(0)));
      expect((await store.get(`${ns}/empty`)).length).toBe(0);
      expect(await store.stat(`${ns}/empty`)).toEqual({ size: 0 });
    });

    it('overwrites an existing key', async () => {
      fresh();
      await store.put(`${ns}/k`, Buffer.from('first version'));
      await store.put(`${ns}/k`, Buffer.from('second'));
      expect((await store.get(`${ns}/k`)).toString()).toBe('second');
      expect(await store.stat(`${ns}/k`)).toEqual({ size: 6 });
    });

    it('stores a stream of mixed chunks and streams it back', async () => {
      fresh();
      const parts = [Buffer.from('WARC/1.1\r\n'), 'WARC-Type: response\r\n', Buffer.from('\r\n')];
      const whole = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
      const info = await store.put(`${ns}/capture.warc`, Readable.from(parts));
      expect(info).toEqual({
        key: `${ns}/capture.warc`,
        size: whole.length,
        sha256: sha256(whole),
      });
      expect(await readAll(await store.stream(`${ns}/capture.warc`))).toEqual(whole);
    });

    it('streams byte ranges with an inclusive end, clipped to the blob', async () => {
      fresh();
      const key = `${ns}/digits`;
      await store.put(key, Buffer.from('0123456789'));
      const range = async (start: number, end?: number) =>
        (await readAll(await store.stream(key, { start, end }))).toString();
      expect(await range(2, 5)).toBe('2345');
      expect(await range(0, 0)).toBe('0');
      expect(await range(7)).toBe('789');
      expect(await range(9, 9)).toBe('9');
      expect(await range(8, 100)).toBe('89');
      expect(await range(10)).toBe('');
      expect(await range(50, 60)).toBe('');
      await expect(store.stream(key, { start: 5, end: 4 })).rejects.toThrow(RangeError);
      await expect(store.stream(key, { start: -1 })).rejects.toThrow(RangeError);
      await expect(store.stream(key, { start: 1.5 })).rejects.toThrow(RangeError);
      await expect(store.stream(`${ns}/missing`, { start: 50 })).rejects.toMatchObject({
        code: 'blob_not_found',
      });
    });

    it('stores content once under its sha256 key, from a buffer or a stream', async () => {
      const data = Buffer.from(`unique content ${randomUUID()}`);
      const hex = sha256(data);
      const key = `sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`;
      const first = await store.putContentAddressed(data, { contentType: 'text/plain' });
      expect(first).toEqual({ key, size: data.length, sha256: hex });
      const again = await store.putContentAddressed(
        Readable.from([data.subarray(0, 5), data.subarray(5)]),
      );
      expect(again).toEqual(first);
      const third = await store.putContentAddressed(new Uint8Array(data));
      expect(third).toEqual(first);
      expect(await store.get(key)).toEqual(data);
      expect(
        await collect(store.list(`sha256/${hex.slice(0, 2)}/${hex.slice(2, 4)}/${hex}`)),
      ).toEqual([key]);
    });

    it('stores different content under different content keys', async () => {
      const a = await store.putContentAddressed(Buffer.from(`a ${randomUUID()}`));
      const b = await store.putContentAddressed(Readable.from([Buffer.from(`b ${randomUUID()}`)]));
      expect(a.key).not.toBe(b.key);
      expect(a.key).toMatch(/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/);
      expect(await store.exists(a.key)).toBe(true);
      expect(await store.exists(b.key)).toBe(true);
    });

    it('answers exists and stat, and deletes (missing keys included)', async () => {
      fresh();
      const key = `${ns}/doc.pdf`;
      expect(await store.exists(key)).toBe(false);
      expect(await store.stat(key)).toBeNull();
      await store.put(key, Buffer.alloc(1234, 7));
      expect(await store.exists(key)).toBe(true);
      expect(await store.stat(key)).toEqual({ size: 1234 });
      await store.delete(key);
      expect(await store.exists(key)).toBe(false);
      expect(await store.stat(key)).toBeNull();
      await expect(store.get(key)).rejects.toMatchObject({ code: 'blob_not_found' });
      await expect(store.delete(key)).resolves.toBeUndefined();
      await expect(store.delete(`${ns}/never/was/here`)).resolves.toBeUndefined();
    });

    it('treats a "folder" of keys as no blob', async () => {
      fresh();
      await store.put(`${ns}/dir/file`, Buffer.from('x'));
      expect(await store.exists(`${ns}/dir`)).toBe(false);
      expect(await store.stat(`${ns}/dir`)).toBeNull();
      await expect(store.get(`${ns}/dir`)).rejects.toMatchObject({ code: 'blob_not_found' });
      await expect(store.stream(`${ns}/dir`)).rejects.toMatchObject({ code: 'blob_not_found' });
      await store.delete(`${ns}/dir`);
      expect(await store.exists(`${ns}/dir/file`)).toBe(true);
    });

    it('lists the keys under a string prefix', async () => {
      fresh();
      const keys = [
        `${ns}/a/b`,
        `${ns}/a.txt`,
        `${ns}/a-c`,
        `${ns}/b/c/d`,
        `${ns}/b/c2`,
        `${ns}/ab`,
      ];
      for (const key of keys) await store.put(key, Buffer.from(key));
      const sorted = [...keys].sort(byteOrder);
      expect(await collect(store.list(`${ns}/`))).toEqual(sorted);
      expect(await collect(store.list(ns))).toEqual(sorted);
      expect(await collect(store.list(`${ns}/a`))).toEqual(
        sorted.filter((k) => k.startsWith(`${ns}/a`)),
      );
      expect(await collect(store.list(`${ns}/b/c`))).toEqual([`${ns}/b/c/d`, `${ns}/b/c2`]);
      expect(await collect(store.list(`${ns}/b/c/`))).toEqual([`${ns}/b/c/d`]);
      expect(await collect(store.list(`${ns}/zzz`))).toEqual([]);
      expect(await collect(store.list(`${ns}-nothing/`))).toEqual([]);
      const all = await collect(store.list(''));
      expect(all).toEqual(expect.arrayContaining(keys));
      await store.delete(`${ns}/a.txt`);
      expect(await collect(store.list(`${ns}/a`))).not.toContain(`${ns}/a.txt`);
    });

    it('accepts a key of exactly the maximum length', async () => {
      fresh();
      const segment = 'k'.repeat(MAX_BLOB_KEY_SEGMENT_LENGTH);
      const key = `${ns}/${segment}/${'k'.repeat(MAX_BLOB_KEY_LENGTH - ns.length - segment.length - 2)}`;
      expect(key.length).toBe(MAX_BLOB_KEY_LENGTH);
      await store.put(key, Buffer.from('long'));
      expect((await store.get(key)).toString()).toBe('long');
    });

    it.each(BAD_KEYS)('refuses an invalid key (%s) on every operation', async (_label, key) => {
      const invalid = { code: 'invalid_blob_key' };
      await expect(store.put(key, Buffer.from('x'))).rejects.toMatchObject(invalid);
      await expect(store.put(key, Readable.from([Buffer.from('x')]))).rejects.toMatchObject(
        invalid,
      );
      await expect(store.get(key)).rejects.toMatchObject(invalid);
      await expect(store.stream(key)).rejects.toMatchObject(invalid);
      await expect(store.delete(key)).rejects.toMatchObject(invalid);
      await expect(store.exists(key)).rejects.toMatchObject(invalid);
      await expect(store.stat(key)).rejects.toMatchObject(invalid);
    });

    it('refuses an invalid list prefix', async () => {
      for (const prefix of ['../', '/abs', 'a//', 'a b', 'x'.repeat(MAX_BLOB_KEY_LENGTH + 1)]) {
        await expect(collect(store.list(prefix))).rejects.toMatchObject({
          code: 'invalid_blob_key',
        });
      }
    });

    it('reports a missing key as blob_not_found', async () => {
      fresh();
      await expect(store.get(`${ns}/nope`)).rejects.toMatchObject({
        name: 'BlobError',
        code: 'blob_not_found',
      });
      await expect(store.stream(`${ns}/nope`)).rejects.toMatchObject({ code: 'blob_not_found' });
      await expect(store.get(`${ns}/nope`)).rejects.toThrow(/nope/);
    });

    it('stores a 20 MB stream with the right sha256, and streams it back', async () => {
      fresh();
      const size = 20 * 1024 * 1024;
      const source = generatedStream(size);
      const info = await store.put(`${ns}/big.warc`, source.stream);
      const expected = source.digest();
      expect(info).toEqual({ key: `${ns}/big.warc`, size, sha256: expected });
      expect(await store.stat(`${ns}/big.warc`)).toEqual({ size });
      const back = createHash('sha256');
      let length = 0;
      for await (const chunk of (await store.stream(`${ns}/big.warc`)) as AsyncIterable<Buffer>) {
        back.update(chunk);
        length += chunk.length;
      }
      expect(length).toBe(size);
      expect(back.digest('hex')).toBe(expected);
      const tail = await readAll(await store.stream(`${ns}/big.warc`, { start: size - 10 }));
      expect(tail.length).toBe(10);
    });

    it('leaves neither a new nor a damaged blob when the data stream fails', async () => {
      fresh();
      const key = `${ns}/upload`;
      await expect(
        store.put(key, failingStream([Buffer.alloc(100_000, 1)], 'client went away')),
      ).rejects.toMatchObject({
        code: 'blob_write_failed',
        message: expect.stringMatching(/client went away/) as unknown,
      });
      expect(await store.exists(key)).toBe(false);
      await store.put(key, Buffer.from('good copy'));
      await expect(store.put(key, failingStream([Buffer.alloc(10, 2)]))).rejects.toMatchObject({
        code: 'blob_write_failed',
      });
      expect((await store.get(key)).toString()).toBe('good copy');
      await expect(
        store.putContentAddressed(failingStream([Buffer.alloc(10, 3)])),
      ).rejects.toMatchObject({ code: 'blob_write_failed' });
      expect(await collect(store.list(`${ns}/`))).toEqual([key]);
    });
  });
}
