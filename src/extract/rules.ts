// The rule set an extraction runs with: the built-in lexicons and gazetteer, the analysts' custom
// terms, and their block-list of false hits. Its version is a hash of all of it, so every stored
// result says exactly which rules produced it and a change of rules can re-process affected ads.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  loadBuiltInLexicons,
  WEIGHT_RANGE,
  type LexiconEntry,
  type LexiconFile,
} from './lexicon.js';
import { compilePattern, PatternError, PatternIndex } from './pattern.js';
import { loadGazetteer } from './places.js';
import {
  Evidence,
  FactKind,
  IndicatorCategory,
  SpanField,
  type Fact,
  type SuppressedFact,
} from './schema.js';
import { fold } from '../text/index.js';

/** Bumped when extraction code changes in a way that changes results for the same rules. */
export const EXTRACTOR_VERSION = '6';

const DEFAULT_WEIGHT: Record<Evidence, number> = { validated: 3, practitioner: 1, contested: 0 };

export const CustomTerm = z
  .object({
    code: z
      .string()
      .regex(/^[a-z][a-z0-9_]*\.[a-z0-9_]+$/)
      .optional(),
    category: IndicatorCategory,
    evidence: Evidence.default('practitioner'),
    weight: z.number().optional(),
    patterns: z.array(z.string().min(1).max(200)).min(1).max(50),
    explanation: z.string().min(3).max(400),
    /** ISO 639-1 of the term, or "custom". */
    language: z.string().min(2).max(10).default('custom'),
    source: z.string().min(1).max(400).default('analyst custom term'),
    negatable: z.boolean().default(false),
  })
  .strict()
  .superRefine((term, ctx) => {
    const weight = term.weight ?? DEFAULT_WEIGHT[term.evidence];
    const range = WEIGHT_RANGE[term.evidence];
    if (weight < range.min || weight > range.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['weight'],
        message: `weight ${weight} does not fit evidence ${term.evidence} (${range.min}–${range.max})`,
      });
    }
    term.patterns.forEach((p, i) => {
      try {
        compilePattern(p);
      } catch (err) {
        const message = err instanceof PatternError ? err.message : String(err);
        // The reason names the check, so the console says it in the user's language.
        ctx.addIssue({
          code: 'custom',
          path: ['patterns', i],
          message,
          params: { reason: 'pattern' },
        });
      }
    });
  });
export type CustomTerm = z.input<typeof CustomTerm>;

/**
 * A false hit to set aside: facts of `kind` (optionally only in `field`, only indicator `code`)
 * whose value equals `value` or matches the glob `pattern` (* and ?; case and accents ignored).
 */
export const BlockRule = z
  .object({
    kind: FactKind,
    field: SpanField.optional(),
    value: z.string().min(1).max(500).optional(),
    pattern: z.string().min(1).max(200).optional(),
    code: z.string().min(1).max(100).optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine((r) => r.value !== undefined || r.pattern !== undefined || r.code !== undefined, {
    message: 'a block rule needs a value, a pattern or an indicator code',
  });
export type BlockRule = z.input<typeof BlockRule>;

export const RuleSetInput = z
  .object({
    custom: z.array(CustomTerm).max(5000).default([]),
    blocklist: z.array(BlockRule).max(20000).default([]),
  })
  .strict();
export type RuleSetInput = z.input<typeof RuleSetInput>;

/** What one lexicon pattern stands for when it matches. */
export interface IndicatorRule {
  code: string;
  category: IndicatorCategory;
  evidence: Evidence;
  weight: number;
  explanation: string;
  source: string;
  negatable: boolean;
  /** A context pattern: a sign only in a recruitment context (LexiconEntry.contextPatterns). */
  needsContext: false | LexiconEntry['contextNeeds'];
  /** A vacancy pattern: set aside in an ad that reads as a real vacancy (vacancyPatterns). */
  vacancyAlike: boolean;
  language: string;
  /** Id of the pattern: "lexicon:nl:trust.real_photos#2" or "custom:custom.x#0". */
  rule: string;
}

export interface RuleSet {
  version: string;
  lexicons: LexiconFile[];
  custom: z.output<typeof CustomTerm>[];
  blocklist: z.output<typeof BlockRule>[];
  indicators: PatternIndex<IndicatorRule>;
  /** Negating words per lexicon language, before and after a hit. */
  negators: Map<string, Set<string>>;
  postNegators: Map<string, Set<string>>;
  /** The lexicons' marks of a real vacancy (the lexicon language of each pattern). */
  legitimacy: PatternIndex<{ language: string }>;
  /** The lexicons' marks of a warning or prevention message. */
  warnings: PatternIndex<{ language: string }>;
  /** The lexicons' words that make a sentence read as recruitment. */
  recruitmentContext: PatternIndex<{ language: string }>;
  /** Ids of the rules from vacancyPatterns: their hits yield to a real vacancy's marks. */
  vacancyRules: ReadonlySet<string>;
  /** Code → the code whose reading wins on the same words in a criminal context (yieldsTo). */
  yields: ReadonlyMap<string, string>;
}

/**
 * Builds a rule set from the built-in lexicon plus the analysts' custom terms and block-list.
 * Throws with every problem listed when the custom part is invalid (it comes from the console and
 * is validated there first; this is the last line).
 */
export function buildRuleSet(input: RuleSetInput = {}): RuleSet {
  const parsed = RuleSetInput.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid rule set: ${problems}`);
  }
  const { custom, blocklist } = parsed.data;
  const lexicons = loadBuiltInLexicons();
  const items: { pattern: ReturnType<typeof compilePattern>; data: IndicatorRule }[] = [];
  const negators = new Map<string, Set<string>>();
  const postNegators = new Map<string, Set<string>>();
  type Marks = { pattern: ReturnType<typeof compilePattern>; data: { language: string } }[];
  const legitimacy: Marks = [];
  const warnings: Marks = [];
  const recruitmentContext: Marks = [];
  const vacancyRules = new Set<string>();
  const yields = new Map<string, string>();
  for (const file of lexicons) {
    negators.set(file.language, new Set(file.negators.map(fold)));
    postNegators.set(file.language, new Set(file.postNegators.map(fold)));
    const marks = (list: Marks, patterns: string[]) => {
      for (const p of patterns) {
        list.push({ pattern: compilePattern(p, file.classes), data: { language: file.language } });
      }
    };
    marks(legitimacy, file.legitimacy);
    marks(warnings, file.warnings);
    marks(recruitmentContext, file.recruitmentContext);
    for (const entry of file.entries) {
      entry.patterns.forEach((p, i) => {
        items.push({
          pattern: compilePattern(p, file.classes),
          data: ruleFor(entry, file.language, `lexicon:${file.language}:${entry.code}#${i}`),
        });
      });
      // Numbered after the plain patterns, so existing rule ids stay as they were.
      entry.contextPatterns.forEach((p, i) => {
        const rule = `lexicon:${file.language}:${entry.code}#${entry.patterns.length + i}`;
        items.push({
          pattern: compilePattern(p, file.classes),
          data: { ...ruleFor(entry, file.language, rule), needsContext: entry.contextNeeds },
        });
      });
      const numbered = entry.patterns.length + entry.contextPatterns.length;
      entry.vacancyPatterns.forEach((p, i) => {
        const rule = `lexicon:${file.language}:${entry.code}#${numbered + i}`;
        vacancyRules.add(rule);
        items.push({
          pattern: compilePattern(p, file.classes),
          data: { ...ruleFor(entry, file.language, rule), vacancyAlike: true },
        });
      });
      if (entry.yieldsTo) yields.set(entry.code, entry.yieldsTo);
    }
  }
  custom.forEach((term, t) => {
    const code = term.code ?? `custom.term_${t}`;
    const entry: LexiconEntry = {
      code,
      category: term.category,
      evidence: term.evidence,
      weight: term.weight ?? DEFAULT_WEIGHT[term.evidence],
      patterns: term.patterns,
      explanation: term.explanation,
      source: term.source,
      negatable: term.negatable,
      contextPatterns: [],
      contextNeeds: 'recruitment',
      vacancyPatterns: [],
    };
    term.patterns.forEach((p, i) => {
      items.push({
        pattern: compilePattern(p),
        data: ruleFor(entry, term.language, `custom:${code}#${i}`),
      });
    });
  });
  const version = hashRuleSet(lexicons, custom, blocklist);
  return {
    version,
    lexicons,
    custom,
    blocklist,
    indicators: new PatternIndex(items),
    negators,
    postNegators,
    legitimacy: new PatternIndex(legitimacy),
    warnings: new PatternIndex(warnings),
    recruitmentContext: new PatternIndex(recruitmentContext),
    vacancyRules,
    yields,
  };
}

function ruleFor(entry: LexiconEntry, language: string, rule: string): IndicatorRule {
  return {
    code: entry.code,
    category: entry.category,
    evidence: entry.evidence,
    weight: entry.weight,
    explanation: entry.explanation,
    source: entry.source,
    negatable: entry.negatable,
    needsContext: false,
    vacancyAlike: false,
    language,
    rule,
  };
}

function hashRuleSet(lexicons: LexiconFile[], custom: unknown[], blocklist: unknown[]): string {
  const hash = createHash('sha256');
  hash.update(`extractor:${EXTRACTOR_VERSION}\n`);
  hash.update(`gazetteer:${loadGazetteer().hash}\n`);
  hash.update(canonicalJson(lexicons));
  hash.update('\n');
  hash.update(canonicalJson(custom));
  hash.update('\n');
  hash.update(canonicalJson(blocklist));
  return `rs-${hash.digest('hex').slice(0, 16)}`;
}

/** JSON with sorted keys, so equal rule sets hash equally whatever order keys were written in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

let defaultRules: RuleSet | undefined;

/** The built-in rules alone, built once. */
export function defaultRuleSet(): RuleSet {
  defaultRules ??= buildRuleSet();
  return defaultRules;
}

/**
 * Glob match with * (any run) and ? (one character), linear in practice: the classic greedy scan
 * that only ever backtracks to the last star, O(value × pattern) at worst with both bounded.
 */
export function globMatch(pattern: string, value: string): boolean {
  let p = 0;
  let v = 0;
  let star = -1;
  let mark = 0;
  while (v < value.length) {
    const pc = pattern[p];
    if (pc !== undefined && (pc === '?' || pc === value[v])) {
      p++;
      v++;
    } else if (pc === '*') {
      star = p++;
      mark = v;
    } else if (star >= 0) {
      p = star + 1;
      v = ++mark;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

const digitsOnly = (s: string): string => s.replace(/\D/g, '');

/** The block rule that sets this fact aside, if any. */
export function blockingRule(
  fact: Fact,
  blocklist: z.output<typeof BlockRule>[],
): z.output<typeof BlockRule> | undefined {
  const value = fold(fact.value);
  const raw = fold(fact.raw);
  return blocklist.find((rule) => {
    if (rule.kind !== fact.kind) return false;
    if (rule.field && rule.field !== fact.span.field) return false;
    if (rule.code && !(fact.kind === 'indicator' && fact.code === rule.code)) return false;
    if (rule.value !== undefined) {
      const v = fold(rule.value);
      const samePhone =
        fact.kind === 'phone' &&
        digitsOnly(v).length >= 6 &&
        (digitsOnly(v) === digitsOnly(fact.raw) || `+${digitsOnly(v)}` === fact.value);
      if (v !== value && v !== raw && !samePhone) return false;
    }
    if (rule.pattern !== undefined) {
      const g = fold(rule.pattern);
      if (!globMatch(g, value) && !globMatch(g, raw)) return false;
    }
    return true;
  });
}

/** Splits facts into kept and suppressed by the block-list. */
export function applyBlocklist(
  facts: Fact[],
  blocklist: z.output<typeof BlockRule>[],
): { kept: Fact[]; suppressed: SuppressedFact[] } {
  if (blocklist.length === 0) return { kept: facts, suppressed: [] };
  const kept: Fact[] = [];
  const suppressed: SuppressedFact[] = [];
  for (const fact of facts) {
    const rule = blockingRule(fact, blocklist);
    if (!rule) {
      kept.push(fact);
      continue;
    }
    const by = rule.note ?? `${rule.kind}:${rule.code ?? rule.value ?? rule.pattern ?? ''}`;
    suppressed.push({ fact, reason: 'blocklist', by });
  }
  return { kept, suppressed };
}
