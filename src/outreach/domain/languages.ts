// The nine languages outreach writes in: templates, safety word lists and opt-out words exist for
// each of them. The same list as the extraction lexicon, so an ad's language maps straight onto it.
import { z } from 'zod';

export const OUTREACH_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'ro', 'pl', 'hu', 'bg'] as const;
export const OutreachLanguage = z.enum(OUTREACH_LANGUAGES);
export type OutreachLanguage = z.infer<typeof OutreachLanguage>;

export function isOutreachLanguage(code: string): code is OutreachLanguage {
  return (OUTREACH_LANGUAGES as readonly string[]).includes(code);
}

/** Reads a data file shipped beside the code and validates it; every problem is listed. */
export function parseDataFile<S extends z.ZodType>(
  schema: S,
  json: unknown,
  name: string,
): z.output<S> {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${name} is invalid: ${problems}`);
  }
  return parsed.data;
}
