// The Dutch-only check: finds English on a page a Dutch reader sees. `findEnglish` is pure (text
// in, findings out): it looks for common English function words and console words as whole words
// that Dutch does not share ("the", "and", "with", "Save", "points"…; not "in", "is", "over",
// "open", "score", which Dutch uses too), after taking out what may stay as it is: aliases, ids,
// e-mail and web addresses, numbers with units, and names the caller allows (brands, products).
// `dutchPageText` collects a page's visible text without the parts marked as another language
// (lang="en" on a citation, an ad in its own language, lang="und" on what people entered in a
// language not known), and `expectDutchOnly` fails with each
// finding in its context. Journeys call it on every page they show in Dutch.
import type { Page } from 'playwright-core';

/**
 * English words that are not also Dutch words, lower case. Left out on purpose because Dutch uses
 * them too: in, is, of, over, open, had, was, been, week, door, die, and the loanwords the Dutch console
 * uses (lead, score, template, case, contact, entity, filters, lexicon, urgent).
 */
// prettier-ignore
export const ENGLISH_WORDS: readonly string[] = [
  // Function words.
  'the', 'and', 'to', 'for', 'with', 'without', 'this', 'that', 'these', 'those', 'are',
  'not', 'you', 'your', 'from', 'by', 'at', 'on', 'it', 'its', 'or', 'if', 'yes', 'all', 'any',
  'some', 'can', 'cannot', 'will', 'would', 'should', 'has', 'have', 'were', 'which', 'who', 'what',
  'when', 'where', 'why', 'how', 'there', 'their', 'they', 'them', 'than', 'then', 'each', 'every',
  'other', 'only', 'also', 'into', 'about', 'after', 'before', 'still', 'here', 'be', 'do', 'does',
  'done', 'no', 'more', 'less', 'most', 'one', 'two', 'three', 'whatever',
  // Words of the console and of score reasons.
  'save', 'cancel', 'close', 'search', 'loading', 'settings', 'sign', 'signs', 'send', 'delete',
  'edit', 'add', 'new', 'show', 'back', 'next', 'previous', 'refresh', 'clear', 'points', 'ads',
  'ad', 'found', 'times', 'stated', 'age', 'under', 'validated', 'practitioner', 'contested',
  'shown', 'scored', 'counted', 'weight', 'cut', 'together', 'reason', 'reasons', 'used', 'names',
  'number', 'numbers', 'shared', 'pictures', 'cities', 'within', 'days', 'different', 'ages',
  'contacts', 'written', 'disguise', 'language', 'languages', 'youthful', 'trafficking',
  'predicted', 'suggests', 'possible', 'minor', 'person', 'someone', 'else', 'third', 'agency',
  'practice', 'queue', 'assigned', 'unassigned', 'anyone', 'state', 'planned', 'contacted',
  'action', 'closed', 'place', 'places', 'evidence', 'similar', 'movement', 'features',
  'identifiers', 'graph', 'history', 'notes', 'tasks', 'error', 'failed', 'please', 'try', 'again',
  'page',
];

export interface EnglishFinding {
  /** The English word as it appears. */
  word: string;
  /** The text around it, for the failure message. */
  context: string;
}

export interface DutchOnlyOptions {
  /** Words or phrases allowed on this page (names of products, brands, people), any case. */
  allow?: readonly string[];
}

/** Parts of a text that are not language: taken out before the words are checked. */
const NOT_LANGUAGE: readonly RegExp[] = [
  /\b[a-z]+-[a-z]+-\d{2,3}\b/g, // entity aliases (cobalt-river-417)
  /\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, // e-mail addresses
  /\bhttps?:\/\/\S+/g, // web addresses
  /\b[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\b/gi, // uuids
  /\b[0-9a-f]{8,}\b/gi, // short ids
  /\b[a-z_]+\.[a-z0-9_]+\b/g, // codes (trust.real_photos, nl:amsterdam stays a place id)
  /\b\d+([.,]\d+)?\s?(km|kg|ms|s|h|min|mb|kb|gb|%)\b/gi, // numbers with units
  /\b[A-Z]{2}\b/g, // country and language codes (Brussel BE, NL), as capitals only
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English words in a text meant to be Dutch; empty when there are none. */
export function findEnglish(text: string, options: DutchOnlyOptions = {}): EnglishFinding[] {
  let cleaned = text;
  for (const allowed of options.allow ?? []) {
    cleaned = cleaned.replace(new RegExp(escape(allowed), 'gi'), ' ');
  }
  for (const pattern of NOT_LANGUAGE) cleaned = cleaned.replace(pattern, ' ');
  const words = new Set(ENGLISH_WORDS);
  const findings: EnglishFinding[] = [];
  const seen = new Set<string>();
  // Letters of any script; an apostrophe joins (don't, it's), a hyphen does too (e-mail).
  for (const m of cleaned.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const word = m[0];
    const lower = word.toLowerCase().replace(/['’].*$/, '');
    if (!words.has(lower)) continue;
    const start = Math.max(0, m.index - 40);
    const context = cleaned
      .slice(start, m.index + word.length + 40)
      .replace(/\s+/g, ' ')
      .trim();
    const key = `${lower}\u0000${context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ word, context });
  }
  return findings;
}

/**
 * The page's visible text as a Dutch reader sees it, one block per line, leaving out what is marked
 * as another language (an element with a lang attribute not "nl", and what is inside it) and what
 * is code, not language (`code`, `kbd`, `samp`: an audit action, a record's type and id).
 */
export async function dutchPageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim()) continue;
      if (el.closest('script, style, noscript, code, kbd, samp, [hidden], [aria-hidden="true"]'))
        continue;
      const marked = el.closest('[lang]');
      if (
        marked &&
        marked !== document.documentElement &&
        !marked.getAttribute('lang')?.startsWith('nl')
      )
        continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) continue;
      out.push(node.textContent.trim());
    }
    return out.join('\n');
  });
}

/** Fails, listing every finding in context, when the page shows English to a Dutch reader. */
export async function expectDutchOnly(
  page: Page,
  where: string,
  options: DutchOnlyOptions = {},
): Promise<void> {
  const findings = findEnglish(await dutchPageText(page), options);
  if (findings.length > 0) {
    const list = findings.map((f) => `  "${f.word}" in: …${f.context}…`).join('\n');
    throw new Error(`English on the Dutch ${where} (${findings.length}):\n${list}`);
  }
}
