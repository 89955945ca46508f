// The scorer against the default model: evidence levels decide the points, categories are capped,
// an entity counts each sign once however many ads repeat it, a minor is urgent whatever the
// score, every point is a reason, and the same input in any order gives the same result.
import { describe, expect, it } from 'vitest';
import { loadBuiltInLexicons } from '../extract/index.js';
import type { EntityFeatures } from '../link/types.js';
import { loadDefaultModel, ScoreModel as ScoreModelSchema, type ScoreModel } from './model.js';
import { indicatorPoints, isLead, MINOR_AGE_CODE, scoreAd, scoreEntity } from './score.js';
import type { AdScoreInput, ScoredFact, ScoreResult } from './types.js';

const model = loadDefaultModel();

type Ev = 'validated' | 'practitioner' | 'contested';
let offset = 0;
function ind(code: string, category: string, evidence: Ev, weight: number, start?: number) {
  const s = start ?? (offset += 10);
  return {
    kind: 'indicator',
    code,
    category,
    evidence,
    weight,
    explanation: `explanation of ${code}`,
    source: `source of ${code}`,
    span: { field: 'body', start: s, end: s + 5 },
  } satisfies ScoredFact;
}
function age(min: number, start = 0): ScoredFact {
  return {
    kind: 'age',
    min,
    minor: min < 18,
    young: min >= 18 && min <= 21,
    span: { field: 'body', start, end: start + 2 },
  };
}

const realPhotos = () => ind('trust.real_photos', 'trust_language', 'validated', 3);
const satisfaction = () => ind('trust.satisfaction', 'trust_language', 'validated', 3);
const discreet = () => ind('trust.discreet_professional', 'trust_language', 'validated', 2);
const noFake = () => ind('trust.no_fake', 'trust_language', 'validated', 2);
const obfuscated = () => ind('obfuscation.contact', 'obfuscation', 'validated', 3);
const ethnicity = () => ind('ethnicity.specified', 'ethnicity', 'validated', 3);
const newInTown = () => ind('movement.new_in_town', 'movement', 'contested', 0);
const screening = () => ind('screening.client_screening', 'screening', 'contested', 0);
const pluralVoice = () => ind('third_party.plural_voice', 'third_party', 'practitioner', 1.5);
const hotelOnly = () => ind('restricted.hotel_only', 'restricted_movement', 'practitioner', 1.5);
const teen = () => ind('youth.teen', 'possible_minor', 'validated', 3);

function features(over: Partial<EntityFeatures> = {}): EntityFeatures {
  return {
    ads: 1,
    activeAds: 1,
    displayNames: 1,
    statedAges: [],
    cities: 1,
    cities14d: 1,
    postingRatePerWeek: 1,
    phones: 1,
    namesPerNumber: 1,
    templateAds: 0,
    templateEntities: 0,
    languages: ['nl'],
    sharedImages: 0,
    imageEntities: 0,
    obfuscatedContacts: 0,
    firstSeen: '2025-01-01T00:00:00.000Z',
    lastSeen: '2025-01-08T00:00:00.000Z',
    ...over,
  };
}

const ad = (adId: string, ...facts: ScoredFact[]): AdScoreInput => ({ adId, facts });
const sum = (r: ScoreResult) => r.reasons.reduce((s, x) => s + x.points, 0);
const reason = (r: ScoreResult, code: string) => r.reasons.find((x) => x.code === code);

/** A fixed pseudo-random permutation (mulberry32), so "any order" is reproducible. */
function shuffled<T>(list: T[], seed: number): T[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('evidence levels', () => {
  it('scores a contested-only ad 0 but shows its reasons', () => {
    const r = scoreAd(ad('a', newInTown(), screening()), model, 1);
    expect(r.score).toBe(0);
    expect(r.urgent).toBe(false);
    expect(r.reasons.map((x) => [x.code, x.points, x.evidence])).toEqual([
      ['movement.new_in_town', 0, 'contested'],
      ['screening.client_screening', 0, 'contested'],
    ]);
    expect(r.reasons[0]!.why).toMatch(/^Contested: shown, not scored/);
    expect(r.reasons[0]!.hits).toHaveLength(1);
  });

  it('gives every validated lexicon sign more points than every practitioner sign', () => {
    const entries = loadBuiltInLexicons().flatMap((f) => f.entries);
    const pts = (evidence: Ev) =>
      entries
        .filter((e) => e.evidence === evidence)
        .map(
          (e) =>
            indicatorPoints(
              {
                kind: 'indicator',
                code: e.code,
                evidence,
                weight: e.weight,
                span: ind('x.y', 'x', evidence, 0).span,
              },
              model,
            ).points,
        );
    expect(Math.min(...pts('validated'))).toBeGreaterThan(Math.max(...pts('practitioner')));
    expect(Math.max(...pts('contested'))).toBe(0);
    expect(Math.min(...pts('practitioner'))).toBeGreaterThan(0);
  });

  it('scores a validated sign above a practitioner sign of the same lexicon weight', () => {
    const v = scoreAd(ad('a', ind('x.validated', 'ethnicity', 'validated', 2)), model, 1);
    const p = scoreAd(ad('a', ind('x.practitioner', 'third_party', 'practitioner', 2)), model, 1);
    expect(v.score).toBe(12);
    expect(p.score).toBe(8);
    expect(v.reasons[0]!.why).toContain('lexicon weight 2 × 6 = 12 points');
  });

  it('does not score an indicator without an evidence level', () => {
    const f = { ...realPhotos(), evidence: undefined };
    const r = scoreAd(ad('a', f), model, 1);
    expect(r.score).toBe(0);
    expect(r.reasons[0]).toMatchObject({ points: 0, evidence: null });
  });

  it('applies per-code overrides, but never to contested signs', () => {
    const custom: ScoreModel = structuredClone(model);
    custom.indicators.overrides = {
      'third_party.plural_voice': { points: 9, why: 'test override for a practitioner sign' },
      'movement.new_in_town': { points: 20, why: 'test override that must not apply' },
    };
    const r = scoreAd(ad('a', pluralVoice(), newInTown()), custom, 2);
    expect(reason(r, 'third_party.plural_voice')).toMatchObject({ points: 9 });
    expect(reason(r, 'third_party.plural_voice')!.why).toContain('test override');
    expect(reason(r, 'movement.new_in_town')).toMatchObject({ points: 0 });
    expect(r.score).toBe(9);
    expect(r.modelVersion).toBe(2);
  });
});

describe('counting each sign once, and caps', () => {
  it('counts a code once per ad however often it occurs, quoting each place', () => {
    const r = scoreAd(ad('a', realPhotos(), realPhotos(), realPhotos()), model, 1);
    expect(r.score).toBe(18);
    expect(r.reasons).toHaveLength(1);
    expect(r.reasons[0]!.hits).toHaveLength(3);
    expect(r.reasons[0]!.label).toContain('found 3 times');
  });

  it('quotes at most maxHits spans, taking ads in turn', () => {
    const ads = ['a3', 'a1', 'a2'].map((id) => ad(id, realPhotos(), realPhotos(), realPhotos()));
    const r = scoreEntity({ ads, features: features({ ads: 3 }) }, model, 1);
    const hits = r.reasons[0]!.hits!;
    expect(hits).toHaveLength(model.indicators.maxHits);
    expect(hits.map((h) => h.adId)).toEqual(['a1', 'a2', 'a3', 'a1', 'a2']);
  });

  it('caps a category so synonyms of one sign do not add up, and says so', () => {
    const r = scoreAd(ad('a', realPhotos(), satisfaction(), discreet(), noFake()), model, 1);
    const cap = model.indicators.categoryCaps.trust_language!.cap;
    expect(r.score).toBe(cap);
    expect(sum(r)).toBe(r.score);
    const cut = r.reasons.filter((x) => x.uncapped !== undefined);
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) {
      expect(c.points).toBeLessThan(c.uncapped!);
      expect(c.why).toMatch(/^Cut from \d+ to \d+: trust_language signs count at most 24 points/);
    }
    // The strongest sign keeps its points; the weaker ones give way, alphabetically among equals.
    expect(reason(r, 'trust.real_photos')).toMatchObject({ points: 18 });
    expect(reason(r, 'trust.satisfaction')).toMatchObject({ points: 6, uncapped: 18 });
    expect(reason(r, 'trust.discreet_professional')).toMatchObject({ points: 0, uncapped: 12 });
  });

  it('adds different categories together', () => {
    const r = scoreAd(ad('a', realPhotos(), obfuscated(), pluralVoice()), model, 1);
    expect(r.score).toBe(18 + 18 + 6);
    expect(r.flags).toEqual(['obfuscation', 'third_party']);
  });

  it('stops at 100 with the reasons adding up to exactly the score', () => {
    const loud: ScoreModel = structuredClone(model);
    loud.features = loud.features.map((f) => ({
      ...f,
      tiers: f.tiers.map((t) => ({ ...t, points: f.evidence === 'contested' ? 0 : 40 })),
    }));
    const facts = [realPhotos(), obfuscated(), ethnicity(), pluralVoice(), hotelOnly()];
    const r = scoreEntity(
      {
        ads: [ad('a', ...facts)],
        features: features({ namesPerNumber: 5, templateEntities: 5, imageEntities: 3 }),
      },
      loud,
      1,
    );
    expect(r.score).toBe(100);
    expect(sum(r)).toBe(100);
    const cut = r.reasons.filter((x) => x.why.includes('a score stops at 100'));
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(c.uncapped).toBeGreaterThan(c.points);
  });

  it('does not grow an entity with duplicate ads', () => {
    const facts = () => [realPhotos(), obfuscated(), pluralVoice(), newInTown()];
    const one = scoreEntity({ ads: [ad('a0', ...facts())], features: features() }, model, 1);
    const ads = Array.from({ length: 8 }, (_, i) => ad(`a${i}`, ...facts()));
    const many = scoreEntity({ ads, features: features({ ads: 8 }) }, model, 1);
    expect(many.score).toBe(one.score);
    expect(many.reasons.map((x) => [x.code, x.points])).toEqual(
      one.reasons.map((x) => [x.code, x.points]),
    );
    expect(reason(many, 'trust.real_photos')!.label).toContain('(8 of 8 ads)');
    expect(reason(many, 'trust.real_photos')!.why).toContain('Counted once for the entity');
    expect(reason(many, 'trust.real_photos')!.labelText).toEqual([
      { key: 'indicators.trust.real_photos', text: { en: expect.any(String) as string } },
      { key: 'label.ofAds', params: { ads: 8, total: 8 } },
    ]);
    expect(reason(many, 'trust.real_photos')!.whyText!.map((p) => p.key)).toEqual([
      'why.validated',
      undefined,
      'why.entityOnce',
      undefined,
    ]);
  });

  it('takes the best hit of a code across ads', () => {
    const weak = { ...pluralVoice(), weight: 0.5 };
    const r = scoreEntity(
      { ads: [ad('a', weak), ad('b', pluralVoice())], features: features({ ads: 2 }) },
      model,
      1,
    );
    expect(reason(r, 'third_party.plural_voice')).toMatchObject({ points: 6 });
    expect(reason(r, 'third_party.plural_voice')!.hits!.map((h) => h.adId)).toEqual(['a', 'b']);
  });
});

describe('urgent', () => {
  it('makes a stated minor urgent with a low score', () => {
    const r = scoreAd(ad('a', age(16)), model, 1);
    expect(r.urgent).toBe(true);
    expect(r.score).toBe(0);
    expect(r.flags).toEqual(['urgent']);
    expect(r.reasons[0]).toMatchObject({
      code: MINOR_AGE_CODE,
      points: 0,
      urgent: true,
      label: 'Stated age under 18 (16)',
    });
    expect(isLead(r, model)).toBe(true);
  });

  it('makes youthful language urgent, and marks the reason', () => {
    const r = scoreAd(ad('a', teen()), model, 1);
    expect(r).toMatchObject({ urgent: true, score: 18 });
    expect(reason(r, 'youth.teen')).toMatchObject({ urgent: true });
  });

  it('explains a minor once when the derived indicator rests on the same age', () => {
    const a = age(17, 40);
    const derived = {
      ...ind('age.minor_stated', 'possible_minor', 'practitioner', 2),
      span: a.span,
    };
    const r = scoreAd(ad('a', a, derived), model, 1);
    expect(r.urgent).toBe(true);
    expect(r.reasons.map((x) => x.code)).toEqual(['age.minor_stated']);
    expect(r.reasons[0]).toMatchObject({ points: 8, urgent: true });
  });

  it('keeps 18–19 young but not urgent, and never lets a contested sign make it urgent', () => {
    const a = age(19, 40);
    const r = scoreAd(
      ad(
        'a',
        a,
        { ...ind('age.18_19', 'possible_minor', 'practitioner', 1), span: a.span },
        { ...ind('age.under_23', 'possible_minor', 'contested', 0), span: a.span },
      ),
      model,
      1,
    );
    expect(r.urgent).toBe(false);
    expect(r.flags).toEqual(['young']);
    expect(r.score).toBe(4);
    expect(r.reasons.some((x) => x.urgent)).toBe(false);
  });

  it('makes an entity urgent if any of its ads is', () => {
    const r = scoreEntity(
      { ads: [ad('a', realPhotos()), ad('b', age(15))], features: features({ ads: 2 }) },
      model,
      1,
    );
    expect(r.urgent).toBe(true);
    expect(r.flags[0]).toBe('urgent');
  });
});

describe('entity features', () => {
  it('scores feature rules by tier, with the value and the reasoning', () => {
    const r = scoreEntity(
      {
        ads: [ad('a')],
        features: features({
          namesPerNumber: 2,
          templateEntities: 5,
          imageEntities: 1,
          cities14d: 3,
          statedAges: [19, 22, 22],
          postingRatePerWeek: 40,
          obfuscatedContacts: 3,
        }),
      },
      model,
      1,
    );
    expect(reason(r, 'namesPerNumber')).toMatchObject({
      kind: 'feature',
      points: 12,
      value: 2,
      evidence: 'practitioner',
      label: 'One number used for 2 different names',
    });
    expect(reason(r, 'namesPerNumber')!.why).toMatch(/^2 ≥ 2: 12 points\. /);
    // The same texts as parts the console translates: a catalogue message and the model's text.
    expect(reason(r, 'namesPerNumber')!.labelText).toEqual([
      {
        text: {
          en: 'One number used for {value} different names',
          nl: 'Eén nummer gebruikt voor {value} verschillende namen',
        },
        params: { value: 2, items: '' },
      },
    ]);
    expect(reason(r, 'namesPerNumber')!.whyText![0]).toEqual({
      key: 'why.feature',
      params: { value: 2, atLeast: 2, points: 12 },
    });
    expect(reason(r, 'namesPerNumber')!.whyText![1]!.text!.nl).toMatch(/^Eén telefoonnummer/);
    expect(reason(r, 'templateEntities')).toMatchObject({ points: 15, value: 5 });
    expect(reason(r, 'imageEntities')).toMatchObject({ points: 8 });
    expect(reason(r, 'cities14d')).toMatchObject({ points: 8 });
    expect(reason(r, 'statedAges')).toMatchObject({
      points: 4,
      value: 2,
      label: '2 different stated ages (19, 22)',
    });
    expect(reason(r, 'postingRatePerWeek')).toMatchObject({ points: 8, value: 40 });
    // Obfuscation is validated but scored through its indicator; the feature only shows and flags.
    expect(reason(r, 'obfuscatedContacts')).toMatchObject({
      points: 0,
      evidence: 'validated',
      value: 3,
    });
    expect(r.score).toBe(12 + 15 + 8 + 8 + 4 + 8);
    expect(sum(r)).toBe(r.score);
    expect(r.flags).toEqual([
      'obfuscation',
      'shared_number',
      'template',
      'image_reuse',
      'moving',
      'multiple_ages',
      'high_volume',
    ]);
  });

  it('shows no feature reason below its threshold', () => {
    const r = scoreEntity(
      { ads: [ad('a')], features: features({ templateEntities: 1, cities14d: 2 }) },
      model,
      1,
    );
    expect(r.reasons).toEqual([]);
    expect(r.flags).toEqual([]);
    expect(r.score).toBe(0);
  });

  it('makes a lead from one validated sign with a shared number, not from the sign alone', () => {
    const alone = scoreEntity({ ads: [ad('a', obfuscated())], features: features() }, model, 1);
    const shared = scoreEntity(
      { ads: [ad('a', obfuscated())], features: features({ namesPerNumber: 2 }) },
      model,
      1,
    );
    expect(isLead(alone, model)).toBe(false);
    expect(isLead(shared, model)).toBe(true);
  });
});

describe('determinism', () => {
  it('gives the same result for the same evidence in any order', () => {
    const ads = [
      ad('b1', realPhotos(), newInTown(), pluralVoice(), age(19, 3)),
      ad('a7', satisfaction(), obfuscated(), realPhotos(), hotelOnly()),
      ad('c3', discreet(), ethnicity(), teen(), age(17, 1)),
      ad('a2', noFake(), obfuscated(), screening()),
    ];
    const f = features({ ads: 4, namesPerNumber: 3, statedAges: [22, 17, 19], cities14d: 4 });
    const first = scoreEntity({ ads, features: f }, model, 3);
    for (let seed = 1; seed <= 20; seed++) {
      const again = scoreEntity(
        {
          ads: shuffled(ads, seed).map((a) => ({ ...a, facts: shuffled(a.facts, seed * 7) })),
          features: { ...f, statedAges: shuffled(f.statedAges, seed) },
        },
        model,
        3,
      );
      expect(again).toEqual(first);
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
    }
    expect(sum(first)).toBe(first.score);
    expect(first.reasons.map((x) => x.points)).toEqual(
      [...first.reasons.map((x) => x.points)].sort((a, b) => b - a),
    );
  });

  it('keeps every reason traceable: points add up, scores are whole numbers in 0–100', () => {
    const all = [
      realPhotos(),
      satisfaction(),
      discreet(),
      obfuscated(),
      ethnicity(),
      pluralVoice(),
      hotelOnly(),
      teen(),
      newInTown(),
    ];
    for (let n = 0; n <= all.length; n++) {
      const r = scoreAd(ad('a', ...all.slice(0, n)), model, 1);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(sum(r)).toBe(r.score);
      for (const x of r.reasons) expect(x.why.length).toBeGreaterThan(10);
    }
  });
});

describe('site boilerplate', () => {
  // Every body span of ind() falls inside; the title is the advertiser's own.
  const footer = { field: 'body', start: 0, end: 1e9 };
  const inFooter = (adId: string, ...facts: ScoredFact[]): AdScoreInput => ({
    adId,
    facts,
    boilerplate: [footer],
  });

  it('scores nothing for signs in the site’s boilerplate, shows them and says why', () => {
    const r = scoreAd(inFooter('a1', realPhotos(), pluralVoice()), model, 1);
    expect(r.score).toBe(0);
    const trust = reason(r, 'trust.real_photos')!;
    expect(trust.points).toBe(0);
    expect(trust.boilerplate).toBe(true);
    expect(trust.why).toContain('site boilerplate');
    expect(trust.whyText?.[0]).toMatchObject({ key: 'why.boilerplate' });
    expect(trust.whyText?.[1]?.text?.nl).toBeTruthy();
    expect(r.flags).toEqual([]);
  });

  it('counts the same sign in the advertiser’s own words', () => {
    const own = {
      ...ind('trust.real_photos', 'trust_language', 'validated', 3),
      span: { field: 'title', start: 0, end: 5 },
    };
    const r = scoreAd(inFooter('a1', realPhotos(), own), model, 1);
    const trust = reason(r, 'trust.real_photos')!;
    expect(trust.points).toBe(indicatorPoints(own, model).points);
    expect(trust.points).toBeGreaterThan(0);
    expect(trust.boilerplate).toBeUndefined();
  });

  it('gives entities whose only signs are the site’s the same score as no signs at all', () => {
    const entities = [
      [inFooter('a1', realPhotos(), pluralVoice())],
      [inFooter('b1', realPhotos()), inFooter('b2', pluralVoice(), noFake())],
      [ad('c1')],
    ].map((ads) => scoreEntity({ ads, features: features() }, model, 1).score);
    expect(new Set(entities).size).toBe(1);
  });

  it('is never urgent from the site’s text, but a stated minor age is urgent anywhere', () => {
    expect(scoreAd(inFooter('a1', teen()), model, 1).urgent).toBe(false);
    expect(scoreAd(inFooter('a1', age(16, 10)), model, 1).urgent).toBe(true);
  });

  it('follows the model’s factor, and models without the rule get factor 0', () => {
    const half: ScoreModel = { ...model, boilerplate: { ...model.boilerplate, factor: 0.5 } };
    const full = indicatorPoints(realPhotos(), model).points;
    expect(indicatorPoints(realPhotos(), half, true).points).toBe(Math.round(full * 0.5));
    const { boilerplate: _omit, ...older } = model;
    const parsed = ScoreModelSchema.parse(older);
    expect(parsed.boilerplate.factor).toBe(0);
    const why = parsed.boilerplate.why;
    expect(typeof why === 'object' && why.nl ? why.nl.length : 0).toBeGreaterThan(20);
  });
});
