// Reading and writing the partner directory: the one file with its SQL. Listing with filters,
// one entry, create and update (audited, one name per organisation whatever its case), the CSV
// import as one transaction (every row checked against the directory before anything is written:
// all rows or none), the export, and the active entries as candidates for matching.
import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../platform/actor.js';
import { auditFields } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import { listPartnerOrgs } from '../../platform/auth/users.js';
import type { Clock } from '../../platform/clock.js';
import type { Db, DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import {
  parsePartnerCsv,
  writePartnerCsv,
  type CsvRowError,
  type PartnerCsvRow,
} from '../domain/partner-csv.js';
import type { MatchCandidate } from '../domain/partner-match.js';
import { CAPACITY_STATES, PartnerProfile } from '../domain/partner-profile.js';
import { PROVINCES } from '../domain/partner-regions.js';
import { NEEDS, PARTNER_KINDS } from '../domain/vocabulary.js';
import { locationOf, partnerPlaceChecks } from './places.js';
import { partnerOrganisations } from './schema.js';

export type PartnerRow = typeof partnerOrganisations.$inferSelect;

export const PartnerFilter = z.object({
  kind: z.enum(PARTNER_KINDS).optional(),
  service: z.enum(NEEDS).optional(),
  region: z.enum(PROVINCES).optional(),
  /** `unknown`: nobody has confirmed a capacity yet. */
  capacity: z.enum([...CAPACITY_STATES, 'unknown']).optional(),
  active: z.enum(['yes', 'no']).optional(),
  /** Part of the name. */
  q: z.string().trim().max(100).optional(),
});
export type PartnerFilter = z.infer<typeof PartnerFilter>;

/** The import found rows that cannot be written: nothing was. */
export class PartnerImportRefused extends Error {
  constructor(readonly errors: CsvRowError[]) {
    super(`The import was refused: ${errors.length} problem(s).`);
    this.name = 'PartnerImportRefused';
  }
}

/** Advisory lock for writes that plan against the whole directory (import, seed). */
const DIRECTORY_LOCK = 727_012;
const nameKey = (name: string) => name.toLocaleLowerCase('nl');
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The columns a profile sets (everything but the account link and the timestamps). */
function profileColumns(p: PartnerProfile) {
  return {
    name: p.name,
    kind: p.kind,
    services: p.services,
    municipalities: p.municipalities,
    regions: p.regions,
    placeId: p.placeId,
    languages: p.languages,
    interpretation: p.interpretation,
    minAge: p.minAge,
    maxAge: p.maxAge,
    genders: p.genders,
    acceptsMinors: p.acceptsMinors,
    acceptsPregnant: p.acceptsPregnant,
    residenceStatuses: p.residenceStatuses,
    capacity: p.capacity,
    capacityConfirmedAt: p.capacityConfirmedAt ? new Date(p.capacityConfirmedAt) : null,
    intakeHours: p.intakeHours,
    referralChannel: p.referralChannel,
    secureLinkContact: p.secureLinkContact,
    active: p.active,
  };
}

/** A stored entry's profile, as the edit form and the export see it. */
export function profileOf(row: PartnerRow): PartnerProfile {
  return {
    name: row.name,
    kind: row.kind,
    services: row.services,
    municipalities: row.municipalities,
    regions: row.regions,
    placeId: row.placeId,
    languages: row.languages,
    interpretation: row.interpretation,
    minAge: row.minAge,
    maxAge: row.maxAge,
    genders: row.genders,
    acceptsMinors: row.acceptsMinors,
    acceptsPregnant: row.acceptsPregnant,
    residenceStatuses: row.residenceStatuses,
    capacity: row.capacity,
    capacityConfirmedAt: row.capacityConfirmedAt?.toISOString() ?? null,
    intakeHours: row.intakeHours,
    referralChannel: row.referralChannel,
    secureLinkContact: row.secureLinkContact,
    active: row.active,
  };
}

/** Place ids must exist in the gazetteer; the pure profile schema cannot know that. */
function checkPlaces(p: PartnerProfile): void {
  if (p.placeId !== null && !partnerPlaceChecks.isPlace(p.placeId)) {
    throw new AppError(
      'validation_failed',
      keyed('partners.unknownPlace', `placeId: "${p.placeId}" is not a known place.`, {
        place: p.placeId,
      }),
    );
  }
  const bad = p.municipalities.filter((m) => !partnerPlaceChecks.isMunicipality(m));
  if (bad.length > 0) {
    throw new AppError(
      'validation_failed',
      keyed(
        'partners.unknownMunicipality',
        `municipalities: ${bad.map((b) => `"${b}"`).join(', ')} is not a Dutch municipality.`,
        { municipalities: bad.join(', ') },
      ),
    );
  }
}

/** The account must exist and act for no other entry (its users see one entry: their own). */
async function checkAccountOrg(
  db: DbOrTx,
  accountOrgId: string | null,
  entryId: string | null,
): Promise<void> {
  if (accountOrgId === null) return;
  const orgs = await listPartnerOrgs(db);
  if (!orgs.some((o) => o.id === accountOrgId)) {
    throw new AppError(
      'validation_failed',
      keyed('partners.accountOrgUnknown', 'accountOrgId: no partner organisation has this id.'),
    );
  }
  const [other] = await db
    .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.accountOrgId, accountOrgId))
    .limit(1);
  if (other && other.id !== entryId) {
    throw new AppError(
      'conflict',
      keyed(
        'partners.accountTaken',
        `This organisation account already belongs to "${other.name}" in the directory.`,
        { name: other.name },
      ),
    );
  }
}

export async function listPartners(
  db: DbOrTx,
  filter: PartnerFilter,
  scope: { accountOrgId?: string } = {},
): Promise<PartnerRow[]> {
  const t = partnerOrganisations;
  const where: SQL[] = [];
  if (scope.accountOrgId !== undefined) where.push(eq(t.accountOrgId, scope.accountOrgId));
  if (filter.kind) where.push(eq(t.kind, filter.kind));
  if (filter.service) where.push(sql`${filter.service} = ANY(${t.services})`);
  if (filter.region) where.push(sql`${filter.region} = ANY(${t.regions})`);
  if (filter.capacity === 'unknown') where.push(isNull(t.capacity));
  else if (filter.capacity) where.push(eq(t.capacity, filter.capacity));
  if (filter.active) where.push(eq(t.active, filter.active === 'yes'));
  if (filter.q) where.push(sql`${t.name} ILIKE ${likePattern(filter.q)}`);
  return db
    .select()
    .from(t)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(sql`lower(${t.name})`));
}

export async function partnerById(db: DbOrTx, id: string): Promise<PartnerRow | undefined> {
  const [row] = await db
    .select()
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.id, id))
    .limit(1);
  return row;
}

async function nameTaken(db: DbOrTx, name: string, exceptId: string | null): Promise<boolean> {
  const rows = await db
    .select({ id: partnerOrganisations.id })
    .from(partnerOrganisations)
    .where(sql`lower(${partnerOrganisations.name}) = ${nameKey(name)}`);
  return rows.some((r) => r.id !== exceptId);
}

export const PartnerWrite = z.object({
  profile: PartnerProfile,
  /** The platform partner organisation whose users act for this entry; null for none. */
  accountOrgId: z.uuid().nullable().default(null),
});
export type PartnerWrite = z.output<typeof PartnerWrite>;

export async function createPartner(
  db: Db,
  actor: Actor,
  input: PartnerWrite,
  clock: Clock,
): Promise<PartnerRow> {
  checkPlaces(input.profile);
  return db.transaction(async (tx) => {
    await checkAccountOrg(tx, input.accountOrgId, null);
    if (await nameTaken(tx, input.profile.name, null)) {
      throw new AppError(
        'conflict',
        keyed('partners.nameTaken', 'The directory already has an organisation with this name.'),
      );
    }
    const now = clock.now();
    const [row] = await tx
      .insert(partnerOrganisations)
      .values({
        ...profileColumns(input.profile),
        accountOrgId: input.accountOrgId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'partner.create',
      targetType: 'partner',
      targetId: row!.id,
      details: { name: row!.name, kind: row!.kind },
    });
    return row!;
  });
}

export async function updatePartner(
  db: Db,
  actor: Actor,
  id: string,
  input: PartnerWrite,
  clock: Clock,
): Promise<PartnerRow> {
  checkPlaces(input.profile);
  return db.transaction(async (tx) => {
    const before = await partnerById(tx, id);
    if (!before)
      throw new AppError(
        'not_found',
        keyed('partners.notFound', 'No such organisation in the directory.'),
      );
    await checkAccountOrg(tx, input.accountOrgId, id);
    if (await nameTaken(tx, input.profile.name, id)) {
      throw new AppError(
        'conflict',
        keyed('partners.nameTaken', 'The directory already has an organisation with this name.'),
      );
    }
    const [row] = await tx
      .update(partnerOrganisations)
      .set({
        ...profileColumns(input.profile),
        accountOrgId: input.accountOrgId,
        updatedAt: clock.now(),
      })
      .where(eq(partnerOrganisations.id, id))
      .returning();
    const old = profileOf(before);
    const changed = (Object.keys(old) as (keyof PartnerProfile)[]).filter(
      (k) => JSON.stringify(old[k]) !== JSON.stringify(input.profile[k]),
    );
    if (before.accountOrgId !== input.accountOrgId) changed.push('accountOrgId' as never);
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'partner.update',
      targetType: 'partner',
      targetId: id,
      details: { name: row!.name, changed },
    });
    return row!;
  });
}

type ImportPlan = { row: PartnerCsvRow; targetId: string | null };

/** Which existing entry each row updates (by id, else by name), or the errors that stop it. */
function planImport(
  rows: readonly PartnerCsvRow[],
  existing: readonly { id: string; name: string }[],
): { plan: ImportPlan[]; errors: CsvRowError[] } {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const byName = new Map(existing.map((e) => [nameKey(e.name), e]));
  const targetedBy = new Map<string, number>();
  const errors: CsvRowError[] = [];
  const plan: ImportPlan[] = [];
  for (const row of rows) {
    const sameName = byName.get(nameKey(row.profile.name));
    let targetId: string | null;
    if (row.id !== null) {
      if (!byId.has(row.id)) {
        errors.push({
          line: row.line,
          column: 'id',
          message:
            'no organisation in the directory has this id (leave the id empty to add it as new)',
        });
        continue;
      }
      if (sameName && sameName.id !== row.id) {
        errors.push({
          line: row.line,
          column: 'name',
          message: `another organisation in the directory is called "${sameName.name}"`,
        });
        continue;
      }
      targetId = row.id;
    } else {
      targetId = sameName?.id ?? null;
    }
    if (targetId !== null) {
      const first = targetedBy.get(targetId);
      if (first !== undefined) {
        errors.push({
          line: row.line,
          column: null,
          message: `updates the same organisation as line ${first}`,
        });
        continue;
      }
      targetedBy.set(targetId, row.line);
    }
    plan.push({ row, targetId });
  }
  return { plan, errors };
}

/**
 * Imports a whole CSV file: every row checked (in the file, then against the directory) before
 * one transaction writes them all. Throws PartnerImportRefused with every problem otherwise.
 */
export async function importPartnerCsv(
  db: Db,
  actor: Actor,
  text: string,
  clock: Clock,
): Promise<{ imported: number; updated: number }> {
  const parsed = parsePartnerCsv(text, partnerPlaceChecks);
  if (!parsed.ok) throw new PartnerImportRefused(parsed.errors);
  return db.transaction(async (tx) => {
    // Serialises imports: two at once would each plan against a directory the other changes.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK})`);
    const existing = await tx
      .select({ id: partnerOrganisations.id, name: partnerOrganisations.name })
      .from(partnerOrganisations);
    const { plan, errors } = planImport(parsed.rows, existing);
    if (errors.length > 0) throw new PartnerImportRefused(errors);
    const now = clock.now();
    let imported = 0;
    let updated = 0;
    for (const { row, targetId } of plan) {
      const columns = profileColumns(row.profile);
      if (targetId) {
        await tx
          .update(partnerOrganisations)
          .set({ ...columns, updatedAt: now })
          .where(eq(partnerOrganisations.id, targetId));
        updated++;
      } else {
        await tx
          .insert(partnerOrganisations)
          .values({ ...columns, createdAt: now, updatedAt: now });
        imported++;
      }
    }
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'partner.import',
      targetType: 'partner',
      targetId: null,
      details: { imported, updated, rows: plan.length },
    });
    return { imported, updated };
  });
}

/** The whole directory as CSV (audited: who took a copy of it, and when). */
export async function exportPartnerCsv(
  db: Db,
  actor: Actor,
  filter: PartnerFilter,
): Promise<string> {
  const rows = await listPartners(db, filter);
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'partner.export',
    targetType: 'partner',
    targetId: null,
    details: { rows: rows.length, filter },
  });
  return writePartnerCsv(rows.map((r) => ({ id: r.id, profile: profileOf(r) })));
}

/**
 * Fills an empty directory (the demo's first start, or a data directory from before the
 * directory existed); a directory with any entry is left as its keepers made it. Returns how many
 * entries were written.
 */
export async function seedPartnerDirectory(
  db: Db,
  actor: Actor,
  profiles: readonly PartnerProfile[],
  clock: Clock,
): Promise<number> {
  if (profiles.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DIRECTORY_LOCK})`);
    const [any] = await tx
      .select({ id: partnerOrganisations.id })
      .from(partnerOrganisations)
      .limit(1);
    if (any) return 0;
    const now = clock.now();
    await tx
      .insert(partnerOrganisations)
      .values(profiles.map((p) => ({ ...profileColumns(p), createdAt: now, updatedAt: now })));
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'partner.seed',
      targetType: 'partner',
      targetId: null,
      details: { imported: profiles.length },
    });
    return profiles.length;
  });
}

/** The active entries as matching reads them (their places resolved to coordinates). */
export async function matchCandidates(db: DbOrTx): Promise<MatchCandidate[]> {
  const rows = await db
    .select()
    .from(partnerOrganisations)
    .where(eq(partnerOrganisations.active, true));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    services: r.services,
    municipalities: r.municipalities,
    regions: r.regions,
    location: locationOf(r.placeId),
    languages: r.languages,
    interpretation: r.interpretation,
    minAge: r.minAge,
    maxAge: r.maxAge,
    genders: r.genders,
    acceptsMinors: r.acceptsMinors,
    acceptsPregnant: r.acceptsPregnant,
    residenceStatuses: r.residenceStatuses,
    capacity: r.capacity,
    capacityConfirmedAt: r.capacityConfirmedAt,
    referralChannel: r.referralChannel,
  }));
}
