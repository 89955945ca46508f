// Calls and response shapes of outreach set-up: message templates, quick replies, the live SMS
// figures of a text, and channels with the JSON Schemas of their settings (src/outreach/templates
// and src/outreach/channels on the server).
import { api } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';
import { templatePurposeValues, templateStatusValues } from '../api/schema';

/** The nine languages outreach writes in (src/outreach/domain/languages.ts). */
export type OutreachLanguage = Body<'/api/outreach/quick-replies', 'post'>['language'];
export const OUTREACH_LANGUAGES = [
  'nl',
  'en',
  'de',
  'fr',
  'es',
  'ro',
  'pl',
  'hu',
  'bg',
] as const satisfies readonly OutreachLanguage[];

export const TEMPLATE_STATUSES = templateStatusValues;
export type TemplateStatus = Schemas['TemplateStatus'];
export type StatusFilter = TemplateStatus | 'all';

export const TEMPLATE_PURPOSES = templatePurposeValues;
export type TemplatePurpose = Schemas['TemplatePurpose'];

/** The placeholders a template may use, written exactly like this (src/outreach/domain/templates.ts). */
export const PLACEHOLDERS = ['displayName', 'city'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** Longest fallback per placeholder (PLACEHOLDER_LIMITS on the server). */
export const FALLBACK_LIMITS: Record<Placeholder, number> = { displayName: 30, city: 40 };
export const MAX_VARIANTS = 10;
export const MAX_VARIANT_CHARS = 1000;

/** A template as the API gives it (src/outreach/templates). */
export type Template = Answer<'/api/outreach/templates'>['items'][number];
export type TemplateVariant = Template['variants'][number];
export type TemplateWarning = Template['warnings'][number];
export type Fallbacks = Template['fallbacks'];

/** The live figures of a text (POST /api/outreach/preview). */
export type TextPreview = Answer<'/api/outreach/preview', 'post'>;
export type SmsEncoding = TextPreview['encoding'];

/** A risky word found in a text; `variant` says which variant of a template (absent for a text). */
export type SafetyHit = TextPreview['safetyHits'][number] & { variant?: number };

/** What the editor sends for a draft (TemplateDraft on the server). */
export interface TemplateDraft {
  name: string;
  language: OutreachLanguage;
  purpose: TemplatePurpose;
  variants: string[];
  fallbacks: Fallbacks;
  whatsappTemplate: string | null;
}

export type QuickReply = Answer<'/api/outreach/quick-replies'>['items'][number];

export type NewQuickReply = Body<'/api/outreach/quick-replies', 'post'>;

export type Channel = Answer<'/api/outreach/channels'>['items'][number];

export type SavedChannel = Answer<'/api/outreach/channels', 'post'>;

/** One channel for its form (admins only): settings without any secret, at any depth. */
export type ChannelDetail = Answer<'/api/outreach/channels/{id}'>;

/** What the channel form sends (POST /api/outreach/channels). */
export type ChannelInput = Body<'/api/outreach/channels', 'post'>;

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

/** A kind of channel with the JSON Schema of its settings (GET /api/outreach/channel-kinds). */
export type ChannelKind = Omit<
  Answer<'/api/outreach/channel-kinds'>['items'][number],
  'settingsSchema'
> & { settingsSchema: JsonSchema };

/** Active staff (not partners), for the names of authors and approvers. */
export type StaffMember = Answer<'/api/staff'>[number];

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
    .get<Answer<'/api/outreach/templates'>>(`/api/outreach/templates?${q.toString()}`)
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
  return api
    .get<Answer<'/api/outreach/quick-replies'>>(`/api/outreach/quick-replies${q}`)
    .then((r) => r.items);
}

export function createQuickReply(input: NewQuickReply): Promise<QuickReply> {
  return api.post<QuickReply>('/api/outreach/quick-replies', input);
}

export function deleteQuickReply(replyId: string): Promise<unknown> {
  return api.delete(`/api/outreach/quick-replies/${id(replyId)}`);
}

export function listChannels(): Promise<Channel[]> {
  return api.get<Answer<'/api/outreach/channels'>>('/api/outreach/channels').then((r) => r.items);
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
