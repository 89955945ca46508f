// The server's password rules, run in the browser while a password is typed. The rules are the
// server's own file (src/contracts/password-rules.ts), so the checklist and the API cannot
// disagree; the strength estimator behind two of them (zxcvbn-ts and its dictionaries, megabytes)
// is a chunk of its own, fetched the first time a password form opens, never in the main bundle.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Estimator } from '../../../../src/contracts/password-estimator';
import {
  checkPassword,
  estimatorInputs,
  type PasswordCheck,
  type PasswordOwner,
  type StrengthEstimate,
} from '../../../../src/contracts/password-rules';

export {
  PASSWORD_POLICY,
  PASSWORD_RULES,
  type PasswordCheck,
  type PasswordRule,
} from '../../../../src/contracts/password-rules';

let estimator: Promise<Estimator> | null = null;

function loadEstimator(): Promise<Estimator> {
  estimator ??= import('../../../../src/contracts/password-estimator')
    .then((m) => m.loadEstimator())
    .catch((err: unknown) => {
      estimator = null; // a failed download is tried again next time
      throw err;
    });
  return estimator;
}

export interface PasswordReport {
  checks: PasswordCheck[];
  /** Null until the estimator has loaded (and while nothing is typed). */
  estimate: StrengthEstimate | null;
  /** The estimator could not be loaded: the server still checks on save. */
  estimatorFailed: boolean;
  /** Nothing known stands in the way of saving (the server has the last word). */
  canSave: boolean;
  /** A rule still waits for the estimator (loading, or a moment behind the typing). */
  pending: boolean;
}

/** Every rule for `password`, re-run as it is typed (the estimate a moment behind the keys). */
export function usePasswordReport(password: string, owner: PasswordOwner): PasswordReport {
  const [estimator, setEstimator] = useState<Estimator | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    loadEstimator().then(
      (e) => live && setEstimator(() => e),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, []);
  // zxcvbn takes a few to tens of milliseconds: typing stays ahead of it.
  const deferred = useDeferredValue(password);
  const { email, displayName } = owner;
  const estimate = useMemo(
    () =>
      estimator && deferred ? estimator(deferred, estimatorInputs({ email, displayName })) : null,
    [estimator, deferred, email, displayName],
  );
  const checks = checkPassword(password, owner, deferred === password ? estimate : null);
  return {
    checks,
    estimate: deferred === password ? estimate : null,
    estimatorFailed: failed,
    canSave: checks.every((c) => c.ok === true || (c.ok === null && failed)),
    pending: !failed && checks.some((c) => c.ok === null),
  };
}
