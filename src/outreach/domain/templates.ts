// Message templates: one language each, several variants (one is picked per message so that no two
// people get the same text and a controller cannot recognise it), the placeholders {displayName}
// and {city}, and the status draft → approved (by a supervisor, recorded) → retired. Only approved
// templates are sent.
//
// Rendering is where scraped data meets the message. A value is made single-line, stripped of
// control and invisible formatting characters (bidi overrides, zero-width joiners), cut to a bounded
// length, and inserted in one pass, so a display name can never add a line, hide text or expand
// into another placeholder. A missing value takes the template's fallback, or the placeholder is
// removed with the punctuation and spacing around it ("Hoi {displayName}, hoe gaat het?" → "Hoi,
// hoe gaat het?").
import { z } from 'zod';
import { ROLES } from '../../platform/auth/roles.js';
import { OUTREACH_LANGUAGES, OutreachLanguage } from './languages.js';
import { checkMessageSafety, type SafetyConfig, type SafetyHit } from './safety.js';
import { smsInfo } from './sms-encoding.js';

export const PLACEHOLDERS = ['displayName', 'city'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** Longest inserted value, in user-perceived characters. */
export const PLACEHOLDER_LIMITS: Record<Placeholder, number> = { displayName: 30, city: 40 };

export const TEMPLATE_STATUSES = ['draft', 'approved', 'retired'] as const;
export const TemplateStatus = z.enum(TEMPLATE_STATUSES);
export type TemplateStatus = z.infer<typeof TemplateStatus>;
export const TEMPLATE_PURPOSES = ['first_contact', 'follow_up', 'reply'] as const;
export const TemplatePurpose = z.enum(TEMPLATE_PURPOSES);
export type TemplatePurpose = z.infer<typeof TemplatePurpose>;

export const MAX_VARIANTS = 10;
export const MAX_VARIANT_CHARS = 1000;

// ---------------------------------------------------------------------------------------------
// Placeholders in template text

export type TemplateIssueCode =
  | 'unknown_placeholder'
  | 'misspelt_placeholder'
  | 'unclosed_brace'
  | 'stray_brace'
  | 'control_character'
  | 'duplicate_variant';

export interface TemplateIssue {
  code: TemplateIssueCode;
  message: string;
  /** Index of the variant (0-based). */
  variant: number;
  /** UTF-16 offsets in that variant. */
  start: number;
  end: number;
}

export interface PlaceholderUse {
  name: Placeholder;
  start: number;
  end: number;
}

const ALLOWED_LIST = PLACEHOLDERS.map((p) => `{${p}}`).join(' or ');
// Control characters other than the line feed, and invisible formatting (bidi, zero-width).
const FORBIDDEN_IN_TEMPLATE_RE = /[\p{Cc}\p{Cf}\p{Co}\u2028\u2029]/u;

function isPlaceholder(name: string): name is Placeholder {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** The placeholders in one variant and every problem with its braces, with positions. */
export function scanPlaceholders(
  text: string,
  variant = 0,
): { uses: PlaceholderUse[]; issues: TemplateIssue[] } {
  const uses: PlaceholderUse[] = [];
  const issues: TemplateIssue[] = [];
  const at = (i: number) => `at character ${i + 1}`;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '}') {
      issues.push({
        code: 'stray_brace',
        message: `Variant ${variant + 1}: a closing } ${at(i)} has no opening {. Placeholders are written ${ALLOWED_LIST}.`,
        variant,
        start: i,
        end: i + 1,
      });
      i += 1;
      continue;
    }
    if (ch !== '{') {
      if (ch !== '\n' && FORBIDDEN_IN_TEMPLATE_RE.test(ch)) {
        issues.push({
          code: 'control_character',
          message: `Variant ${variant + 1}: an invisible or control character (U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}) ${at(i)}; remove it.`,
          variant,
          start: i,
          end: i + 1,
        });
      }
      i += 1;
      continue;
    }
    const close = text.indexOf('}', i + 1);
    const reopen = text.indexOf('{', i + 1);
    if (close === -1 || (reopen !== -1 && reopen < close)) {
      issues.push({
        code: 'unclosed_brace',
        message: `Variant ${variant + 1}: the { ${at(i)} is not closed. Placeholders are written ${ALLOWED_LIST}.`,
        variant,
        start: i,
        end: i + 1,
      });
      i += 1;
      continue;
    }
    const inner = text.slice(i + 1, close);
    const found = text.slice(i, close + 1);
    if (isPlaceholder(inner)) {
      uses.push({ name: inner, start: i, end: close + 1 });
    } else {
      const near = PLACEHOLDERS.find(
        (p) => p.toLowerCase() === inner.replace(/[\s_-]/g, '').toLowerCase(),
      );
      const shown = found.length > 40 ? `${found.slice(0, 37)}…}` : found;
      issues.push(
        near
          ? {
              code: 'misspelt_placeholder',
              message: `Variant ${variant + 1}: write {${near}} exactly; found ${shown} ${at(i)}.`,
              variant,
              start: i,
              end: close + 1,
            }
          : {
              code: 'unknown_placeholder',
              message: `Variant ${variant + 1}: unknown placeholder ${shown} ${at(i)}. Only ${ALLOWED_LIST} can be used.`,
              variant,
              start: i,
              end: close + 1,
            },
      );
    }
    i = close + 1;
  }
  return { uses, issues };
}

/** Every problem in a template's variants: braces, unknown placeholders, hidden characters, repeats. */
export function validateVariants(variants: readonly string[]): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  const seen = new Map<string, number>();
  variants.forEach((v, i) => {
    issues.push(...scanPlaceholders(v, i).issues);
    const key = v.replace(/\s+/g, ' ').trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        code: 'duplicate_variant',
        message: `Variant ${i + 1} repeats variant ${first + 1}; variants exist to differ.`,
        variant: i,
        start: 0,
        end: v.length,
      });
    } else {
      seen.set(key, i);
    }
  });
  return issues;
}

// ---------------------------------------------------------------------------------------------
// Template shape

const Variant = z
  .string()
  .max(MAX_VARIANT_CHARS * 2)
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'A variant needs text.')
      .max(MAX_VARIANT_CHARS, `A variant has at most ${MAX_VARIANT_CHARS} characters.`),
  );

const fallbackValue = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `A fallback has at most ${max} characters.`)
    .refine((s) => !/[{}\n\r]/.test(s) && !FORBIDDEN_IN_TEMPLATE_RE.test(s), {
      message: 'A fallback is one line of plain text without braces.',
    })
    .nullable()
    .optional();

/** What a missing value becomes, per placeholder (the template's language is the fallback's). */
export const TemplateFallbacks = z
  .object({
    displayName: fallbackValue(PLACEHOLDER_LIMITS.displayName),
    city: fallbackValue(PLACEHOLDER_LIMITS.city),
  })
  .strict();
export type TemplateFallbacks = z.infer<typeof TemplateFallbacks>;

/** A template as written in the editor; refuses unknown placeholders with a clear message. */
export const TemplateDraft = z
  .object({
    name: z.string().trim().min(1).max(100),
    language: OutreachLanguage,
    purpose: TemplatePurpose.default('first_contact'),
    variants: z.array(Variant).min(1).max(MAX_VARIANTS),
    fallbacks: TemplateFallbacks.default({}),
    /** The name of a WhatsApp template approved by Meta, for messages outside the 24-hour window. */
    whatsappTemplate: z
      .string()
      .regex(/^[a-z0-9_]{1,512}$/, 'WhatsApp template names are lower case letters, digits and _.')
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((t, ctx) => {
    for (const issue of validateVariants(t.variants)) {
      ctx.addIssue({ code: 'custom', message: issue.message, path: ['variants', issue.variant] });
    }
  });
export type TemplateDraft = z.output<typeof TemplateDraft>;

export type TemplateWarningCode =
  'placeholder_mid_sentence' | 'not_gsm' | 'several_segments' | 'single_variant';

export interface TemplateWarning {
  code: TemplateWarningCode;
  message: string;
  variant: number | null;
}

/**
 * What the editor should point out without refusing: a placeholder that cannot be removed cleanly
 * and has no fallback, characters that force UCS-2, a first message longer than one SMS.
 */
export function lintTemplate(input: z.input<typeof TemplateDraft>): TemplateWarning[] {
  const t = TemplateDraft.parse(input);
  const warnings: TemplateWarning[] = [];
  if (t.variants.length === 1 && t.purpose !== 'reply') {
    warnings.push({
      code: 'single_variant',
      message:
        'Only one variant: every person gets the same text, which a controller may recognise.',
      variant: null,
    });
  }
  t.variants.forEach((v, i) => {
    for (const use of scanPlaceholders(v, i).uses) {
      const fallback = t.fallbacks[use.name];
      if (fallback) continue;
      const probe = renderTemplate(v, {}, { language: t.language, fallbacks: t.fallbacks }).text;
      const before = v.slice(0, use.start);
      const after = v.slice(use.end);
      const removable = /(^|\n)[ \t]*$/.test(before) || /^[ \t]*([,.!?;:…)]|\n|$)/.test(after);
      if (!removable) {
        warnings.push({
          code: 'placeholder_mid_sentence',
          message: `Variant ${i + 1}: without a value, {${use.name}} would leave "${probe.slice(0, 60)}"; give a fallback.`,
          variant: i,
        });
      }
    }
    const info = smsInfo(v);
    if (info.encoding === 'UCS-2') {
      warnings.push({
        code: 'not_gsm',
        message: `Variant ${i + 1}: ${info.nonGsmChars.join(' ')} make it UCS-2 (70 characters per SMS instead of 160).`,
        variant: i,
      });
    }
    if (info.segments > 1 && t.purpose !== 'reply') {
      warnings.push({
        code: 'several_segments',
        message: `Variant ${i + 1}: ${info.segments} SMS; a first message reads best as one.`,
        variant: i,
      });
    }
  });
  return warnings;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export const PlaceholderValues = z
  .object({
    displayName: z.string().max(10_000).nullish(),
    city: z.string().max(10_000).nullish(),
  })
  .strict();
export type PlaceholderValues = z.input<typeof PlaceholderValues>;

export const RenderOptions = z
  .object({
    language: OutreachLanguage,
    fallbacks: TemplateFallbacks.default({}),
  })
  .strict();
export type RenderOptions = z.input<typeof RenderOptions>;

export interface RenderResult {
  text: string;
  placeholders: Array<{ name: Placeholder; source: 'value' | 'fallback' | 'removed' }>;
}

const UNSAFE_IN_VALUE_RE = /[\p{Cc}\p{Cf}\p{Co}\p{Zl}\p{Zp}\p{Cs}\s{}]+/gu;
const EMOJI_BEFORE_RE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;
const EMOJI_AFTER_RE = /^\p{Extended_Pictographic}/u;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * A scraped value made safe to insert: one line, no control or invisible characters, no braces,
 * spaces collapsed, at most `max` user-perceived characters (never cutting a character in half).
 * Returns null when nothing is left.
 */
export function sanitisePlaceholderValue(
  raw: string | null | undefined,
  max: number,
): string | null {
  if (raw == null) return null;
  const flat = raw
    .normalize('NFC')
    .replace(UNSAFE_IN_VALUE_RE, (run: string, at: number, all: string) =>
      // A zero-width joiner inside an emoji sequence (👨‍👩‍👧) is part of the picture, not a trick.
      run === '\u200d' &&
      EMOJI_BEFORE_RE.test(all.slice(Math.max(0, at - 2), at)) &&
      EMOJI_AFTER_RE.test(all.slice(at + 1, at + 3))
        ? run
        : ' ',
    )
    .trim();
  if (flat === '') return null;
  let out = '';
  let n = 0;
  for (const { segment } of graphemes.segment(flat)) {
    if (n === max) break;
    out += segment;
    n += 1;
  }
  out = out.trim();
  return out === '' ? null : out;
}

// Marks a removed placeholder while the text around it is tidied. Template text cannot contain it
// (private-use characters are refused) and neither can a value (they are stripped).
const GAP = '\uE000';

function capitaliseFirst(s: string, language: OutreachLanguage): string {
  return s.replace(
    /^([¿¡"'«„(]*)(\p{Ll})/u,
    (_, lead: string, letter: string) => lead + letter.toLocaleUpperCase(language),
  );
}

function tidyRemoved(text: string, language: OutreachLanguage): string {
  return (
    text
      // Neighbouring removed placeholders are one gap: "Hoi {displayName} {city}!" → "Hoi!"
      .replace(/\uE000(?:[ \t]*\uE000)+/gu, GAP)
      // At the start of a line: "{displayName}, how are you?" → "How are you?"
      .replace(
        /(^|\n)[ \t]*\uE000[ \t]*[,;:]?[ \t]*([^\n]*)/gu,
        (_, nl: string, rest: string) => nl + capitaliseFirst(rest, language),
      )
      // After a comma, before the end: "Hello, {displayName}!" → "Hello!"
      .replace(/[ \t]*[,;:][ \t]*\uE000[ \t]*(?=[.!?…]|\n|$)/gu, '')
      // Before punctuation: "Hi {displayName}, …" → "Hi, …"
      .replace(/[ \t]*\uE000[ \t]*(?=[,.!?;:…)])/gu, '')
      // Anywhere else: the words around it close up.
      .replace(/[ \t]*\uE000[ \t]*/gu, ' ')
      .replace(/[ \t]{2,}/g, ' ')
      .replace(/[ \t]+\n/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

/**
 * One variant with its placeholders filled. Throws if the variant has placeholder problems (a
 * template from before a rule change must not go out half-rendered).
 */
export function renderTemplate(
  variant: string,
  values: PlaceholderValues,
  options: RenderOptions,
): RenderResult {
  const text = z
    .string()
    .max(MAX_VARIANT_CHARS * 2)
    .parse(variant);
  const vals = PlaceholderValues.parse(values);
  const { language, fallbacks } = RenderOptions.parse(options);
  const { uses, issues } = scanPlaceholders(text);
  const [issue] = issues;
  if (issue) throw new TemplateRenderError(issue.message);
  const placeholders: RenderResult['placeholders'] = [];
  let out = '';
  let last = 0;
  let removed = false;
  for (const use of uses) {
    out += text.slice(last, use.start);
    last = use.end;
    const value = sanitisePlaceholderValue(vals[use.name], PLACEHOLDER_LIMITS[use.name]);
    const fallback = sanitisePlaceholderValue(fallbacks[use.name], PLACEHOLDER_LIMITS[use.name]);
    if (value !== null) {
      out += value;
      placeholders.push({ name: use.name, source: 'value' });
    } else if (fallback !== null) {
      out += fallback;
      placeholders.push({ name: use.name, source: 'fallback' });
    } else {
      out += GAP;
      removed = true;
      placeholders.push({ name: use.name, source: 'removed' });
    }
  }
  out += text.slice(last);
  return { text: removed ? tidyRemoved(out, language) : out.trim(), placeholders };
}

export class TemplateRenderError extends Error {
  override name = 'TemplateRenderError';
}

/**
 * The variant for one message, picked by a stable seed (the contact's id, say): the same person
 * always gets the same variant, different people get different ones.
 */
export function pickVariant(
  variants: readonly string[],
  seed: string,
): { index: number; text: string } {
  z.array(z.string()).min(1).parse(variants);
  // FNV-1a over the seed's UTF-16 units: small, stable across processes, well spread.
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const index = h % variants.length;
  return { index, text: variants[index] as string };
}

// ---------------------------------------------------------------------------------------------
// Status and who may change it

export const TemplateActor = z.object({ id: z.string().min(1), role: z.enum(ROLES) }).strict();
export type TemplateActor = z.infer<typeof TemplateActor>;

/** The fields of a stored template that the rules read. */
export const TemplateState = z.object({
  status: TemplateStatus,
  createdBy: z.string().nullable(),
  /** Everyone who changed the draft's text: none of them approves it (four eyes on the words). */
  editedBy: z.array(z.string()).default([]),
  language: OutreachLanguage,
  purpose: TemplatePurpose.default('first_contact'),
  variants: z.array(z.string()).min(1),
});
export type TemplateState = z.input<typeof TemplateState>;

export const TEMPLATE_ACTIONS = ['approve', 'retire'] as const;
export type TemplateAction = (typeof TEMPLATE_ACTIONS)[number];

/** Who writes templates: outreach workers and supervisors. */
export const TEMPLATE_AUTHOR_ROLES = ['outreach_worker', 'supervisor'] as const;

interface Transition {
  action: TemplateAction;
  from: TemplateStatus;
  to: TemplateStatus;
  /** Roles allowed to make it. */
  roles: readonly (typeof ROLES)[number][];
  /** The author may make it too, whatever their role (withdrawing one's own draft). */
  author: boolean;
}

/** Every allowed change of status; anything not listed is refused. Retired is final. */
export const TEMPLATE_TRANSITIONS: readonly Transition[] = [
  { action: 'approve', from: 'draft', to: 'approved', roles: ['supervisor'], author: false },
  { action: 'retire', from: 'approved', to: 'retired', roles: ['supervisor'], author: false },
  { action: 'retire', from: 'draft', to: 'retired', roles: ['supervisor'], author: true },
];

export type TemplateRefusalCode =
  | 'invalid_transition'
  | 'role_not_allowed'
  | 'self_approval'
  | 'template_invalid'
  | 'safety_confirmation_required';

export type TemplateChanges =
  | {
      status: 'approved';
      approvedBy: string;
      approvedAt: Date;
      /** Hits of the safety check in each variant, as the supervisor saw them. */
      safetyHits: Array<SafetyHit & { variant: number }>;
      /** The supervisor who confirmed the hits, or null when there were none. */
      safetyConfirmedBy: string | null;
    }
  | { status: 'retired'; retiredBy: string; retiredAt: Date };

export type TransitionResult =
  | { ok: true; changes: TemplateChanges }
  | {
      ok: false;
      code: TemplateRefusalCode;
      message: string;
      safetyHits?: Array<SafetyHit & { variant: number }>;
    };

export const TransitionRequest = z
  .object({
    action: z.enum(TEMPLATE_ACTIONS),
    actor: TemplateActor,
    /** The supervisor has seen the safety hits and confirms the text anyway. */
    confirmSafety: z.boolean().default(false),
  })
  .strict();
export type TransitionRequest = z.input<typeof TransitionRequest>;

export const TransitionPolicy = z
  .object({
    /** A supervisor may approve their own template (small teams); off by default: four eyes. */
    allowSelfApproval: z.boolean().default(false),
  })
  .strict();
export type TransitionPolicy = z.input<typeof TransitionPolicy>;

function findTransition(status: TemplateStatus, action: TemplateAction): Transition | undefined {
  return TEMPLATE_TRANSITIONS.find((t) => t.from === status && t.action === action);
}

function mayMake(
  t: Transition,
  template: z.output<typeof TemplateState>,
  actor: TemplateActor,
): boolean {
  return t.roles.includes(actor.role) || (t.author && template.createdBy === actor.id);
}

/** The actions this actor may take on this template now (for the editor's buttons). */
export function allowedTemplateActions(
  template: TemplateState,
  actor: TemplateActor,
  policy: TransitionPolicy = {},
): TemplateAction[] {
  const t = TemplateState.parse(template);
  const a = TemplateActor.parse(actor);
  const p = TransitionPolicy.parse(policy);
  return TEMPLATE_ACTIONS.filter((action) => {
    const tr = findTransition(t.status, action);
    if (!tr || !mayMake(tr, t, a)) return false;
    return !(action === 'approve' && !p.allowSelfApproval && t.createdBy === a.id);
  });
}

/** Whether this actor may create templates. */
export function canCreateTemplate(actor: TemplateActor): boolean {
  return (TEMPLATE_AUTHOR_ROLES as readonly string[]).includes(TemplateActor.parse(actor).role);
}

/**
 * Whether this actor may change the text: drafts only (an approved text is what the supervisor
 * approved; a change is a new draft), by their author or a supervisor.
 */
export function canEditTemplate(template: TemplateState, actor: TemplateActor): boolean {
  const t = TemplateState.parse(template);
  const a = TemplateActor.parse(actor);
  if (t.status !== 'draft') return false;
  if (a.role === 'supervisor') return true;
  return a.role === 'outreach_worker' && t.createdBy === a.id;
}

/** Only approved templates are sent. */
export function isSendableTemplate(template: Pick<TemplateState, 'status'>): boolean {
  return TemplateStatus.parse(template.status) === 'approved';
}

/**
 * Applies a status change if the rules allow it: approving needs a supervisor (not the author,
 * unless the policy allows it), valid placeholders, and — for messages that may reach someone who
 * has never written to us — a supervisor's confirmation of every safety hit. Returns the fields to
 * store, or why not.
 */
export function transitionTemplate(
  template: TemplateState,
  request: TransitionRequest,
  now: Date,
  options: { policy?: TransitionPolicy; safety?: SafetyConfig } = {},
): TransitionResult {
  const t = TemplateState.parse(template);
  const { action, actor, confirmSafety } = TransitionRequest.parse(request);
  const at = z.date().parse(now);
  const policy = TransitionPolicy.parse(options.policy ?? {});
  const tr = findTransition(t.status, action);
  if (!tr) {
    const allowed = TEMPLATE_TRANSITIONS.filter((x) => x.from === t.status).map((x) => x.action);
    return {
      ok: false,
      code: 'invalid_transition',
      message:
        allowed.length === 0
          ? `A ${t.status} template cannot change any more; copy it into a new draft.`
          : `A ${t.status} template cannot be ${action === 'approve' ? 'approved' : 'retired'}; possible: ${allowed.join(', ')}.`,
    };
  }
  if (!mayMake(tr, t, actor)) {
    return {
      ok: false,
      code: 'role_not_allowed',
      message:
        action === 'approve'
          ? 'Only a supervisor can approve a template.'
          : 'Only a supervisor (or, for a draft, its author) can retire a template.',
    };
  }
  if (action === 'retire') {
    return { ok: true, changes: { status: 'retired', retiredBy: actor.id, retiredAt: at } };
  }
  if (!policy.allowSelfApproval && (t.createdBy === actor.id || t.editedBy.includes(actor.id))) {
    return {
      ok: false,
      code: 'self_approval',
      message:
        t.createdBy === actor.id
          ? 'A template is approved by another supervisor than the one who wrote it.'
          : 'You changed this text: another supervisor approves it.',
    };
  }
  const [issue] = validateVariants(t.variants);
  if (issue && issue.code !== 'duplicate_variant') {
    return { ok: false, code: 'template_invalid', message: issue.message };
  }
  const safetyHits = t.variants.flatMap((text, variant) =>
    checkMessageSafety({ text, firstMessage: true, language: t.language }, options.safety).hits.map(
      (h) => ({ ...h, variant }),
    ),
  );
  const needsConfirmation = t.purpose !== 'reply' && safetyHits.length > 0;
  if (needsConfirmation && !confirmSafety) {
    const words = [...new Set(safetyHits.map((h) => `"${h.text}"`))].slice(0, 8).join(', ');
    return {
      ok: false,
      code: 'safety_confirmation_required',
      message: `The text contains words that could endanger the person if a controller reads the phone (${words}). Confirm to approve it anyway.`,
      safetyHits,
    };
  }
  return {
    ok: true,
    changes: {
      status: 'approved',
      approvedBy: actor.id,
      approvedAt: at,
      safetyHits,
      safetyConfirmedBy: needsConfirmation ? actor.id : null,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Which language to write in

const LANGUAGE_ALIASES: Record<string, OutreachLanguage> = {
  nld: 'nl', dut: 'nl', eng: 'en', deu: 'de', ger: 'de', fra: 'fr', fre: 'fr', spa: 'es',
  ron: 'ro', rum: 'ro', mol: 'ro', pol: 'pl', hun: 'hu', bul: 'bg',
}; // prettier-ignore

function toOutreachLanguage(code: string | null | undefined): OutreachLanguage | null {
  if (!code) return null;
  const c = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if ((OUTREACH_LANGUAGES as readonly string[]).includes(c)) return c as OutreachLanguage;
  return LANGUAGE_ALIASES[c] ?? null;
}

export type LanguageSuggestionReason =
  'ad_language_spoken' | 'spoken_language' | 'ad_language' | 'english' | 'none';

export interface LanguageSuggestion {
  language: OutreachLanguage | null;
  reason: LanguageSuggestionReason;
  /** Every available language, best first, for the worker to choose from. */
  candidates: OutreachLanguage[];
}

export const SuggestLanguageInput = z.object({
  adLanguage: z.string().max(20).nullish(),
  spokenLanguages: z.array(z.string().max(20)).max(50),
  available: z.array(z.string().max(20)).max(50),
});

/**
 * The language to write in, from the ad's language, the languages the person says they speak, and
 * the languages with an approved template:
 * 1. the ad's language if the person also says they speak it;
 * 2. else a language the person says they speak, in their order but English last (ads list English
 *    for clients; a listed second language is more often the person's own);
 * 3. else the ad's language;
 * 4. else English; else none (the worker decides).
 */
export function suggestLanguage(
  adLanguage: string | null | undefined,
  spokenLanguages: readonly string[],
  available: readonly string[],
): LanguageSuggestion {
  SuggestLanguageInput.parse({ adLanguage, spokenLanguages, available });
  const avail = new Set(available.map(toOutreachLanguage).filter((l) => l !== null));
  const ad = toOutreachLanguage(adLanguage);
  const spoken = [...new Set(spokenLanguages.map(toOutreachLanguage).filter((l) => l !== null))];
  const spokenRanked = [...spoken.filter((l) => l !== 'en'), ...spoken.filter((l) => l === 'en')];

  const ranked: Array<[OutreachLanguage, LanguageSuggestionReason]> = [];
  if (ad && spoken.includes(ad)) ranked.push([ad, 'ad_language_spoken']);
  for (const l of spokenRanked) ranked.push([l, 'spoken_language']);
  if (ad) ranked.push([ad, 'ad_language']);
  ranked.push(['en', 'english']);
  const usable = ranked.filter(([l]) => avail.has(l));
  const best = usable[0];
  const candidates = [
    ...new Set([...usable.map(([l]) => l), ...OUTREACH_LANGUAGES.filter((l) => avail.has(l))]),
  ];
  return best
    ? { language: best[0], reason: best[1], candidates }
    : { language: null, reason: 'none', candidates };
}
