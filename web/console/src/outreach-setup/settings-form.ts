// A channel's settings form, derived from the JSON Schema the server publishes per channel kind:
// which fields there are (strings, numbers, yes/no, a choice; nested objects such as an SMTP block
// become groups), which are secrets (`writeOnly`: typed in, never shown back), the form's values
// from a stored channel's settings (which the server sends without its secrets), and the settings
// object built from what was typed, with the schema's simple limits checked before sending. The
// server (and the channel when it is built) has the last word; this catches typos early.
import type { JsonSchema } from './api';

export type FieldKind = 'string' | 'secret' | 'number' | 'integer' | 'boolean' | 'enum' | 'json';

export interface FieldSpec {
  /** Path in the settings object (['smtp', 'host']); its joined form keys the form's values. */
  path: string[];
  key: string;
  label: string;
  /** The nested object this field belongs to (null at the top level). */
  group: string | null;
  kind: FieldKind;
  required: boolean;
  description: string | null;
  default: unknown;
  options: string[];
  minimum: number | null;
  maximum: number | null;
  minLength: number | null;
  maxLength: number | null;
  pattern: RegExp | null;
  format: string | null;
}

export type FieldValue = string | number | boolean;
export type FormValues = Record<string, FieldValue>;

export type FieldError =
  | { code: 'required' }
  | { code: 'not_number' }
  | { code: 'not_integer' }
  | { code: 'too_small'; limit: number }
  | { code: 'too_large'; limit: number }
  | { code: 'too_short'; limit: number }
  | { code: 'too_long'; limit: number }
  | { code: 'pattern' }
  | { code: 'not_option' }
  | { code: 'json' };

export const fieldId = (path: readonly string[]) => path.join('.');

/** "sourceAddr" → "Source addr": a readable label when the schema gives no title. */
export function humanise(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const typesOf = (s: JsonSchema): string[] =>
  Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];

/** One schema for a field: unions with null are optional values; unions of constants a choice. */
function resolve(schema: JsonSchema): JsonSchema {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const real = alternatives.filter((a) => !typesOf(a).includes('null') || typesOf(a).length > 1);
    if (real.length > 0 && real.every((a) => a.const !== undefined)) {
      return { ...schema, type: 'string', enum: real.map((a) => a.const) };
    }
    if (real.length === 1 && real[0]) {
      const { anyOf: _a, oneOf: _o, ...rest } = schema;
      return { ...resolve(real[0]), ...rest };
    }
    return schema;
  }
  const types = typesOf(schema).filter((t) => t !== 'null');
  return types.length === 1 ? { ...schema, type: types[0] } : schema;
}

function compilePattern(pattern: string | undefined): RegExp | null {
  if (!pattern) return null;
  try {
    return new RegExp(pattern);
  } catch {
    // A pattern this browser cannot compile is left to the server.
    return null;
  }
}

function kindOf(s: JsonSchema): FieldKind {
  if (s.enum && s.enum.length > 0) return 'enum';
  const type = typeof s.type === 'string' ? s.type : '';
  switch (type) {
    case 'string':
      return s.writeOnly ? 'secret' : 'string';
    case 'integer':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'json';
  }
}

/** The form's fields for a settings schema, nested objects flattened into groups. */
export function fieldsOf(
  schema: JsonSchema,
  path: string[] = [],
  parentRequired = true,
): FieldSpec[] {
  const s = resolve(schema);
  const required = new Set(s.required ?? []);
  const out: FieldSpec[] = [];
  for (const [key, raw] of Object.entries(s.properties ?? {})) {
    const p = resolve(raw);
    const fieldPath = [...path, key];
    // A field with a default may be left empty: the channel fills the default in.
    const isRequired = parentRequired && required.has(key) && p.default === undefined;
    if (p.type === 'object' && p.properties) {
      out.push(...fieldsOf(p, fieldPath, isRequired));
      continue;
    }
    const kind = kindOf(p);
    out.push({
      path: fieldPath,
      key,
      label: p.title ?? humanise(key),
      group: path.length > 0 ? path.map(humanise).join(' › ') : null,
      kind: kind === 'string' && raw.writeOnly ? 'secret' : kind,
      required: isRequired,
      description: p.description ?? null,
      default: p.default,
      options: (p.enum ?? []).map(String),
      minimum: p.minimum ?? p.exclusiveMinimum ?? null,
      maximum: p.maximum ?? p.exclusiveMaximum ?? null,
      minLength: p.minLength ?? null,
      maxLength: p.maxLength ?? null,
      pattern: compilePattern(p.pattern),
      format: p.format ?? null,
    });
  }
  return out;
}

/** Empty values for a new form: switches at their default, everything else blank. */
export function initialValues(fields: readonly FieldSpec[]): FormValues {
  const v: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'boolean') v[fieldId(f.path)] = f.default === true;
    else v[fieldId(f.path)] = '';
  }
  return v;
}

/**
 * The form's values for a stored channel: every setting the server sent back, in its field; a
 * secret stays empty even if a value were there (the server leaves secrets out; empty keeps them).
 */
export function valuesFrom(
  fields: readonly FieldSpec[],
  settings: Record<string, unknown>,
): FormValues {
  const v = initialValues(fields);
  for (const f of fields) {
    if (f.kind === 'secret') continue;
    const stored = getIn(settings, f.path);
    if (stored === undefined || stored === null) continue;
    const id = fieldId(f.path);
    switch (f.kind) {
      case 'boolean':
        if (typeof stored === 'boolean') v[id] = stored;
        break;
      case 'number':
      case 'integer':
        if (typeof stored === 'number') v[id] = stored;
        else if (typeof stored === 'string') v[id] = stored;
        break;
      case 'json':
        v[id] = JSON.stringify(stored, null, 2);
        break;
      case 'string':
      case 'enum':
        if (typeof stored === 'string') v[id] = stored;
        else if (typeof stored === 'number' || typeof stored === 'boolean') v[id] = String(stored);
        break;
    }
  }
  return v;
}

function checkField(
  f: FieldSpec,
  raw: FieldValue | undefined,
): { value?: unknown; error?: FieldError } {
  if (f.kind === 'boolean') return { value: raw === true };
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : '';
  // Secrets are taken as typed (a password may start with a space); the rest is trimmed.
  const s = f.kind === 'secret' ? text : text.trim();
  if (s === '') return f.required ? { error: { code: 'required' } } : {};
  switch (f.kind) {
    case 'number':
    case 'integer': {
      const n = Number(s);
      if (!Number.isFinite(n)) return { error: { code: 'not_number' } };
      if (f.kind === 'integer' && !Number.isInteger(n)) return { error: { code: 'not_integer' } };
      if (f.minimum !== null && n < f.minimum)
        return { error: { code: 'too_small', limit: f.minimum } };
      if (f.maximum !== null && n > f.maximum)
        return { error: { code: 'too_large', limit: f.maximum } };
      return { value: n };
    }
    case 'enum':
      return f.options.includes(s) ? { value: s } : { error: { code: 'not_option' } };
    case 'json':
      try {
        return { value: JSON.parse(s) as unknown };
      } catch {
        return { error: { code: 'json' } };
      }
    case 'string':
    case 'secret': {
      const length = Array.from(s).length;
      if (f.minLength !== null && length < f.minLength) {
        return { error: { code: 'too_short', limit: f.minLength } };
      }
      if (f.maxLength !== null && length > f.maxLength) {
        return { error: { code: 'too_long', limit: f.maxLength } };
      }
      if (f.pattern && !f.pattern.test(s)) return { error: { code: 'pattern' } };
      return { value: s };
    }
  }
}

/**
 * The settings object from the form's values, or the errors per field. Empty optional fields are
 * left out so the channel's defaults apply; a group whose fields are all empty is left out too.
 */
export function buildSettings(
  fields: readonly FieldSpec[],
  values: FormValues,
): { settings: Record<string, unknown>; errors: Record<string, FieldError> } {
  const settings: Record<string, unknown> = {};
  const errors: Record<string, FieldError> = {};
  for (const f of fields) {
    const id = fieldId(f.path);
    const { value, error } = checkField(f, values[id]);
    if (error) {
      errors[id] = error;
      continue;
    }
    if (value === undefined) continue;
    let target = settings;
    for (const part of f.path.slice(0, -1)) {
      const next = target[part];
      if (typeof next === 'object' && next !== null) target = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        target[part] = created;
        target = created;
      }
    }
    target[f.key] = value;
  }
  // A switch inside an optional group that nothing else was typed into says nothing by itself:
  // the group is left out rather than sent half-filled.
  const groups = new Set(
    fields.filter((f) => f.path.length > 1).map((f) => fieldId(f.path.slice(0, -1))),
  );
  for (const group of [...groups].sort((a, b) => b.length - a.length)) {
    const inside = fields.filter((f) => fieldId(f.path).startsWith(`${group}.`));
    if (inside.some((f) => f.required)) continue;
    const typed = inside.some((f) => f.kind !== 'boolean' && getIn(settings, f.path) !== undefined);
    if (!typed) deleteIn(settings, group.split('.'));
  }
  return { settings, errors };
}

function getIn(obj: Record<string, unknown>, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const part of path) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function deleteIn(obj: Record<string, unknown>, path: readonly string[]): void {
  const parent = getIn(obj, path.slice(0, -1));
  if (typeof parent === 'object' && parent !== null) {
    delete (parent as Record<string, unknown>)[path[path.length - 1] as string];
  }
}
