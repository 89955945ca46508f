// Lexicon terms compiled to token matching, in the platform's one pattern language (src/text:
// the syntax, the parser and the matcher are shared with outreach's word lists). Here a pattern's
// words are split like ad text (tokenize: "foto's" is one word, "24/7" two) and a match never
// crosses a sentence or line break. Examples of the syntax as lexicons use it:
//
//   echte   minderjarig*   *opvang   (meid|meiden|meisje*)   100 % {nationality}
//   # (girls|meiden)   #18-21 jaar   zonder ~1 condoom   (heel|zeer)? jong   24/7
import {
  leadingSteps,
  matchPatternAt,
  MIN_WILDCARD_LETTERS,
  parsePattern,
  type PatternStep,
  type WordSequence,
} from '../text/index.js';
import { tokenize, type Token } from './text.js';

export { PatternError } from '../text/index.js';

export interface CompiledPattern {
  source: string;
  steps: PatternStep[];
}

const wordsOf = (written: string): string[] => tokenize(written).map((t) => t.norm);

/** Compiles one pattern; throws PatternError naming the element and where it stands. */
export function compilePattern(
  source: string,
  classes: Record<string, readonly string[]> = {},
): CompiledPattern {
  return parsePattern(source, { wordsOf, classes });
}

/** Ad tokens as the shared matcher reads them: a match never crosses a sentence or line break. */
function sequenceOf(tokens: Token[]): WordSequence {
  return {
    length: tokens.length,
    norm: (i) => (tokens[i] as Token).norm,
    isNumber: (i) => tokens[i]?.type === 'num',
    joins: (_start, i) => tokens[i]?.brk === false,
  };
}

/** Digits a ranged number step can read (as the shared matcher's SMALL_NUMBER_RE). */
const SMALL_NUMBER = /^\d{1,6}$/;

export interface PatternHit<T> {
  data: T;
  /** First token of the match and the token index just past it. */
  startToken: number;
  endToken: number;
}

/**
 * Many compiled patterns, indexed by the words they can start with, so each text token only tries
 * the few patterns that could begin there.
 */
export class PatternIndex<T> {
  private readonly exact = new Map<string, number[]>();
  /** Prefix patterns grouped by their first three letters (prefixes are at least that long). */
  private readonly prefix = new Map<string, { prefix: string; idx: number }[]>();
  /** The first two letters of those prefixes, as numbers: most words are ruled out without a slice. */
  private readonly prefixStarts = new Set<number>();
  /**
   * Patterns that can begin with a number, with the range their leading numbers accept: most
   * numbers in an ad (phones, prices) fall outside "#12-17", so those are not tried there.
   */
  private readonly numeric: { idx: number; min: number; max: number }[] = [];
  /** Patterns that can begin with a word ending in or containing a text ("*opvang"): tried at every word. */
  private readonly anywhere: number[] = [];
  /**
   * Which patterns were already tried at the current token: the position of the token, offset by
   * the call, so that one array serves every call without being cleared (calls are synchronous).
   */
  private readonly triedAt: Float64Array;
  private calls = 0;

  constructor(private readonly items: { pattern: CompiledPattern; data: T }[]) {
    this.triedAt = new Float64Array(items.length).fill(-1);
    items.forEach((item, idx) => {
      for (const step of leadingSteps(item.pattern.steps)) {
        if (step.kind === 'number') {
          const last = this.numeric[this.numeric.length - 1];
          if (last?.idx === idx) {
            last.min = Math.min(last.min, step.min);
            last.max = Math.max(last.max, step.max);
          } else {
            this.numeric.push({ idx, min: step.min, max: step.max });
          }
          continue;
        }
        for (const w of step.exact) pushAt(this.exact, w, idx);
        for (const t of step.wild) {
          if (t.anyStart) {
            push(this.anywhere, idx);
            continue;
          }
          const head = t.text.slice(0, MIN_WILDCARD_LETTERS);
          this.prefixStarts.add(head.charCodeAt(0) * 0x10000 + head.charCodeAt(1));
          const list = this.prefix.get(head) ?? [];
          list.push({ prefix: t.text, idx });
          this.prefix.set(head, list);
        }
      }
    });
  }

  get size(): number {
    return this.items.length;
  }

  find(tokens: Token[]): PatternHit<T>[] {
    const hits: PatternHit<T>[] = [];
    // Call numbers start over before base + position outgrows a double's exact integers.
    if (++this.calls > 2 ** 20) {
      this.calls = 1;
      this.triedAt.fill(-1);
    }
    const base = this.calls * 2 ** 32;
    const seq = sequenceOf(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (!tok) continue;
      if (tok.type === 'num') {
        // The shared matcher reads a ranged number only from plain digits (SMALL_NUMBER_RE).
        const value = SMALL_NUMBER.test(tok.norm) ? Number(tok.norm) : NaN;
        for (const n of this.numeric) {
          if (n.min === -Infinity || (value >= n.min && value <= n.max)) {
            this.tryOne(n.idx, seq, i, base, hits);
          }
        }
      }
      const exact = this.exact.get(tok.norm);
      if (exact) this.tryAll(exact, seq, i, base, hits);
      if (
        tok.norm.length >= MIN_WILDCARD_LETTERS &&
        this.prefixStarts.has(tok.norm.charCodeAt(0) * 0x10000 + tok.norm.charCodeAt(1))
      ) {
        const heads = this.prefix.get(tok.norm.slice(0, MIN_WILDCARD_LETTERS));
        if (heads) {
          for (const h of heads) {
            if (tok.norm.startsWith(h.prefix)) this.tryOne(h.idx, seq, i, base, hits);
          }
        }
      }
      if (this.anywhere.length > 0) this.tryAll(this.anywhere, seq, i, base, hits);
    }
    return hits;
  }

  private tryAll(
    list: number[],
    seq: WordSequence,
    i: number,
    base: number,
    hits: PatternHit<T>[],
  ): void {
    for (const idx of list) this.tryOne(idx, seq, i, base, hits);
  }

  private tryOne(
    idx: number,
    seq: WordSequence,
    i: number,
    base: number,
    hits: PatternHit<T>[],
  ): void {
    if (this.triedAt[idx] === base + i) return;
    this.triedAt[idx] = base + i;
    const item = this.items[idx];
    if (!item) return;
    const end = matchPatternAt(item.pattern.steps, seq, i);
    if (end > i) hits.push({ data: item.data, startToken: i, endToken: end });
  }
}

/** Adds a pattern to a list once, however many of its leading words lead there. */
function push(list: number[], idx: number): void {
  if (list[list.length - 1] !== idx) list.push(idx);
}

function pushAt(map: Map<string, number[]>, key: string, idx: number): void {
  const list = map.get(key);
  if (list) push(list, idx);
  else map.set(key, [idx]);
}
