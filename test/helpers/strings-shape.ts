// For the strings tests of the web bundles (web/chat, web/vault): a language's text has the shape of
// the English reference (text, a function of the same arity, a list of the same length, a group with
// the same keys) and no empty text.
export type Shape = string | { fn: number } | Shape[] | { [k: string]: Shape };

export function shapeOf(v: unknown): Shape {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'function') return { fn: v.length };
  if (Array.isArray(v)) return v.map(shapeOf);
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, shapeOf(x)]),
  );
}

export function emptyTexts(v: unknown, at = ''): string[] {
  if (typeof v === 'string') return v.trim() === '' ? [at] : [];
  if (typeof v === 'function') {
    const sample = (v as (...a: unknown[]) => unknown)(2, 'x');
    return typeof sample === 'string' && sample.trim() !== '' ? [] : [at];
  }
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
    emptyTexts(x, `${at}.${k}`),
  );
}
