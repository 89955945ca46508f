// A small pattern language for lexicon terms, compiled to token matching that is linear in the
// text: no regular expressions over ad text, so no catastrophic backtracking whatever a pattern or
// an ad says. Patterns are read by analysts, so the syntax stays small:
//
//   word         a word (compared folded: case and accents ignored)    echte
//   word*        any word starting with it (≥ 3 letters before the *)  minderjarig*
//   (a|b*|c)     one of the alternatives                               (meid|meiden|meisje*)
//   {name}       one of the words of a class defined in the lexicon    100 % {nationality}
//   #  #18-21    any number / a number in a range                      # (girls|meiden)
//   ~2           up to 2 arbitrary words (1–3)                         zonder ~1 condoom
//   x?           the element may be missing                            (heel|zeer)? jong
//   %, +, €, &   symbols are words of their own                        100 % echt
//
// Separators (spaces, - / . , : ! ? quotes, brackets) are not words: "24/7" is written "24 7" and
// matches "24/7", "24-7" and "24 7". A match never crosses a sentence or line break. At most 8
// elements and 2 gaps per pattern, so the work per text position is bounded by a constant.
import { fold } from '../text/index.js';
import { tokenize, type Token } from './text.js';

export class PatternError extends Error {
  override name = 'PatternError';
}

interface TokenStep {
  kind: 'tok';
  exact: Set<string>;
  prefixes: string[];
  /** Matches a number token; with min/max, a number in that range. */
  num: { min: number; max: number } | null;
  optional: boolean;
}
interface GapStep {
  kind: 'gap';
  max: number;
}
type Step = TokenStep | GapStep;

export interface CompiledPattern {
  source: string;
  steps: Step[];
}

const MAX_ELEMENTS = 8;
const MAX_GAPS = 2;
const MIN_PREFIX = 3;

/** Compiles one pattern; throws PatternError with a message an analyst can act on. */
export function compilePattern(
  source: string,
  classes: Record<string, string[]> = {},
): CompiledPattern {
  const parts = source.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) throw new PatternError('empty pattern');
  if (parts.length > MAX_ELEMENTS) {
    throw new PatternError(`"${source}": at most ${MAX_ELEMENTS} elements`);
  }
  const steps: Step[] = [];
  let gaps = 0;
  for (const part of parts) {
    if (part.startsWith('(') !== /\)\??$/.test(part)) {
      throw new PatternError(`"${source}": alternatives in ( ) must be single words`);
    }
    const gap = /^~([1-3])$/.exec(part);
    if (gap) {
      if (steps.length === 0) throw new PatternError(`"${source}": cannot start with a gap`);
      gaps += 1;
      steps.push({ kind: 'gap', max: Number(gap[1]) });
      continue;
    }
    const optional = part.length > 1 && part.endsWith('?');
    const body = optional ? part.slice(0, -1) : part;
    steps.push({ ...compileElement(body, classes, source), optional });
  }
  if (gaps > MAX_GAPS) throw new PatternError(`"${source}": at most ${MAX_GAPS} gaps`);
  const last = steps[steps.length - 1];
  if (last?.kind === 'gap') throw new PatternError(`"${source}": cannot end with a gap`);
  if (steps.every((s) => s.kind === 'gap' || s.optional)) {
    throw new PatternError(`"${source}": needs at least one required word`);
  }
  return { source, steps };
}

function compileElement(
  body: string,
  classes: Record<string, string[]>,
  source: string,
): Omit<TokenStep, 'optional'> {
  const step: Omit<TokenStep, 'optional'> = {
    kind: 'tok',
    exact: new Set(),
    prefixes: [],
    num: null,
  };
  const numMatch = /^#(?:(\d{1,4})-(\d{1,4}))?$/.exec(body);
  if (numMatch) {
    step.num = numMatch[1]
      ? { min: Number(numMatch[1]), max: Number(numMatch[2]) }
      : { min: -Infinity, max: Infinity };
    return step;
  }
  let alternatives: string[];
  const cls = /^\{([a-z_]+)\}$/.exec(body);
  if (cls?.[1]) {
    const words = classes[cls[1]];
    if (!words) throw new PatternError(`"${source}": unknown class {${cls[1]}}`);
    alternatives = words;
  } else if (body.startsWith('(') && body.endsWith(')')) {
    alternatives = body.slice(1, -1).split('|');
  } else {
    alternatives = [body];
  }
  for (const alt of alternatives) {
    if (alt.length === 0) throw new PatternError(`"${source}": empty alternative`);
    const isPrefix = alt.endsWith('*') && alt.length > 1;
    const word = isPrefix ? alt.slice(0, -1) : alt;
    const tokens = tokenize(word);
    const only = tokens[0];
    if (tokens.length !== 1 || !only || only.start !== 0 || only.end !== word.length) {
      throw new PatternError(
        `"${source}": "${alt}" is not a single word (write separators as spaces: "24 7")`,
      );
    }
    if (isPrefix) {
      if (only.norm.length < MIN_PREFIX) {
        throw new PatternError(`"${source}": "${alt}" needs ${MIN_PREFIX}+ letters before *`);
      }
      step.prefixes.push(only.norm);
    } else {
      step.exact.add(only.type === 'word' ? fold(only.norm) : only.norm);
    }
  }
  return step;
}

function accepts(step: TokenStep, token: Token): boolean {
  if (step.num) {
    if (token.type !== 'num') return false;
    if (step.num.min === -Infinity) return true;
    if (!/^\d{1,6}$/.test(token.norm)) return false;
    const v = Number(token.norm);
    return v >= step.num.min && v <= step.num.max;
  }
  if (step.exact.has(token.norm)) return true;
  for (const p of step.prefixes) if (token.norm.startsWith(p)) return true;
  return false;
}

/** Token index just past a match of `steps` starting at token `start`, or -1. */
function matchAt(steps: Step[], tokens: Token[], start: number): number {
  const end = matchFrom(steps, tokens, start, 0, start);
  return end > start ? end : -1;
}

// A plain recursive function rather than a closure: this runs for every candidate at every token,
// and a closure per call costs more than the match itself.
function matchFrom(steps: Step[], tokens: Token[], start: number, si: number, ti: number): number {
  if (si === steps.length) return ti;
  const step = steps[si];
  if (!step) return -1;
  if (step.kind === 'gap') {
    for (let k = 0; k <= step.max; k++) {
      const t = ti + k;
      if (k > 0) {
        const skipped = tokens[t - 1];
        if (!skipped || skipped.brk) return -1;
      }
      const r = matchFrom(steps, tokens, start, si + 1, t);
      if (r >= 0) return r;
    }
    return -1;
  }
  const tok = tokens[ti];
  if (tok && (ti === start || !tok.brk) && accepts(step, tok)) {
    const r = matchFrom(steps, tokens, start, si + 1, ti + 1);
    if (r >= 0) return r;
  }
  return step.optional ? matchFrom(steps, tokens, start, si + 1, ti) : -1;
}

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
  private readonly numeric: number[] = [];

  constructor(private readonly items: { pattern: CompiledPattern; data: T }[]) {
    items.forEach((item, idx) => {
      for (const step of item.pattern.steps) {
        if (step.kind !== 'tok') break;
        for (const w of step.exact) push(this.exact, w, idx);
        for (const p of step.prefixes) {
          const head = p.slice(0, MIN_PREFIX);
          const list = this.prefix.get(head) ?? [];
          list.push({ prefix: p, idx });
          this.prefix.set(head, list);
        }
        if (step.num) this.numeric.push(idx);
        if (!step.optional) break;
      }
    });
  }

  get size(): number {
    return this.items.length;
  }

  find(tokens: Token[]): PatternHit<T>[] {
    const hits: PatternHit<T>[] = [];
    // Marks which patterns were already tried at the current token, without allocating per token.
    const triedAt = new Int32Array(this.items.length).fill(-1);
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i];
      if (!tok) continue;
      if (tok.type === 'num') this.tryAll(this.numeric, tokens, i, triedAt, hits);
      const exact = this.exact.get(tok.norm);
      if (exact) this.tryAll(exact, tokens, i, triedAt, hits);
      if (tok.norm.length >= MIN_PREFIX) {
        const heads = this.prefix.get(tok.norm.slice(0, MIN_PREFIX));
        if (heads) {
          for (const h of heads) {
            if (tok.norm.startsWith(h.prefix)) this.tryOne(h.idx, tokens, i, triedAt, hits);
          }
        }
      }
    }
    return hits;
  }

  private tryAll(
    list: number[],
    tokens: Token[],
    i: number,
    triedAt: Int32Array,
    hits: PatternHit<T>[],
  ): void {
    for (const idx of list) this.tryOne(idx, tokens, i, triedAt, hits);
  }

  private tryOne(
    idx: number,
    tokens: Token[],
    i: number,
    triedAt: Int32Array,
    hits: PatternHit<T>[],
  ): void {
    if (triedAt[idx] === i) return;
    triedAt[idx] = i;
    const item = this.items[idx];
    if (!item) return;
    const end = matchAt(item.pattern.steps, tokens, i);
    if (end > i) hits.push({ data: item.data, startToken: i, endToken: end });
  }
}

function push(map: Map<string, number[]>, key: string, idx: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== idx) list.push(idx);
  } else {
    map.set(key, [idx]);
  }
}
