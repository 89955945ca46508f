// The named vocabularies of outreach's API (each becomes a schema of its own in the OpenAPI
// document, and a constant of the console's: scripts/openapi-types.ts), then the shapes outreach's
// API answers with. Each folder's views.ts holds its own shapes; the serializer keeps only what is
// named there, so a field leaves the server only if it is listed. The named enums stay together
// here, in this order (the console's constants are written in the order they are defined), with
// the shapes several folders share.
import { z } from 'zod';
import { CHANNEL_KINDS } from './channels/channel.js';
import {
  OutreachLanguage,
  SAFETY_CATEGORIES,
  TEMPLATE_PURPOSES,
  TEMPLATE_STATUSES,
} from './domain/index.js';
import { CONVERSATION_STATUSES, MESSAGE_STATUSES } from './schema.js';

export const ChannelKind = z.enum(CHANNEL_KINDS).meta({ id: 'ChannelKind' });
export const ConversationStatus = z.enum(CONVERSATION_STATUSES).meta({ id: 'ConversationStatus' });
export const MessageStatus = z.enum(MESSAGE_STATUSES).meta({ id: 'MessageStatus' });
export const TemplateStatus = z.enum(TEMPLATE_STATUSES).meta({ id: 'TemplateStatus' });
export const TemplatePurpose = z.enum(TEMPLATE_PURPOSES).meta({ id: 'TemplatePurpose' });

// Shapes more than one folder answers with (templates and the compose preview).
export const SmsEncoding = z.enum(['GSM-7', 'UCS-2']);

export const SafetyHitView = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  term: z.string(),
  category: z.enum(SAFETY_CATEGORIES),
  language: OutreachLanguage.nullable(),
  why: z.string(),
});

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
