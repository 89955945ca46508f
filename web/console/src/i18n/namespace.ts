// One way for a page folder to bring its own strings: `defineNamespace` adds the folder's English
// and Dutch files to i18next as a namespace of their own and returns that namespace's translate
// hooks. The folder declares its English file in i18next's `ResourceNamespaceMap`, so the keys are
// typed by i18next itself: a missing key is a compile error, and so is a Dutch file that lacks one.
import i18n, { type ParseKeys, type ResourceNamespaceMap, type TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import './index';

export type Namespace = keyof ResourceNamespaceMap;
/** The translate function of a namespace, for helpers that take it from a component. */
export type NamespaceT<Ns extends Namespace> = TFunction<Ns>;
/** A key of a namespace, as its `t` takes it (for tables of keys chosen by a value). */
export type NamespaceKey<Ns extends Namespace> = ParseKeys<Ns>;

export function defineNamespace<const Ns extends Namespace>(
  ns: Ns,
  en: ResourceNamespaceMap[Ns],
  nl: ResourceNamespaceMap[Ns],
) {
  i18n.addResourceBundle('en', ns, en, true, true);
  i18n.addResourceBundle('nl', ns, nl, true, true);

  /** The translate function of this namespace; re-renders on a change of language. */
  function useT() {
    return useTranslation(ns).t;
  }

  /** For labels looked up by a value from the server: the key's text if it exists, else the fallback. */
  function useOptionalT(): (key: string, fallback: string) => string {
    const t = useT();
    return useCallback(
      (key: string, fallback: string) => {
        const text = t(key, fallback);
        // A key that names a group of strings yields an object: not a label.
        return typeof text === 'string' ? text : fallback;
      },
      [t],
    );
  }

  return { useT, useOptionalT };
}
