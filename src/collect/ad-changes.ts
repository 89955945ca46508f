// Deciding whether a fetched ad is new, changed or unchanged: a keyed hash over the normalised
// fields, and the list of fields that differ, so an analyst sees what the poster edited.
// The hash is an HMAC (key derived from the identifier pepper, which never changes), not a plain
// sha256: a plain hash of public ad text would let anyone holding a copy of the database test
// whether the program has seen an ad they know, and confirm a guessed number in a short ad.
import { createHmac } from 'node:crypto';
import { deriveKey } from '../platform/crypto.js';

export interface AdContent {
  title: string | null;
  body: string;
  postedRaw: string | null;
  city: string | null;
  displayName: string | null;
  phoneRaw: string | null;
  ageRaw: string | null;
  priceRaw: string | null;
  imageHashes: string[];
}

const FIELDS: (keyof AdContent)[] = [
  'title',
  'body',
  'postedRaw',
  'city',
  'displayName',
  'phoneRaw',
  'ageRaw',
  'priceRaw',
  'imageHashes',
];

function normalise(value: AdContent[keyof AdContent]): string {
  if (Array.isArray(value)) return [...value].sort().join(',');
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

export function adContentHash(pepper: Buffer, content: AdContent): string {
  const h = createHmac('sha256', deriveKey(pepper, 'ad-content-hash'));
  for (const f of FIELDS) h.update(`${f}\u0000${normalise(content[f])}\u0001`);
  return h.digest('hex');
}

export function changedFields(before: AdContent, after: AdContent): string[] {
  return FIELDS.filter((f) => normalise(before[f]) !== normalise(after[f]));
}
