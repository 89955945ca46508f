// The widget's languages: which are written, and the text for any language of the protocol, falling
// back to English for a language not written yet (a written one is complete: its type and
// strings.test.ts see to it). Adding one: a file beside en.ts typed `Strings` and one line in WRITTEN
// (web/chat/README.md).
import { CHAT_LANGUAGES, type ChatLanguage } from '../../../../src/contracts/chat-protocol';
import { en, type Strings } from './en';
import { nl } from './nl';

export type { Strings } from './en';

/** The languages written so far, in the order the language choice lists them. */
export const WRITTEN: Partial<Record<ChatLanguage, Strings>> = { nl, en };

export function writtenLanguages(): ChatLanguage[] {
  return CHAT_LANGUAGES.filter((l) => WRITTEN[l] !== undefined).sort(
    (a, b) => Object.keys(WRITTEN).indexOf(a) - Object.keys(WRITTEN).indexOf(b),
  );
}

/** The language a data-lang attribute or a ?lang= names, when it is one of the protocol's. */
export function asLanguage(value: string | null | undefined): ChatLanguage | undefined {
  const v = (value ?? '').trim().toLowerCase().slice(0, 2);
  return (CHAT_LANGUAGES as readonly string[]).includes(v) ? (v as ChatLanguage) : undefined;
}

/** The text for a language; one not written yet is shown in English. */
export function stringsFor(language: ChatLanguage): Strings {
  return WRITTEN[language] ?? en;
}
