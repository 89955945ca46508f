// Calls and response shapes of outreach set-up: message templates, quick replies, the live SMS
// figures of a text, and channels with the JSON Schemas of their settings (src/outreach/routes.ts,
// templates-store.ts and channel-store.ts on the server).
import { api } from '../api/client';

/** The nine languages outreach writes in (src/outreach/domain/languages.ts). */
export const OUTREACH_LANGUAGES = ['nl', 'en', 'de', 'fr', 'es', 'ro', 'pl', 'hu', 'bg'] as const;
export type OutreachLanguage = (typeof OUTREACH_LANGUAGES)[number];

export const TEMPLATE_STATUSES = ['draft', 'approved', 'retired'] as const;
export type TemplateStatus = (typeof TEMPLATE_STATUSES)[number];
export type StatusFilter = TemplateStatus | 'all';

export const TEMPLATE_PURPOSES = ['first_contact', 'follow_up', 'reply'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** The placeholders a template may use, written exactly like this (src/outreach/domain/templates.ts). */
export const PLACEHOLDERS = ['displayName', 'city'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** Longest fallback per placeholder (PLACEHOLDER_LIMITS on the server). */
export const FALLBACK_LIMITS: Record<Placeholder, number> = { displayName: 30, city: 40 };
export const MAX_VARIANTS = 10;
export const MAX_VARIANT_CHARS = 1000;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SafetyHit {
  /** UTF-16 offsets into the checked text. */
  start: number;
  end: number;
  text: string;
  term: string;
  category: string;
  language: string | null;
  why: string;
  /** Which variant of a template (absent for a single text). */
  variant?: number;
}

export interface TemplateWarning {
  code: string;
  message: string;
  variant: number | null;
}

export interface TemplateVariant {
  text: string;
  characters: number;
  encoding: SmsEncoding;
  segments: number;
}

export interface Fallbacks {
  displayName?: string | null;
  city?: string | null;
}

export interface Template {
  id: string;
  name: string;
  language: OutreachLanguage;
  purpose: TemplatePurpose;
  variants: TemplateVariant[];
  fallbacks: Fallbacks;
  whatsappTemplate: string | null;
  status: TemplateStatus;
  safetyHits: SafetyHit[];
  safetyConfirmedBy: string | null;
  warnings: TemplateWarning[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  retiredBy: string | null;
  retiredAt: string | null;
}

/** What the editor sends for a draft (TemplateDraft on the server). */
export interface TemplateDraft {
  name: string;
  language: OutreachLanguage;
  purpose: TemplatePurpose;
  variants: string[];
  fallbacks: Fallbacks;
  whatsappTemplate: string | null;
}

export interface TextPreview {
  characters: number;
  encoding: SmsEncoding;
  segments: number;
  perSegment: number;
  remainingInSegment: number;
  nonGsmChars: string[];
  safetyHits: SafetyHit[];
}

export interface QuickReply {
  id: string;
  language: OutreachLanguage;
  title: string;
  text: string;
  createdBy: string | null;
  createdAt: string;
}

export interface NewQuickReply {
  language: OutreachLanguage;
  title: string;
  text: string;
}

export interface Channel {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  sender: string | null;
  repliesPossible: boolean;
  updatedAt: string;
}

export interface SavedChannel extends Channel {
  warnings: string[];
}

/** One channel for its form (admins only): settings without any secret, at any depth. */
export interface ChannelDetail extends Channel {
  settings: Record<string, unknown>;
  /** The address to give the provider, built from the server's public address; null without one. */
  webhookUrl: string | null;
}

export interface ChannelInput {
  name: string;
  kind: string;
  sender: string | null;
  enabled: boolean;
  settings: Record<string, unknown>;
}

/** A JSON Schema as the server writes it for a channel's settings (only what the form reads). */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
  writeOnly?: boolean;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
}

export interface ChannelKind {
  kind: string;
  label: string;
  settingsSchema: JsonSchema;
  senderHint?: string | null;
  /** '/api/webhooks/{channelId}', or null when the kind has no webhook (the full address of a
   *  stored channel comes from the server: ChannelDetail.webhookUrl). */
  webhookPath: string | null;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
}

const id = (v: string) => encodeURIComponent(v);

export const setupKeys = {
  templates: (status: StatusFilter, language: string) =>
    ['outreach-setup', 'templates', status, language] as const,
  allTemplates: ['outreach-setup', 'templates'] as const,
  preview: (text: string, language: string, firstMessage: boolean) =>
    ['outreach-setup', 'preview', language, firstMessage, text] as const,
  quickReplies: (language: string) => ['outreach-setup', 'quick-replies', language] as const,
  allQuickReplies: ['outreach-setup', 'quick-replies'] as const,
  channels: ['outreach-setup', 'channels'] as const,
  /** Under `channels`, so that invalidating the list after a save refreshes the details too. */
  channel: (channelId: string) => ['outreach-setup', 'channels', channelId] as const,
  channelKinds: ['outreach-setup', 'channel-kinds'] as const,
  staff: ['outreach-setup', 'staff'] as const,
};

export function listTemplates(status: StatusFilter, language: string): Promise<Template[]> {
  const q = new URLSearchParams({ status });
  if (language) q.set('language', language);
  return api
    .get<{ items: Template[] }>(`/api/outreach/templates?${q.toString()}`)
    .then((r) => r.items);
}

export function createTemplate(draft: TemplateDraft): Promise<Template> {
  return api.post<Template>('/api/outreach/templates', draft);
}

export function updateTemplate(templateId: string, draft: TemplateDraft): Promise<Template> {
  return api.patch<Template>(`/api/outreach/templates/${id(templateId)}`, draft);
}

export function approveTemplate(templateId: string, confirmSafety: boolean): Promise<Template> {
  return api.post<Template>(`/api/outreach/templates/${id(templateId)}/approve`, {
    confirmSafety,
  });
}

export function retireTemplate(templateId: string): Promise<Template> {
  return api.post<Template>(`/api/outreach/templates/${id(templateId)}/retire`, {});
}

/** The figures of a text; `firstMessage` false for replies (risky words matter less there). */
export function previewText(
  text: string,
  language: string | undefined,
  firstMessage: boolean,
): Promise<TextPreview> {
  return api.post<TextPreview>('/api/outreach/preview', {
    text,
    firstMessage,
    ...(language ? { language } : {}),
  });
}

export function listQuickReplies(language: string): Promise<QuickReply[]> {
  const q = language ? `?language=${encodeURIComponent(language)}` : '';
  return api.get<{ items: QuickReply[] }>(`/api/outreach/quick-replies${q}`).then((r) => r.items);
}

export function createQuickReply(input: NewQuickReply): Promise<QuickReply> {
  return api.post<QuickReply>('/api/outreach/quick-replies', input);
}

export function deleteQuickReply(replyId: string): Promise<unknown> {
  return api.delete(`/api/outreach/quick-replies/${id(replyId)}`);
}

export function listChannels(): Promise<Channel[]> {
  return api.get<{ items: Channel[] }>('/api/outreach/channels').then((r) => r.items);
}

export function getChannel(channelId: string): Promise<ChannelDetail> {
  return api.get<ChannelDetail>(`/api/outreach/channels/${id(channelId)}`);
}

export function listChannelKinds(): Promise<ChannelKind[]> {
  return api.get<{ items: ChannelKind[] }>('/api/outreach/channel-kinds').then((r) => r.items);
}

export function saveChannel(input: ChannelInput): Promise<SavedChannel> {
  return api.post<SavedChannel>('/api/outreach/channels', input);
}

/** Active staff (not partners), for the names of authors and approvers. */
export function listStaff(): Promise<StaffMember[]> {
  return api.get<StaffMember[]>('/api/staff');
}
