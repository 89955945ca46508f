// The synthetic partner directory as the API tests use it: seeded, with two active shelters made
// ready for referrals — one reached in Ariadne through a partner organisation's users, one by secure
// link — and a directory entry's body for the API (a shelter in Utrecht), named by the caller.
import { eq } from 'drizzle-orm';
import { generatePartnerDirectory } from '../../fixtures/partner-directory/index.js';
import { partnerOrganisations } from '../../src/cases/partners/schema.js';
import { seedPartnerDirectory } from '../../src/cases/partners/store.js';
import { CLI_ACTOR } from '../../src/platform/actor.js';
import type { Clock } from '../../src/platform/clock.js';
import type { Db } from '../../src/platform/db/connect.js';

/**
 * Seeds the directory; the first shelter takes referrals through `partnerOrgId`'s users (when
 * given), the second by secure link, its code going to intake@shelter.example.
 */
export async function seedShelters(
  db: Db,
  clock: Clock,
  partnerOrgId: string | null,
): Promise<{ accountOrg: string; linkOrg: string }> {
  await seedPartnerDirectory(db, CLI_ACTOR, generatePartnerDirectory({ asOf: clock.now() }), clock);
  const shelters = (await db.select().from(partnerOrganisations)).filter(
    (p) => p.kind === 'shelter',
  );
  const accountOrg = shelters[0]!.id;
  const linkOrg = shelters[1]!.id;
  if (partnerOrgId) {
    await db
      .update(partnerOrganisations)
      .set({ referralChannel: 'account', accountOrgId: partnerOrgId, active: true })
      .where(eq(partnerOrganisations.id, accountOrg));
  }
  await db
    .update(partnerOrganisations)
    .set({
      referralChannel: 'secure_link',
      secureLinkContact: 'intake@shelter.example',
      active: true,
    })
    .where(eq(partnerOrganisations.id, linkOrg));
  return { accountOrg, linkOrg };
}

/** A directory entry as POST and PATCH /api/partners take it. */
export const newPartner = (name: string, over: Record<string, unknown> = {}) => ({
  profile: {
    name,
    kind: 'shelter',
    services: ['shelter', 'safety'],
    regions: ['Utrecht'],
    municipalities: ['nl:utrecht'],
    placeId: 'nl:utrecht',
    languages: ['nl', 'en'],
    minAge: 18,
    genders: ['women'],
    capacity: 'open',
    capacityConfirmedAt: '2026-12-05T10:00:00Z',
    intakeHours: 'Mon–Fri 09:00–17:00',
    referralChannel: 'secure_link',
    secureLinkContact: 'intake@test-shelter.example',
    ...over,
  },
});
