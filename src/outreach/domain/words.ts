// Word matching shared by the safety check and opt-out detection: a tokenizer whose words keep their UTF-16 offsets into the original text, and word patterns
// ("mensenhandel*", "laat me met rust", "*opvang") compiled once and matched whole-word.
//
// Pattern syntax, kept deliberately small so that the data files stay readable by non-programmers:
// - a pattern is one or more words separated by spaces, matched as consecutive words;
// - `*` at the end of a word matches any ending (inflections: "slachtoffer*" → "slachtoffers");
// - `*` at the start matches any beginning (compounds: "*opvang" → "vrouwenopvang");
// - apostrophes and hyphens separate words, as in the text ("can't" is "can t", "laissez-moi" is
//   "laissez moi"), so a pattern is written the way people write the phrase.
import { fold } from '../../text/index.js';

export const MAX_PATTERN_WORDS = 8;

/** A word of the original text: its folded form and where it sits. */
export interface Word {
  /** UTF-16 offset of the first character in the original text. */
  start: number;
  /** UTF-16 offset just past the last character. */
  end: number;
  /** Lower case, no diacritics. */
  norm: string;
}

// Letters (with their combining marks) and digits. Everything else — spaces, punctuation,
// apostrophes, hyphens, emoji — separates words.
const WORD_RE = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of a text with their offsets, in one linear pass. */
export function words(text: string): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(text)) !== null) {
    out.push({ start: m.index, end: m.index + m[0].length, norm: fold(m[0]) });
  }
  return out;
}

interface WordPattern {
  text: string;
  /** `*` in front: any beginning. */
  anyStart: boolean;
  /** `*` behind: any ending. */
  anyEnd: boolean;
}

export interface CompiledPattern<T> {
  /** The pattern as written in the data. */
  source: string;
  words: WordPattern[];
  data: T;
}

export class PatternError extends Error {
  override name = 'PatternError';
}

/**
 * Compiles one pattern. `normalise` is applied to every word after folding (opt-out detection
 * squeezes repeated letters on both sides, for instance); it must be applied to the text too.
 */
export function compilePattern<T>(
  source: string,
  data: T,
  normalise: (w: string) => string = (w) => w,
): CompiledPattern<T> {
  const pieces = source.trim().split(/\s+/u);
  const out: WordPattern[] = [];
  for (const piece of pieces) {
    const anyStart = piece.startsWith('*');
    const anyEnd = piece.length > 1 && piece.endsWith('*');
    const core = piece.slice(anyStart ? 1 : 0, anyEnd ? -1 : undefined);
    if (core.includes('*')) {
      throw new PatternError(`"${source}": * may only stand at the start or end of a word`);
    }
    const parts = words(core).map((w) => normalise(w.norm));
    if (parts.length === 0) {
      throw new PatternError(`"${source}": every word needs at least one letter or digit`);
    }
    parts.forEach((text, i) => {
      out.push({
        text,
        anyStart: anyStart && i === 0,
        anyEnd: anyEnd && i === parts.length - 1,
      });
    });
  }
  if (out.length > MAX_PATTERN_WORDS) {
    throw new PatternError(`"${source}": at most ${MAX_PATTERN_WORDS} words`);
  }
  // A lone wildcard with one or two letters ("a*", "*en") would match half the language.
  const only = out[0];
  if (out.length === 1 && only && (only.anyStart || only.anyEnd) && only.text.length < 3) {
    throw new PatternError(`"${source}": a wildcard needs at least three letters beside it`);
  }
  return { source, words: out, data };
}

function wordMatches(p: WordPattern, w: string): boolean {
  if (p.anyStart && p.anyEnd) return w.includes(p.text);
  if (p.anyStart) return w.endsWith(p.text);
  if (p.anyEnd) return w.startsWith(p.text);
  return w === p.text;
}

export interface PatternMatch<T> {
  pattern: CompiledPattern<T>;
  /** Index of the first and one past the last matched word. */
  from: number;
  to: number;
}

/**
 * A set of patterns indexed by their first word, so matching costs about one map lookup per word
 * of text plus the few patterns that begin with a wildcard.
 */
export class PatternSet<T> {
  private readonly exact = new Map<string, CompiledPattern<T>[]>();
  private readonly wild: CompiledPattern<T>[] = [];
  readonly size: number;

  constructor(readonly patterns: readonly CompiledPattern<T>[]) {
    for (const p of patterns) {
      const first = p.words[0];
      if (!first) continue;
      if (first.anyStart || first.anyEnd) {
        this.wild.push(p);
      } else {
        const list = this.exact.get(first.text);
        if (list) list.push(p);
        else this.exact.set(first.text, [p]);
      }
    }
    this.size = patterns.length;
  }

  /**
   * Patterns matching at word `i` of `norms` (longest first). Words marked `blocked` take part in
   * no match; with `groups` (a clause number per word) a match stays inside one group.
   */
  matchAt(
    norms: readonly string[],
    i: number,
    blocked?: readonly boolean[],
    groups?: readonly number[],
  ): PatternMatch<T>[] {
    const w = norms[i];
    if (w === undefined || blocked?.[i]) return [];
    const candidates = [...(this.exact.get(w) ?? []), ...this.wild];
    const found: PatternMatch<T>[] = [];
    for (const p of candidates) {
      let ok = p.words.length <= norms.length - i;
      for (let k = 0; ok && k < p.words.length; k++) {
        const wp = p.words[k] as WordPattern;
        ok =
          !blocked?.[i + k] &&
          (groups === undefined || groups[i + k] === groups[i]) &&
          wordMatches(wp, norms[i + k] as string);
      }
      if (ok) found.push({ pattern: p, from: i, to: i + p.words.length });
    }
    return found.sort((a, b) => b.to - a.to);
  }

  /** Every match, left to right; where matches overlap, the longest wins. */
  findAll(
    norms: readonly string[],
    blocked?: readonly boolean[],
    groups?: readonly number[],
  ): PatternMatch<T>[] {
    const out: PatternMatch<T>[] = [];
    let i = 0;
    while (i < norms.length) {
      const [best] = this.matchAt(norms, i, blocked, groups);
      if (best) {
        out.push(best);
        i = best.to;
      } else {
        i += 1;
      }
    }
    return out;
  }
}
