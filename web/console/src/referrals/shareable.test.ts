import { describe, expect, it } from 'vitest';
import { shareOffer, type ConsentRecord } from './shareable';

const record = (over: Partial<ConsentRecord>): ConsentRecord => ({
  id: 'c1',
  scope: 'share_with_org',
  organisationId: 'org-1',
  fields: ['alias', 'needs'],
  givenAt: '2026-12-01T10:00:00Z',
  expiresAt: null,
  recordedAt: '2026-12-01T10:00:00Z',
  recordedBy: 'u1',
  state: 'current',
  evidence: { source: 'call_note', note: 'n', messageId: null, messageAt: null, messageText: null },
  withdrawal: null,
  withdrawnAt: null,
  withdrawnBy: null,
  ...over,
});

const allowed = (o: ReturnType<typeof shareOffer>) =>
  o.fields.filter((f) => f.allowed).map((f) => f.field);

describe('the referral form’s offer', () => {
  it('offers the fields every current consent for the organisation names, and says why not the rest', () => {
    const offer = shareOffer(
      [record({}), record({ id: 'c2', fields: ['alias', 'age', 'needs'] })],
      'org-1',
      'shelter',
      false,
    );
    expect(offer.basis).toBe('consent');
    expect(allowed(offer)).toEqual(['alias', 'needs']);
    expect(offer.fields.find((f) => f.field === 'age')).toEqual({
      field: 'age',
      allowed: false,
      why: 'outside_consent',
    });
  });

  it('offers nothing without a current consent for that organisation', () => {
    for (const records of [
      [],
      [record({ organisationId: 'org-2' })],
      [record({ state: 'withdrawn' })],
      [record({ state: 'expired' })],
      [record({ scope: 'keep_data' })],
    ]) {
      const offer = shareOffer(records, 'org-1', 'shelter', false);
      expect(allowed(offer)).toEqual([]);
      expect(offer.fields.every((f) => !f.allowed && f.why === 'no_consent')).toBe(true);
    }
  });

  it('offers a report about a minor to the police or child protection on the duty, not consent', () => {
    expect(shareOffer([], 'org-1', 'police', true).basis).toBe('child_protection_duty');
    expect(shareOffer([], 'org-1', 'child_protection', true).fields.every((f) => f.allowed)).toBe(
      true,
    );
    expect(shareOffer([], 'org-1', 'police', false).basis).toBe('consent');
    expect(shareOffer([], 'org-1', 'shelter', true).basis).toBe('consent');
  });
});
