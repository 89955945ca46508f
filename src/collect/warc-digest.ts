// The digests WARC records carry, in whichever form the tool that wrote them chose: `sha1:` in
// base32 (the standard's usual form, written by Heritrix, wget, warcio, pywb), `sha1:`/`sha256:` in
// hex (Ariadne's own), md5, base64. A digest is checked by decoding it to bytes and comparing with
// the bytes we compute, so no form is favoured and none is taken on trust.
import { createHash } from 'node:crypto';

const ALGORITHMS: Record<string, { node: string; bytes: number }> = {
  sha1: { node: 'sha1', bytes: 20 },
  'sha-1': { node: 'sha1', bytes: 20 },
  sha256: { node: 'sha256', bytes: 32 },
  'sha-256': { node: 'sha256', bytes: 32 },
  sha512: { node: 'sha512', bytes: 64 },
  'sha-512': { node: 'sha512', bytes: 64 },
  md5: { node: 'md5', bytes: 16 },
};

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(data: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of data) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Buffer | null {
  const clean = text.replace(/=+$/, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const c of clean) {
    const v = BASE32.indexOf(c);
    if (v < 0) return null;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export interface ParsedDigest {
  /** As the record names it, lower case (`sha1`, `sha256`, `md5`…). */
  algorithm: string;
  /** How the value was written: the form is reported, never a reason to fail. */
  encoding: 'base32' | 'hex' | 'base64';
  bytes: Buffer;
}

/** Reads `algo:value`; null with a reason when the algorithm or the value cannot be read. */
export function parseDigest(text: string): ParsedDigest | { error: string } {
  const colon = text.indexOf(':');
  if (colon <= 0) return { error: `"${text.slice(0, 40)}" is not of the form algorithm:value` };
  const algorithm = text.slice(0, colon).trim().toLowerCase();
  const value = text.slice(colon + 1).trim();
  const algo = ALGORITHMS[algorithm];
  if (!algo) return { error: `digest algorithm "${algorithm}" is not one we can compute` };
  const want = algo.bytes;
  if (/^[0-9a-f]+$/i.test(value) && value.length === want * 2)
    return { algorithm, encoding: 'hex', bytes: Buffer.from(value, 'hex') };
  if (
    /^[A-Z2-7]+=*$/i.test(value) &&
    value.replace(/=+$/, '').length === Math.ceil((want * 8) / 5)
  ) {
    const bytes = fromBase32(value);
    if (bytes && bytes.length === want) return { algorithm, encoding: 'base32', bytes };
  }
  if (/^[A-Za-z0-9+/_-]+=*$/.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === want) return { algorithm, encoding: 'base64', bytes };
  }
  return {
    error: `${algorithm} digest value "${value.slice(0, 80)}" is not hex, base32 or base64`,
  };
}

export type DigestCheck =
  | { state: 'none' }
  | { state: 'match'; algorithm: string; encoding: string }
  | { state: 'mismatch'; algorithm: string; encoding: string }
  | { state: 'unreadable'; reason: string };

/** Checks a digest header against one or more candidate byte strings (any one may match). */
export function checkDigest(header: string | undefined, ...candidates: Uint8Array[]): DigestCheck {
  if (header === undefined || header.trim() === '') return { state: 'none' };
  const parsed = parseDigest(header);
  if ('error' in parsed) return { state: 'unreadable', reason: parsed.error };
  const node = ALGORITHMS[parsed.algorithm]!.node;
  for (const c of candidates) {
    if (createHash(node).update(c).digest().equals(parsed.bytes))
      return { state: 'match', algorithm: parsed.algorithm, encoding: parsed.encoding };
  }
  return { state: 'mismatch', algorithm: parsed.algorithm, encoding: parsed.encoding };
}

/** The form most tools write: `sha1:` and base32. */
export function sha1Base32(data: Uint8Array): string {
  return `sha1:${base32(createHash('sha1').update(data).digest())}`;
}

/**
 * Removes HTTP chunked transfer coding; null when the chunks do not add up (a size that is not hex,
 * a chunk running past the end, no closing zero chunk). Bounded by the input's length.
 */
export function dechunk(body: Uint8Array): Buffer | null {
  const data = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', pos);
    if (eol < 0 || eol - pos > 1024) return null;
    const sizeText = data.toString('latin1', pos, eol).split(';')[0]!.trim();
    if (!/^[0-9a-f]{1,8}$/i.test(sizeText)) return null;
    const size = parseInt(sizeText, 16);
    pos = eol + 2;
    if (size === 0) {
      // Trailer fields, then the blank line that ends the body.
      for (;;) {
        const end = data.indexOf('\r\n', pos);
        if (end < 0) return null;
        if (end === pos) return Buffer.concat(parts);
        pos = end + 2;
      }
    }
    if (pos + size + 2 > data.length) return null;
    parts.push(data.subarray(pos, pos + size));
    pos += size;
    if (data[pos] !== 0x0d || data[pos + 1] !== 0x0a) return null;
    pos += 2;
  }
}
