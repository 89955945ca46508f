// Which strings are refused before they reach PostgreSQL, and how the field is named.
import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { findDisallowedText, hasDisallowedCharacter } from './text-input.js';

describe('text PostgreSQL cannot store', () => {
  it('is a NUL or a lone surrogate; emoji and other pairs are fine', () => {
    expect(hasDisallowedCharacter('plain text, ç, 日本')).toBe(false);
    expect(hasDisallowedCharacter('emoji 😀 and 𝄞')).toBe(false);
    expect(hasDisallowedCharacter('a\u0000b')).toBe(true);
    expect(hasDisallowedCharacter('\ud83d')).toBe(true); // a high half at the end
    expect(hasDisallowedCharacter('\ud83dx')).toBe(true); // a high half before a normal character
    expect(hasDisallowedCharacter('x\ude00')).toBe(true); // a low half alone
    expect(hasDisallowedCharacter('\ude00\ud83d')).toBe(true); // halves in the wrong order
  });

  it('is found anywhere in a body and named by its path', () => {
    expect(findDisallowedText({ title: 'ok', tags: ['a', 'b'] })).toBeNull();
    expect(findDisallowedText({ title: 'a\u0000' })).toEqual(['title']);
    expect(findDisallowedText({ fields: { city: { selector: 'x\ud800' } } })).toEqual([
      'fields',
      'city',
      'selector',
    ]);
    expect(findDisallowedText({ tags: ['ok', 'b\u0000'] })).toEqual(['tags', '1']);
    expect(findDisallowedText('\u0000')).toEqual([]);
    expect(findDisallowedText({ ['a\u0000']: 1 })).toEqual(['a\\u0000']);
  });

  it('leaves buffers and numbers alone (webhook bodies are checked by their channel)', () => {
    expect(findDisallowedText(Buffer.from([0, 0xd8]))).toBeNull();
    expect(findDisallowedText({ n: 0, ok: true, none: null })).toBeNull();
  });

  it('leaves a body passed through as a stream alone (its object graph has cycles)', () => {
    const stream = new PassThrough();
    (stream as unknown as { self: unknown }).self = stream;
    expect(findDisallowedText(stream)).toBeNull();
  });
});
