// The entity's features: the numbers the score model compares (how many names, cities, phones,
// shared templates and pictures…), as a plain table.
import { Table } from '@mantine/core';
import type { EntityFeatures } from '../triage/api';
import { formatDate, languageName } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { Section } from './Section';

const ORDER: (keyof EntityFeatures)[] = [
  'ads',
  'activeAds',
  'displayNames',
  'statedAges',
  'phones',
  'namesPerNumber',
  'cities',
  'cities14d',
  'postingRatePerWeek',
  'templateAds',
  'templateEntities',
  'sharedImages',
  'imageEntities',
  'obfuscatedContacts',
  'languages',
  'firstSeen',
  'lastSeen',
];

export function FeaturesTable({ features }: { features: EntityFeatures }) {
  const t = useTriageT();
  const show = (key: keyof EntityFeatures): string => {
    const v = features[key];
    if (key === 'firstSeen' || key === 'lastSeen')
      return typeof v === 'string' ? formatDate(v) : '—';
    if (key === 'languages' && Array.isArray(v)) {
      return v.length ? v.map((l) => languageName(String(l))).join(', ') : t('features.none');
    }
    if (Array.isArray(v)) return v.length ? v.join(', ') : t('features.none');
    if (typeof v === 'number') return String(Math.round(v * 10) / 10);
    return v ?? '—';
  };
  return (
    <Section title={t('entity.sections.features')} testId="features">
      <Table verticalSpacing={6} horizontalSpacing="xs" fz="sm">
        <Table.Caption style={{ captionSide: 'top' }} className="visually-hidden">
          {t('features.tableLabel')}
        </Table.Caption>
        <Table.Thead className="visually-hidden">
          <Table.Tr>
            <Table.Th>{t('features.name')}</Table.Th>
            <Table.Th>{t('features.value')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ORDER.filter((k) => k in features).map((k) => (
            <Table.Tr key={k} data-feature={k}>
              <Table.Th scope="row" fw={400} c="dimmed">
                {t(`features.${k}`)}
              </Table.Th>
              <Table.Td ta="right" fw={500}>
                {show(k)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}
