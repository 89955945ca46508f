// One conversation: who (masked), on which channel, its status and holder, the link to the lead,
// the messages in order (ours with their delivery state and the provider's reason when one failed,
// theirs, and internal notes that are visibly never sent), and the reply box. Opening it is
// audited and marks it read. It refetches while open so a delivery receipt or a reply shows up by
// itself. A person who opted out or is on the do-not-contact list has an ended thread: no reply
// box, only the notice. Manual channels add the "copy, send by hand, confirm" step and recording a
// reply seen on the platform.
import {
  Alert,
  Badge,
  Button,
  Center,
  CopyButton,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Trans } from 'react-i18next';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { WhoViewedButton } from '../audit/WhoViewed';
import { OpenCaseButton } from '../cases/OpenCaseButton';
import { useCurrentSession } from '../auth/session';
import { formatDateTime, shortId } from '../ui/format';
import { RouterAnchor } from '../ui/RouterAnchor';
import { ErrorAlert } from '../ui/ErrorAlert';
import { currentLocale } from '../i18n';
import { timeIn } from './compose';
import {
  cancelScheduled,
  CONVERSATION_STATUSES,
  fetchConversation,
  markSentByHand,
  outreachKeys,
  recordReplyByHand,
  setDoNotContact,
  updateConversation,
  type Channel,
  type ConversationDetail,
  type ConversationMessage,
  type ConversationStatus,
} from './api';
import {
  ConversationStatusBadge,
  DoNotContactBadge,
  FINAL_STATUSES,
  MessageStatusBadge,
} from './badges';
import { canLiftRules, useChannels, useStaffNames } from './hooks';
import { useOutreachT } from './i18n';
import { ReplyBox } from './ReplyBox';

const route = getRouteApi('/inbox/$conversationId');
/** While a message of ours is on its way, receipts are expected soon. */
const PENDING_REFRESH_MS = 3_000;
const IDLE_REFRESH_MS = 8_000;

export function ConversationPage() {
  const t = useOutreachT();
  const { conversationId } = route.useParams();
  const conversation = useQuery({
    queryKey: outreachKeys.conversation(conversationId),
    queryFn: () => fetchConversation(conversationId),
    refetchInterval: (q) =>
      q.state.data?.messages.some((m) => m.direction === 'out' && !FINAL_STATUSES.has(m.status))
        ? PENDING_REFRESH_MS
        : IDLE_REFRESH_MS,
    refetchIntervalInBackground: false,
  });

  if (conversation.isPending) {
    return (
      <Stack gap="md" aria-busy="true">
        <Center py="md">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        </Center>
        <Skeleton h={320} radius="md" />
      </Stack>
    );
  }
  if (conversation.isError) {
    const notFound = conversation.error instanceof ApiError && conversation.error.status === 404;
    return (
      <Stack gap="md" align="flex-start">
        <BackToList />
        {notFound ? (
          <Alert color="gray" variant="light">
            {t('conversation.notFound')}
          </Alert>
        ) : (
          <>
            <ErrorAlert error={conversation.error} />
            <Button variant="default" onClick={() => void conversation.refetch()}>
              {t('common.retry')}
            </Button>
          </>
        )}
      </Stack>
    );
  }
  return <ConversationView detail={conversation.data} />;
}

function BackToList() {
  const t = useOutreachT();
  return (
    <RouterAnchor to="/inbox" search={true} size="sm" hiddenFrom="md">
      ← {t('conversation.back')}
    </RouterAnchor>
  );
}

function ConversationView({ detail }: { detail: ConversationDetail }) {
  const t = useOutreachT();
  const qc = useQueryClient();
  const { byId } = useChannels();
  const channel = detail.conversation.channelId
    ? byId.get(detail.conversation.channelId)
    : undefined;
  const ended = Boolean(detail.contact?.doNotContact);
  const manual = channel?.kind === 'manual';

  // Every read of an open conversation marks it read on the server: when it is opened and when a
  // new message shows up in it, the list and the badge follow at once.
  const conversationId = detail.conversation.id;
  const messageCount = detail.messages.length;
  useEffect(() => {
    void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
    void qc.invalidateQueries({ queryKey: outreachKeys.unread });
  }, [qc, conversationId, messageCount]);

  return (
    <Stack gap="md" data-testid="conversation" data-conversation-id={conversationId}>
      <BackToList />
      <ConversationHeader detail={detail} channel={channel} />
      {ended ? (
        <Alert color="red" variant="light" title={t('ended.title')} data-testid="thread-ended">
          {detail.contact?.optOutAt
            ? t('ended.optedOut', { date: formatDateTime(detail.contact.optOutAt) })
            : t('ended.doNotContact')}{' '}
          {t('ended.body')}
        </Alert>
      ) : null}
      <Paper withBorder radius="md" p="md">
        <Thread detail={detail} manual={manual} />
      </Paper>
      {manual && !ended ? <RecordReply conversationId={conversationId} /> : null}
      {/* A chat carried into a case's thread is answered on the chat line, not from here. On a
          phone the box docks at the foot of the screen (outreach.css), Send under the thumb. */}
      <div className="reply-dock">
        <ReplyBox
          detail={detail}
          channel={channel}
          notesOnly={ended || detail.conversation.kind === 'chat'}
        />
      </div>
    </Stack>
  );
}

function ConversationHeader({
  detail,
  channel,
}: {
  detail: ConversationDetail;
  channel: Channel | undefined;
}) {
  const t = useOutreachT();
  const { user } = useCurrentSession();
  const staff = useStaffNames();
  const qc = useQueryClient();
  const c = detail.conversation;
  const [dnc, setDnc] = useState(false);
  const [assignee, setAssignee] = useState('');

  const update = useMutation({
    mutationFn: (patch: { status?: ConversationStatus; assigneeId?: string | null }) =>
      updateConversation(c.id, patch),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: outreachKeys.conversation(c.id) });
      void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
      void qc.invalidateQueries({ queryKey: outreachKeys.unread });
    },
  });
  // The server answers who may do what with the assignee; a worker gets no take-over on a
  // colleague's thread.
  const { assignment } = detail;

  return (
    <Paper withBorder radius="md" p="md" data-testid="conversation-header">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h3" ff="monospace" data-testid="conversation-contact">
                {detail.contact?.masked ?? t('inbox.noContact')}
              </Title>
              <ConversationStatusBadge status={c.status} />
              {detail.contact?.doNotContact ? <DoNotContactBadge /> : null}
            </Group>
            {c.status === 'closed' && c.closedReason === 'opt_out' ? (
              <Text size="sm" data-testid="closed-reason">
                {t('conversation.closedOptOut')}
              </Text>
            ) : null}
            <Text size="sm" c="dimmed">
              {c.kind === 'outreach'
                ? t('inbox.kindOutreach')
                : c.kind === 'chat'
                  ? t('inbox.kindChat')
                  : t('inbox.kindInbound')}
              {channel ? (
                <>
                  {' · '}
                  {/* The channel's name is an administrator's words, in their language; it is
                      placed, not interpolated, so no text in it is read as markup. */}
                  <Trans
                    ns="outreach"
                    i18nKey="conversation.channel"
                    components={{ name: <span lang="und">{channel.name}</span> }}
                  />
                </>
              ) : null}
              {' · '}
              {t('conversation.started', { date: formatDateTime(c.createdAt) })}
            </Text>
            {c.entityId ? (
              <RouterAnchor
                to="/entities/$entityId"
                params={{ entityId: c.entityId }}
                size="sm"
                data-testid="entity-link"
              >
                {t('conversation.openLead', { id: c.alias ?? shortId(c.entityId) })}
              </RouterAnchor>
            ) : (
              <Text size="sm" c="dimmed">
                {t('conversation.noLead')}
              </Text>
            )}
            {channel && !channel.repliesPossible ? (
              <Text size="sm" c="orange.8">
                {t('compose.noReplies')}
              </Text>
            ) : null}
          </Stack>
          <Group gap="xs">
            <OpenCaseButton conversationId={c.id} />
            <WhoViewedButton kind="conversation" id={c.id} />
            {detail.contact && !detail.contact.doNotContact ? (
              <Button variant="light" color="red" size="xs" onClick={() => setDnc(true)}>
                {t('doNotContact.action')}
              </Button>
            ) : null}
          </Group>
        </Group>

        <Group gap="md" align="flex-end" wrap="wrap">
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed" id="conversation-status-label">
              {t('conversation.status')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="conversation-status-label"
              value={c.status}
              disabled={update.isPending}
              onChange={(v) => update.mutate({ status: v })}
              data={CONVERSATION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
          </Stack>
          <Stack gap={4}>
            <Text size="xs" fw={600} c="dimmed">
              {t('conversation.assignee')}
            </Text>
            <Group gap="xs">
              <Text size="sm" data-testid="conversation-assignee">
                {staff.nameOf(c.assigneeId)}
              </Text>
              {assignment.take ? (
                <Button
                  size="compact-sm"
                  variant="light"
                  onClick={() => update.mutate({ assigneeId: user.id })}
                  disabled={update.isPending}
                >
                  {t('conversation.takeIt')}
                </Button>
              ) : null}
              {assignment.release ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  onClick={() => update.mutate({ assigneeId: null })}
                  disabled={update.isPending}
                >
                  {c.assigneeId === user.id
                    ? t('conversation.giveBack')
                    : t('conversation.unassign')}
                </Button>
              ) : null}
            </Group>
            {!assignment.take && c.assigneeId !== null && c.assigneeId !== user.id ? (
              <Text size="xs" c="dimmed" data-testid="assignee-held">
                {t('conversation.heldByColleague')}
              </Text>
            ) : null}
          </Stack>
          {assignment.handOver && staff.members.length > 0 ? (
            <Group gap="xs" align="flex-end">
              <NativeSelect
                size="xs"
                label={t('conversation.assignTo')}
                value={assignee}
                onChange={(e) => setAssignee(e.currentTarget.value)}
                data={[
                  { value: '', label: t('conversation.assignToPlaceholder'), disabled: true },
                  ...staff.members.map((m) => ({
                    value: m.id,
                    label:
                      m.id === user.id ? `${m.displayName} (${t('people.you')})` : m.displayName,
                  })),
                ]}
              />
              <Button
                size="xs"
                variant="default"
                disabled={!assignee || update.isPending}
                onClick={() => update.mutate({ assigneeId: assignee })}
              >
                {t('conversation.assign')}
              </Button>
            </Group>
          ) : null}
        </Group>
        <ErrorAlert error={update.error} onClose={() => update.reset()} />
      </Stack>
      {detail.contact ? (
        <DoNotContactDialog
          opened={dnc}
          onClose={() => setDnc(false)}
          contactId={detail.contact.id}
          conversationId={c.id}
        />
      ) : null}
    </Paper>
  );
}

function Thread({ detail, manual }: { detail: ConversationDetail; manual: boolean }) {
  const t = useOutreachT();
  const bottom = useRef<HTMLLIElement>(null);
  const count = detail.messages.length;
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'nearest' });
  }, [count]);
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('conversation.noMessages')}
      </Text>
    );
  }
  return (
    <ul className="thread" aria-label={t('conversation.messagesLabel')}>
      {detail.messages.map((m) => (
        <MessageBubble key={m.id} m={m} manual={manual} conversationId={detail.conversation.id} />
      ))}
      {/* On a phone its scroll margin (outreach.css) takes the page to its end, so the newest
          message shows above the docked reply box rather than under it. */}
      <li ref={bottom} aria-hidden="true" className="thread-end" />
    </ul>
  );
}

function MessageBubble({
  m,
  manual,
  conversationId,
}: {
  m: ConversationMessage;
  manual: boolean;
  conversationId: string;
}) {
  const t = useOutreachT();
  const staff = useStaffNames();
  const failed = m.direction === 'out' && ['failed', 'expired', 'rejected'].includes(m.status);
  const who =
    m.direction === 'in'
      ? t('message.fromThem')
      : m.direction === 'note'
        ? t('message.noteBy', { name: staff.nameOf(m.authorId) })
        : m.purpose === 'opt_out_confirmation'
          ? t('message.optOutConfirmation')
          : m.authorId
            ? staff.nameOf(m.authorId)
            : t('message.automatic');
  const when =
    m.direction === 'out' && m.deliveredAt
      ? t('message.deliveredAt', { time: formatDateTime(m.deliveredAt) })
      : formatDateTime(m.createdAt);
  return (
    <li
      className="bubble"
      data-direction={m.direction}
      data-failed={failed || undefined}
      data-testid="message"
      data-status={m.status}
    >
      <Group gap={6} mb={4} wrap="wrap">
        {m.direction === 'note' ? (
          <Badge color="yellow" variant="filled" size="xs" data-testid="note-badge">
            {t('message.noteNotSent')}
          </Badge>
        ) : null}
        <Text size="xs" fw={600}>
          {who}
        </Text>
        {m.direction === 'out' ? <MessageStatusBadge status={m.status} /> : null}
        {m.segments && m.segments > 1 ? (
          <Text size="xs" c="dimmed">
            {t('message.segments', { count: m.segments })}
          </Text>
        ) : null}
      </Group>
      {/* Words of the conversation, in whatever language it is held in. */}
      <div className="bubble-text" data-testid="message-body" lang="und">
        {m.body}
      </div>
      {failed && (m.errorMessage || m.errorCode) ? (
        <Text size="xs" c="red.8" mt={4} data-testid="message-error">
          {t('message.failedReason', {
            reason: [m.errorCode, m.errorMessage].filter(Boolean).join(': '),
          })}
        </Text>
      ) : null}
      {m.direction === 'out' && m.status === 'queued' && m.scheduledFor ? (
        <Scheduled message={m} conversationId={conversationId} />
      ) : null}
      {m.direction === 'out' && m.status === 'queued' && m.errorMessage ? (
        // Held through quiet hours, or waiting for a retry: the worker sees why it has not gone.
        <Text size="xs" c="dimmed" mt={4} data-testid="message-waiting">
          {t('message.waitingReason', { reason: m.errorMessage })}
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt={4}>
        {when}
      </Text>
      {m.direction === 'out' && m.status === 'to_send' && manual ? (
        <SendByHand message={m} conversationId={conversationId} />
      ) : null}
    </li>
  );
}

/**
 * A message waiting for the first time the rules allow: when, where the person is and here, and
 * a way for its author or a supervisor to take it back. At its time every rule is checked again.
 */
function Scheduled({
  message,
  conversationId,
}: {
  message: ConversationMessage;
  conversationId: string;
}) {
  const t = useOutreachT();
  const qc = useQueryClient();
  const { user } = useCurrentSession();
  const at = message.scheduledFor ?? '';
  const zone = message.scheduledZone ?? undefined;
  const cancel = useMutation({
    mutationFn: () => cancelScheduled(message.id),
    onSettled: async () => {
      await qc.invalidateQueries({ queryKey: outreachKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
    },
  });
  const mayCancel = message.authorId === user.id || canLiftRules(user.role);
  return (
    <Stack gap={4} mt={4}>
      <Text size="xs" fw={600} data-testid="message-scheduled">
        {t('message.scheduled', {
          there: timeIn(at, zone, currentLocale()),
          zone: zone ?? '',
          here: timeIn(at, undefined, currentLocale()),
        })}
      </Text>
      {mayCancel ? (
        <Group gap="xs">
          <Button
            size="compact-xs"
            variant="default"
            color="red"
            onClick={() => cancel.mutate()}
            loading={cancel.isPending}
          >
            {t('message.cancelScheduled')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={cancel.error} />
    </Stack>
  );
}

/** Manual channels: the worker copies the text, sends it on the platform, and says so. */
function SendByHand({
  message,
  conversationId,
}: {
  message: ConversationMessage;
  conversationId: string;
}) {
  const t = useOutreachT();
  const qc = useQueryClient();
  const sent = useMutation({
    mutationFn: () => markSentByHand(message.id),
    onSettled: () => qc.invalidateQueries({ queryKey: outreachKeys.conversation(conversationId) }),
  });
  return (
    <Stack gap={6} mt="xs">
      <Text size="xs">{t('manual.steps')}</Text>
      <Group gap="xs">
        <CopyButton value={message.body}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy}>
              {copied ? t('manual.copied') : t('manual.copy')}
            </Button>
          )}
        </CopyButton>
        <Button size="compact-sm" onClick={() => sent.mutate()} loading={sent.isPending}>
          {t('manual.sent')}
        </Button>
      </Group>
      <ErrorAlert error={sent.error} />
    </Stack>
  );
}

function RecordReply({ conversationId }: { conversationId: string }) {
  const t = useOutreachT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const record = useMutation({
    mutationFn: () => recordReplyByHand(conversationId, text.trim()),
    onSuccess: async () => {
      setOpen(false);
      setText('');
      await qc.invalidateQueries({ queryKey: outreachKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
    },
  });
  return (
    <>
      <Group justify="flex-end">
        <Button variant="default" size="xs" onClick={() => setOpen(true)}>
          {t('manual.recordReply')}
        </Button>
      </Group>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('manual.recordReplyTitle')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) record.mutate();
          }}
        >
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('manual.recordReplyIntro')}
            </Text>
            <Textarea
              label={t('manual.replyText')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={3}
              maxLength={4000}
              required
              data-autofocus
            />
            <ErrorAlert error={record.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending} disabled={!text.trim()}>
                {t('manual.recordReplySubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}

function DoNotContactDialog({
  opened,
  onClose,
  contactId,
  conversationId,
}: {
  opened: boolean;
  onClose: () => void;
  contactId: string;
  conversationId: string;
}) {
  const t = useOutreachT();
  const qc = useQueryClient();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const save = useMutation({
    mutationFn: () => setDoNotContact(contactId, reason.trim()),
    onSuccess: async () => {
      onClose();
      setReason('');
      await qc.invalidateQueries({ queryKey: outreachKeys.conversation(conversationId) });
      void qc.invalidateQueries({ queryKey: outreachKeys.allInbox });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setMissing(true);
      return;
    }
    save.mutate();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('doNotContact.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('doNotContact.intro')}
          </Text>
          <Textarea
            label={t('doNotContact.reason')}
            value={reason}
            onChange={(e) => {
              setReason(e.currentTarget.value);
              setMissing(false);
            }}
            error={missing ? t('doNotContact.reasonRequired') : undefined}
            autosize
            minRows={2}
            maxLength={500}
            required
            data-autofocus
          />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={save.isPending}>
              {t('doNotContact.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
