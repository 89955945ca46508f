// Calls and shapes of the chat line's operator API (src/chat/routes.ts on the server): the queue,
// taking, my chats with the cap, a chat's transcript (every opening audited on the server), sending,
// read marks, notes, the colleagues to transfer to, ending, blocking, and a supervisor's running
// chats, join and alerts. Types come from the generated OpenAPI schema; ids are the only thing that
// goes into a path.
import { api } from '../api/client';
import type { Answer, Body, Schemas } from '../api/contract';

export type ChatSummary = Schemas['ChatSummary'];
export type QueueItem = Answer<'/api/chat/queue'>['items'][number];
export type MyChats = Answer<'/api/chat/mine'>;
export type Transcript = Answer<'/api/chat/chats/{id}'>;
export type ChatMessage = Schemas['ChatMessageView'];
export type ChatNote = Answer<'/api/chat/chats/{id}/notes'>['items'][number];
export type Colleague = Schemas['ChatColleague'];
export type Colleagues = Answer<'/api/chat/colleagues'>;
export type ChatAlert = Schemas['ChatAlert'];
export type EndReason = Body<'/api/chat/chats/{id}/end', 'post'>['reason'];
export type BlockReason = NonNullable<
  NonNullable<Body<'/api/chat/chats/{id}/block', 'post'>>['reason']
>;
export type Triage = ChatSummary['triage'];

/** The reasons an operator ends a chat with (the server's OPERATOR_END_REASONS). */
export const END_REASONS = ['resolved', 'referred', 'abusive'] as const satisfies EndReason[];
/** Why a visitor is blocked: categories only, never free text (the server's BLOCK_REASONS). */
export const BLOCK_REASONS = [
  'abusive_language',
  'threats',
  'sexual_content',
  'spam',
  'other',
] as const satisfies BlockReason[];

const id = (s: string) => encodeURIComponent(s);

export const listQueue = async () =>
  (await api.get<Answer<'/api/chat/queue'>>('/api/chat/queue')).items;
export const listMine = () => api.get<MyChats>('/api/chat/mine');
export const listRunning = async () =>
  (await api.get<Answer<'/api/chat/running'>>('/api/chat/running')).items;
export const listColleagues = () => api.get<Colleagues>('/api/chat/colleagues');
export const listAlerts = async () =>
  (await api.get<Answer<'/api/chat/alerts'>>('/api/chat/alerts')).items;

/** Takes the chosen chat, or the next in the queue's order when none is given. */
export const takeChat = (chatId?: string) =>
  api.post<ChatSummary>('/api/chat/take', chatId ? { chatId } : {});

export const fetchTranscript = (chatId: string) =>
  api.get<Transcript>(`/api/chat/chats/${id(chatId)}`);

/** A repeated clientId is stored once: a retry after a lost answer never doubles the message. */
export const sendMessage = (chatId: string, body: string, clientId: string) =>
  api.post<ChatMessage>(`/api/chat/chats/${id(chatId)}/messages`, { body, clientId });

export const markRead = (chatId: string, upTo: number) =>
  api.post(`/api/chat/chats/${id(chatId)}/read`, { upTo });

export const listNotes = async (chatId: string) =>
  (await api.get<Answer<'/api/chat/chats/{id}/notes'>>(`/api/chat/chats/${id(chatId)}/notes`))
    .items;
export const addNote = (chatId: string, body: string) =>
  api.post<ChatNote>(`/api/chat/chats/${id(chatId)}/notes`, { body });

export const transferChat = (chatId: string, toUserId: string) =>
  api.post<ChatSummary>(`/api/chat/chats/${id(chatId)}/transfer`, { toUserId });
export const joinChat = (chatId: string) =>
  api.post<ChatSummary>(`/api/chat/chats/${id(chatId)}/join`, {});
export const endChat = (chatId: string, reason: EndReason) =>
  api.post<ChatSummary>(`/api/chat/chats/${id(chatId)}/end`, { reason });
export const blockVisitor = (chatId: string, reason: BlockReason) =>
  api.post<ChatSummary>(`/api/chat/chats/${id(chatId)}/block`, { reason });
export const acknowledgeAlert = (alertId: string) =>
  api.post<ChatAlert>(`/api/chat/alerts/${id(alertId)}/acknowledge`, {});

export const chatKeys = {
  all: ['chat'] as const,
  queue: ['chat', 'queue'] as const,
  mine: ['chat', 'mine'] as const,
  running: ['chat', 'running'] as const,
  alerts: ['chat', 'alerts'] as const,
  colleagues: ['chat', 'colleagues'] as const,
  transcript: (chatId: string) => ['chat', 'transcript', chatId] as const,
  notes: (chatId: string) => ['chat', 'notes', chatId] as const,
};

/** "Open case" on a chat: what the person agreed to, and the seq of their message saying so. */
export type CaseFromChatRequest = Body<'/api/chat/chats/{id}/case', 'post'>;
export type CaseFromChat = Answer<'/api/chat/chats/{id}/case', 'post'>;
/** Opens a case from the chat (a chat that has one answers 409 with its caseId). */
export const openCaseFromChat = (chatId: string, body: CaseFromChatRequest) =>
  api.post<CaseFromChat>(`/api/chat/chats/${id(chatId)}/case`, body);
