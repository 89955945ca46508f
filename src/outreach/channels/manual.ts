// The manual channel, for platforms without an API (a site's own chat, a social network): the
// worker copies the text, sends it by hand, and confirms. send() then only records that it
// happened, under a random id; nothing leaves the system. Delivery and replies are entered by
// the worker in the inbox, so this channel has no webhook.

import { randomUUID } from 'node:crypto';
import type { Channel, OutboundMessage, SendResult } from './channel.js';
import { IdempotencyMemo } from './http-gateway.js';

export class ManualChannel implements Channel {
  readonly kind = 'manual' as const;
  readonly warnings = [] as const;
  /** Whether the person can answer depends on the platform; the worker sees it there. */
  readonly repliesPossible = true;
  private readonly memo = new IdempotencyMemo();

  /** Records a hand-sent message; confirming twice (same idempotency key) gives the same id. */
  send(message: OutboundMessage): Promise<SendResult> {
    return this.memo.run(message.idempotencyKey, async () => ({
      ok: true,
      providerId: `manual-${randomUUID()}`,
    }));
  }

  async close(): Promise<void> {}
}

export function createManualChannel(): ManualChannel {
  return new ManualChannel();
}
