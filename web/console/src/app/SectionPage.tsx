// A section of the console that another team has not built yet. It says so plainly: an empty
// state, never sample data that could be mistaken for real cases.
import { EmptyState, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IconAds,
  IconCases,
  IconInbox,
  IconInsights,
  IconPartners,
  IconSources,
  IconTriage,
  IconVault,
} from '../ui/icons';
import { usePageTitle } from './usePageTitle';

export type SectionKey =
  'sources' | 'ads' | 'triage' | 'inbox' | 'cases' | 'partners' | 'vaultRequests' | 'insights';

const ICONS: Record<SectionKey, ReactNode> = {
  sources: <IconSources size={28} />,
  ads: <IconAds size={28} />,
  triage: <IconTriage size={28} />,
  inbox: <IconInbox size={28} />,
  cases: <IconCases size={28} />,
  partners: <IconPartners size={28} />,
  vaultRequests: <IconVault size={28} />,
  insights: <IconInsights size={28} />,
};

export function SectionPage({ section }: { section: SectionKey }) {
  const { t } = useTranslation();
  const title = t(`sections.${section}.title`);
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {title}
      </Title>
      <Paper withBorder radius="md" py={56} px="xl">
        <EmptyState
          icon={ICONS[section]}
          withIndicatorBackground
          title={t(`sections.${section}.empty`)}
          description={
            <>
              {t(`sections.${section}.description`)}
              <Text component="span" display="block" size="sm" c="dimmed" mt="xs">
                {t('sections.notBuilt')}
              </Text>
            </>
          }
        />
      </Paper>
    </Stack>
  );
}
