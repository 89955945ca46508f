// E-mail, links and messenger contacts, normalised per platform, with their disguises.
import { describe, expect, it } from 'vitest';
import { extractContacts, messengersForPhones } from './contacts.js';
import { extractPhoneNumbers } from './phone-numbers.js';
import { tokenize } from './text.js';

const contacts = (text: string) => extractContacts(text, tokenize(text), 'body');

describe('e-mail', () => {
  it('finds plain and spelled-out addresses and says how they were disguised', () => {
    expect(
      contacts('Mail: Lisa.XX@Example.NL.').emails.map((e) => [e.value, e.obfuscation]),
    ).toEqual([['lisa.xx@example.nl', []]]);
    const spelled = contacts('email me at sweet.anna at mailbox dot com').emails;
    expect(spelled.map((e) => [e.value, e.obfuscation])).toEqual([
      ['sweet.anna@mailbox.com', ['words']],
    ]);
    expect(contacts('anna @ mailbox . com').emails[0]?.obfuscation).toEqual(['spacing']);
    expect(contacts('mia(at)beispiel(punkt)de').emails[0]?.value).toBe('mia@beispiel.de');
  });
  it('does not turn "at" in a sentence into an address', () => {
    expect(contacts('Meet me at the hotel. I am at home.nl forum').emails).toEqual([]);
  });
  it('keeps spans on the original text', () => {
    const text = 'x lisa [at] example [punt] nl y';
    const [email] = contacts(text).emails;
    expect(email && text.slice(email.span.start, email.span.end)).toBe(
      'lisa [at] example [punt] nl',
    );
  });
});

describe('links', () => {
  it('normalises hosts and keeps paths', () => {
    expect(
      contacts('See https://Anna-Models.com/profile/anna, or www.lisa-escort.nl.').urls.map(
        (u) => u.value,
      ),
    ).toEqual(['anna-models.com/profile/anna', 'lisa-escort.nl']);
  });
  it('does not read numbers or sentence ends as domains', () => {
    expect(contacts('Ik ben 1.70 m. Hallo.Ik ben nieuw in de stad.De fotos').urls).toEqual([]);
  });
  it('turns messenger links into platform contacts', () => {
    const found = contacts(
      'wa.me/31648271935 t.me/Anna_VIP instagram.com/lisa.models onlyfans.com/sweetmia snapchat.com/add/mia.x kik.me/anna_2001 line.me/ti/p/~mia88 chat.whatsapp.com/AbCdEf',
    );
    expect(found.messengers.map((m) => m.value)).toEqual([
      'whatsapp:+31648271935',
      'telegram:anna_vip',
      'instagram:lisa.models',
      'onlyfans:sweetmia',
      'snapchat:mia.x',
      'kik:anna_2001',
      'line:mia88',
      'whatsapp:group/AbCdEf',
    ]);
    expect(found.phones.map((p) => p.value)).toEqual(['+31648271935']);
    expect(found.urls).toEqual([]);
  });
});

describe('messenger handles', () => {
  it('does not take a number written out for a handle', () => {
    for (const text of [
      'WhatsApp: nul zes 12',
      'Telegram: zero six',
      'WhatsApp: más info',
      'Signal: twee',
    ]) {
      expect(contacts(text).messengers, text).toEqual([]);
    }
  });
  it('reads "platform: handle" and "@handle" after a platform name', () => {
    const values = (t: string) => contacts(t).messengers.map((m) => m.value);
    expect(values('snap: mia.lovely')).toEqual(['snapchat:mia.lovely']);
    expect(values('Insta: @Lisa.Models')).toEqual(['instagram:lisa.models']);
    expect(values('Telegram @anna_vip')).toEqual(['telegram:anna_vip']);
    expect(values('Line ID: mia88')).toEqual(['line:mia88']);
    expect(values('WeChat: lily_2024')).toEqual(['wechat:lily_2024']);
    expect(values('Message me @anna_vip')).toEqual(['unknown:anna_vip']);
  });
  it('ignores platform names without a handle', () => {
    expect(contacts('Whatsapp only, Telegram for appointments, of course').messengers).toEqual([]);
  });
  it('links a phone number to the platform named next to it', () => {
    const text = 'Bel of app: 06 48 27 19 35. Signal +31 6 39182746';
    const tokens = tokenize(text);
    const phones = extractPhoneNumbers(text, { country: 'NL', field: 'body' });
    expect(messengersForPhones(text, tokens, phones, 'body').map((m) => m.value)).toEqual([
      'whatsapp:+31648271935',
      'signal:+31639182746',
    ]);
  });
});
