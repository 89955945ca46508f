// Outreach on the entity page: the person's conversations (any status; the masked contact, state
// and last activity, each opening in the inbox) and the way to write a first message. Shown to
// those who hold conversations (outreach workers and supervisors); the compose dialog itself lives
// with the inbox.
import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { listEntityThreads, outreachKeys } from '../outreach/api';
import { ConversationStatusBadge, DoNotContactBadge } from '../outreach/badges';
import { useStaffNames } from '../outreach/hooks';
import { useOutreachT } from '../outreach/i18n';
import { formatDateTime } from '../ui/format';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { Section } from './Section';

export function ContactPanel({ entityId, onCompose }: { entityId: string; onCompose: () => void }) {
  const t = useOutreachT();
  const staff = useStaffNames();
  const threads = useQuery({
    queryKey: outreachKeys.entityThreads(entityId),
    queryFn: () => listEntityThreads(entityId),
    refetchInterval: 15_000,
    refetchIntervalInBackground: false,
  });
  // Only this person's threads, whatever the list holds.
  const items = (threads.data?.items ?? []).filter((c) => c.entityId === entityId);
  const open = items.filter((c) => c.status !== 'closed');

  return (
    <Section
      title={t('entityPanel.title')}
      testId="contact-panel"
      aside={
        <Button size="xs" onClick={onCompose} data-testid="compose-open">
          {open.length > 0 ? t('entityPanel.writeAgain') : t('entityPanel.write')}
        </Button>
      }
    >
      <ErrorAlert error={threads.error} />
      {threads.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('entityPanel.none')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table.ScrollContainer minWidth={480}>
          <Table verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('entityPanel.contact')}</Table.Th>
                <Table.Th>{t('conversation.status')}</Table.Th>
                <Table.Th>{t('conversation.assignee')}</Table.Th>
                <Table.Th>{t('entityPanel.lastActivity')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id} data-testid="entity-thread">
                  <Table.Td>
                    <Group gap={6}>
                      <RouterAnchor
                        to="/inbox/$conversationId"
                        params={{ conversationId: c.id }}
                        ff="monospace"
                        size="sm"
                      >
                        {c.contact ?? t('inbox.noContact')}
                      </RouterAnchor>
                      {c.doNotContact ? <DoNotContactBadge /> : null}
                      {c.unread > 0 ? (
                        <Badge color="red" size="xs">
                          {t('inbox.unreadMessages', { count: c.unread })}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ConversationStatusBadge status={c.status} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{staff.nameOf(c.assigneeId)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatDateTime(c.lastMessageAt)}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {open.length > 0 ? (
        <Stack gap={0}>
          <Text size="xs" c="dimmed">
            {t('entityPanel.oneThread')}
          </Text>
        </Stack>
      ) : null}
    </Section>
  );
}
