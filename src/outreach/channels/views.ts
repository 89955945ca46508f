// The shapes the channel routes answer with, and their presenters: a channel's settings leave the
// server only without their secrets, and a sender people cannot answer is said out loud.
import { z } from 'zod';
import { ChannelKind } from '../views.js';
import { channelKinds, withoutSecrets } from './channel-kinds.js';
import { presentChannel, type ChannelForSending } from './channel-store.js';

/**
 * A channel's settings without their secrets. Each kind has its own, described by the kind's
 * settingsSchema (ChannelKindView), so this one is open: the contract test admits it by name.
 */
export const ChannelSettings = z
  .record(z.string(), z.unknown())
  .meta({ id: 'ChannelSettings', description: "Settings of the channel's kind, secrets left out" });

export const ChannelView = z.object({
  id: z.string(),
  name: z.string(),
  kind: ChannelKind,
  enabled: z.boolean(),
  sender: z.string().nullable(),
  repliesPossible: z.boolean(),
  updatedAt: z.string(),
});

export const ChannelDetail = ChannelView.extend({
  settings: ChannelSettings,
  webhookUrl: z.string().nullable(),
});

export const SavedChannel = ChannelView.extend({ warnings: z.array(z.string()) });

/** A JSON Schema document (the settings form of a channel kind): open by nature, admitted by name
 * in the contract test. */
const JsonSchemaDocument = z
  .object({
    type: z.string().optional(),
    properties: z.record(z.string(), z.looseObject({})).optional(),
    required: z.array(z.string()).optional(),
  })
  .loose()
  .meta({ id: 'JsonSchemaDocument', description: 'A JSON Schema (draft 2020-12) document' });

export const ChannelKindView = z.object({
  kind: ChannelKind,
  label: z.string(),
  senderHint: z.string(),
  settingsSchema: JsonSchemaDocument,
  webhookPath: z.string().nullable(),
});

/** One channel for its admin form: settings without their secrets, and the webhook address to
 * give the provider (on this installation's public address). */
export function presentChannelDetail(
  { row, settings }: ChannelForSending,
  publicUrl: string,
): z.infer<typeof ChannelDetail> {
  const kind = channelKinds().find((k) => k.kind === row.kind);
  return {
    ...presentChannel(row),
    settings: withoutSecrets(settings),
    webhookUrl: kind?.webhookPath
      ? new URL(kind.webhookPath.replace('{channelId}', row.id), publicUrl).toString()
      : null,
  };
}

/** A saved channel, warned when people cannot reply to its sender. */
export function presentSavedChannel(
  saved: ReturnType<typeof presentChannel>,
): z.infer<typeof SavedChannel> {
  return {
    ...saved,
    warnings: saved.repliesPossible
      ? []
      : [
          `The channel sends as "${saved.sender ?? ''}", a name: people cannot reply to it. Use a number so they can answer.`,
        ],
  };
}
