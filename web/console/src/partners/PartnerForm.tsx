// The edit form of one directory entry (new or existing), for supervisors and admins. The server
// checks every rule again (ages, a secure link's second channel, known places) and its message
// names the field, which the form shows as it came. Only admins manage organisation accounts, so
// only they link an entry to one; for others the link is kept as it was.
import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { listPartnerOrgs } from '../api/endpoints';
import {
  needValues,
  partnerCapacityValues,
  partnerGenderValues,
  partnerKindValues,
  provinceValues,
  referralChannelValues,
  residenceStatusValues,
} from '../api/schema';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { dateInputValue } from '../ui/format';
import {
  createPartner,
  partnerKeys,
  updatePartner,
  type Partner,
  type PartnerProfileInput,
  type PartnerWrite,
} from './api';
import { usePartnersT } from './i18n';

type Draft = Required<PartnerProfileInput>;

const EMPTY: Draft = {
  name: '',
  kind: 'shelter',
  services: [],
  municipalities: [],
  regions: [],
  placeId: null,
  languages: ['nl'],
  interpretation: false,
  minAge: null,
  maxAge: null,
  genders: [...partnerGenderValues],
  acceptsMinors: false,
  acceptsPregnant: true,
  residenceStatuses: ['any'],
  capacity: null,
  capacityConfirmedAt: null,
  intakeHours: null,
  referralChannel: 'secure_link',
  secureLinkContact: null,
  active: true,
};

function draftOf(p: Partner): Draft {
  return {
    name: p.name,
    kind: p.kind,
    services: p.services,
    municipalities: p.municipalities.map((m) => m.id),
    regions: p.regions,
    placeId: p.place?.id ?? null,
    languages: p.languages,
    interpretation: p.interpretation,
    minAge: p.minAge,
    maxAge: p.maxAge,
    genders: p.genders,
    acceptsMinors: p.acceptsMinors,
    acceptsPregnant: p.acceptsPregnant,
    residenceStatuses: p.residenceStatuses,
    capacity: p.capacity,
    capacityConfirmedAt: p.capacityConfirmedAt,
    intakeHours: p.intakeHours,
    referralChannel: p.referralChannel,
    secureLinkContact: p.secureLinkContact,
    active: p.active,
  };
}

const pickAll = <T extends string>(values: readonly T[], chosen: string[]): T[] =>
  values.filter((v) => chosen.includes(v));
const orNull = (s: string) => (s.trim() ? s.trim() : null);
const ageOf = (v: string | number) => (typeof v === 'number' ? v : null);
/** A date input's day as the instant the server stores (noon UTC keeps the day in every zone). */
const dayToIso = (day: string) => (day ? new Date(`${day}T12:00:00Z`).toISOString() : null);

export function PartnerForm({
  partner,
  onDone,
  onCancel,
  headingOrder = 2,
}: {
  partner: Partner | null;
  onDone: (saved: Partner) => void;
  onCancel: () => void;
  /** 1 when the form is the page (a new organisation), 2 inside an organisation's page. */
  headingOrder?: 1 | 2;
}) {
  const t = usePartnersT();
  const queryClient = useQueryClient();
  const { capabilities } = useCurrentSession();
  const [draft, setDraft] = useState<Draft>(() => (partner ? draftOf(partner) : EMPTY));
  const [accountOrgId, setAccountOrgId] = useState<string | null>(partner?.accountOrgId ?? null);
  const set =
    <K extends keyof Draft>(key: K) =>
    (value: Draft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const orgs = useQuery({
    queryKey: ['partner-orgs'],
    queryFn: listPartnerOrgs,
    enabled: capabilities.managePartnerOrgs,
  });
  const save = useMutation({
    mutationFn: (input: PartnerWrite) =>
      partner ? updatePartner(partner.id, input) : createPartner(input),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      onDone(saved);
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ profile: draft, accountOrgId });
  };

  return (
    <Stack
      component="form"
      onSubmit={submit}
      gap="md"
      aria-label={partner ? t('form.titleEdit', { name: partner.name }) : t('form.titleNew')}
    >
      <Title order={headingOrder} size="h3">
        {partner ? t('form.titleEdit', { name: partner.name }) : t('form.titleNew')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('form.name')}
          required
          maxLength={200}
          value={draft.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <Select
          label={t('form.kind')}
          required
          allowDeselect={false}
          data={partnerKindValues.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={draft.kind}
          onChange={(v) => set('kind')(partnerKindValues.find((k) => k === v) ?? draft.kind)}
        />
      </SimpleGrid>
      <MultiSelect
        searchable
        label={t('form.services')}
        required
        data={needValues.map((n) => ({ value: n, label: t(`needs.${n}`) }))}
        value={draft.services}
        onChange={(v) => set('services')(pickAll(needValues, v))}
      />
      <Fieldset legend={t('detail.area')}>
        <Stack gap="sm">
          <MultiSelect
            searchable
            label={t('form.regions')}
            data={[...provinceValues]}
            value={draft.regions}
            onChange={(v) => set('regions')(pickAll(provinceValues, v))}
          />
          <TagsInput
            label={t('form.municipalities')}
            description={t('form.municipalitiesHint')}
            value={draft.municipalities}
            onChange={(v) => set('municipalities')(v.map((m) => m.trim().toLowerCase()))}
          />
          <TextInput
            label={t('form.place')}
            description={t('form.placeHint')}
            value={draft.placeId ?? ''}
            onChange={(e) => set('placeId')(orNull(e.currentTarget.value.toLowerCase()))}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('detail.eligibility')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('form.minAge')}
              min={0}
              max={120}
              allowDecimal={false}
              value={draft.minAge ?? ''}
              onChange={(v) => set('minAge')(ageOf(v))}
            />
            <NumberInput
              label={t('form.maxAge')}
              min={0}
              max={120}
              allowDecimal={false}
              value={draft.maxAge ?? ''}
              onChange={(v) => set('maxAge')(ageOf(v))}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('form.genders')}
            value={draft.genders}
            onChange={(v) => set('genders')(pickAll(partnerGenderValues, v))}
          >
            <Group mt={4}>
              {partnerGenderValues.map((g) => (
                <Checkbox key={g} value={g} label={t(`genders.${g}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group>
            <Switch
              label={t('form.acceptsMinors')}
              checked={draft.acceptsMinors}
              onChange={(e) => set('acceptsMinors')(e.currentTarget.checked)}
            />
            <Switch
              label={t('form.acceptsPregnant')}
              checked={draft.acceptsPregnant}
              onChange={(e) => set('acceptsPregnant')(e.currentTarget.checked)}
            />
          </Group>
          <MultiSelect
            searchable
            label={t('form.residenceStatuses')}
            data={residenceStatusValues.map((r) => ({ value: r, label: t(`residence.${r}`) }))}
            value={draft.residenceStatuses}
            onChange={(v) => set('residenceStatuses')(pickAll(residenceStatusValues, v))}
          />
          <TagsInput
            label={t('form.languages')}
            description={t('form.languagesHint')}
            value={draft.languages}
            onChange={(v) => set('languages')(v.map((l) => l.trim().toLowerCase()))}
          />
          <Switch
            label={t('form.interpretation')}
            checked={draft.interpretation}
            onChange={(e) => set('interpretation')(e.currentTarget.checked)}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('detail.availability')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('form.capacity')}
              clearable
              placeholder={t('capacity.unknown')}
              data={partnerCapacityValues.map((c) => ({ value: c, label: t(`capacity.${c}`) }))}
              value={draft.capacity}
              onChange={(v) => set('capacity')(partnerCapacityValues.find((c) => c === v) ?? null)}
            />
            <TextInput
              type="date"
              label={t('form.capacityConfirmedAt')}
              value={
                draft.capacityConfirmedAt ? dateInputValue(new Date(draft.capacityConfirmedAt)) : ''
              }
              onChange={(e) => set('capacityConfirmedAt')(dayToIso(e.currentTarget.value))}
            />
          </SimpleGrid>
          <Textarea
            label={t('form.intakeHours')}
            autosize
            minRows={1}
            maxLength={500}
            value={draft.intakeHours ?? ''}
            onChange={(e) => set('intakeHours')(orNull(e.currentTarget.value))}
          />
        </Stack>
      </Fieldset>
      <Fieldset legend={t('detail.referral')}>
        <Stack gap="sm">
          <Select
            label={t('form.referralChannel')}
            allowDeselect={false}
            data={referralChannelValues.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
            value={draft.referralChannel}
            onChange={(v) =>
              set('referralChannel')(
                referralChannelValues.find((c) => c === v) ?? draft.referralChannel,
              )
            }
          />
          <TextInput
            label={t('form.secureLinkContact')}
            description={t('form.secureLinkContactHint')}
            required={draft.referralChannel === 'secure_link'}
            maxLength={200}
            value={draft.secureLinkContact ?? ''}
            onChange={(e) => set('secureLinkContact')(orNull(e.currentTarget.value))}
          />
          {capabilities.managePartnerOrgs ? (
            <Select
              label={t('form.accountOrg')}
              clearable
              placeholder={t('form.accountOrgNone')}
              data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))}
              value={accountOrgId}
              onChange={setAccountOrgId}
            />
          ) : null}
        </Stack>
      </Fieldset>
      <Switch
        label={t('form.active')}
        checked={draft.active}
        onChange={(e) => set('active')(e.currentTarget.checked)}
      />
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('form.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('form.save')}
        </Button>
      </Group>
    </Stack>
  );
}
