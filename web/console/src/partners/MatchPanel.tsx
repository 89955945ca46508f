// Finding organisations for a person: needs, place, languages and circumstances in, the directory
// ranked out, each organisation with what fits, what to consider and, for those that cannot take
// the person, why. Nothing typed here is stored: matching reads only the directory.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { needValues, partnerGenderValues, residenceStatusValues } from '../api/schema';
import { ErrorAlert } from '../ui/ErrorAlert';
import { RouterAnchor } from '../ui/RouterAnchor';
import { matchPartners, type MatchInput, type MatchReason, type PartnerMatch } from './api';
import { usePartnersT } from './i18n';
import { useLabels } from './labels';

const STATUSES = residenceStatusValues.filter((s) => s !== 'any');

export function MatchPanel() {
  const t = usePartnersT();
  const [input, setInput] = useState<MatchInput>({ needs: [], languages: [] });
  const run = useMutation({ mutationFn: matchPartners });
  const set = <K extends keyof MatchInput>(key: K, value: MatchInput[K] | undefined) =>
    setInput((i) => {
      const next = { ...i };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run.mutate(input);
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="md">
        <div>
          <Title order={2} size="h3">
            {t('match.title')}
          </Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('match.intro')}
          </Text>
        </div>
        <Stack component="form" gap="sm" onSubmit={submit} aria-label={t('match.title')}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
            <MultiSelect
              searchable
              label={t('match.needs')}
              data={needValues.map((n) => ({ value: n, label: t(`needs.${n}`) }))}
              value={input.needs}
              onChange={(v) =>
                set(
                  'needs',
                  needValues.filter((n) => v.includes(n)),
                )
              }
            />
            <TextInput
              label={t('match.place')}
              description={t('match.placeHint')}
              value={input.placeId ?? ''}
              onChange={(e) =>
                set('placeId', e.currentTarget.value.trim().toLowerCase() || undefined)
              }
            />
            <TagsInput
              label={t('match.languages')}
              description={t('form.languagesHint')}
              value={input.languages ?? []}
              onChange={(v) =>
                set(
                  'languages',
                  v.map((l) => l.trim().toLowerCase()),
                )
              }
            />
            <NumberInput
              label={t('match.age')}
              min={0}
              max={120}
              allowDecimal={false}
              value={input.age ?? ''}
              onChange={(v) => set('age', typeof v === 'number' ? v : undefined)}
            />
            <Select
              label={t('match.gender')}
              clearable
              data={partnerGenderValues.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
              value={input.gender ?? null}
              onChange={(v) =>
                set(
                  'gender',
                  partnerGenderValues.find((g) => g === v),
                )
              }
            />
            <Select
              label={t('match.residence')}
              clearable
              data={STATUSES.map((s) => ({ value: s, label: t(`residence.${s}`) }))}
              value={input.residenceStatus ?? null}
              onChange={(v) =>
                set(
                  'residenceStatus',
                  STATUSES.find((s) => s === v),
                )
              }
            />
          </SimpleGrid>
          <Group>
            <Checkbox
              label={t('match.minor')}
              checked={input.minor ?? false}
              onChange={(e) => set('minor', e.currentTarget.checked || undefined)}
            />
            <Checkbox
              label={t('match.pregnant')}
              checked={input.pregnant ?? false}
              onChange={(e) => set('pregnant', e.currentTarget.checked || undefined)}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={run.isPending}>
              {t('match.submit')}
            </Button>
          </Group>
        </Stack>
        <ErrorAlert error={run.error} />
        {run.data ? <MatchResults items={run.data.items} /> : null}
      </Stack>
    </Paper>
  );
}

function MatchResults({ items }: { items: PartnerMatch[] }) {
  const t = usePartnersT();
  if (items.length === 0) return <Text>{t('match.noResults')}</Text>;
  return (
    <Stack gap="xs" component="section" aria-label={t('match.results')}>
      <Title order={3} size="h4">
        {t('match.results')}
      </Title>
      <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((m) => (
          <MatchItem key={m.partnerId} match={m} />
        ))}
      </Stack>
    </Stack>
  );
}

function MatchItem({ match: m }: { match: PartnerMatch }) {
  const t = usePartnersT();
  return (
    <Paper
      component="li"
      withBorder
      radius="sm"
      p="sm"
      data-testid="match-item"
      opacity={m.excluded ? 0.75 : 1}
    >
      <Group justify="space-between" gap="xs">
        <RouterAnchor to="/partners/$partnerId" params={{ partnerId: m.partnerId }} fw={600}>
          {m.name}
        </RouterAnchor>
        <Group gap="xs">
          <Badge variant="light">{t(`kinds.${m.kind}`)}</Badge>
          {m.excluded ? (
            <Badge color="red" variant="light">
              {t('match.excluded')}
            </Badge>
          ) : null}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt={4}>
        <Reasons title={t('match.fits')} reasons={m.fits} color="green" />
        <Reasons title={t('match.concerns')} reasons={m.concerns} color="yellow" />
        <Reasons title={t('match.exclusions')} reasons={m.exclusions} color="red" />
      </SimpleGrid>
    </Paper>
  );
}

function Reasons({
  title,
  reasons,
  color,
}: {
  title: string;
  reasons: MatchReason[];
  color: string;
}) {
  const { reason } = useLabels();
  if (reasons.length === 0) return <div />;
  return (
    <div>
      <Text size="xs" fw={600} c={color === 'yellow' ? 'yellow.8' : `${color}.8`}>
        {title}
      </Text>
      <List size="sm" spacing={0}>
        {reasons.map((r) => (
          <List.Item key={`${r.code}-${JSON.stringify(r.params)}`}>{reason(r)}</List.Item>
        ))}
      </List>
    </div>
  );
}
