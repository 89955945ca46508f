// The text of an ad version as it is kept at rest: title, body and every field the source gave,
// with the pictures' addresses, as one JSON document encrypted under the field key and bound to
// its column. Ad text is where numbers, e-mail addresses and handles are written, so it is never
// stored in clear; what linking needs of a name is a keyed hash of it.
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { decryptField, deriveKey, encryptField, type FieldKey } from '../platform/crypto.js';
import { AppError } from '../platform/errors.js';

export const AD_TEXT_CONTEXT = 'ad_versions.content';

export const AdText = z.object({
  title: z.string().nullable(),
  body: z.string(),
  postedRaw: z.string().nullable(),
  city: z.string().nullable(),
  displayName: z.string().nullable(),
  phoneRaw: z.string().nullable(),
  ageRaw: z.string().nullable(),
  priceRaw: z.string().nullable(),
  imageUrls: z.array(z.string()),
});
export type AdText = z.infer<typeof AdText>;

export function sealAdText(keys: readonly FieldKey[], text: AdText): string {
  return encryptField(keys, JSON.stringify(AdText.parse(text)), AD_TEXT_CONTEXT);
}

/** The text of a stored version; `versionId` only names it in an error. */
export function openAdText(
  keys: readonly FieldKey[],
  contentEnc: string | null,
  versionId: string,
): AdText {
  if (contentEnc === null) {
    // Only a version stored before encryption at rest, whose text the start-up step has not
    // encrypted yet (it runs before anything else at every start and in `ariadne migrate`).
    throw new AppError(
      'internal',
      `Ad version ${versionId} has no encrypted text yet: run \`ariadne migrate\` to finish the upgrade.`,
    );
  }
  const parsed = AdText.safeParse(JSON.parse(decryptField(keys, contentEnc, AD_TEXT_CONTEXT)));
  if (!parsed.success) {
    throw new AppError('internal', `Ad version ${versionId} has text of an unknown shape.`);
  }
  return parsed.data;
}

/**
 * Keyed hash of a display name (normalised as people write names: case and width folded), so
 * linking counts the names behind a number without reading them. Null for no name.
 */
export function displayNameKey(pepper: Buffer, name: string | null): string | null {
  const norm = name?.normalize('NFKC').toLocaleLowerCase('und').trim();
  if (!norm) return null;
  return createHmac('sha256', deriveKey(pepper, 'display-name')).update(norm).digest('hex');
}
