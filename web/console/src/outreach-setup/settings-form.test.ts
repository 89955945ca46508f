import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './api';
import {
  buildSettings,
  fieldId,
  fieldsOf,
  humanise,
  initialValues,
  valuesFrom,
} from './settings-form';

// Shaped as z.toJSONSchema(…, { io: 'input' }) writes a channel's settings, secrets marked.
const SMPP_LIKE: JsonSchema = {
  type: 'object',
  properties: {
    host: { type: 'string', minLength: 1 },
    port: { default: 2775, type: 'integer', minimum: 1, maximum: 65535 },
    password: { type: 'string', maxLength: 8, writeOnly: true },
    sourceAddr: { type: 'string', minLength: 1, maxLength: 20 },
    sourceTon: { type: 'integer', minimum: 0, maximum: 6 },
    gsm7Packing: { default: 'unpacked', type: 'string', enum: ['unpacked', 'packed'] },
    validityMinutes: { type: 'integer', minimum: 1 },
  },
  required: ['host', 'port', 'password', 'sourceAddr', 'gsm7Packing'],
};

const EMAIL_LIKE: JsonSchema = {
  type: 'object',
  properties: {
    smtp: {
      type: 'object',
      properties: {
        host: { type: 'string', minLength: 1 },
        secure: { default: false, type: 'boolean' },
        user: { type: 'string' },
        pass: { type: 'string', writeOnly: true },
      },
      required: ['host'],
    },
    from: { type: 'string', format: 'email', pattern: '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$' },
    replyTo: { anyOf: [{ type: 'string', format: 'email' }, { type: 'null' }] },
  },
  required: ['smtp', 'from'],
};

describe('fieldsOf', () => {
  it('reads kinds, secrets, defaults and requiredness from the schema', () => {
    const fields = fieldsOf(SMPP_LIKE);
    const by = Object.fromEntries(fields.map((f) => [f.key, f]));
    expect(by.host).toMatchObject({ kind: 'string', required: true, label: 'Host' });
    // A default makes a field optional in the form: the channel fills it in.
    expect(by.port).toMatchObject({
      kind: 'integer',
      required: false,
      default: 2775,
      maximum: 65535,
    });
    expect(by.password).toMatchObject({ kind: 'secret', required: true, maxLength: 8 });
    expect(by.sourceAddr).toMatchObject({ kind: 'string', required: true, label: 'Source addr' });
    expect(by.gsm7Packing).toMatchObject({ kind: 'enum', options: ['unpacked', 'packed'] });
    expect(by.validityMinutes?.required).toBe(false);
  });

  it('flattens nested objects into groups and unwraps nullable unions', () => {
    const fields = fieldsOf(EMAIL_LIKE);
    expect(fields.map((f) => fieldId(f.path))).toEqual([
      'smtp.host',
      'smtp.secure',
      'smtp.user',
      'smtp.pass',
      'from',
      'replyTo',
    ]);
    expect(fields[0]).toMatchObject({ group: 'Smtp', required: true });
    expect(fields[3]).toMatchObject({ kind: 'secret', required: false });
    expect(fields[5]).toMatchObject({ kind: 'string', format: 'email', required: false });
  });
});

describe('buildSettings', () => {
  it('builds the settings object, leaving empty optional fields to their defaults', () => {
    const fields = fieldsOf(SMPP_LIKE);
    const values = {
      ...initialValues(fields),
      host: ' 127.0.0.1 ',
      port: 2776,
      password: ' pw ',
      sourceAddr: 'Hulplijn',
    };
    expect(buildSettings(fields, values)).toEqual({
      settings: { host: '127.0.0.1', port: 2776, password: ' pw ', sourceAddr: 'Hulplijn' },
      errors: {},
    });
  });

  it('reports each field that is missing or outside its limits', () => {
    const fields = fieldsOf(SMPP_LIKE);
    const values = {
      ...initialValues(fields),
      port: '70000',
      password: 'much too long',
      sourceTon: '1.5',
      gsm7Packing: 'sideways',
    };
    expect(buildSettings(fields, values).errors).toEqual({
      host: { code: 'required' },
      port: { code: 'too_large', limit: 65535 },
      password: { code: 'too_long', limit: 8 },
      sourceAddr: { code: 'required' },
      sourceTon: { code: 'not_integer' },
      gsm7Packing: { code: 'not_option' },
    });
  });

  it('nests group fields and checks patterns', () => {
    const fields = fieldsOf(EMAIL_LIKE);
    const ok = buildSettings(fields, {
      ...initialValues(fields),
      'smtp.host': 'smtp.example.org',
      'smtp.secure': true,
      from: 'outreach@example.org',
    });
    expect(ok).toEqual({
      settings: { smtp: { host: 'smtp.example.org', secure: true }, from: 'outreach@example.org' },
      errors: {},
    });
    const bad = buildSettings(fields, { ...initialValues(fields), 'smtp.host': 'x', from: 'nope' });
    expect(bad.errors).toEqual({ from: { code: 'pattern' } });
  });

  it('leaves out an optional group that holds only untouched switches', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        tls: {
          type: 'object',
          properties: { strict: { type: 'boolean', default: true }, ca: { type: 'string' } },
        },
      },
    };
    const fields = fieldsOf(schema);
    expect(buildSettings(fields, initialValues(fields)).settings).toEqual({});
    expect(buildSettings(fields, { ...initialValues(fields), 'tls.ca': 'PEM' }).settings).toEqual({
      tls: { strict: true, ca: 'PEM' },
    });
  });
});

describe('valuesFrom', () => {
  it('fills every stored setting into its field and leaves secrets empty', () => {
    const fields = fieldsOf(SMPP_LIKE);
    const values = valuesFrom(fields, {
      host: 'smsc.example.org',
      port: 2776,
      // Were a secret ever sent, the form would still not show it.
      password: 'pw',
      sourceAddr: '+31612345678',
      gsm7Packing: 'packed',
    });
    expect(values).toEqual({
      host: 'smsc.example.org',
      port: 2776,
      password: '',
      sourceAddr: '+31612345678',
      sourceTon: '',
      gsm7Packing: 'packed',
      validityMinutes: '',
    });
  });

  it('fills nested groups, switches and nulls', () => {
    const fields = fieldsOf(EMAIL_LIKE);
    const values = valuesFrom(fields, {
      smtp: { host: 'smtp.example.org', secure: true, user: 'outreach' },
      from: 'outreach@example.org',
      replyTo: null,
    });
    expect(values).toEqual({
      'smtp.host': 'smtp.example.org',
      'smtp.secure': true,
      'smtp.user': 'outreach',
      'smtp.pass': '',
      from: 'outreach@example.org',
      replyTo: '',
    });
  });

  it('gives back the stored settings unchanged when nothing is typed', () => {
    const fields = fieldsOf(EMAIL_LIKE);
    const stored = {
      smtp: { host: 'smtp.example.org', secure: false, user: 'outreach' },
      from: 'outreach@example.org',
    };
    expect(buildSettings(fields, valuesFrom(fields, stored))).toEqual({
      settings: stored,
      errors: {},
    });
  });
});

describe('humanise', () => {
  it('turns property names into labels', () => {
    expect(humanise('enquireLinkIntervalMs')).toBe('Enquire link interval ms');
    expect(humanise('systemId')).toBe('System id');
    expect(humanise('throughput_per_second')).toBe('Throughput per second');
  });
});

// The schemas the server publishes (GET /api/outreach/channel-kinds), so a change there that the
// form cannot read shows up here.
interface ServerChannelKinds {
  channelKinds: () => { kind: string; settingsSchema: JsonSchema }[];
  validateChannelSettings: (kind: string, settings: Record<string, unknown>) => void;
  keepStoredSecrets: (
    input: Record<string, unknown>,
    stored: Record<string, unknown>,
  ) => Record<string, unknown>;
  withoutSecrets: (settings: Record<string, unknown>) => Record<string, unknown>;
}
// Loaded by a computed path: the console's tsconfig cannot type-check server modules (their
// declarations for untyped packages live in src/), while the test runner loads them fine.
const SERVER_KINDS = '../../../../src/outreach/channels/channel-kinds.ts';
const server = (await import(/* @vite-ignore */ SERVER_KINDS)) as ServerChannelKinds;

describe('the channel kinds the server publishes', () => {
  const kinds = server.channelKinds();
  const schemaOf = (kind: string) => kinds.find((k) => k.kind === kind)?.settingsSchema ?? {};

  it('gives every kind a form without raw JSON fields', () => {
    for (const k of kinds) {
      const fields = fieldsOf(k.settingsSchema);
      expect(
        fields.filter((f) => f.kind === 'json').map((f) => fieldId(f.path)),
        k.kind,
      ).toEqual([]);
    }
  });

  it('builds SMPP settings the server accepts, the password as a secret', () => {
    const fields = fieldsOf(schemaOf('smpp'));
    const by = Object.fromEntries(fields.map((f) => [fieldId(f.path), f]));
    expect(fields.filter((f) => f.required).map((f) => fieldId(f.path))).toEqual([
      'host',
      'systemId',
      'password',
      'sourceAddr',
    ]);
    expect(by.password?.kind).toBe('secret');
    expect(by.port).toMatchObject({ kind: 'integer', default: 2775 });
    const { settings, errors } = buildSettings(fields, {
      ...initialValues(fields),
      host: '127.0.0.1',
      port: '2775',
      systemId: 'ariadne',
      password: 'pw',
      sourceAddr: '+31612345678',
    });
    expect(errors).toEqual({});
    expect(() => server.validateChannelSettings('smpp', settings)).not.toThrow();
  });

  it('groups the e-mail SMTP block and marks its password secret', () => {
    const fields = fieldsOf(schemaOf('email'));
    const pass = fields.find((f) => fieldId(f.path) === 'smtp.pass');
    expect(pass).toMatchObject({ kind: 'secret', group: 'Smtp' });
    expect(fields.find((f) => f.key === 'inboundSecret')?.kind).toBe('secret');
  });

  it('edits a stored e-mail channel: settings back as stored, the SMTP password kept', () => {
    const fields = fieldsOf(schemaOf('email'));
    const stored = {
      smtp: {
        host: 'smtp.example.org',
        port: 587,
        secure: false,
        requireTLS: true,
        user: 'outreach',
        pass: 's3cret',
      },
      from: 'outreach@example.org',
      inboundSecret: 'a-long-inbound-secret-0123456789',
    };
    // What GET /api/outreach/channels/:id sends, into the form, saved without typing anything.
    const shown = server.withoutSecrets(stored);
    const values = valuesFrom(fields, shown);
    expect(values['smtp.pass']).toBe('');
    expect(values['smtp.host']).toBe('smtp.example.org');
    const { settings, errors } = buildSettings(
      fields.map((f) => (f.kind === 'secret' ? { ...f, required: false } : f)),
      values,
    );
    expect(errors).toEqual({});
    const saved = server.keepStoredSecrets(settings, stored);
    expect(saved).toEqual(stored);
    expect(() => server.validateChannelSettings('email', saved)).not.toThrow();
  });
});
