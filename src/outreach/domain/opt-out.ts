// Opt-out detection: STOP and its equivalents in the nine outreach languages, recognised the way a
// frightened person writes them ("STOP", "stop!", "Stop pls", "S T O P", "stooop", "laat me met
// rust", "спри", "nu mai") — and ordinary replies ("stop by later", "I can't stop thinking", "bus
// stop") told apart where the language allows it. When in doubt about a short message, it is an
// opt-out: contacting someone who wanted no contact can hurt them; the person can always write
// again. Such a decision is marked `certainty: 'doubt'` so the inbox can show it for review.
//
// The words live in ./opt-out/<language>.json, each with five lists:
// - phrases: an opt-out wherever they stand ("leave me alone", "niet meer sturen");
// - keywords: an opt-out in a short message, or when a clause is nothing but keywords and fillers
//   ("stop", "stoppen", "спри");
// - standalone: an opt-out only when a clause is nothing but them and fillers ("enough", "nu mai",
//   "para"), because inside a sentence they mean something else;
// - ordinary: everyday uses whose words are set aside before anything else is looked for
//   ("stop by", "can't stop", "bus stop");
// - fillers: words that do not change a clause being just "stop" ("please", "now", "alsjeblieft").
// Every list of every language is used for every message: a short reply carries too little text
// to know its language, and people mix them. The language reported is the one whose list matched,
// preferring the conversation's language when several did.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { OUTREACH_LANGUAGES, OutreachLanguage, parseDataFile } from './languages.js';
import {
  compilePattern,
  PatternError,
  PatternSet,
  words,
  type CompiledPattern,
  type Word,
} from './words.js';

/** A message of at most this many words is short: a keyword in it is honoured unless ordinary. */
export const SHORT_MESSAGE_WORDS = 6;
/** Opt-outs stand at the top of a reply; the rest (quoted history in e-mail) is not read. */
export const OPT_OUT_SCAN_CHARS = 10_000;
/** Stop signs people send instead of words; read as "stop". */
const STOP_SYMBOLS = ['🛑', '⛔', '🚫', '✋'];

const Pattern = z.string().trim().min(1).max(120);
const patternList = z
  .array(Pattern)
  .max(300)
  .superRefine((list, ctx) => {
    list.forEach((p, i) => {
      try {
        compilePattern(p, null);
      } catch (err) {
        if (!(err instanceof PatternError)) throw err;
        ctx.addIssue({ code: 'custom', message: err.message, path: [i] });
      }
    });
  });

export const OptOutFile = z
  .object({
    language: OutreachLanguage,
    version: z.string().min(1),
    description: z.string().optional(),
    /** Sent once after an opt-out: one short, neutral line that names nothing. */
    confirmation: z.string().trim().min(5).max(70),
    keywords: patternList.min(1),
    standalone: patternList,
    phrases: patternList,
    ordinary: patternList,
    fillers: z.array(z.string().regex(/^[\p{L}\p{M}\p{N}]+$/u, 'a filler is one word')).max(300),
  })
  .strict();
export type OptOutFile = z.infer<typeof OptOutFile>;

export const OptOutInput = z
  .object({
    text: z.string().max(1_000_000),
    /** The conversation's language, if known: its list wins when several match. */
    language: OutreachLanguage.optional(),
  })
  .strict();
export type OptOutInput = z.input<typeof OptOutInput>;

export type OptOutRule = 'phrase' | 'clause' | 'short_message';

export type OptOutResult =
  | {
      optOut: true;
      /** The words that decided it, as written. */
      matched: string;
      span: { start: number; end: number };
      language: OutreachLanguage;
      rule: OptOutRule;
      /**
       * 'clear' for a phrase or a clause that is only "stop" (and fillers); 'doubt' for a short
       * message that contains a keyword among other words ("ik wil stoppen" may mean quitting work).
       */
      certainty: 'clear' | 'doubt';
    }
  | { optOut: false; matched: null; span: null; language: null; rule: null; certainty: null };

const NOT_OPT_OUT: OptOutResult = {
  optOut: false,
  matched: null,
  span: null,
  language: null,
  rule: null,
  certainty: null,
};

const OPT_OUT_DIR = new URL('./opt-out/', import.meta.url);
let builtIn: Map<OutreachLanguage, OptOutFile> | undefined;

/** The shipped opt-out lists, validated on first use. */
export function loadOptOutLists(): Map<OutreachLanguage, OptOutFile> {
  if (builtIn) return builtIn;
  const lists = new Map<OutreachLanguage, OptOutFile>();
  for (const lang of OUTREACH_LANGUAGES) {
    const name = `opt-out/${lang}.json`;
    const file = parseDataFile(
      OptOutFile,
      JSON.parse(readFileSync(new URL(`${lang}.json`, OPT_OUT_DIR), 'utf8')) as unknown,
      name,
    );
    if (file.language !== lang) throw new Error(`${name} says it is ${file.language}`);
    lists.set(lang, file);
  }
  builtIn = lists;
  return lists;
}

/** The confirmation sent once after an opt-out, in the person's language (English if unknown). */
export function optOutConfirmation(language?: OutreachLanguage | null): string {
  const lists = loadOptOutLists();
  const lang = language ? OutreachLanguage.parse(language) : 'en';
  const file = lists.get(lang) ?? lists.get('en');
  if (!file) throw new Error('opt-out lists are missing');
  return file.confirmation;
}

/** "stooop" and "stop", "laaaat" and "laat" are the same word to a person typing in a hurry. */
function squeeze(w: string): string {
  return w.replace(/(\p{L})\1+/gu, '$1');
}

type Kind = 'keyword' | 'standalone';
interface Matchers {
  phrases: PatternSet<OutreachLanguage>;
  solo: PatternSet<{ language: OutreachLanguage; kind: Kind }>;
  ordinary: PatternSet<null>;
  fillers: Set<string>;
}

const matcherCache = new Map<string, Matchers>();

function matchers(preferred: OutreachLanguage | undefined): Matchers {
  const key = preferred ?? '';
  const cached = matcherCache.get(key);
  if (cached) return cached;
  const lists = loadOptOutLists();
  // The conversation's language first, then English (the lingua franca of short replies).
  const order = [
    ...new Set([preferred ?? 'en', 'en', ...OUTREACH_LANGUAGES]),
  ] as OutreachLanguage[];
  const phrases: CompiledPattern<OutreachLanguage>[] = [];
  const solo: CompiledPattern<{ language: OutreachLanguage; kind: Kind }>[] = [];
  const ordinary: CompiledPattern<null>[] = [];
  const fillers = new Set<string>();
  for (const lang of order) {
    const file = lists.get(lang);
    if (!file) continue;
    for (const p of file.phrases) phrases.push(compilePattern(p, lang, squeeze));
    for (const p of file.keywords)
      solo.push(compilePattern(p, { language: lang, kind: 'keyword' }, squeeze));
    for (const p of file.standalone)
      solo.push(compilePattern(p, { language: lang, kind: 'standalone' }, squeeze));
    for (const p of file.ordinary) ordinary.push(compilePattern(p, null, squeeze));
    for (const f of file.fillers) for (const w of words(f)) fillers.add(squeeze(w.norm));
  }
  const built: Matchers = {
    phrases: new PatternSet(phrases),
    solo: new PatternSet(solo),
    ordinary: new PatternSet(ordinary),
    fillers,
  };
  matcherCache.set(key, built);
  return built;
}

interface Token extends Word {
  clause: number;
}

const CLAUSE_BREAK_RE = /[.!?;,:\n\r…¡¿]/u;
const SPACED_GAP_RE = /^[\s.\-_*·]{1,3}$/u;

/**
 * Words with their clause numbers. A run of three or more single letters ("S T O P", "s.t.o.p")
 * becomes one word, and stop signs become the word "stop".
 */
function tokens(text: string): Token[] {
  const ws: Word[] = words(text);
  for (const symbol of STOP_SYMBOLS) {
    let at = text.indexOf(symbol);
    while (at !== -1) {
      ws.push({ start: at, end: at + symbol.length, norm: 'stop' });
      at = text.indexOf(symbol, at + symbol.length);
    }
  }
  ws.sort((a, b) => a.start - b.start);
  const merged: Word[] = [];
  for (let i = 0; i < ws.length;) {
    let j = i;
    while (
      j + 1 < ws.length &&
      (ws[j] as Word).norm.length === 1 &&
      (ws[j + 1] as Word).norm.length === 1 &&
      SPACED_GAP_RE.test(text.slice((ws[j] as Word).end, (ws[j + 1] as Word).start))
    ) {
      j += 1;
    }
    const first = ws[i] as Word;
    if (j - i >= 2 && first.norm.length === 1) {
      const run = ws.slice(i, j + 1);
      merged.push({
        start: first.start,
        end: (ws[j] as Word).end,
        norm: run.map((w) => w.norm).join(''),
      });
      i = j + 1;
    } else {
      merged.push(first);
      i += 1;
    }
  }
  let clause = 0;
  let prevEnd = 0;
  return merged.map((w) => {
    if (CLAUSE_BREAK_RE.test(text.slice(prevEnd, w.start))) clause += 1;
    prevEnd = w.end;
    return { ...w, norm: squeeze(w.norm), clause };
  });
}

/** Whether a reply asks for no more contact, what decided it, and in which language. */
export function detectOptOut(input: OptOutInput): OptOutResult {
  const { text: full, language } = OptOutInput.parse(input);
  const text = full.slice(0, OPT_OUT_SCAN_CHARS);
  const toks = tokens(text);
  if (toks.length === 0) return NOT_OPT_OUT;
  const norms = toks.map((t) => t.norm);
  const m = matchers(language);

  // Nothing is matched across a clause break: "Bus. Stop!" is no bus stop.
  const clauses = toks.map((t) => t.clause);
  // Ordinary uses first: their words cannot take part in anything else.
  const blocked: boolean[] = new Array<boolean>(toks.length).fill(false);
  for (const o of m.ordinary.findAll(norms, undefined, clauses)) {
    for (let k = o.from; k < o.to; k++) blocked[k] = true;
  }

  const result = (
    from: number,
    to: number,
    lang: OutreachLanguage,
    rule: OptOutRule,
  ): OptOutResult => {
    const start = (toks[from] as Token).start;
    const end = (toks[to - 1] as Token).end;
    return {
      optOut: true,
      matched: text.slice(start, end),
      span: { start, end },
      language: lang,
      rule,
      certainty: rule === 'short_message' ? 'doubt' : 'clear',
    };
  };

  const [phrase] = m.phrases.findAll(norms, blocked, clauses);
  if (phrase) return result(phrase.from, phrase.to, phrase.pattern.data, 'phrase');

  const solos = m.solo.findAll(norms, blocked, clauses);
  if (solos.length === 0) return NOT_OPT_OUT;

  // A clause that is nothing but keywords, standalone words and fillers: "Stop.", "nu mai!",
  // "please stop now", "Who is this? Enough."
  const covered: boolean[] = new Array<boolean>(toks.length).fill(false);
  for (const s of solos) for (let k = s.from; k < s.to; k++) covered[k] = true;
  for (const s of solos) {
    const clause = (toks[s.from] as Token).clause;
    const inClause = toks.flatMap((t, k) => (t.clause === clause ? [k] : []));
    const onlySolo = inClause.every(
      (k) => covered[k] || (!blocked[k] && m.fillers.has(norms[k] as string)),
    );
    if (onlySolo) return result(s.from, s.to, s.pattern.data.language, 'clause');
  }

  // A short message with a keyword (not an ordinary use) is honoured: the person's safety wins.
  if (toks.length <= SHORT_MESSAGE_WORDS) {
    const keyword = solos.find((s) => s.pattern.data.kind === 'keyword');
    if (keyword)
      return result(keyword.from, keyword.to, keyword.pattern.data.language, 'short_message');
  }
  return NOT_OPT_OUT;
}
