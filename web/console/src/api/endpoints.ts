// Typed calls for each endpoint the console uses. Every response that carries a new CSRF token
// (the session is rotated at each sign-in step) replaces the one in memory here, in one place.
import { api, setCsrfToken } from './client';
import type {
  AdminUser,
  AssignableUser,
  Language,
  PartnerOrg,
  Role,
  SessionState,
  SessionUser,
  TotpEnrolment,
} from './types';

export async function fetchSession(): Promise<SessionState> {
  const session = await api.get<SessionState>('/api/auth/session');
  setCsrfToken(session.csrfToken);
  return session;
}

export async function login(email: string, password: string): Promise<'totp' | 'enroll'> {
  const r = await api.post<{ stage: 'totp' | 'enroll'; csrfToken: string }>('/api/auth/login', {
    email,
    password,
  });
  setCsrfToken(r.csrfToken);
  return r.stage;
}

export async function verifyTotp(
  input: { code: string } | { recoveryCode: string },
): Promise<SessionUser> {
  const r = await api.post<{ csrfToken: string; user: SessionUser }>('/api/auth/totp', input);
  setCsrfToken(r.csrfToken);
  return r.user;
}

export function startEnrolment(): Promise<TotpEnrolment> {
  return api.post<TotpEnrolment>('/api/auth/totp/enroll/start', {});
}

export async function confirmEnrolment(
  code: string,
): Promise<{ recoveryCodes: string[]; user: SessionUser }> {
  const r = await api.post<{ recoveryCodes: string[]; csrfToken: string; user: SessionUser }>(
    '/api/auth/totp/enroll/confirm',
    { code },
  );
  setCsrfToken(r.csrfToken);
  return { recoveryCodes: r.recoveryCodes, user: r.user };
}

export async function logout(): Promise<void> {
  await api.post<null>('/api/auth/logout', {});
  setCsrfToken('');
}

export async function changePassword(
  currentPassword: string,
  newPassword: string,
): Promise<SessionUser> {
  const r = await api.post<{ user: SessionUser }>('/api/auth/password', {
    currentPassword,
    newPassword,
  });
  return r.user;
}

export async function saveLanguage(language: Language): Promise<SessionUser> {
  const r = await api.patch<{ user: SessionUser }>('/api/me', { language });
  return r.user;
}

export async function listUsers(): Promise<AdminUser[]> {
  return (await api.get<{ users: AdminUser[] }>('/api/users')).users;
}

/** The staff work can be handed to (GET /api/staff): what assigning needs, nothing more. */
export async function listAssignableUsers(): Promise<AssignableUser[]> {
  return api.get<AssignableUser[]>('/api/staff');
}

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  partnerOrgId?: string;
}

export function createUser(
  input: NewUser,
): Promise<{ user: SessionUser; oneTimePassword: string }> {
  return api.post('/api/users', input);
}

export interface UserChange {
  role?: Role;
  displayName?: string;
  disabled?: boolean;
  partnerOrgId?: string | null;
}

export async function updateUser(id: string, change: UserChange): Promise<SessionUser> {
  return (await api.patch<{ user: SessionUser }>(`/api/users/${encodeURIComponent(id)}`, change))
    .user;
}

export async function resetUser(id: string): Promise<string> {
  return (
    await api.post<{ oneTimePassword: string }>(`/api/users/${encodeURIComponent(id)}/reset`, {})
  ).oneTimePassword;
}

export async function listPartnerOrgs(): Promise<PartnerOrg[]> {
  return (await api.get<{ partnerOrgs: PartnerOrg[] }>('/api/partner-orgs')).partnerOrgs;
}

export async function createPartnerOrg(name: string): Promise<PartnerOrg> {
  return (await api.post<{ partnerOrg: PartnerOrg }>('/api/partner-orgs', { name })).partnerOrg;
}
