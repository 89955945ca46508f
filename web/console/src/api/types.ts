// Shapes of the API's JSON, as the console reads them (see the auth routes on the server).

export const ROLES = ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

export type Stage = 'none' | 'totp' | 'enroll' | 'full';

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: Language;
  partnerOrgId: string | null;
  mustChangePassword: boolean;
  totpEnrolled: boolean;
}

export interface SessionState {
  stage: Stage;
  csrfToken: string;
  user: SessionUser | null;
}

export interface AdminUser extends SessionUser {
  partnerOrgName: string | null;
  lockedUntil: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
  createdAt: string;
}

export interface PartnerOrg {
  id: string;
  name: string;
}

export interface TotpEnrolment {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}
