// The blob store contract: where captures (WARC files), screenshots and vault items keep their
// bytes, on the local filesystem or in S3, behind one interface. Keys are checked here, once, so
// that no store ever turns a caller's string into a path outside its root or an odd object name.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { z } from 'zod';

export type BlobErrorCode =
  'invalid_blob_key' | 'blob_not_found' | 'blob_store_unavailable' | 'blob_write_failed';

export class BlobError extends Error {
  constructor(
    readonly code: BlobErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BlobError';
  }
}

export function isBlobError(err: unknown, code?: BlobErrorCode): err is BlobError {
  return err instanceof BlobError && (code === undefined || err.code === code);
}

export type BlobData = Buffer | Uint8Array | Readable | NodeJS.ReadableStream;

export interface BlobInfo {
  key: string;
  size: number;
  /** Lower-case hex sha256 of the stored bytes. */
  sha256: string;
}

/** A byte window; `end` is inclusive (as in HTTP ranges). Windows past the end are clipped. */
export interface BlobRange {
  start: number;
  end?: number;
}

export interface PutOptions {
  contentType?: string;
}

export interface BlobStore {
  put(key: string, data: BlobData, opts?: PutOptions): Promise<BlobInfo>;
  /** Stores under `sha256/<2 hex>/<2 hex>/<hex>`; content already there is not written again. */
  putContentAddressed(data: BlobData, opts?: PutOptions): Promise<BlobInfo>;
  get(key: string): Promise<Buffer>;
  stream(key: string, range?: BlobRange): Promise<Readable>;
  /** Deleting a key that does not exist is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /**
   * Keys that start with `prefix` (a plain string prefix, not only whole folders). The order is
   * not promised: S3 directory buckets and some S3-compatible services do not sort.
   */
  list(prefix: string): AsyncIterable<string>;
  stat(key: string): Promise<{ size: number } | null>;
}

export const MAX_BLOB_KEY_LENGTH = 512;
const KEY_CHARS = /^[A-Za-z0-9._/-]*$/;

// `.` and empty segments are refused too: on a filesystem `a/./b` and `a//b` name the same file
// as `a/b`, and two keys for one blob would break deduplication and deletion.
const segmentsAreSafe = (value: string, allowTrailingSlash: boolean): boolean => {
  const segments = value.split('/');
  if (allowTrailingSlash && segments.at(-1) === '') segments.pop();
  return segments.every((s) => s !== '' && s !== '.' && s !== '..');
};
// Filesystems (and S3-compatible services that store objects as files) allow 255 bytes a name.
export const MAX_BLOB_KEY_SEGMENT_LENGTH = 255;
const segmentsFit = (value: string): boolean =>
  value.split('/').every((s) => s.length <= MAX_BLOB_KEY_SEGMENT_LENGTH);

export const BlobKey = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_BLOB_KEY_LENGTH, `must be at most ${MAX_BLOB_KEY_LENGTH} characters`)
  .regex(KEY_CHARS, 'may only contain A-Z a-z 0-9 . _ / -')
  .refine((k) => !k.startsWith('/'), 'must be relative (no leading /)')
  .refine((k) => segmentsAreSafe(k, false), 'must not contain empty, "." or ".." segments')
  .refine(segmentsFit, `segments must be at most ${MAX_BLOB_KEY_SEGMENT_LENGTH} characters`);

export const BlobPrefix = z
  .string()
  .max(MAX_BLOB_KEY_LENGTH, `must be at most ${MAX_BLOB_KEY_LENGTH} characters`)
  .regex(KEY_CHARS, 'may only contain A-Z a-z 0-9 . _ / -')
  .refine((k) => !k.startsWith('/'), 'must be relative (no leading /)')
  .refine(
    (k) => k === '' || segmentsAreSafe(k, true),
    'must not contain empty, "." or ".." segments',
  )
  .refine(segmentsFit, `segments must be at most ${MAX_BLOB_KEY_SEGMENT_LENGTH} characters`);

export const BlobRange = z
  .object({ start: z.int().nonnegative(), end: z.int().nonnegative().optional() })
  .refine((r) => r.end === undefined || r.end >= r.start, 'end must not be before start');

const describeKey = (key: unknown): string =>
  typeof key === 'string'
    ? JSON.stringify(key.length > 80 ? `${key.slice(0, 80)}…` : key)
    : typeof key;

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const reasons = parsed.error.issues.map((i) => i.message).join('; ');
  throw new BlobError('invalid_blob_key', `invalid blob ${what} ${describeKey(value)}: ${reasons}`);
}

export const isBlobKey = (key: unknown): key is string => BlobKey.safeParse(key).success;

export const validateBlobKey = (key: unknown): string => check(BlobKey, key, 'key');
export const validateBlobPrefix = (prefix: unknown): string => check(BlobPrefix, prefix, 'prefix');

/** A malformed range is a programming error, not a data problem, so it is a RangeError. */
export function validateBlobRange(range: BlobRange | undefined): BlobRange | undefined {
  if (range === undefined) return undefined;
  const parsed = BlobRange.safeParse(range);
  if (!parsed.success) {
    throw new RangeError(
      `invalid blob range ${JSON.stringify(range)}: ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  }
  return parsed.data;
}

export function contentAddressedKey(sha256Hex: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256Hex)) {
    throw new BlobError(
      'invalid_blob_key',
      `not a lower-case hex sha256: ${describeKey(sha256Hex)}`,
    );
  }
  return `sha256/${sha256Hex.slice(0, 2)}/${sha256Hex.slice(2, 4)}/${sha256Hex}`;
}

export const sha256Hex = (data: Uint8Array): string =>
  createHash('sha256').update(data).digest('hex');

export const blobNotFound = (key: string): BlobError =>
  new BlobError('blob_not_found', `no blob under key ${describeKey(key)}`);

export const toBuffer = (data: Uint8Array): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** Raised when the caller's data stream fails, as opposed to the store failing. */
export class SourceStreamError extends Error {
  constructor(cause: unknown) {
    super(`the data stream failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'SourceStreamError';
  }
}

/** The caller's data as binary chunks; failures of the caller's stream become SourceStreamError. */
export async function* readChunks(data: BlobData): AsyncGenerator<Buffer, void, undefined> {
  if (data instanceof Uint8Array) {
    yield toBuffer(data);
    return;
  }
  const readable = data instanceof Readable ? data : new Readable().wrap(data);
  try {
    for await (const chunk of readable as AsyncIterable<unknown>) {
      if (typeof chunk === 'string') yield Buffer.from(chunk);
      else if (chunk instanceof Uint8Array) yield toBuffer(chunk);
      else throw new TypeError('the stream produced a chunk that is not binary data');
    }
  } catch (err) {
    throw new SourceStreamError(err);
  }
}

/** Passes chunks through while counting and hashing them, so a stream is never held whole. */
export class HashingCounter {
  readonly #hash = createHash('sha256');
  size = 0;

  async *tap(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer, void, undefined> {
    for await (const chunk of chunks) {
      this.#hash.update(chunk);
      this.size += chunk.length;
      yield chunk;
    }
  }

  digest(): string {
    return this.#hash.digest('hex');
  }
}
