// Strings of the partner directory, in their own i18next namespace ("partners") beside the code
// that uses them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    partners: typeof en;
  }
}

export const { useT: usePartnersT } = defineNamespace('partners', en, nl);

export type PartnersKey = NamespaceKey<'partners'>;
