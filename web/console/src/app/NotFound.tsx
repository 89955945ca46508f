import { Button, EmptyState, Paper } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Paper withBorder radius="md" py={56} px="xl">
      {/* The page's own heading (the title as a level-1 heading, not the default div). */}
      <EmptyState>
        <EmptyState.Title order={1}>{t('notFound.title')}</EmptyState.Title>
        <EmptyState.Description>{t('notFound.description')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
