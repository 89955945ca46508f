// The keys an ad is linked by, computed from its identifiers (already keyed hashes from extraction)
// and its pictures' perceptual hashes (keyed here with the same pepper). No plaintext is read.
import { hashIdentifier } from '../platform/crypto.js';
import type { LinkKeyKind } from './types.js';

export interface IdentifierForLinking {
  kind: 'phone' | 'email' | 'messenger' | 'url';
  valueHash: string;
  /** Differs from valueHash when a messenger contact is a phone number (WhatsApp, Signal…). */
  linkHash: string;
  obfuscated: boolean;
}

export interface LinkKey {
  kind: LinkKeyKind;
  keyHash: string;
  strong: boolean;
}

export const IMAGE_BANDS = 4;

/** Distinct keys of one ad version; `strongKinds` decides which of them join ads into an entity. */
export function linkKeysOf(
  identifiers: IdentifierForLinking[],
  images: { phash: string }[],
  pepper: Buffer,
  strongKinds: readonly string[],
): LinkKey[] {
  const keys = new Map<string, LinkKey>();
  const put = (kind: LinkKeyKind, keyHash: string, strong: boolean) => {
    if (!keys.has(keyHash)) keys.set(keyHash, { kind, keyHash, strong });
  };
  for (const id of identifiers) {
    // A link to a website says little about who posted; only contact points link ads.
    if (id.kind === 'url') continue;
    const kind: LinkKeyKind =
      id.kind === 'messenger' && id.linkHash !== id.valueHash ? 'phone' : id.kind;
    put(kind, id.linkHash, strongKinds.includes(kind));
  }
  for (const image of images) {
    if (!/^[0-9a-f]{16}$/.test(image.phash)) continue;
    put('image', hashIdentifier(pepper, 'image', image.phash), strongKinds.includes('image'));
    // Near-identical pictures (re-encoded, brightened) differ in a few bits: any four-way split of
    // 64 bits with at most 3 differences leaves one band equal, so bands find them by index.
    for (let b = 0; b < IMAGE_BANDS; b++) {
      put(
        'image_band',
        hashIdentifier(pepper, 'image_band', `${b}:${image.phash.slice(b * 4, b * 4 + 4)}`),
        false,
      );
    }
  }
  return [...keys.values()];
}

/** Bits that differ between two 64-bit hex perceptual hashes. */
export function hammingHex(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (diff) {
    diff &= diff - 1n;
    n++;
  }
  return n;
}

/** Distance up to which two pictures count as the same one (dHash bits of 64). */
export const SAME_IMAGE_MAX_DISTANCE = 10;
