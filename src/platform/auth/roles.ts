// The operator roles, apart from the tables that store them: code that only needs the names (the
// CLI's `--role` choices, pure rules) should not have to load the database layer to get them.
export const ROLES = ['admin', 'supervisor', 'analyst', 'outreach_worker', 'partner'] as const;
export type Role = (typeof ROLES)[number];
