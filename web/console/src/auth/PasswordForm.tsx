// Choosing a new password, wherever it happens (after a one-time password, or by choice from the
// header): the current password unless it is already known, the new one twice, and every rule as
// a checklist that follows the typing. Saving is held back while a rule is known to fail; the
// server checks again and names what it refuses. A save asked for while the strength estimator is
// still on its way (a slow network, a busy machine) waits for it and then goes ahead, rather than
// doing nothing: a quick Enter after typing must not be swallowed.
import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { changePassword } from '../api/endpoints';
import type { SessionUser } from '../api/types';
import { ErrorAlert } from '../ui/ErrorAlert';
import { PasswordChecklist } from './PasswordChecklist';
import { usePasswordReport } from './password-strength';

export function PasswordForm({
  user,
  knownCurrent,
  currentLabel,
  currentWrongText,
  onCurrentRejected,
  onSaved,
  footer,
}: {
  user: Pick<SessionUser, 'email' | 'displayName'>;
  /** The current password when the console already holds it (right after sign-in). */
  knownCurrent: string | null;
  currentLabel: string;
  currentWrongText: string;
  /** The held password did not work: the form asks for it instead. */
  onCurrentRejected: () => void;
  onSaved: (user: SessionUser) => void;
  footer?: ReactNode;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [attempted, setAttempted] = useState(false);
  /** A save asked for while a rule was still being checked. */
  const [waiting, setWaiting] = useState(false);
  const report = usePasswordReport(next, user);
  const mismatch = next !== repeat;
  const currentMissing = knownCurrent === null && !current;

  const save = useMutation({
    mutationFn: () => changePassword(knownCurrent ?? current, next),
    onSuccess: onSaved,
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'invalid_credentials') onCurrentRejected();
    },
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (mismatch || currentMissing) return;
    if (report.pending) {
      setWaiting(true);
      return;
    }
    if (report.canSave) save.mutate();
  };

  // The waited-for save goes ahead once every rule is known, unless one fails (then the
  // checklist says which) or the form changed meanwhile in a way that stops it.
  useEffect(() => {
    if (!waiting || report.pending) return;
    setWaiting(false);
    if (report.canSave && !mismatch && !currentMissing) save.mutate();
  }, [waiting, report.pending, report.canSave, mismatch, currentMissing, save]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={save.error} overrides={{ invalid_credentials: currentWrongText }} />
        {knownCurrent === null ? (
          <PasswordInput
            label={currentLabel}
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={attempted && !current ? t('password.currentMissing') : undefined}
          />
        ) : null}
        <PasswordInput
          label={t('password.new')}
          description={t('password.hint')}
          name="new-password"
          autoComplete="new-password"
          required
          data-autofocus
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          error={
            attempted && !report.canSave && !report.pending ? t('password.rulesUnmet') : undefined
          }
        />
        <PasswordChecklist report={report} typed={next.length > 0 || attempted} />
        <PasswordInput
          label={t('password.repeat')}
          name="repeat-password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={attempted && mismatch ? t('password.mismatch') : undefined}
        />
        <Button type="submit" loading={save.isPending || waiting} fullWidth mt="xs">
          {t('password.submit')}
        </Button>
        {footer}
      </Stack>
    </form>
  );
}
