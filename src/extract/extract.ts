// extractAll: every fact in one ad — phones, contacts, ages, prices, places, languages and signs of
// exploitation — each with the span of original text it came from and the rule that produced it.
// Pure: no database, no network, no clock except the default year for "born 2006". Scraped text is
// hostile, so every field is capped and every step is linear in the text's length.
import { extractAgeField, extractAges } from './age.js';
import { extractContacts, messengersForPhones } from './contacts.js';
import {
  applyLegitimacy,
  applyRecruitmentContext,
  applyYields,
  deriveIndicators,
  dropWageRates,
  extractIndicators,
  findLegitimacyMarkers,
  wagesInJobContext,
  type LegitimacyMarker,
} from './indicators.js';
import { detectLanguage, extractSpokenLanguages } from './language.js';
import { extractPhoneNumbers } from './phone-numbers.js';
import { extractLocationTypes, extractPlaces, extractPostcodes } from './places.js';
import { extractPrices } from './price.js';
import { applyBlocklist, defaultRuleSet, type RuleSet } from './rules.js';
import {
  ExtractInput,
  type ExtractionResult,
  type Fact,
  type IndicatorFact,
  type LanguageFact,
  type SpanField,
  type SuppressedFact,
} from './schema.js';
import { blankEscapes, capText, tokenize, type Token } from './text.js';

const FIELD_ORDER: SpanField[] = ['title', 'body', 'phone', 'age', 'price', 'city', 'displayName'];

interface CleanInput {
  fields: Partial<Record<SpanField, string>>;
  country: string | undefined;
  referenceYear: number;
}

/**
 * Validates the input with its zod schema; input that does not fit (a job payload from an old
 * version, a hand-written test) is read leniently instead, keeping only strings where strings
 * belong, because extraction must never throw on what a scraper hands it.
 */
function cleanInput(input: unknown): CleanInput {
  const parsed = ExtractInput.safeParse(input);
  const obj = (
    parsed.success ? parsed.data : typeof input === 'object' && input !== null ? input : {}
  ) as Record<string, unknown>;
  const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const structured = (
    typeof obj.fields === 'object' && obj.fields !== null ? obj.fields : {}
  ) as Record<string, unknown>;
  const fields: Partial<Record<SpanField, string>> = {
    title: str(obj.title),
    body: str(obj.body) ?? '',
    phone: str(structured.phone),
    age: str(structured.age),
    price: str(structured.price),
    city: str(structured.city),
    displayName: str(structured.displayName),
  };
  let country = str(obj.country)?.trim().toUpperCase();
  if (country === 'UK') country = 'GB';
  if (country !== undefined && !/^[A-Z]{2}$/.test(country)) country = undefined;
  const posted = Date.parse(str(obj.postedAt) ?? '');
  const referenceYear = Number.isFinite(posted)
    ? new Date(posted).getUTCFullYear()
    : new Date().getUTCFullYear();
  return { fields, country, referenceYear };
}

/** Every fact in one ad, with its evidence, under the given rules (the built-in ones by default). */
export function extractAll(
  input: ExtractInput,
  rules: RuleSet = defaultRuleSet(),
): ExtractionResult {
  const { fields, country, referenceYear } = cleanInput(input);
  const truncatedFields: SpanField[] = [];
  const texts = new Map<SpanField, { text: string; tokens: Token[] }>();
  for (const field of FIELD_ORDER) {
    const value = fields[field];
    if (value === undefined) continue;
    const capped = capText(value);
    if (capped.truncated) truncatedFields.push(field);
    const text = blankEscapes(capped.text);
    texts.set(field, { text, tokens: tokenize(text) });
  }

  const facts: Fact[] = [];
  const negated: SuppressedFact[] = [];
  const needContext: IndicatorFact[] = [];
  const markers: LegitimacyMarker[] = [];
  const wages = new Set<Fact>();
  const body = texts.get('body');
  const title = texts.get('title');
  const languageFact: LanguageFact | null =
    (body && detectLanguage(body.text, 'body', country)) ??
    (title && detectLanguage(title.text, 'title', country)) ??
    null;
  if (languageFact) facts.push(languageFact);
  const adLanguage = languageFact?.value ?? null;

  for (const [field, { text, tokens }] of texts) {
    switch (field) {
      case 'title':
      case 'body':
      case 'displayName': {
        const contacts = extractContacts(text, tokens, field);
        const phones = [
          ...contacts.phones,
          ...extractPhoneNumbers(text, { country, field, exclude: contacts.claimed }),
        ];
        facts.push(...phones, ...contacts.emails, ...contacts.urls, ...contacts.messengers);
        facts.push(...messengersForPhones(text, tokens, phones, field));
        facts.push(...extractAges(text, tokens, { field, referenceYear }));
        const prices = extractPrices(text, tokens, { field, country });
        facts.push(...prices);
        for (const w of wagesInJobContext(tokens, rules, prices)) wages.add(w);
        facts.push(...extractPlaces(text, tokens, field, country));
        facts.push(...extractPostcodes(text, tokens, field));
        facts.push(...extractLocationTypes(text, tokens, field));
        facts.push(...extractSpokenLanguages(text, tokens, field));
        const indicators = extractIndicators(text, tokens, rules, { field, adLanguage });
        facts.push(...indicators.facts);
        negated.push(...indicators.negated);
        needContext.push(...indicators.needContext);
        markers.push(...findLegitimacyMarkers(text, tokens, rules, { field, adLanguage }));
        break;
      }
      case 'phone': {
        const contacts = extractContacts(text, tokens, field);
        facts.push(
          ...contacts.phones,
          ...contacts.emails,
          ...contacts.urls,
          ...contacts.messengers,
        );
        facts.push(...extractPhoneNumbers(text, { country, field, exclude: contacts.claimed }));
        break;
      }
      case 'age':
        facts.push(...extractAgeField(text, tokens, referenceYear));
        break;
      case 'price':
        facts.push(...extractPrices(text, tokens, { field, country }));
        break;
      case 'city':
        facts.push(...extractPlaces(text, tokens, field, country));
        facts.push(...extractPostcodes(text, tokens, field));
        break;
    }
  }
  facts.push(...deriveIndicators(facts));
  facts.push(...applyRecruitmentContext(facts, needContext));
  const legitimate = applyLegitimacy(applyYields(facts, rules.yields), markers, rules.vacancyRules);

  const { kept, suppressed } = applyBlocklist(
    dropWageRates(legitimate.kept, wages),
    rules.blocklist,
  );
  const order = (f: Fact): number => FIELD_ORDER.indexOf(f.span.field);
  kept.sort(
    (a, b) => order(a) - order(b) || a.span.start - b.span.start || a.span.end - b.span.end,
  );
  return {
    ruleSetVersion: rules.version,
    truncated: truncatedFields.length > 0,
    truncatedFields,
    language: adLanguage,
    facts: kept,
    suppressed: [...suppressed, ...negated, ...legitimate.suppressed],
  };
}
