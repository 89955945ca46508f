// Word matching shared by the safety check and opt-out detection: a tokenizer whose words keep
// their UTF-16 offsets into the original text, and word patterns ("mensenhandel*", "laat me met
// rust", "*opvang", "(stop|stopp)") compiled once and matched whole-word.
//
// Patterns are written in the platform's one pattern language (src/text, the same as extraction's
// lexicons: PATTERN_SYNTAX_HELP says it in one paragraph). Here apostrophes and hyphens separate
// words, as in the text ("can't" is "can t", "laissez-moi" is "laissez moi"), so a pattern is
// written the way people write the phrase; a match stays inside one clause when clauses are given.
import {
  fold,
  leadingSteps,
  matchPatternAt,
  MAX_PATTERN_ELEMENTS,
  parsePattern,
  type PatternStep,
  type WordSequence,
} from '../../text/index.js';

export { PatternError } from '../../text/index.js';

export const MAX_PATTERN_WORDS = MAX_PATTERN_ELEMENTS;

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

export interface CompiledPattern<T> {
  /** The pattern as written in the data. */
  source: string;
  steps: PatternStep[];
  data: T;
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
  const wordsOf = (written: string) => words(written).map((w) => normalise(w.norm));
  return { ...parsePattern(source, { wordsOf }), data };
}

const DIGITS_RE = /^\d+$/;

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
      const leading = leadingSteps(p.steps);
      // A pattern that can begin with a wildcard or a number is tried at every word.
      if (leading.some((s) => s.kind === 'number' || s.wild.length > 0)) {
        this.wild.push(p);
        continue;
      }
      for (const step of leading) {
        if (step.kind !== 'word') continue;
        for (const w of step.exact) {
          const list = this.exact.get(w);
          if (!list) this.exact.set(w, [p]);
          else if (list[list.length - 1] !== p) list.push(p);
        }
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
    const seq: WordSequence = {
      length: norms.length,
      norm: (k) => norms[k] as string,
      isNumber: (k) => DIGITS_RE.test(norms[k] as string),
      joins: (start, k) => !blocked?.[k] && (groups === undefined || groups[k] === groups[start]),
    };
    const found: PatternMatch<T>[] = [];
    for (const p of [...(this.exact.get(w) ?? []), ...this.wild]) {
      const to = matchPatternAt(p.steps, seq, i);
      if (to > i) found.push({ pattern: p, from: i, to });
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
