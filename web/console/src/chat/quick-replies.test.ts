// Quick replies: every key written in both complete languages, discreet words only, and the
// fallback for a chat in a language without its own list.
import { describe, expect, it } from 'vitest';
import { QUICK_REPLY_KEYS, QUICK_REPLY_LANGUAGES, quickRepliesFor } from './quick-replies';

describe('quick replies', () => {
  it('has every reply in Dutch and English, none empty', () => {
    expect(QUICK_REPLY_LANGUAGES.sort()).toEqual(['en', 'nl']);
    for (const lang of QUICK_REPLY_LANGUAGES) {
      const { language, replies } = quickRepliesFor(lang);
      expect(language).toBe(lang);
      expect(replies.map((r) => r.key)).toEqual(QUICK_REPLY_KEYS);
      for (const r of replies) expect(r.text.trim().length).toBeGreaterThan(5);
    }
    expect(quickRepliesFor('nl').replies[0]!.text).not.toBe(quickRepliesFor('en').replies[0]!.text);
  });

  it('falls back to English for a chat in another language', () => {
    expect(quickRepliesFor('ro').language).toBe('en');
    expect(quickRepliesFor('uk').replies).toEqual(quickRepliesFor('en').replies);
  });

  it('never names what would endanger the person if someone reads along', () => {
    const risky =
      /traffick|mensenhandel|uitbuit|exploit|politie|police|prostitu|slachtoffer|victim/i;
    for (const lang of QUICK_REPLY_LANGUAGES) {
      for (const r of quickRepliesFor(lang).replies) expect(r.text).not.toMatch(risky);
    }
  });
});
