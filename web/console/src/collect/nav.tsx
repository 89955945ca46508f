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

export const IconRules = ({ size = 18 }: { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={1.8}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M4 6h10M4 12h7M4 18h10" />
    <circle cx="18" cy="9" r="2.5" />
    <path d="M19.8 10.8L22 13" />
  </svg>
);
