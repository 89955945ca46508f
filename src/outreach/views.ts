// The named vocabularies of outreach's API (each becomes a schema of its own in the OpenAPI
// document, and a constant of the console's: scripts/openapi-types.ts) and the shapes more than
// one folder answers with. Each folder's views.ts holds its own shapes and presenters; the
// serializer keeps only what is named there, so a field leaves the server only if it is listed.
// The named enums stay together here, in this order: the console's constants are written in the
// order they are defined.
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
