import { describe, expect, it } from 'vitest';
import { wordDiff } from './diff';

describe('wordDiff', () => {
  it('marks the words added and removed, keeping the rest', () => {
    expect(
      wordDiff('Discreet meeting near the centre', 'New girl! Discreet meeting near the station'),
    ).toEqual([
      { kind: 'added', text: 'New girl! ' },
      { kind: 'same', text: 'Discreet meeting near the ' },
      { kind: 'removed', text: 'centre' },
      { kind: 'added', text: 'station' },
    ]);
  });

  it('puts the texts back together from its parts', () => {
    const before = 'a b c d e f';
    const after = 'a x c d y f g';
    const parts = wordDiff(before, after)!;
    const join = (skip: 'added' | 'removed') =>
      parts
        .filter((p) => p.kind !== skip)
        .map((p) => p.text)
        .join('');
    expect(join('added')).toBe(before);
    expect(join('removed')).toBe(after);
  });

  it('declines texts too long to compare word by word', () => {
    expect(wordDiff('w '.repeat(2000), 'v '.repeat(2000))).toBeNull();
  });
});
