// The shapes the message routes answer with, and their presenters: a message without its body
// (except on a manual channel, where the worker copies the text to send it by hand), the figures
// of a text, and a refusal of the contact rules naming the rule and when it may go.
import { z } from 'zod';
import type { Config } from '../../platform/config.js';
import { decryptBody, type MessageRow } from '../inbox/conversations.js';
import { MessageStatus, SafetyHitView, SmsEncoding } from '../views.js';
import type { composeMessage, SendRefused } from './service.js';

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

export const Refusal = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    rule: z.string().optional(),
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
      notBefore: err.check.notBefore?.toISOString() ?? null,
    },
  };
}
