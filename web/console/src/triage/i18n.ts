// Strings of the triage queue, the entity page and saved searches, in their own i18next namespace
// ("triage") beside the code that uses them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    triage: typeof en;
  }
}

export const { useT: useTriageT } = defineNamespace('triage', en, nl);

export type TriageKey = NamespaceKey<'triage'>;
