// Every written language has every key of the English text, none empty, with the same kind of value
// (text, a function of the same arity, a list of the same length, a group with the same keys).
import { describe, expect, it } from 'vitest';
import { en } from './en';
import { WRITTEN, asLanguage } from './index';

type Shape = string | { fn: number } | Shape[] | { [k: string]: Shape };

function shapeOf(v: unknown): Shape {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'function') return { fn: v.length };
  if (Array.isArray(v)) return v.map(shapeOf);
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, shapeOf(x)]),
  );
}

function emptyTexts(v: unknown, at = ''): string[] {
  if (typeof v === 'string') return v.trim() === '' ? [at] : [];
  if (typeof v === 'function') {
    const sample = (v as (...a: unknown[]) => unknown)(2, 'x');
    return typeof sample === 'string' && sample.trim() !== '' ? [] : [at];
  }
  return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) =>
    emptyTexts(x, `${at}.${k}`),
  );
}

describe('the vault app’s strings', () => {
  it('has Dutch and English written', () => {
    expect(Object.keys(WRITTEN)).toEqual(['nl', 'en']);
  });

  it.each(Object.entries(WRITTEN))('%s has every key of the English text, none empty', (_l, s) => {
    expect(shapeOf(s)).toEqual(shapeOf(en));
    expect(emptyTexts(s)).toEqual([]);
  });

  it('reads a language from an attribute or the browser, ignoring what is not written', () => {
    expect(asLanguage('NL')).toBe('nl');
    expect(asLanguage('en-GB')).toBe('en');
    expect(asLanguage('ro')).toBeUndefined();
    expect(asLanguage(null)).toBeUndefined();
  });
});
