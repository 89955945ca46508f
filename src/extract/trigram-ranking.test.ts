// The fast ranking must give franc's answers exactly: same languages, same order, same scores.
// franc itself is the reference, on the corpus, on the bench's ads and on random text in and
// across the scripts franc tells apart.
import { francAll } from 'franc';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './evaluate.js';
import { benchAds } from './extract.bench.js';
import { trigramRanker } from './trigram-ranking.js';

const ONLY = ['nld', 'eng', 'deu', 'fra', 'spa', 'ron', 'pol', 'hun', 'bul', 'ita', 'por', 'ces', 'slk', 'tur', 'rus', 'ukr', 'srp', 'mkd', 'ell', 'arb', 'tha', 'cmn']; // prettier-ignore

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

// Letters, digits, punctuation and spaces of many scripts, one astral letter and one emoji.
const ALPHABET = [
  ...'abcdeéèëfghiïjklmnoöpqrsßtuüvwxyzăâîșțąęłńóśźżőűçñ ABCDEÉFGHIİJKLMNOÖPQRSŞTUÜVWXYZ',
  ...'абвгдежзийклмнопрстуфхцчшщъьюяыэёАБВГДЕ αβγδεζηθικλμνξοπρσςτυφχψωΣΆ',
  ...'مرحبا بكم สวัสดีครับ 你好世界 こんにちは 안녕하세요 שלום नमस्ते',
  ...'0123456789 .,;:!?-+()\'"\n\t  \u00a0\u200b',
  '𝐒',
  '😘',
];

function randomText(rnd: () => number): string {
  const length = Math.floor(rnd() * 120);
  // Mostly one script at a time, as ads are, with other characters mixed in.
  const base = Math.floor(rnd() * ALPHABET.length);
  let out = '';
  for (let i = 0; i < length; i++) {
    const k = rnd() < 0.8 ? base + Math.floor(rnd() * 40) : Math.floor(rnd() * ALPHABET.length);
    out += ALPHABET[k % ALPHABET.length];
  }
  return out;
}

describe('trigram ranking', () => {
  const rank = trigramRanker(ONLY);
  const same = (text: string, minLength: number) =>
    expect(rank(text, minLength), text).toEqual(francAll(text, { only: ONLY, minLength }));

  it('gives franc’s ranking on the corpus and the bench ads, raw and reduced to letters', () => {
    const texts = [...loadCorpus().map((c) => c.text), ...benchAds(300).map((a) => a.body)];
    for (const text of texts) {
      same(text, 12);
      same(
        text
          .replace(/[^\p{L}\s]+/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim(),
        12,
      );
    }
  });

  it('gives franc’s ranking on random text of every script, short and long', () => {
    const rnd = prng(16);
    for (let i = 0; i < 3000; i++) same(randomText(rnd), i % 3 === 0 ? 1 : 12);
    same('x'.repeat(5000) + ' hallo ik ben', 12);
    same('ab', 12);
    same('', 12);
  });

  it('gives franc’s ranking for other candidate lists', () => {
    const texts = benchAds(50).map((a) => a.body);
    for (const only of [['eng', 'nld'], ['rus'], ['jpn', 'cmn', 'kor']]) {
      const other = trigramRanker(only);
      for (const text of texts) {
        expect(other(text, 10)).toEqual(francAll(text, { only, minLength: 10 }));
      }
    }
  });
});
