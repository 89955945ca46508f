// Site boilerplate, the pure part: sentences and their spans, the same sentence filled in with
// other names or numbers hashing the same, the rule, and the text without it.
import { describe, expect, it } from 'vitest';
import {
  BOILERPLATE_RULE,
  boilerplateSpans,
  inBoilerplate,
  isBoilerplate,
  textLines,
  withoutBoilerplate,
} from './boilerplate.js';

const footer =
  'Every lady on Velours: 100% real pictures, no fake! Report abuse to our moderators.';

describe('sentences of an ad', () => {
  it('splits title and body at line breaks and sentence ends, with spans into each field', () => {
    const ad = {
      title: 'Mila (23) new in town',
      body: `Hi, I am Mila and I love to meet you.\nCall me on 06 1234 5678 anytime.\n\n${footer}`,
      displayName: 'Mila',
    };
    const lines = textLines(ad);
    for (const l of lines) {
      const text = l.field === 'title' ? ad.title : ad.body;
      expect(text.slice(l.start, l.end).trim()).toBe(text.slice(l.start, l.end));
    }
    const body = lines.filter((l) => l.field === 'body').map((l) => ad.body.slice(l.start, l.end));
    expect(body).toEqual([
      'Hi, I am Mila and I love to meet you.',
      'Call me on 06 1234 5678 anytime.',
      'Every lady on Velours: 100% real pictures, no fake!',
      'Report abuse to our moderators.',
    ]);
  });

  it('hashes a sentence the same whatever name or number fills it, and skips short ones', () => {
    const a = textLines({
      title: null,
      body: 'Hi, I am Mila, call 0612345678 now.',
      displayName: 'Mila',
    });
    const b = textLines({
      title: null,
      body: 'Hi, I am Anna, call +31 6 9876 5432 now.',
      displayName: 'Anna',
    });
    expect(a.map((l) => l.hash)).toEqual(b.map((l) => l.hash));
    expect(textLines({ title: 'Hot!', body: 'Call me. Kisses.' })).toEqual([]);
  });
});

describe('the rule', () => {
  const r = BOILERPLATE_RULE;
  it('takes a sentence in most of a source’s ads behind many numbers', () => {
    expect(isBoilerplate(60, r.minNumbers, 100)).toBe(true);
    // An operator's template: many ads, a handful of numbers.
    expect(isBoilerplate(60, r.minNumbers - 1, 100)).toBe(false);
    expect(isBoilerplate(40, 30, 100)).toBe(false);
    // Too few ads to tell.
    expect(isBoilerplate(10, 10, r.minSourceAds - 1)).toBe(false);
  });
});

describe('the text without it', () => {
  it('finds the spans, leaves the rest, and keeps words apart where it was', () => {
    const ad = { title: 'Mila in Utrecht', body: `Sweet and discreet, see you soon. ${footer}` };
    const set = new Set(textLines({ title: null, body: footer }).map((l) => l.hash));
    const spans = boilerplateSpans(ad, set);
    expect(spans.map((s) => ad.body.slice(s.start, s.end))).toEqual([
      'Every lady on Velours: 100% real pictures, no fake!',
      'Report abuse to our moderators.',
    ]);
    const left = withoutBoilerplate(ad, set);
    expect(left.title).toBe(ad.title);
    expect(left.body).not.toContain('Velours');
    expect(left.body).toContain('see you soon.');
    expect(withoutBoilerplate(ad, new Set())).toBe(ad);
    const [first] = spans;
    expect(
      inBoilerplate({ field: 'body', start: first!.start + 30, end: first!.start + 40 }, spans),
    ).toBe(true);
    expect(inBoilerplate({ field: 'body', start: 0, end: 5 }, spans)).toBe(false);
    expect(
      inBoilerplate({ field: 'title', start: first!.start, end: first!.start + 3 }, spans),
    ).toBe(false);
  });
});
