// One definition of "a shared template" for the features and the lead page's panel: the counts
// both show come from sharedTemplatesOf, so they agree by construction; this pins what they mean.
import { describe, expect, it } from 'vitest';
import { sharedTemplatesOf } from './shared-templates.js';

describe('shared templates', () => {
  const uses = new Map([
    ['t-shared-a', { adCount: 20, entityCount: 3 }],
    ['t-shared-b', { adCount: 9, entityCount: 2 }],
    ['t-own', { adCount: 4, entityCount: 1 }],
  ]);

  it("counts this entity's own ads on templates other entities also use", () => {
    const ids = [
      ...Array<string>(8).fill('t-shared-a'),
      ...Array<string>(5).fill('t-shared-b'),
      ...Array<string>(4).fill('t-own'),
      null,
      null,
    ];
    const s = sharedTemplatesOf(ids, uses);
    expect(s.templates).toEqual([
      { templateId: 't-shared-a', ads: 8, otherEntities: 2, totalAds: 20 },
      { templateId: 't-shared-b', ads: 5, otherEntities: 1, totalAds: 9 },
    ]);
    // The feature is the panel's sum: 13 ads on two shared templates, never 0 beside them.
    expect(s.templateAds).toBe(13);
    expect(s.templateAds).toBe(s.templates.reduce((n, t) => n + t.ads, 0));
    expect(s.templateEntities).toBe(2);
  });

  it('lists nothing and counts zero when no template reaches another entity', () => {
    const s = sharedTemplatesOf(['t-own', 't-own', null, 't-unknown'], uses);
    expect(s).toEqual({ templates: [], templateAds: 0, templateEntities: 0 });
  });
});
