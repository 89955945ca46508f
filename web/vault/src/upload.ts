// Uploads one outbox entry: starts the server's upload (or resumes the one it started before, from
// where the server says it stands), sends the ciphertext chunk by chunk at Upload-Offset, and
// finalizes it — with the sealed manifest for an item, as a share for a shared copy. Only then is
// the entry removed from the outbox. The server makes an item exist only at a finalize whose length
// and hash match, so an interrupted upload leaves no half item; here it is resumed next time, or,
// when the server refuses it outright, marked failed for the person to see and discard.
import type { UploadStatus } from '../../../src/contracts/vault-protocol';
import { ApiError } from './api';
import type { OutboxEntry, OutboxStore } from './outbox';

/** The calls an upload makes (VaultApi has them; tests pass a fake server). */
export interface UploadCalls {
  startUpload(body: { size: number; sha256: string }): Promise<UploadStatus>;
  startShare(body: {
    size: number;
    sha256: string;
    itemId: string;
    recipientId: string;
  }): Promise<UploadStatus>;
  uploadStatus(id: string): Promise<UploadStatus>;
  sendChunk(id: string, offset: number, bytes: Uint8Array): Promise<UploadStatus>;
  finalizeItem(id: string, manifest: string): Promise<unknown>;
  finalizeShare(id: string): Promise<unknown>;
}

export type UploadOutcome = 'uploaded' | 'failed';

/** The server's upload to continue, or null when a new one must start. */
async function resumable(api: UploadCalls, entry: OutboxEntry): Promise<UploadStatus | null> {
  if (!entry.uploadId) return null;
  try {
    const st = await api.uploadStatus(entry.uploadId);
    return st.state === 'receiving' || st.state === 'finalized' ? st : null;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** A refusal that another try will not change (as opposed to offline, a lapsed session, a race). */
const final = (err: unknown) =>
  err instanceof ApiError &&
  err.status >= 400 &&
  err.status < 500 &&
  ![401, 408, 409, 429].includes(err.status);

export async function uploadEntry(
  api: UploadCalls,
  store: OutboxStore,
  entry: OutboxEntry,
  progress: (sent: number, size: number) => void = () => {},
): Promise<UploadOutcome> {
  try {
    let st = await resumable(api, entry);
    if (!st) {
      st =
        entry.target.kind === 'item'
          ? await api.startUpload({ size: entry.size, sha256: entry.sha256 })
          : await api.startShare({
              size: entry.size,
              sha256: entry.sha256,
              itemId: entry.target.itemId,
              recipientId: entry.target.recipientId,
            });
      entry = { ...entry, uploadId: st.uploadId };
      await store.putEntry(entry);
    }
    const id = st.uploadId;
    while (st.state === 'receiving' && st.received < entry.size) {
      const index = Math.floor(st.received / entry.chunkBytes);
      const chunk = await store.chunk(entry.id, index);
      if (!chunk) throw new Error(`outbox chunk ${index} of ${entry.id} is missing`);
      const from = st.received - index * entry.chunkBytes;
      const piece = chunk.subarray(from, from + st.maxChunkBytes);
      try {
        st = await api.sendChunk(id, st.received, piece);
      } catch (err) {
        // Another tab or an earlier try sent part of it: ask where it stands and go on from there.
        if (err instanceof ApiError && err.status === 409) st = await api.uploadStatus(id);
        else throw err;
      }
      progress(st.received, entry.size);
    }
    if (st.state !== 'finalized') {
      if (entry.target.kind === 'item') await api.finalizeItem(id, entry.manifest ?? '');
      else await api.finalizeShare(id);
    }
    await store.remove(entry.id);
    return 'uploaded';
  } catch (err) {
    if (!final(err)) throw err;
    await store.putEntry({ ...entry, state: 'failed' });
    return 'failed';
  }
}

/** Uploads every ready entry of `vaultId`, oldest first; stops at the first that cannot go now. */
export async function drainOutbox(
  api: UploadCalls,
  store: OutboxStore,
  vaultId: string,
  progress?: (entry: OutboxEntry, sent: number) => void,
): Promise<{ uploaded: number; failed: number }> {
  const waiting = (await store.entries())
    .filter((e) => e.vaultId === vaultId && e.state === 'ready')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  let uploaded = 0;
  let failed = 0;
  for (const entry of waiting) {
    const outcome = await uploadEntry(api, store, entry, (sent) => progress?.(entry, sent));
    if (outcome === 'uploaded') uploaded++;
    else failed++;
  }
  return { uploaded, failed };
}
