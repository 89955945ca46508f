// The score model: every weight of the triage score as versioned, validated data. Points per
// indicator follow the evidence level of shared/design/INDICATORS.md (lexicon weight × a factor per
// level; contested signs are shown and never scored), categories are capped so synonyms of one sign
// do not add up, an entity counts each indicator once (its best hit), linking features score by
// thresholds, and a stated or implied minor is urgent whatever the score. Each weight carries the
// reasoning a supervisor reviews; `models/v1.json` is the default, `models/README.md` explains it.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { Evidence, ExploitationType, IndicatorCategory } from '../extract/index.js';
import type { EntityFeatures } from '../link/index.js';

/** Flags a score can set, for the queue's filters. Stable across model versions. */
export const SCORE_FLAGS = {
  urgent: 'A stated or implied minor: review first, whatever the score.',
  young: 'A stated age of 18–21.',
  targets_young:
    'A recruiter aims at young people ("16+", "school kids"): whom the offer is after, not the age of this person.',
  obfuscation: 'A contact (phone, e-mail, messenger) written in disguise.',
  third_party: 'Signs that someone other than the person writes or runs the ads.',
  recruitment: 'Work, travel, housing or advances offered: recruitment language.',
  shared_number: 'One phone number used for several different names.',
  template: 'The text template is shared with other entities (other numbers).',
  image_reuse: 'A picture also appears in other entities’ ads.',
  moving: 'Ads placed the entity in several cities within 14 days.',
  multiple_ages: 'Several different ages stated behind one entity.',
  high_volume: 'Many new ads per week.',
} as const;
export type ScoreFlag = keyof typeof SCORE_FLAGS;
export const ScoreFlag = z.enum(Object.keys(SCORE_FLAGS) as [ScoreFlag, ...ScoreFlag[]]);
/** Flags the scorer sets itself (from age facts and the urgent rule); a model cannot assign them. */
export const BUILT_IN_FLAGS = ['urgent', 'young'] as const satisfies readonly ScoreFlag[];
const AssignableFlag = ScoreFlag.exclude([...BUILT_IN_FLAGS]);

type KeysOfType<T, V> = { [K in keyof T]-?: T[K] extends V ? K : never }[keyof T];
/** Entity features a rule can read: plain numbers (compared as they are) and lists (counted). */
export const NUMERIC_FEATURES = [
  'ads',
  'activeAds',
  'displayNames',
  'cities',
  'cities14d',
  'postingRatePerWeek',
  'phones',
  'namesPerNumber',
  'templateAds',
  'templateEntities',
  'sharedImages',
  'imageEntities',
  'obfuscatedContacts',
] as const satisfies readonly KeysOfType<EntityFeatures, number>[];
export const LIST_FEATURES = ['statedAges', 'languages'] as const satisfies readonly KeysOfType<
  EntityFeatures,
  unknown[]
>[];
export const FeatureName = z.enum([...NUMERIC_FEATURES, ...LIST_FEATURES]);
export type FeatureName = z.infer<typeof FeatureName>;

/** Languages a model's texts may be written in; English is required, the others optional. */
export const MODEL_TEXT_LANGUAGES = ['en', 'nl'] as const;
export type ModelTextLanguage = (typeof MODEL_TEXT_LANGUAGES)[number];

/**
 * A model text: plain English, or one text per language ({ en, nl }) so the console shows it in
 * the reader's language. A missing language falls back to English (see `textIn`).
 */
function localText(text: z.ZodString) {
  return z.union([text, z.object({ en: text, nl: text.optional() }).strict()]);
}
export type LocalText = string | { en: string; nl?: string | undefined };

/** A text in one language, English when the model has no translation. */
export function textIn(text: LocalText, language: ModelTextLanguage = 'en'): string {
  if (typeof text === 'string') return text;
  return text[language] ?? text.en;
}

/** The same text with every language it has ({ en } for a plain string). */
export function allLanguages(text: LocalText): { en: string; nl?: string } {
  return typeof text === 'string' ? { en: text } : { ...text };
}

const Why = localText(
  z
    .string()
    .trim()
    .min(20, 'explain the reasoning for this weight (at least 20 characters)')
    .max(2000),
);
const Points = z.number().int('points are whole numbers').min(0).max(100);
/** Same form as lexicon codes ("trust.real_photos", "age.18_19"). */
export const IndicatorCode = z
  .string()
  .regex(/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/, 'an indicator code looks like "trust.real_photos"');

const Factor = z.object({ factor: z.number().min(0).max(20), why: Why }).strict();
const Cap = z.object({ cap: Points, why: Why }).strict();

/** The boilerplate rule's reasoning for models that predate it (models/v1.json carries its own). */
const DEFAULT_BOILERPLATE_WHY = {
  en: 'Text that a site repeats across most of its ads, behind many unrelated numbers (a footer, "real photos" on every ad), is the site\'s, not the advertiser\'s: it says nothing about the person behind one ad, and scoring it gave every entity on such a site the same points before anything was known about it.',
  nl: 'Tekst die een site in de meeste van haar advertenties herhaalt, achter veel verschillende nummers (een voettekst, "echte foto\'s" in elke advertentie), is van de site, niet van de adverteerder: hij zegt niets over de persoon achter één advertentie, en wie hem meetelde gaf elke entiteit op zo\'n site dezelfde punten voordat er iets over bekend was.',
};

export const FeatureTier = z
  .object({
    /** The rule fires when the measured value is at least this. */
    atLeast: z.number().positive('a threshold must be above 0 (else the rule always fires)'),
    points: Points,
  })
  .strict();
export type FeatureTier = z.infer<typeof FeatureTier>;

export const FeatureRule = z
  .object({
    feature: FeatureName,
    /** `value` for number features; `distinct` counts the distinct members of a list feature. */
    measure: z.enum(['value', 'distinct']),
    /** Ascending thresholds; the highest one reached gives the points. */
    tiers: z.array(FeatureTier).min(1).max(5),
    evidence: Evidence,
    /** Flag set whenever the first threshold is reached (also at 0 points). */
    flag: AssignableFlag.optional(),
    /** One line for the analyst; {value} is the measured value, {items} the list's members. */
    label: localText(z.string().trim().min(3).max(200)),
    why: Why,
    source: z.string().trim().min(3).max(400),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const isList = (LIST_FEATURES as readonly string[]).includes(rule.feature);
    if (isList && rule.measure !== 'distinct') {
      ctx.addIssue({
        code: 'custom',
        path: ['measure'],
        message: `${rule.feature} is a list: measure it with "distinct"`,
      });
    }
    if (!isList && rule.measure !== 'value') {
      ctx.addIssue({
        code: 'custom',
        path: ['measure'],
        message: `${rule.feature} is a number: measure it with "value"`,
      });
    }
    rule.tiers.forEach((t, i) => {
      const prev = rule.tiers[i - 1];
      if (prev && t.atLeast <= prev.atLeast) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'atLeast'],
          message: 'thresholds must rise from tier to tier',
        });
      }
      if (prev && t.points < prev.points) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'points'],
          message: 'a higher threshold cannot give fewer points',
        });
      }
      if (rule.evidence === 'contested' && t.points !== 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', i, 'points'],
          message: 'contested signals are shown, never scored (INDICATORS.md): points must be 0',
        });
      }
    });
  });
export type FeatureRule = z.infer<typeof FeatureRule>;

export const ScoreModel = z
  .object({
    /** The format of this document, so a later format can read older models. */
    format: z.literal('ariadne.score-model/1'),
    name: z.string().trim().min(1).max(100),
    description: z.string().trim().min(1).max(4000),
    indicators: z
      .object({
        /** Points of an indicator = round(lexicon weight × factor of its evidence level). */
        evidenceFactors: z
          .object({
            validated: Factor,
            practitioner: Factor,
            contested: z
              .object({
                factor: z.literal(0, {
                  error:
                    'contested indicators are shown, never scored (INDICATORS.md): the factor must be 0',
                }),
                why: Why,
              })
              .strict(),
          })
          .strict()
          .refine((f) => f.validated.factor >= f.practitioner.factor, {
            message:
              'validated indicators must weigh at least as much as practitioner ones (INDICATORS.md): validated.factor ≥ practitioner.factor',
            path: ['validated', 'factor'],
          }),
        /** Fixed points for one code, instead of weight × factor. Never applies to contested hits. */
        overrides: z.record(IndicatorCode, z.object({ points: Points, why: Why }).strict()),
        /** Most points all indicators of one category add together. */
        categoryCaps: z.partialRecord(IndicatorCategory, Cap),
        /** Cap of the categories not listed. */
        defaultCap: Cap,
        /** How an entity counts ad-level evidence: each code once, at its best hit. */
        entityAggregation: z
          .object({ perCode: z.literal('best', { error: 'only "best" is supported' }), why: Why })
          .strict(),
        /** Text spans quoted per reason. */
        maxHits: z.number().int().min(1).max(20),
      })
      .strict(),
    /**
     * Signs found in site boilerplate (text the source repeats across most of its ads, over many
     * numbers: src/link/boilerplate.ts): their points × factor. The site's text says nothing about
     * the person behind one ad. Models written before the rule get it with factor 0.
     */
    boilerplate: z
      .object({ factor: z.number().min(0).max(1), why: Why })
      .strict()
      .default({ factor: 0, why: DEFAULT_BOILERPLATE_WHY }),
    /** Flags set by indicator categories (when a non-contested indicator of it is present). */
    categoryFlags: z.partialRecord(IndicatorCategory, AssignableFlag),
    /** Rules over the entity's linking features (entity scores only). */
    features: z
      .array(FeatureRule)
      .max(30)
      .superRefine((rules, ctx) => {
        const seen = new Set<string>();
        rules.forEach((r, i) => {
          if (seen.has(r.feature)) {
            ctx.addIssue({
              code: 'custom',
              path: [i, 'feature'],
              message: `one rule per feature: ${r.feature} appears twice (use tiers)`,
            });
          }
          seen.add(r.feature);
        });
      }),
    urgent: z
      .object({
        /** A stated age under 18 is always urgent; a model cannot turn that off. */
        minorAge: z.literal(true, { error: 'a stated age under 18 is always urgent' }),
        /** Indicator categories whose non-contested hits make the result urgent. */
        categories: z
          .array(IndicatorCategory)
          .min(1)
          .refine((c) => c.includes('possible_minor'), {
            message: 'possible_minor indicators must make a result urgent',
          }),
        /** Codes of those categories that do not (e.g. a stated 18 or 19: adult, but young). */
        exceptCodes: z.array(z.object({ code: IndicatorCode, why: Why }).strict()).max(50),
        why: Why,
      })
      .strict(),
    /** Entities at or above this score join the triage queue (urgent ones always do). */
    leadThreshold: z.number().int().min(1).max(100),
    leadThresholdWhy: Why,
    /**
     * Thresholds of their own for entities whose signs point to one kind of exploitation (the
     * type of exploitationTypeOf); the others use leadThreshold.
     */
    leadThresholdByType: z
      .partialRecord(
        ExploitationType.exclude(['unclear']),
        z.object({ threshold: z.number().int().min(1).max(100), why: Why }).strict(),
      )
      .optional(),
  })
  .strict();
export type ScoreModel = z.infer<typeof ScoreModel>;

/**
 * The score from which an entity of this type is a lead. An entity whose signs point both ways
 * takes the lowest threshold of either kind: its criminal signs alone may be what make it a lead.
 */
export function leadThresholdOf(model: ScoreModel, type: ExploitationType): number {
  const of = (t: 'sexual' | 'criminal' | 'both') =>
    model.leadThresholdByType?.[t]?.threshold ?? model.leadThreshold;
  if (type === 'unclear') return model.leadThreshold;
  if (type === 'both') return Math.min(of('both'), of('sexual'), of('criminal'));
  return of(type);
}

export interface ModelIssue {
  path: string;
  message: string;
}

/** Validates a model; on failure every problem with its path ("indicators.defaultCap.cap"). */
export function parseScoreModel(
  input: unknown,
): { ok: true; model: ScoreModel } | { ok: false; issues: ModelIssue[] } {
  const parsed = ScoreModel.safeParse(input);
  if (parsed.success) return { ok: true, model: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({
      path: i.path.map(String).join('.') || '(model)',
      message: i.message,
    })),
  };
}

export function describeIssues(issues: ModelIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}

const DEFAULT_MODEL_FILE = new URL('./models/v1.json', import.meta.url);
let defaultModel: ScoreModel | undefined;

/** The shipped default (models/v1.json), validated; throws listing every problem if it is not. */
export function loadDefaultModel(): ScoreModel {
  if (defaultModel) return defaultModel;
  const json = JSON.parse(readFileSync(DEFAULT_MODEL_FILE, 'utf8')) as unknown;
  const parsed = parseScoreModel(json);
  if (!parsed.ok) {
    throw new Error(`models/v1.json is not a valid score model:\n${describeIssues(parsed.issues)}`);
  }
  defaultModel = parsed.model;
  return defaultModel;
}
