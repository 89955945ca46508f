// The inbox preview of a message: the first words, with every phone number, e-mail address and
// handle masked by the detector that masks all text a person wrote, masked before the cut so a
// number the cut would split is never half shown; and who wrote it.
import { describe, expect, it } from 'vitest';
import { generatePhone } from '../../../fixtures/ad-board/phones.js';
import { Rng } from '../../../fixtures/ad-board/prng.js';
import { authorOf, PREVIEW_CHARS, PREVIEW_WORDS, previewText } from './previews.js';

const rng = new Rng('inbox-previews');
const taken = new Set<string>();
const localOf = (e164: string) => `0${e164.slice(3)}`;

describe('inbox previews', () => {
  it('keep a short message whole', () => {
    expect(previewText('hoe kom je aan mijn nummer', 'NL')).toBe('hoe kom je aan mijn nummer');
  });

  it('mask numbers, addresses and handles anywhere in the words shown', () => {
    const phone = localOf(generatePhone(rng, 'NL', taken).e164);
    const text = `bel ${phone} of mail an.de.vries@example.org of tg @anne_help`;
    const shown = previewText(text, 'NL');
    expect(shown).not.toContain(phone);
    expect(shown).not.toMatch(/\d{3}/);
    expect(shown).not.toContain('vries@example');
    expect(shown).toContain('•');
    expect(shown.startsWith('bel ')).toBe(true);
  });

  it('mask a local number when the contact has no country (an e-mail address, a handle)', () => {
    const local = localOf(generatePhone(rng, 'NL', taken).e164);
    for (const country of [null, 'BE', 'GB']) {
      const shown = previewText(`bel ${local} vanavond`, country);
      expect(shown, String(country)).not.toContain(local);
      expect(shown, String(country)).not.toMatch(/\d{2}/);
    }
  });

  it('mask a number the cut falls inside, and mark the cut', () => {
    const phone = generatePhone(rng, 'NL', taken).e164;
    const spaced = localOf(phone).replace(/(\d{2})(?=\d)/g, '$1 ');
    const words = Array.from({ length: PREVIEW_WORDS - 2 }, (_, i) => `woord${'x'.repeat(i % 3)}`);
    const shown = previewText(`${words.join(' ')} ${spaced} alsjeblieft`, 'NL');
    expect(shown.endsWith('…')).toBe(true);
    expect(shown.split(' ').length).toBeLessThanOrEqual(PREVIEW_WORDS);
    expect(shown).not.toMatch(/\d{2}/);
  });

  it('never run past the character limit', () => {
    const long = 'heel'.repeat(10) + ' ' + 'lange'.repeat(12) + ' woorden hier en daar';
    const shown = previewText(long, null);
    expect(shown.length).toBeLessThanOrEqual(PREVIEW_CHARS + 1);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('say who wrote: the person, a worker, or the system', () => {
    expect(authorOf({ direction: 'in', authorId: null })).toBe('person');
    expect(authorOf({ direction: 'out', authorId: 'u1' })).toBe('worker');
    expect(authorOf({ direction: 'out', authorId: null })).toBe('system');
  });
});
