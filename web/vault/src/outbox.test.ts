import { sha256 } from '@noble/hashes/sha2.js';
import { Decrypter } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { concat, toHex, utf8 } from './bytes';
import { generateVaultKeys } from './keys';
import { openManifest } from './manifest';
import { fromBase64Url } from './bytes';
import { addItemToOutbox, memoryOutbox, type OutboxStore } from './outbox';

const MARKER = utf8('SYNTHETIC-EVIDENCE-MARKER-7f3a');

/** `total` bytes of synthetic content with the marker every 100 kB, streamed in 64 kB pieces. */
function synthetic(total: number): { stream: ReadableStream<Uint8Array>; whole: Uint8Array } {
  const whole = new Uint8Array(total);
  for (let i = 0; i < total; i++) whole[i] = (i * 31) % 251;
  for (let at = 0; at + MARKER.length < total; at += 100_000) whole.set(MARKER, at);
  let at = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (at >= total) return c.close();
      c.enqueue(whole.slice(at, at + 65_536));
      at += 65_536;
    },
  });
  return { stream, whole };
}

const contains = (hay: Uint8Array, needle: Uint8Array) =>
  Buffer.from(hay).indexOf(Buffer.from(needle)) >= 0;

async function ciphertextOf(store: OutboxStore, id: string, chunks: number) {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < chunks; i++) parts.push((await store.chunk(id, i))!);
  return concat(parts);
}

describe('the outbox', () => {
  it('holds an item as age ciphertext chunks with its hashes and a sealed manifest', async () => {
    const keys = await generateVaultKeys();
    const store = memoryOutbox();
    const { stream, whole } = synthetic(1_300_000);
    const entry = await addItemToOutbox({
      store,
      id: 'e1',
      vaultId: 'V1',
      recipient: keys.recipient,
      plaintext: stream,
      about: {
        name: 'photo.jpg',
        type: 'image/jpeg',
        description: 'bruise, left arm',
        source: 'file',
      },
      now: '2026-03-04T05:06:07.000Z',
      chunkBytes: 256 * 1024,
    });
    expect(entry.chunks).toBe(Math.ceil(entry.size / (256 * 1024)));
    const cipher = await ciphertextOf(store, 'e1', entry.chunks);
    expect(cipher.length).toBe(entry.size);
    expect(toHex(sha256(cipher))).toBe(entry.sha256);
    for (let i = 0; i < entry.chunks; i++) {
      expect(contains((await store.chunk('e1', i))!, MARKER)).toBe(false);
    }
    expect(JSON.stringify(await store.entries())).not.toContain('bruise');

    const d = new Decrypter();
    d.addIdentity(keys.identity);
    expect(Buffer.from(await d.decrypt(cipher)).equals(Buffer.from(whole))).toBe(true);
    const manifest = await openManifest(fromBase64Url(entry.manifest!), keys.identity);
    expect(manifest).toMatchObject({
      name: 'photo.jpg',
      size: whole.length,
      sha256: toHex(sha256(whole)),
      description: 'bruise, left arm',
      addedAt: '2026-03-04T05:06:07.000Z',
    });
  });

  it('keeps nothing of an item whose reading fails half way', async () => {
    const keys = await generateVaultKeys();
    const store = memoryOutbox();
    let sent = 0;
    const failing = new ReadableStream<Uint8Array>({
      pull(c) {
        if (sent++ > 20) c.error(new Error('the file went away'));
        else c.enqueue(new Uint8Array(65_536));
      },
    });
    await expect(
      addItemToOutbox({
        store,
        id: 'e2',
        vaultId: 'V1',
        recipient: keys.recipient,
        plaintext: failing,
        about: { name: 'x', type: '', description: '', source: 'file' },
        now: '2026-03-04T05:06:07.000Z',
        chunkBytes: 128 * 1024,
      }),
    ).rejects.toThrow('the file went away');
    expect(await store.entries()).toEqual([]);
    expect(store.chunkCount()).toBe(0);
  });
});
