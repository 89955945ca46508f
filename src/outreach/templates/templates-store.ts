// Message templates as stored: drafts written by outreach workers and supervisors (validated by the
// domain's TemplateDraft), approved or retired only through the domain's transitionTemplate (a
// supervisor, four eyes, safety hits confirmed), every change audited. The presenter adds what the
// editor shows: characters, encoding and SMS segments per variant, warnings, and the safety hits a
// supervisor must see before approving.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed, validationIssues, type KeyedMessage } from '../../platform/errors.js';
import {
  canCreateTemplate,
  canEditTemplate,
  checkMessageSafety,
  lintTemplate,
  OutreachLanguage,
  smsInfo,
  TemplateDraft,
  transitionTemplate,
  type SafetyConfig,
  type TemplateActor,
  type TemplateRefusalCode,
  type TransitionResult,
  type TransitionPolicy,
} from '../domain/index.js';
import { TEMPLATE_STATUSES, outreachTemplates } from '../schema.js';

export type TemplateRow = typeof outreachTemplates.$inferSelect;

export interface TemplateOptions {
  safety?: SafetyConfig;
  policy?: TransitionPolicy;
}

function templateActor(actor: Actor): TemplateActor {
  if (!actor.role)
    throw new AppError(
      'forbidden',
      keyed('outreach.noPermission', 'You do not have permission to do this.'),
    );
  return { id: actor.userId ?? actor.label, role: actor.role };
}

function stateOf(row: TemplateRow) {
  return {
    status: row.status,
    createdBy: row.createdBy,
    editedBy: row.editedBy,
    language: OutreachLanguage.parse(row.language),
    purpose: row.purpose,
    variants: row.variants,
  };
}

function draftOf(row: TemplateRow): z.input<typeof TemplateDraft> {
  return {
    name: row.name,
    language: OutreachLanguage.parse(row.language),
    purpose: row.purpose,
    variants: row.variants,
    fallbacks: row.fallbacks,
    whatsappTemplate: row.whatsappTemplate,
  };
}

/** What leaves the server about a template, with what the editor needs to judge it. */
export function presentTemplate(row: TemplateRow, options: TemplateOptions = {}) {
  const language = OutreachLanguage.parse(row.language);
  // A draft's hits are computed now (the supervisor sees them before approving); an approved
  // template keeps the hits as they were when it was approved.
  const safetyHits =
    row.status === 'draft'
      ? row.variants.flatMap((text, variant) =>
          checkMessageSafety({ text, firstMessage: true, language }, options.safety).hits.map(
            (h) => ({ ...h, variant }),
          ),
        )
      : row.safetyHits;
  let warnings: ReturnType<typeof lintTemplate> = [];
  try {
    warnings = lintTemplate(draftOf(row));
  } catch {
    // A template stored before a rule change may no longer pass; approving it is refused anyway.
  }
  return {
    id: row.id,
    name: row.name,
    language,
    purpose: row.purpose,
    variants: row.variants.map((text) => {
      const info = smsInfo(text);
      return {
        text,
        characters: info.characters,
        encoding: info.encoding,
        segments: info.segments,
      };
    }),
    fallbacks: row.fallbacks,
    whatsappTemplate: row.whatsappTemplate,
    status: row.status,
    safetyHits,
    safetyConfirmedBy: row.safetyConfirmedBy,
    warnings,
    createdBy: row.createdBy,
    editedBy: row.editedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    approvedBy: row.approvedBy,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    retiredBy: row.retiredBy,
    retiredAt: row.retiredAt?.toISOString() ?? null,
  };
}
export type PresentedTemplate = ReturnType<typeof presentTemplate>;

export async function templateById(db: DbOrTx, id: string): Promise<TemplateRow> {
  const [row] = await db.select().from(outreachTemplates).where(eq(outreachTemplates.id, id));
  if (!row)
    throw new AppError('not_found', keyed('outreach.templateNotFound', 'No such template.'));
  return row;
}

/** The template of that name in that language, if there is one. */
export async function templateByName(
  db: DbOrTx,
  name: string,
  language: string,
): Promise<TemplateRow | null> {
  const [row] = await db
    .select()
    .from(outreachTemplates)
    .where(and(eq(outreachTemplates.name, name), eq(outreachTemplates.language, language)));
  return row ?? null;
}

function parseDraft(input: unknown) {
  const parsed = TemplateDraft.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues
      .slice(0, 5)
      .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
      .join('; ');
    throw new AppError(
      'validation_failed',
      keyed('outreach.templateDraftInvalid', message),
      undefined,
      { issues: validationIssues(parsed.error.issues) },
    );
  }
  return parsed.data;
}

export async function createTemplate(
  db: DbOrTx,
  actor: Actor,
  input: unknown,
  options: TemplateOptions = {},
) {
  if (!canCreateTemplate(templateActor(actor))) {
    throw new AppError(
      'forbidden',
      keyed(
        'outreach.templatesByOutreach',
        'Only outreach workers and supervisors write templates.',
      ),
    );
  }
  const d = parseDraft(input);
  const [row] = await db
    .insert(outreachTemplates)
    .values({
      name: d.name,
      language: d.language,
      purpose: d.purpose,
      variants: d.variants,
      fallbacks: d.fallbacks,
      whatsappTemplate: d.whatsappTemplate,
      status: 'draft',
      createdBy: actor.userId,
    })
    .returning();
  if (!row) throw new AppError('internal', 'Template could not be stored.');
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.template_create',
    targetType: 'outreach_template',
    targetId: row.id,
    details: { name: d.name, language: d.language, variants: d.variants.length },
  });
  return presentTemplate(row, options);
}

/** Changes a draft's text (its author or a supervisor); approved texts are copied into a new draft. */
export async function updateTemplate(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: unknown,
  options: TemplateOptions = {},
) {
  const current = await templateById(db, id);
  if (!canEditTemplate(stateOf(current), templateActor(actor))) {
    throw new AppError(
      current.status === 'draft' ? 'forbidden' : 'conflict',
      current.status === 'draft'
        ? keyed(
            'outreach.draftAuthorOnly',
            'Only the author or a supervisor can change this draft.',
          )
        : keyed(
            'outreach.templateFrozen',
            `A ${current.status} template cannot be changed; copy it into a new draft.`,
            { status: current.status },
          ),
    );
  }
  const d = parseDraft(input);
  const [row] = await db
    .update(outreachTemplates)
    .set({
      name: d.name,
      language: d.language,
      purpose: d.purpose,
      variants: d.variants,
      fallbacks: d.fallbacks,
      whatsappTemplate: d.whatsappTemplate,
      updatedAt: new Date(),
      ...(actor.userId &&
      actor.userId !== current.createdBy &&
      !current.editedBy.includes(actor.userId)
        ? { editedBy: [...current.editedBy, actor.userId] }
        : {}),
    })
    // The status in the condition: a draft approved meanwhile is not changed under the approver.
    .where(and(eq(outreachTemplates.id, id), eq(outreachTemplates.status, 'draft')))
    .returning();
  if (!row)
    throw new AppError(
      'conflict',
      keyed('outreach.templateChanged', 'The template changed meanwhile; reload it.'),
    );
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.template_update',
    targetType: 'outreach_template',
    targetId: id,
    details: { name: d.name, language: d.language, variants: d.variants.length },
  });
  return presentTemplate(row, options);
}

/** A refused transition's message with its catalogue key (the refusal code names it). */
function templateRefusal(r: Extract<TransitionResult, { ok: false }>): KeyedMessage {
  switch (r.code) {
    case 'invalid_transition':
      return keyed('outreach.templateTransition', r.message);
    case 'role_not_allowed':
      return keyed('outreach.templateSupervisorOnly', r.message);
    case 'self_approval':
      return keyed('outreach.templateSelfApproval', r.message);
    case 'template_invalid':
      return keyed('outreach.templateDraftInvalid', r.message);
    case 'safety_confirmation_required':
      return keyed('outreach.templateSafety', r.message, {
        words: [...new Set((r.safetyHits ?? []).map((h) => `"${h.text}"`))].slice(0, 8).join(', '),
      });
  }
}

const REFUSAL_ERRORS: Record<TemplateRefusalCode, 'forbidden' | 'conflict' | 'validation_failed'> =
  {
    invalid_transition: 'conflict',
    role_not_allowed: 'forbidden',
    self_approval: 'forbidden',
    template_invalid: 'validation_failed',
    safety_confirmation_required: 'conflict',
  };

export const TemplateTransitionInput = z.object({
  action: z.enum(['approve', 'retire']),
  /** The supervisor saw the safety hits and approves the text anyway. */
  confirmSafety: z.boolean().default(false),
});
export type TemplateTransitionInput = z.input<typeof TemplateTransitionInput>;

/** Approves or retires a template through the domain's rules; audited either way it goes. */
export async function changeTemplateStatus(
  db: DbOrTx,
  actor: Actor,
  id: string,
  input: TemplateTransitionInput,
  options: TemplateOptions,
  now: Date,
) {
  const { action, confirmSafety } = TemplateTransitionInput.parse(input);
  const current = await templateById(db, id);
  const result = transitionTemplate(
    stateOf(current),
    { action, actor: templateActor(actor), confirmSafety },
    now,
    { ...(options.policy ? { policy: options.policy } : {}), safety: options.safety ?? {} },
  );
  if (!result.ok) {
    const said = templateRefusal(result);
    throw new AppError(
      REFUSAL_ERRORS[result.code],
      { message: said.message, text: said.text },
      {
        rule: result.code,
        hits: result.safetyHits?.length ?? 0,
      },
    );
  }
  const c = result.changes;
  const set =
    c.status === 'approved'
      ? {
          status: c.status,
          approvedBy: actor.userId,
          approvedAt: c.approvedAt,
          safetyHits: c.safetyHits,
          safetyConfirmedBy: c.safetyConfirmedBy ? actor.userId : null,
          updatedAt: now,
        }
      : { status: c.status, retiredBy: actor.userId, retiredAt: c.retiredAt, updatedAt: now };
  const [row] = await db
    .update(outreachTemplates)
    .set(set)
    .where(and(eq(outreachTemplates.id, id), eq(outreachTemplates.status, current.status)))
    .returning();
  if (!row)
    throw new AppError(
      'conflict',
      keyed('outreach.templateChanged', 'The template changed meanwhile; reload it.'),
    );
  await appendAudit(db, {
    ...auditFields(actor),
    action: action === 'approve' ? 'outreach.template_approve' : 'outreach.template_retire',
    targetType: 'outreach_template',
    targetId: id,
    details: {
      from: current.status,
      to: c.status,
      ...(c.status === 'approved'
        ? {
            safetyHits: c.safetyHits.map((h) => ({ term: h.term, category: h.category })),
            safetyConfirmed: c.safetyConfirmedBy !== null,
          }
        : {}),
    },
  });
  return presentTemplate(row, options);
}

export const TemplateFilter = z.object({
  status: z.enum([...TEMPLATE_STATUSES, 'all']).default('all'),
  language: OutreachLanguage.optional(),
});
export type TemplateFilter = z.input<typeof TemplateFilter>;

export async function listTemplates(
  db: DbOrTx,
  filter: TemplateFilter = {},
  options: TemplateOptions = {},
) {
  const f = TemplateFilter.parse(filter);
  const where: SQL[] = [];
  if (f.status !== 'all') where.push(eq(outreachTemplates.status, f.status));
  if (f.language) where.push(eq(outreachTemplates.language, f.language));
  const rows = await db
    .select()
    .from(outreachTemplates)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(outreachTemplates.updatedAt), outreachTemplates.id)
    .limit(500);
  return rows.map((r) => presentTemplate(r, options));
}
