// A page this role may not use: said plainly (the server refuses it anyway).
import { EmptyState, Paper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../app/usePageTitle';
import { IconAdmin } from './icons';

export function NoAccess({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  return (
    <Paper withBorder radius="md" py={56} px="xl">
      <EmptyState
        icon={<IconAdmin size={28} />}
        withIndicatorBackground
        title={t('noAccess.title')}
        description={t('noAccess.forRole')}
      />
    </Paper>
  );
}
