// The passphrase strength meter's judge: the project's shared zxcvbn-ts estimator
// (src/contracts/password-estimator.ts, common passwords and English and Dutch words), loaded as a
// chunk of its own the first time a passphrase is chosen — megabytes of dictionaries stay out of
// the app's main file. A passphrase is accepted at score 3 or more, and not mostly a common password.
import type { Estimator } from '../../../src/contracts/password-estimator';

let loading: Promise<Estimator> | null = null;

export function loadStrength(): Promise<Estimator> {
  loading ??= import('../../../src/contracts/password-estimator')
    .then((m) => m.loadEstimator())
    .catch((err: unknown) => {
      loading = null; // a failed download is tried again next time
      throw err;
    });
  return loading;
}

export const MIN_SCORE = 3;

export function acceptable(estimate: { score: number; commonShare: number }): boolean {
  return estimate.score >= MIN_SCORE && estimate.commonShare < 0.5;
}
