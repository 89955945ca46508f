// Who may do what in sources, ads and extraction rules, mirroring the server's policy functions
// (canManageSources / canReadAds in src/collect/routes.ts, canEditRules in src/facts/routes.ts,
// the admin check in setRobotsOverride). The server decides; these only spare people buttons and
// pages they cannot use.
import type { Role } from '../api/types';

/** Analysts, supervisors and admins run the collection. */
export const canManageSources = (role: Role) =>
  role === 'admin' || role === 'analyst' || role === 'supervisor';

/** Everyone but partner organisations reads ads and sources (outreach workers read only). */
export const canReadAds = (role: Role) => role !== 'partner';

/** Custom terms and the block-list: analysts and up. */
export const canEditRules = (role: Role) =>
  role === 'admin' || role === 'analyst' || role === 'supervisor';

/** Crawling against a site's robots.txt is an admin's decision, with a recorded reason. */
export const canOverrideRobots = (role: Role) => role === 'admin';
