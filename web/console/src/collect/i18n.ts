// Strings of the sources, ads and extraction pages, in their own i18next namespace ("collect") so
// they live beside the code that uses them. `useCollectT` is typed over the English file: a missing
// key is a compile error.
import i18n from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import '../i18n';
import en from './locales/en.json';
import nl from './locales/nl.json';

export const COLLECT_NS = 'collect';

i18n.addResourceBundle('en', COLLECT_NS, en, true, true);
i18n.addResourceBundle('nl', COLLECT_NS, nl, true, true);

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
/** i18next picks `_one` / `_other` by `count`; callers name the key without the suffix. */
type WithoutPlural<K extends string> = K extends `${infer B}_${'one' | 'other'}` ? B : K;

export type CollectKey = WithoutPlural<Leaves<typeof en>>;
export type CollectT = (key: CollectKey, values?: Record<string, unknown>) => string;

const translate = i18n.t.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => string;

/** The translate function of this namespace; re-renders on a change of language. */
export function useCollectT(): CollectT {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback<CollectT>(
    (key, values) => translate(key, { ...values, ns: COLLECT_NS, lng }),
    [lng],
  );
}

const exists = i18n.exists.bind(i18n) as unknown as (
  key: string,
  options?: Record<string, unknown>,
) => boolean;

/** For labels looked up by a value from the server: the key if it exists, else the fallback. */
export function useOptionalT(): (key: string, fallback: string) => string {
  const { i18n: instance } = useTranslation();
  const lng = instance.resolvedLanguage;
  return useCallback(
    (key: string, fallback: string) =>
      exists(key, { ns: COLLECT_NS, lng }) ? translate(key, { ns: COLLECT_NS, lng }) : fallback,
    [lng],
  );
}
