// The score context's hooks, both ways. What score asks linking to do when entities merge or split
// (leads follow them), and what scoring calls out to when a lead concerns a minor: score is earlier
// on the data's way than cases, so the child protocol's alert is a hook src/app wires, not an import.
import type { LinkHooks } from '../link/index.js';
import type { DbOrTx } from '../platform/db/connect.js';
import { mergeLeads, splitLeads } from './leads.js';

export const linkHooks: LinkHooks = {
  onMerge: (tx, fromIds, intoId) => mergeLeads(tx, fromIds, intoId),
  onSplit: (tx, fromId, intoIds) => splitLeads(tx, fromId, intoIds),
};

/** A lead in the queue that concerns a minor (a stated age under 18 or a possible_minor hit). */
export interface MinorLead {
  entityId: string;
  /** When scoring found it: the scorer's "now". */
  at: Date;
}

export interface ScoreHooks {
  /**
   * Called inside the scoring transaction each time a minor's lead is scored, so a lead
   * about a minor from before this hook existed is alerted on its next scoring too; the receiver
   * raises its alert once per lead and ignores the calls after that.
   */
  onMinorLead: (tx: DbOrTx, lead: MinorLead) => Promise<void>;
}
