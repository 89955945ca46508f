// Site boilerplate: text a source repeats across most of its ads, over many unrelated numbers — a
// footer, "real photos" on every ad, a site-wide template. It is the site's, not the advertiser's,
// so its signs of exploitation say nothing about the person behind one ad (on a real site every
// entity got the same 33 points from it before anything was known about them), and ads that share
// it share no template. Pure: the sentences of an ad's text with their spans and a hash of their
// template tokens (names, numbers, links masked as for near-duplicates), the rule that makes a
// sentence boilerplate, and the text without it. The store counts sentences per source
// (link_ad_lines) and keeps the boilerplate ones (link_boilerplate).
import { hashString } from './minhash.js';
import { templateTokens } from './template-text.js';

/** When a sentence is the site's rather than the advertiser's. */
export const BOILERPLATE_RULE = {
  /** Sentences shorter than this (in template tokens) are too common to say anything. */
  minTokens: 4,
  /** In at least this share of the source's ads (with text)… */
  minShare: 0.5,
  /** …written behind at least this many distinct phone numbers (an operator has a handful)… */
  minNumbers: 5,
  /** …of a source with at least this many ads (before that, nothing is boilerplate). */
  minSourceAds: 20,
} as const;

export type TextField = 'title' | 'body';

/** One sentence of an ad's title or body. */
export interface TextLine {
  field: TextField;
  /** UTF-16 offsets into the field, as extraction's spans. */
  start: number;
  end: number;
  /** Hash of its template tokens: the same sentence filled in differently hashes the same. */
  hash: string;
}

export interface AdText {
  title: string | null;
  body: string;
  displayName?: string | null;
  city?: string | null;
}

/** Longest field read; beyond it nothing is split (templateTokens cuts its input likewise). */
const MAX_FIELD_CHARS = 20_000;
/** Most sentences taken from one ad: a page of a thousand lines is not a footer. */
const MAX_LINES = 200;

const isBreak = (c: number) => c === 10 || c === 13;
/** . ! ? … and the fullwidth forms end a sentence when white space or the end follows. */
const isStop = (c: number) =>
  c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0xff01 || c === 0xff1f || c === 0x3002;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0xa0 || isBreak(c);

/** Sentence spans of one field: cut at line breaks and at sentence ends followed by space. */
function sentenceSpans(text: string): [number, number][] {
  const n = Math.min(text.length, MAX_FIELD_CHARS);
  const out: [number, number][] = [];
  let start = 0;
  const push = (end: number) => {
    let a = start;
    let b = end;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    if (b > a) out.push([a, b]);
  };
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isBreak(c)) {
      push(i);
      start = i + 1;
    } else if (isStop(c) && (i + 1 >= n || isSpace(text.charCodeAt(i + 1)))) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(n);
  return out;
}

/** The sentences of an ad's title and body long enough to compare, with their hashes. */
export function textLines(ad: AdText): TextLine[] {
  const names = [ad.displayName, ad.city].filter((n): n is string => !!n);
  const out: TextLine[] = [];
  for (const field of ['title', 'body'] as const) {
    const text = (field === 'title' ? ad.title : ad.body) ?? '';
    for (const [start, end] of sentenceSpans(text)) {
      if (out.length >= MAX_LINES) return out;
      const tokens = templateTokens(text.slice(start, end), { names });
      if (tokens.length < BOILERPLATE_RULE.minTokens) continue;
      const joined = tokens.join(' ');
      // Two independent 32-bit hashes: sentences of one source number in the millions at most.
      const hash =
        hashString(joined).toString(16).padStart(8, '0') +
        hashString(`\u0001${joined}`).toString(16).padStart(8, '0');
      out.push({ field, start, end, hash });
    }
  }
  return out;
}

/** Whether a sentence with these counts is boilerplate of a source with `sourceAds` ads. */
export function isBoilerplate(ads: number, numbers: number, sourceAds: number): boolean {
  const r = BOILERPLATE_RULE;
  return sourceAds >= r.minSourceAds && ads >= r.minShare * sourceAds && numbers >= r.minNumbers;
}

/** The spans of an ad's text that are boilerplate (sentences whose hash is in the set). */
export function boilerplateSpans(
  ad: AdText,
  boilerplate: ReadonlySet<string>,
): { field: TextField; start: number; end: number }[] {
  if (boilerplate.size === 0) return [];
  return textLines(ad)
    .filter((l) => boilerplate.has(l.hash))
    .map(({ field, start, end }) => ({ field, start, end }));
}

/**
 * The ad's text with its boilerplate sentences taken out (a line break in their place, so the
 * words around them do not make shingles together): what near-duplicates and templates compare.
 */
export function withoutBoilerplate<T extends AdText>(ad: T, boilerplate: ReadonlySet<string>): T {
  if (boilerplate.size === 0) return ad;
  const spans = boilerplateSpans(ad, boilerplate);
  if (spans.length === 0) return ad;
  const cut = (text: string, field: TextField) => {
    let out = '';
    let at = 0;
    for (const s of spans) {
      if (s.field !== field) continue;
      out += text.slice(at, s.start) + '\n';
      at = s.end;
    }
    return out + text.slice(at);
  };
  return {
    ...ad,
    title: ad.title === null ? null : cut(ad.title, 'title'),
    body: cut(ad.body, 'body'),
  };
}

/**
 * Whether a fact's span lies inside boilerplate (wholly: a sign that starts in the advertiser's
 * own words is theirs).
 */
export function inBoilerplate(
  span: { field: string; start: number; end: number },
  spans: readonly { field: string; start: number; end: number }[],
): boolean {
  return spans.some((s) => s.field === span.field && s.start <= span.start && span.end <= s.end);
}
