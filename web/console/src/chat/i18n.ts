// Strings of the chat line's operator page, in their own i18next namespace ("chat") beside the
// code that uses them.
import { defineNamespace, type NamespaceKey } from '../i18n/namespace';
import en from './locales/en.json';
import nl from './locales/nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    chat: typeof en;
  }
}

export const { useT: useChatT } = defineNamespace('chat', en, nl);

export type ChatKey = NamespaceKey<'chat'>;
