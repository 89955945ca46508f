import { describe, expect, it } from 'vitest';
import { checkReferral, type ConsentRecord } from './consent.js';
import { buildSnapshot, referralRefusalMessage } from './referral-share.js';

const AT = new Date('2026-03-02T09:00:00Z');
const share: ConsentRecord = {
  id: 'c1',
  scope: 'share_with_org',
  organisationId: 'org-1',
  fields: ['alias', 'needs'],
  givenAt: new Date('2026-03-01T09:00:00Z'),
  expiresAt: null,
  withdrawnAt: null,
};

describe('the snapshot', () => {
  it('holds exactly the chosen fields, in a fixed order, null where the case knows nothing', () => {
    const values = {
      alias: 'Roos',
      age: 24,
      languages: ['ro', 'en'],
      contact_address: '+31612345678',
      risk_summary: 'High',
    };
    const snapshot = buildSnapshot(values, ['languages', 'alias', 'place']);
    expect(snapshot).toEqual({ alias: 'Roos', languages: ['ro', 'en'], place: null });
    expect(Object.keys(snapshot)).toEqual(['alias', 'languages', 'place']);
  });
});

describe('refusals in words', () => {
  it('names the fields outside consent', () => {
    const verdict = checkReferral({
      consents: [share],
      organisationId: 'org-1',
      partnerKind: 'shelter',
      minor: false,
      requested: ['alias', 'contact_address', 'place'],
      at: AT,
    });
    if (verdict.allowed) throw new Error('expected a refusal');
    expect(referralRefusalMessage(verdict).message).toContain('place, contact_address');
    expect(referralRefusalMessage(verdict).text).toEqual({
      key: 'referrals.outsideConsent',
      params: { fields: 'place, contact_address' },
    });
  });

  it('says what is missing for every kind of refusal', () => {
    const base = {
      consents: [],
      organisationId: 'org-1',
      partnerKind: 'shelter' as const,
      minor: false,
      at: AT,
    };
    const none = checkReferral({ ...base, requested: [] });
    const noConsent = checkReferral({ ...base, requested: ['alias'] });
    const duty = checkReferral({ ...base, partnerKind: 'police', minor: true, requested: ['age'] });
    for (const v of [none, noConsent, duty]) {
      if (v.allowed) throw new Error('expected a refusal');
      expect(referralRefusalMessage(v).message).toMatch(/\w{5,}/);
    }
  });
});
