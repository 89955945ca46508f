// A supervisor's part of the chat page: the chats that went back to the queue unanswered (alerts,
// each acknowledged once seen to) and every running chat, to watch or join (opening one is the
// thread, audited on the server like any opening).
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { acknowledgeAlert, chatKeys, listAlerts, listRunning } from './api';
import { useChatT } from './i18n';
import { useFallbackInterval } from './live';
import { ChatList } from './MyChatsPanel';

export function SupervisorPanel({ selected }: { selected: string | null }) {
  const t = useChatT();
  const qc = useQueryClient();
  const interval = useFallbackInterval(60_000);
  const alerts = useQuery({
    queryKey: chatKeys.alerts,
    queryFn: listAlerts,
    refetchInterval: interval,
  });
  const running = useQuery({
    queryKey: chatKeys.running,
    queryFn: listRunning,
    refetchInterval: interval,
  });
  const ack = useMutation({
    mutationFn: acknowledgeAlert,
    onSettled: () => void qc.invalidateQueries({ queryKey: chatKeys.alerts }),
  });
  const open = alerts.data ?? [];
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p="sm" component="section" aria-labelledby="chat-alerts-title">
        <Stack gap="xs">
          <Title order={2} size="h4" id="chat-alerts-title">
            {t('alerts.title')}
          </Title>
          {alerts.isError ? <ErrorAlert error={alerts.error} /> : null}
          {ack.error ? <ErrorAlert error={ack.error} onClose={() => ack.reset()} /> : null}
          {open.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('alerts.none')}
            </Text>
          ) : (
            <Stack gap="xs" component="ul" className="chat-list" aria-label={t('alerts.title')}>
              {open.map((a) => (
                <li key={a.id}>
                  <Alert color="orange" variant="light" p="xs" data-testid="chat-alert">
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Text size="sm">
                        {t('alerts.unanswered', { at: formatDateTime(a.raisedAt) })}
                      </Text>
                      <Button
                        size="compact-xs"
                        variant="default"
                        onClick={() => ack.mutate(a.id)}
                        loading={ack.isPending && ack.variables === a.id}
                        aria-label={t('alerts.acknowledgeLabel', {
                          at: formatDateTime(a.raisedAt),
                        })}
                      >
                        {t('alerts.acknowledge')}
                      </Button>
                    </Group>
                  </Alert>
                </li>
              ))}
            </Stack>
          )}
        </Stack>
      </Paper>
      {running.isError ? <ErrorAlert error={running.error} /> : null}
      <ChatList
        title={t('running.title')}
        items={running.data ?? []}
        selected={selected}
        testId="running-item"
        empty={t('running.none')}
        showHolder
      />
    </Stack>
  );
}
