// Channels as an admin configures them: kind, sender and settings with credentials, the settings
// stored encrypted and never returned by the API. A sender that is a name, not a number, is
// flagged: people cannot answer it.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { auditFields, type Actor } from '../../platform/actor.js';
import { appendAudit } from '../../platform/audit/audit-log.js';
import type { Config } from '../../platform/config.js';
import { decryptField, encryptField } from '../../platform/crypto.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError, keyed } from '../../platform/errors.js';
import { CHANNEL_KINDS } from './channel.js';
import { isAlphanumericSender } from './http-gateway.js';
import { keepStoredSecrets, validateChannelSettings } from './channel-kinds.js';
import { outreachChannels } from '../schema.js';

const SETTINGS_CONTEXT = 'outreach_channels.settings';

export const ChannelInput = z.object({
  name: z.string().trim().min(1).max(80),
  kind: z.enum(CHANNEL_KINDS),
  sender: z.string().trim().max(120).nullable().default(null),
  enabled: z.boolean().default(true),
  /** Provider settings and credentials; validated by the channel's own schema when it is built. */
  settings: z.record(z.string(), z.unknown()).default({}),
});
export type ChannelInput = z.input<typeof ChannelInput>;

/** An alphanumeric sender ("Hulplijn") cannot receive replies (the gateways' own rule). */
export function isNameSender(sender: string | null): boolean {
  return !!sender && isAlphanumericSender(sender);
}

/** The setting a message actually goes out from, per kind; the channel's shown sender follows it. */
const SENDER_SETTING: Partial<Record<(typeof CHANNEL_KINDS)[number], string>> = {
  smpp: 'sourceAddr',
  cm: 'sender',
  messagebird: 'originator',
  twilio: 'from',
  email: 'from',
};

function effectiveSender(c: z.output<typeof ChannelInput>): string | null {
  const field = SENDER_SETTING[c.kind];
  const value = field ? c.settings[field] : undefined;
  return typeof value === 'string' && value.trim() ? value.trim() : c.sender;
}

export function presentChannel(row: typeof outreachChannels.$inferSelect) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    enabled: row.enabled,
    sender: row.sender,
    repliesPossible: !(
      ['smpp', 'cm', 'messagebird', 'twilio'].includes(row.kind) && isNameSender(row.sender)
    ),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function saveChannel(db: DbOrTx, config: Config, actor: Actor, input: ChannelInput) {
  const c = ChannelInput.parse(input);
  const [stored] = await db
    .select()
    .from(outreachChannels)
    .where(eq(outreachChannels.name, c.name));
  if (stored && stored.kind === c.kind) {
    const old = JSON.parse(
      decryptField(config.secrets.fieldKeys, stored.settingsEnc, SETTINGS_CONTEXT),
    ) as Record<string, unknown>;
    c.settings = keepStoredSecrets(c.settings, old);
  }
  validateChannelSettings(c.kind, c.settings);
  const values = {
    name: c.name,
    kind: c.kind,
    // What people see and answer to is what the provider is told to send from.
    sender: effectiveSender(c),
    enabled: c.enabled,
    settingsEnc: encryptField(
      config.secrets.fieldKeys,
      JSON.stringify(c.settings),
      SETTINGS_CONTEXT,
    ),
    updatedAt: new Date(),
  };
  const [row] = await db
    .insert(outreachChannels)
    .values({ ...values, createdBy: actor.userId })
    .onConflictDoUpdate({ target: outreachChannels.name, set: values })
    .returning();
  if (!row) throw new AppError('internal', 'Channel could not be stored.');
  await appendAudit(db, {
    ...auditFields(actor),
    action: 'outreach.channel_save',
    targetType: 'outreach_channel',
    targetId: row.id,
    details: { name: c.name, kind: c.kind, enabled: c.enabled },
  });
  return presentChannel(row);
}

export async function listChannels(db: DbOrTx) {
  const rows = await db.select().from(outreachChannels).orderBy(outreachChannels.name);
  return rows.map(presentChannel);
}

/** The stored row of the channel of that name, if any (its settings stay encrypted). */
export async function channelByName(db: DbOrTx, name: string) {
  const [row] = await db.select().from(outreachChannels).where(eq(outreachChannels.name, name));
  return row ?? null;
}

export interface ChannelForSending {
  row: typeof outreachChannels.$inferSelect;
  settings: Record<string, unknown>;
}

/** A channel with its decrypted settings, for building a sender (never for the API). */
export async function channelForSending(
  db: DbOrTx,
  config: Config,
  id: string,
): Promise<ChannelForSending> {
  const [row] = await db.select().from(outreachChannels).where(eq(outreachChannels.id, id));
  if (!row) throw new AppError('not_found', keyed('outreach.channelNotFound', 'No such channel.'));
  const settings = JSON.parse(
    decryptField(config.secrets.fieldKeys, row.settingsEnc, SETTINGS_CONTEXT),
  ) as Record<string, unknown>;
  return { row, settings };
}
