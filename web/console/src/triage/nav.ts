// Where the triage queue sits in the console's navigation: first for those who work it (outreach
// workers and supervisors), in its usual place for others, and not at all for partner
// organisations (the API answers them 403).
import type { Role } from '../api/types';

export function orderSections<T extends { key: string }>(sections: T[], role: Role): T[] {
  if (role === 'partner') return sections.filter((s) => s.key !== 'triage');
  if (role === 'outreach_worker' || role === 'supervisor') {
    return [
      ...sections.filter((s) => s.key === 'triage'),
      ...sections.filter((s) => s.key !== 'triage'),
    ];
  }
  return sections;
}
