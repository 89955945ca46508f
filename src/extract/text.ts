// Text primitives shared by every extractor: the per-field size cap and one linear tokenizer whose
// tokens keep their UTF-16 offsets into the original text, so every fact can point back at the
// exact characters it came from. Folding is the shared kernel's (src/text), the one outreach uses.
import { fold } from '../text/index.js';
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

// Token shapes. Each alternative is a single greedy run that cannot fail once it has started, so a
// global scan is linear: the engine never re-reads a run from a later start position.
//  1. words: letters and marks, with a short apostrophe tail joined in ("foto's", "I'm", "don't")
//     but not an elision ("l'hôtel" stays two words);
//  2. numbers: digits with inner . or , groups ("1.500", "99,99", "12.05.2024");
//  3. any other single character that is not a separator: symbols, currency, emoji.
const TOKEN_RE =
  /([\p{L}\p{M}]+(?:['’][\p{L}\p{M}]{1,2}(?![\p{L}\p{M}]))?)|(\p{N}+(?:[.,]\p{N}+)*)|[^\s\p{L}\p{M}\p{N}.,;:!?'"’‘“”„«»()[\]{}<>\-–—_*~…·•|\\/]/gu;
const HARD_BREAK_RE = /[!?\n\r]/;
const STARTS_LOWER_OR_DIGIT_RE = /^[\p{Ll}\p{N}]/u;

/**
 * Whether the gap before a token ends a sentence. A dot does unless the next word starts in lower
 * case or is a number: abbreviations ("30 Min. 80 €", "y.o.", "ca. 20") are no sentence ends.
 */
function isBreak(gap: string, next: string): boolean {
  if (HARD_BREAK_RE.test(gap)) return true;
  return gap.includes('.') && !STARTS_LOWER_OR_DIGIT_RE.test(next);
}
const APOSTROPHES_RE = /['’]/g;
const UPPER_RE = /^\p{Lu}/u;

/** Splits text into word, number and symbol tokens in one linear pass. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let prevEnd = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const raw = m[0];
    const start = m.index;
    // The capture group that matched tells the kind: 1 = word, 2 = number, none = symbol.
    const type: Token['type'] = m[1] !== undefined ? 'word' : m[2] !== undefined ? 'num' : 'sym';
    const gap = text.slice(prevEnd, start);
    tokens.push({
      start,
      end: start + raw.length,
      norm:
        type === 'word'
          ? fold(raw).replace(APOSTROPHES_RE, '')
          : type === 'num'
            ? asciiDigits(raw)
            : raw,
      type,
      brk: tokens.length > 0 && isBreak(gap, raw),
      upper: type === 'word' && UPPER_RE.test(raw),
    });
    prevEnd = start + raw.length;
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
