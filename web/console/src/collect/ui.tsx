// Small pieces the sources, ads and extraction pages share: status badges, loading and no-access
// states, and a value shown as plain text with a copy button (for URLs of scraped sites, which are
// never links: opening one from here would show the site who is looking).
import {
  ActionIcon,
  Badge,
  Center,
  CopyButton,
  EmptyState,
  Group,
  Loader,
  Paper,
  Text,
  Tooltip,
  type TextProps,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../app/usePageTitle';
import { IconAdmin } from '../ui/icons';
import type { HealthDetail } from './api';
import { useCollectT, useOptionalT } from './i18n';

const HEALTH_COLOR: Record<string, string> = {
  ok: 'green',
  degraded: 'orange',
  broken: 'red',
  unknown: 'gray',
};

export function HealthBadge({ health }: { health: string }) {
  const o = useOptionalT();
  return (
    <Badge
      color={HEALTH_COLOR[health] ?? 'gray'}
      variant={health === 'unknown' ? 'outline' : 'light'}
      data-testid="health-badge"
      data-health={health}
    >
      {o(`health.state.${health}`, health)}
    </Badge>
  );
}

/** The reasons the last health check gave, as the server wrote them (English, from the crawler). */
export function healthReasons(detail: Record<string, unknown> | null): string[] {
  const d = (detail ?? {}) as HealthDetail;
  return Array.isArray(d.reasons) ? d.reasons.filter((r) => typeof r === 'string') : [];
}

const RUN_COLOR: Record<string, string> = {
  queued: 'gray',
  running: 'blue',
  finished: 'green',
  failed: 'red',
};

export function RunStatusBadge({ status }: { status: string }) {
  const o = useOptionalT();
  return (
    <Badge color={RUN_COLOR[status] ?? 'gray'} variant="light" data-testid="run-status">
      {o(`runs.status.${status}`, status)}
    </Badge>
  );
}

export function Loading() {
  const t = useCollectT();
  return (
    <Center py="xl">
      <Loader size="sm" aria-label={t('common.loading')} />
    </Center>
  );
}

/** A page this role may not use: said plainly (the server refuses it anyway). */
export function NoAccess({ title }: { title: string }) {
  const t = useCollectT();
  usePageTitle(title);
  return (
    <Paper withBorder radius="md" py={56} px="xl">
      <EmptyState
        icon={<IconAdmin size={28} />}
        withIndicatorBackground
        title={t('common.noAccessTitle')}
        description={t('common.noAccessText')}
      />
    </Paper>
  );
}

const IconCopy = () => (
  <svg
    width={14}
    height={14}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <rect x="9" y="9" width="11" height="11" rx="2" />
    <path d="M5 15V5a2 2 0 0 1 2-2h8" />
  </svg>
);

const IconCheck = () => (
  <svg
    width={14}
    height={14}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M5 12l5 5 9-10" />
  </svg>
);

/** A value as text (never a link) with a button that copies it. */
export function CopyText({
  value,
  label,
  children,
  ...textProps
}: { value: string; label: string; children?: ReactNode } & TextProps) {
  const t = useCollectT();
  return (
    <Group gap={4} wrap="nowrap" align="center" miw={0}>
      <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }} {...textProps}>
        {children ?? value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : label} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={label}
            >
              {copied ? <IconCheck /> : <IconCopy />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

/** A labelled figure in a summary ("Pages 133"). */
export function Figure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: ReactNode;
  color?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
        {label}
      </Text>
      <Text size="xl" fw={650} c={color} lh={1.3}>
        {value}
      </Text>
    </div>
  );
}
