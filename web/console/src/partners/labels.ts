// Words for the directory's values and for matching's reasons, in the user's language: the server
// sends codes with parameters ("full", since 2026-12-03), the console says "Full since 3 Dec".
import { useCallback } from 'react';
import { currentLocale } from '../i18n';
import { languageName } from '../ui/format';
import type { MatchReason, Need, Partner } from './api';
import { usePartnersT } from './i18n';

/** A day (YYYY-MM-DD or an instant) as "3 Dec" in the user's language. */
export function shortDay(iso: string): string {
  const day = iso.length === 10 ? `${iso}T12:00:00Z` : iso;
  return new Intl.DateTimeFormat(currentLocale(), { day: 'numeric', month: 'short' }).format(
    new Date(day),
  );
}

export function useLabels() {
  const t = usePartnersT();
  const list = useCallback(
    (items: readonly string[]) =>
      new Intl.ListFormat(currentLocale(), { style: 'long', type: 'conjunction' }).format(items),
    [],
  );
  const needs = useCallback(
    (items: readonly Need[]) => list(items.map((n) => t(`needs.${n}`))),
    [list, t],
  );
  const languages = useCallback(
    (codes: readonly string[]) => list(codes.map(languageName)),
    [list],
  );
  const ages = useCallback(
    (p: Pick<Partner, 'minAge' | 'maxAge'>) =>
      p.minAge !== null && p.maxAge !== null
        ? t('detail.agesRange', { min: p.minAge, max: p.maxAge })
        : p.minAge !== null
          ? t('detail.agesFrom', { min: p.minAge })
          : p.maxAge !== null
            ? t('detail.agesTo', { max: p.maxAge })
            : t('detail.agesAny'),
    [t],
  );

  const reason = useCallback(
    (r: MatchReason): string => {
      const p = r.params;
      const values = {
        services: needs(p.services ?? []),
        needs: needs(p.needs ?? []),
        place: p.place ?? '',
        region: p.region ?? '',
        km: p.km ?? 0,
        languages: languages(p.languages ?? []),
        since: p.since ? shortDay(p.since) : '',
        days: p.days ?? 0,
        age: p.age ?? 0,
        range: ages({ minAge: p.min ?? null, maxAge: p.max ?? null }),
        gender: p.gender ? t(`genders.${p.gender}`) : '',
        status: p.status ? t(`residence.${p.status}`) : '',
      };
      return t(`reasons.${r.code}`, values);
    },
    [ages, languages, needs, t],
  );

  return { list, needs, languages, ages, reason };
}
