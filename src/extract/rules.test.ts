// Rule sets: a stable version hash, analysts' custom terms, block-lists of false hits per field.
import { describe, expect, it } from 'vitest';
import { extractAll } from './extract.js';
import { buildRuleSet, canonicalJson, defaultRuleSet, globMatch } from './rules.js';

const ad = { body: 'Bel 06 48271935, discreet. Kamer bij de Dom.', country: 'NL' };

describe('rule set versions', () => {
  it('is stable for the same rules and changes when they change', () => {
    const a = buildRuleSet({});
    const b = buildRuleSet({ custom: [], blocklist: [] });
    expect(a.version).toBe(b.version);
    expect(a.version).toBe(defaultRuleSet().version);
    const c = buildRuleSet({ blocklist: [{ kind: 'phone', value: '+31648271935' }] });
    expect(c.version).not.toBe(a.version);
    expect(a.version).toMatch(/^rs-[0-9a-f]{16}$/);
  });
  it('hashes key order away', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(
      canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }),
    );
  });
  it('stamps results with the version', () => {
    const rules = buildRuleSet({});
    expect(extractAll(ad, rules).ruleSetVersion).toBe(rules.version);
  });
});

describe('custom terms', () => {
  it('adds an analyst term as an indicator with its evidence and weight', () => {
    const rules = buildRuleSet({
      custom: [
        {
          code: 'custom.dom_room',
          category: 'restricted_movement',
          patterns: ['kamer bij de dom'],
          explanation: 'Room near the cathedral known from a current case',
        },
      ],
    });
    const hit = extractAll(ad, rules).facts.find(
      (f) => f.kind === 'indicator' && f.code === 'custom.dom_room',
    );
    expect(hit).toMatchObject({
      evidence: 'practitioner',
      weight: 1,
      rule: 'custom:custom.dom_room#0',
      raw: 'Kamer bij de Dom',
    });
  });
  it('refuses invalid terms with every problem listed', () => {
    expect(() =>
      buildRuleSet({
        custom: [
          {
            category: 'movement',
            evidence: 'contested',
            weight: 3,
            patterns: ['(24/7|nonstop)'],
            explanation: 'bad one',
          },
        ],
      }),
    ).toThrow(/weight 3 does not fit evidence contested.*single word/);
  });
});

describe('block-lists', () => {
  it('sets a false hit aside per field and says so, by value or pattern', () => {
    const byValue = buildRuleSet({
      blocklist: [{ kind: 'phone', value: '06 48271935', note: 'our own test line' }],
    });
    const result = extractAll(ad, byValue);
    expect(result.facts.some((f) => f.kind === 'phone')).toBe(false);
    expect(result.suppressed.map((s) => [s.reason, s.by, s.fact.value])).toEqual([
      ['blocklist', 'our own test line', '+31648271935'],
    ]);
    const byPattern = buildRuleSet({
      blocklist: [{ kind: 'indicator', code: 'trust.discreet_professional' }],
    });
    expect(
      extractAll(ad, byPattern).facts.some(
        (f) => f.kind === 'indicator' && f.code === 'trust.discreet_professional',
      ),
    ).toBe(false);
    const otherField = buildRuleSet({
      blocklist: [{ kind: 'phone', field: 'title', pattern: '+3164*' }],
    });
    expect(extractAll(ad, otherField).facts.some((f) => f.kind === 'phone')).toBe(true);
  });
  it('matches globs with * and ?', () => {
    expect(globMatch('+3164*', '+31648271935')).toBe(true);
    expect(globMatch('*@example.??', 'anna@example.nl')).toBe(true);
    expect(globMatch('a*b*c', 'a'.repeat(5000))).toBe(false);
  });
});
