import { Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyTotp } from '../api/endpoints';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';

export function TotpCode({
  onVerified,
  onCancel,
}: {
  onVerified: () => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'app' | 'recovery'>('app');
  const [code, setCode] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const verify = useMutation({
    mutationFn: async () => {
      await verifyTotp(
        mode === 'app' ? { code: code.replace(/\s+/g, '') } : { recoveryCode: code.trim() },
      );
      await onVerified();
    },
    onError: () => {
      setCode('');
      input.current?.focus();
    },
  });

  const switchMode = () => {
    setMode(mode === 'app' ? 'recovery' : 'app');
    setCode('');
    verify.reset();
    input.current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };

  return (
    <AuthCard
      title={t('totp.title')}
      intro={mode === 'app' ? t('totp.intro') : t('totp.recoveryIntro')}
    >
      <ErrorAlert error={verify.error} />
      <form onSubmit={submit}>
        <Stack gap="sm">
          {mode === 'app' ? (
            <TextInput
              key="app"
              ref={input}
              label={t('totp.code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              maxLength={7}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
            />
          ) : (
            <TextInput
              key="recovery"
              ref={input}
              label={t('totp.recoveryCode')}
              name="recoveryCode"
              autoComplete="off"
              spellCheck={false}
              required
              autoFocus
              value={code}
              onChange={(e) => setCode(e.currentTarget.value)}
              ff="monospace"
            />
          )}
          <Button type="submit" loading={verify.isPending} fullWidth mt="xs">
            {t('totp.submit')}
          </Button>
          <Group justify="space-between" mt={4}>
            <Anchor component="button" type="button" size="sm" onClick={switchMode}>
              {mode === 'app' ? t('totp.useRecovery') : t('totp.useApp')}
            </Anchor>
            <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onCancel}>
              {t('totp.cancel')}
            </Anchor>
          </Group>
        </Stack>
      </form>
    </AuthCard>
  );
}
