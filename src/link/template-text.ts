// Ad text reduced to the words of its template, for near-duplicate detection (MinHash over word
// shingles, see minhash.ts): the same template filled in with another number, price, time, e-mail,
// link, handle, name or city gives the same tokens. Scraped text is hostile: the input is cut to
// MAX_INPUT_CHARS and every step is a single linear pass (no regex that can backtrack).
//
// The output feeds stored signatures: any change to what this returns changes them, so it must
// come with a bump of MINHASH_VERSION (the snapshot in minhash.test.ts notices). That is also why
// the number words are listed here rather than borrowed from the extract context, whose lexicon is
// tuned freely; folding is the shared kernel's (src/text), which that snapshot pins as well.
import { foldWithin } from '../text/index.js';

/** Longest input read, in UTF-16 units; an ad's template is settled long before this. */
export const MAX_INPUT_CHARS = 20_000;
/** Longer words are cut (a base64 blob or a run of one letter says nothing more past this). */
const MAX_TOKEN_CHARS = 64;
/** At most this many names are masked, each of at most MAX_NAME_TOKENS words. */
const MAX_NAMES = 32;
const MAX_NAME_TOKENS = 8;

/** Placeholders: cannot collide with a word, since words never contain '#'. */
export const PLACEHOLDER = {
  number: '#num',
  email: '#email',
  url: '#url',
  handle: '#handle',
  name: '#name',
} as const;

export interface TemplateTokenOptions {
  /** Display names, cities and the like to mask as PLACEHOLDER.name (matched as whole words). */
  names?: readonly string[];
}

// Sticky runs for the scanner in piecesOf: each is one greedy class, so matching is linear.
const WORD_RUN_RE = /[\p{L}\p{N}]+/uy;
const SPACE_RUN_RE = /\s+/uy;
const NUMERIC_CHAR_RE = /\p{N}/u;

// Digits 0–9 (and "plus") written as words in the ad languages, folded as fold() folds them. They
// only count as digits inside a run of at least three numeric tokens, so "een", "het", "un" or "one"
// in running text stay words.
const NUMBER_WORDS = new Set([
  // nl, en, de, fr, es
  ...['nul', 'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen'],
  ...['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  ...['null', 'eins', 'zwei', 'drei', 'vier', 'funf', 'sechs', 'sieben', 'acht', 'neun'],
  ...['un', 'deux', 'trois', 'quatre', 'cinq', 'six', 'sept', 'huit', 'neuf'],
  ...['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'],
  // ro, pl, hu, bg
  ...['unu', 'doi', 'trei', 'patru', 'cinci', 'sase', 'sapte', 'opt', 'noua'],
  ...['jeden', 'dwa', 'trzy', 'cztery', 'piec', 'szesc', 'siedem', 'osiem', 'dziewiec'],
  ...['nulla', 'egy', 'ketto', 'harom', 'negy', 'ot', 'hat', 'het', 'nyolc', 'kilenc'],
  ...['нула', 'едно', 'две', 'три', 'четири', 'пет', 'шест', 'седем', 'осем', 'девет'],
  ...['plus', 'plusz', 'mas', 'плюс'],
]);

/** Characters that may sit inside a written phone number or time without ending it. */
const NUMBER_JOINERS = new Set(['-', '.', '/', '(', ')', '+', ':', '‐', '‑', '‒', '–', '—']);
/** Characters of an e-mail's local part besides letters and digits. */
const LOCAL_PART = new Set(['.', '_', '%', '+', '-']);
/** Top-level domains that mark "name.tld" as a link without a scheme or www. */
const TLDS = new Set(
  (
    'com net org biz io eu nl fr pt uk ro bg hu pl cz sk ch lu dk fi ru ua gr tr rs hr lt lv ' +
    'xyz vip'
  ).split(' '),
);
/**
 * Top-level domains that are also words ("ok.It is", "Hi.De …" where a space was left out): a link
 * only with a path after them ("lieke.de/x").
 */
const WORDLIKE_TLDS = new Set(
  'be de es it at se no co me info top live site app link club online ee ie si ly tv'.split(' '),
);
/** Short-link hosts, links even without a path. */
const LINK_HOSTS = new Set(['t.me', 'wa.me', 'm.me']);

/**
 * Lower case without accents, compatibility forms or invisible characters (the shared fold, so
 * "se\u200bx" stays one word). Decomposition can lengthen a text many times over, so it is cut to
 * twice MAX_INPUT_CHARS before anything else reads it.
 */
const fold = (s: string): string => foldWithin(s, 2 * MAX_INPUT_CHARS);

const SPACE = 0;
const WORD = 1;
const SYMBOL = 2;
/** Piece class of each ASCII character: letters and digits, white space and controls, the rest. */
const ASCII_CLASS = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
    ? WORD
    : c <= 32
      ? SPACE
      : SYMBOL,
);

/**
 * The text as word and symbol pieces, each flagged when white space comes before it: runs of
 * letters and digits, and single other characters. ASCII is scanned by character code; a run
 * that starts or goes on beyond ASCII is read with a sticky regex, which cannot backtrack.
 */
function piecesOf(text: string): { t: string[]; kind: number[]; gap: boolean[] } {
  const t: string[] = [];
  const kind: number[] = [];
  const gap: boolean[] = [];
  const push = (piece: string, k: number, spaced: boolean) => {
    t.push(k === WORD && piece.length > MAX_TOKEN_CHARS ? piece.slice(0, MAX_TOKEN_CHARS) : piece);
    kind.push(k);
    gap.push(spaced);
  };
  const n = text.length;
  let spaced = true;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      if (ASCII_CLASS[c] === SPACE) {
        spaced = true;
        i++;
        continue;
      }
      if (ASCII_CLASS[c] === SYMBOL) {
        push(text[i] ?? '', SYMBOL, spaced);
        spaced = false;
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d >= 128 || ASCII_CLASS[d] !== WORD) break;
        j++;
      }
      if (j === n || text.charCodeAt(j) < 128) {
        push(text.slice(i, j), WORD, spaced);
        spaced = false;
        i = j;
        continue;
      }
    }
    WORD_RUN_RE.lastIndex = i;
    const word = WORD_RUN_RE.exec(text);
    if (word) {
      push(word[0], WORD, spaced);
      spaced = false;
      i += word[0].length;
      continue;
    }
    SPACE_RUN_RE.lastIndex = i;
    const space = SPACE_RUN_RE.exec(text);
    if (space) {
      spaced = true;
      i += space[0].length;
      continue;
    }
    const cp = text.codePointAt(i) ?? 0;
    const width = cp > 0xffff ? 2 : 1;
    push(text.slice(i, i + width), SYMBOL, spaced);
    spaced = false;
    i += width;
  }
  return { t, kind, gap };
}

function cover(mask: string[], start: number, end: number, placeholder: string): void {
  mask[start] = placeholder;
  for (let i = start + 1; i < end; i++) mask[i] = '';
}

/**
 * Marks e-mails, links and @handles inside one blob (pieces [from, to) with no space between):
 * `mask[i]` gets the placeholder at the first piece of a match and '' on the pieces it swallows.
 * Every scan moves forward or stops at the previous match, so a blob is read a bounded number of
 * times whatever it holds.
 */
function maskBlob(t: string[], kind: number[], from: number, to: number, mask: string[]): void {
  // 1. Links with a scheme or www: from there to the end of the blob.
  for (let i = from; i < to; i++) {
    const w = t[i];
    if (
      ((w === 'http' || w === 'https') && i + 2 < to && t[i + 1] === ':' && t[i + 2] === '/') ||
      (w === 'www' && t[i + 1] === '.' && i + 2 < to && kind[i + 2] === WORD)
    ) {
      cover(mask, i, to, PLACEHOLDER.url);
      to = i;
      break;
    }
  }

  // 2. E-mails (local@domain.tld), else @handles.
  let free = from;
  for (let i = from; i < to; i++) {
    if (t[i] !== '@') continue;
    let start = i;
    while (start > free && (kind[start - 1] === WORD || LOCAL_PART.has(t[start - 1] ?? ''))) {
      start--;
    }
    while (start < i && kind[start] !== WORD) start++;
    let end = i + 1;
    let dots = 0;
    if (start < i && end < to && kind[end] === WORD) {
      end++;
      while ((t[end] === '.' || t[end] === '-') && end + 1 < to && kind[end + 1] === WORD) {
        if (t[end] === '.') dots++;
        end += 2;
      }
    }
    if (start < i && dots > 0 && /^\p{L}{2,}$/u.test(t[end - 1] ?? '')) {
      cover(mask, start, end, PLACEHOLDER.email);
    } else if (i + 1 < to && kind[i + 1] === WORD) {
      end = i + 2;
      while ((t[end] === '.' || t[end] === '_') && end + 1 < to && kind[end + 1] === WORD) end += 2;
      cover(mask, i, end, PLACEHOLDER.handle);
    } else {
      continue;
    }
    free = end;
    i = end - 1;
  }

  // 3. Bare domains (name.tld, my-site.nl/x, t.me/...), whole chains only: every start inside a chain
  //    ends where the chain ends, so a failed chain is skipped as a whole.
  for (let i = from; i < to; i++) {
    if (mask[i] !== undefined || kind[i] !== WORD) continue;
    let end = i + 1;
    let dotted = false;
    while (
      (t[end] === '.' || t[end] === '-') &&
      end + 1 < to &&
      kind[end + 1] === WORD &&
      mask[end + 1] === undefined
    ) {
      dotted = t[end] === '.';
      end += 2;
    }
    if (dotted) {
      const last = t[end - 1] ?? '';
      const host = end === i + 3 ? `${t[i]}.${last}` : '';
      if (
        TLDS.has(last) ||
        LINK_HOSTS.has(host) ||
        (WORDLIKE_TLDS.has(last) && t[end] === '/' && end < to)
      ) {
        let stop = end;
        if (t[end] === '/') {
          stop = end + 1;
          while (stop < to && mask[stop] === undefined) stop++;
        }
        cover(mask, i, stop, PLACEHOLDER.url);
        i = stop - 1;
        continue;
      }
    }
    i = end - 1;
  }
}

function isNumericToken(w: string): boolean {
  let other = false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
    if (c >= 128) other = true;
  }
  return other && NUMERIC_CHAR_RE.test(w);
}

/** Tokens of one text, without name masking. */
function baseTokens(text: string): string[] {
  const { t, kind, gap } = piecesOf(
    fold(text.length > MAX_INPUT_CHARS ? text.slice(0, MAX_INPUT_CHARS) : text),
  );
  const n = t.length;
  const mask: string[] = new Array<string>(n);
  for (let from = 0; from < n;) {
    let to = from + 1;
    while (to < n && !gap[to]) to++;
    if (to - from > 1) maskBlob(t, kind, from, to, mask);
    from = to;
  }

  // Numeric runs: digit tokens and number words, joined by spaces or NUMBER_JOINERS, become one
  // placeholder ("+31 6-12 34 56 78", "nul zes 12 34", "12:00", "O6 l2345678" all are one).
  const out: string[] = [];
  let runStart = -1; // first piece of the run in progress
  let runLength = 0; // numeric tokens and number words in it
  let runWords = 0;
  for (let i = 0; i <= n; i++) {
    const m = i < n ? mask[i] : '';
    const w = t[i] ?? '';
    let numeral = false;
    let ends = true;
    if (m === undefined) {
      if (kind[i] === SYMBOL) ends = !NUMBER_JOINERS.has(w);
      else if (isNumericToken(w)) {
        numeral = true;
        ends = false;
      } else if (NUMBER_WORDS.has(w)) ends = false;
    }
    if (!ends) {
      if (kind[i] === WORD) {
        if (runStart < 0) runStart = i;
        runLength++;
        if (!numeral) runWords++;
      }
      continue;
    }
    // A unit or postcode letters right after a number belong to the value: "1.70 m", "75 kg",
    // "1094 BL" read like "75D" and "3560PL", which are one token already. It ends the value, so
    // a number word after it ("175 cm en een …") stays a word.
    const unit =
      m === undefined &&
      kind[i] === WORD &&
      w.length <= 2 &&
      runLength > runWords &&
      (runWords === 0 || runLength >= 3);
    if (runStart >= 0) {
      if (runWords === 0 || runLength >= 3) {
        out.push(PLACEHOLDER.number);
      } else {
        // One or two tokens with a number word: too little to read the word as a digit.
        for (let j = runStart; j < i; j++) {
          const x = t[j] ?? '';
          if (kind[j] === WORD) out.push(isNumericToken(x) ? PLACEHOLDER.number : x);
        }
      }
      runStart = -1;
      runLength = 0;
      runWords = 0;
    }
    if (unit) continue;
    if (m) out.push(m);
    else if (m === undefined && kind[i] === WORD) out.push(w);
  }
  return out;
}

/** Replaces every occurrence of a name's word sequence by PLACEHOLDER.name, longest name first. */
function maskNames(tokens: string[], names: readonly string[]): string[] {
  const byFirst = new Map<string, string[][]>();
  for (const name of names.slice(0, MAX_NAMES)) {
    const seq = baseTokens(name.slice(0, 200)).slice(0, MAX_NAME_TOKENS);
    const first = seq[0];
    if (first === undefined || seq.every((w) => w.startsWith('#'))) continue;
    const list = byFirst.get(first) ?? [];
    list.push(seq);
    byFirst.set(first, list);
  }
  if (byFirst.size === 0) return tokens;
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const seqs = byFirst.get(tokens[i] ?? '');
    const hit = seqs?.find((seq) => seq.every((w, j) => tokens[i + j] === w));
    if (hit) {
      out.push(PLACEHOLDER.name);
      i += hit.length;
    } else {
      out.push(tokens[i] ?? '');
      i++;
    }
  }
  return out;
}

/**
 * The words of an ad's template: compatibility-normalised (NFKC's folding, so full-width and styled
 * letters read as plain ones), lower-cased, without accents or invisible characters, split into
 * runs of letters and digits; numbers, phone numbers, e-mails, links, @handles and the given names replaced
 * by PLACEHOLDER tokens. Never throws; linear in the input, which is cut at MAX_INPUT_CHARS.
 */
export function templateTokens(text: string, opts: TemplateTokenOptions = {}): string[] {
  const tokens = baseTokens(text);
  return opts.names?.length ? maskNames(tokens, opts.names) : tokens;
}
