// The blob store module: picks the filesystem or S3 store from the configuration. Other modules
// import from here and receive a BlobStore, never a concrete store.
import type { Config } from '../config.js';
import type { BlobStore } from './blob-store.js';
import { createFsBlobStore } from './fs-blob-store.js';
import { createS3BlobStore } from './s3-blob-store.js';

export {
  BlobError,
  contentAddressedKey,
  isBlobError,
  isBlobKey,
  validateBlobKey,
} from './blob-store.js';
export type {
  BlobData,
  BlobErrorCode,
  BlobInfo,
  BlobRange,
  BlobStore,
  PutOptions,
} from './blob-store.js';
export { createFsBlobStore } from './fs-blob-store.js';
export { createS3BlobStore } from './s3-blob-store.js';

export function createBlobStore(config: Config['blobs']): BlobStore {
  switch (config.kind) {
    case 'fs':
      return createFsBlobStore(config.dir);
    case 's3':
      return createS3BlobStore({
        bucket: config.bucket,
        region: config.region,
        endpoint: config.endpoint,
        accessKeyId: config.accessKeyId,
        secretAccessKey: config.secretAccessKey,
        forcePathStyle: config.forcePathStyle,
      });
  }
}
