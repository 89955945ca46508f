// The API contract: every operation of the OpenAPI document (built from the routes, no database)
// declares what its success answers carry, and no answer is an untyped object — the serializer
// keeps only declared fields, and the console's types are generated from this document. A few
// values are open by nature (a JSON Schema, a channel kind's settings, audit details); they are
// named components, listed below with the reason. The committed console types must match.
import { readFileSync } from 'node:fs';
import type { OpenAPI3 } from 'openapi-typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiDocument, apiTypes, REGENERATE, SCHEMA_FILE } from '../../scripts/openapi-types.js';

/** Components that are open objects on purpose, and why. */
const OPEN_BY_NATURE: Record<string, string> = {
  JsonSchemaDocument: "a channel kind's settings form, itself a JSON Schema",
  ChannelSettings: "each channel kind's own settings, described by that kind's JSON Schema",
  AuditDetails: 'what an audited action recorded; its keys differ by action',
  SourceDefinitionDocument: 'edited as JSON text and checked against SourceDefinition on save',
};

type Schema = Record<string, unknown>;
let doc: OpenAPI3;

beforeAll(async () => {
  doc = await apiDocument();
}, 120_000);

function component(ref: string): [string, Schema] {
  const name = ref.replace('#/components/schemas/', '');
  const schema = doc.components?.schemas?.[name] as Schema | undefined;
  if (!schema) throw new Error(`unresolved reference ${ref}`);
  return [name, schema];
}

const isEmpty = (s: unknown) =>
  s === true ||
  (typeof s === 'object' &&
    s !== null &&
    Object.keys(s).filter((k) => !['description', 'title'].includes(k)).length === 0);

/** Where a schema is untyped: an empty schema (any), or an object without named fields. */
function untyped(s: Schema, at: string, seen = new Set<string>()): string[] {
  if (typeof s.$ref === 'string') {
    const [name, target] = component(s.$ref);
    if (name in OPEN_BY_NATURE || seen.has(name)) return [];
    return untyped(target, `${at}→${name}`, new Set([...seen, name]));
  }
  if (isEmpty(s)) return [`${at || '(root)'}: any value`];
  const out: string[] = [];
  const props = s.properties as Record<string, Schema> | undefined;
  const extra = s.additionalProperties as Schema | boolean | undefined;
  if (s.type === 'object' && !props && (extra === undefined || isEmpty(extra))) {
    out.push(`${at || '(root)'}: an object without named fields`);
  }
  for (const [k, v] of Object.entries(props ?? {})) out.push(...untyped(v, `${at}.${k}`, seen));
  if (typeof extra === 'object' && !isEmpty(extra)) out.push(...untyped(extra, `${at}{}`, seen));
  if (s.items) out.push(...untyped(s.items as Schema, `${at}[]`, seen));
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    for (const [i, v] of ((s[key] as Schema[] | undefined) ?? []).entries()) {
      out.push(...untyped(v, `${at}|${i}`, seen));
    }
  }
  return out;
}

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: Schema }> }> };

function operations(): { name: string; op: Operation }[] {
  const out: { name: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (op) out.push({ name: `${method.toUpperCase()} ${path}`, op });
    }
  }
  return out;
}

describe('the OpenAPI document', () => {
  it('has every route of the API', () => {
    const names = operations().map((o) => o.name);
    expect(names.length).toBeGreaterThan(60);
    expect(names).toContain('GET /api/auth/session');
    expect(names).toContain('GET /api/entities/{id}');
    expect(names).toContain('GET /api/conversations/{id}');
  });

  it('declares what every success answer carries', () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      if (success.length === 0) missing.push(`${name}: no success response`);
      for (const [code, res] of success) {
        if (code === '204') continue;
        const content = Object.entries(res.content ?? {});
        if (content.length === 0) missing.push(`${name} ${code}: no content`);
        for (const [type, media] of content) {
          if (!media.schema) missing.push(`${name} ${code} ${type}: no schema`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('types every field of every success answer (open values only by name)', () => {
    const loose: string[] = [];
    for (const { name, op } of operations()) {
      for (const [code, res] of Object.entries(op.responses ?? {})) {
        if (!code.startsWith('2')) continue;
        for (const [type, media] of Object.entries(res.content ?? {})) {
          if (!media.schema) continue;
          loose.push(...untyped(media.schema, '').map((w) => `${name} ${code} ${type} ${w}`));
        }
      }
    }
    expect(loose).toEqual([]);
  });

  it('finds an untyped answer when there is one (the check above can fail)', () => {
    expect(untyped({ type: 'object', additionalProperties: {} }, '')).toHaveLength(1);
    expect(untyped({}, '.x')).toEqual(['.x: any value']);
    expect(
      untyped({ type: 'object', properties: { a: { type: 'array', items: {} } } }, ''),
    ).toEqual(['.a[]: any value']);
    expect(untyped({ $ref: '#/components/schemas/AuditDetails' }, '')).toEqual([]);
  });

  it('lists only open components that exist', () => {
    const names = Object.keys(doc.components?.schemas ?? {});
    for (const name of Object.keys(OPEN_BY_NATURE)) expect(names).toContain(name);
  });
});

describe("the console's API types", () => {
  it(`match the server's routes (regenerate: ${REGENERATE})`, async () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const generated = await apiTypes(doc);
    expect(committed === generated, `web/console/src/api/schema.ts is stale: ${REGENERATE}`).toBe(
      true,
    );
  });
});
