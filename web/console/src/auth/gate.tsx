// The sign-in gate: asks the server where this browser stands (GET /api/auth/session) and shows
// the step that comes next — sign-in, TOTP code or enrolment, recovery codes, a forced password
// change — and only then the app. A session that ends (expiry, reset by an admin) leads back here
// with a notice, from any call.
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionGone } from '../api/client';
import { fetchSession, logout } from '../api/endpoints';
import type { SessionUser, Stage } from '../api/types';
import { router } from '../app/router';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { ChangePassword } from './ChangePassword';
import { Enroll } from './Enroll';
import { RecoveryCodes } from './RecoveryCodes';
import {
  forgetSignInPassword,
  SESSION_KEY,
  SessionContext,
  withUser,
  type CurrentSession,
} from './session';
import { SignIn, type Notice } from './SignIn';
import { TotpCode } from './TotpCode';

export function AuthGate() {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: 60_000,
    // Coming back to the tab re-checks the session, so an expired one is noticed at once.
    refetchOnWindowFocus: true,
    retry: 1,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const signingOut = useRef(false);
  const lastStage = useRef<Stage | null>(null);
  const lastUserId = useRef<string | null>(null);

  /** Re-reads the session; resolves once the next step is known (buttons spin until then). */
  const refresh = useCallback(() => qc.invalidateQueries({ queryKey: SESSION_KEY }), [qc]);

  /** Drops everything fetched for the previous user; only the session state stays. */
  const dropUserData = useCallback(() => {
    qc.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
  }, [qc]);

  useEffect(() => {
    onSessionGone(() => {
      // A late answer to a call made before signing out (a page that was loading, a poll)
      // says nothing new: the user already signed out.
      if (signingOut.current || lastStage.current === 'none') return;
      dropUserData();
      forgetSignInPassword();
      setRecoveryCodes(null);
      setNotice('sessionEnded');
      void refresh();
    });
    return () => onSessionGone(null);
  }, [dropUserData, refresh]);

  const stage = session.data?.stage ?? null;
  const user = session.data?.user ?? null;
  const capabilities = session.data?.capabilities ?? null;

  // A session that was there and is gone without a sign-out (noticed on a refetch) gets the same
  // notice as a 401 would.
  useEffect(() => {
    if (stage === null) return;
    if (stage === 'none' && lastStage.current && lastStage.current !== 'none') {
      if (!signingOut.current) setNotice('sessionEnded');
      dropUserData();
    }
    lastStage.current = stage;
  }, [stage, dropUserData]);

  // The saved language applies from the moment the user is known (already on the TOTP step).
  useEffect(() => {
    const id = user?.id ?? null;
    if (id && id !== lastUserId.current && user && user.language !== i18n.resolvedLanguage) {
      void i18n.changeLanguage(user.language);
    }
    lastUserId.current = id;
  }, [user, i18n]);

  useEffect(() => {
    if (stage === 'full' && user && !user.mustChangePassword) forgetSignInPassword();
  }, [stage, user]);

  const setUser = useCallback(
    (u: SessionUser) => qc.setQueryData(SESSION_KEY, withUser(session.data, u)),
    [qc, session.data],
  );

  const signOut = useCallback(
    async (why: Notice | null = 'signedOut') => {
      signingOut.current = true;
      try {
        await logout();
      } catch {
        // The session may already be gone; the sign-in screen follows either way.
      }
      forgetSignInPassword();
      dropUserData();
      setRecoveryCodes(null);
      // The next person to sign in starts at the beginning, not on this user's last page.
      await router.navigate({ to: '/', replace: true }).catch(() => undefined);
      setNotice(why);
      lastStage.current = 'none';
      await qc.invalidateQueries({ queryKey: SESSION_KEY });
      signingOut.current = false;
    },
    [dropUserData, qc],
  );

  const current = useMemo<CurrentSession | null>(
    () => (user && capabilities ? { user, capabilities, setUser, signOut: () => signOut() } : null),
    [user, capabilities, setUser, signOut],
  );

  // Only without any session state is there nothing to show; a failed re-check while signed in
  // keeps the current screen (the next call that needs the session will tell).
  if (!session.data) {
    if (!session.isError) {
      return (
        <Center mih="100vh">
          <Loader aria-label={t('app.loading')} />
        </Center>
      );
    }
    return (
      <AuthCard title={t('app.unavailableTitle')} intro={t('app.unavailable')}>
        <Stack gap="sm">
          <ErrorAlert error={session.error} />
          <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
        </Stack>
      </AuthCard>
    );
  }
  if (recoveryCodes) {
    return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
  }
  const cancel = () => void signOut(null);
  switch (session.data.stage) {
    case 'none':
      return (
        <SignIn
          notice={notice}
          onSignedIn={async () => {
            setNotice(null);
            await refresh();
          }}
        />
      );
    case 'totp':
      return <TotpCode onVerified={refresh} onCancel={cancel} />;
    case 'enroll':
      return (
        <Enroll
          onConfirmed={(codes) => {
            setRecoveryCodes(codes);
            void refresh();
          }}
          onCancel={cancel}
        />
      );
    case 'full':
      if (!current) return null;
      if (current.user.mustChangePassword) {
        return <ChangePassword user={current.user} onChanged={setUser} onCancel={cancel} />;
      }
      return (
        <SessionContext.Provider value={current}>
          <RouterProvider router={router} />
        </SessionContext.Provider>
      );
  }
}
