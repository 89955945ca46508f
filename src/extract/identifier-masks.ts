// Masks identifiers (phone numbers, e-mail addresses, messenger handles, links) wherever ad text
// goes: in the text itself and in every fact that quotes it — the language fact quotes the ad's
// first 80 characters, a derived "disguised contact" sign quotes the disguised number itself.
// Pure: identifier spans in, masked copies out. A mask keeps the length of what it hides, so every
// span still points at the same characters and the console can still highlight them.
import { extractContacts, messengersForPhones } from './contacts.js';
import { extractPhoneNumbers } from './phone-numbers.js';
import type { ExtractionResult, Fact, SpanField } from './schema.js';
import { blankEscapes, capText, tokenize } from './text.js';

/** Fact kinds that are identifiers: stored only as keyed hashes, encryptions and masks. */
export const IDENTIFIER_FACT_KINDS = ['phone', 'email', 'messenger', 'url'] as const;
const IDENTIFIER_KIND_SET: ReadonlySet<string> = new Set(IDENTIFIER_FACT_KINDS);

export const isIdentifierKind = (kind: string): boolean => IDENTIFIER_KIND_SET.has(kind);

/** Where an identifier was found: a field of the ad and UTF-16 offsets into it. */
export interface IdentifierSpan {
  field: string;
  start: number;
  end: number;
}

/** A fact as stored or extracted: what masking needs to know of it. */
interface FactLike {
  kind: string;
  span: IdentifierSpan;
}

const MASK = '•';

/** Keeps the shape and the last two characters; enough to tell two numbers apart on screen. */
export function maskValue(value: string): string {
  const chars = [...value];
  return chars
    .map((c, i) => (i >= chars.length - 2 || !/[\p{L}\p{N}]/u.test(c) ? c : MASK))
    .join('');
}

/** Replaces the characters of each span by '•' (same length, so other spans still line up). */
export function maskSpans(text: string, spans: readonly { start: number; end: number }[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const { start, end } of spans) {
    for (let i = Math.max(0, start); i < Math.min(end, chars.length); i++) {
      if (!/\s/.test(chars[i]!)) chars[i] = MASK;
    }
  }
  return chars.join('');
}

/** Masks a whole value (a structured phone field is an identifier as a whole). */
export const maskWhole = (text: string): string =>
  maskSpans(text, [{ start: 0, end: text.length }]);

/** The spans of one field, shifted so that `offset` in the field becomes 0. */
function spansWithin(
  spans: readonly IdentifierSpan[],
  field: string,
  offset: number,
  length: number,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of spans) {
    if (s.field !== field || s.end <= offset || s.start >= offset + length) continue;
    out.push({ start: s.start - offset, end: s.end - offset });
  }
  return out;
}

/**
 * The fact's quoted text with every character that lies inside an identifier span masked. A fact's
 * `raw` starts at `span.start` and runs at most to `span.end` (the language fact cuts it short and
 * adds "…"), so a character's place in `raw` is its place in the field minus `span.start`.
 */
function maskQuote(raw: string, span: IdentifierSpan, spans: readonly IdentifierSpan[]): string {
  const length = Math.min(raw.length, span.end - span.start);
  return maskSpans(raw, spansWithin(spans, span.field, span.start, length));
}

// What a stored identifier fact may keep as it is: everything else of it that is text is masked
// (a link's host, a handle). Its value and raw never leave storage; older rows that kept one lose
// it here.
const IDENTIFIER_KEEP = new Set([
  'kind',
  'span',
  'rule',
  'masked',
  'valueHash',
  'identifierId',
  'platform',
  'obfuscated',
  'obfuscation',
  'country',
  'numberType',
  'international',
]);

/**
 * A stored fact as it may leave the server: an identifier fact keeps only its mask and the
 * properties that say nothing of its value; any other fact has identifier characters masked in
 * the text it quotes. Facts that quote no identifier come back unchanged (the same object).
 */
export function maskStoredFact<T extends FactLike & Record<string, unknown>>(
  fact: T,
  spans: readonly IdentifierSpan[],
): T {
  if (isIdentifierKind(fact.kind)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(fact)) {
      if (key === 'value' || key === 'raw') continue;
      out[key] = IDENTIFIER_KEEP.has(key) || typeof v !== 'string' ? v : maskValue(v);
    }
    return out as T;
  }
  if (typeof fact.raw !== 'string') return fact;
  const raw = maskQuote(fact.raw, fact.span, spans);
  return raw === fact.raw ? fact : { ...fact, raw };
}

/** Identifier spans among these facts (kept facts only: what the API masks in the ad text). */
export function identifierSpansOf(facts: readonly FactLike[]): IdentifierSpan[] {
  return facts
    .filter((f) => isIdentifierKind(f.kind))
    .map((f) => ({ field: f.span.field, start: f.span.start, end: f.span.end }));
}

/**
 * An extraction result as it may be stored: identifier facts untouched (the store keeps them only
 * as hashes, encryptions and masks), every other fact — kept or set aside — with the identifier
 * characters in its quoted text masked.
 */
export function maskQuotedIdentifiers(result: ExtractionResult): ExtractionResult {
  const spans = identifierSpansOf(result.facts);
  if (spans.length === 0) return result;
  const quote = <F extends Fact>(f: F): F =>
    isIdentifierKind(f.kind) ? f : { ...f, raw: maskQuote(f.raw, f.span, spans) };
  return {
    ...result,
    facts: result.facts.map(quote),
    suppressed: result.suppressed.map((s) => ({ ...s, fact: quote(s.fact) })),
  };
}

/**
 * Identifier spans in one piece of text, found as extraction finds them (phones, e-mails, links,
 * handles, and messenger names next to a number). For text that has no stored extraction: a
 * version not yet extracted, or a structured field extraction does not search for contacts.
 */
export function findIdentifierSpans(
  text: string,
  field: SpanField,
  country: string | undefined,
): IdentifierSpan[] {
  // The same reading as extraction's, so what extraction finds behind escapes is masked here too.
  const capped = blankEscapes(capText(text).text);
  const tokens = tokenize(capped);
  const contacts = extractContacts(capped, tokens, field);
  const phones = [
    ...contacts.phones,
    ...extractPhoneNumbers(capped, { country, field, exclude: contacts.claimed }),
  ];
  const found: FactLike[] = [
    ...phones,
    ...contacts.emails,
    ...contacts.urls,
    ...contacts.messengers,
    ...messengersForPhones(capped, tokens, phones, field),
  ];
  return [...identifierSpansOf(found), ...unsearchedTail(text, field)];
}

/**
 * Regions a national number is tried in when the ad's country is unknown: the countries whose ads
 * and languages Ariadne reads. Without a region a number written nationally ("bel 0647258139") is
 * no phone to the detector at all, so it would be neither extracted nor masked.
 */
const FALLBACK_REGIONS = ['NL', 'BE', 'DE', 'FR', 'ES', 'GB', 'RO', 'PL', 'HU', 'BG'];

/**
 * Spans of identifiers to hide in text whose country is unknown: what any of the fallback regions
 * reads as a number, together. Masking errs on the side of hiding; linking never uses this.
 */
export function findIdentifierSpansAnyRegion(text: string, field: SpanField): IdentifierSpan[] {
  const capped = blankEscapes(capText(text).text);
  const tokens = tokenize(capped);
  const contacts = extractContacts(capped, tokens, field);
  const phones = FALLBACK_REGIONS.flatMap((country) =>
    extractPhoneNumbers(capped, { country, field, exclude: contacts.claimed }),
  );
  return [...identifierSpansOf(phones), ...findIdentifierSpans(text, field, undefined)];
}

/**
 * Text past the extraction cap was never searched for identifiers: hidden rather than shown, since
 * it may hold one. Empty for any text of ordinary length.
 */
export function unsearchedTail(text: string, field: string): IdentifierSpan[] {
  const searched = capText(text).text.length;
  return searched < text.length ? [{ field, start: searched, end: text.length }] : [];
}
