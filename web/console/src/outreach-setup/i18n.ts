// Strings of outreach set-up (templates, quick replies, channels) in their own i18next namespace
// ("outreachSetup") so they live beside the code that uses them. `useSetupT` is typed over the
// English file: a missing key is a compile error.
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const SETUP_NS = 'outreachSetup';

i18n.addResourceBundle('en', SETUP_NS, en, true, true);
i18n.addResourceBundle('nl', SETUP_NS, nl, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** i18next picks `_one` / `_other` by `count`; callers name the key without the suffix. */
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

export type SetupKey = WithoutPlural<Leaves<typeof en>>;
export type SetupT = (key: SetupKey, values?: Record<string, unknown>) => string;

const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

const exists = i18n.exists.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => boolean;

/** The translate function of this namespace; re-renders on a change of language. */
export function useSetupT(): SetupT {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback<SetupT>(
    (key, values) => translate(key, { ...values, ns: SETUP_NS, lng }),
    [lng],
  );
}

/** For labels looked up by a value from the server: the key if it exists, else the fallback. */
export function useOptionalSetupT(): (key: string, fallback: string) => string {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback(
    (key: string, fallback: string) =>
      exists(key, { ns: SETUP_NS, lng }) ? translate(key, { ns: SETUP_NS, lng }) : fallback,
    [lng],
  );
}
