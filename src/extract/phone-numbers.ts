// Phone numbers in ad text, normalised to E.164 with libphonenumber-js (max metadata), including the
// disguises ads use to get past filters: digits as words in nine languages, look-alike letters,
// odd spacing, numbers split over lines, emoji keycaps, other Unicode digits and "plus" spelled out.
// The disguise is recorded on the fact: it is itself a validated sign of exploitation.
//
// How: one linear scan cuts the text into chunks of letters/digits; each chunk becomes digit
// pieces, number-word pieces or a breaker. Pieces joined only by separators form a run, cut again
// where it holds clock times, dates or list commas; inside a run a bounded window (at most 17
// digits) slides over the digit groups and keeps the longest window libphonenumber validates, in
// the default region or, for a number written nationally that is no mobile there, as a mobile of
// a nearby region (foreign SIMs: "0460 84 40 21" in a Dutch ad is Belgian). With no default
// region at all, digits in national form are reported as a national number of unknown country
// (the digits and the regions they would be valid in, no E.164), never guessed into one. Offsets
// always point into the original text, so no offset map is needed after normalisation: every
// piece carries its own original span.
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { classOf, codePointAt, LETTER, MARK, NUMBER, unitsOf } from './char-class.js';
import {
  combineNumberAtoms,
  mayBeNumberWords,
  segmentNumberWords,
  type NumberAtom,
} from './number-words.js';
import type { Obfuscation, PhoneFact, SpanField } from './schema.js';
import { fold } from '../text/index.js';
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
  /**
   * A word that sounds like a digit ("oh", "to", "for", "ate"): a digit only between two other
   * pieces of a number, an ordinary word anywhere else.
   */
  weak?: boolean;
  /**
   * A chunk of look-alike letters only ("ll", "O", "Io"): digits or a word, decided once the run
   * around it is known (see cutRun).
   */
  lone?: boolean;
}

interface Group {
  /** Digits, or "+" for an international prefix. */
  digits: string;
  start: number;
  end: number;
  obf: Set<Obfuscation>;
  fromDigits: boolean;
}

/** In a chunk: letters, marks, digits, "|" (a look-alike 1) and 🔟, as /[\p{L}\p{M}\p{N}|\u{1F51F}]+/u. */
const inChunk = (cp: number): boolean =>
  cp < 0x80
    ? (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a) || cp === 0x7c
    : cp === 0x1f51f || (classOf(cp) & (LETTER | MARK | NUMBER)) !== 0;

/** The next chunk at or after `from` as [start, end), or null. */
function nextChunk(text: string, from: number): [number, number] | null {
  let i = from;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (inChunk(cp)) break;
    i += unitsOf(cp);
  }
  if (i >= text.length) return null;
  let end = i;
  while (end < text.length) {
    const cp = codePointAt(text, end);
    if (!inChunk(cp)) break;
    end += unitsOf(cp);
  }
  return [i, end];
}
const MAX_CHUNK = 40;
const MAX_GAP = 8;
// Characters that may sit between the parts of one number: spaces (also no-break and zero-width),
// dashes, dots, slashes, brackets and the fillers ads use to break up digits.
// Colons, semicolons and emoji between digit groups are fillers too ("415;201;1234", "415💋201").
const SEPARATOR_GAP_RE =
  /^[\s\u00a0\u2000-\u200d\u2060\ufeff\-–—‒./\\()[\]_*~·•,|'"=:;\p{Extended_Pictographic}\uFE0F]*$/u;
const STANDARD_GAP_RE = /^(?:|[ \u00a0]|[-./]|[ \u00a0][-/][ \u00a0]|[ \u00a0]?\(|\)[ \u00a0]?)$/;
const NEWLINE_RE = /[\n\r]/;
const MAX_PLUS_GAP = 6;
const LIST_COMMA_RE = /,\s/;
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
  for (const run of splitRuns(text, pieces)) {
    const groups = toGroups(run);
    findInGroups(text, groups, country, options, facts);
  }
  return facts;
}

/** Cuts the text into digit and number-word pieces; everything else only marks breaks. */
function scanPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let pendingBreak = true;
  let prevEnd = 0;
  let lastChunk = '';
  for (let found = nextChunk(text, 0); found !== null; found = nextChunk(text, found[1])) {
    const [start, end] = found;
    const chunk = text.slice(start, end);
    let plusAt = -1;
    if (chunk.charCodeAt(0) === 124 && /^\|+$/.test(chunk)) continue; // a lone bar stays in the gap
    const gapStart = prevEnd;
    prevEnd = start + chunk.length;
    const prevChunk = lastChunk;
    lastChunk = chunk;
    if (start - gapStart === 1 && text.charCodeAt(gapStart) === 32) {
      // The usual gap, one space: nothing to check.
    } else {
      const gap = text.slice(gapStart, start);
      // A "+" right before the digits opens an international number (and always a new run).
      // Ads put the same fillers after it as between the digits: "+-3-1-6", "+ / drie / een".
      const plus = gap.lastIndexOf('+');
      if (plus >= 0 && isPlusGap(gap.slice(plus + 1))) plusAt = gapStart + plus;
      if (plus >= 0) pendingBreak = true;
      else if (
        gap.length > MAX_GAP ||
        !SEPARATOR_GAP_RE.test(gap) ||
        countNewlines(gap) > 2 ||
        // "09:00": a colon inside a clock time ends the number, where "201:1234" does not.
        (gap.includes(':') && /^\d{1,2}$/.test(prevChunk) && /^\d{2}(?!\d)/.test(chunk))
      ) {
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
  return pieces.some((p) => p.weak) ? settleHomophones(pieces) : pieces;
}

/**
 * Keeps a sound-alike word as a digit only inside a number (pieces on both sides, nothing
 * between): "five five five to oh one" is a number, "talk to me" and "for 30 min" are not.
 */
function settleHomophones(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let breakNext = false;
  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (breakNext) {
      p.breakBefore = true;
      breakNext = false;
    }
    if (p.weak) {
      const prev = pieces[k - 1];
      const next = pieces[k + 1];
      const inside =
        !!prev && !!next && !p.breakBefore && !next.breakBefore && (!prev.weak || !next.weak);
      if (!inside) {
        breakNext = true;
        continue;
      }
    }
    out.push(p);
  }
  return out;
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

/** What may stand between a "+" and the first digit: a few fillers, at most one line break. */
function isPlusGap(gap: string): boolean {
  return (
    gap.length <= MAX_PLUS_GAP &&
    SEPARATOR_GAP_RE.test(gap) &&
    !gap.includes(',') &&
    countNewlines(gap) <= 1
  );
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
/** A digit of any script, a bar (a look-alike 1) or a keycap mark: what /\p{N}|\||\u20e3/u finds. */
function hasDigitLike(chunk: string): boolean {
  for (let i = 0; i < chunk.length;) {
    const cp = codePointAt(chunk, i);
    if (cp === 0x7c || cp === 0x20e3 || (classOf(cp) & NUMBER) !== 0) return true;
    i += unitsOf(cp);
  }
  return false;
}

/** English words read aloud as digits: "five five five two oh one", "to" for 2, "ate" for 8. */
const HOMOPHONES = new Map<string, string>([
  ['oh', '0'],
  ['to', '2'],
  ['too', '2'],
  ['for', '4'],
  ['fore', '4'],
  ['ate', '8'],
  ['won', '1'],
]);
/** First letters of the homophones (lower case): any other ASCII letter first rules a word out. */
const HOMOPHONE_STARTS = new Set([...HOMOPHONES.keys()].map((w) => w.charCodeAt(0)));

function homophoneOf(chunk: string): string | undefined {
  if (chunk.length > 4) return undefined;
  const first = chunk.charCodeAt(0);
  if (first < 0x80 && !HOMOPHONE_STARTS.has(first | 0x20)) return undefined;
  return HOMOPHONES.get(chunk.toLowerCase());
}

/** What an ordinary word amounts to: a break, and nothing else (the most frequent answer, shared). */
const WORD_BREAK: readonly Piece[] = [breakerPiece(0, 0)];

function parseChunk(chunk: string, offset: number): readonly Piece[] {
  // Fast path for the common case, an ordinary word: without any digit it can only be number words.
  if (!hasDigitLike(chunk)) {
    const homophone = homophoneOf(chunk);
    if (homophone !== undefined) {
      return [
        {
          kind: 'digits',
          digits: homophone,
          atom: null,
          start: offset,
          end: offset + chunk.length,
          obf: new Set(['words']),
          breakBefore: false,
          breaker: false,
          weak: true,
        },
      ];
    }
    if (chunk.length <= MAX_LONE && LONE_LOOKALIKE_RE.test(chunk))
      return [lonePiece(chunk, offset)];
    // Folding only the head first: most words are rejected on their first two letters.
    if (!mayBeNumberWords(fold(chunk.slice(0, 4)))) return WORD_BREAK;
    if (!segmentNumberWords(fold(chunk))) return WORD_BREAK;
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

// A chunk of these letters alone ("ll", "O", "Io") may be digits written apart from the real ones:
// "06 5l 48 ll 67", "O - 6 - 2 - 4".
const LONE_LOOKALIKE_RE = /^[OoОоΟοlIı]+$/;
const MAX_LONE = 4;

function lonePiece(chunk: string, offset: number): Piece {
  let digits = '';
  for (const ch of chunk) digits += BASIC_LOOKALIKE[ch] ?? '';
  return {
    kind: 'digits',
    digits,
    atom: null,
    start: offset,
    end: offset + chunk.length,
    obf: new Set(['lookalike']),
    breakBefore: false,
    breaker: false,
    lone: true,
  };
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

function splitRuns(text: string, pieces: Piece[]): Piece[][] {
  const runs: Piece[][] = [];
  let cur: Piece[] = [];
  for (const p of pieces) {
    if (p.breakBefore && cur.length > 0) {
      runs.push(...cutRun(text, cur));
      cur = [];
    }
    cur.push(p);
  }
  if (cur.length > 0) runs.push(...cutRun(text, cur));
  return runs;
}

const isPlainDigits = (p: Piece | undefined): p is Piece =>
  p !== undefined && p.kind === 'digits' && !p.lone && p.obf.size === 0;
const isRealDigits = (p: Piece | undefined): boolean =>
  p !== undefined && p.kind === 'digits' && !p.lone;
const gapOf = (text: string, a: Piece | undefined, b: Piece | undefined): string | null =>
  a && b ? text.slice(a.end, b.start) : null;

/**
 * A single letter set apart by spaces next to groups of digits is as likely the word "o" ("612
 * 345 678 o 698 765 432", Spanish "or"; "llámame o 612…") or "I" as a disguised digit, unless the
 * digits around it are written one by one ("3 I 6 1 1") or with fillers ("O - 6 - 2").
 */
function isSpacedWord(text: string, run: Piece[], k: number, e: number): boolean {
  const p = run[k];
  if (!p || e !== k || p.end - p.start !== 1) return false;
  const near = (q: Piece | undefined, gap: string | null): boolean =>
    !isRealDigits(q) || (q !== undefined && q.digits.length > 1 && /^\s+$/.test(gap ?? ''));
  return (
    near(run[k - 1], gapOf(text, run[k - 1], p)) && near(run[k + 1], gapOf(text, p, run[k + 1]))
  );
}

/**
 * Cuts a run where it holds something other than one number: a clock time ("11.00", "20.00 -
 * 02.00"), a date with its year ("01.03.2025"), a list comma, "and"/"en"/"et" between digits
 * rather than between number words ("09.00 and 22.00"), and look-alike letters that stand alone
 * without real digits on either side ("I" and "o" are words too). Linear: each test looks at a
 * fixed number of neighbours.
 */
function cutRun(text: string, run: Piece[]): Piece[][] {
  const n = run.length;
  if (n === 1 && !run[0]?.lone) return [run];
  const cutBefore = new Array<boolean>(n + 1).fill(false);
  const drop = new Array<boolean>(n).fill(false);

  // Look-alike letters standing alone: kept between real digits; at the edge of the run only when
  // the run disguises digits that way elsewhere too ("+ 3 I 6 … 4 I O").
  let evidence = run.some((p) => !p.lone && p.obf.has('lookalike'));
  const edges: [number, number][] = [];
  for (let k = 0; k < n;) {
    if (!run[k]?.lone) {
      k++;
      continue;
    }
    let e = k;
    while (run[e + 1]?.lone) e++;
    const left = isRealDigits(run[k - 1]);
    const right = isRealDigits(run[e + 1]);
    const word = isSpacedWord(text, run, k, e);
    if (left && right && !word) evidence = true;
    // "O 6 1 2 …", "o/6/5/9": a letter O standing for the leading 0 before real digits.
    else if (k === 0 && right && !word && /^0+$/.test(run[k]?.digits ?? '')) evidence = true;
    else if (left || right) edges.push([k, e]);
    else for (let x = k; x <= e; x++) drop[x] = true;
    k = e + 1;
  }
  for (const [k, e] of edges) if (!evidence) for (let x = k; x <= e; x++) drop[x] = true;

  for (let k = 0; k < n; k++) {
    const p = run[k];
    if (!p) continue;
    // A comma and a space between digits separate items in a list ("01.03.2025, 11.00 - 23.00",
    // "06 48271935, 06 39182746"); a comma as filler has no space ("0,6,4,8"), and between spelled
    // digits it is a pause ("null eins fünf zwei, fünf drei …").
    const prev = run[k - 1];
    if (
      prev?.kind === 'digits' &&
      p.kind === 'digits' &&
      LIST_COMMA_RE.test(gapOf(text, prev, p) ?? '')
    ) {
      cutBefore[k] = true;
    }
    // A connector joins number words only: "vier en dertig", not "09.00 and 22.00".
    if (p.atom?.t === 'conn' && (run[k - 1]?.kind !== 'word' || run[k + 1]?.kind !== 'word')) {
      drop[k] = true;
      continue;
    }
    const next = run[k + 1];
    if (!isPlainDigits(p) || !isPlainDigits(next)) continue;
    const before = gapOf(text, run[k - 1], p);
    const inner = text.slice(p.end, next.start);
    // dd.mm.yyyy (also with - or /), the year 19xx or 20xx.
    const year = run[k + 2];
    if (
      (inner === '.' || inner === '-' || inner === '/') &&
      before !== inner &&
      isPlainDigits(year) &&
      gapOf(text, next, year) === inner &&
      gapOf(text, year, run[k + 3]) !== inner &&
      /^\d{1,2}$/.test(p.digits) &&
      /^\d{1,2}$/.test(next.digits) &&
      /^(?:19|20)\d\d$/.test(year.digits) &&
      Number(p.digits) >= 1 &&
      Number(p.digits) <= 31 &&
      Number(next.digits) >= 1 &&
      Number(next.digits) <= 12
    ) {
      cutBefore[k] = true;
      cutBefore[k + 3] = true;
      continue;
    }
    // hh.mm, not part of a longer dotted sequence ("06.48.27.19.35" is a number).
    if (
      inner === '.' &&
      before !== '.' &&
      gapOf(text, next, run[k + 2]) !== '.' &&
      /^\d{1,2}$/.test(p.digits) &&
      /^\d\d$/.test(next.digits) &&
      Number(p.digits) <= 24 &&
      Number(next.digits) <= 59
    ) {
      cutBefore[k] = true;
      cutBefore[k + 2] = true;
    }
  }

  const out: Piece[][] = [];
  let cur: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const p = run[k];
    if (!p) continue;
    if ((cutBefore[k] || drop[k]) && cur.length > 0) {
      out.push(cur);
      cur = [];
    }
    if (!drop[k]) cur.push(p);
  }
  if (cur.length > 0) out.push(cur);
  return out;
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
  options: PhoneOptions,
  facts: PhoneFact[],
): void {
  const { field, exclude } = options;
  for (let i = 0; i < groups.length; i++) {
    const first = groups[i];
    if (!first || !isStart(first, country)) continue;
    const intl = first.digits === '+';
    let acc = '';
    let best: { j: number; readings: Readings; digits: string } | null = null;
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
      const readings = checkDigits(acc, intl, country);
      if (readings) best = { j, readings, digits: acc };
    }
    if (!best) continue;
    const last = groups[best.j];
    if (!last) continue;
    const start = first.start;
    const end = last.end;
    const raw = text.slice(start, end);
    if (isDecoy(text, start, end, raw)) continue;
    // Digits inside an e-mail address or a link are no phone; a number that stands on its own is
    // one, even where a messenger name before it made its first word look like a handle
    // ("WhatsApp: nul zes …", "WhatsApp: O6l2…").
    if (exclude?.overlaps(start, end) && isEmbedded(text, start, end)) continue;
    const obfuscation = describeObfuscation(text, groups, i, best.j);
    const regions = best.readings.countryUnknown;
    if (regions) {
      facts.push({
        kind: 'phone',
        value: best.digits,
        raw,
        span: { field, start, end },
        rule: field === 'phone' ? 'phone.field' : 'phone.national_country_unknown',
        country: null,
        numberType: null,
        international: false,
        obfuscated: obfuscation.length > 0,
        obfuscation,
        countryUnknown: true,
        regions,
      });
      i = best.j;
      continue;
    }
    const parsed = chooseReading(best.readings, groups, i, best.j);
    facts.push({
      kind: 'phone',
      value: parsed.e164,
      raw,
      span: { field, start, end },
      rule: field === 'phone' ? 'phone.field' : `phone.${parsed.how}`,
      country: parsed.country,
      numberType: parsed.type,
      international: parsed.how !== 'national',
      obfuscated: obfuscation.length > 0,
      obfuscation,
    });
    i = best.j;
  }
}

/** Whether the characters around a span glue it into an address or link ("06…@", "/06…"). */
function isEmbedded(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  return (
    ADDRESS_BEFORE.includes(before) ||
    ADDRESS_AFTER.includes(after) ||
    (after === '.' && /[A-Za-z0-9]/.test(text[end + 1] ?? ''))
  );
}
const ADDRESS_BEFORE = ['@', '/', '=', '_', '#', '&', '?'];
const ADDRESS_AFTER = ['@', '/', '_', '?', '&', '#'];

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
  /** Digits per group in the number's usual national format ("0460 84 40 21" → "4 2 2 2"). */
  grouping: string;
}

/** How a digit string reads: in the default region, and as a mobile in the regions around it. */
interface Readings {
  home: Parsed | null;
  abroad: Parsed[];
  /**
   * No default region: the regions where the digits, written nationally, are a personal number.
   * Set only when there is neither a home nor an abroad reading.
   */
  countryUnknown?: CountryCode[];
}

// Regions whose mobiles are written nationally in ads read under another default region: people
// keep the SIM of the country they come from or work across a border ("0460 84 40 21" in a Dutch
// ad is a Belgian mobile). Only regions with a trunk 0, so a bare id or price never qualifies, and
// only mobiles, the numbers ads give.
// Listed from the most to the least usual in ads on Dutch, Belgian and German sites: where digits
// are a mobile in two of them ("0670…" in Hungary and Austria), the first one is taken.
const NEARBY_REGIONS: CountryCode[] = ['NL', 'BE', 'DE', 'FR', 'RO', 'BG', 'HU', 'GB', 'AT', 'CH'];
const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);
// Mobiles in those regions, trunk prefix included, have 10 to 13 digits.
const NEARBY_MIN = 10;
const NEARBY_MAX = 13;
// A person's number in an ad is a mobile or now and then a landline; a company or service number
// (the Dutch 084/087/088 ranges) is less likely than the same digits as a mobile abroad.
const PERSONAL_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE', 'FIXED_LINE']);

const cache = new Map<string, Readings | null>();
const CACHE_LIMIT = 20_000;

/** Validates a digit string as a phone number; memoised, since runs are re-tried at many starts. */
function checkDigits(
  acc: string,
  intl: boolean,
  country: CountryCode | undefined,
): Readings | null {
  const key = `${intl ? '+' : ''}${country ?? ''}|${acc}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const result = parseDigits(acc, intl, country);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, result);
  return result;
}

function parseDigits(
  acc: string,
  intl: boolean,
  country: CountryCode | undefined,
): Readings | null {
  if (intl || acc.startsWith('00')) {
    const rest = intl ? acc : acc.slice(2);
    if (rest.length < 8 || rest.length > 15 || rest.startsWith('0')) return null;
    const how = intl ? 'international' : 'idd';
    const direct = validate(`+${rest}`, undefined, how);
    if (direct) return { home: direct, abroad: [] };
    // "+31 (0)6 …" / "+31 06 …": drop a trunk zero written after the country code.
    for (let k = 1; k <= 3; k++) {
      if (rest[k] === '0') {
        const r = validate(`+${rest.slice(0, k)}${rest.slice(k + 1)}`, undefined, how);
        if (r) return { home: r, abroad: [] };
      }
    }
    return null;
  }
  if (!country) return nationalWithoutCountry(acc);
  if (acc.length < 7 || acc.length > 13) return null;
  const home =
    TRUNK_ZERO.has(country) && !acc.startsWith('0') ? null : validate(acc, country, 'national');
  const abroad: Parsed[] = [];
  // A mobile at home is the reading; otherwise the number may be a mobile from nearby.
  if (
    acc.startsWith('0') &&
    acc.length >= NEARBY_MIN &&
    acc.length <= NEARBY_MAX &&
    !(home?.type && MOBILE_TYPES.has(home.type))
  ) {
    for (const region of NEARBY_REGIONS) {
      if (region === country) continue;
      const r = validate(acc, region, 'national');
      if (r?.type && MOBILE_TYPES.has(r.type)) abroad.push(r);
    }
  }
  return home || abroad.length > 0 ? { home, abroad } : null;
}

/**
 * The reading of a nationally written number: the default region's, unless the digits are no
 * personal number there (then a mobile nearby: the one grouped exactly as written, else the
 * first in NEARBY_REGIONS), or only a
 * landline there while they are a mobile nearby *and* are grouped the way that region writes them
 * ("0460 84 40 21", "0478/21.93.65": Belgian; "046 084 4021", "0478 219 365" or "0460844021":
 * Dutch). Written groups are compared whole, then by the first group alone.
 */
/**
 * Digits written nationally where nothing gives the country (the ad has none, nor its source):
 * still a phone number if they carry a trunk 0 and are a personal number (mobile or landline) in
 * one of the regions whose ads Ariadne reads. Which region, the text does not say: the fact keeps
 * the digits and the candidate regions, and says so, rather than being dropped or guessed.
 */
function nationalWithoutCountry(acc: string): Readings | null {
  if (!acc.startsWith('0') || acc.startsWith('00')) return null;
  if (acc.length < NEARBY_MIN || acc.length > NEARBY_MAX) return null;
  const regions = NEARBY_REGIONS.filter((region) => {
    const reading = validate(acc, region, 'national');
    return (
      reading?.type !== null && reading?.type !== undefined && PERSONAL_TYPES.has(reading.type)
    );
  });
  return regions.length > 0 ? { home: null, abroad: [], countryUnknown: regions } : null;
}

function chooseReading(readings: Readings, groups: Group[], i: number, j: number): Parsed {
  const { home, abroad } = readings;
  const away = abroad[0];
  if (!away) return home as Parsed;
  const written = writtenGrouping(groups, i, j);
  const head = (g: string | null): string | undefined => g?.split(' ')[0];
  const exact = abroad.find((r) => r.grouping === written);
  if (!home || !home.type || !PERSONAL_TYPES.has(home.type)) return exact ?? away;
  if (written === null || home.grouping === written) return home;
  if (exact) return exact;
  const headed = abroad.find((r) => head(r.grouping) === head(written));
  return headed && head(home.grouping) !== head(written) ? headed : home;
}

/** Digits per written group ("4 2 2 2"), or null when the number is one block or not all digits. */
function writtenGrouping(groups: Group[], i: number, j: number): string | null {
  if (j <= i) return null;
  const lengths: number[] = [];
  for (let k = i; k <= j; k++) {
    const g = groups[k];
    if (!g?.fromDigits) return null;
    lengths.push(g.digits.length);
  }
  return lengths.join(' ');
}

function validate(
  number: string,
  country: CountryCode | undefined,
  how: Parsed['how'],
): Parsed | null {
  const n = parsePhoneNumberFromString(number, country);
  if (!n?.isValid()) return null;
  const grouping = (n.formatNational().match(/\d+/g) ?? []).map((g) => g.length).join(' ');
  return { e164: n.number, country: n.country ?? null, type: n.getType() ?? null, how, grouping };
}

// A currency sign with digits after it prices what follows ("06 12345678 €100"), not the number.
const NEXT_PRICE_RE = /^\s*[€$£]\s?\d/u;

function isDecoy(text: string, start: number, end: number, raw: string): boolean {
  const before = fold(text.slice(Math.max(0, start - 24), start));
  if (DECOY_BEFORE_RE.test(before)) return true;
  const after = fold(text.slice(end, end + 16));
  if (DECOY_AFTER_RE.test(after) && !NEXT_PRICE_RE.test(after)) return true;
  if (PLAIN_RE.test(raw)) {
    const trimmed = raw.trim();
    if (DATE_SHAPE_RE.test(trimmed) || TIME_RANGE_RE.test(trimmed)) return true;
  }
  return false;
}

const isSingle = (g: Group | undefined): boolean =>
  g !== undefined && g.fromDigits && g.digits.length === 1;

function describeObfuscation(text: string, groups: Group[], i: number, j: number): Obfuscation[] {
  const found = new Set<Obfuscation>();
  let singles = 0;
  for (let k = i; k <= j; k++) {
    const g = groups[k];
    if (!g) continue;
    for (const o of g.obf) found.add(o);
    // Digits written one by one ("0 6 1 2 …"); a single digit between number words is no trick.
    if (isSingle(g) && (isSingle(groups[k - 1]) || isSingle(groups[k + 1]))) singles++;
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
