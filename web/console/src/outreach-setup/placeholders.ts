// Placeholder problems in a variant, found while typing so the author need not wait for a refused
// save: the same rules as scanPlaceholders in src/outreach/domain/templates.ts (placeholders are
// written exactly {displayName} or {city}; every { is closed; no stray }). The server checks again
// on save and its message is shown then.
import { PLACEHOLDERS, type Placeholder } from './api';

export type PlaceholderProblem =
  | { code: 'unknown'; found: string; at: number }
  | { code: 'misspelt'; found: string; expected: Placeholder; at: number }
  | { code: 'unclosed'; at: number }
  | { code: 'stray'; at: number };

const isPlaceholder = (name: string): name is Placeholder =>
  (PLACEHOLDERS as readonly string[]).includes(name);

/** Every problem with braces in a text, each with its 0-based position. */
export function placeholderProblems(text: string): PlaceholderProblem[] {
  const problems: PlaceholderProblem[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '}') {
      problems.push({ code: 'stray', at: i });
      i += 1;
      continue;
    }
    if (ch !== '{') {
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i + 1);
    const reopen = text.indexOf('{', i + 1);
    if (close === -1 || (reopen !== -1 && reopen < close)) {
      problems.push({ code: 'unclosed', at: i });
      i += 1;
      continue;
    }
    const inner = text.slice(i + 1, close);
    if (!isPlaceholder(inner)) {
      const found = text.slice(i, close + 1);
      const near = PLACEHOLDERS.find(
        (p) => p.toLowerCase() === inner.replace(/[\s_-]/g, '').toLowerCase(),
      );
      problems.push(
        near
          ? { code: 'misspelt', found, expected: near, at: i }
          : { code: 'unknown', found, at: i },
      );
    }
    i = close + 1;
  }
  return problems;
}
