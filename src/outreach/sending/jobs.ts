// Queue workers of the outreach context. `outreach.send` sends one queued message, at most once:
// the message is marked 'sending' in its own committed transaction before the channel is called,
// so a retry after a crash finds 'sending' and marks the outcome unknown instead of sending twice,
// and a second job for the same message (pg-boss does not drop it) leaves it to the first.
// Do-not-contact is checked again right before sending: an opt-out that arrived after the message
// was composed wins, and so does a case's record that the person is not to be contacted again. A message the worker scheduled for the first allowed time is checked against
// every rule again when its job runs (the same checkSend as composing): a refusal that time lifts
// holds it again, any other fails it with the rule and the reason, shown in the thread. Receipts and replies, from a webhook or a bound SMPP session, are taken in
// here too, since an opt-out among them queues its one confirmation.
import { and, eq, max } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Clock } from '../../platform/clock.js';
import type { Config } from '../../platform/config.js';
import type { Db, DbOrTx } from '../../platform/db/connect.js';
import { isAppError } from '../../platform/errors.js';
import { defineJob, type JobDefinition, type JobRef, type Jobs } from '../../platform/jobs.js';
import { createChannelRegistry, type ChannelRegistry } from '../channels/channel-registry.js';
import type { ChannelEvents, ChannelKind, SendError } from '../channels/channel.js';
import type { WebhookResult } from '../channels/http-gateway.js';
import { contactAddress } from '../inbox/contacts.js';
import { decryptBody, recordSent } from '../inbox/conversations.js';
import { quietHoursHold, type ContactSettings } from '../domain/index.js';
import { contactConsentBar, type ContactConsentPort } from './contact-consent.js';
import { handleDelivery, handleInbound, recheckScheduled } from './service.js';
import { outreachSettings } from './settings.js';
import {
  contacts,
  conversations,
  messages,
  outreachChannels,
  outreachTemplates,
} from '../schema.js';

/** When the person last wrote to us, on any channel (they may be answered in quiet hours). */
async function lastInboundAt(db: DbOrTx, contactId: string): Promise<Date | null> {
  const [last] = await db
    .select({ at: max(messages.createdAt) })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .where(and(eq(conversations.contactId, contactId), eq(messages.direction, 'in')));
  return last?.at ? new Date(last.at) : null;
}

/** Meta's customer-service window: free text only this long after the person last wrote there. */
const WHATSAPP_WINDOW_MS = 24 * 3_600_000;

/**
 * What a WhatsApp message goes out as: free text inside the service window; outside it the
 * template's Meta-approved template (without parameters: a neutral, parameter-free template is what
 * a discreet first contact needs), or nothing at all.
 */
async function whatsappForm(
  db: Db,
  contactId: string,
  templateId: string | null,
  now: Date,
): Promise<
  | { kind: 'text' }
  | { kind: 'template'; template: { name: string; language: string; parameters: string[] } }
  | { kind: 'none' }
> {
  const [last] = await db
    .select({ at: max(messages.createdAt) })
    .from(messages)
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .innerJoin(outreachChannels, eq(outreachChannels.id, messages.channelId))
    .where(
      and(
        eq(conversations.contactId, contactId),
        eq(messages.direction, 'in'),
        eq(outreachChannels.kind, 'whatsapp'),
      ),
    );
  const lastAt = last?.at ? new Date(last.at) : null;
  if (lastAt && now.getTime() - lastAt.getTime() < WHATSAPP_WINDOW_MS) return { kind: 'text' };
  if (!templateId) return { kind: 'none' };
  const [t] = await db.select().from(outreachTemplates).where(eq(outreachTemplates.id, templateId));
  if (!t?.whatsappTemplate || t.status !== 'approved') return { kind: 'none' };
  return {
    kind: 'template',
    template: { name: t.whatsappTemplate, language: t.language, parameters: [] },
  };
}

export const SendMessagePayload = z.object({ messageId: z.uuid() });
export const sendMessageJobRef: JobRef<typeof SendMessagePayload> = {
  name: 'outreach.send',
  schema: SendMessagePayload,
};
export const SEND_RETRY_LIMIT = 5;

export const OUTCOME_UNKNOWN =
  'outcome unknown — check the provider before sending again (the send was interrupted)';

/** Queues the send of a stored message; one pending job per message (a scheduled one waits). */
export async function queueSend(jobs: Jobs, messageId: string, startAfter?: Date): Promise<void> {
  await jobs.send(
    sendMessageJobRef,
    { messageId },
    { singletonKey: messageId, ...(startAfter ? { startAfter } : {}) },
  );
}

/** Thrown to make pg-boss retry with backoff; the message is queued again. */
export class RetryableSendError extends Error {
  override name = 'RetryableSendError';
}

/**
 * A failure after which the provider may have taken the message (no answer, a dropped link): a
 * retry could send it twice, so it is not retried.
 */
function mayHaveBeenSent(error: SendError): boolean {
  return error.code === 'timeout' || /may have (taken|accepted)/i.test(error.message);
}

export type SendOutcome =
  'sent' | 'failed' | 'not_queued' | 'outcome_unknown' | 'do_not_contact' | 'held' | 'refused';

/** Sends one queued message (see the module header for the guarantees). */
export async function sendQueuedMessage(
  db: Db,
  config: Config,
  registry: ChannelRegistry,
  messageId: string,
  opts: {
    clock: Clock;
    /** The installation's contact rules: quiet hours are checked again at the moment of sending. */
    settings: ContactSettings;
    /** Whether a case rules out writing to the person now (asked again at the moment of sending). */
    contactConsent: ContactConsentPort;
    /** Asks for the send to be tried again at `until` (a message held through quiet hours). */
    hold: (until: Date) => Promise<void>;
    lastAttempt?: boolean;
    log?: Logger;
    /** How often this job ran before (pg-boss's retry count); absent: taken for a retry. */
    retryCount?: number;
  },
): Promise<SendOutcome> {
  const { clock } = opts;
  // Inside the claim's transaction when given one: a refusal there is part of the claim.
  const fail = async (code: string, message: string, on: DbOrTx = db) => {
    await on
      .update(messages)
      .set({ status: 'failed', failedAt: clock.now(), errorCode: code, errorMessage: message })
      .where(eq(messages.id, messageId));
  };

  // 1. Claim the message: only a queued one, checked and marked 'sending' in one transaction.
  const claim = await db.transaction(async (tx) => {
    const [msg] = await tx.select().from(messages).where(eq(messages.id, messageId)).for('update');
    if (!msg || msg.direction !== 'out') return { kind: 'not_queued' as const };
    if (msg.status === 'sending') {
      // A job's first run that finds the message 'sending' is a second job for it (a repeated
      // request queues the send again, at any server): the job that claimed it is sending it now.
      // Only a retry of a job — its worker was lost mid-send — learns that the outcome is unknown.
      if (opts.retryCount === 0) return { kind: 'not_queued' as const };
      await fail('outcome_unknown', OUTCOME_UNKNOWN, tx);
      return { kind: 'outcome_unknown' as const };
    }
    if (msg.status !== 'queued' || !msg.channelId) return { kind: 'not_queued' as const };
    const [conv] = await tx
      .select()
      .from(conversations)
      .where(eq(conversations.id, msg.conversationId));
    const [contact] = conv?.contactId
      ? await tx.select().from(contacts).where(eq(contacts.id, conv.contactId))
      : [];
    if (!contact) {
      await fail('no_contact', 'The conversation has no contact to send to.', tx);
      return { kind: 'failed' as const };
    }
    const confirmation = msg.purpose === 'opt_out_confirmation';
    // Never to a do-not-contact person; the only exception is the one confirmation of their own
    // opt-out, on the channel it came in on, if it has not gone yet.
    const blocked = confirmation
      ? contact.optOutConfirmedAt !== null || contact.optOutChannelId !== msg.channelId
      : contact.doNotContact;
    if (blocked) {
      await fail('do_not_contact', 'Not sent: the person must not be contacted.', tx);
      return { kind: 'do_not_contact' as const };
    }
    if (msg.scheduledFor) {
      // Scheduled for the first allowed time: every rule again, as when it was written.
      const check = await recheckScheduled(
        tx,
        config,
        msg,
        contact,
        opts.settings,
        clock.now(),
        opts.contactConsent,
      );
      if (!check.allowed) {
        if (check.notBefore) {
          // Only time again (a reply window, a busy channel, a later gap): wait for that.
          await tx
            .update(messages)
            .set({
              scheduledFor: check.notBefore,
              errorCode: `held_${check.rule}`,
              errorMessage: `Held: ${check.message}`,
            })
            .where(eq(messages.id, messageId));
          return { kind: 'held' as const, until: check.notBefore };
        }
        await fail(`refused_${check.rule}`, `Not sent at its time: ${check.message}`, tx);
        return { kind: 'refused' as const };
      }
    } else if (!confirmation) {
      // A withdrawal recorded in a case after the message was written wins, as an opt-out does.
      const bar = await contactConsentBar(
        tx,
        opts.contactConsent,
        contact.id,
        conv?.entityId ?? null,
        clock.now(),
      );
      if (bar) {
        await fail(
          'refused_no_contact_consent',
          'Not sent: a case records that the person is not to be contacted again.',
          tx,
        );
        return { kind: 'refused' as const };
      }
      const hold = quietHoursHold(
        { address: contactAddress(config, contact) },
        await lastInboundAt(tx, contact.id),
        opts.settings,
        clock.now(),
      );
      if (hold) {
        // Still queued, with the reason the worker sees in the thread; the job asks again then.
        await tx
          .update(messages)
          .set({ errorCode: 'held_quiet_hours', errorMessage: `Held: ${hold.message}` })
          .where(eq(messages.id, messageId));
        return { kind: 'held' as const, until: hold.until };
      }
    }
    await tx.update(messages).set({ status: 'sending' }).where(eq(messages.id, messageId));
    return { kind: 'claimed' as const, msg, contact };
  });
  if (claim.kind === 'held') {
    await opts.hold(claim.until);
    return 'held';
  }
  if (claim.kind === 'refused') return 'refused';
  if (claim.kind !== 'claimed') return claim.kind;
  const { msg, contact } = claim;
  const channelId = msg.channelId as string;

  // 2. The channel. A broken configuration fails the message: nothing was sent.
  let channel;
  try {
    channel = await registry.get(db, channelId);
  } catch (err) {
    await fail(
      'channel_config',
      isAppError(err) ? err.message : 'The channel could not be started.',
    );
    return 'failed';
  }

  let template: { name: string; language: string; parameters: string[] } | undefined;
  if (channel.kind === 'whatsapp') {
    const form = await whatsappForm(db, contact.id, msg.templateId, clock.now());
    if (form.kind === 'none') {
      await fail(
        'whatsapp_window_closed',
        'The person has not written on WhatsApp in the last 24 h; outside that window only an approved WhatsApp template can be sent.',
      );
      return 'failed';
    }
    if (form.kind === 'template') template = form.template;
  }

  // 3. Send. From here on, a crash leaves 'sending' behind, which a retry reports as unknown.
  let result;
  try {
    result = await channel.send({
      idempotencyKey: msg.idempotencyKey ?? msg.id,
      to: contactAddress(config, contact),
      body: decryptBody(config, msg.bodyEnc),
      ...(template ? { template } : {}),
    });
  } catch (err) {
    opts.log?.error({ err: String(err), messageId }, 'outreach: channel threw while sending');
    await fail('outcome_unknown', OUTCOME_UNKNOWN);
    return 'outcome_unknown';
  }

  if (result.ok) {
    const now = clock.now();
    await db.transaction((tx) =>
      recordSent(
        tx,
        msg,
        {
          from: 'sending',
          providerId: result.providerId,
          segments: result.segments ?? msg.segments,
          contactId: contact.id,
        },
        now,
      ),
    );
    return 'sent';
  }

  const e = result.error;
  const detail = e.providerCode ? `${e.message} (${e.providerCode})` : e.message;
  if (e.retryable && mayHaveBeenSent(e)) {
    await fail('outcome_unknown', `${OUTCOME_UNKNOWN}: ${detail}`);
    return 'outcome_unknown';
  }
  if (e.retryable && !opts.lastAttempt) {
    await db
      .update(messages)
      .set({ status: 'queued', errorCode: e.code, errorMessage: detail })
      .where(and(eq(messages.id, messageId), eq(messages.status, 'sending')));
    throw new RetryableSendError(`send of ${messageId} failed (${e.code}); retrying`);
  }
  await fail(e.code, detail);
  return 'failed';
}

/**
 * What a provider's webhook brought, taken in: each receipt moves its message on, each reply goes
 * to the person's conversation, and an opt-out's one confirmation is queued for sending.
 */
export async function receiveWebhookEvents(
  deps: {
    db: Db;
    config: Config;
    jobs: Jobs;
    clock: Clock;
    /** The installation's contact rules (the confirmation of an opt-out is checked by them). */
    settings: ContactSettings;
  },
  channel: { id: string; kind: ChannelKind },
  result: WebhookResult,
): Promise<void> {
  const { db, config, jobs, clock, settings } = deps;
  for (const report of result.deliveries) await handleDelivery(db, channel.id, report);
  for (const inbound of result.inbound) {
    const handled = await handleInbound(db, config, channel, inbound, { settings, clock });
    if (handled.confirmation) await queueSend(jobs, handled.confirmation.id);
  }
}

/** Receipts and replies that arrive on a session channel (SMPP) go where webhooks go. */
export function sessionChannelEvents(deps: {
  db: Db;
  config: Config;
  log: Logger;
  jobs: () => Jobs;
  clock: Clock;
  settings?: ContactSettings;
}): (channel: { id: string; kind: ChannelKind }) => ChannelEvents {
  return (channel) => ({
    onDelivery: async (report) => {
      // A receipt can overtake the store of the provider id after submit_sm_resp: try again briefly.
      for (let attempt = 0; attempt < 20; attempt++) {
        if (await handleDelivery(deps.db, channel.id, report)) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      deps.log.warn({ channel: channel.id }, 'outreach: receipt for an unknown message');
    },
    onInbound: async (inbound) => {
      try {
        const handled = await handleInbound(deps.db, deps.config, channel, inbound, {
          clock: deps.clock,
          ...(deps.settings ? { settings: deps.settings } : {}),
        });
        if (handled.confirmation) await queueSend(deps.jobs(), handled.confirmation.id);
      } catch (err) {
        deps.log.error({ err: String(err), channel: channel.id }, 'outreach: inbound not stored');
        throw err;
      }
    },
  });
}

export function outreachJobs(deps: {
  db: Db;
  config: Config;
  log: Logger;
  jobs: () => Jobs;
  /** "Now" for the send job's checks (WhatsApp's window) and the times it records. */
  clock: Clock;
  /** A registry shared with the rest of the process; one is made when absent. */
  registry?: ChannelRegistry;
  /** Whether a case rules out writing to a person (src/app wires it to the cases context). */
  contactConsent: ContactConsentPort;
  /** Bound SMPP sessions are unbound cleanly when the process stops. */
  onStop?: (close: () => Promise<void>) => void;
}): JobDefinition[] {
  const settings = outreachSettings(deps.config);
  const registry =
    deps.registry ??
    createChannelRegistry({
      config: deps.config,
      log: deps.log,
      clock: deps.clock,
      events: sessionChannelEvents({ ...deps, settings }),
    });
  deps.onStop?.(() => registry.closeAll());
  return [
    defineJob({
      ...sendMessageJobRef,
      retryLimit: SEND_RETRY_LIMIT,
      retryDelaySeconds: 5,
      handler: async ({ messageId }, ctx) => {
        const outcome = await sendQueuedMessage(deps.db, deps.config, registry, messageId, {
          clock: deps.clock,
          settings,
          contactConsent: deps.contactConsent,
          hold: async (until) => {
            await deps
              .jobs()
              .send(
                sendMessageJobRef,
                { messageId },
                { startAfter: until, singletonKey: messageId },
              );
          },
          lastAttempt: ctx.retryCount >= SEND_RETRY_LIMIT,
          retryCount: ctx.retryCount,
          log: ctx.log,
        });
        if (outcome !== 'sent' && outcome !== 'not_queued') {
          ctx.log.info({ messageId, outcome }, 'outreach: message not sent');
        }
      },
    }),
    defineJob({
      // Replies and receipts over SMPP arrive only on a bound session: keep one bound in the
      // worker that runs this, even when nothing has been sent yet.
      name: 'outreach.connect-channels',
      schema: z.object({}),
      schedule: { cron: '* * * * *', data: {} },
      retryLimit: 0,
      handler: async (_data, ctx) => {
        const rows = await deps.db
          .select({ id: outreachChannels.id })
          .from(outreachChannels)
          .where(and(eq(outreachChannels.kind, 'smpp'), eq(outreachChannels.enabled, true)));
        for (const row of rows) {
          try {
            await registry.get(deps.db, row.id);
          } catch (err) {
            ctx.log.warn({ channel: row.id, err: String(err) }, 'outreach: channel not started');
          }
        }
      },
    }),
  ];
}
