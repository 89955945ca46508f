// The shapes the message routes answer with, and their presenters: a message without its body
// (except on a manual channel, where the worker copies the text to send it by hand), the figures
// of a text, and a refusal of the contact rules naming the rule and when it may go.
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import { decryptBody, type MessageRow } from '../inbox/conversations.js';
import { MessageStatus, SafetyHitView, SmsEncoding } from '../views.js';
import type { ComposeState, composeMessage, SendRefused } from './service.js';

export const MessageView = z.object({
  id: z.string(),
  conversationId: z.string(),
  status: MessageStatus,
  purpose: z.enum(['message', 'opt_out_confirmation']),
  channelId: z.string().nullable(),
  templateId: z.string().nullable(),
  segments: z.number().nullable(),
  providerId: z.string().nullable(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  /** Waiting for this time, the first the rules allow; every rule is checked again then. */
  scheduledFor: z.string().nullable(),
  /** The person's time zone that time was worked out in. */
  scheduledZone: z.string().nullable(),
  /** Only on a manual channel, for the worker to copy and send by hand. */
  body: z.string().optional(),
});

export const TextPreview = z.object({
  encoding: SmsEncoding,
  characters: z.number(),
  units: z.number(),
  segments: z.number(),
  perSegment: z.number(),
  remainingInSegment: z.number(),
  nonGsmChars: z.array(z.string()),
  safetyHits: z.array(SafetyHitView),
});

export const ComposedMessage = z.object({
  message: MessageView,
  conversationId: z.string(),
  warnings: z.array(z.string()),
});

/** A refusal's message as a key and parameters of the console's "refusals" catalogue. */
const RefusalText = z
  .object({
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  })
  .meta({ id: 'RefusalText' });

export const Refusal = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    rule: z.string().optional(),
    text: RefusalText.optional(),
    notBefore: z.string().nullable().optional(),
  }),
});

export function presentMessage(m: MessageRow): z.infer<typeof MessageView> {
  return {
    id: m.id,
    conversationId: m.conversationId,
    status: m.status,
    purpose: m.purpose,
    channelId: m.channelId,
    templateId: m.templateId,
    segments: m.segments,
    providerId: m.providerId,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    createdAt: m.createdAt.toISOString(),
    scheduledFor: m.scheduledFor?.toISOString() ?? null,
    scheduledZone: m.scheduledZone,
  };
}

export function presentComposed(
  out: Awaited<ReturnType<typeof composeMessage>>,
  config: Config,
): z.infer<typeof ComposedMessage> {
  return {
    message: {
      ...presentMessage(out.message),
      // On a manual channel the worker copies the text and sends it by hand.
      ...(out.message.status === 'to_send'
        ? { body: decryptBody(config, out.message.bodyEnc) }
        : {}),
    },
    conversationId: out.conversation.id,
    warnings: out.warnings,
  };
}

export function presentRefusal(err: SendRefused): z.infer<typeof Refusal> {
  return {
    error: {
      code: 'conflict',
      message: err.message,
      rule: err.rule,
      ...(err.check.text ? { text: err.check.text } : {}),
      notBefore: err.check.notBefore?.toISOString() ?? null,
    },
  };
}

/** The rules' verdict before Send: what the compose dialog shows up front. */
export const ComposeStateView = z.object({
  allowed: z.boolean(),
  /** The first refusal's rule and message, when refused. */
  rule: z.string().nullable(),
  message: z.string().nullable(),
  /** `message` as a key and parameters, for the console to translate. */
  text: RefusalText.nullable(),
  refusals: z.array(
    z.object({
      rule: z.string(),
      message: z.string(),
      text: RefusalText.optional(),
      notBefore: z.string().nullable(),
    }),
  ),
  /** When only time stands in the way: the first time every rule allows it. */
  possibleFrom: z.string().nullable(),
  /** The person's time zone the rules use, and whether it was guessed. */
  timeZone: z.object({ zone: z.string(), guessed: z.boolean() }),
  warnings: z.array(z.string()),
  /** The message can be scheduled for `possibleFrom`. */
  schedulable: z.boolean(),
  /** The template addresses the person by name. */
  templateNames: z.boolean(),
  /** Names the ads with this number go by (more than one: a shared number). */
  sharedByNames: z.number(),
  /** A supervisor allowed names for this shared number. */
  namesAllowed: z.boolean(),
});

export function presentComposeState(s: ComposeState): z.infer<typeof ComposeStateView> {
  const c = s.check;
  return {
    allowed: c.allowed,
    rule: c.allowed ? null : c.rule,
    message: c.allowed ? null : c.message,
    text: c.allowed ? null : (c.text ?? null),
    refusals: c.allowed
      ? []
      : c.refusals.map((r) => ({
          rule: r.rule,
          message: r.message,
          ...(r.text ? { text: r.text } : {}),
          notBefore: r.notBefore?.toISOString() ?? null,
        })),
    possibleFrom: c.allowed ? null : (c.notBefore?.toISOString() ?? null),
    timeZone: { zone: c.timeZone.zone, guessed: c.timeZone.guessed },
    warnings: c.warnings.map((w) => w.message),
    schedulable: s.schedulable,
    templateNames: s.templateNames,
    sharedByNames: s.sharedByNames,
    namesAllowed: s.namesAllowed,
  };
}
