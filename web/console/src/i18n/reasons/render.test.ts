import { describe, expect, it } from 'vitest';
import { renderReasonText, type ReasonText } from './render';
import nl from './nl.json';

type Tree = { [key: string]: string | Tree };
const lookup = (key: string): string | undefined => {
  let node: string | Tree | undefined = nl;
  for (const k of key.split('.')) node = typeof node === 'object' ? node[k] : undefined;
  return typeof node === 'string' ? node : undefined;
};
// A stand-in for i18next's t over the Dutch catalogue: {{name}} interpolation, defaultValue.
const t = (key: string, options: Record<string, unknown> = {}) =>
  (lookup(key) ?? (options.defaultValue as string) ?? key).replace(
    /\{\{(\w+)\}\}/g,
    (_, n: string) => String(options[n]),
  );
const has = (key: string) => lookup(key) !== undefined;
const dutch = (parts: ReasonText[] | undefined, english = 'ENGLISH') =>
  renderReasonText(parts, english, 'nl', t, has);

describe('renderReasonText', () => {
  it('renders catalogue messages with Dutch numbers and category names', () => {
    expect(
      dutch([{ key: 'why.practitioner', params: { weight: 0.25, factor: 4, points: 1 } }]),
    ).toBe('Praktijksignaal: lexicongewicht 0,25 × 4 = 1 punten.');
    expect(
      dutch([
        {
          key: 'why.categoryCap',
          params: { had: 30, given: 24, category: 'trust_language', cap: 24 },
        },
      ]),
    ).toBe(
      'Verlaagd van 30 naar 24: signalen van „Taal van vertrouwen en professionaliteit” tellen samen hoogstens 24 punten.',
    );
  });

  it('picks the Dutch of a model text, English where it has none, and fills its parameters', () => {
    expect(
      dutch([
        {
          text: { en: '{value} new ads per week', nl: '{value} nieuwe advertenties per week' },
          params: { value: 40.5 },
        },
        { text: { en: 'Only English here.' } },
      ]),
    ).toBe('40,5 nieuwe advertenties per week Only English here.');
  });

  it('falls back to the text a part carries, then to the English field', () => {
    expect(dutch([{ key: 'indicators.local.rule', text: { en: 'Our own rule' } }])).toBe(
      'Our own rule',
    );
    expect(dutch([{ key: 'indicators.youth.teen' }])).toMatch(/^Noemt de persoon een tiener/);
    expect(dutch([{ key: 'no.such.key' }], 'Old English text')).toBe('Old English text');
    expect(dutch(undefined, 'Stored before parts')).toBe('Stored before parts');
  });
});
