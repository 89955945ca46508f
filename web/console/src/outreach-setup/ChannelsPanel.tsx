// Admin → Channels: the ways messages go out (SMPP, SMS gateways, WhatsApp, e-mail, by hand), each
// with its sender, whether it is on, and — said loudly — whether people can reply to it (a sender
// that is a name cannot be answered). The form creates a channel, or updates one with its stored
// settings filled in (fetched fresh when the form opens); the webhook address to give the provider
// is the server's (built from its public address, which the browser's may not be) and has a copy
// button; warnings from a save stay on screen.
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Center,
  CopyButton,
  EmptyState,
  Group,
  Loader,
  Paper,
  Stack,
  Table,
  Text,
  Tooltip,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { PanelIntro } from '../admin/AdminPage';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconCheck, IconCopy, IconInbox } from '../ui/icons';
import {
  getChannel,
  listChannelKinds,
  listChannels,
  setupKeys,
  type Channel,
  type ChannelKind,
  type SavedChannel,
} from './api';
import { ChannelForm } from './ChannelForm';
import { formatDateTime } from '../ui/format';
import { useOptionalSetupT, useSetupT } from './i18n';

type Editing = { channel: Channel | null; key: number } | null;
let formKey = 0;

export function ChannelsPanel() {
  const t = useSetupT();
  const o = useOptionalSetupT();
  const qc = useQueryClient();
  const channels = useQuery({ queryKey: setupKeys.channels, queryFn: listChannels });
  const kinds = useQuery({
    queryKey: setupKeys.channelKinds,
    queryFn: listChannelKinds,
    staleTime: Infinity,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [saved, setSaved] = useState<SavedChannel | null>(null);
  const kindOf = (k: string): ChannelKind | undefined => kinds.data?.find((x) => x.kind === k);
  const kindLabel = (k: string) => o(`channels.kinds.${k}`, kindOf(k)?.label ?? k);

  const startEdit = (channel: Channel | null) => {
    setSaved(null);
    setEditing({ channel, key: ++formKey });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PanelIntro>{t('channels.intro')}</PanelIntro>
          {/* Admins read the templates but do not write them: the page is not in their menu. */}
          <Text size="sm" c="dimmed" maw={720}>
            {t('channels.templatesNote')}{' '}
            <RouterAnchor to="/templates" size="sm">
              {t('channels.templatesLink')}
            </RouterAnchor>
          </Text>
        </Stack>
        {editing === null ? (
          <Button onClick={() => startEdit(null)} disabled={!kinds.data}>
            {t('channels.new')}
          </Button>
        ) : null}
      </Group>

      <ErrorAlert error={kinds.error} title={t('channels.kindsFailed')} />
      {saved ? (
        <SavedNotice saved={saved} kind={kindOf(saved.kind)} onClose={() => setSaved(null)} />
      ) : null}
      {editing && kinds.data ? (
        <EditChannel
          key={editing.key}
          kinds={kinds.data}
          channel={editing.channel}
          onCancel={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            setSaved(s);
            // Also refreshes the channels' details (their keys sit under this one).
            void qc.invalidateQueries({ queryKey: setupKeys.channels });
          }}
        />
      ) : null}

      <Paper withBorder radius="md">
        {channels.isPending ? (
          <Center py="xl">
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          </Center>
        ) : channels.isError ? (
          <Stack p="md">
            <ErrorAlert error={channels.error} />
          </Stack>
        ) : channels.data.length === 0 ? (
          <EmptyState
            py={48}
            px="xl"
            icon={<IconInbox size={28} />}
            withIndicatorBackground
            title={t('channels.empty')}
            description={t('channels.emptyHint')}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption className="visually-hidden">{t('channels.tableLabel')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('channels.columns.name')}</Table.Th>
                  <Table.Th>{t('channels.columns.kind')}</Table.Th>
                  <Table.Th>{t('channels.columns.sender')}</Table.Th>
                  <Table.Th>{t('channels.columns.enabled')}</Table.Th>
                  <Table.Th>{t('channels.columns.replies')}</Table.Th>
                  <Table.Th>{t('channels.columns.webhook')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('channels.columns.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {channels.data.map((c) => (
                  <Table.Tr
                    key={c.id}
                    data-testid="channel-row"
                    data-name={c.name}
                    data-replies={c.repliesPossible}
                  >
                    <Table.Td>
                      {/* Named by an administrator, in the language they wrote it in. */}
                      <Text size="sm" fw={600} lang="und">
                        {c.name}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t('channels.updated', { date: formatDateTime(c.updatedAt) })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{kindLabel(c.kind)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace">
                        {c.sender ?? '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {c.enabled ? (
                        <Badge color="green" variant="light">
                          {t('channels.on')}
                        </Badge>
                      ) : (
                        <Badge color="gray" variant="outline">
                          {t('channels.off')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td maw={260}>
                      {c.repliesPossible ? (
                        <Badge color="green" variant="light" data-testid="replies-badge">
                          {t('channels.repliesPossible')}
                        </Badge>
                      ) : (
                        <Stack gap={2}>
                          <Badge color="red" variant="filled" data-testid="replies-badge">
                            {t('channels.repliesImpossible')}
                          </Badge>
                          <Text size="xs" c="red.8">
                            {t('channels.repliesImpossibleWhy')}
                          </Text>
                        </Stack>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <ChannelWebhook channelId={c.id} kind={kindOf(c.kind)} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Button
                        variant="default"
                        size="xs"
                        onClick={() => startEdit(c)}
                        disabled={!kinds.data || editing !== null}
                        aria-label={t('channels.editNamed', { name: c.name })}
                      >
                        {t('channels.edit')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}

/**
 * The form for a new channel, or for a stored one once its settings have come from the server:
 * fetched anew when the form opens (not a copy cached for the table), since the form starts from
 * them and saving replaces what is stored.
 */
function EditChannel({
  kinds,
  channel,
  onSaved,
  onCancel,
}: {
  kinds: ChannelKind[];
  channel: Channel | null;
  onSaved: (saved: SavedChannel) => void;
  onCancel: () => void;
}) {
  const t = useSetupT();
  const [openedAt] = useState(() => Date.now());
  const detail = useQuery({
    queryKey: setupKeys.channel(channel?.id ?? ''),
    queryFn: () => getChannel(channel?.id ?? ''),
    enabled: channel !== null,
    refetchOnMount: 'always',
    // A refetch in the background must not change a form being typed in.
    refetchOnWindowFocus: false,
  });
  if (channel === null) {
    return <ChannelForm kinds={kinds} channel={null} onSaved={onSaved} onCancel={onCancel} />;
  }
  const fresh = detail.data !== undefined && detail.dataUpdatedAt >= openedAt;
  if (fresh) {
    return (
      <ChannelForm kinds={kinds} channel={detail.data} onSaved={onSaved} onCancel={onCancel} />
    );
  }
  return (
    <Paper withBorder radius="md" p="lg" data-testid="channel-form-loading">
      {detail.isError ? (
        <Stack gap="sm">
          <ErrorAlert error={detail.error} title={t('channels.loadFailed')} />
          <Group>
            <Button variant="default" onClick={() => void detail.refetch()}>
              {t('common.retry')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : (
        <Center py="md">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        </Center>
      )}
    </Paper>
  );
}

/** A stored channel's webhook address, as the server builds it (none for kinds without one). */
function ChannelWebhook({ channelId, kind }: { channelId: string; kind: ChannelKind | undefined }) {
  const t = useSetupT();
  const hasWebhook = Boolean(kind?.webhookPath);
  const detail = useQuery({
    queryKey: setupKeys.channel(channelId),
    queryFn: () => getChannel(channelId),
    enabled: hasWebhook,
    // The address depends only on the channel's id and the server's public address.
    staleTime: 5 * 60_000,
  });
  if (!hasWebhook) return <WebhookAddress url={null} />;
  if (detail.isError) {
    return (
      <Text size="xs" c="red.8" role="status">
        {t('channels.webhookFailed')}
      </Text>
    );
  }
  if (!detail.data) return <Loader size="xs" role="status" aria-label={t('common.loading')} />;
  return <WebhookAddress url={detail.data.webhookUrl} />;
}

function SavedNotice({
  saved,
  kind,
  onClose,
}: {
  saved: SavedChannel;
  kind: ChannelKind | undefined;
  onClose: () => void;
}) {
  const t = useSetupT();
  const hasWebhook = Boolean(kind?.webhookPath);
  // The saved channel comes back without its address: the server builds that from its own public
  // address, which the browser's (behind a proxy, say) may not be.
  const detail = useQuery({
    queryKey: setupKeys.channel(saved.id),
    queryFn: () => getChannel(saved.id),
    enabled: hasWebhook,
    staleTime: 5 * 60_000,
  });
  return (
    <Stack gap="sm">
      <Alert
        variant="light"
        color="teal"
        role="status"
        withCloseButton
        closeButtonLabel={t('common.close')}
        onClose={onClose}
        title={t('channels.saved', { name: saved.name })}
      >
        {!hasWebhook ? (
          <Text size="sm">{t('channels.noWebhook')}</Text>
        ) : detail.isError ? (
          <Text size="sm" c="red.8">
            {t('channels.webhookFailed')}
          </Text>
        ) : detail.data ? (
          <Stack gap={4}>
            <Text size="sm">{t('channels.webhookGive')}</Text>
            <WebhookAddress url={detail.data.webhookUrl} />
          </Stack>
        ) : (
          <Loader size="xs" role="status" aria-label={t('common.loading')} />
        )}
      </Alert>
      {saved.warnings.length > 0 ? (
        <Alert
          variant="light"
          color="red"
          role="alert"
          title={t('channels.warnings')}
          data-testid="channel-warnings"
        >
          <Stack gap={4} component="ul" m={0} pl="md">
            {saved.warnings.map((w) => (
              <Text component="li" size="sm" key={w}>
                {w}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}

function WebhookAddress({ url }: { url: string | null }) {
  const t = useSetupT();
  if (!url) {
    return (
      <Text size="xs" c="dimmed">
        {t('channels.noWebhookShort')}
      </Text>
    );
  }
  return (
    <Group gap={4} wrap="nowrap">
      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }} data-testid="webhook-url">
        {url}
      </Text>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('channels.copyWebhook')}>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              onClick={copy}
              aria-label={t('channels.copyWebhook')}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
