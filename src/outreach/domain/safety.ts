// The first-message safety check: words that could endanger the person if someone who controls
// them reads the phone — trafficking, exploitation, police, victim, help organisations, shelter,
// rescue, reporting, social workers, NGOs, exit programmes — and the organisation's own name and
// custom words from its configuration. A first message with any hit needs a supervisor's
// confirmation before it can go out.
//
// Word lists live in ./safety/<language>.json (one per outreach language) so that practitioners
// can extend them without touching code. Every list is checked whatever the message's language:
// a controller may read any of them, and messages mix languages ("Hoi! Need help?"). Matching is
// on folded whole words (case and accents ignored), with `*` for inflections and compounds.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OUTREACH_LANGUAGES, OutreachLanguage, parseDataFile } from './languages.js';
import { compilePattern, PatternError, PatternSet, words, type CompiledPattern } from './words.js';

export const LIST_CATEGORIES = [
  'trafficking',
  'exploitation',
  'police',
  'authorities',
  'victim',
  'help',
  'help_organisation',
  'shelter',
  'rescue',
  'report',
  'social_worker',
  'ngo',
  'exit',
] as const;
export const SAFETY_CATEGORIES = [...LIST_CATEGORIES, 'organisation', 'custom'] as const;
export const SafetyCategory = z.enum(SAFETY_CATEGORIES);
export type SafetyCategory = z.infer<typeof SafetyCategory>;

/** Why a category is a risk, for the worker and the supervisor who confirms. */
export const CATEGORY_REASONS: Record<SafetyCategory, string> = {
  trafficking: 'Names trafficking.',
  exploitation: 'Names exploitation, coercion or a pimp.',
  police: 'Mentions the police.',
  authorities: 'Mentions authorities, immigration or the courts.',
  victim: 'Calls the person a victim.',
  help: 'Offers help in words that show why we write.',
  help_organisation: 'Names a help organisation or helpline.',
  shelter: 'Mentions a shelter or safe house.',
  rescue: 'Speaks of rescue or escape.',
  report: 'Speaks of reporting or testifying.',
  social_worker: 'Names social or outreach work.',
  ngo: 'Names an NGO, foundation or volunteers.',
  exit: 'Speaks of leaving sex work.',
  organisation: 'Names our organisation, which a controller can look up.',
  custom: "Is on the organisation's own list of words to avoid.",
};
const RISK =
  ' If a controller reads the phone, this could put the person in danger (a first message stays neutral).';

const Pattern = z.string().trim().min(1).max(200);

/** Checks that a pattern compiles, so a bad word list fails at load with a clear message. */
function refinePatterns(patterns: readonly string[], ctx: z.RefinementCtx, path: PropertyKey[]) {
  patterns.forEach((p, i) => {
    try {
      compilePattern(p, null);
    } catch (err) {
      if (!(err instanceof PatternError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message, path: [...path, i] });
    }
  });
}

export const SafetyTerm = z
  .object({
    category: z.enum(LIST_CATEGORIES),
    patterns: z.array(Pattern).min(1).max(200),
    /** Words that look like a hit but are not ("zwanglos" is not "Zwang"). */
    except: z.array(Pattern).max(50).default([]),
  })
  .strict()
  .superRefine((t, ctx) => {
    refinePatterns(t.patterns, ctx, ['patterns']);
    refinePatterns(t.except, ctx, ['except']);
  });

export const SafetyFile = z
  .object({
    language: OutreachLanguage,
    version: z.string().min(1),
    description: z.string().optional(),
    terms: z.array(SafetyTerm).min(1),
  })
  .strict();
export type SafetyFile = z.infer<typeof SafetyFile>;

export const CustomSafetyTerm = z.union([
  Pattern,
  z.object({ pattern: Pattern, why: z.string().trim().min(3).max(300).optional() }).strict(),
]);

/** The organisation's part of the check, from its configuration. */
export const SafetyConfig = z
  .object({
    /** The organisation's names and abbreviations, matched as whole words ("Fier", "CKM"). */
    organisationNames: z.array(z.string().trim().min(2).max(120)).max(20).default([]),
    /** More words to flag, in the pattern syntax of the lists ("mensenhandel*", "*opvang"). */
    customTerms: z.array(CustomSafetyTerm).max(500).default([]),
    /** Lists to check; all nine by default (a controller may read any of them). */
    languages: z.array(OutreachLanguage).min(1).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    c.customTerms.forEach((t, i) =>
      refinePatterns([typeof t === 'string' ? t : t.pattern], ctx, ['customTerms', i]),
    );
    c.organisationNames.forEach((name, i) => {
      if (words(name).length === 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'a name needs letters',
          path: ['organisationNames', i],
        });
      }
    });
  });
export type SafetyConfig = z.input<typeof SafetyConfig>;

export const MAX_SAFETY_TEXT = 20_000;

export const SafetyCheckInput = z
  .object({
    text: z.string().max(MAX_SAFETY_TEXT),
    /** The person has never written to us: what we send may be the first thing a controller sees. */
    firstMessage: z.boolean(),
    /** The message's language; its list is preferred when two lists flag the same words. */
    language: OutreachLanguage.optional(),
  })
  .strict();
export type SafetyCheckInput = z.input<typeof SafetyCheckInput>;

export interface SafetyHit {
  /** UTF-16 offsets into the checked text. */
  start: number;
  end: number;
  /** The words as written in the text. */
  text: string;
  /** The list entry that matched ("slachtoffer*", an organisation name, a custom word). */
  term: string;
  category: SafetyCategory;
  /** The word list it came from; null for the organisation's names and custom words. */
  language: OutreachLanguage | null;
  why: string;
}

export interface SafetyResult {
  hits: SafetyHit[];
  /** A first message with hits goes out only after a supervisor confirms. */
  requiresConfirmation: boolean;
}

interface TermData {
  category: SafetyCategory;
  language: OutreachLanguage | null;
  why: string;
  except: PatternSet<null> | null;
}

const SAFETY_DIR = new URL('./safety/', import.meta.url);
let builtIn: Map<OutreachLanguage, SafetyFile> | undefined;

/** The shipped word lists, validated on first use. */
export function loadSafetyLists(): Map<OutreachLanguage, SafetyFile> {
  if (builtIn) return builtIn;
  const lists = new Map<OutreachLanguage, SafetyFile>();
  for (const lang of OUTREACH_LANGUAGES) {
    const name = `safety/${lang}.json`;
    const file = parseDataFile(
      SafetyFile,
      JSON.parse(readFileSync(new URL(`${lang}.json`, SAFETY_DIR), 'utf8')) as unknown,
      name,
    );
    if (file.language !== lang) throw new Error(`${name} says it is ${file.language}`);
    lists.set(lang, file);
  }
  builtIn = lists;
  return lists;
}

function compileChecker(config: z.output<typeof SafetyConfig>, preferred?: OutreachLanguage) {
  const lists = loadSafetyLists();
  const order = [...(config.languages ?? OUTREACH_LANGUAGES)];
  if (preferred && order.includes(preferred)) {
    order.splice(order.indexOf(preferred), 1);
    order.unshift(preferred);
  }
  const compiled: CompiledPattern<TermData>[] = [];
  // The organisation's own names come first: they are the most telling hit.
  for (const name of config.organisationNames) {
    const exact = words(name)
      .map((w) => w.norm)
      .join(' ');
    compiled.push(
      compilePattern(exact, {
        category: 'organisation',
        language: null,
        why: CATEGORY_REASONS.organisation + RISK,
        except: null,
      }),
    );
  }
  for (const t of config.customTerms) {
    const pattern = typeof t === 'string' ? t : t.pattern;
    const why = (typeof t === 'string' ? undefined : t.why) ?? CATEGORY_REASONS.custom;
    compiled.push(
      compilePattern(pattern, {
        category: 'custom',
        language: null,
        why: why + RISK,
        except: null,
      }),
    );
  }
  for (const lang of order) {
    for (const term of lists.get(lang)?.terms ?? []) {
      const except = term.except.length
        ? new PatternSet(term.except.map((e) => compilePattern(e, null)))
        : null;
      const data: TermData = {
        category: term.category,
        language: lang,
        why: CATEGORY_REASONS[term.category] + RISK,
        except,
      };
      for (const p of term.patterns) compiled.push(compilePattern(p, data));
    }
  }
  return new PatternSet(compiled);
}

const cache = new Map<string, PatternSet<TermData>>();
const CACHE_SIZE = 16;

function checkerFor(config: z.output<typeof SafetyConfig>, preferred?: OutreachLanguage) {
  const key = JSON.stringify([config, preferred ?? null]);
  let set = cache.get(key);
  if (!set) {
    set = compileChecker(config, preferred);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    cache.set(key, set);
  }
  return set;
}

/**
 * Flags the words in a message that could endanger the person, each with its span and the reason.
 * A first message with hits requires a supervisor's confirmation.
 */
export function checkMessageSafety(
  input: SafetyCheckInput,
  config: SafetyConfig = {},
): SafetyResult {
  const { text, firstMessage, language } = SafetyCheckInput.parse(input);
  const set = checkerFor(SafetyConfig.parse(config), language);
  const ws = words(text);
  const norms = ws.map((w) => w.norm);
  const hits: SafetyHit[] = [];
  let i = 0;
  while (i < norms.length) {
    const match = set.matchAt(norms, i).find((m) => {
      const except = m.pattern.data.except;
      if (!except) return true;
      for (let k = m.from; k < m.to; k++) {
        if (except.matchAt(norms, k).some((e) => e.to === k + 1)) return false;
      }
      return true;
    });
    if (!match) {
      i += 1;
      continue;
    }
    const first = ws[match.from] as (typeof ws)[number];
    const last = ws[match.to - 1] as (typeof ws)[number];
    const { category, language: listLanguage, why } = match.pattern.data;
    hits.push({
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      term: match.pattern.source,
      category,
      language: listLanguage,
      why,
    });
    i = match.to;
  }
  return { hits, requiresConfirmation: firstMessage && hits.length > 0 };
}
