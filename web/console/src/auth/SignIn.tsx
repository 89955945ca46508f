import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { login } from '../api/endpoints';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { rememberSignInPassword } from './session';

export type Notice = 'sessionEnded' | 'signedOut';

export function SignIn({
  notice,
  onSignedIn,
}: {
  notice: Notice | null;
  onSignedIn: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: async () => {
      await login(email.trim(), password);
      rememberSignInPassword(password);
      await onSignedIn();
    },
    onError: () => setPassword(''),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthCard title={t('signIn.title')} intro={t('signIn.intro')}>
      {notice && !signIn.error ? (
        <Alert color={notice === 'sessionEnded' ? 'yellow' : 'gray'} variant="light" role="status">
          {t(`signIn.${notice}`)}
        </Alert>
      ) : null}
      <ErrorAlert error={signIn.error} />
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
          />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          <Button type="submit" loading={signIn.isPending} mt="xs" fullWidth>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
