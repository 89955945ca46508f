// Builds a working channel from a stored one: kind → factory, with the decrypted settings. Built
// channels are kept per process (an SMPP channel holds a bound session that also receives receipts
// and replies; HTTP channels keep their idempotency memo), and rebuilt when an admin saves new
// settings. Webhook parsers per kind live here too, so the routes verify with the right one.
import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { DbOrTx } from '../../platform/db/connect.js';
import { AppError } from '../../platform/errors.js';
import { channelForSending } from './channel-store.js';
import type { Channel, ChannelEvents, ChannelKind } from './channel.js';
import { createCmChannel, parseCmWebhook } from './cm.js';
import { createEmailChannel, parseEmailWebhook } from './email.js';
import type { WebhookRequest, WebhookResult } from './http-gateway.js';
import { WebhookError } from './http-gateway.js';
import { createManualChannel } from './manual.js';
import { createMessageBirdChannel, parseMessageBirdWebhook } from './messagebird.js';
import { createSmppChannel } from './smpp.js';
import { createTwilioChannel, parseTwilioWebhook } from './twilio.js';
import { createWhatsAppChannel, parseWhatsAppWebhook } from './whatsapp.js';

type Settings = Record<string, unknown>;
type Factory = (settings: Settings, events: ChannelEvents, log: Logger, clock: Clock) => Channel;

const FACTORIES: Record<ChannelKind, Factory> = {
  smpp: (s, events, log, clock) => createSmppChannel(s as never, events, log, clock),
  cm: (s) => createCmChannel(s as never),
  messagebird: (s) => createMessageBirdChannel(s as never),
  twilio: (s) => createTwilioChannel(s as never),
  whatsapp: (s) => createWhatsAppChannel(s as never),
  email: (s) => createEmailChannel(s as never),
  manual: () => createManualChannel(),
};

/**
 * Verifies and parses a webhook with the parser of the channel's kind; throws WebhookError. `now`
 * is when it arrived: a signature's age is judged by it, and it is the time of an event the
 * provider sent without one.
 */
export async function parseChannelWebhook(
  kind: ChannelKind,
  settings: Settings,
  req: WebhookRequest,
  now: Date,
): Promise<WebhookResult> {
  switch (kind) {
    case 'cm':
      return parseCmWebhook(req, settings as never, now);
    case 'messagebird':
      return parseMessageBirdWebhook(req, settings as never, { now });
    case 'twilio':
      return parseTwilioWebhook(req, settings as never, now);
    case 'whatsapp':
      return parseWhatsAppWebhook(req, settings as never);
    case 'email':
      return parseEmailWebhook(req, settings as never, now);
    case 'smpp':
    case 'manual':
      throw new WebhookError('method_not_allowed', `A ${kind} channel has no webhook.`);
  }
}

export interface ChannelRegistry {
  /** The working channel for a stored one, built on first use and kept. */
  get(db: DbOrTx, channelId: string): Promise<Channel>;
  closeAll(): Promise<void>;
}

export function createChannelRegistry(deps: {
  config: Config;
  log: Logger;
  /** Given to channels that stamp what arrives (an SMPP reply's time). */
  clock: Clock;
  /** Receipts and replies of session channels (SMPP), per stored channel. */
  events: (channel: { id: string; kind: ChannelKind }) => ChannelEvents;
}): ChannelRegistry {
  const built = new Map<string, { version: number; channel: Channel }>();
  return {
    async get(db, channelId) {
      const { row, settings } = await channelForSending(db, deps.config, channelId);
      const version = row.updatedAt.getTime();
      const cached = built.get(channelId);
      if (cached?.version === version) return cached.channel;
      if (cached) {
        built.delete(channelId);
        await cached.channel.close().catch(() => undefined);
      }
      let channel: Channel;
      try {
        channel = FACTORIES[row.kind](
          settings,
          deps.events({ id: row.id, kind: row.kind }),
          deps.log.child({ channel: row.id, kind: row.kind }),
          deps.clock,
        );
      } catch (err) {
        // Settings that do not pass the channel's schema: an admin must fix them; no retry helps.
        throw new AppError('config_invalid', `Channel "${row.name}" is not configured correctly.`, {
          err: String(err),
        });
      }
      built.set(channelId, { version, channel });
      return channel;
    },
    async closeAll() {
      const all = [...built.values()];
      built.clear();
      await Promise.all(all.map((b) => b.channel.close().catch(() => undefined)));
    },
  };
}
