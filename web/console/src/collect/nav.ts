// Which sections of the navigation a role sees, as far as sources, ads and rules go: a partner
// organisation sees only the Partners area (the API answers it 403 everywhere else); extraction
// rules are listed for those who edit them.
import type { Role } from '../api/types';
import { canEditRules } from './access';

export function sectionsForRole<T extends { key: string }>(sections: T[], role: Role): T[] {
  if (role === 'partner') return sections.filter((s) => s.key === 'partners');
  return sections.filter((s) => s.key !== 'rules' || canEditRules(role));
}

/** Where "/" leads: the Partners area for partner organisations, the triage queue for others. */
export const homePathFor = (role: Role) => (role === 'partner' ? '/partners' : '/triage');
