// The header's bell: how many new matches the user's saved searches have, asked every minute.
// Choosing a search opens it. Partners have no saved searches and see nothing here.
import {
  ActionIcon,
  Button,
  Indicator,
  Popover,
  Stack,
  Text,
  Badge,
  UnstyledButton,
  Group,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconBell } from './icons';
import { BELOW_DIALOGS } from './layers';
import { useOpenSavedSearch, useSavedSearchAlerts } from './useSavedSearches';

export function SavedSearchAlerts() {
  const { user } = useCurrentSession();
  if (user.role === 'partner') return null;
  return <AlertsBell />;
}

function AlertsBell() {
  const t = useTriageT();
  const [opened, setOpened] = useState(false);
  const alerts = useSavedSearchAlerts();
  const open = useOpenSavedSearch(() => setOpened(false));
  const total = alerts.data?.total ?? 0;
  const label = total > 0 ? t('searches.alertsWithNew', { count: total }) : t('searches.alerts');

  return (
    // The indicator wraps the popover, so that the popover's target (which gets aria-haspopup and
    // aria-expanded) is the button itself, not the indicator's box.
    <Indicator
      label={total > 99 ? '99+' : total}
      disabled={total === 0}
      size={18}
      color="red"
      offset={4}
      data-testid="alerts-badge"
      data-count={total}
    >
      <Popover
        opened={opened}
        onChange={setOpened}
        position="bottom-end"
        width={320}
        shadow="md"
        zIndex={BELOW_DIALOGS}
      >
        <Popover.Target>
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={label}
            onClick={() => setOpened((o) => !o)}
          >
            <IconBell size={18} />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p="xs">
          <Stack gap={4}>
            <Text size="sm" fw={600} px="xs" pt={4}>
              {total > 0 ? label : t('searches.alertsNone')}
            </Text>
            {(alerts.data?.searches ?? []).map((s) => (
              <UnstyledButton
                key={s.id}
                onClick={() => open.mutate(s.id)}
                aria-label={t('searches.open', { name: s.name })}
                px="xs"
                py={6}
                className="saved-search-item"
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              >
                <Group gap="xs" wrap="nowrap" justify="space-between">
                  <Text size="sm" lineClamp={1}>
                    {s.name}
                  </Text>
                  <Badge size="sm" color="red" variant="filled">
                    {t('searches.newMatches', { count: s.newMatches })}
                  </Badge>
                </Group>
              </UnstyledButton>
            ))}
            <ErrorAlert error={alerts.error ?? open.error} />
            <Button
              component={Link}
              to="/triage"
              variant="subtle"
              size="compact-sm"
              onClick={() => setOpened(false)}
            >
              {t('searches.manage')}
            </Button>
          </Stack>
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
