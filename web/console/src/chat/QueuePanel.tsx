// The waiting line as the server orders it (urgency, then waiting time): each chat's first answers,
// language and how long the visitor has waited, "take this one" per chat and "take next" above,
// with the operator's cap (how many chats they hold of how many one may). A take goes straight to
// the chat's thread. No message text is shown here: there is none before a chat is taken.
import {
  Badge,
  Box,
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconInbox } from '../ui/icons';
import { chatKeys, listQueue, takeChat, type MyChats } from './api';
import { useChatT } from './i18n';
import { TriageLine, UrgencyBadge } from './labels';
import { useFallbackInterval } from './live';
import { minutesSince } from './thread';
import { useNow } from './use-now';

/** The queue is read again now and then even while live: waiting times and a missed event. */
const QUEUE_SAFETY_REFRESH_MS = 60_000;

export function QueuePanel({ mine }: { mine: MyChats | undefined }) {
  const t = useChatT();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const now = useNow();
  const queue = useQuery({
    queryKey: chatKeys.queue,
    queryFn: listQueue,
    refetchInterval: useFallbackInterval(QUEUE_SAFETY_REFRESH_MS),
  });
  const take = useMutation({
    mutationFn: (chatId: string | undefined) => takeChat(chatId),
    onSuccess: (chat) => {
      void qc.invalidateQueries({ queryKey: chatKeys.queue });
      void qc.invalidateQueries({ queryKey: chatKeys.mine });
      void navigate({ to: '/chat-line/$chatId', params: { chatId: chat.id } });
    },
    onSettled: () => void qc.invalidateQueries({ queryKey: chatKeys.queue }),
  });
  const held = mine?.items.length ?? 0;
  const cap = mine?.cap;
  const atCap = cap !== undefined && held >= cap;
  const items = queue.data ?? [];

  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="chat-queue-title">
      <Stack gap="sm">
        <Group justify="space-between" align="center" gap="xs">
          <Title order={2} size="h4" id="chat-queue-title">
            {t('queue.title')}{' '}
            <Badge
              variant="light"
              color={items.length ? 'blue' : 'gray'}
              size="sm"
              data-testid="queue-count"
            >
              {items.length}
            </Badge>
          </Title>
          <Button
            size="xs"
            onClick={() => take.mutate(undefined)}
            disabled={items.length === 0 || atCap}
            loading={take.isPending && take.variables === undefined}
            data-testid="take-next"
          >
            {t('queue.takeNext')}
          </Button>
        </Group>
        {cap !== undefined ? (
          <Text
            size="xs"
            c={atCap ? 'orange.8' : 'dimmed'}
            data-testid="operator-cap"
            role="status"
          >
            {atCap ? t('queue.atCap', { held, cap }) : t('queue.cap', { held, cap })}
          </Text>
        ) : null}
        {take.error ? <ErrorAlert error={take.error} onClose={() => take.reset()} /> : null}
        {queue.isPending ? (
          <Center py="md">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : queue.data === undefined ? (
          <Stack align="flex-start">
            <ErrorAlert error={queue.error} />
            <Button variant="default" size="xs" onClick={() => void queue.refetch()}>
              {t('common.retry')}
            </Button>
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            py={24}
            icon={<IconInbox size={24} />}
            withIndicatorBackground
            title={t('queue.empty')}
            description={t('queue.emptyDescription')}
          />
        ) : (
          <Stack gap={0} component="ol" className="chat-list" aria-label={t('queue.listLabel')}>
            {items.map((c) => {
              const waited = minutesSince(c.queuedAt, now);
              return (
                <Box component="li" key={c.id} p="xs" data-testid="queue-item" data-chat-id={c.id}>
                  <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                    <Stack gap={4} style={{ minWidth: 0 }}>
                      <Group gap={6}>
                        <Text size="sm" fw={600}>
                          {t('queue.position', { position: c.position })}
                        </Text>
                        <UrgencyBadge urgency={c.urgency} />
                        {c.returnedCount > 0 ? (
                          <Badge color="grape" variant="light" size="sm">
                            {t('queue.returned', { count: c.returnedCount })}
                          </Badge>
                        ) : null}
                      </Group>
                      <TriageLine chat={c} />
                      <Text size="xs" c="dimmed" data-testid="queue-wait">
                        {t('queue.waiting', { count: waited })}
                      </Text>
                    </Stack>
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => take.mutate(c.id)}
                      disabled={atCap}
                      loading={take.isPending && take.variables === c.id}
                      aria-label={t('queue.takeThisLabel', { position: c.position })}
                      data-testid="take-this"
                    >
                      {t('queue.takeThis')}
                    </Button>
                  </Group>
                </Box>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
