// Indicator hits: negation before and after, one fact per sign when several languages match the
// same words, the signs derived from phones, ages and prices, and weak signs of criminal
// recruitment set aside in an ad that reads as a real vacancy.
import { describe, expect, it } from 'vitest';
import { extractAll } from './extract.js';
import { deriveIndicators, extractIndicators } from './indicators.js';
import { defaultRuleSet } from './rules.js';
import { tokenize } from './text.js';

const codes = (text: string, adLanguage: string | null = null) => {
  const result = extractIndicators(text, tokenize(text), defaultRuleSet(), {
    field: 'body',
    adLanguage,
  });
  return {
    hits: result.facts.map((f) => f.code),
    negated: result.negated.map((n) => `${n.fact.value}/${n.by}`),
  };
};

describe('indicators', () => {
  it('cancels a negatable sign by a negation before or after it', () => {
    expect(codes('Geen minderjarigen!', 'nl')).toEqual({
      hits: [],
      negated: ['youth.underage_terms/geen'],
    });
    expect(codes('Minderjarigen verboden', 'nl')).toEqual({
      hits: [],
      negated: ['youth.underage_terms/verboden'],
    });
    expect(codes('Kiskorúak nem', 'hu')).toEqual({
      hits: [],
      negated: ['youth.underage_terms/nem'],
    });
    expect(codes('teens not allowed', 'en').hits).toEqual([]);
  });
  it('keeps signs that are not negatable, and counts each sign once', () => {
    expect(codes('Beschikbaar 24/7, geen haast', 'nl').hits).toEqual([
      'available.always',
      'restricted.no_rush',
    ]);
    const multi = extractIndicators('24/7', tokenize('24/7'), defaultRuleSet(), {
      field: 'body',
      adLanguage: 'de',
    });
    expect(multi.facts).toHaveLength(1);
    expect(multi.facts[0]?.language).toBe('de');
  });
  it('carries evidence, weight, explanation and source on every hit', () => {
    const [fact] = extractIndicators('new in town', tokenize('new in town'), defaultRuleSet(), {
      field: 'body',
      adLanguage: 'en',
    }).facts;
    expect(fact).toMatchObject({ code: 'movement.new_in_town', evidence: 'contested', weight: 0 });
    expect(fact?.explanation.length).toBeGreaterThan(10);
    expect(fact?.source).toMatch(/Lugo-Graulich/);
  });
  it('derives signs from other facts', () => {
    const result = extractAll({
      body: 'Ik ben 16 jaar. 30 min €25. Bel O6 48 27 l9 35',
      country: 'NL',
    });
    const derived = deriveIndicators(result.facts.filter((f) => f.kind !== 'indicator')).map(
      (f) => f.code,
    );
    expect(derived).toEqual([
      'age.minor_stated',
      'age.under_23',
      'price.very_low',
      'obfuscation.contact',
    ]);
  });

  describe('a real vacancy', () => {
    const crime = (body: string) => {
      const r = extractAll({ body, country: 'NL' });
      return {
        kept: r.facts.flatMap((f) => (f.kind === 'indicator' ? [f.code] : [])),
        aside: r.suppressed
          .filter((s) => s.reason === 'legitimate_context')
          .map((s) => s.fact.value),
      };
    };

    it('sets weak signs aside when two marks of a real job meet', () => {
      const r = crime('Koeriers gezocht, geen ervaring nodig, €14,50 per uur, cao');
      expect(r.kept).toEqual([]);
      expect(r.aside.sort()).toEqual([
        'crime.drug_running',
        'crime.no_questions',
        'price.very_low',
      ]);
    });

    it('keeps them with one mark only, or a negated one', () => {
      expect(crime('Koeriers gezocht, geen ervaring nodig, contract').kept).toContain(
        'crime.drug_running',
      );
      expect(crime('Koeriers gezocht, geen contract, geen cao, dm').kept).toEqual([
        'crime.drug_running',
        'crime.private_app',
      ]);
    });

    it('keeps every crime sign when a strong one is present (the wage stays a wage)', () => {
      const r = crime(
        'Koeriers gezocht, €14 per uur, cao, contract. Lever je bankpas en pincode in',
      );
      expect(r.kept).toEqual(['crime.drug_running', 'crime.account_lending']);
      expect(r.aside).toEqual(['price.very_low']);
    });

    it('does not touch signs of sexual exploitation', () => {
      const r = crime('Echte foto’s, zonder condoom. Contract, cao, KvK');
      expect(r.kept).toEqual(['trust.real_photos', 'unsafe.without_condom']);
    });
  });
});
