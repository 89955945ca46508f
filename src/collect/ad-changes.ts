// Deciding whether a fetched ad is new, changed or unchanged: a hash over the normalised fields,
// and the list of fields that differ, so an analyst sees what the poster edited.
import { createHash } from 'node:crypto';

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

export function adContentHash(content: AdContent): string {
  const h = createHash('sha256');
  for (const f of FIELDS) h.update(`${f}\u0000${normalise(content[f])}\u0001`);
  return h.digest('hex');
}

export function changedFields(before: AdContent, after: AdContent): string[] {
  return FIELDS.filter((f) => normalise(before[f]) !== normalise(after[f]));
}
