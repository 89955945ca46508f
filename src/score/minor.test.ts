// The child protocol's trigger: a stated minor or an urgent possible_minor hit, never another
// urgent category, never a possible_minor reason the model excepted (not urgent).
import { describe, expect, it } from 'vitest';
import { concernsMinor } from './minor.js';
import { MINOR_AGE_CODE } from './score.js';
import type { ScoreReason } from './types.js';

const reason = (r: Partial<ScoreReason>): ScoreReason => ({
  kind: 'indicator',
  code: 'x.y',
  points: 0,
  evidence: null,
  label: 'synthetic',
  why: 'synthetic',
  ...r,
});

describe('concernsMinor', () => {
  it('is true for a stated age under 18 and for an urgent possible_minor indicator', () => {
    expect(concernsMinor({ reasons: [reason({ code: MINOR_AGE_CODE, urgent: true })] })).toBe(true);
    expect(
      concernsMinor({
        reasons: [reason({ code: 'minor.schoolgirl', category: 'possible_minor', urgent: true })],
      }),
    ).toBe(true);
  });

  it('is false for another urgent category and for an excepted (not urgent) young age', () => {
    expect(
      concernsMinor({ reasons: [reason({ category: 'violence', urgent: true, points: 20 })] }),
    ).toBe(false);
    expect(
      concernsMinor({ reasons: [reason({ code: 'age.young_18', category: 'possible_minor' })] }),
    ).toBe(false);
    expect(concernsMinor({ reasons: [] })).toBe(false);
  });
});
