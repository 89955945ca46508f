// The consent rules alone: what a set of consent records allows at a moment, what a share may
// carry, and the child protocol's own legal basis.
import { describe, expect, it } from 'vitest';
import {
  checkReferral,
  checkShare,
  consentDraftProblems,
  consentBar,
  consentState,
  legalBasisFor,
  mayContactAgain,
  mayKeepData,
  shareableFieldsFor,
  type ConsentRecord,
} from './consent.js';
import type { ShareableField } from './vocabulary.js';

const ORG = '00000000-0000-4000-8000-000000000001';
const OTHER_ORG = '00000000-0000-4000-8000-000000000002';
const T0 = new Date('2026-11-01T10:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);

let seq = 0;
function consent(over: Partial<ConsentRecord> = {}): ConsentRecord {
  seq++;
  return {
    id: `c${seq}`,
    scope: 'share_with_org',
    organisationId: ORG,
    fields: ['alias', 'age', 'needs'],
    givenAt: T0,
    expiresAt: null,
    withdrawnAt: null,
    ...over,
  };
}

describe('consent state', () => {
  it('counts from the moment given until expiry or withdrawal', () => {
    const c = consent({ expiresAt: at(30) });
    expect(consentState(c, at(-1))).toBe('not_yet');
    expect(consentState(c, T0)).toBe('current');
    expect(consentState(c, at(29))).toBe('current');
    expect(consentState(c, at(30))).toBe('expired');
    const w = consent({ expiresAt: at(30), withdrawnAt: at(2) });
    expect(consentState(w, at(2))).toBe('withdrawn');
    // Withdrawn says more about the person than expired.
    expect(consentState(w, at(40))).toBe('withdrawn');
  });

  it('contact again and keeping data need their own current consent', () => {
    const share = consent();
    expect(mayContactAgain([share], at(1))).toBe(false);
    expect(mayKeepData([share], at(1))).toBe(false);
    const contact = consent({ scope: 'contact_again', organisationId: null, fields: [] });
    const keep = consent({
      scope: 'keep_data',
      organisationId: null,
      fields: [],
      withdrawnAt: at(3),
    });
    expect(mayContactAgain([share, contact, keep], at(1))).toBe(true);
    expect(mayKeepData([share, contact, keep], at(1))).toBe(true);
    expect(mayKeepData([share, contact, keep], at(3))).toBe(false);
  });
});

describe("the person's last word on contact and keeping data (consentBar)", () => {
  const contact = (over: Partial<ConsentRecord> = {}) =>
    consent({ scope: 'contact_again', organisationId: null, fields: [], ...over });

  it('bars nothing while the person was never asked, or agreed', () => {
    expect(consentBar([], 'contact_again', at(1))).toBeNull();
    expect(consentBar([consent()], 'contact_again', at(1))).toBeNull();
    expect(consentBar([contact()], 'contact_again', at(1))).toBeNull();
    // A consent recorded for later is not an answer yet.
    expect(consentBar([contact({ givenAt: at(5), declined: true })], 'contact_again', at(1))).toBe(
      null,
    );
  });

  it('bars from the moment of withdrawal, of a no, or of expiry', () => {
    const w = contact({ withdrawnAt: at(2) });
    expect(consentBar([w], 'contact_again', new Date(at(2).getTime() - 1))).toBeNull();
    expect(consentBar([w], 'contact_again', at(2))).toBe('withdrawn');
    expect(consentBar([contact({ declined: true })], 'contact_again', T0)).toBe('declined');
    const e = contact({ expiresAt: at(30) });
    expect(consentBar([e], 'contact_again', at(29))).toBeNull();
    expect(consentBar([e], 'contact_again', at(30))).toBe('expired');
    // The scopes are apart.
    expect(consentBar([w], 'keep_data', at(3))).toBeNull();
    expect(consentBar([{ ...w, scope: 'keep_data' }], 'keep_data', at(3))).toBe('withdrawn');
  });

  it('takes the latest word: a withdrawal of an older yes beats a newer one, a new yes a no', () => {
    const older = contact({ withdrawnAt: at(10) });
    const newer = contact({ givenAt: at(5) });
    expect(consentBar([older, newer], 'contact_again', at(6))).toBeNull();
    expect(consentBar([older, newer], 'contact_again', at(10))).toBe('withdrawn');
    const no = contact({ declined: true });
    const yes = contact({ givenAt: at(3) });
    expect(consentBar([no, yes], 'contact_again', at(2))).toBe('declined');
    expect(consentBar([no, yes], 'contact_again', at(3))).toBeNull();
    // A no after a yes that is still current is the person's word now.
    expect(
      consentBar([yes, contact({ givenAt: at(4), declined: true })], 'contact_again', at(4)),
    ).toBe('declined');
  });

  it('a no is never a current consent', () => {
    const no = contact({ declined: true });
    expect(consentState(no, at(1))).toBe('declined');
    expect(mayContactAgain([no], at(1))).toBe(false);
  });
});

describe('shareable fields', () => {
  it('are those every current consent for that organisation names, in a stable order', () => {
    const a = consent({ fields: ['needs', 'alias', 'age', 'place'] });
    const b = consent({ fields: ['age', 'needs', 'alias', 'languages'] });
    expect(shareableFieldsFor([a, b], ORG, at(1))).toEqual(['alias', 'age', 'needs']);
    expect(shareableFieldsFor([a, b], OTHER_ORG, at(1))).toEqual([]);
  });

  it('leave out expired, withdrawn and not-yet-given consents', () => {
    const narrow = consent({ fields: ['alias'], withdrawnAt: at(5) });
    const wide = consent({ fields: ['alias', 'age', 'place'], expiresAt: at(10) });
    const later = consent({ fields: ['alias', 'age'], givenAt: at(20) });
    const all = [narrow, wide, later];
    expect(shareableFieldsFor(all, ORG, at(1))).toEqual(['alias']);
    expect(shareableFieldsFor(all, ORG, at(6))).toEqual(['alias', 'age', 'place']);
    expect(shareableFieldsFor(all, ORG, at(11))).toEqual([]);
    expect(shareableFieldsFor(all, ORG, at(21))).toEqual(['alias', 'age']);
  });

  it('ignore other scopes even if a record names the organisation', () => {
    const odd = consent({ scope: 'keep_data', fields: ['alias'] });
    expect(shareableFieldsFor([odd], ORG, at(1))).toEqual([]);
  });
});

describe('checkShare', () => {
  const consents = [consent({ fields: ['alias', 'age', 'needs'] })];

  it('allows fields within consent, in vocabulary order', () => {
    expect(checkShare(consents, ORG, ['needs', 'alias'], at(1))).toEqual({
      allowed: true,
      fields: ['alias', 'needs'],
    });
  });

  it('refuses and names every field outside consent', () => {
    expect(checkShare(consents, ORG, ['alias', 'contact_address', 'place'], at(1))).toEqual({
      allowed: false,
      reason: 'outside_consent',
      outside: ['place', 'contact_address'],
      shareable: ['alias', 'age', 'needs'],
    });
  });

  it('refuses everything without a current consent for that organisation', () => {
    expect(checkShare(consents, OTHER_ORG, ['alias'], at(1))).toMatchObject({
      allowed: false,
      reason: 'no_consent',
      outside: ['alias'],
    });
    const withdrawn = [consent({ withdrawnAt: at(2) })];
    expect(checkShare(withdrawn, ORG, ['alias'], at(2))).toMatchObject({
      allowed: false,
      reason: 'no_consent',
    });
    expect(checkShare([], ORG, ['alias'], at(1))).toMatchObject({ reason: 'no_consent' });
  });

  it('refuses an empty request and ignores names that are not shareable fields', () => {
    expect(checkShare(consents, ORG, [], at(1))).toMatchObject({
      allowed: false,
      reason: 'nothing_requested',
    });
    const bogus = ['password' as ShareableField];
    expect(checkShare(consents, ORG, bogus, at(1))).toMatchObject({
      allowed: false,
      reason: 'nothing_requested',
    });
  });
});

describe('the child protocol', () => {
  const decision = { decidedBy: 'u1', reason: 'She is 15 and her controller holds her passport.' };

  it('rests a report about a minor to police or child protection on the duty to protect', () => {
    expect(legalBasisFor({ minor: true, partnerKind: 'police' })).toBe('child_protection_duty');
    expect(legalBasisFor({ minor: true, partnerKind: 'child_protection' })).toBe(
      'child_protection_duty',
    );
    expect(legalBasisFor({ minor: true, partnerKind: 'shelter' })).toBe('consent');
    expect(legalBasisFor({ minor: false, partnerKind: 'police' })).toBe('consent');
  });

  it('needs a recorded decision with a reason, not consent', () => {
    const base = {
      consents: [],
      organisationId: ORG,
      partnerKind: 'child_protection' as const,
      minor: true,
      requested: ['alias', 'age', 'place'] as ShareableField[],
      at: at(1),
    };
    expect(checkReferral({ ...base, decision })).toEqual({
      allowed: true,
      basis: 'child_protection_duty',
      fields: ['alias', 'age', 'place'],
    });
    expect(checkReferral(base)).toMatchObject({ allowed: false, reason: 'decision_missing' });
    expect(
      checkReferral({ ...base, decision: { decidedBy: 'u1', reason: 'minor' } }),
    ).toMatchObject({ allowed: false, reason: 'decision_missing' });
    expect(
      checkReferral({ ...base, decision: { decidedBy: '', reason: decision.reason } }),
    ).toMatchObject({ allowed: false, reason: 'decision_missing' });
  });

  it('keeps every other referral about the child under consent', () => {
    const verdict = checkReferral({
      consents: [consent({ fields: ['alias'] })],
      organisationId: ORG,
      partnerKind: 'shelter',
      minor: true,
      requested: ['alias', 'age'],
      at: at(1),
      decision,
    });
    expect(verdict).toMatchObject({
      allowed: false,
      basis: 'consent',
      reason: 'outside_consent',
      outside: ['age'],
    });
  });
});

describe('consent drafts', () => {
  const now = at(1);
  it('accept a share naming an organisation and fields, and a plain contact consent', () => {
    expect(
      consentDraftProblems(
        {
          scope: 'share_with_org',
          organisationId: ORG,
          fields: ['alias'],
          givenAt: T0,
          expiresAt: at(90),
        },
        now,
      ),
    ).toEqual([]);
    expect(
      consentDraftProblems(
        { scope: 'contact_again', organisationId: null, fields: [], givenAt: T0, expiresAt: null },
        now,
      ),
    ).toEqual([]);
  });

  it('name each problem by field', () => {
    const fields = (d: Parameters<typeof consentDraftProblems>[0]) =>
      consentDraftProblems(d, now).map((p) => p.field);
    expect(
      fields({
        scope: 'share_with_org',
        organisationId: null,
        fields: [],
        givenAt: T0,
        expiresAt: null,
      }),
    ).toEqual(['organisationId', 'fields']);
    expect(
      fields({
        scope: 'keep_data',
        organisationId: ORG,
        fields: ['alias'],
        givenAt: T0,
        expiresAt: null,
      }),
    ).toEqual(['organisationId', 'fields']);
    expect(
      fields({
        scope: 'share_with_org',
        organisationId: ORG,
        fields: ['alias', 'pin' as ShareableField],
        givenAt: at(2),
        expiresAt: at(2),
      }),
    ).toEqual(['fields', 'givenAt', 'expiresAt']);
  });
});
