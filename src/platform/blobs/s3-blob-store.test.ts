// The S3 store against a real S3-compatible server (s3rver) on 127.0.0.1, started here: the
// shared contract, plus the hash in object metadata, no stray temp objects, no rewrite of stored
// content, and clear errors when the service is down or misconfigured.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import S3rver from '@20minutes/s3rver';
import { HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeBlobStoreContract, failingStream, sha256 } from './blob-store.contract.js';
import type { BlobStore } from './blob-store.js';
import { createBlobStore } from './index.js';
import { createS3BlobStore } from './s3-blob-store.js';

const BUCKET = 'ariadne-test';
// s3rver's built-in account.
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

let server: S3rver;
let serverDir: string;
let endpoint: string;
const created: string[] = [];

const storeFor = (overrides: Partial<Parameters<typeof createS3BlobStore>[0]> = {}): BlobStore =>
  createS3BlobStore({
    bucket: BUCKET,
    region: 'us-east-1',
    endpoint,
    ...CREDENTIALS,
    forcePathStyle: true,
    ...overrides,
  });

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  serverDir = await mkdtemp(path.join(os.tmpdir(), 'ariadne-s3rver-'));
  server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: serverDir,
    // s3rver signs bucket-level requests (ListObjectsV2) over `/bucket` where current AWS SDKs sign
    // `/bucket/`, so those would always fail. Unknown access keys are still refused.
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: BUCKET }],
  });
  server.on('event', (event) => {
    for (const record of event.Records) {
      if (record.eventName.startsWith('ObjectCreated')) created.push(record.s3.object.key);
    }
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await server.close();
  await rm(serverDir, { recursive: true, force: true });
});

describeBlobStoreContract('S3 (s3rver)', () => storeFor());

describe('S3 blob store', () => {
  let store: BlobStore;
  let raw: S3Client;
  beforeAll(() => {
    store = storeFor();
    raw = new S3Client({
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: CREDENTIALS,
    });
  });
  afterAll(() => raw.destroy());

  const metadataOf = async (key: string) =>
    (await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).Metadata;
  const allObjectKeys = async () =>
    ((await raw.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map(
      (o) => o.Key,
    );

  it('keeps the sha256 in the object metadata, for buffers and streams', async () => {
    const data = Buffer.from('statement of the person, page 1');
    await store.put('meta/buffer', data, { contentType: 'text/plain' });
    await store.put('meta/stream', Readable.from([data.subarray(0, 4), data.subarray(4)]), {
      contentType: 'text/plain',
    });
    const ca = await store.putContentAddressed(Readable.from([data, data]));
    expect(await metadataOf('meta/buffer')).toEqual({ sha256: sha256(data) });
    expect(await metadataOf('meta/stream')).toEqual({ sha256: sha256(data) });
    expect(await metadataOf(ca.key)).toEqual({ sha256: sha256(Buffer.concat([data, data])) });
    const head = await raw.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'meta/stream' }));
    expect(head.ContentType).toBe('text/plain');
  });

  it('leaves no temporary objects behind, after success or failure', async () => {
    await store.put('temp/ok', Readable.from([Buffer.from('ok')]));
    await expect(
      store.put('temp/failed', failingStream([Buffer.alloc(1000)])),
    ).rejects.toMatchObject({ code: 'blob_write_failed' });
    await expect(
      store.putContentAddressed(failingStream([Buffer.alloc(1000)])),
    ).rejects.toMatchObject({ code: 'blob_write_failed' });
    const keys = await allObjectKeys();
    expect(keys).toContain('temp/ok');
    expect(keys).not.toContain('temp/failed');
    expect(keys.filter((k) => k?.startsWith('~'))).toEqual([]);
  });

  it('does not write content that is already stored again', async () => {
    const data = Buffer.from(`dedupe me ${Date.now()}`);
    const first = await store.putContentAddressed(data);
    const writesBefore = created.filter((k) => k === first.key).length;
    expect(writesBefore).toBe(1);
    await store.putContentAddressed(data);
    await store.putContentAddressed(Readable.from([data]));
    expect(created.filter((k) => k === first.key).length).toBe(1);
  });

  it('skips objects whose names are not blob keys when listing', async () => {
    const { PutObjectCommand } = await import('@aws-sdk/client-s3');
    await raw.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'foreign/has space', Body: 'x' }));
    await store.put('foreign/ok', Buffer.from('y'));
    const listed: string[] = [];
    for await (const key of store.list('foreign/')) listed.push(key);
    expect(listed).toEqual(['foreign/ok']);
  });

  it('reports a missing bucket as blob_store_unavailable', async () => {
    const noBucket = storeFor({ bucket: 'no-such-bucket' });
    await expect(noBucket.put('k', Buffer.from('v'))).rejects.toMatchObject({
      code: 'blob_store_unavailable',
      message: expect.stringMatching(/bucket does not exist/) as unknown,
    });
    await expect(noBucket.get('k')).rejects.toMatchObject({ code: 'blob_store_unavailable' });
  });

  it('reports wrong credentials as blob_store_unavailable', async () => {
    const wrong = storeFor({ accessKeyId: 'NOBODY', secretAccessKey: 'wrong' });
    await expect(wrong.put('k', Buffer.from('v'))).rejects.toMatchObject({
      code: 'blob_store_unavailable',
    });
    await expect(wrong.get('k')).rejects.toMatchObject({
      code: 'blob_store_unavailable',
      message: expect.stringMatching(/credentials/) as unknown,
    });
  });

  it('refuses a half-given key pair or a bad endpoint at construction', () => {
    expect(() => storeFor({ secretAccessKey: undefined })).toThrow(/together/);
    expect(() => storeFor({ endpoint: 'not a url' })).toThrow(/endpoint/);
  });

  it('is what createBlobStore gives for kind s3', async () => {
    const viaConfig = createBlobStore({
      kind: 's3',
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint,
      ...CREDENTIALS,
      forcePathStyle: true,
    });
    await viaConfig.put('via-config/k', Buffer.from('v'));
    expect((await store.get('via-config/k')).toString()).toBe('v');
  });
});

describe('S3 blob store with the service down', () => {
  let down: BlobStore;
  let downEndpoint: string;
  beforeAll(async () => {
    downEndpoint = `http://127.0.0.1:${await closedPort()}`;
    down = createS3BlobStore({
      bucket: BUCKET,
      region: 'us-east-1',
      endpoint: downEndpoint,
      ...CREDENTIALS,
      forcePathStyle: true,
    });
  });

  const unavailable = () => ({
    name: 'BlobError',
    code: 'blob_store_unavailable',
    message: expect.stringContaining(`${downEndpoint} is unreachable (ECONNREFUSED)`) as unknown,
  });

  it('fails reads with blob_store_unavailable and a clear message', async () => {
    await expect(down.get('k')).rejects.toMatchObject(unavailable());
    await expect(down.stream('k', { start: 0, end: 1 })).rejects.toMatchObject(unavailable());
    await expect(down.exists('k')).rejects.toMatchObject(unavailable());
    await expect(down.stat('k')).rejects.toMatchObject(unavailable());
    const listing = async () => {
      for await (const _key of down.list('')) {
        // nothing is expected
      }
    };
    await expect(listing()).rejects.toMatchObject(unavailable());
  });

  it('fails writes with blob_store_unavailable, not as a bad blob', async () => {
    await expect(down.put('k', Buffer.from('v'))).rejects.toMatchObject(unavailable());
    await expect(down.put('k', Readable.from([Buffer.from('v')]))).rejects.toMatchObject(
      unavailable(),
    );
    await expect(down.putContentAddressed(Buffer.from('v'))).rejects.toMatchObject(unavailable());
    await expect(down.delete('k')).rejects.toMatchObject(unavailable());
  });
});
