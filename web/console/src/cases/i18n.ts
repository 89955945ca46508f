// Strings of the cases pages, in their own i18next namespace ("cases") beside the code that uses
// them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    cases: typeof en;
  }
}

export const { useT: useCasesT } = defineNamespace('cases', en, nl);

export type CasesKey = NamespaceKey<'cases'>;
