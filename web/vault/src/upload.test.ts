import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import type { UploadStatus } from '../../../src/contracts/vault-protocol';
import { ApiError, OfflineError } from './api';
import { concat, toHex } from './bytes';
import { generateVaultKeys } from './keys';
import { addItemToOutbox, memoryOutbox, type OutboxStore } from './outbox';
import { drainOutbox, uploadEntry, type UploadCalls } from './upload';

/** The server's side of uploads, in memory, as src/vault/items.ts behaves. */
function fakeServer(maxChunkBytes: number) {
  const uploads = new Map<
    string,
    { size: number; sha256: string; parts: Uint8Array[]; state: UploadStatus['state'] }
  >();
  const items: { bytes: Uint8Array; manifest: string }[] = [];
  let n = 0;
  let dropAfter = Infinity;
  const status = (id: string): UploadStatus => {
    const u = uploads.get(id)!;
    return {
      uploadId: id,
      state: u.state,
      size: u.size,
      received: u.parts.reduce((s, p) => s + p.length, 0),
      maxChunkBytes,
      expiresAt: '2030-01-01T00:00:00.000Z',
    };
  };
  const calls: UploadCalls = {
    startUpload: async (b) => {
      const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
      uploads.set(id, { ...b, parts: [], state: 'receiving' });
      return status(id);
    },
    startShare: async () => {
      throw new Error('not in this test');
    },
    uploadStatus: async (id) => {
      if (!uploads.has(id)) throw new ApiError(404, 'not_found', 'no such upload');
      return status(id);
    },
    sendChunk: async (id, offset, bytes) => {
      if (dropAfter-- <= 0) throw new OfflineError('connection dropped');
      if (bytes.length > maxChunkBytes) throw new ApiError(413, 'payload_too_large', 'too big');
      if (offset !== status(id).received) throw new ApiError(409, 'conflict', 'wrong offset');
      uploads.get(id)!.parts.push(bytes.slice());
      return status(id);
    },
    finalizeItem: async (id, manifest) => {
      const u = uploads.get(id)!;
      const bytes = concat(u.parts);
      if (bytes.length !== u.size || toHex(sha256(bytes)) !== u.sha256) {
        u.state = 'failed';
        throw new ApiError(422, 'upload_mismatch', 'the upload does not match');
      }
      u.state = 'finalized';
      items.push({ bytes, manifest });
      return {};
    },
    finalizeShare: async () => ({}),
  };
  return { calls, items, uploads, dropAfterChunks: (k: number) => (dropAfter = k) };
}

async function oneItem(store: OutboxStore, bytes: number) {
  const keys = await generateVaultKeys();
  return addItemToOutbox({
    store,
    id: crypto.randomUUID(),
    vaultId: 'V1',
    recipient: keys.recipient,
    plaintext: new Blob([new Uint8Array(bytes).fill(7)]).stream(),
    about: { name: 'a.bin', type: '', description: '', source: 'file' },
    now: '2026-03-04T05:06:07.000Z',
    chunkBytes: 100_000,
  });
}

describe('uploading from the outbox', () => {
  it('sends chunks no larger than the server takes, finalizes, and empties the outbox', async () => {
    const server = fakeServer(30_000);
    const store = memoryOutbox();
    const entry = await oneItem(store, 450_000);
    const seen: number[] = [];
    expect(await uploadEntry(server.calls, store, entry, (sent) => seen.push(sent))).toBe(
      'uploaded',
    );
    expect(server.items).toHaveLength(1);
    expect(toHex(sha256(server.items[0]!.bytes))).toBe(entry.sha256);
    expect(server.items[0]!.manifest).toBe(entry.manifest);
    expect(seen.at(-1)).toBe(entry.size);
    expect(await store.entries()).toEqual([]);
    expect(store.chunkCount()).toBe(0);
  });

  it('resumes an interrupted upload where the server stands, and makes one item', async () => {
    const server = fakeServer(64_000);
    const store = memoryOutbox();
    await oneItem(store, 500_000);
    server.dropAfterChunks(3);
    await expect(drainOutbox(server.calls, store, 'V1')).rejects.toThrow(OfflineError);
    // Nothing exists yet on the server but an unfinished upload; the outbox still has it all.
    expect(server.items).toHaveLength(0);
    const [waiting] = await store.entries();
    expect(waiting!.uploadId).not.toBeNull();
    server.dropAfterChunks(Infinity);
    expect(await drainOutbox(server.calls, store, 'V1')).toEqual({ uploaded: 1, failed: 0 });
    expect(server.uploads.size).toBe(1);
    expect(server.items).toHaveLength(1);
    expect(toHex(sha256(server.items[0]!.bytes))).toBe(waiting!.sha256);
  });

  it('marks an entry the server refuses as failed, leaving no item', async () => {
    const server = fakeServer(1_000_000);
    const store = memoryOutbox();
    const entry = await oneItem(store, 200_000);
    // The declared hash is not the ciphertext's: the server refuses it at finalize.
    const wrong = { ...entry, sha256: '0'.repeat(64) };
    await store.putEntry(wrong);
    expect(await uploadEntry(server.calls, store, wrong)).toBe('failed');
    expect(server.items).toHaveLength(0);
    expect((await store.entries())[0]!.state).toBe('failed');
  });
});
