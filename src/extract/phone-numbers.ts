// Phone numbers in ad text, normalised to E.164 with libphonenumber-js (max metadata), including the
// disguises ads use to get past filters: digits as words in nine languages, look-alike letters,
// odd spacing, numbers split over lines, emoji keycaps, other Unicode digits and "plus" spelled out.
// The disguise is recorded on the fact: it is itself a validated sign of exploitation.
//
// How: one linear scan cuts the text into chunks of letters/digits; each chunk becomes digit
// pieces, number-word pieces or a breaker. Pieces joined only by separators form a run; inside a
// run a bounded window (at most 17 digits) slides over the digit groups and keeps the longest
// window libphonenumber validates. Offsets always point into the original text, so no offset map
// is needed after normalisation: every piece carries its own original span.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import {
  combineNumberAtoms,
  mayBeNumberWords,
  segmentNumberWords,
  type NumberAtom,
} from './number-words.js';
import type { Obfuscation, PhoneFact, SpanField } from './schema.js';
import { fold } from './text.js';
import type { SpanSet } from './spans.js';
import { digitsOf } from './unicode-digits.js';

interface Piece {
  kind: 'digits' | 'word';
  digits: string;
  atom: NumberAtom | null;
  start: number;
  end: number;
  obf: Set<Obfuscation>;
  /** Something that is not a separator (a word, a colon, a long gap) comes before this piece. */
  breakBefore: boolean;
  /** Not a number at all: an ordinary word that ends the current run. */
  breaker: boolean;
}

interface Group {
  /** Digits, or "+" for an international prefix. */
  digits: string;
  start: number;
  end: number;
  obf: Set<Obfuscation>;
  fromDigits: boolean;
}

const CHUNK_RE = /[\p{L}\p{M}\p{N}|\u{1F51F}]+/gu;
const MAX_CHUNK = 40;
const MAX_GAP = 8;
// Characters that may sit between the parts of one number: spaces (also no-break and zero-width),
// dashes, dots, slashes, brackets and the fillers ads use to break up digits.
const SEPARATOR_GAP_RE = /^[\s\u00a0\u2000-\u200d\u2060\ufeff\-–—‒./\\()[\]_*~·•,|'"=]*$/;
const STANDARD_GAP_RE = /^(?:|[ \u00a0]|[-./]|[ \u00a0][-/][ \u00a0]|[ \u00a0]?\(|\)[ \u00a0]?)$/;
const NEWLINE_RE = /[\n\r]/;
const LETTER_RE = /\p{L}/u;
const MARK_RE = /\p{M}/u;

// Look-alikes that are safe wherever the chunk also holds a real digit ("O6", "l2", "|5").
const BASIC_LOOKALIKE: Record<string, string> = {
  O: '0',
  o: '0',
  О: '0', // Cyrillic
  о: '0',
  Ο: '0', // Greek
  ο: '0',
  l: '1',
  I: '1',
  ı: '1',
  '|': '1',
};
// Riskier ones, accepted only one per chunk and only next to at least two real digits ("3S", "8B").
const EXTENDED_LOOKALIKE: Record<string, string> = {
  S: '5',
  s: '5',
  B: '8',
  Z: '2',
  z: '2',
  G: '6',
  g: '9',
  q: '9',
  E: '3',
  A: '4',
  T: '7',
};

// Regions where a nationally written number must start with the trunk prefix 0; elsewhere (ES, PL,
// IT, PT, CZ, HU, …) numbers are written without one. Requiring it keeps prices, dates and ids out.
const TRUNK_ZERO = new Set([
  'NL', 'BE', 'DE', 'AT', 'CH', 'FR', 'GB', 'IE', 'RO', 'BG', 'HR', 'RS', 'SI', 'SK', 'SE', 'FI',
  'UA', 'TR', 'BA', 'MK', 'AL', 'MD', 'ME', 'XK',
]); // prettier-ignore

// Context that turns a digit run into something else: money before or after, ids and codes before,
// units after. Applied to at most 24 characters on each side, so these regexes run on bounded text.
const DECOY_BEFORE_RE =
  /(?:€|\$|£|\beur|\beuros?|\blei|\bron|\bpln|\bzl|\bhuf|\bft|\bbgn|лв|\bchf|\busd|\bgbp|\bid|\bref|#|\biban|\bkvk|\bbtw|\border|\badvert\w*|\bannonce|\banuncio|\banunt\w*|\bogloszeni\w*|\bhirdetes\w*|обява|\bartikel\w*|\bcode|\bpin|\bpostcode|\bpc)\s*[:.#=-]?\s*$/u;
const DECOY_AFTER_RE =
  /^\s*(?:€|\$|£|%|eur\b|euro|lei\b|ron\b|pln\b|zl\b|ft\b|huf\b|лв|bgn|cm\b|mm\b|kg\b|km\b|m2|m²|min\b|minuten|minutes|uur\b|jaar|years|yo\b|ani\b|lat\b|anos|ev\b|години|x\b|,-)/u;
const DATE_SHAPE_RE = /^(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})|\d{4}[./-]\d{1,2}[./-]\d{1,2})$/;
const TIME_RANGE_RE = /^\d{1,2}[.:h]\d{2}\s*[-–]\s*\d{1,2}[.:h]\d{2}$/;
const PLAIN_RE = /^[0-9\s./-]+$/;

export interface PhoneOptions {
  /** Default region (ISO 3166 alpha-2) for numbers written without a country code. */
  country?: string | undefined;
  field: SpanField;
  /** Spans already claimed by e-mail addresses and links: digits inside them are not phones. */
  exclude?: SpanSet;
}

/** Every phone number in `text`, with its evidence and how it was disguised. */
export function extractPhoneNumbers(text: string, options: PhoneOptions): PhoneFact[] {
  const region = options.country?.toUpperCase();
  const country: CountryCode | undefined =
    region && isSupportedCountry(region) ? region : undefined;
  const pieces = scanPieces(text);
  const facts: PhoneFact[] = [];
  const exclude = options.exclude;
  for (const run of splitRuns(pieces)) {
    const groups = toGroups(run);
    findInGroups(text, groups, country, options.field, facts);
  }
  return exclude ? facts.filter((f) => !exclude.overlaps(f.span.start, f.span.end)) : facts;
}

/** Cuts the text into digit and number-word pieces; everything else only marks breaks. */
function scanPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let pendingBreak = true;
  let prevEnd = 0;
  CHUNK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHUNK_RE.exec(text)) !== null) {
    const chunk = m[0];
    const start = m.index;
    let plusAt = -1;
    if (chunk.charCodeAt(0) === 124 && /^\|+$/.test(chunk)) continue; // a lone bar stays in the gap
    const gapStart = prevEnd;
    prevEnd = start + chunk.length;
    if (start - gapStart === 1 && text.charCodeAt(gapStart) === 32) {
      // The usual gap, one space: nothing to check.
    } else {
      const gap = text.slice(gapStart, start);
      // A "+" right before the digits opens an international number (and always a new run).
      const plus = gap.lastIndexOf('+');
      if (plus >= 0 && /^\s{0,2}$/.test(gap.slice(plus + 1))) plusAt = gapStart + plus;
      if (plus >= 0) pendingBreak = true;
      else if (gap.length > MAX_GAP || !SEPARATOR_GAP_RE.test(gap) || countNewlines(gap) > 2) {
        pendingBreak = true;
      }
    }
    if (chunk.length > MAX_CHUNK) {
      pendingBreak = true;
      continue;
    }
    const chunkPieces = parseChunk(chunk, start);
    if (plusAt >= 0 && chunkPieces[0] && !chunkPieces[0].breaker) {
      pieces.push(plusPiece(plusAt, plusAt + 1, false));
      pendingBreak = false;
    }
    for (const p of chunkPieces) {
      if (p.breaker) {
        pendingBreak = true;
        continue;
      }
      p.breakBefore = p.atom?.t === 'plus' ? true : pendingBreak;
      pendingBreak = false;
      pieces.push(p);
    }
  }
  return pieces;
}

function breakerPiece(start: number, end: number): Piece {
  return {
    kind: 'word',
    digits: '',
    atom: null,
    start,
    end,
    obf: new Set(),
    breakBefore: true,
    breaker: true,
  };
}

function plusPiece(start: number, end: number, word: boolean): Piece {
  return {
    kind: 'word',
    digits: '',
    atom: { t: 'plus', v: 0, w: 'plus' },
    start,
    end,
    obf: new Set(word ? ['plus_word'] : []),
    breakBefore: true,
    breaker: false,
  };
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}

interface Seg {
  type: 'd' | 'l';
  start: number;
  end: number;
  digits: string;
  letters: string;
  obf: Set<Obfuscation>;
}

/**
 * One chunk (a run of letters, marks, digits) → pieces. A letter run inside becomes look-alike
 * digits (only next to real digits), number words, or a breaker (returned as a piece with
 * breakBefore = true, which scanPieces turns into a break).
 */
const HAS_DIGIT_LIKE_RE = /\p{N}|\||\u20e3/u;

function parseChunk(chunk: string, offset: number): Piece[] {
  // Fast path for the common case, an ordinary word: without any digit it can only be number words.
  if (!HAS_DIGIT_LIKE_RE.test(chunk)) {
    // Folding only the head first: most words are rejected on their first two letters.
    if (!mayBeNumberWords(fold(chunk.slice(0, 4))))
      return [breakerPiece(offset, offset + chunk.length)];
    if (!segmentNumberWords(fold(chunk))) return [breakerPiece(offset, offset + chunk.length)];
  }
  const segs: Seg[] = [];
  let realDigits = 0;
  let i = 0;
  for (const ch of chunk) {
    const cp = ch.codePointAt(0) ?? 0;
    const at = offset + i;
    i += ch.length;
    const last = segs[segs.length - 1];
    if (cp === 0x20e3 || cp === 0xfe0f) {
      if (last) {
        last.end = at + ch.length;
        if (cp === 0x20e3 && last.type === 'd') {
          last.obf.delete('unicode_digits');
          last.obf.add('emoji');
        }
      }
      continue;
    }
    const d = ch === '|' || LETTER_RE.test(ch) ? null : digitsOf(cp);
    if (d !== null) {
      realDigits += d.length;
      const obf: Obfuscation | null =
        cp === 0x1f51f ? 'emoji' : cp > 0x7f ? 'unicode_digits' : null;
      if (last?.type === 'd') {
        last.digits += d;
        last.end = at + ch.length;
        if (obf) last.obf.add(obf);
      } else {
        segs.push({
          type: 'd',
          start: at,
          end: at + ch.length,
          digits: d,
          letters: '',
          obf: new Set(obf ? [obf] : []),
        });
      }
      continue;
    }
    if (MARK_RE.test(ch) && last?.type === 'd') {
      last.end = at + ch.length;
      continue;
    }
    if (last?.type === 'l') {
      last.letters += ch;
      last.end = at + ch.length;
    } else {
      segs.push({
        type: 'l',
        start: at,
        end: at + ch.length,
        digits: '',
        letters: ch,
        obf: new Set(),
      });
    }
  }

  let extendedUsed = 0;
  const out: Piece[] = [];
  const pushDigits = (s: Seg, digits: string, obf: Set<Obfuscation>): void => {
    const prev = out[out.length - 1];
    if (prev && prev.kind === 'digits' && prev.end === s.start) {
      prev.digits += digits;
      prev.end = s.end;
      for (const o of obf) prev.obf.add(o);
    } else {
      out.push({
        kind: 'digits',
        digits,
        atom: null,
        start: s.start,
        end: s.end,
        obf: new Set(obf),
        breakBefore: false,
        breaker: false,
      });
    }
  };
  for (const s of segs) {
    if (s.type === 'd') {
      pushDigits(s, s.digits, s.obf);
      continue;
    }
    const look = lookalikeDigits(s.letters, realDigits, extendedUsed);
    if (look) {
      extendedUsed += look.extended;
      pushDigits(s, look.digits, new Set(['lookalike']));
      continue;
    }
    const atoms = segmentNumberWords(fold(s.letters));
    if (atoms) {
      for (const atom of atoms) {
        if (atom.t === 'plus') {
          out.push(plusPiece(s.start, s.end, true));
          continue;
        }
        out.push({
          kind: 'word',
          digits: '',
          atom,
          start: s.start,
          end: s.end,
          obf: new Set(['words']),
          breakBefore: false,
          breaker: false,
        });
      }
      continue;
    }
    out.push({
      kind: 'word',
      digits: '',
      atom: null,
      start: s.start,
      end: s.end,
      obf: new Set(),
      breakBefore: true,
      breaker: true,
    });
  }
  return out;
}

function lookalikeDigits(
  letters: string,
  realDigits: number,
  extendedUsed: number,
): { digits: string; extended: number } | null {
  if (realDigits < 1 || letters.length > 4) return null;
  let digits = '';
  let extended = 0;
  for (const ch of letters) {
    const basic = BASIC_LOOKALIKE[ch];
    if (basic) {
      digits += basic;
      continue;
    }
    const ext = EXTENDED_LOOKALIKE[ch];
    if (!ext) return null;
    extended += 1;
    digits += ext;
  }
  if (extended > 0 && (realDigits < 2 || extended + extendedUsed > 1 || letters.length > 1))
    return null;
  return { digits, extended };
}

function splitRuns(pieces: Piece[]): Piece[][] {
  const runs: Piece[][] = [];
  let cur: Piece[] = [];
  for (const p of pieces) {
    if (p.breakBefore && cur.length > 0) {
      runs.push(cur);
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length > 0) runs.push(cur);
  return runs;
}

/** Digit pieces stay as they are; consecutive number words are combined ("thirty four" → 34). */
function toGroups(run: Piece[]): Group[] {
  const groups: Group[] = [];
  let words: Piece[] = [];
  const flush = (): void => {
    if (words.length === 0) return;
    const seq = words.flatMap((p) => (p.atom ? [{ atom: p.atom, data: p }] : []));
    for (const g of combineNumberAtoms(seq)) {
      // Every piece of a word group is a number word, so its first and last piece say it all
      // (looking at every piece here would make long runs of words quadratic).
      const obf = new Set<Obfuscation>([...g.first.obf, ...g.last.obf]);
      groups.push({
        digits: g.digits,
        start: g.first.start,
        end: g.last.end,
        obf,
        fromDigits: false,
      });
    }
    words = [];
  };
  for (const p of run) {
    if (p.kind === 'word') {
      words.push(p);
      continue;
    }
    flush();
    groups.push({ digits: p.digits, start: p.start, end: p.end, obf: p.obf, fromDigits: true });
  }
  flush();
  return groups;
}

const MAX_DIGITS = 17;

function findInGroups(
  text: string,
  groups: Group[],
  country: CountryCode | undefined,
  field: SpanField,
  facts: PhoneFact[],
): void {
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i];
    if (!first || !isStart(first, country)) continue;
    const intl = first.digits === '+';
    let acc = '';
    let best: { j: number; parsed: Parsed } | null = null;
    for (let j = i; j < groups.length; j++) {
      const g = groups[j];
      if (!g) break;
      if (g.digits === '+') {
        if (j > i) break;
        continue;
      }
      acc += g.digits;
      if (acc.length > MAX_DIGITS) break;
      if (acc.length < 6) continue;
      const parsed = checkDigits(acc, intl, country);
      if (parsed) best = { j, parsed };
    }
    if (!best) continue;
    const last = groups[best.j];
    if (!last) continue;
    const start = first.start;
    const end = last.end;
    const raw = text.slice(start, end);
    if (isDecoy(text, start, end, raw)) continue;
    const obfuscation = describeObfuscation(text, groups, i, best.j);
    facts.push({
      kind: 'phone',
      value: best.parsed.e164,
      raw,
      span: { field, start, end },
      rule: field === 'phone' ? 'phone.field' : `phone.${best.parsed.how}`,
      country: best.parsed.country,
      numberType: best.parsed.type,
      international: best.parsed.how !== 'national',
      obfuscated: obfuscation.length > 0,
      obfuscation,
    });
    i = best.j;
  }
}

function isStart(g: Group, country: CountryCode | undefined): boolean {
  if (g.digits === '+') return true;
  if (g.digits.startsWith('0')) return true;
  return country !== undefined && !TRUNK_ZERO.has(country);
}

interface Parsed {
  e164: string;
  country: string | null;
  type: string | null;
  how: 'international' | 'idd' | 'national';
}

const cache = new Map<string, Parsed | null>();
const CACHE_LIMIT = 20_000;

/** Validates a digit string as a phone number; memoised, since runs are re-tried at many starts. */
function checkDigits(acc: string, intl: boolean, country: CountryCode | undefined): Parsed | null {
  const key = `${intl ? '+' : ''}${country ?? ''}|${acc}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = parseDigits(acc, intl, country);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function parseDigits(acc: string, intl: boolean, country: CountryCode | undefined): Parsed | null {
  if (intl || acc.startsWith('00')) {
    const rest = intl ? acc : acc.slice(2);
    if (rest.length < 8 || rest.length > 15 || rest.startsWith('0')) return null;
    const how = intl ? 'international' : 'idd';
    const direct = validate(`+${rest}`, undefined, how);
    if (direct) return direct;
    // "+31 (0)6 …" / "+31 06 …": drop a trunk zero written after the country code.
    for (let k = 1; k <= 3; k++) {
      if (rest[k] === '0') {
        const r = validate(`+${rest.slice(0, k)}${rest.slice(k + 1)}`, undefined, how);
        if (r) return r;
      }
    }
    return null;
  }
  if (!country) return null;
  if (acc.length < 7 || acc.length > 13) return null;
  if (TRUNK_ZERO.has(country) && !acc.startsWith('0')) return null;
  return validate(acc, country, 'national');
}

function validate(
  number: string,
  country: CountryCode | undefined,
  how: Parsed['how'],
): Parsed | null {
  const n = parsePhoneNumberFromString(number, country);
  if (!n?.isValid()) return null;
  return { e164: n.number, country: n.country ?? null, type: n.getType() ?? null, how };
}

function isDecoy(text: string, start: number, end: number, raw: string): boolean {
  const before = fold(text.slice(Math.max(0, start - 24), start));
  if (DECOY_BEFORE_RE.test(before)) return true;
  const after = fold(text.slice(end, end + 16));
  if (DECOY_AFTER_RE.test(after)) return true;
  if (PLAIN_RE.test(raw)) {
    const trimmed = raw.trim();
    if (DATE_SHAPE_RE.test(trimmed) || TIME_RANGE_RE.test(trimmed)) return true;
  }
  return false;
}

function describeObfuscation(text: string, groups: Group[], i: number, j: number): Obfuscation[] {
  const found = new Set<Obfuscation>();
  let singles = 0;
  for (let k = i; k <= j; k++) {
    const g = groups[k];
    if (!g) continue;
    for (const o of g.obf) found.add(o);
    if (g.fromDigits && g.digits.length === 1) singles++;
    if (k > i) {
      const prev = groups[k - 1];
      if (!prev) continue;
      const gap = text.slice(prev.end, g.start);
      if (NEWLINE_RE.test(gap)) found.add('split_line');
      else if (
        prev.digits !== '+' &&
        !STANDARD_GAP_RE.test(gap) &&
        g.fromDigits &&
        prev.fromDigits
      ) {
        found.add('spacing');
      }
    }
  }
  if (singles >= 4) found.add('spacing');
  return ORDER.filter((o) => found.has(o));
}

const ORDER: Obfuscation[] = [
  'words',
  'lookalike',
  'spacing',
  'emoji',
  'unicode_digits',
  'split_line',
  'plus_word',
];

/** A number given with its country code but no "+" (wa.me links, signal.me): E.164 or null. */
export function internationalNumber(
  digits: string,
): { e164: string; country: string | null; type: string | null } | null {
  if (!/^[1-9]\d{7,14}$/.test(digits)) return null;
  const parsed = validate(`+${digits}`, undefined, 'international');
  return parsed ? { e164: parsed.e164, country: parsed.country, type: parsed.type } : null;
}
