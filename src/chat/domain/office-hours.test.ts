import { describe, expect, it } from 'vitest';
import { officeHoursAt, OfficeHoursError, parseOfficeHours } from './office-hours.js';

const ams = (text: string) => ({ zone: 'Europe/Amsterdam', spans: parseOfficeHours(text) });

describe('office hours', () => {
  it('parse day ranges, lists and several spans', () => {
    expect(parseOfficeHours('mon-fri 09:00-17:00').length).toBe(5);
    expect(parseOfficeHours('mon,wed 09:00-12:00,13:00-17:00; sun 10:00-24:00')).toEqual([
      { day: 0, from: 600, to: 1440 },
      { day: 1, from: 540, to: 720 },
      { day: 1, from: 780, to: 1020 },
      { day: 3, from: 540, to: 720 },
      { day: 3, from: 780, to: 1020 },
    ]);
    expect(parseOfficeHours('fri-mon 20:00-23:00').map((s) => s.day)).toEqual([0, 1, 5, 6]);
  });
  it('refuse what they cannot read, saying why', () => {
    expect(() => parseOfficeHours('')).toThrow(OfficeHoursError);
    expect(() => parseOfficeHours('mon 9-17')).toThrow(/HH:MM/);
    expect(() => parseOfficeHours('mon 17:00-09:00')).toThrow(/ends before/);
    expect(() => parseOfficeHours('xyz 09:00-17:00')).toThrow(/weekday/);
    expect(() => parseOfficeHours('mon 09:00-25:00')).toThrow(/time of day/);
  });
  it('are open inside the hours in the organisation zone', () => {
    // Tuesday 4 June 2030, 12:00 in Amsterdam (CEST, UTC+2)
    expect(officeHoursAt(ams('mon-fri 09:00-17:00'), new Date('2030-06-04T10:00:00Z'))).toEqual({
      open: true,
    });
    // 17:00 local is closing time: closed, opens Wednesday 09:00 local = 07:00Z
    expect(officeHoursAt(ams('mon-fri 09:00-17:00'), new Date('2030-06-04T15:00:00Z'))).toEqual({
      open: false,
      opensAt: new Date('2030-06-05T07:00:00Z'),
    });
  });
  it('find the next opening over a weekend', () => {
    // Saturday 8 June 2030 → Monday 10 June 09:00 local
    expect(
      officeHoursAt(ams('mon-fri 09:00-17:00'), new Date('2030-06-08T12:00:00Z')).opensAt,
    ).toEqual(new Date('2030-06-10T07:00:00Z'));
  });
  it('move the opening with a daylight-saving change', () => {
    // Saturday 30 March 2030, 12:00 UTC (CET). Clocks go forward on Sunday 31 March; Monday's
    // 09:00 is then CEST: 07:00Z, not 08:00Z.
    expect(
      officeHoursAt(ams('mon-fri 09:00-17:00'), new Date('2030-03-30T12:00:00Z')).opensAt,
    ).toEqual(new Date('2030-04-01T07:00:00Z'));
    // Before the change the same hour is 08:00Z.
    expect(
      officeHoursAt(ams('mon-fri 09:00-17:00'), new Date('2030-03-23T12:00:00Z')).opensAt,
    ).toEqual(new Date('2030-03-25T08:00:00Z'));
  });
  it('open later the same day and in another zone', () => {
    const ny = { zone: 'America/New_York', spans: parseOfficeHours('mon-sun 18:00-22:00') };
    // 12:00Z is 08:00 in New York (EDT): opens at 18:00 EDT = 22:00Z
    expect(officeHoursAt(ny, new Date('2030-06-04T12:00:00Z')).opensAt).toEqual(
      new Date('2030-06-04T22:00:00Z'),
    );
  });
  it('treat a span running on from the day before as no opening', () => {
    const h = ams('mon 20:00-24:00; tue 00:00-02:00, 10:00-12:00');
    // Monday 3 June 2030 at 12:00 local → opens Monday 20:00 local
    expect(officeHoursAt(h, new Date('2030-06-03T10:00:00Z')).opensAt).toEqual(
      new Date('2030-06-03T18:00:00Z'),
    );
    // Tuesday 03:00 local → next opening Tuesday 10:00, not the 00:00 continuation
    expect(officeHoursAt(h, new Date('2030-06-04T01:00:00Z')).opensAt).toEqual(
      new Date('2030-06-04T08:00:00Z'),
    );
  });
  it('are always open when written so', () => {
    expect(officeHoursAt(ams('mon-sun 00:00-24:00'), new Date('2030-06-09T23:59:00Z')).open).toBe(
      true,
    );
  });
});
