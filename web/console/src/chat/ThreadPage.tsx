// One chat: its header (state, first answers, who holds it, the actions, "Open case" or "Go to
// case"), the messages both ways with the visitor's typing and what the visitor has read, the
// composer for whoever may write, and the internal notes. The transcript is read once when the
// chat opens (each opening is audited on the server); from then on the live socket brings
// messages, read marks and typing, and a state change reads it again. While the socket is down it
// is read every few seconds instead.
import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { RouterAnchor } from '../ui/RouterAnchor';
import { chatKeys, fetchTranscript, markRead, type Transcript } from './api';
import { ChatActions } from './ChatActions';
import { Composer } from './Composer';
import { useChatT } from './i18n';
import { TriageLine, UrgencyBadge } from './labels';
import { useChatLive } from './live';
import { MessageList } from './MessageList';
import { NotesPanel } from './NotesPanel';
import { OpenCaseFromChat } from './OpenCaseFromChat';
import { useOutbox } from './use-outbox';
import { lastSeqOf, threadOf } from './thread';

const route = getRouteApi('/chat-line/$chatId');
const TRANSCRIPT_FALLBACK_MS = 15_000;

export function ThreadPage() {
  const t = useChatT();
  const { chatId } = route.useParams();
  const { state } = useChatLive();
  const transcript = useQuery({
    queryKey: chatKeys.transcript(chatId),
    queryFn: () => fetchTranscript(chatId),
    // Every read is an audited opening: read again on a change or a reconnect, not on a whim.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchInterval: state === 'open' ? false : TRANSCRIPT_FALLBACK_MS,
    retry: (n, err) => !(err instanceof ApiError && err.status < 500) && n < 2,
  });
  if (transcript.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Center py="md">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        </Center>
        <Skeleton h={320} radius="md" />
      </Stack>
    );
  }
  // A failed re-read keeps the thread on screen (a network error while offline); a refusal does
  // not (the chat went to a colleague, or was erased): then it says so instead.
  const status = transcript.error instanceof ApiError ? transcript.error.status : 0;
  if (transcript.data === undefined || status === 403 || status === 404) {
    return (
      <Stack gap="md" align="flex-start">
        <BackToList />
        {status === 404 || status === 403 ? (
          <Alert color="gray" variant="light" data-testid="chat-gone">
            {status === 404 ? t('thread.notFound') : t('thread.notYours')}
          </Alert>
        ) : (
          <>
            <ErrorAlert error={transcript.error} />
            <Button variant="default" onClick={() => void transcript.refetch()}>
              {t('common.retry')}
            </Button>
          </>
        )}
      </Stack>
    );
  }
  return <ThreadView key={chatId} transcript={transcript.data} />;
}

function BackToList() {
  const t = useChatT();
  return (
    <RouterAnchor to="/chat-line" size="sm" hiddenFrom="md">
      ← {t('thread.back')}
    </RouterAnchor>
  );
}

function ThreadView({ transcript }: { transcript: Transcript }) {
  const t = useChatT();
  const qc = useQueryClient();
  const { user, capabilities } = useCurrentSession();
  const live = useChatLive();
  const { chat, messages } = transcript;
  const holder = chat.operatorId === user.id;
  const [joined, setJoined] = useState(false);
  const { pending, send, retry } = useOutbox(chat.id);
  const canWrite = chat.state === 'active' && (holder || (capabilities.superviseChat && joined));

  // A supervisor who does not hold the chat follows it live while it is open (audited watch).
  const watching = !holder && capabilities.superviseChat && chat.state !== 'ended';
  useEffect(() => {
    if (!watching) return;
    live.client.watch(chat.id);
    return () => live.client.unwatch(chat.id);
  }, [watching, live.client, chat.id]);

  // The holder has what is on screen read: the visitor sees "read", the list's count clears.
  const lastSeq = lastSeqOf(messages);
  const marked = useRef(chat.operatorReadSeq);
  useEffect(() => {
    if (!holder || lastSeq <= marked.current) return;
    marked.current = lastSeq;
    void markRead(chat.id, lastSeq)
      .then(() => qc.invalidateQueries({ queryKey: chatKeys.mine }))
      .catch(() => {
        marked.current = 0; // try again with the next message
      });
  }, [holder, lastSeq, chat.id, qc]);

  const thread = threadOf(messages, pending);
  return (
    <Stack gap="md">
      <BackToList />
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby="chat-thread-title">
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start" gap="sm">
            <Stack gap={4}>
              <Group gap="xs">
                <Title order={2} size="h3" id="chat-thread-title">
                  {t('thread.title')}
                </Title>
                <UrgencyBadge urgency={chat.urgency} />
                <StateBadge chat={chat} />
              </Group>
              <TriageLine chat={chat} />
              <Text size="xs" c="dimmed" data-testid="chat-holder">
                {[
                  t('thread.queuedAt', { at: formatDateTime(chat.queuedAt) }),
                  chat.operatorName
                    ? holder
                      ? t('thread.heldByYou')
                      : t('thread.heldBy', { name: chat.operatorName })
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
            <Stack gap={6} align="flex-end">
              {holder || capabilities.superviseChat ? (
                <OpenCaseFromChat transcript={transcript} />
              ) : null}
              <ChatActions
                chat={chat}
                holder={holder}
                joined={joined}
                onJoined={() => setJoined(true)}
              />
            </Stack>
          </Group>
          {chat.state === 'ended' ? (
            <Alert color="gray" variant="light" data-testid="chat-ended">
              {t('thread.ended', {
                reason: chat.endReason ? t(`endReasons.${chat.endReason}`) : '—',
                at: chat.endedAt ? formatDateTime(chat.endedAt) : '',
              })}
              {chat.blocked ? ` ${t('thread.blocked')}` : ''}
            </Alert>
          ) : null}
          <MessageList thread={thread} visitorReadSeq={chat.visitorReadSeq} onRetry={retry} />
          <Text size="xs" c="dimmed" aria-live="polite" data-testid="visitor-typing" mih={18}>
            {live.visitorTyping.has(chat.id) && chat.state !== 'ended'
              ? t('thread.visitorTyping')
              : ''}
          </Text>
          {canWrite ? (
            <Composer chatId={chat.id} language={chat.language} onSend={send} />
          ) : chat.state === 'active' && !holder ? (
            <Text size="sm" c="dimmed">
              {t('thread.watchingHint')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <NotesPanel chatId={chat.id} />
    </Stack>
  );
}

function StateBadge({ chat }: { chat: Transcript['chat'] }) {
  const t = useChatT();
  const color = chat.state === 'active' ? 'green' : chat.state === 'queued' ? 'blue' : 'gray';
  return (
    <Text
      size="xs"
      fw={600}
      c={`${color}.8`}
      data-testid="chat-state"
      data-state={chat.state}
      tt="uppercase"
    >
      {t(`states.${chat.state}`)}
    </Text>
  );
}
