// Blob store on S3 or an S3-compatible service (MinIO, Garage, Ceph…), for installs with several
// servers or without a durable local disk.
//
// Every object carries its sha256 in its metadata (`x-amz-meta-sha256`) so integrity can be checked
// against the store alone. For a stream the hash is only known at the end, and S3 metadata is fixed
// when an upload starts, so streams go to a temporary key under `~tmp/` first and are then copied
// server-side to their key with the hash attached. That also means the real key never shows a
// failed upload. (`~` cannot occur in a key, so temp objects never clash with blobs and list()
// skips them; a bucket lifecycle rule on `~tmp/` can expire ones left by a crash.) AWS limits a
// single CopyObject to 5 GB, so a streamed blob above that fails with blob_write_failed; a
// multipart copy would lift the limit if such blobs are ever needed.
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { z } from 'zod';
import {
  BlobError,
  HashingCounter,
  SourceStreamError,
  blobNotFound,
  contentAddressedKey,
  isBlobKey,
  readChunks,
  sha256Hex,
  toBuffer,
  validateBlobKey,
  validateBlobPrefix,
  validateBlobRange,
} from './blob-store.js';
import type { BlobData, BlobInfo, BlobRange, BlobStore, PutOptions } from './blob-store.js';

export const S3BlobStoreOptions = z
  .object({
    bucket: z.string().min(3),
    region: z.string().min(1),
    endpoint: z.url().optional(),
    accessKeyId: z.string().min(1).optional(),
    secretAccessKey: z.string().min(1).optional(),
    forcePathStyle: z.boolean(),
  })
  .refine(
    (o) => (o.accessKeyId === undefined) === (o.secretAccessKey === undefined),
    'accessKeyId and secretAccessKey must be given together',
  );
export type S3BlobStoreOptions = z.input<typeof S3BlobStoreOptions>;

const S3_TEMP_PREFIX = '~tmp/';
// Parts are held in memory while they upload: 8 MiB × 2 in flight bounds a stream's footprint.
const PART_SIZE = 8 * 1024 * 1024;
const QUEUE_SIZE = 2;

const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
]);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

const shapeOf = (err: unknown): SdkErrorShape =>
  typeof err === 'object' && err !== null ? err : {};
const statusOf = (err: unknown): number | undefined => {
  const status = shapeOf(err).$metadata?.httpStatusCode;
  return typeof status === 'number' ? status : undefined;
};
const nameOf = (err: unknown): string => {
  const name = shapeOf(err).name;
  return typeof name === 'string' ? name : '';
};
const isNotFound = (err: unknown): boolean =>
  nameOf(err) !== 'NoSuchBucket' &&
  (['NoSuchKey', 'NotFound'].includes(nameOf(err)) || statusOf(err) === 404);

/**
 * An HTTP server may answer a range request with more than was asked (the whole object, or a
 * wider range), and some S3-compatible services do; Content-Range says what came, and the surplus
 * is cut off here so that callers always get exactly their window.
 */
function fitToWindow(
  body: Readable,
  contentRange: string | undefined,
  window: BlobRange,
): Readable {
  const served = /^bytes (\d+)-(\d+)\/(?:\d+|\*)$/.exec(contentRange ?? '');
  const servedStart = served ? Number(served[1]) : 0;
  const servedEnd = served ? Number(served[2]) : Infinity;
  const skip = window.start - servedStart;
  const wantedEnd = window.end ?? Infinity;
  if (skip === 0 && servedEnd <= wantedEnd) return body;
  if (skip < 0) {
    body.destroy();
    throw new Error(`the server sent bytes from ${servedStart}, not from ${window.start}`);
  }
  return Readable.from(
    (async function* () {
      let toSkip = skip;
      let left = wantedEnd - window.start + 1;
      for await (const chunk of body as AsyncIterable<Buffer>) {
        const dropped = Math.min(toSkip, chunk.length);
        toSkip -= dropped;
        const part = chunk.subarray(dropped, dropped + Math.min(left, chunk.length - dropped));
        left -= part.length;
        if (part.length > 0) yield part;
        if (left <= 0) break;
      }
    })(),
  );
}

export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const parsed = S3BlobStoreOptions.safeParse(options);
  if (!parsed.success) {
    throw new BlobError(
      'blob_store_unavailable',
      `S3 blob store misconfigured: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const opts = parsed.data;
  const Bucket = opts.bucket;
  const where = `S3 bucket "${Bucket}" at ${opts.endpoint ?? `AWS (${opts.region})`}`;

  const client = new S3Client({
    region: opts.region,
    endpoint: opts.endpoint,
    forcePathStyle: opts.forcePathStyle,
    // Without explicit keys the SDK's default chain applies (environment, profile, instance role).
    credentials:
      opts.accessKeyId !== undefined && opts.secretAccessKey !== undefined
        ? { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey }
        : undefined,
    // The SDK's default CRC32 trailers (aws-chunked uploads) are refused by several S3-compatible
    // services; integrity is covered by our own sha256, so checksums are sent only where required.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: 10_000, socketTimeout: 120_000 },
  });

  /** Maps an SDK failure to the store's error codes; `write` picks the code for other failures. */
  function s3Error(err: unknown, key: string | undefined, op: 'read' | 'write'): BlobError {
    if (err instanceof BlobError) return err;
    const what = key === undefined ? 'the blob' : `blob "${key}"`;
    if (err instanceof SourceStreamError) {
      return new BlobError('blob_write_failed', `could not store ${what}: ${err.message}`, {
        cause: err,
      });
    }
    const shape = shapeOf(err);
    const code = typeof shape.code === 'string' ? shape.code : undefined;
    const name = nameOf(err);
    const status = statusOf(err);
    const detail = err instanceof Error ? err.message || name : String(err);
    if (
      (code !== undefined && CONNECTION_CODES.has(code)) ||
      name === 'TimeoutError' ||
      name === 'RequestTimeout'
    ) {
      return new BlobError(
        'blob_store_unavailable',
        `${where} is unreachable (${code ?? name}); is the service running and the endpoint right?`,
        { cause: err },
      );
    }
    if (name === 'NoSuchBucket') {
      return new BlobError('blob_store_unavailable', `${where}: the bucket does not exist`, {
        cause: err,
      });
    }
    if (
      status === 401 ||
      status === 403 ||
      ['AccessDenied', 'InvalidAccessKeyId', 'SignatureDoesNotMatch'].includes(name)
    ) {
      return new BlobError(
        'blob_store_unavailable',
        `${where} refused access (${name || status}); check the S3 credentials`,
        { cause: err },
      );
    }
    if (status !== undefined && status >= 500) {
      return new BlobError('blob_store_unavailable', `${where} failed (${status}): ${detail}`, {
        cause: err,
      });
    }
    return op === 'write'
      ? new BlobError('blob_write_failed', `could not store ${what} in ${where}: ${detail}`, {
          cause: err,
        })
      : new BlobError('blob_store_unavailable', `could not read ${what} from ${where}: ${detail}`, {
          cause: err,
        });
  }

  async function head(key: string): Promise<{ size: number } | null> {
    try {
      const res = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
      return { size: res.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw s3Error(err, key, 'read');
    }
  }

  async function putBuffer(key: string, body: Buffer, sha256: string, opts?: PutOptions) {
    try {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: key,
          Body: body,
          ContentLength: body.length,
          ContentType: opts?.contentType,
          Metadata: { sha256 },
        }),
      );
    } catch (err) {
      throw s3Error(err, key, 'write');
    }
  }

  async function removeQuietly(key: string): Promise<void> {
    await client.send(new DeleteObjectCommand({ Bucket, Key: key })).catch(() => undefined);
  }

  /** Uploads a stream to a fresh temp key while hashing it; the caller must remove the temp key. */
  async function uploadTemp(data: BlobData, key: string | undefined, opts?: PutOptions) {
    const tempKey = `${S3_TEMP_PREFIX}${randomUUID()}`;
    const counter = new HashingCounter();
    const upload = new Upload({
      client,
      params: {
        Bucket,
        Key: tempKey,
        Body: Readable.from(counter.tap(readChunks(data))),
        ContentType: opts?.contentType,
      },
      partSize: PART_SIZE,
      queueSize: QUEUE_SIZE,
      leavePartsOnError: false,
    });
    try {
      await upload.done();
    } catch (err) {
      await removeQuietly(tempKey);
      throw s3Error(err, key, 'write');
    }
    return { tempKey, size: counter.size, sha256: counter.digest() };
  }

  async function promote(tempKey: string, key: string, sha256: string, opts?: PutOptions) {
    try {
      await client.send(
        new CopyObjectCommand({
          Bucket,
          Key: key,
          CopySource: `${Bucket}/${tempKey}`,
          MetadataDirective: 'REPLACE',
          ContentType: opts?.contentType,
          Metadata: { sha256 },
        }),
      );
    } catch (err) {
      throw s3Error(err, key, 'write');
    } finally {
      await removeQuietly(tempKey);
    }
  }

  async function stream(key: string, range?: BlobRange): Promise<Readable> {
    validateBlobKey(key);
    const window = validateBlobRange(range);
    try {
      const res = await client.send(
        new GetObjectCommand({
          Bucket,
          Key: key,
          Range: window ? `bytes=${window.start}-${window.end ?? ''}` : undefined,
        }),
      );
      if (!(res.Body instanceof Readable)) {
        throw new BlobError('blob_store_unavailable', `${where} returned no body for "${key}"`);
      }
      return window ? fitToWindow(res.Body, res.ContentRange, window) : res.Body;
    } catch (err) {
      if (isNotFound(err)) throw blobNotFound(key);
      // A window that starts past the end is clipped to nothing, as the filesystem store does.
      if (nameOf(err) === 'InvalidRange' || statusOf(err) === 416) {
        if ((await head(key)) === null) throw blobNotFound(key);
        return Readable.from([]);
      }
      throw s3Error(err, key, 'read');
    }
  }

  return {
    async put(key: string, data: BlobData, opts?: PutOptions): Promise<BlobInfo> {
      validateBlobKey(key);
      if (data instanceof Uint8Array) {
        const body = toBuffer(data);
        const sha256 = sha256Hex(body);
        await putBuffer(key, body, sha256, opts);
        return { key, size: body.length, sha256 };
      }
      const temp = await uploadTemp(data, key, opts);
      await promote(temp.tempKey, key, temp.sha256, opts);
      return { key, size: temp.size, sha256: temp.sha256 };
    },

    async putContentAddressed(data: BlobData, opts?: PutOptions): Promise<BlobInfo> {
      if (data instanceof Uint8Array) {
        const body = toBuffer(data);
        const sha256 = sha256Hex(body);
        const key = contentAddressedKey(sha256);
        if ((await head(key)) === null) await putBuffer(key, body, sha256, opts);
        return { key, size: body.length, sha256 };
      }
      const temp = await uploadTemp(data, undefined, opts);
      const key = contentAddressedKey(temp.sha256);
      let present: boolean;
      try {
        present = (await head(key)) !== null;
      } catch (err) {
        await removeQuietly(temp.tempKey);
        throw err;
      }
      if (present) await removeQuietly(temp.tempKey);
      else await promote(temp.tempKey, key, temp.sha256, opts);
      return { key, size: temp.size, sha256: temp.sha256 };
    },

    async get(key: string): Promise<Buffer> {
      const body = await stream(key);
      const chunks: Buffer[] = [];
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
      } catch (err) {
        throw s3Error(err, key, 'read');
      }
      return Buffer.concat(chunks);
    },

    stream,

    async delete(key: string): Promise<void> {
      validateBlobKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (err) {
        if (isNotFound(err)) return;
        throw s3Error(err, key, 'write');
      }
    },

    async exists(key: string): Promise<boolean> {
      validateBlobKey(key);
      return (await head(key)) !== null;
    },

    async *list(prefix: string): AsyncGenerator<string, void, undefined> {
      validateBlobPrefix(prefix);
      try {
        for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: prefix })) {
          for (const object of page.Contents ?? []) {
            // Only real blob keys: not our temp objects, nor anything other tools put there.
            const key = object.Key;
            if (key !== undefined && isBlobKey(key)) yield key;
          }
        }
      } catch (err) {
        throw s3Error(err, undefined, 'read');
      }
    },

    async stat(key: string): Promise<{ size: number } | null> {
      validateBlobKey(key);
      return head(key);
    },
  };
}
