// Items in a vault: resumable uploads of age files, in chunks at exact offsets, streamed to the blob
// store and never held whole; finalizing reads the chunks back into one blob while counting and
// hashing them, and only if length and sha256 are what the device declared does an item exist (its
// "added" entry in the chain, its encrypted manifest beside it). A failed or expired upload leaves
// no item and no bytes. The same uploads carry a share's re-encrypted copy (shares.ts).
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type * as pkijs from 'pkijs';
import type { StartUploadRequest } from '../contracts/vault-protocol.js';
import { AppError } from '../platform/errors.js';
import { appendChainEntry, chainOf } from './chain-store.js';
import { chunkKey, itemKey, manifestKey, shareKey, type VaultDeps } from './deps.js';
import { verifyChain } from './domain/chain.js';
import { checkHeadStamps } from './domain/stamps.js';
import { checkChunk, checkFinalize, finalOutcome, type ChunkRefusal } from './domain/upload.js';
import { vaultItems, vaultShares, vaultUploadChunks, vaultUploads } from './schema.js';
import { timestampsOf } from './timestamps.js';

/** Largest chunk taken in one request. */
export const MAX_CHUNK_BYTES = 8 * 1024 * 1024;

export type UploadRow = typeof vaultUploads.$inferSelect;
export type ItemRow = typeof vaultItems.$inferSelect;

/** Bytes a vault takes: its items, its shared copies and the uploads still receiving. */
export async function spaceUsed(deps: VaultDeps, vaultId: string): Promise<number> {
  const result = await deps.db.execute<{ used: string | number | null }>(sql`
    SELECT (SELECT coalesce(sum(size), 0) FROM ${vaultItems} WHERE vault_id = ${vaultId})
         + (SELECT coalesce(sum(size), 0) FROM ${vaultShares} WHERE vault_id = ${vaultId})
         + (SELECT coalesce(sum(size), 0) FROM ${vaultUploads}
              WHERE vault_id = ${vaultId} AND state = 'receiving') AS used`);
  return Number(result.rows[0]?.used ?? 0);
}

export async function startUpload(
  deps: VaultDeps,
  vaultId: string,
  input: StartUploadRequest,
  share?: { itemId: string; recipientId: string },
): Promise<UploadRow> {
  if (input.size > deps.config.vault.maxItemBytes) {
    throw new AppError(
      'payload_too_large',
      `This file is ${input.size} bytes; a vault item may be at most ${deps.config.vault.maxItemBytes}.`,
    );
  }
  const used = await spaceUsed(deps, vaultId);
  if (used + input.size > deps.config.vault.quotaBytes) {
    throw new AppError(
      'payload_too_large',
      `This vault has ${deps.config.vault.quotaBytes - used} bytes left; this file needs ${input.size}. Export and delete older items first.`,
    );
  }
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(vaultUploads)
    .values({
      vaultId,
      purpose: share ? 'share' : 'item',
      itemId: share?.itemId ?? null,
      recipientId: share?.recipientId ?? null,
      size: input.size,
      sha256: input.sha256,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.vault.uploadExpiryMs),
    })
    .returning();
  return row!;
}

export async function uploadOf(
  deps: VaultDeps,
  vaultId: string,
  uploadId: string,
): Promise<UploadRow> {
  const [row] = await deps.db
    .select()
    .from(vaultUploads)
    .where(and(eq(vaultUploads.id, uploadId), eq(vaultUploads.vaultId, vaultId)));
  if (!row) throw new AppError('not_found', 'No such upload in this vault.');
  return row;
}

function chunkRefusal(r: ChunkRefusal): AppError {
  switch (r.code) {
    case 'wrong_offset':
      return new AppError('conflict', `This upload continues at byte ${r.expected}.`, undefined, {
        expectedOffset: r.expected,
      });
    case 'not_receiving':
      return new AppError(
        'conflict',
        `This upload is ${r.state}: it takes no more chunks and is closed.`,
      );
    case 'expired':
      return new AppError('conflict', 'This upload has expired; start it again.');
    case 'empty':
      return new AppError('bad_request', 'A chunk must hold at least one byte.');
    case 'too_large':
      return new AppError('payload_too_large', `A chunk may hold at most ${r.max} bytes.`);
    case 'past_end':
      return new AppError(
        'bad_request',
        `The chunk goes past the declared size (${r.size} bytes).`,
      );
  }
}

/** Passes a request body through, failing when it brings more than `limit` bytes. */
async function* atMost(body: AsyncIterable<unknown>, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of body) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    seen += buf.length;
    if (seen > limit)
      throw new AppError('bad_request', 'The chunk is longer than its Content-Length.');
    yield buf;
  }
}

/** Stores one chunk at `offset` (of `length` bytes, streamed from `body`). */
export async function receiveChunk(
  deps: VaultDeps,
  vaultId: string,
  uploadId: string,
  offset: number,
  length: number,
  body: AsyncIterable<unknown>,
): Promise<UploadRow> {
  const upload = await uploadOf(deps, vaultId, uploadId);
  const refusal = checkChunk(upload, offset, length, MAX_CHUNK_BYTES, deps.clock.now());
  if (refusal) throw chunkRefusal(refusal);
  const key = chunkKey(vaultId, uploadId, offset, randomUUID());
  const stored = await deps.blobs.put(key, Readable.from(atMost(body, length)));
  if (stored.size !== length) {
    await deps.blobs.delete(key);
    throw new AppError('bad_request', `The chunk brought ${stored.size} bytes, not ${length}.`);
  }
  const updated = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(vaultUploads)
      .set({ received: offset + length })
      .where(
        and(
          eq(vaultUploads.id, uploadId),
          eq(vaultUploads.received, offset),
          eq(vaultUploads.state, 'receiving'),
        ),
      )
      .returning();
    if (!row) return null;
    await tx.insert(vaultUploadChunks).values({ uploadId, offset, length, blobKey: key });
    return row;
  });
  if (!updated) {
    // Another request wrote this offset meanwhile: this copy is not needed.
    await deps.blobs.delete(key);
    const now = await uploadOf(deps, vaultId, uploadId);
    throw chunkRefusal({ code: 'wrong_offset', expected: now.received });
  }
  return updated;
}

async function chunksOf(deps: VaultDeps, uploadId: string) {
  return deps.db
    .select()
    .from(vaultUploadChunks)
    .where(eq(vaultUploadChunks.uploadId, uploadId))
    .orderBy(asc(vaultUploadChunks.offset));
}

/** Removes an upload's chunks (blobs, then rows). */
export async function dropChunks(deps: VaultDeps, uploadId: string): Promise<void> {
  for (const c of await chunksOf(deps, uploadId)) await deps.blobs.delete(c.blobKey);
  await deps.db.delete(vaultUploadChunks).where(eq(vaultUploadChunks.uploadId, uploadId));
}

/** The chunks of an upload, one after another, as one stream. */
async function* concatenated(deps: VaultDeps, keys: string[]): AsyncGenerator<Buffer> {
  for (const key of keys) {
    for await (const chunk of await deps.blobs.stream(key)) yield chunk as Buffer;
  }
}

/** Where a finished upload's bytes go. */
const finalKey = (upload: UploadRow) =>
  upload.purpose === 'share'
    ? shareKey(upload.vaultId, upload.id)
    : itemKey(upload.vaultId, upload.id);

/**
 * Reads the chunks back into the final blob and checks them. On a mismatch the upload fails and
 * everything it stored is removed. Returns the upload, ready for the caller's transaction to turn
 * it into an item or a share (see finalizeItem).
 */
export async function assembleUpload(deps: VaultDeps, upload: UploadRow): Promise<string> {
  const refusal = checkFinalize(upload, deps.clock.now());
  if (refusal) {
    if (refusal.code === 'incomplete') {
      throw new AppError(
        'conflict',
        `The upload has ${refusal.received} of ${refusal.size} bytes; send the rest first.`,
        undefined,
        { expectedOffset: refusal.received },
      );
    }
    throw chunkRefusal(refusal);
  }
  const chunks = await chunksOf(deps, upload.id);
  const key = finalKey(upload);
  const stored = await deps.blobs.put(
    key,
    Readable.from(
      concatenated(
        deps,
        chunks.map((c) => c.blobKey),
      ),
    ),
  );
  const outcome = finalOutcome(upload, stored);
  if (outcome.state === 'failed') {
    await deps.blobs.delete(key);
    await failUpload(deps, upload.id, outcome.reason);
    throw new AppError(
      'upload_rejected',
      `The upload was refused and nothing was kept: ${outcome.reason}. Encrypt and send the file again.`,
    );
  }
  return key;
}

export async function failUpload(deps: VaultDeps, uploadId: string, reason: string): Promise<void> {
  await dropChunks(deps, uploadId);
  await deps.db
    .update(vaultUploads)
    .set({ state: 'failed', failReason: reason })
    .where(and(eq(vaultUploads.id, uploadId), eq(vaultUploads.state, 'receiving')));
}

/** Closes an item upload: the item, its manifest and its "added" entry, or nothing at all. */
export async function finalizeItem(
  deps: VaultDeps,
  vaultId: string,
  uploadId: string,
  manifest: Buffer,
): Promise<ItemRow> {
  const upload = await uploadOf(deps, vaultId, uploadId);
  if (upload.purpose !== 'item')
    throw new AppError('bad_request', 'This upload is a share’s copy.');
  const key = await assembleUpload(deps, upload);
  const mKey = manifestKey(vaultId, upload.id);
  const mInfo = await deps.blobs.put(mKey, manifest);
  const now = deps.clock.now();
  let item: ItemRow | null;
  try {
    item = await deps.db.transaction(async (tx) => {
      const [closed] = await tx
        .update(vaultUploads)
        .set({ state: 'finalized' })
        .where(and(eq(vaultUploads.id, upload.id), eq(vaultUploads.state, 'receiving')))
        .returning({ id: vaultUploads.id });
      if (!closed) return null;
      const entry = await appendChainEntry(tx, vaultId, 'added', now, {
        item: upload.id,
        size: upload.size,
        sha256: upload.sha256,
        manifestSha256: mInfo.sha256,
        manifestSize: mInfo.size,
      });
      const [row] = await tx
        .insert(vaultItems)
        .values({
          id: upload.id,
          vaultId,
          size: upload.size,
          sha256: upload.sha256,
          blobKey: key,
          manifestKey: mKey,
          manifestSize: mInfo.size,
          manifestSha256: mInfo.sha256,
          addedAt: now,
          seq: entry.seq,
        })
        .returning();
      return row!;
    });
  } catch (err) {
    await deps.blobs.delete(key);
    await deps.blobs.delete(mKey);
    throw err;
  }
  if (!item) throw new AppError('conflict', 'This upload was already closed.');
  await dropChunks(deps, upload.id);
  await deps.onNewHead?.(vaultId);
  return item;
}

export async function listItems(deps: VaultDeps, vaultId: string): Promise<ItemRow[]> {
  return deps.db
    .select()
    .from(vaultItems)
    .where(eq(vaultItems.vaultId, vaultId))
    .orderBy(asc(vaultItems.seq));
}

export async function itemOf(deps: VaultDeps, vaultId: string, itemId: string): Promise<ItemRow> {
  const [row] = await deps.db
    .select()
    .from(vaultItems)
    .where(and(eq(vaultItems.id, itemId), eq(vaultItems.vaultId, vaultId)));
  if (!row) throw new AppError('not_found', 'No such item in this vault.');
  return row;
}

/** The owner deletes an item: "deleted" in the chain, the ciphertext and every share's copy gone. */
export async function deleteItem(deps: VaultDeps, vaultId: string, itemId: string): Promise<void> {
  const item = await itemOf(deps, vaultId, itemId);
  const copies = await deps.db
    .select({ blobKey: vaultShares.blobKey })
    .from(vaultShares)
    .where(eq(vaultShares.itemId, itemId));
  await deps.db.transaction(async (tx) => {
    await appendChainEntry(tx, vaultId, 'deleted', deps.clock.now(), { item: itemId });
    await tx.delete(vaultItems).where(eq(vaultItems.id, itemId));
  });
  for (const key of [item.blobKey, item.manifestKey, ...copies.map((c) => c.blobKey)]) {
    await deps.blobs.delete(key);
  }
  await deps.onNewHead?.(vaultId);
}

export async function sha256OfBlob(deps: VaultDeps, key: string): Promise<string | null> {
  if (!(await deps.blobs.exists(key))) return null;
  const hash = createHash('sha256');
  for await (const chunk of await deps.blobs.stream(key)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The ciphertext hash an "added" entry recorded (undefined when its text is not even JSON). */
function recordedSha256(canonical: string): string | undefined {
  try {
    const sha = (JSON.parse(canonical) as { sha256?: unknown }).sha256;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}

/** The chain checked entry by entry, and every item's stored ciphertext against its recorded hash. */
/**
 * Checks the chain, every item's stored ciphertext against the hash its entry recorded, and every
 * time-stamp against the chain's head at its seq (`trustAnchors`: the authority's certificates;
 * null when none is configured, and then the tokens are counted but not checked).
 */
export async function verifyVault(
  deps: VaultDeps,
  vaultId: string,
  trustAnchors: readonly pkijs.Certificate[] | null,
) {
  const entries = await chainOf(deps.db, vaultId);
  const check = verifyChain(vaultId, entries);
  const alteredItems: string[] = [];
  for (const item of await listItems(deps, vaultId)) {
    const recorded = entries.find((e) => e.seq === item.seq);
    const recordedHash = recorded ? recordedSha256(recorded.canonical) : undefined;
    const actual = await sha256OfBlob(deps, item.blobKey);
    if (actual !== item.sha256 || recordedHash !== item.sha256) alteredItems.push(item.id);
  }
  const stamps = await timestampsOf(deps, vaultId);
  const stampCheck = await checkHeadStamps(
    vaultId,
    entries,
    stamps.map((s) => ({
      seq: s.seq,
      headHash: s.headHash,
      token: Buffer.from(s.token, 'base64'),
    })),
    trustAnchors,
  );
  return {
    ...check,
    alteredItems,
    timestampedHeads: stamps.length,
    timestampsUnchecked: stampCheck.unchecked,
    timestampProblems: stampCheck.problems,
  };
}

/** Drops uploads left unfinished past their expiry: chunks, any half-written final blob, the row. */
export async function expireUploads(deps: VaultDeps): Promise<number> {
  const due = await deps.db
    .select()
    .from(vaultUploads)
    .where(and(eq(vaultUploads.state, 'receiving'), lte(vaultUploads.expiresAt, deps.clock.now())));
  for (const upload of due) {
    await dropChunks(deps, upload.id);
    // A finalize that died between writing the final blob and committing left it here.
    await deps.blobs.delete(finalKey(upload));
    if (upload.purpose === 'item') await deps.blobs.delete(manifestKey(upload.vaultId, upload.id));
    await deps.db
      .update(vaultUploads)
      .set({ state: 'expired' })
      .where(and(eq(vaultUploads.id, upload.id), eq(vaultUploads.state, 'receiving')));
  }
  // Closed uploads are kept a day for a device that asks how its upload ended, then removed.
  const old = new Date(deps.clock.now().getTime() - 24 * 3_600_000);
  const closed = await deps.db
    .select({ id: vaultUploads.id })
    .from(vaultUploads)
    .where(
      and(
        inArray(vaultUploads.state, ['finalized', 'failed', 'expired']),
        lte(vaultUploads.expiresAt, old),
      ),
    );
  if (closed.length) {
    await deps.db.delete(vaultUploads).where(
      inArray(
        vaultUploads.id,
        closed.map((c) => c.id),
      ),
    );
  }
  return due.length;
}
