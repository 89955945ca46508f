// Strings of outreach set-up (templates, quick replies, channels), in their own i18next namespace
// ("outreachSetup") beside the code that uses them.
import { defineNamespace, type NamespaceT } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    outreachSetup: typeof en;
  }
}

export const { useT: useSetupT, useOptionalT: useOptionalSetupT } = defineNamespace(
  'outreachSetup',
  en,
  nl,
);

export type SetupT = NamespaceT<'outreachSetup'>;
