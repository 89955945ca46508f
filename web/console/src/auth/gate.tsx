// The sign-in gate: asks the server where this browser stands (GET /api/auth/session) and shows
// the step that comes next — sign-in, TOTP code or enrolment, recovery codes, a forced password
// change — and only then the app. A session that ends (expiry, reset by an admin) leads back here
// with a notice, from any call.
import { Button, Center, Loader, Stack } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { onSessionGone } from '../api/client';
import { fetchSession, logout } from '../api/endpoints';
import type { SessionUser, Stage } from '../api/types';
import { AuthCard } from '../ui/AuthCard';
import { ErrorAlert } from '../ui/ErrorAlert';
import { LoadBoundary, LoadFailed, loadChunk } from '../ui/LoadFailed';
import { forgetSignInPassword, SESSION_KEY, withUser, type CurrentSession } from './session';
import { SignIn, type Notice } from './SignIn';
import { TotpCode } from './TotpCode';

// Only sign-in and the code step are in the console's first chunk (what every visit loads): the
// rarer steps (enrolment, recovery codes, a forced password change) are chunks of their own, and
// so is the app after sign-in (the router, the frame, each page's route), fetched once the session
// is complete. The app's module is kept once fetched, so that signing out can reset its router.
const Enroll = lazy(() => loadChunk(() => import('./Enroll')).then((m) => ({ default: m.Enroll })));
const RecoveryCodes = lazy(() =>
  loadChunk(() => import('./RecoveryCodes')).then((m) => ({ default: m.RecoveryCodes })),
);
const ChangePassword = lazy(() =>
  loadChunk(() => import('./ChangePassword')).then((m) => ({ default: m.ChangePassword })),
);
let signedInApp: typeof import('../app/SignedInApp') | null = null;
const fetchApp = () =>
  loadChunk(() => import('../app/SignedInApp')).then((module) => {
    signedInApp = module;
    return module;
  });
const SignedInApp = lazy(() => fetchApp().then((module) => ({ default: module.SignedInApp })));

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

  // The app is fetched while the code is typed, so that it is there when the code is accepted (a
  // failure here is left to the app's own fetch to show).
  useEffect(() => {
    if (stage === 'totp') fetchApp().catch(() => undefined);
  }, [stage]);

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
      // The next person to sign in starts at the beginning, not on this user's last page. Before
      // the app was ever fetched there is no router yet: it will read the address when it is.
      if (signedInApp) {
        await signedInApp.router.navigate({ to: '/', replace: true }).catch(() => undefined);
      } else {
        window.history.replaceState(null, '', '/');
      }
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

  const loading = (
    <Center mih="100vh">
      <Loader role="status" aria-label={t('app.loading')} />
    </Center>
  );
  // Only without any session state is there nothing to show; a failed re-check while signed in
  // keeps the current screen (the next call that needs the session will tell).
  if (!session.data) {
    if (!session.isError) return loading;
    return (
      <AuthCard title={t('app.unavailableTitle')} intro={t('app.unavailable')}>
        <Stack gap="sm">
          <ErrorAlert error={session.error} />
          <Button onClick={() => void refresh()}>{t('common.retry')}</Button>
        </Stack>
      </AuthCard>
    );
  }
  const cancel = () => void signOut(null);
  const screen = (data: NonNullable<typeof session.data>): ReactNode => {
    if (recoveryCodes) {
      return <RecoveryCodes codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />;
    }
    switch (data.stage) {
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
        return <SignedInApp session={current} />;
    }
  };
  // The rarer steps and the app are fetched when they come (see the top of this file); a fetch
  // that fails says so and offers a reload.
  return (
    <LoadBoundary
      fallback={
        <AuthCard title={t('app.loadFailedTitle')}>
          <LoadFailed titled={false} />
        </AuthCard>
      }
    >
      <Suspense fallback={loading}>{screen(session.data)}</Suspense>
    </LoadBoundary>
  );
}
