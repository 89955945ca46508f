import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OUTREACH_LANGUAGES, type OutreachLanguage } from './languages.js';
import {
  detectOptOut,
  loadOptOutLists,
  OPT_OUT_SCAN_CHARS,
  optOutConfirmation,
  SHORT_MESSAGE_WORDS,
} from './opt-out.js';
import { smsInfo } from './sms-encoding.js';

/** Any code point, lone surrogates included (fast-check's 'binary' unit takes seconds to set up). */
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

const optOut = (text: string, language?: OutreachLanguage) => detectOptOut({ text, language });

// How people really answer when they want no more messages, per language.
const OPT_OUTS: Record<OutreachLanguage, string[]> = {
  en: [
    'STOP', 'stop!', 'Stop pls', 'stop it', 'STOP STOP STOP', 'Please stop.', 'unsubscribe',
    'Who is this? Stop', "don't text me again", 'Leave me alone', 'wrong number', 'not interested',
    'stop texting me', 'I said stop', 'Enough!', 'no more', 'go away', 'remove me from your list',
    'opt out', 'f off', 'Why stop?', 'can you stop',
  ],
  nl: [
    'stoppen', 'Stop maar', 'niet meer sturen', 'NIET MEER STUREN!!!', 'laat me met rust',
    'Laat me alsjeblieft met rust', 'stuur me niks meer', 'geen berichten meer aub', 'Genoeg!',
    'hou op', 'afmelden', 'verkeerd nummer', 'niet geïnteresseerd', 'rot op', 'ik wil stoppen',
  ],
  de: [
    'Stopp', 'hör auf', 'Hör bitte auf!', 'Lass mich in Ruhe', 'lassen Sie mich in Ruhe',
    'schreib mir nicht mehr', 'keine Nachrichten mehr', 'falsche Nummer', 'kein Interesse',
    'aufhören', 'Es reicht!', 'abmelden',
  ],
  fr: [
    'Arrête', 'arrêtez svp', "ne m'écrivez plus", 'ne m’écris plus', 'Laissez-moi tranquille',
    'fichez-moi la paix', 'mauvais numéro', "ça m'intéresse pas", 'ça suffit', 'arrête de m’écrire',
  ],
  es: [
    'para', 'Para ya', 'basta', 'Basta ya!', 'no me escribas', 'no me escribas más', 'déjame en paz',
    'Dejame en paz', 'no me interesa', 'número equivocado', 'baja', 'deja de escribirme',
  ],
  ro: [
    'nu mai', 'Nu mai!', 'gata', 'nu-mi mai scrie', 'nu mai scrieți', 'lasă-mă în pace',
    'lasa-ma in pace', 'nu mă interesează', 'număr greșit', 'oprește', 'Ajunge!',
  ],
  pl: [
    'przestań', 'nie pisz', 'nie pisz więcej', 'zostaw mnie w spokoju', 'daj mi spokój',
    'odczep się', 'nie jestem zainteresowana', 'zły numer', 'dość', 'wypisz mnie', 'pomyłka',
  ],
  hu: [
    'ne írj', 'Ne irj tobbet', 'hagyj békén', 'hagyjon beken', 'nem érdekel', 'elég', 'állj meg',
    'rossz szám', 'leiratkozás',
  ],
  bg: [
    'спри', 'Спрете!', 'стоп', 'не ми пиши', 'остави ме на мира', 'не се интересувам', 'грешен номер',
    'стига', 'spri', 'ne mi pishi', 'ostavi me na mira',
  ],
}; // prettier-ignore

// Ordinary replies that must not end contact.
const ORDINARY: Record<OutreachLanguage, string[]> = {
  en: [
    'stop by later', 'I can stop by later tonight', "I can't stop thinking about it", 'bus stop',
    'Meet me at the bus stop at 5', "don't stop", 'non-stop', 'Hi, who is this?', 'ok thanks',
    'no', 'Yes I am fine, thanks for asking', 'I want to stop working here, can you help me find another job?',
    'Please stop by the office tomorrow if you want',
  ],
  nl: [
    'Hoi, wie is dit?', 'ik kan niet stoppen met lachen', 'ik wil stoppen met dit werk',
    'ik stop met werken', 'dank je', 'nee', 'het gaat goed', 'laat me weten wanneer',
  ],
  de: ['Ich kann nicht aufhören zu lachen', 'Wer ist da?', 'Danke, mir geht es gut', 'nein'],
  fr: ["je n'arrête pas de penser à ça", 'Qui est-ce ?', 'merci', 'arrêt de bus'],
  es: ['para mañana?', 'es para mí', 'no puedo parar de reír', '¿Quién eres?', 'gracias', 'no'],
  ro: ['nu mai am timp azi', 'nu mai lucrez acolo', 'cine esti?', 'multumesc', 'nu'],
  pl: ['nie mogę przestać się śmiać', 'kto to?', 'dziękuję', 'nie'],
  hu: ['ki vagy?', 'köszönöm', 'nem'],
  bg: ['не мога да спра да се смея', 'кой си ти?', 'благодаря', 'не'],
}; // prettier-ignore

describe('the opt-out lists', () => {
  it('exist for every language with a one-line confirmation that fits one SMS', () => {
    const lists = loadOptOutLists();
    for (const lang of OUTREACH_LANGUAGES) {
      expect(lists.get(lang)?.language).toBe(lang);
      const text = optOutConfirmation(lang);
      expect(text).not.toMatch(/\n/);
      expect([lang, smsInfo(text).segments]).toEqual([lang, 1]);
    }
    expect(optOutConfirmation()).toBe(optOutConfirmation('en'));
    expect(optOutConfirmation('nl')).toBe('U ontvangt geen berichten meer.');
  });
});

describe('detectOptOut', () => {
  for (const lang of OUTREACH_LANGUAGES) {
    it.each(OPT_OUTS[lang])(`honours "%s" (${lang})`, (text) => {
      const r = optOut(text);
      expect(r.optOut).toBe(true);
      if (r.optOut) expect(text.slice(r.span.start, r.span.end)).toBe(r.matched);
    });
    it.each(ORDINARY[lang])(`reads "%s" as an ordinary reply (${lang})`, (text) => {
      expect(optOut(text)).toMatchObject({ optOut: false, matched: null, language: null });
    });
  }

  it('reports the language whose list matched, preferring the conversation language', () => {
    expect(optOut('laat me met rust')).toMatchObject({ language: 'nl', rule: 'phrase' });
    expect(optOut('STOP')).toMatchObject({ language: 'en', rule: 'clause', certainty: 'clear' });
    expect(optOut('STOP', 'ro')).toMatchObject({ language: 'ro' });
    expect(optOut('спри', 'nl')).toMatchObject({ language: 'bg' });
  });

  it('reads the way people type in a hurry', () => {
    for (const text of [
      'S T O P',
      's.t.o.p.',
      'S-T-O-P',
      'stooooop',
      'STOPPP!!!',
      'sToP',
      '🛑',
      '⛔⛔',
      'stop 🙏',
    ]) {
      expect([text, optOut(text).optOut]).toEqual([text, true]);
    }
  });

  it('takes a clause that is only "stop" in a long message', () => {
    const text = 'I do not know who you are or where you got this number from. Stop.';
    expect(text.split(/\s+/).length).toBeGreaterThan(SHORT_MESSAGE_WORDS);
    expect(optOut(text)).toMatchObject({ optOut: true, matched: 'Stop', rule: 'clause' });
  });

  it('takes an unambiguous phrase anywhere, however long the message', () => {
    const text =
      'Hi, I would like to unsubscribe from these messages, thanks a lot and have a good day';
    expect(optOut(text)).toMatchObject({
      optOut: true,
      matched: 'unsubscribe',
      rule: 'phrase',
      certainty: 'clear',
    });
    expect(
      optOut('Ik wil me afmelden voor deze berichten, dank je wel en fijne dag'),
    ).toMatchObject({ rule: 'phrase' });
    expect(optOut('Who gave you my number? Do not contact me')).toMatchObject({ rule: 'phrase' });
  });

  it('reads "don\'t stop texting me" as the opposite of an opt-out', () => {
    expect(optOut("Please don't stop texting me").optOut).toBe(false);
  });

  it('does not take a keyword inside a long sentence', () => {
    expect(
      optOut('I told my friend the last one was the stop where she gets off the bus').optOut,
    ).toBe(false);
  });

  it('honours a short message with a keyword, marking the doubt', () => {
    expect(optOut('ik wil stoppen')).toMatchObject({
      optOut: true,
      rule: 'short_message',
      certainty: 'doubt',
    });
    expect(optOut('Ich will aufhören')).toMatchObject({ optOut: true, certainty: 'doubt' });
  });

  it('sets ordinary uses aside, but only within their clause', () => {
    expect(optOut('Stop by later? No. Stop texting me').optOut).toBe(true);
    expect(optOut('Take the bus. Stop!')).toMatchObject({ optOut: true, matched: 'Stop' });
    expect(optOut('please stop by later').optOut).toBe(false);
  });

  it('reads only the top of a long reply (an e-mail quotes our own text below)', () => {
    const quoted = `Thanks!\n\n${'> earlier text '.repeat(OPT_OUT_SCAN_CHARS / 10)}\n> Reply STOP to unsubscribe`;
    expect(optOut(quoted).optOut).toBe(false);
    expect(optOut(`STOP\n\n${'> earlier text '.repeat(1000)}`).optOut).toBe(true);
  });

  it('has nothing to say about an empty or wordless message', () => {
    for (const text of ['', '   ', '?!', '😀', '12345']) expect(optOut(text).optOut).toBe(false);
  });

  it('refuses what is not a message', () => {
    expect(() => detectOptOut({ text: 42 } as never)).toThrow();
    expect(() => detectOptOut({ text: 'stop', language: 'xx' } as never)).toThrow();
  });

  it('always honours a clause that is only STOP, whatever comes before it', () => {
    const prefix = fc.string({
      unit: fc.constantFrom('a', 'b', 'stop', 'by', 'bus', ' ', 'can', "'t", 'é', 'ж'),
      maxLength: 80,
    });
    fc.assert(
      fc.property(prefix, fc.constantFrom('.', '!', '\n', '?'), (p, sep) => {
        expect(optOut(`${p}${sep} STOP`).optOut).toBe(true);
      }),
    );
  });

  it('never throws and always points its span at the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: anyChar, maxLength: 300 }), (text) => {
        const r = optOut(text);
        if (r.optOut) expect(text.slice(r.span.start, r.span.end)).toBe(r.matched);
      }),
    );
  });
});
