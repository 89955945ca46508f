// The operators' roles, apart from the tables (schema.ts) so that pure cores such as
// outreach/domain can name them without loading the database library.
export const ROLES = ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'] as const;
export type Role = (typeof ROLES)[number];
