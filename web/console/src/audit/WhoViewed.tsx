// "Who viewed this" on the ad, entity and conversation pages, for supervisors and admins: a button
// that opens a drawer with the reads of the record (who, when, how), newest first. The list is
// asked for only when the drawer opens, since every look at it is itself audited.
import { Button, Center, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { RouterAnchor } from '../ui/RouterAnchor';
import { formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { canReadAuditLog } from './access';
import { auditKeys, listRecordViews, type RecordKind } from './api';
import { useAuditT, type AuditKey } from './i18n';
import { IconAudit } from '../ui/icons';

const HOW: Record<string, AuditKey> = {
  'ad.read': 'views.how.opened',
  'entity.read': 'views.how.opened',
  'conversation.open': 'views.how.opened',
  'identifier.reveal': 'views.how.revealed',
  'captures.export': 'views.how.exported',
};
const TARGET_TYPE: Record<RecordKind, string> = {
  ad: 'ad',
  entity: 'entity',
  conversation: 'conversation',
};

export function WhoViewedButton({ kind, id }: { kind: RecordKind; id: string }) {
  const t = useAuditT();
  const { capabilities } = useCurrentSession();
  const [opened, setOpened] = useState(false);
  if (!canReadAuditLog(capabilities)) return null;
  return (
    <>
      <Button
        variant="default"
        size="xs"
        leftSection={<IconAudit size={16} />}
        onClick={() => setOpened(true)}
        data-testid="who-viewed"
      >
        {t('views.button')}
      </Button>
      <Drawer
        opened={opened}
        onClose={() => setOpened(false)}
        position="right"
        title={t('views.title')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {opened ? <ViewsList kind={kind} id={id} onLeave={() => setOpened(false)} /> : null}
      </Drawer>
    </>
  );
}

function ViewsList({ kind, id, onLeave }: { kind: RecordKind; id: string; onLeave: () => void }) {
  const t = useAuditT();
  const views = useInfiniteQuery({
    queryKey: auditKeys.views(kind, id),
    queryFn: ({ pageParam }) => listRecordViews(kind, id, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    // Asked afresh at each opening: who looked may have changed, and each look is audited anyway.
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const items = views.data?.pages.flatMap((p) => p.views) ?? [];
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('views.intro')}
      </Text>
      {views.isPending ? (
        <Center py="lg">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        </Center>
      ) : views.isError && items.length === 0 ? (
        <ErrorAlert error={views.error} />
      ) : items.length === 0 ? (
        <Text size="sm" data-testid="who-viewed-empty">
          {t('views.empty')}
        </Text>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          aria-label={t('views.listLabel')}
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
        >
          {items.map((v) => (
            <li key={v.seq} data-testid="who-viewed-item">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <div>
                  <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {v.actorLabel}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {HOW[v.action] ? t(HOW[v.action]!) : v.action}
                  </Text>
                </div>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {formatDateTime(v.at)}
                </Text>
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {views.hasNextPage ? (
        <Button
          variant="default"
          size="xs"
          onClick={() => void views.fetchNextPage()}
          loading={views.isFetchingNextPage}
        >
          {t('views.loadMore')}
        </Button>
      ) : null}
      <RouterAnchor
        to="/audit"
        search={{ targetType: TARGET_TYPE[kind], targetId: id }}
        size="sm"
        onClick={onLeave}
      >
        {t('views.inLog')}
      </RouterAnchor>
    </Stack>
  );
}
