// After a one-time password: the user picks their own before anything else.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { changePassword } from '../api/endpoints';
import type { SessionUser } from '../api/types';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { forgetSignInPassword, signInPassword } from './session';

export const MIN_PASSWORD_LENGTH = 12;

export function ChangePassword({
  onChanged,
  onCancel,
}: {
  onChanged: (user: SessionUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [known, setKnown] = useState(signInPassword);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [checked, setChecked] = useState(false);

  const tooShort = next.length < MIN_PASSWORD_LENGTH;
  const mismatch = next !== repeat;
  const save = useMutation({
    mutationFn: () => changePassword(known ?? current, next),
    onSuccess: (user) => {
      forgetSignInPassword();
      onChanged(user);
    },
    onError: (err) => {
      // A remembered password that no longer works: ask for it instead.
      if (err instanceof ApiError && err.code === 'invalid_credentials') {
        forgetSignInPassword();
        setKnown(null);
      }
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (tooShort || mismatch) return;
    save.mutate();
  };

  return (
    <AuthCard title={t('password.title')} intro={t('password.intro')}>
      <ErrorAlert
        error={save.error}
        overrides={{ invalid_credentials: t('password.currentWrong') }}
      />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {known === null ? (
            <PasswordInput
              label={t('password.current')}
              name="current-password"
              autoComplete="current-password"
              required
              value={current}
              onChange={(e) => setCurrent(e.currentTarget.value)}
            />
          ) : null}
          <PasswordInput
            label={t('password.new')}
            description={t('password.hint')}
            name="new-password"
            autoComplete="new-password"
            required
            autoFocus
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={checked && tooShort ? t('password.tooShort') : undefined}
          />
          <PasswordInput
            label={t('password.repeat')}
            name="repeat-password"
            autoComplete="new-password"
            required
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={checked && !tooShort && mismatch ? t('password.mismatch') : undefined}
          />
          <Button type="submit" loading={save.isPending} fullWidth mt="xs">
            {t('password.submit')}
          </Button>
          <Button variant="subtle" color="gray" size="compact-sm" onClick={onCancel}>
            {t('header.signOut')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
