// Shown once, right after enrolment: the recovery codes, to be saved before going on.
import { Button, Checkbox, CopyButton, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../ui/AuthCard';

export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <AuthCard title={t('recovery.title')} intro={t('recovery.intro')} width={480}>
      <List
        aria-label={t('recovery.listLabel')}
        data-testid="recovery-codes"
        listStyleType="none"
        withPadding={false}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(2, 1fr)', gap: 8 }}
      >
        {codes.map((c) => (
          <List.Item
            key={c}
            styles={{ itemWrapper: { display: 'block' }, itemLabel: { display: 'block' } }}
          >
            <Text
              ff="monospace"
              fz="md"
              ta="center"
              py={6}
              bg="gray.0"
              bd="1px solid var(--mantine-color-gray-3)"
              bdrs="sm"
            >
              {c}
            </Text>
          </List.Item>
        ))}
      </List>
      <CopyButton value={codes.join('\n')}>
        {({ copied, copy }) => (
          <Button variant="default" onClick={copy}>
            {copied ? t('common.copied') : t('recovery.copyAll')}
          </Button>
        )}
      </CopyButton>
      <Stack gap="sm" mt="xs">
        <Checkbox
          label={t('recovery.confirm')}
          checked={saved}
          onChange={(e) => setSaved(e.currentTarget.checked)}
        />
        <Button disabled={!saved} onClick={onDone}>
          {t('recovery.continue')}
        </Button>
      </Stack>
    </AuthCard>
  );
}
