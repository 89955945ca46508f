// Strings of the outreach inbox and of composing a message, in their own i18next namespace
// ("outreach") beside the code that uses them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    outreach: typeof en;
  }
}

export const { useT: useOutreachT } = defineNamespace('outreach', en, nl);

export type OutreachKey = NamespaceKey<'outreach'>;
