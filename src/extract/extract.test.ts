// extractAll end to end: the result schema the API and CLI return, evidence spans on the original
// text of every field, structured fields, truncation, and garbage input that must not throw.
import { describe, expect, it } from 'vitest';
import { extractAll } from './extract.js';
import { ExtractionResult, type SpanField } from './schema.js';
import { FIELD_CAP } from './text.js';

const ad = {
  title: 'NIEUW in Den Haag ❤️ Lisa 19 jaar',
  body:
    "Hoi schatjes! Ik ben Lisa, net 18 geworden, 100% echte foto's.\n" +
    'Privé ontvangst en hotelbezoek, 24/7 beschikbaar.\n30 min €80, 1 uur €120.\n' +
    'Bel of app: nul zes 48 27 19 35 of mail lisa [at] example [punt] nl\n' +
    'Spreek Nederlands en Engels. Geen minderjarigen!',
  fields: { city: 'Den Haag', age: '19', phone: '06-48271935', price: '120', displayName: 'Lisa' },
  country: 'NL',
  postedAt: '2025-05-01T12:00:00Z',
};

describe('extractAll', () => {
  const result = extractAll(ad);

  it('returns the published result shape', () => {
    expect(ExtractionResult.safeParse(result).success).toBe(true);
    expect(result.language).toBe('nl');
    expect(result.truncated).toBe(false);
  });

  it('points every fact at the original characters of its field', () => {
    const texts: Record<SpanField, string> = {
      title: ad.title,
      body: ad.body,
      phone: ad.fields.phone,
      age: ad.fields.age,
      price: ad.fields.price,
      city: ad.fields.city,
      displayName: ad.fields.displayName,
    };
    for (const f of result.facts) {
      if (f.kind === 'language') continue; // spans the whole text; raw is an excerpt
      expect(texts[f.span.field].slice(f.span.start, f.span.end), `${f.kind} ${f.rule}`).toBe(
        f.raw,
      );
      expect(f.rule.length).toBeGreaterThan(0);
    }
  });

  it('finds each kind of fact with its evidence', () => {
    const by = (kind: string) =>
      result.facts.filter((f) => f.kind === kind).map((f) => `${f.span.field}:${f.value}`);
    expect(by('phone')).toEqual(['body:+31648271935', 'phone:+31648271935']);
    expect(by('email')).toEqual(['body:lisa@example.nl']);
    expect(by('messenger')).toEqual(['body:whatsapp:+31648271935']);
    expect(by('age')).toEqual(['title:19', 'age:19']);
    expect(by('price')).toEqual(['body:80 EUR/30min', 'body:120 EUR/60min', 'price:120 EUR']);
    expect(by('place')).toEqual(["title:'s-Gravenhage", "city:'s-Gravenhage"]);
    expect(by('location_type')).toEqual(['body:incall', 'body:hotel']);
    expect(by('spoken_language')).toEqual(['body:nl', 'body:en']);
    const codes = result.facts.flatMap((f) => (f.kind === 'indicator' ? [f.code] : []));
    expect(codes).toEqual(
      expect.arrayContaining([
        'youth.barely_legal',
        'trust.real_photos',
        'available.always',
        'obfuscation.contact',
        'age.18_19',
        'age.under_23',
      ]),
    );
  });

  it('records obfuscation on the phone and as a validated indicator', () => {
    const phone = result.facts.find((f) => f.kind === 'phone' && f.span.field === 'body');
    expect(phone).toMatchObject({ obfuscated: true, obfuscation: ['words'] });
    const sign = result.facts.find(
      (f) => f.kind === 'indicator' && f.code === 'obfuscation.contact',
    );
    expect(sign).toMatchObject({ evidence: 'validated', weight: 3, raw: 'nul zes 48 27 19 35' });
  });

  it('shows negated signs as suppressed, with the word that negated them', () => {
    expect(result.suppressed.map((s) => [s.reason, s.by, s.fact.value])).toEqual([
      ['negated', 'geen', 'youth.underage_terms'],
    ]);
  });

  it('is deterministic', () => {
    expect(extractAll(ad)).toEqual(result);
  });

  it('processes over-long fields up to the cap and says so', () => {
    const long = `${'x '.repeat(FIELD_CAP)} 06 48271935`;
    const r = extractAll({ body: long, title: 'ok', country: 'NL' });
    expect(r.truncated).toBe(true);
    expect(r.truncatedFields).toEqual(['body']);
    expect(r.facts.some((f) => f.kind === 'phone')).toBe(false);
  });

  it('never throws on garbage input', () => {
    const garbage: unknown[] = [
      null,
      undefined,
      42,
      'text',
      [],
      { body: 7 },
      { body: null, fields: 'x' },
      { body: '', country: '🇳🇱' },
    ];
    for (const g of garbage) {
      expect(() => extractAll(g as never)).not.toThrow();
      expect(ExtractionResult.safeParse(extractAll(g as never)).success).toBe(true);
    }
  });
});
