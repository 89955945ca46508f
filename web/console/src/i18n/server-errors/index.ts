// The catalogue of messages the server sends as keys (`error.text` of an API error, see
// src/platform/errors.ts `keyed`), in every language the console speaks, as the i18next namespace
// "serverErrors". Beside the server's keys (one section per context) it holds two sections of the
// console's own: `issues`, the generic reasons for each zod check a request failed (`error.issues`),
// and `values`, words for enum values a message carries as a parameter (a referral's state, a
// field's name). A test (src/platform/error-texts.test.ts) keeps the server's keys and this
// catalogue in step, in English and Dutch.
import { defineNamespace } from '../namespace';
import en from './en.json';
import nl from './nl.json';

declare module 'i18next' {
  interface ResourceNamespaceMap {
    serverErrors: typeof en;
  }
}

defineNamespace('serverErrors', en, nl);

export { en as serverErrorsEn };
