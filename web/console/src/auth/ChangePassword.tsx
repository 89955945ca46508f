// After a one-time password: the user picks their own before anything else.
import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionUser } from '../api/types';
import { AuthCard } from '../ui/AuthCard';
import { PasswordForm } from './PasswordForm';
import { forgetSignInPassword, signInPassword } from './session';

export function ChangePassword({
  user,
  onChanged,
  onCancel,
}: {
  user: SessionUser;
  onChanged: (user: SessionUser) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [known, setKnown] = useState(signInPassword);
  return (
    <AuthCard title={t('password.title')} intro={t('password.intro')}>
      <PasswordForm
        user={user}
        knownCurrent={known}
        currentLabel={t('password.current')}
        currentWrongText={t('password.currentWrong')}
        onCurrentRejected={() => {
          // A remembered password that no longer works: ask for it instead.
          forgetSignInPassword();
          setKnown(null);
        }}
        onSaved={(saved) => {
          forgetSignInPassword();
          onChanged(saved);
        }}
        footer={
          <Button variant="subtle" color="gray" size="compact-sm" onClick={onCancel}>
            {t('header.signOut')}
          </Button>
        }
      />
    </AuthCard>
  );
}
