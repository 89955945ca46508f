// The upload of one age file, as a state machine. An upload is created with the exact length and
// sha256 of the ciphertext; it then receives chunks, each exactly at the offset where the last one
// ended (a resumed upload asks where that is); it is finalized only when every byte came and the
// whole hashes to what was declared. Anything else — a wrong offset, a chunk past the end, a hash
// that differs, an upload left too long — leaves no item: the chunks are dropped.

export type UploadState = 'receiving' | 'finalized' | 'failed' | 'expired';

export interface UploadFacts {
  state: UploadState;
  size: number;
  received: number;
  sha256: string;
  expiresAt: Date;
}

export type ChunkRefusal =
  | { code: 'not_receiving'; state: UploadState }
  | { code: 'expired' }
  | { code: 'wrong_offset'; expected: number }
  | { code: 'empty' }
  | { code: 'too_large'; max: number }
  | { code: 'past_end'; size: number };

/** Whether a chunk of `length` bytes at `offset` may be written now. */
export function checkChunk(
  upload: UploadFacts,
  offset: number,
  length: number,
  maxChunkBytes: number,
  now: Date,
): ChunkRefusal | null {
  if (upload.state !== 'receiving') return { code: 'not_receiving', state: upload.state };
  if (now >= upload.expiresAt) return { code: 'expired' };
  if (offset !== upload.received) return { code: 'wrong_offset', expected: upload.received };
  if (length <= 0) return { code: 'empty' };
  if (length > maxChunkBytes) return { code: 'too_large', max: maxChunkBytes };
  if (offset + length > upload.size) return { code: 'past_end', size: upload.size };
  return null;
}

export type FinalizeRefusal =
  | { code: 'not_receiving'; state: UploadState }
  | { code: 'expired' }
  | { code: 'incomplete'; received: number; size: number };

/** Whether the upload may be closed now (before its bytes are read back and hashed). */
export function checkFinalize(upload: UploadFacts, now: Date): FinalizeRefusal | null {
  if (upload.state !== 'receiving') return { code: 'not_receiving', state: upload.state };
  if (now >= upload.expiresAt) return { code: 'expired' };
  if (upload.received !== upload.size) {
    return { code: 'incomplete', received: upload.received, size: upload.size };
  }
  return null;
}

/** The outcome once the stored bytes were read back: an item only if length and hash agree. */
export function finalOutcome(
  upload: Pick<UploadFacts, 'size' | 'sha256'>,
  stored: { size: number; sha256: string },
): { state: 'finalized' } | { state: 'failed'; reason: string } {
  if (stored.size !== upload.size) {
    return { state: 'failed', reason: `received ${stored.size} bytes, declared ${upload.size}` };
  }
  if (stored.sha256 !== upload.sha256) {
    return { state: 'failed', reason: 'the ciphertext does not have the declared sha256' };
  }
  return { state: 'finalized' };
}

/** An upload still receiving past its expiry is dropped by the cleanup job. */
export function isExpired(upload: Pick<UploadFacts, 'state' | 'expiresAt'>, now: Date): boolean {
  return upload.state === 'receiving' && now >= upload.expiresAt;
}
