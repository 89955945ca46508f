// Sources: create, change, list, import and export. A definition is validated before it is
// stored, and every change is audited (robots.txt overrides with their reason).
import { asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../platform/actor.js';
import { appendAudit, canonicalJson } from '../platform/audit/audit-log.js';
import type { Db } from '../platform/db/connect.js';
import { AppError, keyed, validationIssues } from '../platform/errors.js';
import { sources } from './schema.js';
import { describeSourceProblems, SourceDefinition } from './source-definition.js';

export type SourceRow = typeof sources.$inferSelect;

export function validateSourceDefinition(input: unknown): SourceDefinition {
  const parsed = SourceDefinition.safeParse(input);
  if (!parsed.success) {
    throw new AppError(
      'validation_failed',
      keyed(
        'collect.definitionInvalid',
        `The source definition has problems:\n${describeSourceProblems(parsed.error).join('\n')}`,
      ),
      undefined,
      { issues: validationIssues(parsed.error.issues) },
    );
  }
  return parsed.data;
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return db.select().from(sources).orderBy(asc(sources.name));
}

export async function findSourceByName(db: Db, name: string): Promise<SourceRow | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.name, name)).limit(1);
  return row;
}

export async function findSourceById(db: Db, id: string): Promise<SourceRow | undefined> {
  const [row] = await db.select().from(sources).where(eq(sources.id, id)).limit(1);
  return row;
}

/** Creates the source, or replaces the definition of the source with the same name. */
export async function saveSource(
  db: Db,
  actor: Actor,
  input: unknown,
): Promise<{ source: SourceRow; created: boolean }> {
  const definition = validateSourceDefinition(input);
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select()
      .from(sources)
      .where(eq(sources.name, definition.name))
      .for('update');
    // Saving the same definition again (demo start, a repeated import) changes nothing and is not
    // an event worth an audit entry. jsonb reorders keys, hence the canonical comparison.
    if (existing && canonicalJson(existing.definition) === canonicalJson(definition)) {
      return { source: existing, created: false };
    }
    const [row] = existing
      ? await tx
          .update(sources)
          .set({ definition, updatedAt: new Date() })
          .where(eq(sources.id, existing.id))
          .returning()
      : await tx.insert(sources).values({ name: definition.name, definition }).returning();
    await appendAudit(tx, {
      ...auditFields(actor),
      action: existing ? 'source.update' : 'source.create',
      targetType: 'source',
      targetId: row!.id,
      details: { name: definition.name },
    });
    return { source: row!, created: !existing };
  });
}

export const RobotsOverride = z.object({ reason: z.string().trim().min(10).max(1000).nullable() });

/** Crawling against a site's robots.txt is an admin's decision. */
export const canOverrideRobots = (p: { role: string | null }) => p.role === 'admin';

/** An admin may crawl a source against its robots.txt, with a recorded reason; null lifts it. */
export async function setRobotsOverride(
  db: Db,
  actor: Actor,
  sourceId: string,
  reason: string | null,
): Promise<SourceRow> {
  if (!canOverrideRobots(actor))
    throw new AppError(
      'forbidden',
      keyed('collect.robotsAdminOnly', 'Only an admin can override robots.txt.'),
    );
  const { reason: checked } = RobotsOverride.parse({ reason });
  const [row] = await db
    .update(sources)
    .set({
      robotsOverrideReason: checked,
      robotsOverrideBy: checked ? actor.userId : null,
      updatedAt: new Date(),
    })
    .where(eq(sources.id, sourceId))
    .returning();
  if (!row) throw new AppError('not_found', keyed('collect.sourceNotFound', 'No such source.'));
  await appendAudit(db, {
    ...auditFields(actor),
    action: checked ? 'source.robots_override' : 'source.robots_override_lifted',
    targetType: 'source',
    targetId: sourceId,
    details: { reason: checked },
  });
  return row;
}

export async function setSourceEnabled(
  db: Db,
  actor: Actor,
  sourceId: string,
  enabled: boolean,
): Promise<SourceRow> {
  const [row] = await db
    .update(sources)
    .set({ enabled, updatedAt: new Date() })
    .where(eq(sources.id, sourceId))
    .returning();
  if (!row) throw new AppError('not_found', keyed('collect.sourceNotFound', 'No such source.'));
  await appendAudit(db, {
    ...auditFields(actor),
    action: enabled ? 'source.enable' : 'source.disable',
    targetType: 'source',
    targetId: sourceId,
  });
  return row;
}

/** Parses an import file: one definition or an array of them. Reports every problem by index. */
export function parseSourcesFile(text: string): SourceDefinition[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new AppError('invalid_json', `The file is not valid JSON: ${(err as Error).message}`);
  }
  const items = Array.isArray(data) ? data : [data];
  const problems: string[] = [];
  const issues: Parameters<typeof validationIssues>[0][number][] = [];
  const defs: SourceDefinition[] = [];
  items.forEach((item, i) => {
    const parsed = SourceDefinition.safeParse(item);
    if (parsed.success) defs.push(parsed.data);
    else {
      problems.push(...describeSourceProblems(parsed.error).map((p) => `source ${i + 1}: ${p}`));
      // One definition: its own paths; several: each path starts with the definition's index.
      issues.push(
        ...parsed.error.issues.map((is) => ({
          ...is,
          path: items.length > 1 ? [i + 1, ...is.path] : is.path,
        })),
      );
    }
  });
  if (problems.length) {
    throw new AppError(
      'validation_failed',
      keyed('collect.definitionInvalid', problems.join('\n')),
      undefined,
      { issues: validationIssues(issues) },
    );
  }
  return defs;
}

export function exportSourceDefinition(row: SourceRow): string {
  return JSON.stringify(row.definition, null, 2) + '\n';
}
