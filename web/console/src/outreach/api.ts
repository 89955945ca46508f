// Calls and response shapes of the outreach inbox and of composing a message (see
// src/outreach/inbox and src/outreach/sending on the server). A refusal by the contact rules (409) carries the rule and,
// for rules that pass with time, when sending becomes possible: `SendRefusal` keeps both so the
// worker is told exactly why and until when.
import { ApiError, api } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';
import { conversationStatusValues } from '../api/schema';

export const CONVERSATION_STATUSES = conversationStatusValues;
export type ConversationStatus = Schemas['ConversationStatus'];
export type StatusFilter = ConversationStatus | 'all';
export const STATUS_FILTERS: StatusFilter[] = ['open', 'waiting', 'closed', 'all'];
export type AssigneeFilter = 'me' | 'none' | 'all';
export const ASSIGNEE_FILTERS: AssigneeFilter[] = ['all', 'me', 'none'];
/** Outreach threads, chats from the chat line, or both (src/app/inbox.ts). */
export type KindFilter = 'all' | 'outreach' | 'chat';
export const KIND_FILTERS: KindFilter[] = ['all', 'outreach', 'chat'];

/** The inbox's filters, as in the URL (all optional; absent means the default). */
export interface InboxFilters {
  status?: StatusFilter;
  assignee?: AssigneeFilter;
  unread?: boolean;
  kind?: KindFilter;
}

/** A page of the inbox; `unread` counts conversations for the badge (mine and unassigned). */
export type InboxPage = Answer<'/api/inbox'>;
export type InboxItem = InboxPage['items'][number];

/** A conversation with its contact (masked), its messages and what the user may do with it. */
export type ConversationDetail = Answer<'/api/conversations/{id}'>;
export type ConversationMessage = ConversationDetail['messages'][number];
export type MessageDirection = ConversationMessage['direction'];
export type ConversationContact = NonNullable<ConversationDetail['contact']>;

/** What the signed-in user may do with the assignee, as the server's rule answers it. */
export type AssignmentOptions = Schemas['AssignmentOptions'];

export type ChannelKind = Schemas['ChannelKind'];

export type Channel = Answer<'/api/outreach/channels'>['items'][number];

export type TextPreview = Answer<'/api/outreach/preview', 'post'>;
export type SafetyHit = TextPreview['safetyHits'][number] & { variant?: number };

export type OutreachTemplate = Answer<'/api/outreach/templates'>['items'][number];
export type TemplateVariant = OutreachTemplate['variants'][number];

export type QuickReply = Answer<'/api/outreach/quick-replies'>['items'][number];

export type StaffMember = Answer<'/api/staff'>[number];

/** What composing a message sends (POST /api/outreach/messages). */
export type ComposeRequest = Body<'/api/outreach/messages', 'post'>;
export type ComposeContact = NonNullable<ComposeRequest['contact']>;

export type ComposeResult = Answer<'/api/outreach/messages', 'post'>;
/** Manual channels: `body` is the rendered text to copy to the platform. */
export type ComposedMessage = ComposeResult['message'];

/** The contact rules' refusal: which rule, and for time-bound rules when it passes. */
export class SendRefusal extends ApiError {
  constructor(
    message: string,
    readonly rule: string | null,
    readonly notBefore: string | null,
    /** The message as a key and parameters, for the console to translate. */
    readonly text: Schemas['RefusalText'] | null = null,
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
  if (f.kind && f.kind !== 'all') q.set('kind', f.kind);
  return q;
}

/**
 * A page of the inbox. `preview` asks for each thread's latest words (masked) and who wrote them:
 * the inbox list does, the unread badge's polling does not (showing them is audited).
 */
export function listInbox(
  f: InboxFilters,
  cursor: string | null,
  limit = 30,
  preview = false,
): Promise<InboxPage> {
  const q = inboxParams(f);
  q.set('limit', String(limit));
  if (preview) q.set('preview', 'true');
  if (cursor) q.set('cursor', cursor);
  return api.get<InboxPage>(`/api/inbox?${q.toString()}`);
}

/** Every thread of a person (entity), whatever its status. */
export function listEntityThreads(entityId: string): Promise<InboxPage> {
  return api.get<InboxPage>(
    `/api/inbox?status=all&kind=outreach&limit=50&entityId=${id(entityId)}`,
  );
}

export function fetchConversation(conversationId: string): Promise<ConversationDetail> {
  return api.get<ConversationDetail>(`/api/conversations/${id(conversationId)}`);
}

export function addNote(conversationId: string, text: string): Promise<unknown> {
  return api.post(`/api/conversations/${id(conversationId)}/notes`, { text });
}

export type ConversationPatch = Body<'/api/conversations/{id}', 'patch'>;
export type PatchedConversation = Answer<'/api/conversations/{id}', 'patch'>;

export function updateConversation(
  conversationId: string,
  patch: ConversationPatch,
): Promise<PatchedConversation> {
  return api.patch<PatchedConversation>(`/api/conversations/${id(conversationId)}`, patch);
}

export type DoNotContactResult = Answer<'/api/contacts/{id}/do-not-contact', 'post'>;

export function setDoNotContact(contactId: string, reason: string): Promise<DoNotContactResult> {
  const path = `/api/contacts/${id(contactId)}/do-not-contact`;
  return api.post<DoNotContactResult>(path, { reason });
}

export function markSentByHand(messageId: string): Promise<unknown> {
  return api.post(`/api/outreach/messages/${id(messageId)}/sent-by-hand`, {});
}

export function recordReplyByHand(conversationId: string, text: string): Promise<unknown> {
  return api.post(`/api/conversations/${id(conversationId)}/replies-by-hand`, { text });
}

export async function listChannels(): Promise<Channel[]> {
  return (await api.get<Answer<'/api/outreach/channels'>>('/api/outreach/channels')).items;
}

export async function listApprovedTemplates(): Promise<OutreachTemplate[]> {
  const path = '/api/outreach/templates?status=approved';
  return (await api.get<Answer<'/api/outreach/templates'>>(path)).items;
}

export async function listQuickReplies(language?: string): Promise<QuickReply[]> {
  const q = language ? `?language=${id(language)}` : '';
  const path = `/api/outreach/quick-replies${q}`;
  return (await api.get<Answer<'/api/outreach/quick-replies'>>(path)).items;
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

function isRefusalText(v: unknown): v is Schemas['RefusalText'] {
  return typeof v === 'object' && v !== null && typeof (v as { key?: unknown }).key === 'string';
}

/** Composes a message; a refusal by the contact rules comes back as a SendRefusal with its rule. */
export async function composeMessage(input: ComposeRequest): Promise<ComposeResult> {
  try {
    return await api.post<ComposeResult>('/api/outreach/messages', input);
  } catch (err) {
    if (err instanceof ApiError && err.status === 409) {
      const { rule, notBefore, text } = err.details;
      throw new SendRefusal(
        err.message,
        typeof rule === 'string' ? rule : null,
        typeof notBefore === 'string' ? notBefore : null,
        isRefusalText(text) ? text : null,
      );
    }
    throw err;
  }
}

export type ComposeCheckRequest = Body<'/api/outreach/compose-check', 'post'>;
/** What the rules say about the message before Send (at the server's clock). */
export type ComposeState = Answer<'/api/outreach/compose-check', 'post'>;

export function checkCompose(input: ComposeCheckRequest): Promise<ComposeState> {
  return api.post<ComposeState>('/api/outreach/compose-check', input);
}

/** A scheduled message taken back before it goes (its author or a supervisor). */
export function cancelScheduled(messageId: string): Promise<unknown> {
  return api.post(`/api/outreach/messages/${id(messageId)}/cancel`, {});
}

/** A supervisor allows templates with a name for a number several names share (audited). */
export function allowNamesForSharedNumber(input: {
  entityId: string;
  identifierId: string;
  reason: string;
}): Promise<unknown> {
  return api.post('/api/outreach/shared-number-names', input);
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
  composeState: (input: ComposeCheckRequest) => ['outreach', 'compose-state', input] as const,
};

/** Rules a person's action cannot lift (nothing to retry) versus those that pass with time. */
export const TIME_BOUND_RULES = ['min_gap', 'quiet_hours', 'rate_limit'];
