// How sizes and times read in the app, in the person's language. Pure.
import type { Strings } from './strings';

export function formatSize(bytes: number, s: Strings): string {
  let v = bytes;
  let unit = 0;
  while (v >= 1000 && unit < s.sizeUnits.length - 1) {
    v /= 1000;
    unit++;
  }
  const shown = unit === 0 ? String(v) : v.toFixed(v < 10 ? 1 : 0);
  return `${shown} ${s.sizeUnits[unit]}`;
}

export function formatWhen(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}
