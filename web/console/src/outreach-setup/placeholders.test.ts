import { describe, expect, it } from 'vitest';
import { placeholderProblems } from './placeholders';

describe('placeholderProblems', () => {
  it('accepts the two placeholders written exactly', () => {
    expect(placeholderProblems('Hoi {displayName}, ben je in {city}?')).toEqual([]);
  });

  it('names a misspelt placeholder and the right spelling', () => {
    expect(placeholderProblems('Hi {display name}!')).toEqual([
      { code: 'misspelt', found: '{display name}', expected: 'displayName', at: 3 },
    ]);
    expect(placeholderProblems('{City}')).toEqual([
      { code: 'misspelt', found: '{City}', expected: 'city', at: 0 },
    ]);
  });

  it('refuses unknown placeholders, unclosed and stray braces', () => {
    expect(placeholderProblems('Hi {name}')).toEqual([{ code: 'unknown', found: '{name}', at: 3 }]);
    expect(placeholderProblems('Hi {displayName')).toEqual([{ code: 'unclosed', at: 3 }]);
    expect(placeholderProblems('Hi { {city}')).toEqual([{ code: 'unclosed', at: 3 }]);
    expect(placeholderProblems('Hi }')).toEqual([{ code: 'stray', at: 3 }]);
  });
});
