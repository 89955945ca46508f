// Writing the first message to a person from their lead: which of the entity's identifiers to
// write to (masked, chosen by id; the server looks the value up, audited, so the worker never needs
// to see the number), the channel (warned when the person cannot reply on it), an approved
// template in the language the ads suggest with all its variants shown, the placeholders filled
// from the ads (editable), counts per variant, and the send. A refusal by the contact rules is
// shown with its rule; the ones a supervisor can lift (a second thread, words to confirm) offer
// that to a supervisor. One idempotency key per opening of the dialog: a retry sends once. After
// sending the conversation opens in the inbox; the server moves the lead on by itself (planned
// when the message is queued, contacted once it has gone out).
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Modal,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useCurrentSession } from '../auth/session';
import { queryKeys, type EntityDetail, type EntityIdentifier } from '../triage/api';
import { languageName } from '../ui/format';
import { useTriageT } from '../triage/i18n';
import { ErrorAlert } from '../ui/ErrorAlert';
import { composeMessage, listApprovedTemplates, outreachKeys, type ComposeRequest } from './api';
import {
  channelFits,
  contactable,
  entityDefaults,
  fillPlaceholders,
  OUTREACH_LANGUAGES,
} from './compose';
import { canLiftRules, useChannels } from './hooks';
import { useOutreachT } from './i18n';
import { ruleOf, SendErrorAlert } from './refusal';
import { TextCounts } from './TextCounts';

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
  return (
    <Modal opened={opened} onClose={onClose} title={t('compose.title')} size="lg">
      {opened ? <ComposeForm entity={entity} onClose={onClose} /> : null}
    </Modal>
  );
}

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
  const [identifierId, setIdentifierId] = useState(identifiers[0]?.identifierId ?? '');
  const identifier = identifiers.find((i) => i.identifierId === identifierId);
  const usable = channels.filter((c) => c.enabled && (!identifier || channelFits(identifier, c)));
  // The worker's choice while it still fits, else the first usable channel.
  const [chosenChannelId, setChannelId] = useState('');
  const channel = usable.find((c) => c.id === chosenChannelId) ?? usable[0];
  const channelId = channel?.id ?? '';
  // The ads' language until the worker chooses; any language when no template is written in it.
  const [chosenLanguage, setLanguage] = useState<string | null>(null);
  const suggestedHasTemplates = Boolean(
    defaults.language && templates.data?.some((x) => x.language === defaults.language),
  );
  const language =
    chosenLanguage ?? (suggestedHasTemplates && defaults.language ? defaults.language : '');
  const [chosenTemplateId, setTemplateId] = useState('');
  const [displayName, setDisplayName] = useState(defaults.displayName);
  const [city, setCity] = useState(defaults.city);
  const [subject, setSubject] = useState('');
  const [overrideReason, setOverrideReason] = useState('');
  const [confirmSafety, setConfirmSafety] = useState(false);

  const inLanguage = (templates.data ?? []).filter((x) => !language || x.language === language);
  const ordered = [
    ...inLanguage.filter((x) => x.purpose === 'first_contact'),
    ...inLanguage.filter((x) => x.purpose !== 'first_contact'),
  ];
  const template = ordered.find((x) => x.id === chosenTemplateId) ?? ordered[0];
  const templateId = template?.id ?? '';

  const supervisor = canLiftRules(user.role);

  const goTo = (conversationId: string) => {
    onClose();
    void navigate({ to: '/inbox/$conversationId', params: { conversationId } });
  };

  const send = useMutation({
    mutationFn: async () => {
      const body: ComposeRequest = {
        entityId: entity.id,
        contact: { identifierId },
        channelId,
        templateId,
        values: { displayName: displayName.trim() || null, city: city.trim() || null },
        idempotencyKey: key.current,
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

  const rule = ruleOf(send.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!identifierId || !channelId || !templateId) return;
    send.mutate();
  };

  if (identifiers.length === 0) {
    return (
      <Stack gap="md">
        <Text size="sm">{t('compose.noIdentifiers')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
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
        <NativeSelect
          label={t('compose.identifier')}
          description={t('compose.identifierHint')}
          value={identifierId}
          onChange={(e) => {
            setIdentifierId(e.currentTarget.value);
            send.reset();
          }}
          data={identifiers.map((i) => ({
            value: i.identifierId,
            label: `${kindName(i)}${i.platform && i.platform !== i.kind ? ` (${i.platform})` : ''}: ${i.masked}${i.obfuscated ? ` · ${tt('identifiers.obfuscated')}` : ''}`,
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
              ? usable.map((c) => ({ value: c.id, label: `${c.name} (${c.kind})` }))
              : [{ value: '', label: t('compose.noChannel'), disabled: true }]
          }
          error={channelsLoaded && usable.length === 0 ? t('compose.noChannelHint') : undefined}
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

        <Group grow align="flex-start">
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
        </Group>
        <ErrorAlert error={templates.error} />

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
                  <div className="bubble-text">{filled}</div>
                  <TextCounts text={filled} language={template.language} showSafety />
                </Paper>
              );
            })}
            <Text size="xs" c="dimmed">
              {t('compose.variantHint')}
            </Text>
          </Stack>
        ) : null}

        <SendErrorAlert error={send.error} />
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

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            loading={send.isPending}
            disabled={!identifierId || !channelId || !templateId}
          >
            {t('compose.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
