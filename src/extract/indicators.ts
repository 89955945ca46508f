// Signs of exploitation in an ad's words, from the lexicon files (see INDICATORS.md for why each
// has the evidence level and weight it has), and the signs derived from other facts: an obfuscated
// phone number (validated), a stated minor or 18–19 age, a very low price. Entity-level signals
// (one number for many names, template text across numbers) come from linking, not from here.
import { isVeryLowPrice } from './price.js';
import type { IndicatorRule, RuleSet } from './rules.js';
import type {
  Evidence,
  Fact,
  IndicatorCategory,
  IndicatorFact,
  SpanField,
  SuppressedFact,
} from './schema.js';
import type { Token } from './text.js';

const NEGATION_WINDOW = 3;

export interface IndicatorOptions {
  field: SpanField;
  /** ISO 639-1 of the ad: its negating words also cancel hits, and its hits win ties. */
  adLanguage: string | null;
}

/** Lexicon matches in one field, with negated hits returned separately. */
export function extractIndicators(
  text: string,
  tokens: Token[],
  rules: RuleSet,
  options: IndicatorOptions,
): { facts: IndicatorFact[]; negated: SuppressedFact[] } {
  const hits = rules.indicators.find(tokens);
  const facts: IndicatorFact[] = [];
  const negated: SuppressedFact[] = [];
  const english = rules.negators.get('en');
  const adNegators = options.adLanguage ? rules.negators.get(options.adLanguage) : undefined;
  for (const hit of hits) {
    const first = tokens[hit.startToken];
    const last = tokens[hit.endToken - 1];
    if (!first || !last) continue;
    const fact = toFact(text, hit.data, first, last, options.field);
    if (hit.data.negatable) {
      const sets = [rules.negators.get(hit.data.language), adNegators, english];
      const postSets = [
        rules.postNegators.get(hit.data.language),
        options.adLanguage ? rules.postNegators.get(options.adLanguage) : undefined,
      ];
      const by =
        negatorBefore(tokens, hit.startToken, sets) ?? negatorAfter(tokens, hit.endToken, postSets);
      if (by) {
        negated.push({ fact, reason: 'negated', by });
        continue;
      }
    }
    facts.push(fact);
  }
  return { facts: dedupe(facts, options.adLanguage), negated: dedupeSuppressed(negated) };
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

function negatorBefore(
  tokens: Token[],
  start: number,
  sets: (Set<string> | undefined)[],
): string | null {
  for (let k = start - 1; k >= 0 && k >= start - NEGATION_WINDOW; k--) {
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
