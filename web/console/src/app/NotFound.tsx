import { Button, EmptyState, Paper } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from './usePageTitle';

export function NotFound() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <Paper withBorder radius="md" py={56} px="xl">
      <EmptyState title={t('notFound.title')} description={t('notFound.description')}>
        <EmptyState.Actions>
          <Button component={Link} to="/">
            {t('notFound.home')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </Paper>
  );
}
