// The outreach inbox: conversations and chats from the chat line with the newest activity first
// (keyset pages, merged on the server: src/app/inbox.ts), filtered by kind, status, whose they are
// and unread, with the conversation chosen from the list beside it (on a phone, one or the other).
// A chat opens in the chat line's own thread (/chat-line/:chatId), where it is worked. The list
// follows new messages by itself every few seconds. Each thread shows the masked contact, the
// lead's alias, who wrote last and the first words of that message (masked on the server, as all
// text a person wrote), the state and the last activity; a chat shows its state and language.
import {
  Badge,
  Box,
  Button,
  Center,
  Checkbox,
  EmptyState,
  Grid,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useMemo, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { useCurrentSession } from '../auth/session';
import { formatDateTime, shortId } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconInbox } from '../ui/icons';
import {
  ASSIGNEE_FILTERS,
  KIND_FILTERS,
  STATUS_FILTERS,
  listInbox,
  outreachKeys,
  type AssigneeFilter,
  type InboxFilters,
  type InboxItem,
} from './api';
import { ConversationStatusBadge, DoNotContactBadge, ScheduledBadge } from './badges';
import { canWorkOutreach, useStaffNames } from './hooks';
import { useOutreachT } from './i18n';

const route = getRouteApi('/inbox');
const INBOX_REFRESH_MS = 8_000;

export function InboxPage() {
  const t = useOutreachT();
  const { user } = useCurrentSession();
  usePageTitle(t('inbox.title'));
  if (!canWorkOutreach(user.role)) {
    return (
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('inbox.title')}
        </Title>
        <Paper withBorder radius="md" py={56} px="xl">
          <EmptyState
            icon={<IconInbox size={28} />}
            withIndicatorBackground
            title={t('inbox.notForRole')}
            description={t('inbox.notForRoleDescription')}
          />
        </Paper>
      </Stack>
    );
  }
  return <Inbox />;
}

function Inbox() {
  const t = useOutreachT();
  const filters = route.useSearch();
  const navigate = route.useNavigate();
  const setFilters = (next: InboxFilters) =>
    void navigate({ search: next, replace: true, resetScroll: false });
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const selected = /^\/inbox\/([^/]+)/.exec(pathname)?.[1] ?? null;

  const inbox = useInfiniteQuery({
    queryKey: outreachKeys.inbox(filters),
    queryFn: ({ pageParam }) => listInbox(filters, pageParam, undefined, true),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    refetchInterval: INBOX_REFRESH_MS,
    refetchIntervalInBackground: false,
  });
  const items = useMemo(() => inbox.data?.pages.flatMap((p) => p.items) ?? [], [inbox.data]);
  const unread = inbox.data?.pages[0]?.unread ?? 0;
  const filtered = Object.keys(filters).length > 0;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} size="h2">
            {t('inbox.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={640} mt={4}>
            {t('inbox.intro')}
          </Text>
        </div>
        <Badge
          size="lg"
          variant={unread > 0 ? 'filled' : 'light'}
          color={unread > 0 ? 'red' : 'gray'}
          data-testid="inbox-unread-total"
        >
          {t('inbox.unread', { count: unread })}
        </Badge>
      </Group>

      <Grid gap="md" align="flex-start">
        <Grid.Col
          span={{ base: 12, md: 5, lg: 4 }}
          display={{ base: selected ? 'none' : 'block', md: 'block' }}
        >
          <Stack gap="sm">
            <InboxFiltersBar filters={filters} onChange={setFilters} />
            <Paper withBorder radius="md">
              {inbox.isPending ? (
                <Center py="xl">
                  <Loader size="sm" role="status" aria-label={t('common.loading')} />
                </Center>
              ) : inbox.isError ? (
                <Stack p="md" align="flex-start">
                  <ErrorAlert error={inbox.error} />
                  <Button variant="default" onClick={() => void inbox.refetch()}>
                    {t('common.retry')}
                  </Button>
                </Stack>
              ) : items.length === 0 ? (
                <EmptyState
                  py={40}
                  icon={<IconInbox size={28} />}
                  withIndicatorBackground
                  title={filtered ? t('inbox.noMatches') : t('inbox.empty')}
                  description={
                    filtered ? t('inbox.noMatchesDescription') : t('inbox.emptyDescription')
                  }
                >
                  {filtered ? (
                    <EmptyState.Actions>
                      <Button variant="default" onClick={() => setFilters({})}>
                        {t('filters.clear')}
                      </Button>
                    </EmptyState.Actions>
                  ) : null}
                </EmptyState>
              ) : (
                <ConversationList items={items} selected={selected} />
              )}
            </Paper>
            {inbox.hasNextPage ? (
              <Button
                variant="default"
                onClick={() => void inbox.fetchNextPage()}
                loading={inbox.isFetchingNextPage}
              >
                {t('inbox.loadMore')}
              </Button>
            ) : null}
            {inbox.isFetchNextPageError ? <ErrorAlert error={inbox.error} /> : null}
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

function InboxFiltersBar({
  filters,
  onChange,
}: {
  filters: InboxFilters;
  onChange: (f: InboxFilters) => void;
}) {
  const t = useOutreachT();
  // Only those who work the chat line have chats to tell apart from threads.
  const chats = useCurrentSession().capabilities.workChat;
  const set = (patch: Partial<InboxFilters>) => {
    const next: InboxFilters = { ...filters, ...patch };
    if (next.status === 'open') delete next.status;
    if (next.assignee === 'all') delete next.assignee;
    if (!next.unread) delete next.unread;
    if (next.kind === 'all') delete next.kind;
    onChange(next);
  };
  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-label={t('filters.label')}>
      <Stack gap="xs">
        {chats ? (
          <SegmentedControl
            fullWidth
            size="xs"
            aria-label={t('filters.kind')}
            data-testid="inbox-kind"
            value={filters.kind ?? 'all'}
            onChange={(v) => set({ kind: v })}
            data={KIND_FILTERS.map((k) => ({ value: k, label: t(`filters.kinds.${k}`) }))}
          />
        ) : null}
        <SegmentedControl
          fullWidth
          size="xs"
          aria-label={t('filters.status')}
          value={filters.status ?? 'open'}
          onChange={(v) => set({ status: v })}
          data={STATUS_FILTERS.map((s) => ({ value: s, label: t(`filters.statuses.${s}`) }))}
        />
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <NativeSelect
            size="xs"
            label={t('filters.assignee')}
            value={filters.assignee ?? 'all'}
            onChange={(e) => set({ assignee: e.currentTarget.value as AssigneeFilter })}
            data={ASSIGNEE_FILTERS.map((a) => ({ value: a, label: t(`filters.assignees.${a}`) }))}
            style={{ flex: 1 }}
          />
          <Checkbox
            size="xs"
            label={t('filters.unreadOnly')}
            checked={Boolean(filters.unread)}
            onChange={(e) => set({ unread: e.currentTarget.checked })}
            mb={6}
          />
        </Group>
      </Stack>
    </Paper>
  );
}

function ConversationList({ items, selected }: { items: InboxItem[]; selected: string | null }) {
  const t = useOutreachT();
  const canSuperviseChat = useCurrentSession().capabilities.superviseChat;
  const staff = useStaffNames();
  return (
    <Stack gap={0} component="ul" className="inbox-list" aria-label={t('inbox.listLabel')}>
      {items.map((c) => {
        const active = c.id === selected;
        const chat = c.chat;
        return (
          <Box component="li" key={c.id}>
            {/* A link, not a button: a conversation is a place (it can be opened in a new tab,
                and assistive technology lists it among the page's links). */}
            <InboxItemLink
              item={c}
              toQueue={chat?.state === 'queued' && !canSuperviseChat}
              className="inbox-item mantine-focus-auto"
              data-active={active || undefined}
              data-unread={c.unread > 0 || undefined}
              data-testid="inbox-item"
              data-kind={c.kind}
              data-conversation-id={c.id}
              aria-current={active ? 'page' : undefined}
            >
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    {chat ? (
                      <Text size="sm" fw={c.unread > 0 ? 700 : 500}>
                        {t('inbox.kindChat')}
                      </Text>
                    ) : (
                      <Text size="sm" fw={c.unread > 0 ? 700 : 500} ff="monospace">
                        {c.contact ?? t('inbox.noContact')}
                      </Text>
                    )}
                    {c.doNotContact ? <DoNotContactBadge /> : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {[
                      chat
                        ? t('inbox.language', { language: chat.language.toUpperCase() })
                        : c.kind === 'outreach'
                          ? t('inbox.kindOutreach')
                          : t('inbox.kindInbound'),
                      c.alias
                        ? t('inbox.lead', { id: c.alias })
                        : c.entityId
                          ? t('inbox.lead', { id: shortId(c.entityId) })
                          : null,
                      staff.nameOf(c.assigneeId),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                  {c.last ? (
                    <Text
                      size="sm"
                      lineClamp={2}
                      data-testid="inbox-preview"
                      data-from={c.last.from}
                    >
                      <Text span size="sm" c="dimmed">
                        {c.last.from === 'person'
                          ? t('inbox.from.person')
                          : c.last.from === 'system'
                            ? t('inbox.from.system')
                            : c.last.authorId
                              ? staff.nameOf(c.last.authorId)
                              : t('inbox.from.worker')}
                        {': '}
                      </Text>
                      <span lang="und">{c.last.preview}</span>
                    </Text>
                  ) : null}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.lastMessageAt)}
                  </Text>
                </Stack>
                <Stack gap={4} align="flex-end">
                  {chat ? (
                    <ChatStateBadge state={chat.state} />
                  ) : (
                    <ConversationStatusBadge status={c.status} />
                  )}
                  {c.scheduledFor ? <ScheduledBadge at={c.scheduledFor} /> : null}
                  {c.unread > 0 ? (
                    <Badge
                      color="red"
                      size="sm"
                      circle
                      data-testid="item-unread"
                      aria-label={t('inbox.unreadMessages', { count: c.unread })}
                    >
                      {c.unread}
                    </Badge>
                  ) : null}
                </Stack>
              </Group>
            </InboxItemLink>
          </Box>
        );
      })}
    </Stack>
  );
}

/**
 * Where an inbox row leads: a chat is worked on the chat line (a waiting one is taken from its
 * queue, since its transcript is the holder's and supervisors'), a thread in the inbox beside
 * the list.
 */
function InboxItemLink({
  item,
  toQueue,
  children,
  ...rest
}: {
  item: InboxItem;
  toQueue: boolean;
  children: ReactNode;
} & AnchorHTMLAttributes<HTMLAnchorElement> &
  Record<`data-${string}`, unknown>) {
  if (item.chat) {
    return toQueue ? (
      <Link to="/chat-line" {...rest}>
        {children}
      </Link>
    ) : (
      <Link to="/chat-line/$chatId" params={{ chatId: item.id }} {...rest}>
        {children}
      </Link>
    );
  }
  return (
    <Link to="/inbox/$conversationId" params={{ conversationId: item.id }} search {...rest}>
      {children}
    </Link>
  );
}

/** A chat's state on the line: waiting in the queue, being answered, or ended. */
function ChatStateBadge({ state }: { state: NonNullable<InboxItem['chat']>['state'] }) {
  const t = useOutreachT();
  const color = state === 'active' ? 'green' : state === 'queued' ? 'blue' : 'gray';
  return (
    <Badge
      size="sm"
      variant="light"
      color={color}
      data-testid="inbox-chat-state"
      data-state={state}
      aria-label={`${t('inbox.chatStatesLabel')}: ${t(`inbox.chatStates.${state}`)}`}
    >
      {t(`inbox.chatStates.${state}`)}
    </Badge>
  );
}

/** What the right-hand side shows before a conversation is chosen. */
export function NoConversationChosen() {
  const t = useOutreachT();
  return (
    <Paper withBorder radius="md" py={56} px="xl" visibleFrom="md">
      <EmptyState
        icon={<IconInbox size={28} />}
        withIndicatorBackground
        title={t('inbox.chooseTitle')}
        description={t('inbox.chooseDescription')}
      />
    </Paper>
  );
}
