// Rendering of score-reason texts (see index.ts), pure so it can be tested without a browser.
import type { Schemas } from '../../api/contract';

export type ReasonText = Schemas['ReasonText'];
type Params = NonNullable<ReasonText['params']>;
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const localeOf = (language: string) => (language === 'nl' ? 'nl-NL' : 'en-GB');

/** Numbers in the reader's notation (0,25 in Dutch), names of categories translated. */
function localParams(params: Params, language: string, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (typeof value === 'number') {
      out[name] = new Intl.NumberFormat(localeOf(language), { maximumFractionDigits: 2 }).format(
        value,
      );
    } else if (name === 'category') {
      out[name] = t(`categories.${value}`, { defaultValue: value });
    } else {
      out[name] = value;
    }
  }
  return out;
}

/** One part in `language`, or null when neither the catalogue nor the part has a text for it. */
export function renderReasonPart(
  part: ReasonText,
  language: string,
  t: Translate,
  has: (key: string) => boolean,
): string | null {
  const params = localParams(part.params ?? {}, language, t);
  if (part.key && has(part.key)) return t(part.key, params);
  if (part.text) {
    const text = (language === 'nl' ? part.text.nl : undefined) ?? part.text.en;
    return text.replace(/\{(\w+)\}/g, (m, name: string) => params[name] ?? m);
  }
  return null;
}

/** Parts joined in `language`; `english` (the reason's own field) when there are none or one fails. */
export function renderReasonText(
  parts: ReasonText[] | undefined,
  english: string,
  language: string,
  t: Translate,
  has: (key: string) => boolean,
): string {
  if (!parts || parts.length === 0) return english;
  const out: string[] = [];
  for (const part of parts) {
    const text = renderReasonPart(part, language, t, has);
    if (text === null) return english;
    out.push(text);
  }
  return out.join(' ');
}
