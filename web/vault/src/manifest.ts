// An item's manifest: what the person knows about an item (its name, type, size, description, when
// it was added and the sha256 of its plaintext), sealed as its own small age file to the vault's
// recipient. The server stores it opaque; the device opens it to list the items. The plaintext
// hash is the person's proof that what decrypts later is what they put in.
import { Decrypter, Encrypter } from 'age-encryption';
import * as z from 'zod/mini';
import { MAX_MANIFEST_BYTES } from '../../../src/contracts/vault-protocol';
import { fromBase64Url, toBase64Url } from './bytes';

export const ItemManifest = z.object({
  v: z.literal(1),
  /** The file's name as picked ("note.txt" for a typed note). */
  name: z.string().check(z.maxLength(255)),
  /** MIME type; "" when the device does not know it. */
  type: z.string().check(z.maxLength(255)),
  /** Plaintext size in bytes. */
  size: z.int().check(z.gte(0)),
  description: z.string().check(z.maxLength(2000)),
  /** When the person added it (ISO 8601), by the device's clock. */
  addedAt: z.string(),
  /** sha256 of the plaintext, lower-case hex. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  /** What the person chose to add: a picked file, a camera capture or a typed note. */
  source: z.enum(['file', 'camera', 'note']),
});
export type ItemManifest = z.infer<typeof ItemManifest>;

export async function sealManifest(manifest: ItemManifest, recipient: string): Promise<string> {
  const e = new Encrypter();
  e.addRecipient(recipient);
  const sealed = toBase64Url(await e.encrypt(JSON.stringify(ItemManifest.parse(manifest))));
  if (sealed.length > Math.floor((MAX_MANIFEST_BYTES * 4) / 3)) throw new Error('manifest too big');
  return sealed;
}

/** Opens a manifest (raw age bytes as downloaded); throws when it is not one of this vault's. */
export async function openManifest(sealed: Uint8Array, identity: string): Promise<ItemManifest> {
  const d = new Decrypter();
  d.addIdentity(identity);
  return ItemManifest.parse(JSON.parse(await d.decrypt(sealed, 'text')));
}

export const manifestFromBase64 = (b64: string) => fromBase64Url(b64);

/** What the list shows as the item's kind. */
export type ItemKind = 'photo' | 'video' | 'audio' | 'note' | 'document' | 'file';

export function kindOf(m: Pick<ItemManifest, 'type' | 'source'>): ItemKind {
  if (m.source === 'note') return 'note';
  if (m.type.startsWith('image/')) return 'photo';
  if (m.type.startsWith('video/')) return 'video';
  if (m.type.startsWith('audio/')) return 'audio';
  if (m.type === 'application/pdf' || m.type.startsWith('text/')) return 'document';
  return 'file';
}
