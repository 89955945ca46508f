// The console's error texts as hooks: errorText (error-text.ts) in the current language, and the
// problems an import lists (a CSV row, an HTCDS record, a source definition's field) likewise.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../i18n';
import {
  errorText as describe,
  issueReason,
  problemText,
  type ErrorOverrides,
  type FieldLabels,
  type IssueShape,
  type ProblemShape,
} from './error-text';

export type { ErrorOverrides, FieldLabels } from './error-text';

export function errorText(
  t: TFunction,
  err: unknown,
  overrides: ErrorOverrides = {},
  fieldLabels: FieldLabels = {},
): string {
  return describe(t, err, overrides, currentLocale(), fieldLabels);
}

export function useErrorText(): (
  err: unknown,
  overrides?: ErrorOverrides,
  fieldLabels?: FieldLabels,
) => string {
  const { t } = useTranslation();
  return (err, overrides, fieldLabels) => errorText(t, err, overrides, fieldLabels);
}

/** One problem of an imported file in the user's language (its key, else its failed check). */
export function useProblemText(): (p: ProblemShape) => string {
  const { t } = useTranslation();
  return (p) => problemText(t, p, currentLocale());
}

/** Why one check of a request failed, in the user's language. */
export function useIssueReason(): (issue: IssueShape) => string {
  const { t } = useTranslation();
  return (issue) => issueReason(t, issue);
}
