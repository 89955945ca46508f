import { describe, expect, it } from 'vitest';
import {
  CANARY_EMAIL_FORMS,
  CANARY_HANDLE,
  CANARY_PHONE_FORMS,
  findCanary,
} from '../../test/helpers/canary.js';
import { extractAll } from './extract.js';
import {
  findIdentifierSpans,
  findIdentifierSpansAnyRegion,
  maskQuotedIdentifiers,
  maskSpans,
  maskStoredFact,
  maskValue,
  unsearchedTail,
} from './identifier-masks.js';
import type { LanguageFact } from './schema.js';
import { FIELD_CAP } from './text.js';

const forms = [
  ...Object.values(CANARY_PHONE_FORMS),
  ...Object.values(CANARY_EMAIL_FORMS),
  CANARY_HANDLE,
];

describe('masks', () => {
  it('keeps the length and the whitespace of what they hide', () => {
    expect(maskSpans('Bel 06 12 nu', [{ start: 4, end: 9 }])).toBe('Bel •• •• nu');
    expect(maskSpans('abc', [{ start: -3, end: 99 }])).toBe('•••');
    expect(maskValue('+31612345678')).toBe('+•••••••••78');
    expect(maskValue(maskValue('telegram:anna_x'))).toBe(maskValue('telegram:anna_x'));
  });
});

describe('maskQuotedIdentifiers', () => {
  // The number sits in the first 80 characters, which the language fact quotes.
  const body = `Hoi schat, ik ben Lotte. Bel ${CANARY_PHONE_FORMS.spaced} voor een afspraak, ik ben nieuw in de stad en heel lief. Echte foto's, geen haast.`;
  const result = extractAll({ body, country: 'NL' });

  it('masks identifiers inside the text other facts quote, and leaves the identifiers', () => {
    // Without it the leak is there: the language fact and the disguise sign quote the number.
    const leaks = result.facts.filter(
      (f) => f.kind !== 'phone' && f.kind !== 'messenger' && findCanary(f.raw),
    );
    expect(leaks.map((f) => f.kind).sort()).toEqual(['indicator', 'language']);

    const masked = maskQuotedIdentifiers(result);
    for (const f of masked.facts) {
      if (f.kind === 'phone') expect(f.raw).toBe(CANARY_PHONE_FORMS.spaced);
      else expect(findCanary(JSON.stringify(f)), f.kind).toBeNull();
    }
    const language = masked.facts.find((f): f is LanguageFact => f.kind === 'language')!;
    const original = result.facts.find((f) => f.kind === 'language')!;
    expect(language.raw).toHaveLength(original.raw.length);
    expect(language.raw.endsWith('…')).toBe(true);
    expect(language.raw.startsWith('Hoi schat, ik ben Lotte. Bel • • • •')).toBe(true);
    // Facts that quote no identifier are as they were.
    const places = (r: typeof result) => r.facts.filter((f) => f.kind === 'place');
    expect(places(masked)).toEqual(places(result));
  });

  it('masks the quotes of facts set aside by the block-list or a negation too', () => {
    const found = extractAll({
      body: `Geen haast, niet 18 jaar maar ouder. App ${CANARY_PHONE_FORMS.lookalike} of mail ${CANARY_EMAIL_FORMS.spelled}.`,
      country: 'NL',
    });
    // The language fact, as if an analyst had blocked it: it quotes the number.
    const withQuote = {
      ...found,
      suppressed: [
        {
          fact: { ...found.facts.find((f) => f.kind === 'language')! },
          reason: 'blocklist' as const,
          by: 'language:nl',
        },
      ],
    };
    expect(findCanary(JSON.stringify(withQuote.suppressed))).not.toBeNull();
    const masked = maskQuotedIdentifiers(withQuote);
    expect(findCanary(JSON.stringify(masked.suppressed))).toBeNull();
  });

  it('returns a result without identifiers as it was', () => {
    const plain = extractAll({ body: 'Nieuw in Utrecht, lieve meid.', country: 'NL' });
    expect(maskQuotedIdentifiers(plain)).toBe(plain);
  });
});

describe('maskStoredFact', () => {
  const spans = [
    { field: 'body', start: 10, end: 20 },
    { field: 'title', start: 0, end: 5 },
  ];

  it('masks a quote by the spans of its own field only, at its own offset', () => {
    const fact = {
      kind: 'language',
      value: 'nl',
      raw: '0123456789ABCDEFGHIJ…',
      span: { field: 'body', start: 5, end: 40 },
    };
    // Characters 10–19 of the field are characters 5–14 of the quote.
    expect(maskStoredFact(fact, spans).raw).toBe('01234••••••••••FGHIJ…');
    const elsewhere = { ...fact, span: { field: 'displayName', start: 0, end: 40 } };
    expect(maskStoredFact(elsewhere, spans)).toBe(elsewhere);
  });

  it('keeps only masks of an identifier fact, also from rows stored before that rule', () => {
    const stored = {
      kind: 'url',
      value: 'https://lotte-kanarie.example/',
      raw: 'lotte-kanarie.example',
      host: 'lotte-kanarie.example',
      masked: '••••••••••••••••••••••••••••/',
      valueHash: 'h',
      identifierId: 'i',
      rule: 'url.bare',
      span: { field: 'body', start: 10, end: 31 },
    };
    const out = maskStoredFact(stored, spans);
    expect(out).not.toHaveProperty('value');
    expect(out).not.toHaveProperty('raw');
    expect(out).toMatchObject({ masked: stored.masked, valueHash: 'h', identifierId: 'i' });
    expect(out.host).toBe(maskValue(stored.host));
    expect(findCanary(JSON.stringify(out))).toBeNull();
  });
});

describe('findIdentifierSpans', () => {
  it('finds the number, e-mail and handle in every planted form', () => {
    for (const form of forms) {
      const text = `Contact: ${form} (echt)`;
      const spans = findIdentifierSpans(text, 'body', 'NL');
      const masked = maskSpans(text, spans);
      expect(findCanary(text), form).not.toBeNull();
      expect(findCanary(masked), `${form} → ${masked}`).toBeNull();
    }
  });

  it('hides text past the extraction cap, which was never searched', () => {
    expect(unsearchedTail('short', 'body')).toEqual([]);
    const long = 'a'.repeat(FIELD_CAP) + ' 0647182935';
    expect(unsearchedTail(long, 'body')).toEqual([
      { field: 'body', start: FIELD_CAP, end: long.length },
    ]);
    expect(findCanary(maskSpans(long, findIdentifierSpans(long, 'body', 'NL')))).toBeNull();
  });
});

describe('findIdentifierSpans', () => {
  it("finds a number behind a scraper's escaped spaces, as extraction does", () => {
    const text = 'Bel 07911\\u00a0123456 of 07911<U+00A0>123457';
    const spans = findIdentifierSpans(text, 'body', 'GB');
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      '07911\\u00a0123456',
      '07911<U+00A0>123457',
    ]);
  });
});

describe('findIdentifierSpansAnyRegion', () => {
  it('hides a number written nationally when the ad has no country', () => {
    const text = 'Bel 0647258139 of 0887 123 456, of mail anna@example.org';
    // Without a region the detector reads them as national numbers of unknown country: hidden too.
    expect(
      findIdentifierSpans(text, 'body', undefined).map((s) => text.slice(s.start, s.end)),
    ).toEqual(['0647258139', '0887 123 456', 'anna@example.org']);
    const masked = maskSpans(text, findIdentifierSpansAnyRegion(text, 'body'));
    expect(masked).not.toMatch(/\d{3}/);
    expect(masked).not.toContain('anna@');
    expect(masked.startsWith('Bel ')).toBe(true);
  });

  it('leaves text without identifiers alone', () => {
    const text = 'Nieuw in de stad, 23 jaar, €150 per uur, 10:00 - 22:00';
    expect(findIdentifierSpansAnyRegion(text, 'body')).toEqual([]);
  });
});
