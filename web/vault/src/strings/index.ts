// The vault app's languages: which are written, and the text for a language, falling back to
// English for one not written yet (a written one is complete: its type and strings.test.ts see to
// it). Adding one: a file beside en.ts typed `Strings` and one line in WRITTEN.
import { en, type Strings } from './en';
import { nl } from './nl';

export type { Strings } from './en';

export const WRITTEN = { nl, en } as const satisfies Record<string, Strings>;
export type VaultLanguage = keyof typeof WRITTEN;

/** The language an attribute, a stored choice or the browser names, when it is written. */
export function asLanguage(value: string | null | undefined): VaultLanguage | undefined {
  const v = (value ?? '').trim().toLowerCase().slice(0, 2);
  return v in WRITTEN ? (v as VaultLanguage) : undefined;
}

export const stringsFor = (language: VaultLanguage): Strings => WRITTEN[language];
