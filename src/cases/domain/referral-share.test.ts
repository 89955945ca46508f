import { describe, expect, it } from 'vitest';
import { buildSnapshot, decideShare, type ShareBasis } from './referral-share.js';
import { PARTNER_KINDS, type ShareableField } from './vocabulary.js';

const consent = (...consentedFields: ShareableField[]): ShareBasis => ({
  basis: 'consent',
  consentedFields,
});
const duty = (over: Partial<Extract<ShareBasis, { basis: 'child_protection_duty' }>> = {}) =>
  ({
    basis: 'child_protection_duty',
    minor: true,
    orgKind: 'child_protection',
    decidedBy: 'user-1',
    reason: 'Sixteen, controlled by an adult; protocol requires a report.',
    ...over,
  }) as const;

describe('what a referral may share', () => {
  it('allows fields the consent names for the organisation, in a fixed order, once each', () => {
    expect(decideShare(['needs', 'alias', 'needs'], consent('alias', 'needs', 'age'))).toEqual({
      allowed: true,
      basis: 'consent',
      fields: ['alias', 'needs'],
    });
  });

  it('refuses, listing them, every field outside consent — with no way around it', () => {
    const verdict = decideShare(['alias', 'contact_address', 'place'], consent('alias', 'needs'));
    expect(verdict).toEqual({
      allowed: false,
      refusal: expect.objectContaining({
        code: 'fields_outside_consent',
        fields: ['place', 'contact_address'],
      }) as unknown,
    });
    expect(decideShare(['alias'], consent()).allowed).toBe(false);
  });

  it('refuses an empty choice and fields that do not exist', () => {
    expect(decideShare([], consent('alias'))).toMatchObject({
      refusal: { code: 'no_fields' },
    });
    expect(decideShare(['alias', 'passport_number'], consent('alias'))).toMatchObject({
      refusal: { code: 'unknown_fields', fields: ['passport_number'] },
    });
  });

  it('allows a report about a minor to police or child protection on the duty, with who and why', () => {
    expect(decideShare(['alias', 'age'], duty())).toMatchObject({
      allowed: true,
      basis: 'child_protection_duty',
    });
    expect(decideShare(['alias'], duty({ orgKind: 'police' })).allowed).toBe(true);
  });

  it('refuses the duty for an adult, another kind of organisation, or without who and why', () => {
    expect(decideShare(['alias'], duty({ minor: false }))).toMatchObject({
      refusal: { code: 'no_child_protection_duty' },
    });
    for (const kind of PARTNER_KINDS.filter((k) => k !== 'police' && k !== 'child_protection')) {
      expect(decideShare(['alias'], duty({ orgKind: kind })).allowed).toBe(false);
    }
    expect(decideShare(['alias'], duty({ decidedBy: '' })).allowed).toBe(false);
    expect(decideShare(['alias'], duty({ reason: '  ' })).allowed).toBe(false);
    expect(decideShare(['alias'], duty({ reason: 'x'.repeat(2001) })).allowed).toBe(false);
  });
});

describe('the snapshot', () => {
  it('holds exactly the chosen fields, null where the case knows nothing', () => {
    const values = {
      alias: 'Roos',
      age: 24,
      languages: ['ro', 'en'],
      contact_address: '+31612345678',
      risk_summary: 'High',
    };
    expect(buildSnapshot(values, ['languages', 'alias', 'place'])).toEqual({
      alias: 'Roos',
      languages: ['ro', 'en'],
      place: null,
    });
  });
});
