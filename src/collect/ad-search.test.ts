import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { searchTermsFor, searchTermsOf, searchWordsOf } from './ad-search.js';

const pepper = randomBytes(32);
const text = (
  body: string,
  extra: Partial<{ title: string; displayName: string; city: string }> = {},
) => ({
  title: extra.title ?? null,
  body,
  displayName: extra.displayName ?? null,
  city: extra.city ?? null,
});
const term = (word: string, domain: 'text' | 'city' = 'text') =>
  searchTermsFor(pepper, domain, [word])[0]!;

describe('search terms', () => {
  it('indexes folded whole words and nothing with a digit or an underscore', () => {
    const terms = searchTermsOf(
      pepper,
      text('Nieuw: Café Zoë, 24/7 open, bel anna99 of kiwi_mariposa 0612345678'),
      [],
    );
    for (const w of ['nieuw', 'cafe', 'zoe', 'open', 'bel', 'of']) expect(terms).toContain(term(w));
    for (const w of [
      '24',
      '7',
      'anna99',
      'anna',
      'kiwi_mariposa',
      'kiwi',
      'mariposa',
      '0612345678',
    ])
      expect(terms).not.toContain(term(w));
    // Only the hashes: 64-bit numbers, one per distinct word.
    expect(terms.every((t) => typeof t === 'bigint')).toBe(true);
    expect(new Set(terms).size).toBe(terms.length);
  });

  it('leaves out the words of identifiers that extraction found', () => {
    const body = 'Bel nul zes twaalf of mail lotte.bloem@example.org, groetjes';
    const spans = [
      { field: 'body', start: 4, end: 18 },
      { field: 'body', start: 27, end: 50 },
    ];
    const terms = searchTermsOf(pepper, text(body), spans);
    expect(terms).toContain(term('bel'));
    expect(terms).toContain(term('groetjes'));
    for (const w of ['nul', 'zes', 'twaalf', 'lotte', 'bloem', 'example', 'org'])
      expect(terms).not.toContain(term(w));
    // A span of another field hides nothing here.
    expect(searchTermsOf(pepper, text(body), [{ field: 'title', start: 0, end: 99 }])).toContain(
      term('zes'),
    );
  });

  it('keeps the city field apart from the text, under a key of its own', () => {
    const terms = searchTermsOf(pepper, text('Ik ben in Den Haag', { city: 'Den Haag' }), []);
    expect(terms).toContain(term('haag', 'city'));
    expect(terms).toContain(term('haag', 'text'));
    expect(term('haag', 'city')).not.toBe(term('haag', 'text'));
    expect(searchTermsFor(randomBytes(32), 'text', ['haag'])[0]).not.toBe(term('haag'));
  });
});

describe('search words', () => {
  it('reads a search as folded words', () => {
    expect(searchWordsOf('  Lieve   VRÓUW lieve ')).toEqual({ words: ['lieve', 'vrouw'] });
  });

  it('refuses numbers, handles and addresses with the reason, and empty or long searches', () => {
    const problem = (q: string) => {
      const r = searchWordsOf(q);
      return 'problem' in r ? r.problem : null;
    };
    for (const q of ['0612345678', 'ad 3', '06 12', 'kiwi_mariposa', 'anna@example', '@anna'])
      expect(problem(q)).toMatch(/numbers and handles/);
    expect(problem('! ?')).toMatch(/at least one word/);
    expect(problem('aa bb cc dd ee ff gg hh ii')).toMatch(/at most 8/);
    expect(problem('aa bb cc dd ee ff gg hh')).toBeNull();
  });
});
