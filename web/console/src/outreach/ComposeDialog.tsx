// Writing the first message to a person from their lead: which of the entity's identifiers to
// write to (masked, chosen by id; the server looks the value up, audited, so the worker never needs
// to see the number; one a configured channel reaches is offered first, the others say that no
// channel reaches them), the channel (warned when the person cannot reply on it), an approved
// template in the language the ads suggest with all its variants shown, the placeholders filled
// from ONE ad the worker picks (none by default on a number behind several names), counts per
// variant, and what the rules say before Send (asked of the server at its clock: quiet hours where
// the person is and from when it is possible, there and here). When only time stands in the way,
// Send becomes "Schedule for 09:00": a real scheduled send that is checked against every rule
// again at its time. The rules a supervisor can lift (a second thread, words to confirm, names for
// a shared number) offer that to a supervisor. One idempotency key per opening of the dialog: a
// retry sends once. After sending the conversation opens in the inbox; the server moves the lead
// on by itself (planned when the message is queued, contacted once it has gone out).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { currentLocale } from '../i18n';
import { useCurrentSession } from '../auth/session';
import { queryKeys, type EntityDetail, type EntityIdentifier } from '../triage/api';
import { formatDate, languageName } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import {
  allowNamesForSharedNumber,
  checkCompose,
  composeMessage,
  listApprovedTemplates,
  outreachKeys,
  type ComposeCheckRequest,
  type ComposeRequest,
  type ComposeState,
} from './api';
import {
  adValues,
  channelMedium,
  channelsFor,
  contactable,
  defaultChannel,
  defaultIdentifier,
  entityDefaults,
  fillPlaceholders,
  identifierSort,
  OUTREACH_LANGUAGES,
  timeIn,
} from './compose';
import { canLiftRules, useChannels } from './hooks';
import { useOutreachT } from './i18n';
import { ruleOf, SendErrorAlert, useRefusalText } from './refusal';
import { TextCounts } from './TextCounts';
import { usePhone } from '../ui/use-phone';

export function ComposeDialog({
  entity,
  opened,
  onClose,
}: {
  entity: EntityDetail;
  opened: boolean;
  onClose: () => void;
}) {
  const t = useOutreachT();
  const phone = usePhone();
  return (
    // On a phone the dialog takes the screen, its Send at the foot of it (outreach.css).
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('compose.title')}
      size="lg"
      fullScreen={phone}
    >
      {opened ? <ComposeForm entity={entity} onClose={onClose} /> : null}
    </Modal>
  );
}

/** Rules a supervisor lifts in the dialog itself (with a reason or a confirmation). */
const LIFTABLE = ['one_thread_per_entity', 'safety_confirmation_required', 'shared_number_name'];

function ComposeForm({ entity, onClose }: { entity: EntityDetail; onClose: () => void }) {
  const t = useOutreachT();
  const tt = useTriageT();
  const { user } = useCurrentSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const { channels, loaded: channelsLoaded, error: channelsError } = useChannels();
  const templates = useQuery({
    queryKey: outreachKeys.templates,
    queryFn: listApprovedTemplates,
    staleTime: 60_000,
  });
  const defaults = useMemo(() => entityDefaults(entity), [entity]);
  const identifiers = entity.identifiers.filter(contactable);

  // One key per opening of the dialog, kept for its retries.
  const key = useRef(crypto.randomUUID());
  // The worker's choice, else one a channel that is set up reaches (the phone before a handle).
  const [chosenIdentifierId, setIdentifierId] = useState('');
  const identifier =
    identifiers.find((i) => i.identifierId === chosenIdentifierId) ??
    defaultIdentifier(identifiers, channels);
  const identifierId = identifier?.identifierId ?? '';
  const usable = identifier ? channelsFor(identifier, channels) : [];
  // The worker's choice while it still fits, else the first usable channel.
  const [chosenChannelId, setChannelId] = useState('');
  const channel = usable.find((c) => c.id === chosenChannelId) ?? defaultChannel(usable);
  const channelId = channel?.id ?? '';
  // The ads' language until the worker chooses; any language when no template is written in it.
  const [chosenLanguage, setLanguage] = useState<string | null>(null);
  const suggestedHasTemplates = Boolean(
    defaults.language && templates.data?.some((x) => x.language === defaults.language),
  );
  const language =
    chosenLanguage ?? (suggestedHasTemplates && defaults.language ? defaults.language : '');
  const [chosenTemplateId, setTemplateId] = useState('');

  // The placeholders come from one ad the worker picks. On a number behind several names nobody
  // is named by default: the reader may be the controller, not the person a name belongs to.
  const sharedNumber = (entity.features?.namesPerNumber ?? 0) > 1;
  const latestAd = useMemo(
    () => [...entity.ads].sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt))[0],
    [entity.ads],
  );
  const [adId, setAdId] = useState(sharedNumber ? '' : (latestAd?.id ?? ''));
  const initial = adValues(entity.ads.find((a) => a.id === adId));
  const [displayName, setDisplayName] = useState(initial.displayName);
  const [city, setCity] = useState(initial.city);
  const pickAd = (id: string) => {
    setAdId(id);
    const v = adValues(entity.ads.find((a) => a.id === id));
    setDisplayName(v.displayName);
    setCity(v.city);
  };
  const [subject, setSubject] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [confirmSafety, setConfirmSafety] = useState(false);
  const [namesReason, setNamesReason] = useState('');

  const inLanguage = (templates.data ?? []).filter((x) => !language || x.language === language);
  const ordered = [
    ...inLanguage.filter((x) => x.purpose === 'first_contact'),
    ...inLanguage.filter((x) => x.purpose !== 'first_contact'),
  ];
  const template = ordered.find((x) => x.id === chosenTemplateId) ?? ordered[0];
  const templateId = template?.id ?? '';

  const supervisor = canLiftRules(user.role);

  // What the rules say before Send, at the server's clock, as the values settle.
  const [values] = useDebouncedValue(
    { displayName: displayName.trim() || null, city: city.trim() || null },
    400,
  );
  const checkInput: ComposeCheckRequest = {
    entityId: entity.id,
    contact: { identifierId },
    channelId,
    templateId,
    values,
    ...(overrideReason.trim().length >= 3 ? { override: { reason: overrideReason.trim() } } : {}),
    ...(confirmSafety ? { confirmSafety: true } : {}),
  };
  const state = useQuery({
    queryKey: outreachKeys.composeState(checkInput),
    queryFn: () => checkCompose(checkInput),
    enabled: Boolean(identifierId && channelId && templateId),
    // Quiet hours begin and end while a dialog is open.
    refetchInterval: 60_000,
    staleTime: 10_000,
  });
  const verdict = state.data;

  const goTo = (conversationId: string) => {
    onClose();
    void navigate({ to: '/inbox/$conversationId', params: { conversationId } });
  };

  const send = useMutation({
    mutationFn: async (schedule: boolean) => {
      const body: ComposeRequest = {
        entityId: entity.id,
        contact: { identifierId },
        channelId,
        templateId,
        values: { displayName: displayName.trim() || null, city: city.trim() || null },
        idempotencyKey: key.current,
        ...(schedule ? { schedule: true } : {}),
        ...(channel?.kind === 'email' && subject.trim() ? { subject: subject.trim() } : {}),
        ...(overrideReason.trim() ? { override: { reason: overrideReason.trim() } } : {}),
        ...(confirmSafety ? { confirmSafety: true } : {}),
      };
      return composeMessage(body);
    },
    onSuccess: async (result) => {
      void qc.invalidateQueries({ queryKey: outreachKeys.entityThreads(entity.id) });
      void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
      void qc.invalidateQueries({ queryKey: queryKeys.entity(entity.id) });
      void qc.invalidateQueries({ queryKey: queryKeys.allLeads });
      goTo(result.conversationId);
    },
  });

  const allowNames = useMutation({
    mutationFn: () =>
      allowNamesForSharedNumber({ entityId: entity.id, identifierId, reason: namesReason.trim() }),
    onSuccess: async () => {
      setNamesReason('');
      await qc.invalidateQueries({ queryKey: ['outreach', 'compose-state'] });
    },
  });

  const rule = ruleOf(send.error) ?? verdict?.rule ?? null;
  // Refused before Send by a rule nobody here can lift now: Send stays off, and why is shown.
  const blocked =
    verdict !== undefined &&
    !verdict.allowed &&
    !verdict.schedulable &&
    !(supervisor && verdict.rule !== null && LIFTABLE.includes(verdict.rule));
  const ready = Boolean(identifierId && channelId && templateId);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!ready || blocked) return;
    send.mutate(Boolean(verdict?.schedulable));
  };
  const unreachable = identifier ? t('compose.unreachable', { what: sortName(t, identifier) }) : '';

  if (identifiers.length === 0) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('compose.noIdentifiers')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }

  const kindName = (i: EntityIdentifier) =>
    ['phone', 'email', 'messenger'].includes(i.kind)
      ? tt(`identifiers.kinds.${i.kind as 'phone' | 'email' | 'messenger'}`)
      : i.kind;

  return (
    <form onSubmit={submit} noValidate data-testid="compose-form">
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('compose.intro')}
        </Text>
        {/* The dialog opens on its first field (whom to write to), not on its close button. */}
        <NativeSelect
          data-autofocus
          label={t('compose.identifier')}
          description={t('compose.identifierHint')}
          value={identifierId}
          onChange={(e) => {
            setIdentifierId(e.currentTarget.value);
            send.reset();
          }}
          data={identifiers.map((i) => ({
            value: i.identifierId,
            label: `${kindName(i)}${i.platform && i.platform !== i.kind ? ` (${i.platform})` : ''}: ${i.masked}${i.obfuscated ? ` · ${tt('identifiers.obfuscated')}` : ''}${channelsLoaded && channelsFor(i, channels).length === 0 ? ` · ${t('compose.unreachable', { what: sortName(t, i) })}` : ''}`,
          }))}
        />
        <NativeSelect
          label={t('compose.channel')}
          value={channelId}
          onChange={(e) => {
            setChannelId(e.currentTarget.value);
            send.reset();
          }}
          data={
            usable.length
              ? usable.map((c) => ({
                  value: c.id,
                  // "Demo SMS (simulated phones) · SMS", not "… (smpp)": the protocol is no help here.
                  label: `${c.name} · ${t(`compose.medium.${channelMedium(c.kind)}`)}`,
                }))
              : [{ value: '', label: t('compose.noChannel'), disabled: true }]
          }
          error={
            channelsLoaded && usable.length === 0
              ? channels.some((c) => c.enabled)
                ? t('compose.unreachableHint', { unreachable })
                : t('compose.noChannelHint')
              : undefined
          }
        />
        <ErrorAlert error={channelsError} />
        {channel && !channel.repliesPossible ? (
          <Alert color="orange" variant="light" data-testid="no-replies-warning">
            {t('compose.noReplies')}
          </Alert>
        ) : null}
        {channel?.kind === 'manual' ? (
          <Text size="sm" c="dimmed">
            {t('compose.manualHint')}
          </Text>
        ) : null}

        {/* Side by side where there is room; the template's name needs the width on a phone. */}
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <NativeSelect
            label={t('compose.language')}
            description={
              defaults.language
                ? t(
                    templates.isSuccess && !suggestedHasTemplates
                      ? 'compose.languageNoTemplate'
                      : 'compose.languageSuggested',
                    { language: languageName(defaults.language) },
                  )
                : undefined
            }
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value)}
            data={[
              { value: '', label: t('compose.anyLanguage') },
              ...OUTREACH_LANGUAGES.map((l) => ({ value: l, label: languageName(l) })),
            ]}
          />
          <NativeSelect
            label={t('compose.template')}
            value={templateId}
            onChange={(e) => {
              setTemplateId(e.currentTarget.value);
              send.reset();
            }}
            data={
              ordered.length
                ? ordered.map((x) => ({
                    value: x.id,
                    label: `${x.name} (${x.language.toUpperCase()}) · ${t(`purpose.${x.purpose}`)}`,
                  }))
                : [{ value: '', label: t('compose.noTemplate'), disabled: true }]
            }
          />
        </SimpleGrid>
        <ErrorAlert error={templates.error} />

        <NativeSelect
          label={t('compose.fromAd')}
          description={sharedNumber ? t('compose.fromAdShared') : t('compose.fromAdHint')}
          value={adId}
          onChange={(e) => pickAd(e.currentTarget.value)}
          data={[
            { value: '', label: t('compose.noAd') },
            ...entity.ads.map((a) => ({
              value: a.id,
              label: [a.displayName ?? '—', a.city ?? '—', formatDate(a.lastSeenAt)].join(' · '),
            })),
          ]}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('compose.displayName')}
            value={displayName}
            onChange={(e) => setDisplayName(e.currentTarget.value)}
            maxLength={30}
          />
          <TextInput
            label={t('compose.city')}
            value={city}
            onChange={(e) => setCity(e.currentTarget.value)}
            maxLength={40}
          />
        </Group>
        {channel?.kind === 'email' ? (
          <TextInput
            label={t('compose.subject')}
            value={subject}
            onChange={(e) => setSubject(e.currentTarget.value)}
            maxLength={200}
          />
        ) : null}

        {template ? (
          <Stack gap="xs" data-testid="compose-preview">
            <Text size="sm" fw={600}>
              {t('compose.preview', { count: template.variants.length })}
            </Text>
            {template.variants.map((v, i) => {
              const filled = fillPlaceholders(
                v.text,
                { displayName, city },
                template.fallbacks,
                template.language,
              );
              return (
                <Paper
                  key={i}
                  withBorder
                  radius="sm"
                  p="xs"
                  bg="gray.0"
                  data-testid="variant-preview"
                >
                  <Text size="xs" c="dimmed" mb={2}>
                    {t('reply.variant', { n: i + 1 })}
                  </Text>
                  <div className="bubble-text" lang={template.language}>
                    {filled}
                  </div>
                  <TextCounts text={filled} language={template.language} showSafety />
                </Paper>
              );
            })}
            <Text size="xs" c="dimmed">
              {t('compose.variantHint')}
            </Text>
          </Stack>
        ) : null}

        <ComposeStateAlert state={verdict} error={state.error} />
        <SendErrorAlert error={send.error} />
        {rule === 'shared_number_name' && supervisor ? (
          <Stack gap="xs">
            <Textarea
              label={t('compose.namesReason')}
              description={t('compose.namesHint')}
              value={namesReason}
              onChange={(e) => setNamesReason(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={500}
            />
            <Group justify="flex-end">
              <Button
                variant="default"
                size="xs"
                disabled={namesReason.trim().length < 3}
                loading={allowNames.isPending}
                onClick={() => allowNames.mutate()}
              >
                {t('compose.allowNames')}
              </Button>
            </Group>
            <ErrorAlert error={allowNames.error} />
          </Stack>
        ) : null}
        {rule === 'one_thread_per_entity' && supervisor ? (
          <Textarea
            label={t('compose.overrideReason')}
            description={t('compose.overrideHint')}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.currentTarget.value)}
            autosize
            minRows={2}
            maxLength={500}
          />
        ) : null}
        {rule === 'safety_confirmation_required' && supervisor ? (
          <Checkbox
            label={t('reply.confirmSafety')}
            checked={confirmSafety}
            onChange={(e) => setConfirmSafety(e.currentTarget.checked)}
          />
        ) : null}

        <Group justify="flex-end" className="compose-actions">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!ready || blocked}
            data-testid="compose-submit"
          >
            {verdict?.schedulable && verdict.possibleFrom
              ? t('compose.schedule', {
                  time: timeIn(verdict.possibleFrom, verdict.timeZone.zone, currentLocale()),
                })
              : t('compose.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const PLATFORMS: Record<string, string> = {
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  signal: 'Signal',
  snapchat: 'Snapchat',
  instagram: 'Instagram',
};

/** "phone numbers", "WhatsApp handles": the kind of identifier no channel reaches. */
function sortName(t: ReturnType<typeof useOutreachT>, i: EntityIdentifier): string {
  const sort = identifierSort(i);
  if (sort === 'phone') return t('compose.sorts.phone');
  if (sort === 'email') return t('compose.sorts.email');
  const platform = i.platform ? (PLATFORMS[i.platform] ?? i.platform) : null;
  return platform ? t('compose.sorts.handleOn', { platform }) : t('compose.sorts.handle');
}

const TIME_TITLES = {
  quiet_hours: 'compose.state.quiet_hours',
  min_gap: 'compose.state.min_gap',
  rate_limit: 'compose.state.rate_limit',
} as const;

/**
 * The rules' verdict before Send: quiet hours where the person is and from when it is possible
 * (there and here), or the refusal that stands, or nothing when it may go now.
 */
function ComposeStateAlert({ state, error }: { state: ComposeState | undefined; error: unknown }) {
  const t = useOutreachT();
  const refusalText = useRefusalText();
  if (error) return <ErrorAlert error={error} />;
  if (!state || state.allowed) return null;
  if (state.possibleFrom) {
    const zone = state.timeZone.zone;
    const title =
      state.rule && state.rule in TIME_TITLES
        ? t(TIME_TITLES[state.rule as keyof typeof TIME_TITLES])
        : t('rules.other');
    return (
      <Alert
        color="blue"
        variant="light"
        title={title}
        data-testid="compose-state"
        data-rule={state.rule ?? ''}
      >
        <Text size="sm" data-testid="possible-from">
          {t('compose.state.possibleFrom', {
            there: timeIn(state.possibleFrom, zone, currentLocale()),
            zone,
            here: timeIn(state.possibleFrom, undefined, currentLocale()),
          })}
        </Text>
        {state.schedulable ? (
          <Text size="sm" mt={4}>
            {t('compose.state.scheduleHint')}
          </Text>
        ) : null}
      </Alert>
    );
  }
  return (
    <Alert
      color={
        state.rule === 'do_not_contact' || state.rule === 'no_contact_consent' ? 'red' : 'orange'
      }
      variant="light"
      title={t('compose.state.refused')}
      data-testid="compose-state"
      data-rule={state.rule ?? ''}
    >
      <Text size="sm">{refusalText(state.text, state.message ?? '')}</Text>
    </Alert>
  );
}
