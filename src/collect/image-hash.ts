// Image fingerprints for linking: sha256 of the bytes (exact reuse) and a 64-bit difference hash
// (dHash) that survives resizing and recompression (near reuse). Images are decoded with sharp under
// a pixel limit, since a scraped image can be a decompression bomb.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export interface ImageFingerprint {
  sha256: string;
  phash: string;
  width: number;
  height: number;
}

const MAX_PIXELS = 40_000_000;

export async function fingerprintImage(data: Buffer): Promise<ImageFingerprint> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  const image = sharp(data, { limitInputPixels: MAX_PIXELS, failOn: 'error' });
  const meta = await image.metadata();
  const { data: pixels } = await image
    .clone()
    .grayscale()
    .resize(9, 8, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  let bits = 0n;
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      const left = pixels[y * 9 + x] ?? 0;
      const right = pixels[y * 9 + x + 1] ?? 0;
      bits = (bits << 1n) | (left > right ? 1n : 0n);
    }
  }
  return {
    sha256,
    phash: bits.toString(16).padStart(16, '0'),
    width: meta.width ?? 0,
    height: meta.height ?? 0,
  };
}

/** Number of differing bits between two dHashes (0 = same picture, ≤ 10 = very likely the same). */
export function hammingDistance(a: string, b: string): number {
  let x = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let n = 0;
  while (x) {
    n += Number(x & 1n);
    x >>= 1n;
  }
  return n;
}
