// The queue's menu of saved searches: each with its count of new matches; choosing one opens it
// (its filters in the queue, its new matches marked), and each can be deleted.
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  Group,
  Loader,
  Popover,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useState } from 'react';
import type { SavedSearch } from '../triage/api';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconBookmark, IconTrash } from './icons';
import { BELOW_DIALOGS } from './layers';
import {
  useDeleteSavedSearch,
  useOpenSavedSearch,
  useSavedSearchAlerts,
  useSavedSearchList,
} from './useSavedSearches';

export function SavedSearchesMenu() {
  const t = useTriageT();
  const [opened, setOpened] = useState(false);
  const alerts = useSavedSearchAlerts();
  const list = useSavedSearchList(opened);
  const open = useOpenSavedSearch(() => setOpened(false));
  const remove = useDeleteSavedSearch();
  const [confirming, setConfirming] = useState<string | null>(null);
  const total = alerts.data?.total ?? 0;

  const row = (s: SavedSearch) => (
    <Group key={s.id} gap="xs" wrap="nowrap" justify="space-between" data-testid="saved-search">
      {confirming === s.id ? (
        <Group gap="xs" wrap="nowrap" style={{ flex: 1 }}>
          <Text size="sm" style={{ flex: 1 }}>
            {t('searches.deleteConfirm', { name: s.name })}
          </Text>
          <Button
            size="compact-sm"
            color="red"
            loading={remove.isPending}
            onClick={() => remove.mutate(s.id, { onSuccess: () => setConfirming(null) })}
          >
            {t('common.delete')}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setConfirming(null)}>
            {t('common.cancel')}
          </Button>
        </Group>
      ) : (
        <>
          <UnstyledButton
            onClick={() => open.mutate(s.id)}
            aria-label={t('searches.open', { name: s.name })}
            px="xs"
            py={6}
            style={{ flex: 1, borderRadius: 'var(--mantine-radius-sm)' }}
            className="saved-search-item"
          >
            <Group gap="xs" wrap="nowrap">
              <Text size="sm" fw={500} lineClamp={1} style={{ flex: 1 }}>
                {s.name}
              </Text>
              <Text size="xs" c="dimmed">
                {s.target === 'ads' ? t('searches.adsTarget') : t('searches.leadsTarget')}
              </Text>
              {s.newMatches > 0 ? (
                <Badge size="sm" color="red" variant="filled">
                  {t('searches.newMatches', { count: s.newMatches })}
                </Badge>
              ) : null}
            </Group>
          </UnstyledButton>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('searches.delete', { name: s.name })}
            onClick={() => setConfirming(s.id)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </>
      )}
    </Group>
  );

  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
      zIndex={BELOW_DIALOGS}
    >
      <Popover.Target>
        <Button
          variant="default"
          leftSection={<IconBookmark size={16} />}
          rightSection={
            total > 0 ? (
              <Badge size="sm" color="red" variant="filled" circle={total < 10}>
                {total}
              </Badge>
            ) : null
          }
          onClick={() => setOpened((o) => !o)}
          aria-label={total > 0 ? t('searches.menuWithNew', { count: total }) : t('searches.menu')}
          aria-expanded={opened}
        >
          {t('searches.menu')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Stack gap={2}>
          {list.isPending ? (
            <Center py="md">
              <Loader size="sm" role="status" aria-label={t('common.loading')} />
            </Center>
          ) : list.isError ? (
            <ErrorAlert error={list.error} />
          ) : list.data.length === 0 ? (
            <Text size="sm" c="dimmed" p="xs">
              {t('searches.none')}
            </Text>
          ) : (
            list.data.map(row)
          )}
          <ErrorAlert error={open.error ?? remove.error} />
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
