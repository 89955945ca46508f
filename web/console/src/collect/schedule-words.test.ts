import { describe, expect, it } from 'vitest';
import { scheduleInWords } from './schedule-words';

describe('a crawl schedule in words', () => {
  it('says the demo board schedule in English and Dutch', () => {
    expect(scheduleInWords('30 */12 * * *', 'en')).toBe(
      'At 30 minutes past the hour, every 12 hours',
    );
    expect(scheduleInWords('30 */12 * * *', 'nl')).toMatch(/30 minuten.*12 uur/);
  });

  it('reads a time of day on the 24-hour clock, and weekdays', () => {
    expect(scheduleInWords('15 6 * * 1-5', 'en')).toBe('At 06:15, Monday through Friday');
  });

  it('gives nothing for a cron it cannot read, so the page shows the cron alone', () => {
    expect(scheduleInWords('every now and then', 'en')).toBeNull();
    expect(scheduleInWords('', 'nl')).toBeNull();
  });
});
