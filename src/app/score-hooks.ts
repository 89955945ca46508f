// What scoring calls out to, wired here because score may not import cases: a lead about a minor
// raises the supervisors' alert (the child protocol), once per lead.
import { raiseLeadAlert } from '../cases/index.js';
import { formerEntityIds } from '../link/index.js';
import type { ScoreHooks } from '../score/index.js';

export const scoreHooks: ScoreHooks = {
  onMinorLead: async (tx, lead) => {
    // Entities merged into this one may have been alerted already under their own id.
    await raiseLeadAlert(tx, { ...lead, formerIds: await formerEntityIds(tx, lead.entityId) });
  },
};
