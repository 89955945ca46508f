// Time for tests that touch the contact rules. In-process tests run on a clock they set: noon in
// Amsterdam (where the test numbers live), far from quiet hours, whatever the hour the suite runs
// at. A child process (`ariadne start` in the browser journeys) cannot be given a clock, so those
// journeys move quiet hours away from the time that process sees instead.
import { fixedClock } from '../../src/platform/clock.js';

/** Tuesday 4 June 2030, 12:00 in Amsterdam (CEST): daytime, a weekday, no DST change near. */
export const NOON_AMSTERDAM = '2030-06-04T10:00:00Z';

/** A clock standing at noon in Amsterdam until the test moves it. */
export const noonClock = () => fixedClock(NOON_AMSTERDAM);

/**
 * Quiet hours that never get in the way of a process whose clock the test cannot set: an hour
 * long, twelve hours away from `now` in Amsterdam. The child sees the same time as the test
 * (give or take the seconds between them), under faketime too.
 */
export function farQuietHours(now: Date): { start: string; end: string } {
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Amsterdam',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(now),
  );
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return { start: at(hour + 12), end: at(hour + 13) };
}
