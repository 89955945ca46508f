// The compose dialog's pure parts and the inbox's URL filters: placeholders filled as the server
// fills them, the ads' suggestions, which channel reaches which identifier, lenient URL parsing.
import { describe, expect, it } from 'vitest';
import type { EntityAd, EntityDetail, EntityIdentifier } from '../triage/api';
import type { Channel } from './api';
import {
  adValues,
  channelFits,
  channelMedium,
  channelsFor,
  contactable,
  defaultChannel,
  defaultIdentifier,
  entityDefaults,
  fillPlaceholders,
  identifierSort,
  scheduleFrom,
  timeIn,
} from './compose';
import { parseInboxSearch } from './filters';

const ad = (over: Partial<EntityAd>): EntityAd => ({
  id: crypto.randomUUID(),
  source: 'board',
  url: 'http://127.0.0.1/ad',
  externalId: 'x',
  status: 'active',
  title: null,
  snippet: '',
  city: null,
  displayName: null,
  language: null,
  version: 1,
  firstSeenAt: '2025-01-01T00:00:00.000Z',
  lastSeenAt: '2025-01-01T00:00:00.000Z',
  goneAt: null,
  score: null,
  urgent: false,
  ...over,
});

const entity = (ads: EntityAd[], languages: string[] = []): EntityDetail =>
  ({
    id: crypto.randomUUID(),
    ads,
    features: { languages },
    movement: [],
  }) as unknown as EntityDetail;

const channel = (kind: Channel['kind']): Channel => ({
  id: kind,
  name: kind,
  kind,
  enabled: true,
  sender: '+31970102030',
  repliesPossible: true,
  updatedAt: '2025-01-01T00:00:00.000Z',
});

const identifier = (kind: string): EntityIdentifier => ({
  identifierId: crypto.randomUUID(),
  kind,
  platform: null,
  masked: '•••',
  ads: 1,
  obfuscated: false,
});

describe('fillPlaceholders', () => {
  it('fills values, else the fallback, else leaves the placeholder out with its space', () => {
    const text = 'Hoi {displayName}, hoe gaat het in {city}?';
    expect(fillPlaceholders(text, { displayName: 'Mira', city: 'Utrecht' }, {})).toBe(
      'Hoi Mira, hoe gaat het in Utrecht?',
    );
    expect(fillPlaceholders(text, { displayName: ' ', city: '' }, { city: 'je stad' })).toBe(
      'Hoi, hoe gaat het in je stad?',
    );
    expect(
      fillPlaceholders('{displayName} {displayName}', { displayName: 'A', city: '' }, {}),
    ).toBe('A A');
  });

  it('closes up the sentence around a missing value as the server does', () => {
    const none = { displayName: '', city: '' };
    expect(fillPlaceholders('{displayName}, hoe gaat het?', none, {}, 'nl')).toBe('Hoe gaat het?');
    expect(fillPlaceholders('Hallo {displayName}! Alles goed?', none, {})).toBe(
      'Hallo! Alles goed?',
    );
    expect(fillPlaceholders('Hello, {displayName}!', none, {})).toBe('Hello!');
    expect(fillPlaceholders('Hoi {displayName} {city}!', none, {}, 'nl')).toBe('Hoi!');
  });

  it('inserts a value as one line without braces, cut to the placeholder’s length', () => {
    const long = `An\n{na}${'x'.repeat(40)}`;
    expect(fillPlaceholders('Hi {displayName}.', { displayName: long, city: '' }, {})).toBe(
      `Hi An na ${'x'.repeat(24)}.`,
    );
  });
});

describe('entityDefaults', () => {
  it('takes the most common name, the latest city and the most common outreach language', () => {
    const d = entityDefaults(
      entity([
        ad({
          displayName: 'Mira',
          city: 'Utrecht',
          language: 'ro',
          lastSeenAt: '2025-01-01T00:00:00Z',
        }),
        ad({
          displayName: 'Mira',
          city: 'Breda',
          language: 'ro',
          lastSeenAt: '2025-02-01T00:00:00Z',
        }),
        ad({ displayName: 'Anna', city: null, language: 'nl', lastSeenAt: '2025-03-01T00:00:00Z' }),
      ]),
    );
    expect(d).toEqual({ displayName: 'Mira', city: 'Breda', language: 'ro' });
  });

  it('suggests no language it has no templates for', () => {
    expect(entityDefaults(entity([ad({ language: 'th' })], ['th'])).language).toBeNull();
    expect(entityDefaults(entity([])).displayName).toBe('');
  });
});

describe('channelFits', () => {
  it('reaches phones by SMS and WhatsApp, e-mail by e-mail, anything by hand', () => {
    expect(channelFits(identifier('phone'), channel('smpp'))).toBe(true);
    expect(channelFits(identifier('phone'), channel('whatsapp'))).toBe(true);
    expect(channelFits(identifier('phone'), channel('email'))).toBe(false);
    expect(channelFits(identifier('email'), channel('email'))).toBe(true);
    expect(channelFits(identifier('email'), channel('twilio'))).toBe(false);
    expect(channelFits(identifier('messenger'), channel('manual'))).toBe(true);
    expect(channelFits(identifier('messenger'), channel('cm'))).toBe(false);
    expect(contactable(identifier('image'))).toBe(false);
    expect(contactable(identifier('messenger'))).toBe(true);
  });
});

describe('defaultIdentifier', () => {
  it('offers the phone an SMS channel reaches, not the WhatsApp handle listed first', () => {
    const handle = { ...identifier('messenger'), platform: 'whatsapp', ads: 5 };
    const phone = identifier('phone');
    const sms = [channel('smpp')];
    expect(defaultIdentifier([handle, phone], sms)).toBe(phone);
    expect(channelsFor(handle, sms)).toEqual([]);
    expect(identifierSort(handle)).toBe('messenger:whatsapp');
  });

  it('prefers a phone among reachable ones, and falls back to the first when none is', () => {
    const email = identifier('email');
    const phone = identifier('phone');
    expect(defaultIdentifier([email, phone], [channel('email'), channel('cm')])).toBe(phone);
    expect(defaultIdentifier([email, phone], [channel('email')])).toBe(email);
    // A switched-off channel reaches nobody.
    const off = { ...channel('smpp'), enabled: false };
    expect(defaultIdentifier([email, phone], [off])).toBe(email);
    expect(defaultIdentifier([], [channel('smpp')])).toBeUndefined();
  });
});

describe('defaultChannel', () => {
  it('offers a channel that sends by itself before one by hand, whatever the order', () => {
    const hand = channel('manual');
    const sms = channel('smpp');
    expect(defaultChannel([hand, sms])).toBe(sms);
    expect(defaultChannel([sms, hand])).toBe(sms);
    expect(defaultChannel([hand])).toBe(hand);
    expect(defaultChannel([])).toBeUndefined();
  });
});

describe('adValues', () => {
  it('takes the name and the city of the one ad picked, never a mix, and nothing without one', () => {
    expect(adValues(ad({ displayName: ' Mira ', city: 'Breda' }))).toEqual({
      displayName: 'Mira',
      city: 'Breda',
    });
    expect(adValues(ad({ displayName: 'Anna', city: null }))).toEqual({
      displayName: 'Anna',
      city: '',
    });
    expect(adValues(undefined)).toEqual({ displayName: '', city: '' });
  });
});

describe('timeIn', () => {
  it("shows one moment in the person's zone and another", () => {
    const at = '2030-06-05T07:00:00Z';
    expect(timeIn(at, 'Europe/Amsterdam', 'en-GB')).toBe('Wed 09:00');
    expect(timeIn(at, 'Europe/Bucharest', 'en-GB')).toBe('Wed 10:00');
    expect(timeIn(at, 'America/New_York', 'en-GB')).toBe('Wed 03:00');
  });
});

describe('parseInboxSearch', () => {
  it('keeps what it knows, drops defaults and anything malformed', () => {
    expect(parseInboxSearch({ status: 'waiting', assignee: 'me', unread: 'true' })).toEqual({
      status: 'waiting',
      assignee: 'me',
      unread: true,
    });
    expect(parseInboxSearch({ status: 'open', assignee: 'all', unread: 'no' })).toEqual({});
    expect(parseInboxSearch({ status: 'deleted', assignee: '<script>' })).toEqual({});
  });
});

describe('channelMedium', () => {
  it('names how a channel reaches people, not its protocol', () => {
    expect(['smpp', 'cm', 'messagebird', 'twilio'].map(channelMedium)).toEqual([
      'sms',
      'sms',
      'sms',
      'sms',
    ]);
    expect(['whatsapp', 'email', 'manual'].map(channelMedium)).toEqual([
      'whatsapp',
      'email',
      'manual',
    ]);
  });
});

describe('scheduleFrom', () => {
  const quiet = { rule: 'quiet_hours', notBefore: '2026-12-07T08:00:00.000Z' };
  it('offers the first allowed time when only quiet hours held a message back', () => {
    expect(scheduleFrom(quiet, 'smpp')).toBe(quiet.notBefore);
    expect(scheduleFrom(quiet, 'whatsapp')).toBe(quiet.notBefore);
  });
  it('never for a message sent by hand, another rule, or no known channel', () => {
    expect(scheduleFrom(quiet, 'manual')).toBeNull();
    expect(scheduleFrom({ rule: 'opted_out', notBefore: null }, 'smpp')).toBeNull();
    expect(scheduleFrom({ ...quiet, notBefore: null }, 'smpp')).toBeNull();
    expect(scheduleFrom(quiet, undefined)).toBeNull();
    expect(scheduleFrom(null, 'smpp')).toBeNull();
  });
});
