// Strings of the audit viewer in their own i18next namespace ("audit"), beside the code that uses
// them. `useAuditT` is typed over the English file: a missing key is a compile error.
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const AUDIT_NS = 'audit';

i18n.addResourceBundle('en', AUDIT_NS, en, true, true);
i18n.addResourceBundle('nl', AUDIT_NS, nl, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** i18next picks `_one` / `_other` by `count`; callers name the key without the suffix. */
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

export type AuditKey = WithoutPlural<Leaves<typeof en>>;
export type AuditT = (key: AuditKey, values?: Record<string, unknown>) => string;

const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

/** The translate function of this namespace; re-renders on a change of language. */
export function useAuditT(): AuditT {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback<AuditT>(
    (key, values) => translate(key, { ...values, ns: AUDIT_NS, lng }),
    [lng],
  );
}
