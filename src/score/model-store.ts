// Score models in the database: every version kept, exactly one active. The first use seeds the
// shipped default (models/v1.json) as version 1; a supervisor's change is a new version (validated,
// with a note saying why), audited, and reported to the caller so it can queue re-scoring. The
// active model is cached per process and reloaded when the active version changes.
import { desc, eq, max, sql } from 'drizzle-orm';
import { auditFields, SYSTEM_ACTOR, type Actor } from '../platform/actor.js';
import { appendAudit, canonicalJson } from '../platform/audit/audit-log.js';
import type { Db, DbOrTx } from '../platform/db/connect.js';
import { AppError, keyed } from '../platform/errors.js';
import { describeIssues, loadDefaultModel, parseScoreModel, type ScoreModel } from './model.js';
import { scoreModels } from './schema.js';

/** Serialises model saves (and the first seed) across processes. */
const MODEL_LOCK = 727_301;

export interface ScoreModelVersion {
  version: number;
  model: ScoreModel;
  note: string;
  createdBy: string | null;
  createdAt: Date;
  active: boolean;
}

export interface ActiveModel {
  version: number;
  model: ScoreModel;
}

export interface ModelChange {
  version: number;
  previousVersion: number | null;
}
/** Called after a new version is committed; the place to queue re-scoring. */
export type OnModelChanged = (change: ModelChange) => Promise<void> | void;

export const DEFAULT_MODEL_NOTE = 'Default model v1, seeded from src/score/models/v1.json.';

// Keyed by version and creation time, so another database (or a version saved by another
// process) is never served from a stale cache.
let cached: (ActiveModel & { createdAt: number }) | null = null;

/** Inserts the default model as version 1 if there is no model at all. */
async function seedIfEmpty(db: DbOrTx): Promise<void> {
  const [any] = await db.select({ version: scoreModels.version }).from(scoreModels).limit(1);
  if (any) return;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scoreModels)
      .values({ version: 1, model: loadDefaultModel(), note: DEFAULT_MODEL_NOTE, active: true })
      .onConflictDoNothing()
      .returning({ version: scoreModels.version });
    if (!row) return;
    await appendAudit(tx, {
      ...auditFields(SYSTEM_ACTOR),
      action: 'score.model_seed',
      targetType: 'score_model',
      targetId: '1',
      details: { version: 1, note: DEFAULT_MODEL_NOTE },
    });
  });
}

/** The active version (or, should none be marked active, the newest). */
async function currentHead(db: DbOrTx) {
  const head = { version: scoreModels.version, createdAt: scoreModels.createdAt };
  const [active] = await db
    .select(head)
    .from(scoreModels)
    .where(eq(scoreModels.active, true))
    .orderBy(desc(scoreModels.version))
    .limit(1);
  if (active) return active;
  const [newest] = await db
    .select(head)
    .from(scoreModels)
    .orderBy(desc(scoreModels.version))
    .limit(1);
  return newest ?? null;
}

function parseStored(version: number, json: unknown): ScoreModel {
  const parsed = parseScoreModel(json);
  if (!parsed.ok) {
    throw new AppError('config_invalid', `Score model version ${version} is not valid.`, {
      issues: describeIssues(parsed.issues),
    });
  }
  return parsed.model;
}

/** The model scores are computed with; seeds v1 on first use. */
export async function activeModel(db: DbOrTx): Promise<ActiveModel> {
  let head = await currentHead(db);
  if (!head) {
    await seedIfEmpty(db);
    head = await currentHead(db);
    if (!head) throw new AppError('internal', 'The default score model could not be stored.');
  }
  if (cached && cached.version === head.version && cached.createdAt === head.createdAt.getTime()) {
    return { version: cached.version, model: cached.model };
  }
  const [row] = await db.select().from(scoreModels).where(eq(scoreModels.version, head.version));
  if (!row) throw new AppError('internal', `Score model version ${head.version} disappeared.`);
  const model = parseStored(row.version, row.model);
  cached = { version: row.version, model, createdAt: row.createdAt.getTime() };
  return { version: row.version, model };
}

/** Every version, newest first. */
export async function listModels(db: DbOrTx): Promise<ScoreModelVersion[]> {
  await seedIfEmpty(db);
  return db.select().from(scoreModels).orderBy(desc(scoreModels.version));
}

/** One version, e.g. to explain a score computed with an older model. */
export async function modelVersion(db: DbOrTx, version: number): Promise<ScoreModelVersion> {
  await seedIfEmpty(db);
  const [row] = await db.select().from(scoreModels).where(eq(scoreModels.version, version));
  if (!row)
    throw new AppError(
      'not_found',
      keyed('score.modelVersionNotFound', `There is no score model version ${version}.`, {
        version,
      }),
    );
  return row;
}

/**
 * Stores a new version of the model and makes it active. The model is validated (every problem
 * listed), the note is required, a copy of the active model is refused (it would re-score
 * everything for nothing). Audited; `onModelChanged` runs after the commit.
 */
export async function saveModel(
  db: Db,
  actor: Actor,
  input: unknown,
  note: string,
  options: { onModelChanged?: OnModelChanged } = {},
): Promise<ScoreModelVersion & { previousVersion: number | null }> {
  const parsed = parseScoreModel(input);
  if (!parsed.ok) {
    throw new AppError(
      'validation_failed',
      keyed(
        'score.modelInvalid',
        `The score model is not valid:\n${describeIssues(parsed.issues)}`,
      ),
    );
  }
  const trimmedNote = note.trim();
  if (!trimmedNote) {
    throw new AppError(
      'validation_failed',
      keyed('score.noteRequired', 'A note is required: say what changed and why.'),
    );
  }
  if (trimmedNote.length > 2000) {
    throw new AppError(
      'validation_failed',
      keyed('score.noteTooLong', 'The note is too long (at most 2000 characters).'),
    );
  }
  const model = parsed.model;
  const saved = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${MODEL_LOCK})`);
    await seedIfEmpty(tx);
    const head = await currentHead(tx);
    if (head) {
      const [current] = await tx
        .select({ model: scoreModels.model })
        .from(scoreModels)
        .where(eq(scoreModels.version, head.version));
      if (current && canonicalJson(current.model) === canonicalJson(model)) {
        throw new AppError(
          'conflict',
          keyed(
            'score.modelUnchanged',
            `This is the model of the active version ${head.version}; nothing to save.`,
            { version: head.version },
          ),
        );
      }
    }
    const [top] = await tx.select({ version: max(scoreModels.version) }).from(scoreModels);
    const version = (top?.version ?? 0) + 1;
    await tx.update(scoreModels).set({ active: false }).where(eq(scoreModels.active, true));
    const [row] = await tx
      .insert(scoreModels)
      .values({ version, model, note: trimmedNote, createdBy: actor.userId, active: true })
      .returning();
    const previousVersion = head?.version ?? null;
    await appendAudit(tx, {
      ...auditFields(actor),
      action: 'score.model_save',
      targetType: 'score_model',
      targetId: String(version),
      details: { version, previousVersion, note: trimmedNote },
    });
    return { ...row!, previousVersion };
  });
  cached = { version: saved.version, model, createdAt: saved.createdAt.getTime() };
  await options.onModelChanged?.({
    version: saved.version,
    previousVersion: saved.previousVersion,
  });
  return saved;
}

/** Forgets the cached model (tests; a process that knows the table changed under it). */
export function clearModelCache(): void {
  cached = null;
}
