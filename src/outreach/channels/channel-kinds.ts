// What the console needs to configure a channel of each kind: the settings' JSON Schema (from the
// channel's own zod schema, so the form and the check can never disagree), which fields are
// secrets (write-only: they go in and never come out), what the sender is, and whether the
// provider calls us back on a webhook. Also the check a save runs, and the rule that an update
// which leaves a secret empty keeps the stored one — an admin changing a sender should not have
// to find the API key again.
import { z } from 'zod';
import { AppError, keyed, validationIssues } from '../../platform/errors.js';
import { CHANNEL_KINDS, type ChannelKind } from './channel.js';
import { CmSettings } from './cm.js';
import { EmailSettings } from './email.js';
import { MessageBirdSettings } from './messagebird.js';
import { SmppSettings } from './smpp.js';
import { TwilioSettings } from './twilio.js';
import { WhatsAppSettings } from './whatsapp.js';

const SCHEMAS: Record<ChannelKind, z.ZodType> = {
  smpp: SmppSettings,
  cm: CmSettings,
  messagebird: MessageBirdSettings,
  twilio: TwilioSettings,
  whatsapp: WhatsAppSettings,
  email: EmailSettings,
  manual: z.object({}).strict(),
};

const INFO: Record<ChannelKind, { label: string; senderHint: string; webhook: boolean }> = {
  smpp: {
    label: 'SMS over SMPP 3.4',
    senderHint: 'The number people see and answer to (a name cannot receive replies).',
    webhook: false,
  },
  cm: {
    label: 'SMS through CM.com',
    senderHint: 'A number people can answer to (a name cannot receive replies).',
    webhook: true,
  },
  messagebird: {
    label: 'SMS through Bird (MessageBird)',
    senderHint: 'A number people can answer to (a name cannot receive replies).',
    webhook: true,
  },
  twilio: {
    label: 'SMS through Twilio',
    senderHint: 'A number people can answer to (a name cannot receive replies).',
    webhook: true,
  },
  whatsapp: {
    label: 'WhatsApp Business Cloud API',
    senderHint: 'The WhatsApp number, for display.',
    webhook: true,
  },
  email: { label: 'E-mail (SMTP out, webhook in)', senderHint: 'The from address.', webhook: true },
  manual: {
    label: 'By hand (platforms without an API)',
    senderHint: 'The platform or account used, for display.',
    webhook: false,
  },
};

const SECRET_NAME = /(token|secret|key|pass|password)$/i;

export function isSecretField(name: string): boolean {
  return SECRET_NAME.test(name);
}

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema> };

/** Marks secret properties writeOnly, at any depth (e-mail keeps SMTP settings in an object). */
function markSecrets(schema: JsonSchema): JsonSchema {
  if (!schema.properties) return schema;
  const properties: Record<string, JsonSchema> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    const marked = markSecrets(prop);
    properties[name] =
      isSecretField(name) && prop.type === 'string' ? { ...marked, writeOnly: true } : marked;
  }
  return { ...schema, properties };
}

export function channelKinds() {
  return CHANNEL_KINDS.map((kind) => {
    const settingsSchema = markSecrets(
      z.toJSONSchema(SCHEMAS[kind], { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    );
    delete settingsSchema.$schema;
    return {
      kind,
      label: INFO[kind].label,
      senderHint: INFO[kind].senderHint,
      settingsSchema,
      webhookPath: INFO[kind].webhook ? '/api/webhooks/{channelId}' : null,
    };
  });
}

type Settings = Record<string, unknown>;

/** Secret fields left empty in `input` take the stored value; everything else is as given. */
export function keepStoredSecrets(input: Settings, stored: Settings): Settings {
  const out: Settings = { ...input };
  for (const [name, old] of Object.entries(stored)) {
    const given = input[name];
    if (isSecretField(name) && (given === undefined || given === '') && typeof old === 'string') {
      out[name] = old;
    } else if (
      old &&
      typeof old === 'object' &&
      !Array.isArray(old) &&
      given &&
      typeof given === 'object' &&
      !Array.isArray(given)
    ) {
      out[name] = keepStoredSecrets(given as Settings, old as Settings);
    }
  }
  return out;
}

/** Settings as the admin form may show them again: every secret left out, at any depth. */
export function withoutSecrets(settings: Settings): Settings {
  const out: Settings = {};
  for (const [name, value] of Object.entries(settings)) {
    if (isSecretField(name)) continue;
    out[name] =
      value && typeof value === 'object' && !Array.isArray(value)
        ? withoutSecrets(value as Settings)
        : value;
  }
  return out;
}

/** Checks settings against the kind's schema; the error names each field that is wrong. */
export function validateChannelSettings(kind: ChannelKind, settings: Settings): void {
  const parsed = SCHEMAS[kind].safeParse(settings);
  if (parsed.success) return;
  const message = parsed.error.issues
    .slice(0, 8)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
  throw new AppError(
    'validation_failed',
    keyed('outreach.channelSettingsInvalid', `Settings of a ${kind} channel: ${message}`, { kind }),
    undefined,
    { issues: validationIssues(parsed.error.issues) },
  );
}
