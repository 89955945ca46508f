// The chat line's operator page (/chat-line): the queue, the operator's own chats and, for
// supervisors, alerts and every running chat, with the chosen chat's thread beside them (on a
// phone, one or the other). One live connection serves the whole page; its state is shown, and
// while it is down the panels poll instead.
import { Badge, EmptyState, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconInbox } from '../ui/icons';
import { NoAccess } from '../ui/NoAccess';
import { chatKeys, listMine } from './api';
import { useChatT } from './i18n';
import { ChatLiveProvider, useChatLive, useFallbackInterval } from './live';
import { ChatList } from './MyChatsPanel';
import { QueuePanel } from './QueuePanel';
import { SupervisorPanel } from './SupervisorPanel';

export function ChatLinePage() {
  const t = useChatT();
  const { capabilities } = useCurrentSession();
  usePageTitle(t('page.title'));
  if (!capabilities.workChat) return <NoAccess title={t('page.title')} />;
  return (
    <ChatLiveProvider>
      <ChatLine />
    </ChatLiveProvider>
  );
}

function ChatLine() {
  const t = useChatT();
  const { capabilities } = useCurrentSession();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const selected = /^\/chat-line\/([^/]+)/.exec(pathname)?.[1] ?? null;
  const mine = useQuery({
    queryKey: chatKeys.mine,
    queryFn: listMine,
    refetchInterval: useFallbackInterval(),
  });
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} size="h2">
            {t('page.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640} mt={4}>
            {t('page.intro')}
          </Text>
        </div>
        <LiveBadge />
      </Group>
      <Grid gap="md" align="flex-start">
        <Grid.Col
          span={{ base: 12, md: 5, lg: 4 }}
          display={{ base: selected ? 'none' : 'block', md: 'block' }}
        >
          <Stack gap="sm">
            <QueuePanel mine={mine.data} />
            {mine.isError ? <ErrorAlert error={mine.error} /> : null}
            <ChatList
              title={t('mine.title')}
              items={mine.data?.items ?? []}
              selected={selected}
              testId="my-chat"
              empty={t('mine.none')}
            />
            {capabilities.superviseChat ? <SupervisorPanel selected={selected} /> : null}
          </Stack>
        </Grid.Col>
        <Grid.Col
          span={{ base: 12, md: 7, lg: 8 }}
          display={{ base: selected ? 'block' : 'none', md: 'block' }}
        >
          <Outlet />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function LiveBadge() {
  const t = useChatT();
  const { state } = useChatLive();
  const live = state === 'open';
  return (
    <Badge
      size="lg"
      variant="light"
      color={live ? 'green' : 'orange'}
      role="status"
      data-testid="chat-live"
      data-state={state}
    >
      {t(`live.${state}`)}
    </Badge>
  );
}

/** What the right-hand side shows before a chat is chosen. */
export function NoChatChosen() {
  const t = useChatT();
  return (
    <Paper withBorder radius="md" py={56} px="xl" visibleFrom="md">
      <EmptyState
        icon={<IconInbox size={28} />}
        withIndicatorBackground
        title={t('page.chooseTitle')}
        description={t('page.chooseDescription')}
      />
    </Paper>
  );
}
