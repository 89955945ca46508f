// Session helpers shared by the sign-in steps and the app frame.
import { createContext, useContext } from 'react';
import type { Capabilities, SessionState, SessionUser } from '../api/types';

export const SESSION_KEY = ['session'] as const;

export interface CurrentSession {
  user: SessionUser;
  /** What the user may do, as the server's policies answer it: pages and buttons follow these. */
  capabilities: Capabilities;
  /** Replaces the signed-in user's data after a change (language, password). */
  setUser: (user: SessionUser) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<CurrentSession | null>(null);

export function useCurrentSession(): CurrentSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useCurrentSession outside a signed-in frame');
  return s;
}

export function withUser(state: SessionState | undefined, user: SessionUser): SessionState {
  return {
    stage: state?.stage ?? 'full',
    csrfToken: state?.csrfToken ?? '',
    user,
    capabilities: state?.capabilities ?? null,
  };
}

// The password typed at sign-in, kept in memory only until the forced change of a one-time
// password is done (so the user does not type it twice in a row). Never stored anywhere else;
// cleared on sign-out and as soon as it is not needed. After a reload it is gone and the
// change-password screen asks for it instead.
let pendingPassword: string | null = null;

export function rememberSignInPassword(password: string): void {
  pendingPassword = password;
}

export function signInPassword(): string | null {
  return pendingPassword;
}

export function forgetSignInPassword(): void {
  pendingPassword = null;
}
