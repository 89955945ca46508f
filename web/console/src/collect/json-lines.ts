// Where each member of a JSON text sits: maps a path as the server names it in a validation error
// ("limits.maxPages", "startUrls.0", "fields.body.selector") to its line in the editor, and reads
// the line and column of a syntax error. Only run on text JSON.parse has accepted (or, for syntax
// errors, only to turn a position into a line), so it need not recover from bad input.

/** Paths of every object member and array element, with the 1-based line it starts on. */
export function jsonPathLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let i = 0;
  let line = 1;

  const skipSpace = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const readString = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      i++;
    }
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (path: string[]): void => {
    skipSpace();
    const c = text[i];
    if (c === '{') {
      i++;
      skipSpace();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        skipSpace();
        const keyLine = line;
        const key = readString();
        const p = [...path, key];
        lines.set(p.join('.'), keyLine);
        skipSpace();
        i++; // colon
        value(p);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing brace
        return;
      }
    }
    if (c === '[') {
      i++;
      skipSpace();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let n = 0; ; n++) {
        skipSpace();
        const p = [...path, String(n)];
        lines.set(p.join('.'), line);
        value(p);
        skipSpace();
        if (text[i] === ',') {
          i++;
          continue;
        }
        i++; // closing bracket
        return;
      }
    }
    if (c === '"') {
      readString();
      return;
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
  };

  try {
    value([]);
  } catch {
    // Not JSON after all: whatever was mapped so far is still right.
  }
  return lines;
}

/** The line of a path, or of its nearest ancestor that exists in the text (for missing members). */
export function lineOfPath(lines: Map<string, number>, path: string): number | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const hit = lines.get(parts.join('.'));
    if (hit !== undefined) return hit;
    parts.pop();
  }
  return null;
}

/** Line and column (1-based) of a character offset. */
export function positionToLine(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return { line, column };
}

/**
 * The offset where a JSON text stops being JSON. Browsers' JSON.parse messages do not all give a
 * position ("Unexpected token '}', … is not valid JSON"), so the text is scanned here: a small
 * strict reader that reports where it fails, or null when the text is valid.
 */
export function syntaxErrorOffset(text: string): number | null {
  let i = 0;
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        string();
        space();
        if (text[i] !== ':') fail();
        i++;
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== '}') fail();
        i++;
        return;
      }
    }
    if (c === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] !== ']') fail();
        i++;
        return;
      }
    }
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : null;
  } catch (err) {
    if (err instanceof Stop) return Math.min(i, text.length);
    throw err;
  }
}

/** Where a JSON text stops being JSON, as line and column (from the message, else by scanning). */
export function syntaxErrorLine(
  text: string,
  message: string,
): { line: number; column: number } | null {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const offset = syntaxErrorOffset(text);
  return offset === null ? null : positionToLine(text, offset);
}

export interface PathProblem {
  /** "limits.maxPages"; empty for a problem with the whole definition. */
  path: string;
  message: string;
}

/**
 * The server lists a definition's problems one per line as "path: message" after a heading line
 * (src/collect/sources.ts); request validation joins them with "; " after "Invalid request: ".
 */
export function parseProblems(message: string): PathProblem[] {
  const body = message
    .replace(/^The source definition has problems:\s*/i, '')
    .replace(/^Invalid request:\s*/i, '');
  const parts = body.includes('\n') ? body.split('\n') : body.split(/;\s+/);
  return parts
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const m = /^([A-Za-z0-9_.]+):\s+(.*)$/.exec(p);
      if (!m) return { path: '', message: p };
      return { path: m[1] === 'source' ? '' : m[1]!, message: m[2]! };
    });
}
