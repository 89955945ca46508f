// Prices with currency and unit: "€150/uur", "30 min 100€", "100,- per half uur", "200 lei 1h",
// "150 zł za godzinę", "20 000 Ft", "100 лв". Amounts are parsed with European and English
// separators; the unit (minutes, night, day, weekend) is taken from a duration right after the
// price ("/30min", "per uur") or right before it ("30 min: 100€"), never across a line.
import type { PriceFact, SpanField } from './schema.js';
import { foldedSet, type Token } from './text.js';

const CURRENCY_WORDS: Record<string, string> = {
  '€': 'EUR', eur: 'EUR', euro: 'EUR', euros: 'EUR', evro: 'EUR', евро: 'EUR',
  $: 'USD', usd: 'USD', dollar: 'USD', dollars: 'USD',
  '£': 'GBP', gbp: 'GBP', pound: 'GBP', pounds: 'GBP',
  lei: 'RON', ron: 'RON', leu: 'RON',
  zl: 'PLN', pln: 'PLN', zloty: 'PLN', zlotych: 'PLN', zlote: 'PLN',
  ft: 'HUF', huf: 'HUF', forint: 'HUF',
  лв: 'BGN', лева: 'BGN', bgn: 'BGN', lv: 'BGN',
  chf: 'CHF', kc: 'CZK', czk: 'CZK',
}; // prettier-ignore

/** Currency of "100,-" and bare amounts after a price word, by the ad's country. */
const COUNTRY_CURRENCY: Record<string, string> = {
  NL: 'EUR', BE: 'EUR', DE: 'EUR', AT: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', PT: 'EUR', LU: 'EUR',
  IE: 'EUR', GR: 'EUR', FI: 'EUR', SK: 'EUR', SI: 'EUR', HR: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR',
  RO: 'RON', PL: 'PLN', HU: 'HUF', BG: 'BGN', GB: 'GBP', CH: 'CHF', CZ: 'CZK', US: 'USD',
}; // prettier-ignore

const MINUTE_WORDS = foldedSet(
  'min mins minuten minuut minutes minute minutos minut minuty minuti perc мин минути'.split(' '),
);
const HOUR_WORDS = foldedSet(
  (
    'uur u h hr hrs hour hours stunde stunden std heure heures hora horas ora ore godz godzina ' +
    'godziny godzine ora orak orankent час часа ч'
  ).split(' '),
);
const HALF_WORDS = foldedSet([
  'half',
  'halve',
  'halbe',
  'demi',
  'media',
  'jumatate',
  'pol',
  'fel',
  'половин',
]);
const NIGHT_WORDS = foldedSet(
  'nacht night nights nuit noche noapte noc ejszaka нощ overnight nachten'.split(' '),
);
const DAY_WORDS = foldedSet(['dag', 'day', 'tag', 'jour', 'dia', 'zi', 'dzien', 'nap', 'ден']);
const PER_WORDS = foldedSet([
  'per',
  'p',
  'pro',
  'za',
  'pe',
  'за',
  'на',
  'par',
  'por',
  'a',
  'for',
  'voor',
]);

interface Duration {
  unit: NonNullable<PriceFact['unit']>;
  minutes: number | null;
  startToken: number;
  endToken: number;
}

/** Parses "1.500", "1,500", "99,99", "150" (and "1 500" is two tokens, handled by the caller). */
export function parseAmount(norm: string): number | null {
  if (!/^\d{1,7}(?:[.,]\d{1,3})*$/.test(norm) || norm.length > 12) return null;
  const groups = norm.split(/[.,]/);
  if (groups.length === 1) return Number(norm);
  const last = groups[groups.length - 1] ?? '';
  if (groups.length === 2 && last.length <= 2) return Number(`${groups[0]}.${last}`);
  if (groups.slice(1).every((g) => g.length === 3)) return Number(groups.join(''));
  return null;
}

function durationAt(tokens: Token[], i: number, text = ''): Duration | null {
  const gapText = (a: Token, b: Token): string => text.slice(a.end, b.start);
  const t = tokens[i];
  if (!t) return null;
  const next = tokens[i + 1];
  // A number and a unit form one duration only when nothing but space joins them ("90, uur" is a
  // price followed by a unit word).
  if (
    t.type === 'num' &&
    /^\d{1,3}$/.test(t.norm) &&
    next &&
    !next.brk &&
    !/[,;|]/.test(gapText(t, next))
  ) {
    const n = Number(t.norm);
    if (MINUTE_WORDS.has(next.norm))
      return { unit: 'minutes', minutes: n, startToken: i, endToken: i + 2 };
    if (HOUR_WORDS.has(next.norm))
      return { unit: 'minutes', minutes: n * 60, startToken: i, endToken: i + 2 };
    if (NIGHT_WORDS.has(next.norm))
      return { unit: 'night', minutes: null, startToken: i, endToken: i + 2 };
  }
  if (t.type !== 'word') return null;
  if (t.norm === 'halfuur' || t.norm === 'halbestunde')
    return { unit: 'minutes', minutes: 30, startToken: i, endToken: i + 1 };
  if (t.norm === 'kwartier')
    return { unit: 'minutes', minutes: 15, startToken: i, endToken: i + 1 };
  if (HALF_WORDS.has(t.norm) && next && HOUR_WORDS.has(next.norm)) {
    return { unit: 'minutes', minutes: 30, startToken: i, endToken: i + 2 };
  }
  if (HOUR_WORDS.has(t.norm) && t.norm.length > 1)
    return { unit: 'minutes', minutes: 60, startToken: i, endToken: i + 1 };
  if (t.norm === 'ph' || t.norm === 'pu')
    return { unit: 'minutes', minutes: 60, startToken: i, endToken: i + 1 };
  if (NIGHT_WORDS.has(t.norm))
    return { unit: 'night', minutes: null, startToken: i, endToken: i + 1 };
  if (DAY_WORDS.has(t.norm)) return { unit: 'day', minutes: null, startToken: i, endToken: i + 1 };
  if (t.norm === 'weekend')
    return { unit: 'weekend', minutes: null, startToken: i, endToken: i + 1 };
  return null;
}

export interface PriceOptions {
  field: SpanField;
  country?: string | undefined;
}

/** Prices in free text (and the structured price field, where a bare amount is enough). */
export function extractPrices(text: string, tokens: Token[], options: PriceOptions): PriceFact[] {
  const { field } = options;
  const defaultCurrency = COUNTRY_CURRENCY[options.country?.toUpperCase() ?? ''] ?? 'EUR';
  const facts: PriceFact[] = [];
  const usedCurrency = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (!tok || tok.type !== 'num') continue;
    let amount = parseAmount(tok.norm);
    if (amount === null || amount <= 0 || amount > 1_000_000) continue;
    let numEnd = i;
    // "20 000 Ft", "1 500 lei": a thousands group written with a space.
    const group = tokens[i + 1];
    if (
      group &&
      /^\d{1,3}$/.test(tok.norm) &&
      /^\d{3}$/.test(group.norm) &&
      /^[ \u00a0\u202f]$/.test(text.slice(tok.end, group.start)) &&
      CURRENCY_WORDS[tokens[i + 2]?.norm ?? '']
    ) {
      amount = amount * 1000 + Number(group.norm);
      numEnd = i + 1;
    }
    const prev = tokens[i - 1];
    const numTok = tokens[numEnd] ?? tok;
    const next = tokens[numEnd + 1];
    let currency: string | null = null;
    let start = tok.start;
    let end = numTok.end;
    let firstTok = i;
    let lastTok = numEnd;
    // A number that is itself a duration ("30 min", "1h") is no amount.
    const unitAfter = tokens[numEnd + 1];
    const currencyBefore =
      !!prev && !usedCurrency.has(i - 1) && CURRENCY_WORDS[prev.norm] !== undefined;
    if (
      unitAfter &&
      !unitAfter.brk &&
      !currencyBefore &&
      (MINUTE_WORDS.has(unitAfter.norm) || HOUR_WORDS.has(unitAfter.norm)) &&
      /^\s?$/.test(text.slice(numTok.end, unitAfter.start))
    ) {
      continue;
    }
    if (
      prev &&
      !tok.brk &&
      !usedCurrency.has(i - 1) &&
      CURRENCY_WORDS[prev.norm] &&
      /^\s{0,2}$/.test(text.slice(prev.end, tok.start))
    ) {
      currency = CURRENCY_WORDS[prev.norm] ?? null;
      start = prev.start;
      firstTok = i - 1;
    } else if (
      next &&
      !next.brk &&
      CURRENCY_WORDS[next.norm] &&
      text.slice(numTok.end, next.start).length <= 2
    ) {
      currency = CURRENCY_WORDS[next.norm] ?? null;
      end = next.end;
      lastTok = numEnd + 1;
      usedCurrency.add(numEnd + 1);
    } else if (/^,-/.test(text.slice(numTok.end, numTok.end + 2))) {
      currency = defaultCurrency;
      end = numTok.end + 2;
    } else if (field === 'price' && tokens.length <= 6) {
      currency = defaultCurrency;
    }
    if (!currency) continue;
    const duration = pickDuration(text, tokens, firstTok, lastTok);
    const unitSuffix = duration
      ? duration.unit === 'minutes'
        ? `/${duration.minutes}min`
        : `/${duration.unit}`
      : '';
    facts.push({
      kind: 'price',
      value: `${amount} ${currency}${unitSuffix}`,
      raw: text.slice(start, end),
      span: { field, start, end },
      rule: duration ? 'price.with_unit' : 'price.amount',
      amount,
      currency,
      durationMinutes: duration?.minutes ?? null,
      unit: duration?.unit ?? null,
    });
    i = lastTok;
  }
  return facts;
}

/**
 * The duration a price is for: one right after it joined by "/" or "per" ("€100/30min", "100 euro
 * per uur") wins; else one just before it ("30 min: 100€"); else one just after.
 */
function pickDuration(
  text: string,
  tokens: Token[],
  firstTok: number,
  lastTok: number,
): Duration | null {
  const first = tokens[firstTok];
  const last = tokens[lastTok];
  if (!first || !last) return null;
  let after: Duration | null = null;
  let joined = false;
  for (let k = lastTok + 1; k <= lastTok + 3 && k < tokens.length; k++) {
    const t = tokens[k];
    if (!t || t.brk || /\n/.test(text.slice(last.end, t.start))) break;
    if (t.type === 'word' && PER_WORDS.has(t.norm)) {
      joined = true;
      continue;
    }
    const single = t.type === 'word' && (t.norm === 'h' || t.norm === 'u');
    const slashed = /\//.test(text.slice(last.end, t.start));
    const d =
      single && (joined || slashed)
        ? { unit: 'minutes' as const, minutes: 60, startToken: k, endToken: k + 1 }
        : durationAt(tokens, k, text);
    if (d) {
      after = d;
      if (/\//.test(text.slice(last.end, t.start))) joined = true;
      break;
    }
    if (t.type === 'num') break;
  }
  if (after && joined) return after;
  let before: Duration | null = null;
  for (let k = firstTok - 1; k >= firstTok - 4 && k >= 0; k--) {
    const t = tokens[k];
    const nextTok = tokens[k + 1];
    if (!t || !nextTok || nextTok.brk || /\n/.test(text.slice(t.end, first.start))) break;
    const d = durationAt(tokens, k, text);
    if (d && d.endToken <= firstTok) {
      // "halbe Stunde", "30 min": prefer the longer reading that ends at the same word.
      const longer = k > 0 ? durationAt(tokens, k - 1, text) : null;
      before = longer && longer.endToken === d.endToken ? longer : d;
      break;
    }
    // Another price in between: this duration belongs to it.
    if (t.type === 'sym' || (t.type === 'word' && CURRENCY_WORDS[t.norm])) break;
  }
  return before ?? after;
}

/** Per-hour price below which practitioners call a price very low, by currency. */
export const VERY_LOW_PER_HOUR: Record<string, number> = {
  EUR: 70, GBP: 60, USD: 80, CHF: 90, RON: 200, PLN: 200, HUF: 15_000, BGN: 80, CZK: 1_200,
}; // prettier-ignore

/** True when the price, scaled to its duration, is below the very-low threshold. */
export function isVeryLowPrice(price: PriceFact): boolean {
  const threshold = VERY_LOW_PER_HOUR[price.currency];
  if (threshold === undefined || price.unit !== 'minutes' || !price.durationMinutes) return false;
  const minutes = Math.max(15, Math.min(price.durationMinutes, 120));
  return price.amount < (threshold * minutes) / 60;
}
