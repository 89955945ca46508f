// The queue's filters. Every change goes to the URL at once (the list follows the URL), so the
// back button undoes a filter and a filtered queue can be bookmarked. Places and languages on
// offer are the ones seen in the queue so far (the API has no list of them).
import {
  Button,
  Group,
  NativeSelect,
  Paper,
  RangeSlider,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { SCORE_FLAGS, STATE_FILTERS, type LeadFilters, type LeadItem } from './api';
import { EXPLOITATION_TYPES, exploitationTypesOf } from './filters';
import { languageName, placeName } from '../ui/format';
import { useTriageT } from './i18n';
import { useStaff } from './people';

type Option = { value: string; label: string };

/** Remembers what it has seen, so an option does not vanish when a filter narrows the list. */
function useSeen(values: string[], current: string | undefined): string[] {
  const seen = useRef(new Set<string>());
  for (const v of values) seen.current.add(v);
  if (current) seen.current.add(current);
  return [...seen.current].sort();
}

function without(f: LeadFilters, key: keyof LeadFilters): LeadFilters {
  const { [key]: _drop, ...rest } = f;
  return rest;
}

export function QueueFilters({
  filters,
  onChange,
  leads,
  inDrawer = false,
}: {
  filters: LeadFilters;
  onChange: (f: LeadFilters) => void;
  leads: LeadItem[];
  /** On a phone the filters sit in a drawer of their own (QueuePage): no panel around them. */
  inDrawer?: boolean;
}) {
  const t = useTriageT();
  const staff = useStaff();
  const set = <K extends keyof LeadFilters>(key: K, value: LeadFilters[K] | '') =>
    onChange(
      value === '' || value === undefined ? without(filters, key) : { ...filters, [key]: value },
    );

  const places = useSeen(
    leads.flatMap((l) => l.placeIds),
    filters.place,
  );
  const languages = useSeen(
    leads.flatMap((l) => l.languages),
    filters.language,
  );

  const [range, setRange] = useState<[number, number]>([
    filters.minScore ?? 0,
    filters.maxScore ?? 100,
  ]);
  useEffect(() => {
    setRange([filters.minScore ?? 0, filters.maxScore ?? 100]);
  }, [filters.minScore, filters.maxScore]);

  const any: Option = { value: '', label: t('filters.any') };
  const stateOptions: Option[] = STATE_FILTERS.map((s) => ({
    value: s,
    label: s === 'open' || s === 'all' ? t(`filters.states.${s}`) : t(`states.${s}`),
  }));
  const assigneeOptions: Option[] = [
    { value: '', label: t('filters.anyone') },
    { value: 'me', label: t('filters.mine') },
    { value: 'none', label: t('filters.unassigned') },
    ...staff.assignable.map((u) => ({ value: u.id, label: u.displayName })),
  ];
  if (filters.assignee && !assigneeOptions.some((o) => o.value === filters.assignee)) {
    assigneeOptions.push({ value: filters.assignee, label: staff.nameOf(filters.assignee) });
  }
  const flagOptions: Option[] = [
    any,
    ...SCORE_FLAGS.map((f) => ({ value: f, label: t(`flags.${f}`) })),
  ];
  const exploitationOptions: Option[] = [
    any,
    ...EXPLOITATION_TYPES.map((x) => ({ value: x, label: t(`exploitation.types.${x}`) })),
  ];
  // A list from a link or a saved search ("criminal,both") is offered as it is, so it shows.
  if (filters.exploitation && !exploitationOptions.some((o) => o.value === filters.exploitation)) {
    exploitationOptions.push({
      value: filters.exploitation,
      label: exploitationTypesOf(filters.exploitation)
        .map((x) => t(`exploitation.types.${x}`))
        .join(', '),
    });
  }
  const placeOptions: Option[] = [any, ...places.map((p) => ({ value: p, label: placeName(p) }))];
  const languageOptions: Option[] = [
    any,
    ...languages.map((l) => ({ value: l, label: languageName(l) })),
  ];

  const active = Object.keys(filters).length > 0;
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  return (
    <Paper
      withBorder={!inDrawer}
      radius="md"
      p={inDrawer ? 0 : 'md'}
      component="section"
      aria-label={t('filters.label')}
    >
      <Stack gap="md">
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            set('q', search.trim());
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              label={t('filters.search')}
              placeholder={t('filters.searchPlaceholder')}
              description={t('filters.searchHint')}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              maxLength={40}
              style={{ flex: '1 1 auto' }}
              maw={420}
              data-testid="queue-search"
            />
            <Button type="submit" variant="default">
              {t('filters.searchAction')}
            </Button>
          </Group>
        </form>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 6 }} spacing="md">
          <NativeSelect
            label={t('filters.state')}
            data={stateOptions}
            value={filters.state ?? 'open'}
            onChange={(e) => {
              const v = e.currentTarget.value;
              set('state', v === 'open' ? '' : (v as LeadFilters['state']));
            }}
          />
          <NativeSelect
            label={t('filters.assignee')}
            data={assigneeOptions}
            value={filters.assignee ?? ''}
            onChange={(e) => set('assignee', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('filters.flag')}
            data={flagOptions}
            value={filters.flag ?? ''}
            onChange={(e) => set('flag', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('filters.exploitation')}
            data={exploitationOptions}
            value={filters.exploitation ?? ''}
            onChange={(e) => set('exploitation', e.currentTarget.value)}
            data-testid="filter-exploitation"
          />
          <NativeSelect
            label={t('filters.place')}
            data={placeOptions}
            value={filters.place ?? ''}
            onChange={(e) => set('place', e.currentTarget.value)}
          />
          <NativeSelect
            label={t('filters.language')}
            data={languageOptions}
            value={filters.language ?? ''}
            onChange={(e) => set('language', e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group gap="xl" align="flex-end" wrap="wrap">
          <Stack gap={6} miw={260} style={{ flex: '1 1 260px' }} maw={420}>
            <Text size="sm" fw={500} id="score-range-label">
              {t('filters.scoreRange', { min: range[0], max: range[1] })}
            </Text>
            <RangeSlider
              min={0}
              max={100}
              step={5}
              minRange={0}
              value={range}
              onChange={setRange}
              onChangeEnd={([min, max]) => {
                const { minScore: _a, maxScore: _b, ...rest } = filters;
                onChange({
                  ...rest,
                  ...(min > 0 ? { minScore: min } : {}),
                  ...(max < 100 ? { maxScore: max } : {}),
                });
              }}
              thumbFromLabel={t('filters.minScore')}
              thumbToLabel={t('filters.maxScore')}
              marks={[
                { value: 0, label: '0' },
                { value: 50, label: '50' },
                { value: 100, label: '100' },
              ]}
              mb="md"
            />
          </Stack>
          <Switch
            label={t('filters.includeSnoozed')}
            checked={filters.includeSnoozed ?? false}
            onChange={(e) => set('includeSnoozed', e.currentTarget.checked ? true : '')}
            mb="md"
          />
          {active ? (
            <Button variant="subtle" onClick={() => onChange({})} mb="xs">
              {t('filters.clear')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
