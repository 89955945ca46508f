// The console's catalogue of score-reason texts (web/console/src/i18n/reasons) against what the
// server produces: every indicator code extraction can emit has an explanation in English and
// Dutch, the English matches the lexicon's, and every message key the scorer writes exists in both
// languages with the same parameters.
import { describe, expect, it } from 'vitest';
import en from '../web/console/src/i18n/reasons/en.json' with { type: 'json' };
import nl from '../web/console/src/i18n/reasons/nl.json' with { type: 'json' };
import { DERIVED_INDICATORS, loadBuiltInLexicons } from '../src/extract/index.js';
import { loadDefaultModel } from '../src/score/model.js';
import { scoreEntity } from '../src/score/score.js';
import type { ScoredFact } from '../src/score/types.js';

type Tree = { [key: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const k of key.split('.')) node = typeof node === 'object' ? node[k] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('reason texts catalogue', () => {
  const explanations = new Map<string, string>();
  for (const lexicon of loadBuiltInLexicons().values()) {
    for (const e of lexicon.entries) explanations.set(e.code, e.explanation);
  }
  for (const d of Object.values(DERIVED_INDICATORS)) explanations.set(d.code, d.explanation);

  it('explains every indicator code in English (as the lexicon does) and Dutch', () => {
    expect(explanations.size).toBeGreaterThan(30);
    for (const [code, english] of explanations) {
      expect(lookup(en as Tree, `indicators.${code}`), code).toBe(english);
      expect(lookup(nl as Tree, `indicators.${code}`), code).toBeTruthy();
      expect(lookup(nl as Tree, `indicators.${code}`), code).not.toBe(english);
    }
  });

  it('has the same keys and parameters in both languages', () => {
    const keys = (tree: Tree, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
      );
    expect(keys(nl as Tree).sort()).toEqual(keys(en as Tree).sort());
    for (const key of keys(en)) {
      expect(placeholders(lookup(nl as Tree, key)!), key).toEqual(
        placeholders(lookup(en as Tree, key)!),
      );
    }
  });

  it('knows every message key the scorer writes, with its parameters', () => {
    const model = loadDefaultModel();
    let at = 0;
    const fact = (
      code: string,
      category: string,
      evidence: ScoredFact['evidence'],
      weight = 2,
    ) => ({
      kind: 'indicator',
      code,
      category,
      evidence,
      weight,
      explanation: explanations.get(code) ?? code,
      span: { field: 'body', start: (at += 10), end: at + 5 },
    });
    const facts: ScoredFact[] = [
      fact('trust.real_photos', 'trust_language', 'validated', 5),
      fact('trust.no_fake', 'trust_language', 'validated', 5),
      fact('movement.new_in_town', 'movement', 'contested', 0),
      fact('third_party.agency', 'third_party', undefined),
      { kind: 'age', minor: true, min: 16, span: { field: 'age', start: 0, end: 2 } },
    ];
    const result = scoreEntity(
      {
        ads: [
          { adId: 'a', facts },
          { adId: 'b', facts: facts.slice(0, 1) },
          // A sign only in site boilerplate.
          {
            adId: 'c',
            facts: [fact('third_party.plural_voice', 'third_party', 'practitioner', 2)],
            boilerplate: [{ field: 'body', start: 0, end: 10_000 }],
          },
        ],
        features: {
          ads: 2,
          activeAds: 2,
          displayNames: 2,
          statedAges: [19, 22],
          cities: 5,
          cities14d: 5,
          postingRatePerWeek: 40,
          phones: 1,
          namesPerNumber: 4,
          templateAds: 2,
          templateEntities: 5,
          languages: [],
          sharedImages: 3,
          imageEntities: 3,
          obfuscatedContacts: 1,
          firstSeen: '2026-01-01T00:00:00.000Z',
          lastSeen: '2026-01-02T00:00:00.000Z',
        },
      },
      model,
      1,
    );
    const parts = result.reasons.flatMap((r) => [...(r.labelText ?? []), ...(r.whyText ?? [])]);
    const seen = new Set<string>();
    for (const part of parts) {
      if (!part.key) continue;
      seen.add(part.key.startsWith('indicators.') ? 'indicators.*' : part.key);
      for (const tree of [en, nl] as Tree[]) {
        const text = lookup(tree, part.key);
        expect(text, part.key).toBeTruthy();
        expect(placeholders(text!), part.key).toEqual(Object.keys(part.params ?? {}).sort());
      }
    }
    // The run above reaches the messages of every branch but the override and the 100 cap.
    expect([...seen].sort()).toEqual([
      'indicators.*',
      'label.minorAges',
      'label.ofAds',
      'why.boilerplate',
      'why.categoryCap',
      'why.contested',
      'why.entityOnce',
      'why.feature',
      'why.minorAge',
      'why.noEvidence',
      'why.practitioner',
      'why.validated',
    ]);
  });
});

describe('refusal texts catalogue', () => {
  it('has every refusal message key the contact rules write, in English and Dutch alike', async () => {
    const { readFileSync } = await import('node:fs');
    const source = readFileSync(
      new URL('../src/outreach/domain/contact-rules.ts', import.meta.url),
      'utf8',
    );
    const keys = [...source.matchAll(/key: (?:\w+ \? )?'(\w+)'(?: : '(\w+)')?/g)].flatMap((m) =>
      m.slice(1).filter((k): k is string => Boolean(k)),
    );
    expect(keys.length).toBeGreaterThanOrEqual(12);
    const outreachEn = (await import('../web/console/src/outreach/locales/en.json')).default;
    const outreachNl = (await import('../web/console/src/outreach/locales/nl.json')).default;
    const en = outreachEn.refusals as Record<string, string>;
    const nl = outreachNl.refusals as Record<string, string>;
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    for (const key of keys) {
      expect(en[key], key).toBeTruthy();
      expect(placeholders(nl[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
