// franc's language ranking (franc 6: the script that most of the text is written in, then the
// distance of the text's trigrams to each candidate language's 300 most frequent ones), computed
// over franc's own models and script expressions but with tables built once for a fixed list of
// candidates. Same answers as `francAll(value, { only, minLength })`, number for number (the test
// compares them on the corpus and on random text); about ten times faster, because franc builds a
// dictionary object of trigram strings per call and looks each trigram up in one object per
// language, and counts a script's letters by collecting every one of them in an array, once per
// script. Language detection was the largest part of extracting an ad (issue 16, "Speed").
import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

/** franc reads at most this much of a text. */
const MAX_LENGTH = 2048;
/** What a trigram the language's model lacks adds to its distance. */
const MAX_DIFFERENCE = 300;

export type Ranking = [language: string, score: number][];

/**
 * An open-addressing table from a trigram to a count or an index. A trigram is three UTF-16 units:
 * the first in `high`, the other two in `low`; no allocation per trigram, unlike string keys. A
 * slot is four numbers side by side (high, low, value, unused), so a probe reads one cache line.
 */
class TrigramTable {
  /** Slot s holds high at cells[s], low at cells[s + 1], the value at cells[s + 2]. */
  readonly cells: Int32Array;
  readonly mask: number;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.cells = new Int32Array(slots * 4);
    for (let s = 0; s < this.cells.length; s += 4) this.cells[s] = -1;
    this.mask = slots - 1;
  }

  /** The slot holding the trigram, or the empty slot where it belongs. */
  slot(high: number, low: number): number {
    const h = Math.imul(low, 0x9e3779b1) ^ Math.imul(high + 1, 0x85ebca77);
    let i = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const s = i * 4;
      const k = this.cells[s] as number;
      if (k === -1 || (k === high && this.cells[s + 1] === low)) return s;
      i = (i + 1) & this.mask;
    }
  }

  /** Marks the slot as empty again. */
  clear(slot: number): void {
    this.cells[slot] = -1;
  }
}

/**
 * One script's candidate languages, in the order of franc's data, and for each trigram of their
 * models the languages that list it with its rank there (most trigrams are in a few models only).
 */
interface ScriptModel {
  languages: string[];
  /** Trigram → its number, which indexes `from`. */
  vocabulary: TrigramTable;
  /** Trigram t's entries are at [from[t], from[t + 1]) of `language` and `rank`. */
  from: Int32Array;
  language: Uint8Array;
  rank: Int16Array;
}

function buildScriptModel(models: Record<string, string>, only: Set<string>): ScriptModel {
  // for…in order, as franc iterates: it decides which of two equally distant languages comes first.
  const languages: string[] = [];
  for (const name in models) if (only.has(name)) languages.push(name);
  const lists = languages.map((name) => (models[name] as string).split('|'));
  const vocabulary = new TrigramTable(lists.reduce((n, list) => n + list.length, 0));
  const entries: Map<number, number>[] = [];
  lists.forEach((list, l) => {
    // franc keeps a trigram's first place when a model lists it twice (it assigns from the end).
    for (let weight = list.length - 1; weight >= 0; weight--) {
      const trigram = list[weight] as string;
      const high = trigram.charCodeAt(0);
      const low = (trigram.charCodeAt(1) << 16) | trigram.charCodeAt(2);
      const slot = vocabulary.slot(high, low);
      if (vocabulary.cells[slot] === -1) {
        vocabulary.cells[slot] = high;
        vocabulary.cells[slot + 1] = low;
        vocabulary.cells[slot + 2] = entries.length;
        entries.push(new Map());
      }
      (entries[vocabulary.cells[slot + 2] as number] as Map<number, number>).set(l, weight);
    }
  });
  const from = new Int32Array(entries.length + 1);
  const language: number[] = [];
  const rank: number[] = [];
  entries.forEach((byLanguage, t) => {
    for (const [l, weight] of byLanguage) {
      language.push(l);
      rank.push(weight);
    }
    from[t + 1] = language.length;
  });
  return {
    languages,
    vocabulary,
    from,
    language: Uint8Array.from(language),
    rank: Int16Array.from(rank),
  };
}

// Script detection: which of franc's expressions each UTF-16 unit matches, learnt per character on
// first sight (every expression matches one character at a time; surrogate pairs go the slow way).
const SCRIPTS = Object.keys(expressions);
const SINGLE_CHARACTER = SCRIPTS.map(
  (script) => new RegExp((expressions[script] as RegExp).source),
);
const scriptMasks = new Int32Array(0x10000).fill(-1);

function maskOf(code: number): number {
  let mask = 0;
  const ch = String.fromCharCode(code);
  SINGLE_CHARACTER.forEach((re, i) => {
    if (re.test(ch)) mask |= 1 << i;
  });
  scriptMasks[code] = mask;
  return mask;
}

/** franc's getTopScript: the script with the most characters in the text, the first one on a tie. */
function topScript(value: string): [string | undefined, number] {
  const counts = new Int32Array(SCRIPTS.length);
  let surrogates = false;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) {
      surrogates = true;
      break;
    }
    let mask = scriptMasks[code] as number;
    if (mask === -1) mask = maskOf(code);
    for (let s = 0; mask !== 0; s++, mask >>>= 1) if (mask & 1) (counts[s] as number)++;
  }
  if (surrogates) {
    SCRIPTS.forEach((script, s) => {
      counts[s] = value.match(expressions[script] as RegExp)?.length ?? 0;
    });
  }
  let top: string | undefined;
  let topCount = -1;
  SCRIPTS.forEach((script, s) => {
    const share = (counts[s] as number) / value.length || 0;
    if (share > topCount) {
      topCount = share;
      top = script;
    }
  });
  return [top, topCount];
}

/** trigram-utils' clean(): punctuation and digits to spaces, white space collapsed, lower case. */
function clean(value: string): string {
  // Most callers pass letters and single spaces already: then only the case changes.
  if (!NEEDS_CLEANING_RE.test(value)) return value.toLowerCase();
  return value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}
const NEEDS_CLEANING_RE = /[\u0021-\u0040]|[^\S ]|\s\s|^\s|\s$/;

const UNDETERMINED: () => Ranking = () => [['und', 1]];

/**
 * A ranking function equal to `francAll(value, { only, minLength })` for the given candidates:
 * languages with a score from 1 (the closest) down, or [["und", 1]] when the text does not tell.
 */
export function trigramRanker(
  only: readonly string[],
): (value: string, minLength: number) => Ranking {
  const allowed = new Set(only);
  const models = new Map<string, ScriptModel>();
  // The text's trigrams and their counts, reused from call to call and emptied after each.
  let seen = new TrigramTable(1024);
  for (const script in data)
    models.set(script, buildScriptModel(data[script] as Record<string, string>, allowed));

  return (input, minLength) => {
    if (!input || input.length < minLength) return UNDETERMINED();
    const value = input.slice(0, MAX_LENGTH);
    const [script, count] = topScript(value);
    const model = script === undefined ? undefined : models.get(script);
    if (!script || !model) {
      if (!script || count === 0 || !allowed.has(script)) return UNDETERMINED();
      return [[script, 1]];
    }
    if (model.languages.length === 0) return UNDETERMINED();

    // The text's trigrams and how often each occurs (franc pads the cleaned text with a space).
    const text = ` ${clean(value)} `;
    const trigrams = Math.max(text.length - 2, 0);
    if (seen.mask + 1 < trigrams * 2) seen = new TrigramTable(trigrams);
    const distinct: number[] = [];
    for (let i = 0; i < trigrams; i++) {
      const high = text.charCodeAt(i);
      const low = (text.charCodeAt(i + 1) << 16) | text.charCodeAt(i + 2);
      const slot = seen.slot(high, low);
      if (seen.cells[slot] === -1) {
        seen.cells[slot] = high;
        seen.cells[slot + 1] = low;
        seen.cells[slot + 2] = 1;
        distinct.push(slot);
      } else {
        (seen.cells[slot + 2] as number)++;
      }
    }

    // Every trigram adds MAX_DIFFERENCE to every language's distance, less what the languages
    // whose model lists it save: |occurrences − rank − 1| instead.
    const { languages, vocabulary, from, language, rank } = model;
    const distances = new Float64Array(languages.length).fill(distinct.length * MAX_DIFFERENCE);
    for (const slot of distinct) {
      const occurrences = seen.cells[slot + 2] as number;
      const at = vocabulary.slot(seen.cells[slot] as number, seen.cells[slot + 1] as number);
      seen.clear(slot);
      if (vocabulary.cells[at] === -1) continue;
      const t = vocabulary.cells[at + 2] as number;
      for (let e = from[t] as number, end = from[t + 1] as number; e < end; e++) {
        const l = language[e] as number;
        (distances[l] as number) -=
          MAX_DIFFERENCE - Math.abs(occurrences - (rank[e] as number) - 1);
      }
    }

    // franc's sort (stable, closest first) and normalisation.
    const ranked: Ranking = languages.map((name, l) => [name, distances[l] as number]);
    ranked.sort((x, y) => x[1] - y[1]);
    const min = (ranked[0] as [string, number])[1];
    const max = value.length * MAX_DIFFERENCE - min;
    for (const entry of ranked) entry[1] = 1 - (entry[1] - min) / max || 0;
    return ranked;
  };
}
