// Strings of the Insights page, in their own i18next namespace ("insights").
import { defineNamespace } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    insights: typeof en;
  }
}

export const { useT: useInsightsT } = defineNamespace('insights', en, nl);
