// Signs of exploitation in an ad's words, from the lexicon files (see INDICATORS.md for why each
// has the evidence level and weight it has), and the signs derived from other facts: an obfuscated
// phone number (validated), a stated minor or 18–19 age, a very low price. Entity-level signals
// (one number for many names, template text across numbers) come from linking, not from here.
// Weak signs of criminal recruitment ("geen ervaring nodig", "16+", "koeriers gezocht") are also
// how real vacancies read; in an ad that carries the marks of one (a contract, a collective
// agreement, a wage per hour in the normal range, an address) they are set aside unless a strong
// sign (lending a bank card or account) says otherwise. A warning ("snel geld bestaat niet", "don't
// become a money mule") sets aside the signs it quotes, and words as common outside recruitment as
// in it ("16+", a bare "dm") count only in a recruitment context.
import { isVeryLowPrice } from './price.js';
import type { IndicatorRule, RuleSet } from './rules.js';
import {
  CATEGORY_EXPLOITATION,
  type Evidence,
  type Fact,
  type IndicatorCategory,
  type IndicatorFact,
  type PriceFact,
  type SpanField,
  type SuppressedFact,
} from './schema.js';
import { readLetterSwaps, tokenize, type Token } from './text.js';

const NEGATION_WINDOW = 3;

export interface IndicatorOptions {
  field: SpanField;
  /** ISO 639-1 of the ad: its negating words also cancel hits, and its hits win ties. */
  adLanguage: string | null;
}

/**
 * Lexicon matches in one field, with negated hits and hits inside a warning returned separately.
 * Hits of context patterns with no recruitment word in their sentence come back as `needContext`:
 * whether they count depends on the ad's other signs (applyRecruitmentContext).
 */
export function extractIndicators(
  text: string,
  tokens: Token[],
  rules: RuleSet,
  options: IndicatorOptions,
): { facts: IndicatorFact[]; negated: SuppressedFact[]; needContext: IndicatorFact[] } {
  const facts: IndicatorFact[] = [];
  const waiting: IndicatorFact[] = [];
  const negated: SuppressedFact[] = [];
  const english = rules.negators.get('en');
  const adNegators = options.adLanguage ? rules.negators.get(options.adLanguage) : undefined;
  let sentences: number[] | undefined;
  const negatorSets = [adNegators, english, rules.negators.get('nl')];
  // Both kinds of marks are looked for only once a hit needs them: most ads have no such hit.
  let warnings: Map<number, string> | undefined;
  let context: Map<number, string> | undefined;
  // The words as written, and once more with look-alike digits read as letters ("c4sh"): the
  // second reading has the same offsets, so its facts point at the original characters.
  const swapped = readLetterSwaps(text);
  const readings = swapped === null ? [tokens] : [tokens, tokenize(swapped)];
  for (const words of readings) {
    for (const hit of rules.indicators.find(words)) {
      const first = words[hit.startToken];
      const last = words[hit.endToken - 1];
      if (!first || !last) continue;
      const fact = toFact(text, hit.data, first, last, options.field);
      if (hit.data.negatable) {
        const sets = [rules.negators.get(hit.data.language), adNegators, english];
        const postSets = [
          rules.postNegators.get(hit.data.language),
          options.adLanguage ? rules.postNegators.get(options.adLanguage) : undefined,
        ];
        const by =
          negatorBefore(words, hit.startToken, sets) ?? negatorAfter(words, hit.endToken, postSets);
        if (by) {
          negated.push({ fact, reason: 'negated', by });
          continue;
        }
      }
      if (!CRIME.has(fact.category) && !hit.data.needsContext) {
        facts.push(fact);
        continue;
      }
      sentences ??= sentenceStarts(tokens);
      const sentence = sentenceOf(sentences, first.start);
      if (CRIME.has(fact.category)) {
        // A warning quotes the bait it warns against, in its own sentence or one beside it
        // ("Snel geld? Dat bestaat niet.").
        warnings ??= marksBySentence(text, tokens, rules.warnings, sentences, [
          ...negatorSets,
          UNWARNED,
        ]);
        const by =
          warnings.get(sentence) ?? warnings.get(sentence - 1) ?? warnings.get(sentence + 1);
        if (by !== undefined) {
          negated.push({ fact, reason: 'warning_context', by });
          continue;
        }
      }
      if (hit.data.needsContext === 'criminal_sign') {
        waiting.push(fact);
        continue;
      }
      if (hit.data.needsContext === 'recruitment') {
        context ??= marksBySentence(text, tokens, rules.recruitmentContext, sentences);
        if (!context.has(sentence)) {
          waiting.push(fact);
          continue;
        }
      }
      facts.push(fact);
    }
  }
  const kept = dedupe(facts, options.adLanguage);
  // A waiting hit where a plain one of the same sign already stands adds nothing.
  const needContext =
    waiting.length === 0
      ? waiting
      : dedupe(
          waiting.filter((w) => !kept.some((f) => f.code === w.code && overlaps(f, w))),
          options.adLanguage,
        );
  return { facts: kept, negated: dedupeSuppressed(negated), needContext };
}

const overlaps = (a: IndicatorFact, b: IndicatorFact): boolean =>
  a.span.start < b.span.end && b.span.start < a.span.end;

/** Offsets where a sentence starts (the first token's, then each token after a break). */
function sentenceStarts(tokens: Token[]): number[] {
  const starts = [0];
  for (const t of tokens) if (t.brk) starts.push(t.start);
  return starts;
}

/** Index of the sentence an offset lies in (binary search over the starts). */
function sentenceOf(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The first mark of a kind in each sentence that has one, by sentence index. */
function marksBySentence(
  text: string,
  tokens: Token[],
  index: RuleSet['warnings'],
  sentences: number[],
  negators: (Set<string> | undefined)[] = [],
): Map<number, string> {
  const out = new Map<number, string>();
  for (const hit of index.find(tokens)) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last) continue;
    // "You won't get caught", "niemand wordt gepakt": a recruiter's reassurance, not a warning.
    if (negators.length > 0 && negatorBefore(tokens, hit.startToken, negators, 2)) continue;
    const sentence = sentenceOf(sentences, first.start);
    if (!out.has(sentence)) out.set(sentence, text.slice(first.start, last.end));
  }
  return out;
}

/**
 * Keeps the hits of context patterns that had no recruitment word in their sentence only where
 * another sign of the ad points to criminal exploitation: "16+" beside "snel geld" is a target,
 * "16+" on a film poster is not; a bare "dm" ends sex ads as often as recruitment posts. The rest
 * are no sign at all (the words alone say nothing), so they are dropped, not shown as set aside.
 */
export function applyRecruitmentContext(
  facts: Fact[],
  needContext: IndicatorFact[],
): IndicatorFact[] {
  if (needContext.length === 0) return [];
  const criminal = facts.some(
    (f) => f.kind === 'indicator' && CATEGORY_EXPLOITATION[f.category] === 'criminal',
  );
  if (!criminal) return [];
  return needContext.filter(
    (w) =>
      !facts.some(
        (f) =>
          f.kind === 'indicator' &&
          f.code === w.code &&
          f.span.field === w.span.field &&
          overlaps(f, w),
      ),
  );
}

/**
 * Drops a hit whose sign yields to another (LexiconEntry.yieldsTo) where a hit of that other sign
 * stands on the same words and a further sign of the ad points to criminal exploitation: in a
 * recruitment post "zit je nog op school?" is a question aimed at the young, not a minor's own
 * words, so it is read once, as crime.targets_young. A sex ad's "schoolmeisje, nog op school" has
 * no criminal sign beside it and stays a possible minor; a stated age under 18 is another sign.
 */
export function applyYields(facts: Fact[], yields: ReadonlyMap<string, string>): Fact[] {
  if (yields.size === 0) return facts;
  const signs = facts.filter((f): f is IndicatorFact => f.kind === 'indicator');
  const yielding = signs.filter((f) => yields.has(f.code));
  if (yielding.length === 0) return facts;
  const drop = new Set<Fact>();
  for (const f of yielding) {
    const winner = yields.get(f.code);
    const same = (g: IndicatorFact) => g.span.field === f.span.field && overlaps(g, f);
    const read = signs.some((g) => g.code === winner && same(g));
    const criminal = signs.some(
      (g) => CATEGORY_EXPLOITATION[g.category] === 'criminal' && !(g.code === winner && same(g)),
    );
    if (read && criminal) drop.add(f);
  }
  return drop.size === 0 ? facts : facts.filter((f) => !drop.has(f));
}

/**
 * The prices of one field that are a wage: a normal wage per hour in a sentence with a word of
 * work or recruitment ("mijn bijbaan betaalt € 12,50 per uur", "my cafe job pays £11 an hour").
 * Chatter about a job is no sex ad's rate: dropWageRates takes its very low price away. (A real
 * vacancy's wage is shown set aside by applyLegitimacy first.)
 */
export function wagesInJobContext(
  tokens: Token[],
  rules: RuleSet,
  prices: readonly Fact[],
): Set<Fact> {
  const wages = new Set<Fact>();
  const hourly = prices.filter((p) => p.kind === 'price' && isNormalHourlyWage(p));
  if (hourly.length === 0) return wages;
  const sentences = sentenceStarts(tokens);
  const job = new Set<number>();
  for (const index of [rules.recruitmentContext, rules.legitimacy]) {
    for (const hit of index.find(tokens)) {
      const first = tokens[hit.startToken];
      if (first) job.add(sentenceOf(sentences, first.start));
    }
  }
  for (const p of hourly) if (job.has(sentenceOf(sentences, p.span.start))) wages.add(p);
  return wages;
}

/** Drops the very-low-price signs derived from a wage (wagesInJobContext): they are no rate. */
export function dropWageRates(facts: Fact[], wages: ReadonlySet<Fact>): Fact[] {
  if (wages.size === 0) return facts;
  const spans = new Set([...wages].map((w) => `${w.span.field}:${w.span.start}:${w.span.end}`));
  return facts.filter(
    (f) =>
      !(
        f.kind === 'indicator' &&
        f.code === DERIVED_INDICATORS.lowPrice.code &&
        spans.has(`${f.span.field}:${f.span.start}:${f.span.end}`)
      ),
  );
}

function toFact(
  text: string,
  rule: IndicatorRule,
  first: Token,
  last: Token,
  field: SpanField,
): IndicatorFact {
  return {
    kind: 'indicator',
    value: rule.code,
    raw: text.slice(first.start, last.end),
    span: { field, start: first.start, end: last.end },
    rule: rule.rule,
    code: rule.code,
    category: rule.category,
    evidence: rule.evidence,
    weight: rule.weight,
    language: rule.language,
    explanation: rule.explanation,
    source: rule.source,
  };
}

/** A mark of a real vacancy, where it stands. */
export interface LegitimacyMarker {
  raw: string;
  field: SpanField;
  start: number;
}

/** The lexicons' legitimacy patterns in one field; a negated one ("geen contract") is no mark. */
export function findLegitimacyMarkers(
  text: string,
  tokens: Token[],
  rules: RuleSet,
  options: IndicatorOptions,
): LegitimacyMarker[] {
  const english = rules.negators.get('en');
  const adNegators = options.adLanguage ? rules.negators.get(options.adLanguage) : undefined;
  const out: LegitimacyMarker[] = [];
  for (const hit of rules.legitimacy.find(tokens)) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last) continue;
    const sets = [rules.negators.get(hit.data.language), adNegators, english, WITHOUT];
    // A mark is negated by a word right before it ("geen vast contract", "zonder cao"), not by one
    // that negates the clause before ("geen ervaring nodig, solliciteer …").
    if (negatorBefore(tokens, hit.startToken, sets, MARKER_NEGATION_WINDOW)) continue;
    out.push({ raw: text.slice(first.start, last.end), field: options.field, start: first.start });
  }
  return out;
}

/**
 * Categories of weak criminal-recruitment signs that a real vacancy also shows, and the strong
 * ones that no vacancy needs (a real employer never asks for a bank card or PIN).
 */
const WEAK_CRIME: ReadonlySet<IndicatorCategory> = new Set<IndicatorCategory>([
  'easy_money',
  'drug_running',
  'travel_paid',
  'no_questions',
  'targets_young',
  'private_app',
]);
/** A wage per hour reads as a very low price; in a real vacancy it is a wage, not a rate. */
const WAGE_AS_PRICE: ReadonlySet<IndicatorCategory> = new Set<IndicatorCategory>(['low_price']);
const STRONG_CRIME: ReadonlySet<IndicatorCategory> = new Set<IndicatorCategory>([
  'account_lending',
]);
/** Words that turn a warning's words into reassurance, besides the lexicons' negators. */
const UNWARNED = new Set(['wont', 'cant', 'wouldnt', 'niemand', 'nobody', 'noone', 'never']);
/** Every category of criminal recruitment: what a warning sets aside. */
const CRIME: ReadonlySet<IndicatorCategory> = new Set([...WEAK_CRIME, ...STRONG_CRIME]);
const MARKER_NEGATION_WINDOW = 2;
/** "Without" also takes a mark away ("zonder contract", "without a contract"). */
const WITHOUT = new Set(['zonder', 'without']);

/** How many distinct marks make an ad read as a real vacancy: one ("contract") is cheap to fake. */
export const LEGITIMACY_MIN_MARKERS = 2;

/** A wage per hour a real vacancy pays, by currency (a sex ad's hourly rate lies far above). */
const NORMAL_HOURLY_WAGE: Record<string, { min: number; max: number }> = {
  EUR: { min: 9, max: 45 },
  GBP: { min: 8, max: 45 },
  USD: { min: 8, max: 60 },
  CHF: { min: 20, max: 70 },
};

function isNormalHourlyWage(p: PriceFact): boolean {
  const range = NORMAL_HOURLY_WAGE[p.currency];
  return (
    !!range &&
    p.unit === 'minutes' &&
    p.durationMinutes === 60 &&
    p.amount >= range.min &&
    p.amount <= range.max
  );
}

/**
 * Sets aside the weak criminal-recruitment signs of an ad that reads as a real vacancy (at least
 * LEGITIMACY_MIN_MARKERS distinct marks among the lexicon's markers, a normal hourly wage and a
 * full postcode) unless a strong sign is present, and its wage read as a very low price.
 */
export function applyLegitimacy(
  facts: Fact[],
  markers: LegitimacyMarker[],
  vacancyRules: ReadonlySet<string> = new Set(),
): { kept: Fact[]; suppressed: SuppressedFact[] } {
  const all = [...markers];
  for (const f of facts) {
    if (
      (f.kind === 'price' && isNormalHourlyWage(f)) ||
      (f.kind === 'postcode' && f.value !== f.area)
    ) {
      all.push({ raw: f.raw, field: f.span.field, start: f.span.start });
    }
  }
  const distinct = new Map(all.map((m) => [`${m.field}:${m.start}`, m]));
  if (distinct.size < LEGITIMACY_MIN_MARKERS) return { kept: facts, suppressed: [] };
  // A strong sign keeps the weak ones: the vacancy is then the disguise. The wage stays a wage.
  const strong = facts.some((f) => f.kind === 'indicator' && STRONG_CRIME.has(f.category));
  // "Bel ons", "contact us", "our team" (vacancyPatterns) are how a vacancy ends, not a third party.
  const aside = (f: IndicatorFact) =>
    WAGE_AS_PRICE.has(f.category) ||
    vacancyRules.has(f.rule) ||
    (!strong && WEAK_CRIME.has(f.category));
  const by = [...new Set([...distinct.values()].map((m) => m.raw))].join(', ');
  const kept: Fact[] = [];
  const suppressed: SuppressedFact[] = [];
  for (const f of facts) {
    if (f.kind === 'indicator' && aside(f)) {
      suppressed.push({ fact: f, reason: 'legitimate_context', by });
    } else {
      kept.push(f);
    }
  }
  return { kept, suppressed };
}

function negatorBefore(
  tokens: Token[],
  start: number,
  sets: (Set<string> | undefined)[],
  window = NEGATION_WINDOW,
): string | null {
  for (let k = start - 1; k >= 0 && k >= start - window; k--) {
    const t = tokens[k];
    const after = tokens[k + 1];
    if (!t || !after || after.brk) break;
    for (const set of sets) if (set?.has(t.norm)) return t.norm;
  }
  return null;
}

/** A negating word right after the hit, in the same sentence ("minderjarigen verboden"). */
function negatorAfter(
  tokens: Token[],
  end: number,
  sets: (Set<string> | undefined)[],
): string | null {
  const t = tokens[end];
  if (!t || t.brk) return null;
  for (const set of sets) if (set?.has(t.norm)) return t.norm;
  return null;
}

/**
 * One fact per sign and place: the same words often match several languages' patterns ("24/7",
 * "teen"), and overlapping patterns of one code match the same phrase. Keeps the longest match,
 * preferring the ad's own language.
 */
function dedupe(facts: IndicatorFact[], adLanguage: string | null): IndicatorFact[] {
  const byCode = new Map<string, IndicatorFact[]>();
  for (const f of facts) {
    const list = byCode.get(f.code) ?? [];
    list.push(f);
    byCode.set(f.code, list);
  }
  const out: IndicatorFact[] = [];
  for (const list of byCode.values()) {
    list.sort(
      (a, b) =>
        a.span.start - b.span.start ||
        b.span.end - a.span.end ||
        Number(b.language === adLanguage) - Number(a.language === adLanguage),
    );
    let lastEnd = -1;
    for (const f of list) {
      if (f.span.start < lastEnd) continue;
      out.push(f);
      lastEnd = f.span.end;
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

function dedupeSuppressed(list: SuppressedFact[]): SuppressedFact[] {
  const seen = new Set<string>();
  return list.filter((s) => {
    const f = s.fact;
    const key = `${f.value}|${f.span.start}|${f.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface DerivedIndicator {
  code: string;
  category: IndicatorCategory;
  evidence: Evidence;
  weight: number;
  explanation: string;
  source: string;
}

/** Signs computed from other facts; weights follow the same evidence levels as the lexicon. */
export const DERIVED_INDICATORS = {
  obfuscation: {
    code: 'obfuscation.contact',
    category: 'obfuscation',
    evidence: 'validated',
    weight: 3,
    explanation:
      'Contact written in disguise (digits as words, look-alike letters, odd spacing, emoji or other digits): the obfuscation itself predicted trafficking.',
    source: 'Lugo-Graulich & Meyer, NIJ guide NCJ 305699 (2021); doi:10.1080/23322705.2024.2349447',
  },
  minor: {
    code: 'age.minor_stated',
    category: 'possible_minor',
    evidence: 'practitioner',
    weight: 2,
    explanation: 'The ad states or implies an age under 18: urgent, whatever else the ad says.',
    source: 'Dutch National Police practice (very low age), reported by NOS; practitioner',
  },
  age1819: {
    code: 'age.18_19',
    category: 'possible_minor',
    evidence: 'practitioner',
    weight: 1,
    explanation:
      'Stated age 18–19: WATCH NL treats it as a possible minor, to combine with other signs.',
    source: 'WATCH NL practitioner guidance; not validated against case outcomes',
  },
  under23: {
    code: 'age.under_23',
    category: 'possible_minor',
    evidence: 'contested',
    weight: 0,
    explanation:
      'Stated age under 23: shown for context; the outcome study did not find it predictive.',
    source:
      'Lugo-Graulich & Meyer (NCJ 305699, 2021; doi:10.1080/23322705.2024.2349447): tested, not supported',
  },
  lowPrice: {
    code: 'price.very_low',
    category: 'low_price',
    evidence: 'practitioner',
    weight: 1,
    explanation:
      'Price far below the usual rate for its duration: a practitioner sign of exploitation.',
    source: 'Dutch National Police practice (very low price), reported by NOS; practitioner',
  },
} satisfies Record<string, DerivedIndicator>;

function derivedFact(def: DerivedIndicator, from: Fact): IndicatorFact {
  return {
    kind: 'indicator',
    value: def.code,
    raw: from.raw,
    span: from.span,
    rule: `derived:${def.code}`,
    code: def.code,
    category: def.category,
    evidence: def.evidence,
    weight: def.weight,
    language: 'derived',
    explanation: def.explanation,
    source: def.source,
  };
}

/** Indicators that follow from phone, contact, age and price facts. */
export function deriveIndicators(facts: Fact[]): IndicatorFact[] {
  const out: IndicatorFact[] = [];
  const seenObfuscated = new Set<string>();
  for (const f of facts) {
    switch (f.kind) {
      case 'phone':
      case 'email':
      case 'messenger':
        if (f.obfuscated) {
          // A messenger fact built on a phone repeats the phone's disguise: count it once.
          const id = f.kind === 'messenger' && f.phone ? f.phone : f.value;
          const key = `${f.span.field}:${id}`;
          if (!seenObfuscated.has(key)) {
            seenObfuscated.add(key);
            out.push(derivedFact(DERIVED_INDICATORS.obfuscation, f));
          }
        }
        break;
      case 'age':
        if (f.minor) out.push(derivedFact(DERIVED_INDICATORS.minor, f));
        else if (f.min <= 19) out.push(derivedFact(DERIVED_INDICATORS.age1819, f));
        if (f.min < 23) out.push(derivedFact(DERIVED_INDICATORS.under23, f));
        break;
      case 'price':
        if (isVeryLowPrice(f)) out.push(derivedFact(DERIVED_INDICATORS.lowPrice, f));
        break;
      case 'url':
      case 'place':
      case 'postcode':
      case 'location_type':
      case 'language':
      case 'spoken_language':
      case 'indicator':
        break;
    }
  }
  return out;
}
