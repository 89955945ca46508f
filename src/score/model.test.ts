// The score model's schema: the shipped v1 is valid and follows INDICATORS.md; models that break
// the evidence rules or are malformed are refused with a message that names the field.
import { describe, expect, it } from 'vitest';
import { loadBuiltInLexicons } from '../extract/index.js';
import { DERIVED_INDICATORS } from '../extract/index.js';
import { loadDefaultModel, parseScoreModel, ScoreModel, textIn } from './model.js';

const v1 = loadDefaultModel();

/** v1 with one change applied to a deep copy. */
function variant(change: (m: Record<string, unknown> & ScoreModel) => void): unknown {
  const m = structuredClone(v1) as Record<string, unknown> & ScoreModel;
  change(m);
  return m;
}

function issuesOf(input: unknown) {
  const r = parseScoreModel(input);
  if (r.ok) throw new Error('expected the model to be refused');
  return r.issues;
}

describe('score model v1', () => {
  it('validates', () => {
    expect(ScoreModel.safeParse(v1).success).toBe(true);
    expect(v1.name).toBe('score model v1');
    expect(v1.indicators.evidenceFactors.contested.factor).toBe(0);
  });

  it('gives every weight its reasoning', () => {
    const whys = [
      ...Object.values(v1.indicators.evidenceFactors).map((f) => f.why),
      ...Object.values(v1.indicators.categoryCaps).map((c) => c.why),
      v1.indicators.defaultCap.why,
      v1.indicators.entityAggregation.why,
      ...v1.features.map((f) => f.why),
      ...v1.urgent.exceptCodes.map((x) => x.why),
      v1.urgent.why,
      v1.leadThresholdWhy,
    ];
    for (const why of whys) expect(textIn(why).length).toBeGreaterThan(40);
  });

  it('writes every reasoning and label in English and Dutch', () => {
    const texts = [
      ...Object.values(v1.indicators.evidenceFactors).map((f) => f.why),
      ...Object.values(v1.indicators.categoryCaps).map((c) => c.why),
      v1.indicators.defaultCap.why,
      v1.indicators.entityAggregation.why,
      ...v1.features.flatMap((f) => [f.why, f.label]),
      ...v1.urgent.exceptCodes.map((x) => x.why),
      v1.urgent.why,
      v1.leadThresholdWhy,
    ];
    for (const text of texts) {
      expect(typeof text === 'object' && text.nl ? text.nl.length : 0).toBeGreaterThan(3);
      expect(textIn(text, 'nl')).not.toBe(textIn(text, 'en'));
    }
  });

  it('takes a model text as a plain string or per language, English required', () => {
    const m = structuredClone(v1) as unknown as { leadThresholdWhy: unknown };
    m.leadThresholdWhy = 'Plain English reasoning that is long enough.';
    expect(parseScoreModel(m).ok).toBe(true);
    m.leadThresholdWhy = { nl: 'Alleen Nederlands, lang genoeg om te tellen.' };
    expect(parseScoreModel(m).ok).toBe(false);
    m.leadThresholdWhy = {
      en: 'English reasoning that is long enough.',
      de: 'Deutsch, lang genug hier.',
    };
    expect(parseScoreModel(m).ok).toBe(false);
  });

  it('refers only to codes and categories extraction produces', () => {
    const known = new Set([
      ...loadBuiltInLexicons().flatMap((f) => f.entries.map((e) => e.code)),
      ...Object.values(DERIVED_INDICATORS).map((d) => d.code),
    ]);
    const referenced = [
      ...Object.keys(v1.indicators.overrides),
      ...v1.urgent.exceptCodes.map((x) => x.code),
    ];
    for (const code of referenced) expect(known, code).toContain(code);
  });

  it('scores obfuscation as the validated sign it is, once', () => {
    expect(DERIVED_INDICATORS.obfuscation.evidence).toBe('validated');
    const rule = v1.features.find((f) => f.feature === 'obfuscatedContacts')!;
    expect(rule.evidence).toBe('validated');
    expect(rule.flag).toBe('obfuscation');
    expect(rule.tiers.every((t) => t.points === 0)).toBe(true);
  });

  it('covers the entity signals of INDICATORS.md', () => {
    expect(v1.features.map((f) => f.feature).sort()).toEqual(
      [
        'cities14d',
        'imageEntities',
        'namesPerNumber',
        'obfuscatedContacts',
        'postingRatePerWeek',
        'statedAges',
        'templateEntities',
      ].sort(),
    );
  });
});

describe('refused models', () => {
  it('refuses points for contested indicators', () => {
    const issues = issuesOf(
      variant((m) => {
        (m.indicators.evidenceFactors.contested as { factor: number }).factor = 2;
      }),
    );
    expect(issues).toContainEqual({
      path: 'indicators.evidenceFactors.contested.factor',
      message: expect.stringContaining('contested indicators are shown, never scored') as string,
    });
  });

  it('refuses practitioner signs weighing more than validated ones', () => {
    const issues = issuesOf(
      variant((m) => {
        m.indicators.evidenceFactors.practitioner.factor = 8;
      }),
    );
    expect(issues[0]!.path).toBe('indicators.evidenceFactors.validated.factor');
    expect(issues[0]!.message).toContain('validated indicators must weigh at least as much');
  });

  it('refuses a weight without its reasoning', () => {
    const issues = issuesOf(
      variant((m) => {
        m.features[0]!.why = 'because';
      }),
    );
    expect(issues).toEqual([
      {
        path: 'features.0.why',
        message: expect.stringContaining('explain the reasoning') as string,
      },
    ]);
  });

  it('refuses feature rules that do not make sense', () => {
    const issues = issuesOf(
      variant((m) => {
        m.features[0]!.tiers = [
          { atLeast: 4, points: 12 },
          { atLeast: 2, points: 6 },
        ];
        m.features[1]!.measure = 'distinct';
        m.features[2]!.evidence = 'contested';
        m.features.push(structuredClone(m.features[3]!));
      }),
    );
    const messages = issues.map((i) => `${i.path}: ${i.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        'features.0.tiers.1.atLeast: thresholds must rise from tier to tier',
        'features.0.tiers.1.points: a higher threshold cannot give fewer points',
        'features.1.measure: templateEntities is a number: measure it with "value"',
        expect.stringMatching(/^features\.2\.tiers\.0\.points: contested signals are shown/),
        'features.7.feature: one rule per feature: cities14d appears twice (use tiers)',
      ]),
    );
  });

  it('refuses a model that would not make minors urgent', () => {
    const issues = issuesOf(
      variant((m) => {
        (m.urgent as { minorAge: boolean }).minorAge = false;
        m.urgent.categories = ['trust_language'];
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual(['urgent.categories', 'urgent.minorAge']);
  });

  it('refuses unknown fields, bad codes, flags and thresholds, naming each', () => {
    const issues = issuesOf(
      variant((m) => {
        m.extra = true;
        m.indicators.overrides = { 'Not A Code': { points: 3, why: 'a reason long enough here' } };
        m.categoryFlags = { obfuscation: 'urgent' as never };
        m.leadThreshold = 0;
        m.indicators.defaultCap.cap = 7.5;
      }),
    );
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '(model)',
        'indicators.overrides.Not A Code',
        'categoryFlags.obfuscation',
        'leadThreshold',
        'indicators.defaultCap.cap',
      ]),
    );
    expect(issues.find((i) => i.path === '(model)')!.message).toContain('extra');
    expect(issues.find((i) => i.path === 'indicators.defaultCap.cap')!.message).toContain('whole');
  });

  it('refuses something that is not a model at all', () => {
    expect(issuesOf(null)[0]!.path).toBe('(model)');
    expect(issuesOf({ format: 'other' }).map((i) => i.path)).toContain('format');
  });
});
