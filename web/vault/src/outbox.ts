// The outbox: items (and shared copies) encrypted on the device and waiting to upload, as ciphertext
// chunks — never plaintext. The upload API wants the whole ciphertext's size and sha256 up front, so
// a file is streamed through age into the outbox first, hashing plaintext and ciphertext as it
// goes; nothing is ever whole in memory. The same outbox is the offline queue: what was captured
// without a connection waits here, sealed, until it can upload. Storage is an interface
// (OutboxStore): IndexedDB in the browser (idb-outbox.ts), memory in the unit tests.
import { sha256 } from '@noble/hashes/sha2.js';
import { Encrypter } from 'age-encryption';
import { toHex } from './bytes';
import { sealManifest, type ItemManifest } from './manifest';

/** Outbox chunk size: small enough for cheap phones, large enough to keep requests few. */
export const OUTBOX_CHUNK_BYTES = 1024 * 1024;

export type OutboxTarget =
  { kind: 'item' } | { kind: 'share'; itemId: string; recipientId: string };

export interface OutboxEntry {
  id: string;
  /** The vault it belongs to: uploaded only while that vault is open. */
  vaultId: string;
  target: OutboxTarget;
  /** Ciphertext length and sha256 (hex): what StartUploadRequest declares. */
  size: number;
  sha256: string;
  chunkBytes: number;
  chunks: number;
  /** The item's sealed manifest (base64url); null for a shared copy. */
  manifest: string | null;
  /** The server's upload once started: a resumed upload continues it. */
  uploadId: string | null;
  state: 'ready' | 'failed';
  createdAt: string;
}

export interface OutboxStore {
  putEntry(entry: OutboxEntry): Promise<void>;
  entries(): Promise<OutboxEntry[]>;
  putChunk(id: string, index: number, bytes: Uint8Array): Promise<void>;
  chunk(id: string, index: number): Promise<Uint8Array | undefined>;
  /** Removes the entry and every chunk of it. */
  remove(id: string): Promise<void>;
}

/** For tests, and a fallback where IndexedDB is unavailable (a private window in some browsers). */
export function memoryOutbox(): OutboxStore & { chunkCount(): number } {
  const entries = new Map<string, OutboxEntry>();
  const chunks = new Map<string, Uint8Array>();
  return {
    putEntry: async (e) => void entries.set(e.id, structuredClone(e)),
    entries: async () => [...entries.values()].map((e) => structuredClone(e)),
    putChunk: async (id, i, bytes) => void chunks.set(`${id}/${i}`, bytes.slice()),
    chunk: async (id, i) => chunks.get(`${id}/${i}`)?.slice(),
    remove: async (id) => {
      entries.delete(id);
      for (const k of [...chunks.keys()]) if (k.startsWith(`${id}/`)) chunks.delete(k);
    },
    chunkCount: () => chunks.size,
  };
}

export interface SealInput {
  store: OutboxStore;
  id: string;
  vaultId: string;
  /** "age1…": the vault's own recipient, or a share's recipient. */
  recipient: string;
  plaintext: ReadableStream<Uint8Array>;
  target: OutboxTarget;
  createdAt: string;
  chunkBytes?: number;
}

export interface Sealed {
  entry: OutboxEntry;
  plainSize: number;
  plainSha256: string;
}

/** Passes bytes through while hashing and counting them. */
function hashing(): {
  stream: TransformStream<Uint8Array, Uint8Array>;
  digest(): [number, string];
} {
  const h = sha256.create();
  let n = 0;
  return {
    stream: new TransformStream({
      transform(chunk, controller) {
        h.update(chunk);
        n += chunk.length;
        controller.enqueue(chunk);
      },
    }),
    digest: () => [n, toHex(h.digest())],
  };
}

/**
 * Encrypts `plaintext` to `recipient` into the store, chunk by chunk, and records the entry. On
 * any failure the partial entry is removed: there is no half entry to upload.
 */
export async function sealIntoOutbox(input: SealInput): Promise<Sealed> {
  const chunkBytes = input.chunkBytes ?? OUTBOX_CHUNK_BYTES;
  const plain = hashing();
  const e = new Encrypter();
  e.addRecipient(input.recipient);
  const cipherHash = sha256.create();
  let size = 0;
  let index = 0;
  let buffer = new Uint8Array(chunkBytes);
  let filled = 0;
  try {
    const encrypted = await e.encrypt(input.plaintext.pipeThrough(plain.stream));
    const reader = encrypted.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      cipherHash.update(value);
      size += value.length;
      let at = 0;
      while (at < value.length) {
        const take = Math.min(chunkBytes - filled, value.length - at);
        buffer.set(value.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === chunkBytes) {
          await input.store.putChunk(input.id, index++, buffer);
          buffer = new Uint8Array(chunkBytes);
          filled = 0;
        }
      }
    }
    if (filled > 0) await input.store.putChunk(input.id, index++, buffer.subarray(0, filled));
    const [plainSize, plainSha256] = plain.digest();
    const entry: OutboxEntry = {
      id: input.id,
      vaultId: input.vaultId,
      target: input.target,
      size,
      sha256: toHex(cipherHash.digest()),
      chunkBytes,
      chunks: index,
      manifest: null,
      uploadId: null,
      state: 'ready',
      createdAt: input.createdAt,
    };
    return { entry, plainSize, plainSha256 };
  } catch (err) {
    await input.store.remove(input.id);
    throw err;
  }
}

export interface NewItem {
  store: OutboxStore;
  id: string;
  vaultId: string;
  recipient: string;
  plaintext: ReadableStream<Uint8Array>;
  about: Pick<ItemManifest, 'name' | 'type' | 'description' | 'source'>;
  /** The device's time, ISO 8601. */
  now: string;
  chunkBytes?: number;
}

/**
 * A new item into the outbox: its content sealed in chunks, then its manifest (which needs the
 * plaintext's hash) sealed, and only then the entry written — an entry in the store is complete.
 */
export async function addItemToOutbox(input: NewItem): Promise<OutboxEntry> {
  const sealed = await sealIntoOutbox({
    store: input.store,
    id: input.id,
    vaultId: input.vaultId,
    recipient: input.recipient,
    plaintext: input.plaintext,
    target: { kind: 'item' },
    createdAt: input.now,
    ...(input.chunkBytes ? { chunkBytes: input.chunkBytes } : {}),
  });
  try {
    const manifest = await sealManifest(
      {
        v: 1,
        ...input.about,
        size: sealed.plainSize,
        addedAt: input.now,
        sha256: sealed.plainSha256,
      },
      input.recipient,
    );
    const entry = { ...sealed.entry, manifest };
    await input.store.putEntry(entry);
    return entry;
  } catch (err) {
    await input.store.remove(input.id);
    throw err;
  }
}

/** A shared copy into the outbox: the item's plaintext (streamed from its decryption) re-sealed. */
export async function addShareToOutbox(
  input: Omit<SealInput, 'target'> & { itemId: string; recipientId: string },
): Promise<OutboxEntry> {
  const { itemId, recipientId, ...rest } = input;
  const sealed = await sealIntoOutbox({ ...rest, target: { kind: 'share', itemId, recipientId } });
  await input.store.putEntry(sealed.entry);
  return sealed.entry;
}
