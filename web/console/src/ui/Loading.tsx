// The spinner a page shows while its data loads, named for screen readers.
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader size="sm" role="status" aria-label={t('common.loading')} />
    </Center>
  );
}
