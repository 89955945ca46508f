// Who may do what in sources, ads and extraction rules, as the session's capabilities say (the
// server's canManageSources / canReadAds in src/collect, canEditRules in src/facts answer them).
// The server decides; these only spare people buttons and pages they cannot use.
import type { Capabilities } from '../api/types';

export const canManageSources = (c: Capabilities) => c.manageSources;
export const canReadAds = (c: Capabilities) => c.readAds;
export const canEditRules = (c: Capabilities) => c.editRules;
export const canOverrideRobots = (c: Capabilities) => c.overrideRobots;
