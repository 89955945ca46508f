// Calls and response shapes of the outreach inbox and of composing a message (see
// src/outreach/routes.ts on the server). A refusal by the contact rules (409) carries the rule and,
// for rules that pass with time, when sending becomes possible: `SendRefusal` keeps both so the
// worker is told exactly why and until when.
import { ApiError, api } from '../api/client';

export const CONVERSATION_STATUSES = ['open', 'waiting', 'closed'] as const;
export type ConversationStatus = (typeof CONVERSATION_STATUSES)[number];
export type StatusFilter = ConversationStatus | 'all';
export const STATUS_FILTERS: StatusFilter[] = ['open', 'waiting', 'closed', 'all'];
export type AssigneeFilter = 'me' | 'none' | 'all';
export const ASSIGNEE_FILTERS: AssigneeFilter[] = ['all', 'me', 'none'];

/** The inbox's filters, as in the URL (all optional; absent means the default). */
export interface InboxFilters {
  status?: StatusFilter;
  assignee?: AssigneeFilter;
  unread?: boolean;
}

export interface InboxItem {
  id: string;
  kind: 'outreach' | 'inbound';
  status: ConversationStatus;
  /** The contact's masked address (never the plaintext). */
  contact: string | null;
  doNotContact: boolean;
  entityId: string | null;
  channelId: string | null;
  assigneeId: string | null;
  unread: number;
  unanswered: number;
  lastMessageAt: string;
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  /** Unread conversations for the badge (mine and unassigned). */
  unread: number;
}

export type MessageDirection = 'in' | 'out' | 'note';

export interface ConversationMessage {
  id: string;
  direction: MessageDirection;
  /** queued, sending, sent, delivered, failed, to_send (manual), received, note, … */
  status: string;
  body: string;
  providerId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  authorId: string | null;
  segments: number | null;
  /** 'opt_out_confirmation' for the one automatic line after an opt-out. */
  purpose?: 'message' | 'opt_out_confirmation' | null;
  channelId?: string | null;
  templateId?: string | null;
  createdAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  failedAt: string | null;
}

export interface ConversationContact {
  id: string;
  kind: string;
  masked: string;
  country: string | null;
  doNotContact: boolean;
  /** When the person asked for no more messages (absent: on the list for another reason). */
  optOutAt?: string | null;
  lastInboundAt: string | null;
}

export interface ConversationDetail {
  conversation: {
    id: string;
    kind: 'outreach' | 'inbound';
    status: ConversationStatus;
    entityId: string | null;
    channelId: string | null;
    assigneeId: string | null;
    unread: number;
    unanswered: number;
    createdAt: string;
  };
  contact: ConversationContact | null;
  messages: ConversationMessage[];
  /** What the signed-in user may do with the assignee, as the server's rule answers it. */
  assignment: AssignmentOptions;
}

export interface AssignmentOptions {
  /** Assign it to yourself. */
  take: boolean;
  /** Leave it unassigned. */
  release: boolean;
  /** Hand it to a colleague. */
  handOver: boolean;
}

export type ChannelKind =
  'smpp' | 'cm' | 'messagebird' | 'twilio' | 'whatsapp' | 'email' | 'manual';

export interface Channel {
  id: string;
  name: string;
  kind: string;
  enabled: boolean;
  sender: string | null;
  repliesPossible: boolean;
  updatedAt: string;
}

export interface SafetyHit {
  start: number;
  end: number;
  text: string;
  term: string;
  category: string;
  language: string | null;
  why: string;
  variant?: number;
}

export interface TemplateVariant {
  text: string;
  characters: number;
  encoding: string;
  segments: number;
}

export interface OutreachTemplate {
  id: string;
  name: string;
  language: string;
  purpose: 'first_contact' | 'follow_up' | 'reply';
  variants: TemplateVariant[];
  fallbacks: { displayName?: string | null; city?: string | null };
  whatsappTemplate: string | null;
  status: 'draft' | 'approved' | 'retired';
  safetyHits: SafetyHit[];
  warnings: { code: string; message: string; variant: number | null }[];
}

export interface TextPreview {
  characters: number;
  encoding: string;
  segments: number;
  perSegment: number;
  remainingInSegment: number;
  nonGsmChars: string[];
  safetyHits: SafetyHit[];
}

export interface QuickReply {
  id: string;
  language: string;
  title: string;
  text: string;
  createdBy: string | null;
  createdAt: string;
}

export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
}

export type ComposeContact =
  { identifierId: string } | { kind: 'phone' | 'email' | 'handle'; address: string };

export interface ComposeRequest {
  entityId?: string | null;
  conversationId?: string | null;
  contact?: ComposeContact | null;
  channelId: string;
  templateId?: string | null;
  text?: string | null;
  subject?: string | null;
  values?: { displayName?: string | null; city?: string | null };
  idempotencyKey: string;
  override?: { reason: string } | null;
  confirmSafety?: boolean;
}

export interface ComposedMessage {
  id: string;
  conversationId: string;
  status: string;
  segments: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: string;
  /** Manual channels: the rendered text to copy to the platform. */
  body?: string;
}

export interface ComposeResult {
  message: ComposedMessage;
  conversationId: string;
  warnings: string[];
}

/** The contact rules' refusal: which rule, and for time-bound rules when it passes. */
export class SendRefusal extends ApiError {
  constructor(
    message: string,
    readonly rule: string | null,
    readonly notBefore: string | null,
  ) {
    super(409, 'conflict', message);
    this.name = 'SendRefusal';
  }
}

const id = (s: string) => encodeURIComponent(s);

/** Query string of the inbox's filters as the API takes them. */
export function inboxParams(f: InboxFilters): URLSearchParams {
  const q = new URLSearchParams();
  q.set('status', f.status ?? 'open');
  if (f.assignee && f.assignee !== 'all') q.set('assignee', f.assignee);
  if (f.unread) q.set('unread', 'true');
  return q;
}

export function listInbox(f: InboxFilters, cursor: string | null, limit = 30): Promise<InboxPage> {
  const q = inboxParams(f);
  q.set('limit', String(limit));
  if (cursor) q.set('cursor', cursor);
  return api.get<InboxPage>(`/api/inbox?${q.toString()}`);
}

/** Every thread of a person (entity), whatever its status. */
export function listEntityThreads(entityId: string): Promise<InboxPage> {
  return api.get<InboxPage>(`/api/inbox?status=all&limit=50&entityId=${id(entityId)}`);
}

export function fetchConversation(conversationId: string): Promise<ConversationDetail> {
  return api.get<ConversationDetail>(`/api/conversations/${id(conversationId)}`);
}

export function addNote(conversationId: string, text: string): Promise<unknown> {
  return api.post(`/api/conversations/${id(conversationId)}/notes`, { text });
}

export function updateConversation(
  conversationId: string,
  patch: { status?: ConversationStatus; assigneeId?: string | null },
): Promise<{
  id: string;
  status: ConversationStatus;
  assigneeId: string | null;
  assignment: AssignmentOptions;
}> {
  return api.patch(`/api/conversations/${id(conversationId)}`, patch);
}

export function setDoNotContact(
  contactId: string,
  reason: string,
): Promise<{ changed: boolean; cancelled: number }> {
  return api.post(`/api/contacts/${id(contactId)}/do-not-contact`, { reason });
}

export function markSentByHand(messageId: string): Promise<unknown> {
  return api.post(`/api/outreach/messages/${id(messageId)}/sent-by-hand`, {});
}

export function recordReplyByHand(conversationId: string, text: string): Promise<unknown> {
  return api.post(`/api/conversations/${id(conversationId)}/replies-by-hand`, { text });
}

export async function listChannels(): Promise<Channel[]> {
  return (await api.get<{ items: Channel[] }>('/api/outreach/channels')).items;
}

export async function listApprovedTemplates(): Promise<OutreachTemplate[]> {
  return (await api.get<{ items: OutreachTemplate[] }>('/api/outreach/templates?status=approved'))
    .items;
}

export async function listQuickReplies(language?: string): Promise<QuickReply[]> {
  const q = language ? `?language=${id(language)}` : '';
  return (await api.get<{ items: QuickReply[] }>(`/api/outreach/quick-replies${q}`)).items;
}

export function previewText(
  text: string,
  options: { language?: string; firstMessage: boolean },
): Promise<TextPreview> {
  return api.post<TextPreview>('/api/outreach/preview', {
    text,
    firstMessage: options.firstMessage,
    ...(options.language ? { language: options.language } : {}),
  });
}

export function listStaff(): Promise<StaffMember[]> {
  return api.get<StaffMember[]>('/api/staff');
}

/** Composes a message; a refusal by the contact rules comes back as a SendRefusal with its rule. */
export async function composeMessage(input: ComposeRequest): Promise<ComposeResult> {
  try {
    return await api.post<ComposeResult>('/api/outreach/messages', input);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      const { rule, notBefore } = err.details;
      throw new SendRefusal(
        err.message,
        typeof rule === 'string' ? rule : null,
        typeof notBefore === 'string' ? notBefore : null,
      );
    }
    throw err;
  }
}

export const outreachKeys = {
  inbox: (f: InboxFilters) => ['outreach', 'inbox', f] as const,
  allInbox: ['outreach', 'inbox'] as const,
  unread: ['outreach', 'unread'] as const,
  conversation: (conversationId: string) => ['outreach', 'conversation', conversationId] as const,
  entityThreads: (entityId: string) => ['outreach', 'entity-threads', entityId] as const,
  channels: ['outreach', 'channels'] as const,
  templates: ['outreach', 'templates', 'approved'] as const,
  quickReplies: (language: string) => ['outreach', 'quick-replies', language] as const,
  preview: (text: string, language: string, firstMessage: boolean) =>
    ['outreach', 'preview', language, firstMessage, text] as const,
  staff: ['outreach', 'staff'] as const,
};

/** Rules a person's action cannot lift (nothing to retry) versus those that pass with time. */
export const TIME_BOUND_RULES = ['min_gap', 'quiet_hours', 'rate_limit'];
