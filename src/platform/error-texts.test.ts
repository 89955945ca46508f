// Every server message a console user can meet is said in the user's language: these checks keep
// the AppErrors in src and the console's catalogue of server messages
// (web/console/src/i18n/server-errors) in step. An AppError of a code a console user meets in
// normal work (conflict, validation_failed, forbidden, not_found) carries a key (`keyed(…)`, or a
// verdict's `text:`) unless the allow-list below says why it need not; every key used exists in
// English and Dutch with the same parameters; and the catalogue holds no key nothing uses. (The
// problems of an import file are checked with the parameters they are sent with in
// src/app/import-texts.test.ts: src/platform may not import a context.)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  placeholders,
  ROOT,
  serverCatalogue,
  sourceFiles,
  SRC,
} from '../../test/helpers/server-catalogue.js';

/** Codes a console user meets in normal work: each such error needs a key. */
const CHECKED_CODES = new Set(['conflict', 'validation_failed', 'forbidden', 'not_found']);

/**
 * AppErrors of those codes without a key, and why that is right. `file` and a snippet of the
 * call identify each; an entry that matches nothing fails too, so the list stays true.
 */
const ALLOWED: readonly { file: string; snippet: string; why: string }[] = [
  // Only an API client sends a page cursor or an assignee filter by hand: the console passes back
  // what the server gave it. The console says "this input is not right" for these.
  { file: 'src/cases/store.ts', snippet: 'Invalid page cursor.', why: 'cursor' },
  { file: 'src/collect/ads-query.ts', snippet: 'Invalid page cursor.', why: 'cursor' },
  { file: 'src/outreach/inbox/conversations.ts', snippet: 'Invalid page cursor.', why: 'cursor' },
  { file: 'src/score/leads.ts', snippet: 'The page cursor is not valid.', why: 'cursor' },
  { file: 'src/app/inbox.ts', snippet: 'assignee must be a user id', why: 'filter syntax' },
  {
    file: 'src/outreach/inbox/conversations.ts',
    snippet: 'assignee must be',
    why: 'filter syntax',
  },
  { file: 'src/score/leads.ts', snippet: 'assignee must be a user id', why: 'filter syntax' },
  // The command line speaks English to an operator at a terminal; no console shows these.
  { file: 'src/cli/', snippet: '', why: 'CLI' },
  // Webhooks are called by gateways, not people.
  { file: 'src/outreach/channels/webhooks.routes.ts', snippet: '', why: 'gateway webhooks' },
  // The victim's vault app (web/vault) speaks its own languages from its own error codes; the
  // console never calls these routes.
  { file: 'src/vault/items.ts', snippet: '', why: 'vault app' },
  { file: 'src/vault/access.ts', snippet: '', why: 'vault app' },
  { file: 'src/vault/routes.ts', snippet: '', why: 'vault app' },
  { file: 'src/vault/share-routes.ts', snippet: '', why: 'vault app' },
  { file: 'src/vault/shares.ts', snippet: 'upload', why: 'vault app uploads' },
  { file: 'src/vault/shares.ts', snippet: 'That share code is not valid', why: 'vault app' },
  { file: 'src/vault/shares.ts', snippet: 'No such share in this vault', why: 'vault app' },
  { file: 'src/vault/shares.ts', snippet: 'Register your age public key', why: 'vault app' },
  { file: 'src/vault/shares.ts', snippet: 'not among this vault', why: 'vault app' },
  { file: 'src/vault/shares.ts', snippet: 'No such request in this vault', why: 'vault app' },
  // The chat widget's events socket: refused before any page shows it.
  { file: 'src/chat/routes.ts', snippet: 'This page may not open the chat events.', why: 'socket' },
  // A rule written by hand through the API (the console has no rule editor).
  { file: 'src/facts/store.ts', snippet: 'parsed.error.issues', why: 'API only' },
];

/** The text between the parentheses of the call that starts at `open` (strings skipped). */
function callArguments(text: string, open: number): string {
  let depth = 0;
  // What encloses the current character: template literals, and the interpolations in them
  // (with the braces opened inside each, so its closing brace is known).
  const stack: ({ kind: 'template' } | { kind: 'code'; braces: number })[] = [];
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    const top = stack.at(-1);
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (top?.kind === 'template') {
      if (c === '\\') i++;
      else if (c === '`') stack.pop();
      else if (c === '$' && text[i + 1] === '{') {
        stack.push({ kind: 'code', braces: 0 });
        i++;
      }
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === '`') stack.push({ kind: 'template' });
    else if (c === '{' && top) top.braces++;
    else if (c === '}' && top) {
      if (top.braces === 0) stack.pop();
      else top.braces--;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unclosed call at ${open}`);
}

interface Site {
  file: string;
  line: number;
  args: string;
}

const sites: Site[] = sourceFiles(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return [...text.matchAll(/new AppError\(/g)].map((m) => ({
    file: rel,
    line: text.slice(0, m.index).split('\n').length,
    args: callArguments(text, m.index + 'new AppError'.length),
  }));
});

/** The code an AppError names, or null when it is chosen at run time (then it is checked). */
function codeOf(args: string): string | null {
  const m = /^\s*'([a-z_]+)'\s*,/.exec(args);
  return m ? m[1]! : null;
}

const isKeyed = (args: string) => /\bkeyed\(|\btext:/.test(args);
const allowance = (s: Site) =>
  ALLOWED.find((a) => s.file.startsWith(a.file) && s.args.includes(a.snippet));

const en = serverCatalogue('en');
const nl = serverCatalogue('nl');
/** Sections of the console's own (zod issue reasons, words for enum values), not server keys. */
const consoleOwn = (key: string) =>
  key.startsWith('issues.') || key.startsWith('values.') || key.startsWith('fieldNames.');

const usedKeys = new Map<string, string>();
for (const file of sourceFiles(SRC)) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/\bkeyed\(\s*'([\w.]+)'/g)) {
    usedKeys.set(m[1]!, path.relative(ROOT, file));
  }
}

describe('server messages the console shows', () => {
  it('finds the AppErrors of src', () => {
    expect(sites.length).toBeGreaterThan(250);
    expect(usedKeys.size).toBeGreaterThan(150);
  });

  it('give every console-reachable AppError a catalogue key (or a reason on the allow-list)', () => {
    const missing = sites
      .filter((s) => {
        const code = codeOf(s.args);
        return (code === null || CHECKED_CODES.has(code)) && !isKeyed(s.args) && !allowance(s);
      })
      .map((s) => `${s.file}:${s.line}: new AppError(${s.args.trim().slice(0, 90)}`);
    expect(missing).toEqual([]);
  });

  it('keeps the allow-list true: each entry still matches an AppError without a key', () => {
    const unused = ALLOWED.filter(
      (a) =>
        !sites.some(
          (s) => s.file.startsWith(a.file) && s.args.includes(a.snippet) && !isKeyed(s.args),
        ),
    );
    expect(unused).toEqual([]);
  });

  it('has every key used in src in the English and Dutch catalogues', () => {
    const absent = [...usedKeys]
      .filter(([key]) => !en.has(key) || !nl.has(key))
      .map(([key, file]) => `${key} (${file})`);
    expect(absent).toEqual([]);
  });

  it('has the same keys and parameters in English and Dutch', () => {
    expect([...nl.keys()].sort()).toEqual([...en.keys()].sort());
    const differ = [...en]
      .filter(([key, text]) => placeholders(text).join() !== placeholders(nl.get(key) ?? '').join())
      .map(([key]) => key);
    expect(differ).toEqual([]);
  });

  it('has no catalogue key that nothing in src uses', () => {
    const unused = [...en.keys()].filter((key) => !consoleOwn(key) && !usedKeys.has(key));
    expect(unused).toEqual([]);
  });
});
