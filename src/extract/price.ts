// Prices with currency and unit: "€150/uur", "30 min 100€", "100,- per half uur", "200 lei 1h",
// "150 zł za godzinę", "20 000 Ft", "100 лв". Amounts are parsed with European and English
// separators; the unit (minutes, night, day, weekend) is taken from a duration right after the
// price ("/30min", "per uur") or right before it ("30 min: 100€"), never across a line.
//
// Most real ads write no currency at all: "80hh 150h 250 2hrs", "qv 60, hh 100", "30 min - 90",
// "Prijs: 120 per uur", "150 roses". A bare amount is a price when a duration sits right against
// it or a price word labels it, and it is plausible for the currency the ad's country uses; the
// currency is then the country's. A duration serves one price only, so in a list of rates each
// amount takes its own.
//
// Recruitment posts pay per day or per task: "€500 per dag", "200 per rit", "1k a day", "500 euro
// p/d", "£40 per drop"; the unit is then `day` or `task`, and "1k" is a thousand.
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
  // Words that stand for money without naming a currency: the country's.
  roses: '*', rose: '*', rozen: '*', donation: '*', donations: '*', gift: '*', gifts: '*',
}; // prettier-ignore

/** Words that label the amount after them as a price: "Prijs: 120", "Cena 200", "Rates: 80". */
const PRICE_LABELS = foldedSet(
  (
    'price prices rate rates tarief tarieven prijs prijzen preis preise prix tarif tarifs precio ' +
    'precios tarifa tarifas pret preturi preț prețuri tarife cena ceny cennik ar arak ár árak ' +
    'цена цени тарифа earn earning earnings verdien verdienen verdiensten'
  ).split(' '),
);

/**
 * The smallest bare amount read as a price, per currency: below it a number next to a duration
 * is more likely a count, a time of day or a size than what an hour costs.
 */
const BARE_MIN: Record<string, number> = {
  EUR: 20, GBP: 20, USD: 20, CHF: 20, RON: 50, PLN: 50, BGN: 20, HUF: 2_000, CZK: 300,
}; // prettier-ignore

/** Currencies whose prices are written in thousands, often grouped with a space. */
const THOUSANDS_CURRENCIES = new Set(['HUF', 'CZK']);

/** Shorthand durations of rate lists: half hour, full hour, quick visit, quickie. */
const SLANG_MINUTES: Record<string, number> = {
  hh: 30, hhr: 30, hhour: 30, fh: 60, fhr: 60, hr: 60, hrs: 60, qv: 15, qk: 15, qq: 15,
  quickie: 15, quicky: 15,
}; // prettier-ignore
/** Words a duration may stand behind: "100 for an hour", "100 la hora", "200 jumatate de ora". */
const CONNECTORS = foldedSet('la l le the an a one een ein eine une un una o de'.split(' '));
const FULL_WORDS = foldedSet(['full', 'whole', 'heel', 'hele', 'ganze', 'ganzes', 'une']);

/** Currency of "100,-" and bare amounts after a price word, by the ad's country. */
const COUNTRY_CURRENCY: Record<string, string> = {
  NL: 'EUR', BE: 'EUR', DE: 'EUR', AT: 'EUR', FR: 'EUR', ES: 'EUR', IT: 'EUR', PT: 'EUR', LU: 'EUR',
  IE: 'EUR', GR: 'EUR', FI: 'EUR', SK: 'EUR', SI: 'EUR', HR: 'EUR', EE: 'EUR', LV: 'EUR', LT: 'EUR',
  RO: 'RON', PL: 'PLN', HU: 'HUF', BG: 'BGN', GB: 'GBP', CH: 'CHF', CZ: 'CZK', US: 'USD',
}; // prettier-ignore

const MINUTE_WORDS = foldedSet(
  'min mins minuten minuut minutes minute minutos minut minuty minuti perc mn мин минути'.split(
    ' ',
  ),
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
/** One piece of work a recruitment post pays for: a ride, a parcel, a drop, a job. */
const TASK_WORDS = foldedSet(
  (
    'rit ritje klus klusje pakketje pakket levering drop run job delivery trip parcel package ' +
    'ride'
  ).split(' '),
);
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
    // "2hrs" is a count of hours; "150h" is what an hour costs.
    if ((HOUR_WORDS.has(next.norm) || next.norm === 'hrs') && n > 0 && n <= 24)
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
  // "jumătate de oră", "demi d'heure".
  const after = tokens[i + 2];
  if (HALF_WORDS.has(t.norm) && next?.norm === 'de' && after && HOUR_WORDS.has(after.norm)) {
    return { unit: 'minutes', minutes: 30, startToken: i, endToken: i + 3 };
  }
  if (FULL_WORDS.has(t.norm) && next && HOUR_WORDS.has(next.norm) && next.norm.length > 1) {
    return { unit: 'minutes', minutes: 60, startToken: i, endToken: i + 2 };
  }
  const slang = SLANG_MINUTES[t.norm];
  if (slang !== undefined)
    return { unit: 'minutes', minutes: slang, startToken: i, endToken: i + 1 };
  // A lone "half" in a rate list ("half 150 | hour 250") is the half hour.
  if (t.norm === 'half') return { unit: 'minutes', minutes: 30, startToken: i, endToken: i + 1 };
  if (HOUR_WORDS.has(t.norm) && t.norm.length > 1)
    return { unit: 'minutes', minutes: 60, startToken: i, endToken: i + 1 };
  if (t.norm === 'ph' || t.norm === 'pu')
    return { unit: 'minutes', minutes: 60, startToken: i, endToken: i + 1 };
  if (NIGHT_WORDS.has(t.norm))
    return { unit: 'night', minutes: null, startToken: i, endToken: i + 1 };
  if (DAY_WORDS.has(t.norm) || t.norm === 'pd')
    return { unit: 'day', minutes: null, startToken: i, endToken: i + 1 };
  if (TASK_WORDS.has(t.norm))
    return { unit: 'task', minutes: null, startToken: i, endToken: i + 1 };
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
  // Tokens of durations already given to a price: in "80hh 150h" the "hh" is the 80's, not the 150's.
  const usedDuration = new Set<number>();
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
      (CURRENCY_WORDS[tokens[i + 2]?.norm ?? ''] ||
        // Where prices run to thousands ("fél óra 15 000"), a grouped number is one amount.
        (THOUSANDS_CURRENCIES.has(defaultCurrency) &&
          /^[1-9]/.test(tok.norm) &&
          tokens[i + 2]?.type !== 'num'))
    ) {
      amount = amount * 1000 + Number(group.norm);
      numEnd = i + 1;
    }
    // "1k", "2K": thousands, written against the number.
    const kilo = tokens[numEnd + 1];
    if (kilo && kilo.norm === 'k' && kilo.start === (tokens[numEnd] ?? tok).end && amount < 1000) {
      amount *= 1000;
      numEnd += 1;
    }
    const prev = tokens[i - 1];
    const numTok = tokens[numEnd] ?? tok;
    const next = tokens[numEnd + 1];
    let currency: string | null = null;
    let start = tok.start;
    let end = numTok.end;
    let firstTok = i;
    let lastTok = numEnd;
    // A number that is itself a duration ("30 min", "1h", "2hrs") is no amount.
    const unitAfter = tokens[numEnd + 1];
    const currencyBefore =
      !!prev && !usedCurrency.has(i - 1) && CURRENCY_WORDS[prev.norm] !== undefined;
    if (
      unitAfter &&
      !unitAfter.brk &&
      !currencyBefore &&
      durationAt(tokens, i, text)?.startToken === i &&
      /^\s?$/.test(text.slice(numTok.end, unitAfter.start))
    ) {
      continue;
    }
    if (
      prev &&
      !tok.brk &&
      !usedCurrency.has(i - 1) &&
      CURRENCY_WORDS[prev.norm] &&
      /^\s{0,2}$/.test(text.slice(prev.end, tok.start)) &&
      !(prev.norm === 'ft' && amount < 100)
    ) {
      currency = CURRENCY_WORDS[prev.norm] ?? null;
      start = prev.start;
      firstTok = i - 1;
    } else if (
      next &&
      !next.brk &&
      CURRENCY_WORDS[next.norm] &&
      text.slice(numTok.end, next.start).length <= 2 &&
      // "5ft 6" is a height: forint amounts run to hundreds at least (and "ft 6" below).
      !(next.norm === 'ft' && amount < 100)
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
    if (currency === '*') currency = defaultCurrency;
    let duration: Duration | null = null;
    let bare = false;
    if (!currency) {
      // No currency written: a price only if a duration is against it or a label names it.
      if (!plausibleBare(numEnd > i ? null : tok, amount, defaultCurrency)) continue;
      const against = durationAgainst(text, tokens, i, numEnd, usedDuration);
      if (against) {
        duration = against;
      } else if (!labelled(text, tokens, i)) {
        continue;
      }
      currency = defaultCurrency;
      bare = true;
    }
    duration ??= pickDuration(text, tokens, firstTok, lastTok, usedDuration);
    if (duration) for (let k = duration.startToken; k < duration.endToken; k++) usedDuration.add(k);
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
      rule: bare ? 'price.bare' : duration ? 'price.with_unit' : 'price.amount',
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
  used: ReadonlySet<number>,
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
    // "p/d": a lone "d" after "per" or "/" is the day.
    const dayLetter = t.type === 'word' && t.norm === 'd' && (joined || slashed);
    const d: Duration | null = dayLetter
      ? { unit: 'day', minutes: null, startToken: k, endToken: k + 1 }
      : single && (joined || slashed)
        ? { unit: 'minutes', minutes: 60, startToken: k, endToken: k + 1 }
        : durationAt(tokens, k, text);
    if (d) {
      if (used.has(d.startToken)) break;
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
    // Another price's duration: what comes before it is that price's.
    if (d && used.has(d.endToken - 1)) break;
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

/** A bare number that could be what something costs: whole, not tiny, not a phone's worth of digits. */
function plausibleBare(tok: Token | null, amount: number, currency: string): boolean {
  // A grouped or "1k" amount (tok null) is whole by construction.
  if (tok && !/^\d{2,6}$|^\d{1,3}(?:[.,]\d{3})+$/.test(tok.norm)) return false;
  const min = BARE_MIN[currency] ?? 20;
  return amount >= min && amount <= min * 500;
}

/** What may stand between a duration and the amount it prices: "30 min - 90", "1 Std. 150", "qv 60". */
const BEFORE_GAP = /^[ \t\u00a0:=\-–—|/>.]{0,4}$/;
/** Between an amount and the duration after it: "80hh", "150/hr", "250 2hrs", "100 - 1 uur". */
const AFTER_GAP = /^[ \t\u00a0/\-–]{0,3}$/;

/**
 * A duration right against a bare amount, not yet given to another price: one attached as a
 * suffix ("80hh", "150h") first, then one just before ("hh 100", "30 min - 90"), then one just
 * after ("250 2hrs", "100 for an hour").
 */
function durationAgainst(
  text: string,
  tokens: Token[],
  i: number,
  numEnd: number,
  used: ReadonlySet<number>,
): Duration | null {
  const num = tokens[numEnd];
  if (!num) return null;
  const free = (d: Duration | null) =>
    d && ![...Array(d.endToken - d.startToken).keys()].some((o) => used.has(d.startToken + o))
      ? d
      : null;
  const afterAt = (k: number): Duration | null => {
    const t = tokens[k];
    if (!t || t.brk) return null;
    // A lone "h" or "u" reads as an hour only when it is the amount's own suffix or after "/".
    if (t.type === 'word' && (t.norm === 'h' || t.norm === 'u')) {
      const gap = text.slice(num.end, t.start);
      return gap === '' || gap === ' ' || gap.trim() === '/'
        ? { unit: 'minutes', minutes: 60, startToken: k, endToken: k + 1 }
        : null;
    }
    // "150 jumătate", "80 halbe": a half word alone, right after the amount.
    if (t.type === 'word' && HALF_WORDS.has(t.norm) && !HOUR_WORDS.has(tokens[k + 1]?.norm ?? '')) {
      return { unit: 'minutes', minutes: 30, startToken: k, endToken: k + 1 };
    }
    const d = durationAt(tokens, k, text);
    // "30min=100 60min=180": a duration followed by its own amount is that amount's.
    const following = d ? tokens[d.endToken] : undefined;
    const leadsOn =
      text.slice(num.end, t.start) !== '' &&
      following &&
      !following.brk &&
      (following.type === 'num' || /^[=:>]$/.test(following.norm)) &&
      /^[ \t=:>-]*$/.test(text.slice(tokens[d!.endToken - 1]!.end, following.start));
    return leadsOn ? null : d;
  };
  const next = tokens[numEnd + 1];
  let after: Duration | null = null;
  if (next && !next.brk && AFTER_GAP.test(text.slice(num.end, next.start))) {
    after = free(afterAt(numEnd + 1));
    if (after && text.slice(num.end, next.start) === '') return after;
    if (!after && next.type === 'word' && (PER_WORDS.has(next.norm) || CONNECTORS.has(next.norm))) {
      const third = tokens[numEnd + 2];
      const connected = third && !third.brk && !/\n/.test(text.slice(next.end, third.start));
      after = connected ? free(afterAt(numEnd + 2)) : null;
    }
  }
  const tok = tokens[i];
  // "30min=100": the sign is a token of its own, and the duration ends before it.
  const sign = tokens[i - 1]?.type === 'sym' && /^[=:>]$/.test(tokens[i - 1]?.norm ?? '');
  const end = sign ? i - 1 : i;
  const prev = tokens[end - 1];
  if (tok && prev && !tok.brk && BEFORE_GAP.test(text.slice(prev.end, tokens[end]?.start))) {
    const lone = loneBefore(text, tokens, end);
    if (lone) return free(lone) ?? after;
    for (let k = end - 1; k >= Math.max(0, end - 3); k--) {
      const d = durationAt(tokens, k, text);
      if (d && d.endToken === end) {
        // "halbe Stunde", "1 uur": the longest reading that ends against the amount.
        const longer = k > 0 ? durationAt(tokens, k - 1, text) : null;
        const before = free(longer && longer.endToken === end ? longer : d);
        if (before) return before;
        break;
      }
    }
  }
  return after;
}

/**
 * A lone "H" heading an entry of a rate list ("HH 140 | H 220", "H - 250"): an hour, when it
 * starts the entry (not "2H", which is a count of hours).
 */
function loneBefore(text: string, tokens: Token[], end: number): Duration | null {
  const h = tokens[end - 1];
  if (!h || h.type !== 'word' || h.norm !== 'h') return null;
  const before = tokens[end - 2];
  const opens = !before || h.brk || /[|,;\n]/.test(text.slice(before.end, h.start));
  return opens ? { unit: 'minutes', minutes: 60, startToken: end - 1, endToken: end } : null;
}

/** "Prijs: 120", "Cena 200", "Rates - 80": a price word right before the amount. */
function labelled(text: string, tokens: Token[], i: number): boolean {
  const tok = tokens[i];
  const prev = tokens[i - 1];
  return (
    !!tok &&
    !!prev &&
    !tok.brk &&
    prev.type === 'word' &&
    PRICE_LABELS.has(prev.norm) &&
    /^[ \t\u00a0:=\-–]{0,4}$/.test(text.slice(prev.end, tok.start))
  );
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
