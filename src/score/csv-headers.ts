// The column headers of the queue's CSV export, in the language of the person who downloads it (a
// Dutch worker opens the file in a Dutch spreadsheet), or as stable codes for scripts
// (`?labels=codes`). The cells stay as they are in both: ids, states and place ids are codes a
// script or a later import reads back.
import type { UiLanguage as Language } from '../platform/auth/schema.js';

export const LEAD_CSV_COLUMNS = [
  'entity_id',
  'state',
  'urgent',
  'score',
  'flags',
  'places',
  'languages',
  'assignee_id',
  'ads',
  'last_place',
  'evidence_at',
  'top_reasons',
  // Added last, so scripts that read the columns by position keep working.
  'exploitation',
] as const;
export type LeadCsvColumn = (typeof LEAD_CSV_COLUMNS)[number];

/** How the header line is written: words in the user's language, or the codes. */
export const LEAD_CSV_LABELS = ['words', 'codes'] as const;
export type LeadCsvLabels = (typeof LEAD_CSV_LABELS)[number];

const WORDS: Record<Language, Record<LeadCsvColumn, string>> = {
  en: {
    entity_id: 'Lead id',
    state: 'State',
    urgent: 'Urgent',
    score: 'Score',
    flags: 'Flags',
    places: 'Places',
    languages: 'Languages',
    assignee_id: 'Assigned to (user id)',
    ads: 'Ads',
    last_place: 'Last place',
    evidence_at: 'Latest evidence',
    top_reasons: 'Main reasons',
    exploitation: 'Type of exploitation',
  },
  nl: {
    entity_id: 'Lead-id',
    state: 'Status',
    urgent: 'Urgent',
    score: 'Score',
    flags: 'Markeringen',
    places: 'Plaatsen',
    languages: 'Talen',
    assignee_id: 'Toegewezen aan (gebruikers-id)',
    ads: 'Advertenties',
    last_place: 'Laatste plaats',
    evidence_at: 'Laatste bewijs',
    top_reasons: 'Belangrijkste redenen',
    exploitation: 'Soort uitbuiting',
  },
};

const isLanguage = (l: string): l is Language => Object.hasOwn(WORDS, l);

/** The header cells: codes, or words in `language` (English when it is one we do not speak). */
export function leadCsvHeader(labels: LeadCsvLabels, language: string): string[] {
  if (labels === 'codes') return [...LEAD_CSV_COLUMNS];
  const words = WORDS[isLanguage(language) ? language : 'en'];
  return LEAD_CSV_COLUMNS.map((c) => words[c]);
}
