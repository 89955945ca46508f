import { describe, expect, it } from 'vitest';
import {
  contactTimeZone,
  inWindow,
  isValidTimeZone,
  localMinutes,
  quietHoursEnd,
  timeZoneForCountry,
} from './time-zones.js';

describe('the country → zone table', () => {
  it('knows the countries outreach meets, with the most populous zone where there are several', () => {
    for (const [cc, zone] of [
      ['NL', 'Europe/Amsterdam'],
      ['RO', 'Europe/Bucharest'],
      ['BG', 'Europe/Sofia'],
      ['HU', 'Europe/Budapest'],
      ['PL', 'Europe/Warsaw'],
      ['DE', 'Europe/Berlin'],
      ['ES', 'Europe/Madrid'],
      ['NG', 'Africa/Lagos'],
      ['US', 'America/New_York'],
      ['BR', 'America/Sao_Paulo'],
      ['RU', 'Europe/Moscow'],
      ['UA', 'Europe/Kyiv'],
    ]) {
      expect(timeZoneForCountry(cc as string)?.zone).toBe(zone);
    }
    expect(timeZoneForCountry('nl')).toEqual({ zone: 'Europe/Amsterdam', guessed: false });
    expect(timeZoneForCountry('US')?.guessed).toBe(true);
    expect(timeZoneForCountry('XX')).toBeNull();
  });
});

describe('contactTimeZone', () => {
  it('prefers an explicit zone, then the number, then the default', () => {
    expect(contactTimeZone('+40712345678', 'Europe/Amsterdam', 'UTC')).toMatchObject({
      zone: 'Europe/Amsterdam',
      source: 'recipient',
      country: 'RO',
    });
    expect(contactTimeZone('+40712345678', null, 'UTC')).toMatchObject({
      zone: 'Europe/Bucharest',
      source: 'phone',
      guessed: false,
    });
    expect(contactTimeZone('anna@example.org', undefined, 'Europe/Brussels')).toMatchObject({
      zone: 'Europe/Brussels',
      source: 'default',
      guessed: true,
    });
    // A non-geographic number (+800) has no country.
    expect(contactTimeZone('+80012345678', null, 'UTC')).toMatchObject({
      source: 'default',
      country: null,
    });
  });
});

describe('local time', () => {
  it('reads wall-clock minutes in a zone', () => {
    expect(localMinutes(new Date('2025-01-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(13 * 60);
    expect(localMinutes(new Date('2025-07-15T12:00:00Z'), 'Europe/Amsterdam')).toBe(14 * 60);
    expect(localMinutes(new Date('2025-01-15T00:10:00Z'), 'Asia/Kolkata')).toBe(5 * 60 + 40);
    expect(localMinutes(new Date('2025-01-14T23:00:00Z'), 'Europe/Amsterdam')).toBe(0);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('handles windows that wrap past midnight', () => {
    expect(inWindow(22 * 60, 21 * 60, 9 * 60)).toBe(true);
    expect(inWindow(8 * 60 + 59, 21 * 60, 9 * 60)).toBe(true);
    expect(inWindow(9 * 60, 21 * 60, 9 * 60)).toBe(false);
    expect(inWindow(12 * 60, 12 * 60, 13 * 60)).toBe(true);
    expect(inWindow(5, 5, 5)).toBe(false);
  });
});

describe('quietHoursEnd', () => {
  it('returns the instant itself outside quiet hours', () => {
    const at = new Date('2025-05-14T10:00:30Z');
    expect(quietHoursEnd(at, 'Europe/Amsterdam', '21:00', '09:00')).toBe(at);
  });

  it('finds a one-minute window without stepping over it', () => {
    const at = new Date('2025-05-14T10:00:00Z');
    expect(quietHoursEnd(at, 'UTC', '10:00', '09:59')).toEqual(new Date('2025-05-15T09:59:00Z'));
  });

  it('runs on to the next day when the whole sending window is a skipped hour', () => {
    // Amsterdam, 30 March 2025: 02:00–03:00 does not exist. Quiet 03:00–02:00 leaves only that hour.
    const at = new Date('2025-03-29T02:00:00Z'); // 03:00 CET
    expect(quietHoursEnd(at, 'Europe/Amsterdam', '03:00', '02:00')).toEqual(
      new Date('2025-03-31T00:00:00Z'),
    );
  });

  it('follows the southern hemisphere and half-hour zones', () => {
    // Sydney, 6 April 2025: 03:00 AEDT becomes 02:00 AEST. 22:00 AEDT (11:00Z) → 09:00 AEST (23:00Z).
    expect(
      quietHoursEnd(new Date('2025-04-05T11:00:00Z'), 'Australia/Sydney', '21:00', '09:00'),
    ).toEqual(new Date('2025-04-05T23:00:00Z'));
    // Chatham, UTC+12:45 in January (DST +13:45): 22:00 local is 08:15Z.
    expect(
      quietHoursEnd(new Date('2025-01-15T08:15:00Z'), 'Pacific/Chatham', '21:00', '09:00'),
    ).toEqual(new Date('2025-01-15T19:15:00Z'));
  });
});
