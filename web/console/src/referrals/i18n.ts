// Strings of referrals (the case page's panel and the partner's inbox), in their own i18next
// namespace ("referrals") beside the code that uses them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    referrals: typeof en;
  }
}

export const { useT: useReferralsT } = defineNamespace('referrals', en, nl);

export type ReferralsKey = NamespaceKey<'referrals'>;
