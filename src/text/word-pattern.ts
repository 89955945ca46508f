// The one pattern language operators write word lists in: extraction's lexicons and analysts'
// custom terms, outreach's safety lists, opt-out lists and the organisation's words to avoid. One
// parser and one matcher, so a pattern means the same wherever it is written, and every mistake
// is reported the same way: the pattern, the character where the faulty element starts, the
// element, and what to do about it. Matching walks words, never a regular expression over the
// text, so it stays linear whatever a pattern or a text says. Pure; no imports.
//
// Each context splits text into words its own way (extraction keeps "foto's" one word, outreach
// splits "can't"); a pattern's words are split by the same function as the text, so they meet.

/** The syntax, as the help beside every place where patterns are written shows it. */
export const PATTERN_SYNTAX_HELP =
  'Words are compared without case or accents, as whole words. word* matches any word starting ' +
  'with it, *word any word ending with it (3+ letters beside the * when it starts the pattern); ' +
  '(a|b) either word; # any number, #18-21 a number in that range; ~2 up to two words in ' +
  'between; word? an optional word; {name} a word list of the file. Punctuation separates words: ' +
  'write a phrase as people write it.';

export const MAX_PATTERN_ELEMENTS = 8;
export const MAX_PATTERN_GAPS = 2;
export const MAX_GAP_WORDS = 3;
/** Letters beside a * in a word that can start a match, so "a*" cannot match half the language. */
export const MIN_WILDCARD_LETTERS = 3;

export class PatternError extends Error {
  override name = 'PatternError';
  constructor(
    readonly source: string,
    /** 1-based character of the faulty element in the pattern as written (0: the whole pattern). */
    readonly position: number,
    readonly problem: string,
    element?: string,
  ) {
    super(
      position > 0
        ? `"${source}" at character ${position} ("${element ?? ''}"): ${problem}`
        : `"${source}": ${problem}`,
    );
  }
}

/** One word a step accepts: its folded text and where `*` stood. */
export interface WordTest {
  text: string;
  /** `*` in front: any beginning. */
  anyStart: boolean;
  /** `*` behind: any ending. */
  anyEnd: boolean;
}

export interface WordStep {
  kind: 'word';
  /** Plain words, looked up at once. */
  exact: Set<string>;
  /** Words with a `*`. */
  wild: WordTest[];
  optional: boolean;
}
export interface NumberStep {
  kind: 'number';
  min: number;
  max: number;
  optional: boolean;
}
export interface GapStep {
  kind: 'gap';
  max: number;
}
export type PatternStep = WordStep | NumberStep | GapStep;

export interface ParsedPattern {
  /** The pattern as written. */
  source: string;
  steps: PatternStep[];
}

export interface ParseOptions {
  /**
   * The words of a written word, folded, split as the context splits text ("can't" may be one
   * word or two); applied to every word of the pattern.
   */
  wordsOf: (written: string) => string[];
  /** Word lists a pattern may name as {name}. */
  classes?: Record<string, readonly string[]>;
}

const GAP_RE = /^~(\d+)$/;
const NUMBER_RE = /^#(?:(\d{1,6})-(\d{1,6}))?$/;
const CLASS_RE = /^\{([a-z_]+)\}$/;

/** Parses one pattern; throws PatternError naming the element and its position. */
export function parsePattern(source: string, opts: ParseOptions): ParsedPattern {
  const steps: PatternStep[] = [];
  const elements = [...source.matchAll(/\S+/g)];
  if (elements.length === 0) throw new PatternError(source, 0, 'empty pattern');
  let gaps = 0;
  // Whether a required word has been read: wildcards before it can start a match.
  let anchored = false;
  for (const m of elements) {
    const element = m[0];
    const fail = (problem: string): never => {
      throw new PatternError(source, m.index + 1, problem, element);
    };
    const gap = GAP_RE.exec(element);
    if (gap) {
      const max = Number(gap[1]);
      if (max < 1 || max > MAX_GAP_WORDS) fail(`a gap is ~1 to ~${MAX_GAP_WORDS}`);
      if (steps.length === 0) fail('a gap cannot start a pattern');
      if (++gaps > MAX_PATTERN_GAPS) fail(`at most ${MAX_PATTERN_GAPS} gaps per pattern`);
      steps.push({ kind: 'gap', max });
    } else {
      const optional = element.length > 1 && element.endsWith('?');
      const body = optional ? element.slice(0, -1) : element;
      for (const step of parseElement(body, optional, !anchored, opts, fail)) {
        steps.push(step);
        if (!step.optional) anchored = true;
      }
    }
    if (steps.length > MAX_PATTERN_ELEMENTS) {
      fail(`at most ${MAX_PATTERN_ELEMENTS} elements (words, numbers and gaps) per pattern`);
    }
  }
  const last = steps[steps.length - 1];
  if (last?.kind === 'gap') {
    const m = elements[elements.length - 1] as RegExpExecArray;
    throw new PatternError(source, m.index + 1, 'a gap cannot end a pattern', m[0]);
  }
  if (!anchored) throw new PatternError(source, 0, 'needs at least one required word');
  return { source, steps };
}

function parseElement(
  body: string,
  optional: boolean,
  leading: boolean,
  opts: ParseOptions,
  fail: (problem: string) => never,
): (WordStep | NumberStep)[] {
  const num = NUMBER_RE.exec(body);
  if (num) {
    const [min, max] = num[1] ? [Number(num[1]), Number(num[2])] : [-Infinity, Infinity];
    if (min > max) fail('a number range goes from low to high (#18-21)');
    return [{ kind: 'number', min, max, optional }];
  }
  if (body.startsWith('#')) fail('a number is written # (any) or #18-21 (a range)');
  if (body.startsWith('~')) fail(`a gap is ~1 to ~${MAX_GAP_WORDS}, standing alone`);
  const cls = CLASS_RE.exec(body);
  const isGroup = body.startsWith('(') || body.endsWith(')');
  let alternatives: readonly string[];
  if (cls?.[1]) {
    const list = opts.classes?.[cls[1]];
    if (!list) return fail(`unknown class {${cls[1]}}`);
    alternatives = list;
  } else if (isGroup) {
    if (!body.startsWith('(') || !body.endsWith(')')) {
      fail('alternatives in ( ) must be single words, without spaces: (a|b|c)');
    }
    alternatives = body.slice(1, -1).split('|');
  } else {
    // A plain word may be several words of the text ("can't", "24/7"): a phrase in one element.
    const split = wordTests(body, leading, opts, fail);
    if (optional && split.length > 1) fail('an optional element must be a single word');
    return split.map((t) => wordStep([t], optional));
  }
  const tests = alternatives.map((alt) => {
    if (alt.length === 0) fail('an alternative is empty');
    const split = wordTests(alt, leading, opts, fail);
    if (split.length !== 1)
      fail(`"${alt}" is not a single word: alternatives must be single words`);
    return split[0] as WordTest;
  });
  return [wordStep(tests, optional)];
}

function wordStep(tests: WordTest[], optional: boolean): WordStep {
  const step: WordStep = { kind: 'word', exact: new Set(), wild: [], optional };
  for (const t of tests) {
    if (t.anyStart || t.anyEnd) step.wild.push(t);
    else step.exact.add(t.text);
  }
  return step;
}

/** The word tests of one written word: its words, with `*` on the first and last of them. */
function wordTests(
  written: string,
  leading: boolean,
  opts: ParseOptions,
  fail: (problem: string) => never,
): WordTest[] {
  const anyStart = written.startsWith('*');
  const anyEnd = written.length > 1 && written.endsWith('*');
  const core = written.slice(anyStart ? 1 : 0, anyEnd ? -1 : undefined);
  if (core.includes('*')) fail('* may only stand at the start or end of a word');
  const words = opts.wordsOf(core);
  if (words.length === 0) fail('a word needs at least one letter or digit');
  const tests = words.map((text, i) => ({
    text,
    anyStart: anyStart && i === 0,
    anyEnd: anyEnd && i === words.length - 1,
  }));
  const first = tests[0] as WordTest;
  if (leading && (first.anyStart || first.anyEnd) && first.text.length < MIN_WILDCARD_LETTERS) {
    fail('a wildcard that starts a pattern needs three letters before or after the *');
  }
  return tests;
}

/** What the matcher needs of a text: its folded words and where a match may not go. */
export interface WordSequence {
  readonly length: number;
  /** Folded word `i`. */
  norm(i: number): string;
  /** Word `i` is a number. */
  isNumber(i: number): boolean;
  /** Word `i` may be part of a match that began at word `start` (not across a break). */
  joins(start: number, i: number): boolean;
}

function acceptsWord(step: WordStep, w: string): boolean {
  if (step.exact.has(w)) return true;
  for (const t of step.wild) {
    if (
      t.anyStart && t.anyEnd
        ? w.includes(t.text)
        : t.anyStart
          ? w.endsWith(t.text)
          : w.startsWith(t.text)
    ) {
      return true;
    }
  }
  return false;
}

const SMALL_NUMBER_RE = /^\d{1,6}$/;

function accepts(step: WordStep | NumberStep, seq: WordSequence, i: number): boolean {
  if (step.kind === 'word') return acceptsWord(step, seq.norm(i));
  if (!seq.isNumber(i)) return false;
  if (step.min === -Infinity) return true;
  const norm = seq.norm(i);
  if (!SMALL_NUMBER_RE.test(norm)) return false;
  const v = Number(norm);
  return v >= step.min && v <= step.max;
}

/** Word index just past a match of `steps` beginning at word `start`, or -1. */
export function matchPatternAt(
  steps: readonly PatternStep[],
  seq: WordSequence,
  start: number,
): number {
  const end = matchFrom(steps, seq, start, 0, start);
  return end > start ? end : -1;
}

// A plain recursive function rather than a closure: this runs for every candidate at every word.
// Work per start is bounded: at most 8 steps, 2 gaps of at most 3 words.
function matchFrom(
  steps: readonly PatternStep[],
  seq: WordSequence,
  start: number,
  si: number,
  ti: number,
): number {
  if (si === steps.length) return ti;
  const step = steps[si];
  if (!step) return -1;
  if (step.kind === 'gap') {
    for (let k = 0; k <= step.max; k++) {
      const t = ti + k;
      if (k > 0 && (t - 1 >= seq.length || !seq.joins(start, t - 1))) return -1;
      const r = matchFrom(steps, seq, start, si + 1, t);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (ti < seq.length && (ti === start || seq.joins(start, ti)) && accepts(step, seq, ti)) {
    const r = matchFrom(steps, seq, start, si + 1, ti + 1);
    if (r >= 0) return r;
  }
  return step.optional ? matchFrom(steps, seq, start, si + 1, ti) : -1;
}

/**
 * The steps a match can begin with: every step up to and including the first required one. An
 * index of patterns keys them by these.
 */
export function leadingSteps(steps: readonly PatternStep[]): (WordStep | NumberStep)[] {
  const out: (WordStep | NumberStep)[] = [];
  for (const step of steps) {
    if (step.kind === 'gap') break;
    out.push(step);
    if (!step.optional) break;
  }
  return out;
}
