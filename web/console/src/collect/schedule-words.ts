// A source's crawl schedule said in words next to its cron ("At 30 minutes past the hour, every
// 12 hours"): an analyst should not have to read cron to know when a site is crawled. Schedules
// run in UTC on the server (collect's schedule tick); the page says so beside the words.
import cronstrue from 'cronstrue';
import 'cronstrue/locales/nl';

/** The schedule in the console's language, or null when cron words cannot be made of it. */
export function scheduleInWords(cron: string, language: string): string | null {
  try {
    return cronstrue.toString(cron, {
      locale: language === 'nl' ? 'nl' : 'en',
      use24HourTimeFormat: true,
      throwExceptionOnParseError: true,
    });
  } catch {
    return null;
  }
}
