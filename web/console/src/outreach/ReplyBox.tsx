// Writing in a conversation: a reply, or an internal note that is never sent. Free text only once
// the person has written; until then an approved template (the server enforces the same rule and
// its refusal is shown with the rule). Quick replies insert prepared text; counts follow the text.
// Every send carries an idempotency key kept until it succeeds, so a retry never sends twice.
import {
  Button,
  Checkbox,
  Group,
  Menu,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { scheduleFrom } from './compose';
import {
  addNote,
  composeMessage,
  listApprovedTemplates,
  listQuickReplies,
  outreachKeys,
  SendRefusal,
  type Channel,
  type ComposeRequest,
  type ConversationDetail,
} from './api';
import { useOutreachT } from './i18n';
import { ruleOf, SendErrorAlert } from './refusal';
import { TextCounts } from './TextCounts';

type Mode = 'reply' | 'note';

export function ReplyBox({
  detail,
  channel,
  notesOnly = false,
}: {
  detail: ConversationDetail;
  channel: Channel | undefined;
  /** The thread has ended (do not contact): colleagues can still leave notes. */
  notesOnly?: boolean;
}) {
  const t = useOutreachT();
  const { user } = useCurrentSession();
  const qc = useQueryClient();
  const conversationId = detail.conversation.id;
  const personWrote =
    detail.messages.some((m) => m.direction === 'in') || Boolean(detail.contact?.lastInboundAt);
  const [chosenMode, setMode] = useState<Mode>('reply');
  const mode: Mode = notesOnly ? 'note' : chosenMode;
  const [useTemplate, setUseTemplate] = useState(false);
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [templateId, setTemplateId] = useState('');
  const [confirmSafety, setConfirmSafety] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const key = useRef(crypto.randomUUID());
  const textArea = useRef<HTMLTextAreaElement>(null);
  const templateMode = !personWrote || useTemplate;

  const templates = useQuery({
    queryKey: outreachKeys.templates,
    queryFn: listApprovedTemplates,
    staleTime: 60_000,
    enabled: mode === 'reply' && templateMode,
  });
  const quick = useQuery({
    queryKey: outreachKeys.quickReplies(''),
    queryFn: () => listQuickReplies(),
    staleTime: 60_000,
    retry: false,
  });
  const chosen = templates.data?.find((x) => x.id === templateId);

  const refresh = () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: outreachKeys.conversation(conversationId) }),
      qc.invalidateQueries({ queryKey: outreachKeys.allInbox }),
    ]);

  const send = useMutation({
    mutationFn: (schedule: boolean) => {
      const body: ComposeRequest = {
        conversationId,
        channelId: detail.conversation.channelId ?? '',
        idempotencyKey: key.current,
        ...(schedule ? { schedule: true } : {}),
        ...(templateMode ? { templateId } : { text: text.trim() }),
        ...(channel?.kind === 'email' && subject.trim() ? { subject: subject.trim() } : {}),
        ...(confirmSafety ? { confirmSafety: true } : {}),
      };
      return composeMessage(body);
    },
    onSuccess: async (r) => {
      key.current = crypto.randomUUID();
      setText('');
      setSubject('');
      setConfirmSafety(false);
      setNotice(r.warnings.length > 0 ? r.warnings.join(' ') : null);
      await refresh();
    },
  });
  const note = useMutation({
    mutationFn: () => addNote(conversationId, text.trim()),
    onSuccess: async () => {
      setText('');
      await refresh();
    },
  });

  const refusal = send.error instanceof SendRefusal ? send.error : null;
  const quietUntil = scheduleFrom(refusal, channel?.kind);

  const insert = (snippet: string) => {
    const el = textArea.current;
    if (!el) {
      setText((v) => (v ? `${v} ${snippet}` : snippet));
      return;
    }
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? text.length;
    const next = text.slice(0, start) + snippet + text.slice(end);
    setText(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + snippet.length, start + snippet.length);
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (mode === 'note') {
      if (text.trim()) note.mutate();
      return;
    }
    if (templateMode ? !templateId : !text.trim()) return;
    send.mutate(false);
  };

  const busy = send.isPending || note.isPending;
  const canConfirm =
    user.role === 'supervisor' && ruleOf(send.error) === 'safety_confirmation_required';

  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} data-testid="reply-box">
      <Stack gap="sm">
        {notesOnly ? null : (
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(v) => {
              setMode(v);
              send.reset();
              note.reset();
            }}
            data={[
              { value: 'reply', label: t('reply.modeReply') },
              { value: 'note', label: t('reply.modeNote') },
            ]}
            aria-label={t('reply.modeLabel')}
            w="fit-content"
          />
        )}

        {mode === 'note' ? (
          <>
            <Textarea
              label={t('reply.noteLabel')}
              description={t('reply.noteHint')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={4000}
            />
            <ErrorAlert error={note.error} onClose={() => note.reset()} />
            <Group justify="flex-end">
              <Button
                type="submit"
                variant="light"
                color="yellow"
                loading={busy}
                disabled={!text.trim()}
              >
                {t('reply.addNote')}
              </Button>
            </Group>
          </>
        ) : (
          <>
            {!personWrote ? (
              <Text size="sm" c="dimmed" data-testid="template-only">
                {t('reply.templateOnly')}
              </Text>
            ) : (
              <Checkbox
                size="xs"
                label={t('reply.useTemplate')}
                checked={useTemplate}
                onChange={(e) => setUseTemplate(e.currentTarget.checked)}
              />
            )}
            {channel?.kind === 'email' ? (
              <TextInput
                label={t('reply.subject')}
                value={subject}
                onChange={(e) => setSubject(e.currentTarget.value)}
                maxLength={200}
              />
            ) : null}
            {templateMode ? (
              <>
                <NativeSelect
                  label={t('reply.template')}
                  value={templateId}
                  onChange={(e) => setTemplateId(e.currentTarget.value)}
                  data={[
                    { value: '', label: t('reply.templatePlaceholder'), disabled: true },
                    ...(templates.data ?? []).map((x) => ({
                      value: x.id,
                      label: `${x.name} (${x.language.toUpperCase()})`,
                    })),
                  ]}
                />
                <ErrorAlert error={templates.error} />
                {chosen ? (
                  <Stack gap={4}>
                    {chosen.variants.map((v, i) => (
                      <Text key={i} size="xs" c="dimmed" className="bubble-text">
                        {t('reply.variant', { n: i + 1 })}:{' '}
                        <span lang={chosen.language}>{v.text}</span>
                      </Text>
                    ))}
                  </Stack>
                ) : null}
              </>
            ) : (
              <>
                <Textarea
                  ref={textArea}
                  label={t('reply.textLabel')}
                  value={text}
                  onChange={(e) => {
                    setText(e.currentTarget.value);
                    setNotice(null);
                  }}
                  autosize
                  minRows={3}
                  maxRows={10}
                  maxLength={4000}
                  data-testid="reply-text"
                />
                <TextCounts text={text} testId="reply-counts" />
              </>
            )}
            {notice ? (
              <Text size="sm" c="orange.8" role="status">
                {notice}
              </Text>
            ) : null}
            <SendErrorAlert error={send.error} onClose={() => send.reset()} />
            {quietUntil ? (
              // Refused for quiet hours where the person is: the same message can wait for the
              // first allowed time, as a scheduled send checked against every rule again then.
              <Group>
                <Button
                  variant="light"
                  loading={send.isPending}
                  onClick={() => send.mutate(true)}
                  data-testid="reply-schedule"
                >
                  {t('compose.schedule', { time: formatDateTime(quietUntil) })}
                </Button>
              </Group>
            ) : null}
            {canConfirm ? (
              <Checkbox
                label={t('reply.confirmSafety')}
                checked={confirmSafety}
                onChange={(e) => setConfirmSafety(e.currentTarget.checked)}
              />
            ) : null}
            <Group justify="space-between">
              {!templateMode ? (
                <Menu position="top-start" withinPortal>
                  <Menu.Target>
                    <Button variant="subtle" size="xs" disabled={!quick.data?.length}>
                      {t('reply.quickReplies')}
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
                    {(quick.data ?? []).map((q) => (
                      <Menu.Item key={q.id} onClick={() => insert(q.text)}>
                        <Text size="sm" fw={600}>
                          {q.title}{' '}
                          <Text span size="xs" c="dimmed">
                            {q.language.toUpperCase()}
                          </Text>
                        </Text>
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {q.text}
                        </Text>
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              ) : (
                <span />
              )}
              <Button
                type="submit"
                loading={busy}
                disabled={templateMode ? !templateId : !text.trim()}
              >
                {t('reply.send')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
