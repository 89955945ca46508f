// HTCDS export and import of cases (see src/cases/domain/htcds-record.ts for the mapping and its
// sources). Supervisors only. An export is one audited read of every case it carries; an import
// is all or nothing: every bad record and field is reported and nothing is written, or every case
// is written, with its keep-data agreement and referrals, in one transaction with its audit entry.
// An imported case keeps its pseudonym (so a second export reads the same) and gets a new alias;
// its referrals name organisations of this directory (by name) and carry no shared fields.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { aliasFrom } from '../domain/pseudonym.js';
import { randomBytes } from 'node:crypto';
import { mayKeepData } from '../domain/consent.js';
import { readHtcdsCsv } from '../domain/htcds-csv.js';
import {
  HTCDS_VERSION,
  parseHtcdsDocument,
  toHtcds,
  PARTNER_KIND_ORG_TYPE,
  type HtcdsCase,
  type HtcdsProblem,
  type ImportedCase,
} from '../domain/htcds-record.js';
import { partnerOrganisations } from '../partners/schema.js';
import { referrals } from '../referrals/schema.js';
import { cases, consents } from '../schema.js';
import { consentRecordOf, raiseAlert, seal } from '../store.js';
import type { CasesDeps } from '../service.js';

/** The import refused: every problem, by record (1-based) and field. */
export class HtcdsImportRefused extends Error {
  constructor(readonly problems: HtcdsProblem[]) {
    super(`HTCDS import refused: ${problems.length} problem(s)`);
    this.name = 'HtcdsImportRefused';
  }
}

function requireSupervisor(actor: Actor): string {
  if (actor.role !== 'supervisor' || !actor.userId) {
    throw new AppError(
      'forbidden',
      keyed('cases.htcdsSupervisorOnly', 'Only supervisors export and import HTCDS records.'),
    );
  }
  return actor.userId;
}

const SNAPSHOT_CONTEXT = 'referrals.snapshot';
const EVIDENCE_CONTEXT = 'consents.evidence_note';
/** What an imported agreement says of itself: its evidence stayed with the other organisation. */
export const IMPORTED_AGREEMENT_NOTE =
  'Imported from an HTCDS record (vic_AgreementToManagePersonalData). The evidence of the agreement stays with the organisation that exported it.';

export async function exportHtcds(deps: CasesDeps, actor: Actor): Promise<HtcdsCase[]> {
  requireSupervisor(actor);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const rows = await tx.select().from(cases).orderBy(asc(cases.pseudonym));
    const ids = rows.map((r) => r.id);
    const consentRows = ids.length
      ? await tx.select().from(consents).where(inArray(consents.caseId, ids))
      : [];
    const referralRows = ids.length
      ? await tx
          .select({
            caseId: referrals.caseId,
            sentAt: referrals.sentAt,
            state: referrals.state,
            legalBasis: referrals.legalBasis,
            name: partnerOrganisations.name,
            kind: partnerOrganisations.kind,
          })
          .from(referrals)
          .innerJoin(partnerOrganisations, eq(partnerOrganisations.id, referrals.partnerId))
          .where(inArray(referrals.caseId, ids))
      : [];
    const records = rows.map((row) =>
      toHtcds({
        pseudonym: row.pseudonym,
        gender: row.gender,
        age: row.age,
        minor: row.minor,
        nationality: row.nationality,
        exploitationTypes: row.exploitationTypes,
        mayKeepData: mayKeepData(
          consentRows.filter((c) => c.caseId === row.id).map(consentRecordOf),
          now,
        ),
        origin: row.origin,
        createdAt: row.createdAt,
        status: row.status,
        outcome: row.outcome,
        referrals: referralRows
          .filter((r) => r.caseId === row.id)
          .map((r) => ({
            organisationName: r.name,
            organisationKind: r.kind,
            sentAt: r.sentAt,
            state: r.state,
            legalBasis: r.legalBasis,
          })),
      }),
    );
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'cases.htcds_export',
      targetType: 'case',
      targetId: null,
      details: { count: rows.length, caseIds: ids },
    });
    return records;
  });
}

export const htcdsDocumentOf = (records: HtcdsCase[]) => ({
  standard: 'HTCDS' as const,
  version: HTCDS_VERSION,
  cases: records,
});

/** What the import needs of the database before it writes: clashes and organisations. */
async function problemsWithDatabase(
  tx: DbOrTx,
  imported: readonly ImportedCase[],
): Promise<{ problems: HtcdsProblem[]; orgIds: Map<string, string> }> {
  const problems: HtcdsProblem[] = [];
  const pseudonyms = imported.map((c) => c.pseudonym);
  const taken = new Set(
    pseudonyms.length
      ? (
          await tx
            .select({ p: cases.pseudonym })
            .from(cases)
            .where(inArray(cases.pseudonym, pseudonyms))
        ).map((r) => r.p)
      : [],
  );
  const names = [...new Set(imported.flatMap((c) => c.referrals.map((r) => r.organisationName)))];
  const orgs = names.length
    ? await tx
        .select({
          id: partnerOrganisations.id,
          name: partnerOrganisations.name,
          kind: partnerOrganisations.kind,
        })
        .from(partnerOrganisations)
        .where(
          inArray(
            sql`lower(${partnerOrganisations.name})`,
            names.map((n) => n.toLowerCase()),
          ),
        )
    : [];
  const byName = new Map(orgs.map((o) => [o.name.toLowerCase(), o]));
  const orgIds = new Map<string, string>();
  imported.forEach((c, index) => {
    const row = index + 1;
    if (taken.has(c.pseudonym)) {
      problems.push({
        row,
        field: 'ari_CaseId',
        ...keyed('htcds.caseExists', 'A case with this id already exists'),
      });
    }
    c.referrals.forEach((r, i) => {
      const org = byName.get(r.organisationName.toLowerCase());
      const field = `referrals.${i}`;
      if (!org) {
        problems.push({
          row,
          field: `${field}.cas_ReferredOrganisation`,
          ...keyed('htcds.noSuchOrganisation', 'No organisation of this name in the directory'),
        });
      } else if (PARTNER_KIND_ORG_TYPE[org.kind] !== r.orgType) {
        problems.push({
          row,
          field: `${field}.org_Type`,
          ...keyed(
            'htcds.organisationType',
            `The directory lists this organisation as ${PARTNER_KIND_ORG_TYPE[org.kind]}`,
            { value: PARTNER_KIND_ORG_TYPE[org.kind] },
          ),
        });
      } else {
        orgIds.set(r.organisationName, org.id);
      }
    });
  });
  return { problems, orgIds };
}

/**
 * Imports a CSV file as export writes it (one line per referral): read into an HTCDS document,
 * then imported as a JSON one is, all cases or none. Problems name the line a record starts on.
 */
export async function importHtcdsCsv(
  deps: CasesDeps,
  actor: Actor,
  text: string,
): Promise<{ imported: number }> {
  requireSupervisor(actor);
  const read = readHtcdsCsv(text);
  if (!read.ok) throw new HtcdsImportRefused(read.problems);
  try {
    return await importHtcds(deps, actor, read.document);
  } catch (err) {
    if (!(err instanceof HtcdsImportRefused)) throw err;
    throw new HtcdsImportRefused(
      err.problems.map((p) => ({ ...p, row: p.row > 0 ? (read.lines[p.row - 1] ?? p.row) : 0 })),
    );
  }
}
/** Imports a whole HTCDS document (parsed JSON), or refuses it whole. */
export async function importHtcds(
  deps: CasesDeps,
  actor: Actor,
  document: unknown,
): Promise<{ imported: number }> {
  const userId = requireSupervisor(actor);
  const parsed = parseHtcdsDocument(document);
  if (!parsed.ok) throw new HtcdsImportRefused(parsed.problems);
  const keys = deps.config.secrets.fieldKeys;
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { problems, orgIds } = await problemsWithDatabase(tx, parsed.cases);
    if (problems.length > 0) throw new HtcdsImportRefused(problems);
    const ids: string[] = [];
    for (const c of parsed.cases) {
      const [row] = await tx
        .insert(cases)
        .values({
          pseudonym: c.pseudonym,
          alias: aliasFrom(randomBytes(2)),
          status: c.status,
          outcome: c.outcome,
          origin: c.origin,
          ownerId: userId,
          minor: c.minor,
          gender: c.gender,
          age: c.age,
          nationality: c.nationality,
          exploitationTypes: c.exploitationTypes,
          createdBy: userId,
          createdAt: c.openedAt,
          updatedAt: now,
          closedAt: c.status === 'closed' ? now : null,
          closedBy: c.status === 'closed' ? userId : null,
        })
        .returning();
      const caseId = row!.id;
      ids.push(caseId);
      if (c.agreedToKeepData) {
        await tx.insert(consents).values({
          caseId,
          scope: 'keep_data',
          givenAt: c.openedAt,
          source: 'in_person_note',
          evidenceNoteEnc: seal(keys, IMPORTED_AGREEMENT_NOTE, EVIDENCE_CONTEXT),
          recordedBy: userId,
          recordedAt: now,
        });
      }
      for (const r of c.referrals) {
        await tx.insert(referrals).values({
          caseId,
          partnerId: orgIds.get(r.organisationName)!,
          channel: 'secure_link',
          legalBasis: r.legalBasis,
          fields: [],
          snapshotEnc: seal(keys, '{}', SNAPSHOT_CONTEXT),
          state: r.state,
          sentAt: r.sentAt,
          sentBy: userId,
          updatedAt: now,
        });
      }
      // The child protocol runs for an imported minor as for one opened here.
      if (c.minor && c.status !== 'closed') {
        await raiseAlert(tx, { caseId, kind: 'minor', raisedAt: now, raisedBy: userId });
      }
    }
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'cases.htcds_import',
      targetType: 'case',
      targetId: null,
      details: { count: ids.length, caseIds: ids },
    });
    return { imported: ids.length };
  });
}
