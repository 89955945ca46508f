// The chats the operator holds, oldest taken first, each with its unread count and whether the
// visitor waits for an answer; choosing one opens its thread beside the list.
import { Badge, Box, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { formatTime, languageName } from '../ui/format';
import type { ChatSummary } from './api';
import { useChatT } from './i18n';
import { UrgencyBadge } from './labels';
import { minutesSince, unreadOf } from './thread';
import { useNow } from './use-now';

export function ChatList({
  title,
  items,
  selected,
  testId,
  empty,
  showHolder = false,
}: {
  title: string;
  items: ChatSummary[];
  selected: string | null;
  testId: string;
  empty: string;
  showHolder?: boolean;
}) {
  const t = useChatT();
  const navigate = useNavigate();
  const now = useNow();
  const headingId = `${testId}-title`;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        {items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Stack gap={0} component="ul" className="chat-list" aria-label={title}>
            {items.map((c) => {
              // Read marks are the holder's: a supervisor's overview shows no unread count.
              const unread = showHolder ? 0 : unreadOf(c);
              const active = c.id === selected;
              return (
                <Box component="li" key={c.id}>
                  <UnstyledButton
                    className="chat-item"
                    data-active={active || undefined}
                    data-testid={testId}
                    data-chat-id={c.id}
                    aria-current={active ? 'true' : undefined}
                    onClick={() =>
                      void navigate({ to: '/chat-line/$chatId', params: { chatId: c.id } })
                    }
                    w="100%"
                    p="xs"
                  >
                    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                      <Stack gap={2} style={{ minWidth: 0 }}>
                        <Group gap={6}>
                          <Text size="sm" fw={unread > 0 ? 700 : 500}>
                            {t('mine.chat', { time: formatTime(Date.parse(c.queuedAt)) })}
                          </Text>
                          <UrgencyBadge urgency={c.urgency} />
                        </Group>
                        <Text size="xs" c="dimmed">
                          {[
                            languageName(c.language),
                            showHolder ? (c.operatorName ?? t('mine.nobody')) : null,
                            c.unansweredSince
                              ? t('mine.waitingAnswer', {
                                  count: minutesSince(c.unansweredSince, now),
                                })
                              : t('mine.answered'),
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </Stack>
                      {unread > 0 ? (
                        <Badge color="red" size="sm" circle data-testid="chat-unread">
                          <span aria-hidden="true">{unread}</span>
                          <span className="visually-hidden">
                            {t('mine.unread', { count: unread })}
                          </span>
                        </Badge>
                      ) : null}
                    </Group>
                  </UnstyledButton>
                </Box>
              );
            })}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
