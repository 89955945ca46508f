import { describe, expect, it } from 'vitest';
import type { JsonSchema } from './api';
import { effectiveSender, isNameSender, SENDER_SETTING, senderField, SMS_KINDS } from './sender';
import { fieldId, fieldsOf, initialValues } from './settings-form';

// Server modules loaded by a computed path (see settings-form.test.ts for why).
const SERVER_KINDS = '../../../../src/outreach/channels/channel-kinds.ts';
const SERVER_GATEWAY = '../../../../src/outreach/channels/http-gateway.ts';
const kinds = (
  (await import(/* @vite-ignore */ SERVER_KINDS)) as {
    channelKinds: () => { kind: string; settingsSchema: JsonSchema }[];
  }
).channelKinds();
const gateway = (await import(/* @vite-ignore */ SERVER_GATEWAY)) as {
  isAlphanumericSender: (sender: string) => boolean;
};
const fieldsOfKind = (kind: string) =>
  fieldsOf(kinds.find((k) => k.kind === kind)?.settingsSchema ?? {});

describe('the setting a channel sends from', () => {
  it('is a plain (not secret) text field of each kind that has one', () => {
    for (const [kind, name] of Object.entries(SENDER_SETTING)) {
      const field = senderField(kind, fieldsOfKind(kind));
      expect(field ? fieldId(field.path) : null, kind).toBe(name);
      expect(field?.kind, kind).toBe('string');
    }
    expect(senderField('whatsapp', fieldsOfKind('whatsapp'))).toBeNull();
    expect(senderField('manual', [])).toBeNull();
  });

  it('is what the channel sends as when filled in; the sender field otherwise', () => {
    const fields = fieldsOfKind('smpp');
    const empty = initialValues(fields);
    expect(effectiveSender('smpp', fields, empty, ' Hulplijn ')).toBe('Hulplijn');
    expect(
      effectiveSender('smpp', fields, { ...empty, sourceAddr: ' +31612345678 ' }, 'Hulplijn'),
    ).toBe('+31612345678');
    expect(effectiveSender('smpp', fields, { ...empty, sourceAddr: 'Hulplijn' }, '+316')).toBe(
      'Hulplijn',
    );
    const wa = fieldsOfKind('whatsapp');
    expect(effectiveSender('whatsapp', wa, initialValues(wa), '+31 6 1234')).toBe('+31 6 1234');
  });

  it('covers every SMS kind', () => {
    for (const kind of SMS_KINDS) expect(SENDER_SETTING[kind], kind).toBeDefined();
  });
});

describe('isNameSender', () => {
  it('agrees with the gateways on what is a name', () => {
    for (const sender of [
      'Hulplijn',
      'Info 24',
      '+31612345678',
      '+31 (0)6-1234 5678',
      '0612345678',
      '3197010',
      '12#34',
      'outreach@example.org',
    ]) {
      expect(isNameSender(sender), sender).toBe(gateway.isAlphanumericSender(sender));
    }
    expect(isNameSender('Hulplijn')).toBe(true);
    expect(isNameSender('+31 6 1234 5678')).toBe(false);
    expect(isNameSender('')).toBe(false);
  });
});
