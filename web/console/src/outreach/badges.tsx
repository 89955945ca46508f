// Badges of the inbox, the same wherever they appear: a conversation's status, a message's
// delivery status, and the do-not-contact mark.
import { Badge, Tooltip } from '@mantine/core';
import { formatDateTime } from '../ui/format';
import type { ConversationStatus } from './api';
import { useOutreachT, type OutreachKey } from './i18n';

const STATUS_COLOR: Record<ConversationStatus, string> = {
  open: 'blue',
  waiting: 'yellow',
  closed: 'gray',
};

export function ConversationStatusBadge({ status }: { status: ConversationStatus }) {
  const t = useOutreachT();
  return (
    <Badge color={STATUS_COLOR[status]} variant="light" size="sm" data-testid="conversation-status">
      {t(`status.${status}`)}
    </Badge>
  );
}

export function DoNotContactBadge() {
  const t = useOutreachT();
  return (
    <Tooltip label={t('doNotContact.hint')} withArrow multiline w={260}>
      <Badge color="red" variant="filled" size="sm" data-testid="dnc-badge">
        {t('doNotContact.badge')}
      </Badge>
    </Tooltip>
  );
}

/** A thread with a message waiting for its time (a scheduled send), and when it is due. */
export function ScheduledBadge({ at }: { at: string }) {
  const t = useOutreachT();
  const when = formatDateTime(at);
  return (
    <Tooltip label={t('inbox.scheduledHint', { at: when })} withArrow>
      <Badge
        color="grape"
        variant="light"
        size="sm"
        data-testid="scheduled-badge"
        aria-label={`${t('inbox.scheduledBadge')}: ${when}`}
      >
        {t('inbox.scheduledBadge')}
      </Badge>
    </Tooltip>
  );
}

const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'delivered',
  'failed',
  'to_send',
  'received',
  'unknown',
  'expired',
  'rejected',
] as const;
type KnownStatus = (typeof MESSAGE_STATUSES)[number];
const isKnown = (s: string): s is KnownStatus =>
  (MESSAGE_STATUSES as readonly string[]).includes(s);

const MESSAGE_COLOR: Record<KnownStatus, string> = {
  queued: 'gray',
  sending: 'gray',
  sent: 'blue',
  delivered: 'teal',
  failed: 'red',
  to_send: 'orange',
  received: 'gray',
  unknown: 'orange',
  expired: 'red',
  rejected: 'red',
};

/** Statuses after which nothing more will happen to an outbound message. */
export const FINAL_STATUSES = new Set(['delivered', 'failed', 'expired', 'rejected', 'unknown']);

export function MessageStatusBadge({ status }: { status: string }) {
  const t = useOutreachT();
  const key: OutreachKey | null = isKnown(status) ? `messageStatus.${status}` : null;
  return (
    <Badge
      color={isKnown(status) ? MESSAGE_COLOR[status] : 'gray'}
      variant="light"
      size="xs"
      data-testid="message-status"
      data-status={status}
    >
      {key ? t(key) : status}
    </Badge>
  );
}
