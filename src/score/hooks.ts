// What the score context asks linking to do when entities merge or split: leads follow them.
import type { LinkHooks } from '../link/index.js';
import { mergeLeads, splitLeads } from './leads.js';

export const linkHooks: LinkHooks = {
  onMerge: (tx, fromIds, intoId) => mergeLeads(tx, fromIds, intoId),
  onSplit: (tx, fromId, intoIds) => splitLeads(tx, fromId, intoIds),
};
