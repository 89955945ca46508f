// Which sections of the navigation a user sees, as far as sources, ads and rules go (by the
// session's capabilities): whoever may not read the program's ads (a partner organisation) sees
// only the Partners area, as the API answers them 403 everywhere else; extraction rules are listed
// for those who edit them.
import type { Capabilities, Role } from '../api/types';
import { canEditRules, canReadAds } from './access';

export function sectionsFor<T extends { key: string }>(sections: T[], c: Capabilities): T[] {
  if (!canReadAds(c)) return sections.filter((s) => s.key === 'partners');
  return sections.filter((s) => s.key !== 'rules' || canEditRules(c));
}

/** Where "/" leads: the Partners area for partner organisations, the triage queue for others. */
export const homePathFor = (role: Role) => (role === 'partner' ? '/partners' : '/triage');
