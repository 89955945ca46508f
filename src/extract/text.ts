// Text primitives shared by every extractor: the per-field size cap and one linear tokenizer whose
// tokens keep their UTF-16 offsets into the original text, so every fact can point back at the
// exact characters it came from. Folding is the shared kernel's (src/text), the one outreach uses.
import { fold } from '../text/index.js';
import {
  classOf,
  codePointAt,
  LETTER,
  LOWER,
  MARK,
  NUMBER,
  SPACE,
  UPPER,
  unitsOf,
} from './char-class.js';
import { asciiDigits } from './unicode-digits.js';

/** Longest text processed per field; longer text is cut here and the result says so. */
export const FIELD_CAP = 200_000;

export interface Token {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  /** Folded form (lower case, no accents) used for every comparison. */
  norm: string;
  type: 'word' | 'num' | 'sym';
  /** A sentence or line boundary (. ! ? newline) lies between this token and the one before. */
  brk: boolean;
  /** The token starts with an upper-case letter in the original. */
  upper: boolean;
}

// Token shapes, read in one pass from left to right, character by character (see char-class.ts):
//  1. words: letters and marks, with a short apostrophe tail joined in ("foto's", "I'm", "don't")
//     but not an elision ("l'hôtel" stays two words);
//  2. numbers: digits with inner . or , groups ("1.500", "99,99", "12.05.2024");
//  3. any other single character that is not a separator: symbols, currency, emoji.
// The same tokens as this regular expression finds (the test holds the two together), without
// asking \p{…} classes of every character:
//   ([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]{1,2}(?![\p{L}\p{M}]))?)|(\p{N}+(?:[.,]\p{N}+)*)|[^\s\p{L}\p{M}\p{N}<separators>]
/** Characters that separate tokens without being one (besides white space). */
const SEPARATORS = new Set(
  Array.from(`.,;:!?'"’‘“”„«»()[]{}<>-–—_*~…·•|\\/`, (c) => c.codePointAt(0) as number),
);
const WORDISH = LETTER | MARK;

const isWordish = (text: string, i: number): boolean =>
  i < text.length && (classOf(codePointAt(text, i)) & WORDISH) !== 0;

/** End of the letters and marks from `i` on. */
function lettersEnd(text: string, i: number): number {
  let end = i;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    // ASCII answers at once, without the table: only A–Z and a–z are letters there. This also
    // keeps the loop quick before the JIT has compiled it (start-up tokenizes the gazetteer).
    if (c < 0x80) {
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
        end++;
        continue;
      }
      return end;
    }
    if (!isWordish(text, end)) return end;
    end += unitsOf(codePointAt(text, end));
  }
  return end;
}

/** End of a word starting at `i`: letters and marks, then an apostrophe tail of one or two. */
function wordEnd(text: string, i: number): number {
  const end = lettersEnd(text, i);
  const apostrophe = text.charCodeAt(end);
  if (apostrophe === 0x27 || apostrophe === 0x2019) {
    let tail = end + 1;
    let letters = 0;
    while (letters < 3 && isWordish(text, tail)) {
      tail += unitsOf(codePointAt(text, tail));
      letters++;
    }
    if (letters >= 1 && letters <= 2) return tail;
  }
  return end;
}

const isDigitAt = (text: string, i: number): boolean =>
  i < text.length && (classOf(codePointAt(text, i)) & NUMBER) !== 0;

/** End of a number starting at `i`: digits, then groups of digits after a dot or comma. */
function numberEnd(text: string, i: number): number {
  let end = i;
  while (isDigitAt(text, end)) end += unitsOf(codePointAt(text, end));
  for (;;) {
    const c = text.charCodeAt(end);
    if ((c !== 0x2e && c !== 0x2c) || !isDigitAt(text, end + 1)) return end;
    end++;
    while (isDigitAt(text, end)) end += unitsOf(codePointAt(text, end));
  }
}

/**
 * Whether the gap text[from, to) before a token ends a sentence. A dot does unless the next word
 * starts in lower case or is a number: abbreviations ("30 Min. 80 €", "y.o.", "ca. 20") are no
 * sentence ends.
 */
function isBreak(text: string, from: number, to: number, nextClass: number): boolean {
  let dot = false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x21 || c === 0x3f || c === 0x0a || c === 0x0d) return true; // ! ? \n \r
    if (c === 0x2e) dot = true;
  }
  return dot && (nextClass & (LOWER | NUMBER)) === 0;
}
const APOSTROPHES_RE = /['’]/g;

/** Splits text into word, number and symbol tokens in one linear pass. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (let i = 0; i < text.length;) {
    const cp = codePointAt(text, i);
    const cls = classOf(cp);
    let type: Token['type'];
    let end: number;
    if ((cls & WORDISH) !== 0) {
      type = 'word';
      end = wordEnd(text, i);
    } else if ((cls & NUMBER) !== 0) {
      type = 'num';
      end = numberEnd(text, i);
    } else if ((cls & SPACE) !== 0 || SEPARATORS.has(cp)) {
      i += unitsOf(cp);
      continue;
    } else {
      type = 'sym';
      end = i + unitsOf(cp);
    }
    const raw = text.slice(i, end);
    tokens.push({
      start: i,
      end,
      norm:
        type === 'word'
          ? fold(raw).replace(APOSTROPHES_RE, '')
          : type === 'num'
            ? asciiDigits(raw)
            : raw,
      type,
      brk: tokens.length > 0 && isBreak(text, prevEnd, i, cls),
      upper: type === 'word' && (cls & UPPER) !== 0,
    });
    prevEnd = end;
    i = end;
  }
  return tokens;
}

/** A set of words in their folded form, so lists can be written with their accents. */
export function foldedSet(words: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const w of words) out.add(fold(w).replace(APOSTROPHES_RE, ''));
  return out;
}

/**
 * Escaped characters scrapers leave behind ("\\u00a0", "<U+00A0>", "&nbsp;") read as the space
 * they stood for, never as letters and digits ("u00a0" would add two zeros to a phone number). The
 * same length of spaces, so every offset still points into the original text.
 */
const ESCAPE_JUNK_RE = /\\u[0-9a-fA-F]{4}|<U\+[0-9A-Fa-f]{4,6}>|&nbsp;|&#160;|&#xa0;/g;
export function blankEscapes(text: string): string {
  return text.includes('\\') || text.includes('<U+') || text.includes('&')
    ? text.replace(ESCAPE_JUNK_RE, (m) => ' '.repeat(m.length))
    : text;
}

/** Cuts a field to FIELD_CAP without splitting a surrogate pair. */
export function capText(text: string): { text: string; truncated: boolean } {
  if (text.length <= FIELD_CAP) return { text, truncated: false };
  let end = FIELD_CAP;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return { text: text.slice(0, end), truncated: true };
}

/** The text between two tokens (for checks like "is there a dash between these numbers"). */
export function gapBetween(text: string, a: Token, b: Token): string {
  return text.slice(a.end, b.start);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Replaces lone UTF-16 surrogates (an emoji cut in two, a hostile page), which jsonb refuses. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** Digits and symbols written for the letters they look like ("c4sh", "m0ney", "ca$h", "b4nkp4s"). */
const LETTER_SWAPS = new Uint8Array(128);
for (const [from, to] of Object.entries({
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
})) {
  LETTER_SWAPS[from.charCodeAt(0)] = to.charCodeAt(0);
}
const swapOf = (c: number): number => (c < 128 ? (LETTER_SWAPS[c] as number) : 0);
const isAsciiLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);

/**
 * The text with look-alike digits and symbols read as the letters they stand for, where they sit
 * inside a word (letters on both sides: "c4sh", "ez m0ney"), or null when there are none. One
 * character for one, so every offset still points into the original. A digit at a word's edge
 * stays a digit ("1k", "4u", "06-…"): there it is far more often a number than a disguise.
 */
export function readLetterSwaps(text: string): string | null {
  let out: string[] | null = null;
  for (let i = 1; i < text.length; i++) {
    if (swapOf(text.charCodeAt(i)) === 0 || !isAsciiLetter(text.charCodeAt(i - 1))) continue;
    // A run of swaps ("m00ney") must end at a letter for the run to be inside a word.
    let j = i;
    while (j < text.length && swapOf(text.charCodeAt(j)) !== 0) j++;
    if (j < text.length && isAsciiLetter(text.charCodeAt(j))) {
      out ??= text.split('');
      for (let k = i; k < j; k++) out[k] = String.fromCharCode(swapOf(text.charCodeAt(k)));
    }
    i = j;
  }
  return out ? out.join('') : null;
}
