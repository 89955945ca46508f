// Strings of the sources, ads and extraction pages, in their own i18next namespace ("collect")
// beside the code that uses them.
import { defineNamespace } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    collect: typeof en;
  }
}

export const { useT: useCollectT, useOptionalT } = defineNamespace('collect', en, nl);
