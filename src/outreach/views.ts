// The shapes outreach's API answers with: the response schemas of src/outreach/routes.ts. The
// serializer keeps only what is named here, so a field leaves the server only if it is listed; the
// console's types are generated from these (scripts/openapi-types.ts).
import { z } from 'zod';
import { AssignmentOptionsView } from '../platform/auth/capabilities.js';
import {
  OutreachLanguage,
  SAFETY_CATEGORIES,
  TEMPLATE_PURPOSES,
  TEMPLATE_STATUSES,
} from './domain/index.js';
import { CONVERSATION_STATUSES, MESSAGE_STATUSES } from './schema.js';

export const ConversationStatus = z.enum(CONVERSATION_STATUSES).meta({ id: 'ConversationStatus' });
export const MessageStatus = z.enum(MESSAGE_STATUSES).meta({ id: 'MessageStatus' });
export const TemplateStatus = z.enum(TEMPLATE_STATUSES).meta({ id: 'TemplateStatus' });
export const TemplatePurpose = z.enum(TEMPLATE_PURPOSES).meta({ id: 'TemplatePurpose' });
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

export const TemplateView = z.object({
  id: z.string(),
  name: z.string(),
  language: OutreachLanguage,
  purpose: TemplatePurpose,
  variants: z.array(
    z.object({
      text: z.string(),
      characters: z.number(),
      encoding: SmsEncoding,
      segments: z.number(),
    }),
  ),
  fallbacks: z.object({
    displayName: z.string().nullable().optional(),
    city: z.string().nullable().optional(),
  }),
  whatsappTemplate: z.string().nullable(),
  status: TemplateStatus,
  safetyHits: z.array(SafetyHitView.extend({ variant: z.number() })),
  safetyConfirmedBy: z.string().nullable(),
  warnings: z.array(
    z.object({
      code: z.enum(['placeholder_mid_sentence', 'not_gsm', 'several_segments', 'single_variant']),
      message: z.string(),
      variant: z.number().nullable(),
    }),
  ),
  createdBy: z.string().nullable(),
  editedBy: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  retiredBy: z.string().nullable(),
  retiredAt: z.string().nullable(),
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

export const QuickReplyView = z.object({
  id: z.string(),
  language: z.string(),
  title: z.string(),
  text: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});

const ConversationKind = z.enum(['outreach', 'inbound', 'chat']);

export const InboxItem = z.object({
  id: z.string(),
  kind: ConversationKind,
  status: ConversationStatus,
  contact: z.string().nullable(),
  doNotContact: z.boolean(),
  entityId: z.string().nullable(),
  channelId: z.string().nullable(),
  assigneeId: z.string().nullable(),
  unread: z.number(),
  unanswered: z.number(),
  lastMessageAt: z.string(),
});

export const ConversationDetail = z.object({
  conversation: z.object({
    id: z.string(),
    kind: ConversationKind,
    status: ConversationStatus,
    entityId: z.string().nullable(),
    channelId: z.string().nullable(),
    assigneeId: z.string().nullable(),
    unread: z.number(),
    unanswered: z.number(),
    createdAt: z.string(),
  }),
  contact: z
    .object({
      id: z.string(),
      kind: z.enum(['phone', 'email', 'handle']),
      masked: z.string(),
      country: z.string().nullable(),
      doNotContact: z.boolean(),
      optOutAt: z.string().nullable(),
      lastInboundAt: z.string().nullable(),
    })
    .nullable(),
  messages: z.array(
    z.object({
      id: z.string(),
      direction: z.enum(['out', 'in', 'note']),
      status: MessageStatus,
      purpose: z.enum(['message', 'opt_out_confirmation']),
      channelId: z.string().nullable(),
      templateId: z.string().nullable(),
      body: z.string(),
      providerId: z.string().nullable(),
      errorCode: z.string().nullable(),
      errorMessage: z.string().nullable(),
      authorId: z.string().nullable(),
      segments: z.number().nullable(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
      deliveredAt: z.string().nullable(),
      failedAt: z.string().nullable(),
    }),
  ),
  assignment: AssignmentOptionsView,
});

export const ConversationChange = z.object({
  id: z.string(),
  status: ConversationStatus,
  assigneeId: z.string().nullable(),
  assignment: AssignmentOptionsView,
});

export const NoteView = z.object({ id: z.string(), createdAt: z.string() });
