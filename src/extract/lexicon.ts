// The indicator lexicon: one JSON file per language in ./lexicon, validated with zod when loaded.
// Evidence levels and default weights follow shared/design/INDICATORS.md: validated indicators weigh
// most, practitioner ones little, contested ones nothing (they are shown, never scored).
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { compilePattern, PatternError } from './pattern.js';
import { Evidence, IndicatorCategory } from './schema.js';

export const LEXICON_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'ro', 'pl', 'hu', 'bg'] as const;
export const LexiconLanguage = z.enum(LEXICON_LANGUAGES);
export type LexiconLanguage = z.infer<typeof LexiconLanguage>;

/** Weight bounds per evidence level; a contested indicator can never carry weight. */
export const WEIGHT_RANGE: Record<Evidence, { min: number; max: number }> = {
  validated: { min: 2, max: 5 },
  practitioner: { min: 0.25, max: 2 },
  contested: { min: 0, max: 0 },
};

const weightFollowsEvidence = (e: { evidence: Evidence; weight: number }): boolean =>
  e.weight >= WEIGHT_RANGE[e.evidence].min && e.weight <= WEIGHT_RANGE[e.evidence].max;
const weightMessage = {
  message:
    'weight must follow the evidence level (validated 2–5, practitioner 0.25–2, contested 0)',
  path: ['weight'],
};

export const LexiconEntry = z
  .object({
    /** Shared across languages: the same sign has the same code in every file. */
    code: z.string().regex(/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/),
    category: IndicatorCategory,
    evidence: Evidence,
    weight: z.number(),
    patterns: z.array(z.string().min(1).max(200)).min(1).max(200),
    /** One line for the analyst: what the words suggest and why it matters. */
    explanation: z.string().min(10).max(400),
    /** The published source of the indicator. */
    source: z.string().min(3).max(400),
    /** A negating word just before ("geen minderjarigen", "no teens") cancels the hit. */
    negatable: z.boolean().default(false),
    /**
     * Patterns that are a sign only in a recruitment context: words as common outside recruitment
     * as in it ("16+" on a film, a bare "dm" ending a sex ad). A hit counts where one of the file's
     * `recruitmentContext` words stands in the same sentence, or where another sign of the ad that
     * needs no context points to criminal exploitation (see indicators.ts).
     */
    contextPatterns: z.array(z.string().min(1).max(200)).max(200).default([]),
    /**
     * What context the `contextPatterns` need: `recruitment` (a recruitment word in the sentence
     * or a criminal sign in the ad) or `criminal_sign` (only the latter), for words that sex-work
     * recruitment uses as well ("girls wanted, travel paid" is recruitment.travel_housing's).
     */
    contextNeeds: z.enum(['recruitment', 'criminal_sign']).default('recruitment'),
    /**
     * Patterns of this sign that a real vacancy writes as well ("bel ons", "contact us", "our
     * team"): a hit counts, except in an ad with the marks of a real vacancy, where it is set
     * aside with the weak criminal signs (applyLegitimacy). "Our girls" stays a plain pattern.
     */
    vacancyPatterns: z.array(z.string().min(1).max(200)).max(200).default([]),
    /**
     * A sign whose reading wins where both stand on the same words in an ad that points to
     * criminal exploitation: "zit je nog op school?" in a recruitment post targets the young
     * (crime.targets_young), it does not say the writer is a minor (youth.schoolgirl). A stated
     * age under 18 is another sign (age.minor_stated) and stays.
     */
    yieldsTo: z
      .string()
      .regex(/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/)
      .optional(),
  })
  .strict()
  .refine(weightFollowsEvidence, weightMessage);
export type LexiconEntry = z.infer<typeof LexiconEntry>;

export const LexiconFile = z
  .object({
    language: LexiconLanguage,
    version: z.string().min(1),
    description: z.string().optional(),
    /** Word lists usable in patterns as {name}. */
    classes: z.record(z.string().regex(/^[a-z_]+$/), z.array(z.string().min(1)).min(1)).default({}),
    /** Words that cancel a following negatable hit ("no", "geen", "nicht", …). */
    negators: z.array(z.string().min(1)).default([]),
    /** Words that cancel a negatable hit right before them ("minderjarigen verboden", "kiskorúak nem"). */
    postNegators: z.array(z.string().min(1)).default([]),
    /**
     * Patterns that mark an ad as a real vacancy ("cao", "arbeidsovereenkomst", "payslip"): with
     * enough of them, weak signs of criminal recruitment are set aside (see indicators.ts).
     */
    legitimacy: z.array(z.string().min(1).max(200)).max(200).default([]),
    /**
     * Marks of a warning or prevention message ("snel geld bestaat niet", "don't become a money
     * mule"): signs of criminal recruitment in the same sentence or one beside it are set aside, as a
     * negation sets aside the words it negates (a campaign quotes the bait it warns against).
     */
    warnings: z.array(z.string().min(1).max(200)).max(200).default([]),
    /** Words that make a sentence read as recruitment ("gezocht", "wanted", "verdienen"). */
    recruitmentContext: z.array(z.string().min(1).max(200)).max(200).default([]),
    entries: z.array(LexiconEntry),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((entry, i) => {
      if (seen.has(entry.code)) {
        ctx.addIssue({
          code: 'custom',
          message: `duplicate code ${entry.code}`,
          path: ['entries', i],
        });
      }
      seen.add(entry.code);
      entry.patterns.forEach((p, j) => {
        checkPattern(p, file.classes, ctx, ['entries', i, 'patterns', j]);
      });
      entry.contextPatterns.forEach((p, j) => {
        checkPattern(p, file.classes, ctx, ['entries', i, 'contextPatterns', j]);
      });
      entry.vacancyPatterns.forEach((p, j) => {
        checkPattern(p, file.classes, ctx, ['entries', i, 'vacancyPatterns', j]);
      });
    });
    for (const key of ['legitimacy', 'warnings', 'recruitmentContext'] as const) {
      file[key].forEach((p, j) => {
        checkPattern(p, file.classes, ctx, [key, j]);
      });
    }
  });
export type LexiconFile = z.infer<typeof LexiconFile>;

function checkPattern(
  pattern: string,
  classes: Record<string, string[]>,
  ctx: z.RefinementCtx,
  path: (string | number)[],
): void {
  try {
    compilePattern(pattern, classes);
  } catch (err) {
    const message = err instanceof PatternError ? err.message : String(err);
    ctx.addIssue({ code: 'custom', message, path });
  }
}

const LEXICON_DIR = new URL('./lexicon/', import.meta.url);

/** Reads and validates one lexicon file; throws with every problem listed if it is invalid. */
export function parseLexicon(json: unknown, name = 'lexicon'): LexiconFile {
  const parsed = LexiconFile.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`${name} is invalid: ${problems}`);
  }
  return parsed.data;
}

let builtIn: LexiconFile[] | undefined;

/** The lexicon files shipped in src/extract/lexicon, in a stable order. */
export function loadBuiltInLexicons(): LexiconFile[] {
  if (builtIn) return builtIn;
  const files = readdirSync(LEXICON_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
  builtIn = files.map((f) =>
    parseLexicon(JSON.parse(readFileSync(new URL(f, LEXICON_DIR), 'utf8')) as unknown, f),
  );
  return builtIn;
}
