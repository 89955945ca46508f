// A one-time password, shown once after creating or resetting a user, with a copy button.
import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck, IconCopy } from '../ui/icons';

export function OneTimePassword({
  name,
  email,
  password,
  onDone,
}: {
  name: string;
  email: string;
  password: string;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light">
        {t('admin.users.otpIntro', { name })}
      </Alert>
      <div>
        <Text size="sm" fw={500} id="otp-label">
          {t('admin.users.otpLabel', { email })}
        </Text>
        <Group gap="sm" mt={6} wrap="nowrap">
          <Code
            data-testid="one-time-password"
            aria-labelledby="otp-label"
            fz="lg"
            px="md"
            py="xs"
            style={{ letterSpacing: '0.06em', wordBreak: 'break-all' }}
          >
            {password}
          </Code>
          <CopyButton value={password}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'default'}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                onClick={copy}
              >
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </div>
      <Group justify="flex-end">
        <Button onClick={onDone}>{t('admin.users.otpDone')}</Button>
      </Group>
    </Stack>
  );
}
