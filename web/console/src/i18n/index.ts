// i18next set-up: English and Dutch bundled (no requests for translations). Before sign-in the
// browser's language decides; after sign-in the user's saved language does (see auth/gate.tsx).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/types';
import en from './en.json';
import nl from './nl.json';

export const resources = { en: { translation: en }, nl: { translation: nl } } as const;

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

function browserLanguage(): Language {
  return navigator.languages.some((l) => l.toLowerCase().startsWith('nl')) ? 'nl' : 'en';
}

export function currentLanguage(): Language {
  return i18n.resolvedLanguage === 'nl' ? 'nl' : 'en';
}

/** Locale for dates and numbers in the current language. */
export function currentLocale(): string {
  return currentLanguage() === 'nl' ? 'nl-NL' : 'en-GB';
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'nl'],
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
});

export default i18n;
