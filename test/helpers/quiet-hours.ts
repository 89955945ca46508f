// Quiet hours that never get in a test's way: an hour long, twelve hours away from now in
// Amsterdam (where the test numbers live), so a compose is never refused by the wall clock.
export function farQuietHours(now = new Date()): { start: string; end: string } {
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
