// Which sections of the navigation a user sees, as far as sources, ads and rules go (by the
// session's capabilities): whoever may not read the program's ads (a partner organisation) sees
// only its referrals and the Partners area, as the API answers them 403 everywhere else; extraction rules are listed
// for those who edit them.
import type { Capabilities, Role } from '../api/types';
import { canEditRules, canReadAds } from './access';

export function sectionsFor<T extends { key: string }>(sections: T[], c: Capabilities): T[] {
  // A partner organisation: the referrals made to it, and its own entry in the directory.
  if (!canReadAds(c)) return sections.filter((s) => s.key === 'referrals' || s.key === 'partners');
  // The program's own staff see referrals on each case, not as an inbox of their own.
  return sections.filter((s) => s.key !== 'referrals' && (s.key !== 'rules' || canEditRules(c)));
}

/** Where "/" leads: a partner organisation's referrals, the triage queue for others. */
export const homePathFor = (role: Role) => (role === 'partner' ? '/referrals' : '/triage');
