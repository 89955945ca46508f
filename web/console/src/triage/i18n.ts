// Strings of the triage queue, the entity page and saved searches, in their own i18next namespace
// ("triage") so they live beside the code that uses them and not in the console's shared files.
// `useTriageT` is typed over the English file: a missing key is a compile error.
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const TRIAGE_NS = 'triage';

i18n.addResourceBundle('en', TRIAGE_NS, en, true, true);
i18n.addResourceBundle('nl', TRIAGE_NS, nl, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** i18next picks `_one` / `_other` by `count`; callers name the key without the suffix. */
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

export type TriageKey = WithoutPlural<Leaves<typeof en>>;
export type TriageT = (key: TriageKey, values?: Record<string, unknown>) => string;

const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

/** The translate function of this namespace; re-renders on a change of language. */
export function useTriageT(): TriageT {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback<TriageT>(
    (key, values) => translate(key, { ...values, ns: TRIAGE_NS, lng }),
    [lng],
  );
}
