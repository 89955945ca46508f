// Shapes of the auth API's JSON, from the types generated out of the server's OpenAPI document
// (./schema.ts; see ./contract.ts). Nothing here is written by hand from the server's code.
import type { Answer, Schemas } from './contract';
import { languageValues, roleValues } from './schema';

export const ROLES = roleValues;
export type Role = Schemas['Role'];

export const LANGUAGES = languageValues;
export type Language = Schemas['Language'];

export type SessionState = Answer<'/api/auth/session'>;
export type Stage = SessionState['stage'];
export type SessionUser = NonNullable<SessionState['user']>;

/** What the signed-in user may do, as the server's policies answer it (GET /api/auth/session). */
export type Capabilities = Schemas['Capabilities'];

export type AdminUser = Answer<'/api/users'>['users'][number];
/** Someone work can be handed to: id, name and role only (GET /api/staff, open to all staff). */
export type AssignableUser = Schemas['AssignableUser'];
export type PartnerOrg = Answer<'/api/partner-orgs'>['partnerOrgs'][number];
export type TotpEnrolment = Answer<'/api/auth/totp/enroll/start', 'post'>;
