// Strings of the audit viewer, in their own i18next namespace ("audit") beside the code that uses
// them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    audit: typeof en;
  }
}

export const { useT: useAuditT } = defineNamespace('audit', en, nl);

export type AuditKey = NamespaceKey<'audit'>;
