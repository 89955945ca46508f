// Whether a score concerns a minor: the child protocol's trigger. "Urgent" alone is not enough, as
// a model may make other indicator categories urgent too; a minor is a stated age under 18 or an
// urgent hit of a possible_minor indicator (a model cannot turn either off).
import { MINOR_AGE_CODE } from './score.js';
import type { ScoreResult } from './types.js';

export function concernsMinor(result: Pick<ScoreResult, 'reasons'>): boolean {
  return result.reasons.some(
    (r) => r.urgent === true && (r.code === MINOR_AGE_CODE || r.category === 'possible_minor'),
  );
}
