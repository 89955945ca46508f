// Indicator hits: negation before and after, one fact per sign when several languages match the
// same words, the signs derived from phones, ages and prices, and weak signs of criminal
// recruitment set aside in an ad that reads as a real vacancy or a warning, words that are a sign
// only in a recruitment context, and look-alike digits read as letters.
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

    it('sets aside how a vacancy ends ("bel ons", "contact us"), not "onze meiden"', () => {
      const r = crime('Vakkenvuller, contract, cao. Vragen? Bel ons of mail ons team.');
      expect(r.kept).toEqual([]);
      expect(r.aside).toEqual(['third_party.plural_voice', 'third_party.plural_voice']);
      expect(crime('Bel ons, onze meiden wachten. Contract, cao').kept).toEqual([
        'third_party.plural_voice',
      ]);
      // Without the marks of a vacancy "bel ons" is still a third party's voice.
      expect(crime('Bel ons voor een afspraak').kept).toEqual(['third_party.plural_voice']);
    });

    it('reads hours of work as no availability at all hours', () => {
      expect(crime('Contract voor 24 uur per week').kept).toEqual([]);
      expect(crime('You get a contract for 24 hours a week').kept).toEqual([]);
      expect(crime('Beschikbaar 24 uur per dag').kept).toEqual(['available.always']);
      expect(crime('Available 24hrs').kept).toEqual(['available.always']);
    });

    it('reads a wage per hour beside a word of work as a wage, in chatter too', () => {
      expect(crime('Mijn bijbaan betaalt € 12,50 per uur, beter dan niks').kept).toEqual([]);
      expect(crime('My cafe job pays £11.50 an hour').kept).toEqual([]);
      // The same rate with no word of work stays a very low price.
      expect(crime('Ontspannen massage, € 12,50 per uur').kept).toEqual(['price.very_low']);
    });

    it('does not touch signs of sexual exploitation', () => {
      const r = crime('Echte foto’s, zonder condoom. Contract, cao, KvK');
      expect(r.kept).toEqual(['trust.real_photos', 'unsafe.without_condom']);
    });
  });

  describe('a question aimed at school pupils', () => {
    const read = (body: string) => {
      const r = extractAll({ body, country: 'NL' });
      return {
        codes: r.facts.flatMap((f) => (f.kind === 'indicator' ? [f.code] : [])),
        minor: r.facts.some((f) => f.kind === 'age' && f.minor),
      };
    };

    it('reads "nog op school?" in a recruitment post as targeting the young, not a minor', () => {
      expect(read('Zit je nog op school? Snel geld verdienen na school').codes).toEqual([
        'crime.targets_young',
        'crime.easy_money',
      ]);
      expect(read('Still in school? Runners needed in town').codes).toEqual([
        'crime.targets_young',
        'crime.drug_running',
      ]);
    });

    it('keeps schoolgirl language in a sex ad, and a stated minor age anywhere', () => {
      expect(read('Ondeugend schoolmeisje, zit nog op school, echte foto’s').codes).toEqual([
        'youth.schoolgirl',
        'youth.schoolgirl',
        'trust.real_photos',
      ]);
      const stated = read('Ik ben 16, zit je nog op school? Snel geld verdienen');
      expect(stated.codes).toContain('age.minor_stated');
      expect(stated.codes).not.toContain('youth.schoolgirl');
      expect(stated.minor).toBe(true);
    });
  });

  describe('criminal recruitment in context', () => {
    const read = (body: string, country = 'NL') => {
      const r = extractAll({ body, country });
      return {
        kept: r.facts.flatMap((f) => (f.kind === 'indicator' ? [f.code] : [])),
        warned: r.suppressed
          .filter((s) => s.reason === 'warning_context')
          .map((s) => `${s.fact.value}/${s.by}`),
      };
    };

    it('sets aside the bait a warning quotes, in its sentence and the next, with its reason', () => {
      expect(read('Snel geld bestaat niet. Je rekening verhuren is strafbaar')).toEqual({
        kept: [],
        warned: ['crime.easy_money/bestaat niet', 'crime.account_lending/is strafbaar'],
      });
      expect(
        read("Don't become a money mule: quick cash for your card is a scam", 'GB').kept,
      ).toEqual([]);
    });

    it('sets aside a sentence after the warning that has no mark of its own', () => {
      expect(read('Trap er niet in! Bankpas uitlenen voor 500 per dag').warned).toEqual([
        'crime.account_lending/Trap er niet in',
        'crime.easy_money/Trap er niet in',
      ]);
    });

    it("reads a recruiter's reassurance as no warning", () => {
      expect(read("Easy money, you won't get caught", 'GB').kept).toEqual(['crime.easy_money']);
      expect(read('Snel geld, niemand wordt gepakt').kept).toEqual(['crime.easy_money']);
    });

    it('keeps the bait where the warning is far away or absent', () => {
      // A warning word two sentences back says nothing about this sentence.
      const r = read('Pas op voor oplichters. Wij zijn betrouwbaar. Snel geld, bankpas uitlenen');
      expect(r.kept).toEqual(expect.arrayContaining(['crime.easy_money', 'crime.account_lending']));
      expect(r.warned).toEqual([]);
    });

    it('reads "16+" and a bare "dm" as signs only in a recruitment context', () => {
      expect(read('Nieuwe film, 16+, kaartjes via de website').kept).toEqual([]);
      expect(read('Festival, 16+ only, bring ID. DM me', 'GB').kept).toEqual([]);
      expect(read('Jongens 16+ gezocht voor klusjes').kept).toContain('crime.targets_young');
      // Another criminal sign anywhere in the ad is context enough.
      expect(read('Snelle cash! Dm voor info').kept).toEqual([
        'crime.easy_money',
        'crime.private_app',
      ]);
      // A named private app is a move away from the platform in itself.
      expect(read('Add me on snap for details', 'GB').kept).toEqual(['crime.private_app']);
    });

    it('reads paid travel in general words as criminal only beside a criminal sign', () => {
      // "Girls wanted … travel paid" is how sex-work recruitment reads too (its own sign).
      expect(read('Girls wanted for work abroad, travel paid', 'GB').kept).not.toContain(
        'crime.travel_paid',
      );
      expect(read('Runners wanted, travel paid', 'GB').kept).toEqual([
        'crime.drug_running',
        'recruitment.travel_housing',
        'crime.travel_paid',
      ]);
    });

    it('leaves a sex ad that ends in "dm" without a recruitment sign', () => {
      const r = read('Lieve meid, echte fotos, stuur me een dm');
      expect(r.kept).toEqual(['trust.real_photos']);
    });

    it('reads look-alike digits inside words as letters, pointing at the original characters', () => {
      const r = extractAll({ body: 'Snelle c4sh, b4nkp4s uitlenen', country: 'NL' });
      const facts = r.facts.flatMap((f) => (f.kind === 'indicator' ? [[f.code, f.raw]] : []));
      expect(facts).toEqual([
        ['crime.easy_money', 'Snelle c4sh'],
        ['crime.account_lending', 'b4nkp4s uitlenen'],
      ]);
      // A number at a word's edge stays a number: "1k a day" is not "ik a day".
      expect(read('1k a day', 'GB').kept).toEqual(['crime.easy_money']);
    });
  });
});
