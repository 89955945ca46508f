// The texts of score reasons in the reader's language. The server sends each reason's label and
// reasoning as parts (see ReasonText in src/score/types.ts): a message of this catalogue ("reasons",
// en.json / nl.json beside this file) with its parameters, or a text of the score model that
// carries its own languages. A part this catalogue does not know shows the text it carries (e.g. an
// NGO's own rule), and a reason stored before parts existed shows its English fields.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { defineNamespace } from '../namespace';
import en from './en.json';
import nl from './nl.json';
import { renderReasonText, type ReasonText, type Translate } from './render';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    reasons: typeof en;
  }
}

defineNamespace('reasons', en, nl);

export type { ReasonText } from './render';

/** `(parts, english) => text` in the current language; re-renders when the language changes. */
export function useReasonText(): (parts: ReasonText[] | undefined, english: string) => string {
  const { t, i18n } = useTranslation('reasons');
  const language = i18n.resolvedLanguage ?? 'en';
  return useCallback(
    (parts, english) => {
      const translate = t as unknown as Translate;
      const has = (key: string) => i18n.exists(key, { ns: 'reasons' });
      return renderReasonText(parts, english, language, translate, has);
    },
    [t, i18n, language],
  );
}

/** A model text as the API gives it: plain English, or per language. */
export type ModelText = string | { en: string; nl?: string };

/** `(text) => string` in the current language, English when the model has no translation. */
export function useModelText(): (text: ModelText) => string {
  const { i18n } = useTranslation('reasons');
  const language = i18n.resolvedLanguage ?? 'en';
  return useCallback(
    (text) =>
      typeof text === 'string' ? text : ((language === 'nl' ? text.nl : undefined) ?? text.en),
    [language],
  );
}

/** An indicator's explanation by its code in the current language; `english` for codes unknown here. */
export function useIndicatorExplanation(): (code: string | undefined, english: string) => string {
  const text = useReasonText();
  return useCallback(
    (code, english) => (code ? text([{ key: `indicators.${code}` }], english) : english),
    [text],
  );
}
