// The messages of a chat as bubbles (the inbox's look): the visitor's on the left, the operators'
// on the right with what became of each (sending, not sent with a retry, sent, read by the
// visitor). The list is a log region: a screen reader announces a new message, and it scrolls to
// the newest unless the operator has scrolled up to read.
import { Button, Group, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { formatDateTime } from '../ui/format';
import { useChatT } from './i18n';
import { deliveryOf, type ThreadMessage } from './thread';

export function MessageList({
  thread,
  visitorReadSeq,
  onRetry,
}: {
  thread: ThreadMessage[];
  visitorReadSeq: number;
  onRetry: (m: ThreadMessage) => void;
}) {
  const t = useChatT();
  const box = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [thread.length]);
  return (
    <div
      ref={box}
      className="chat-scroll"
      tabIndex={0}
      aria-label={t('thread.messagesLabel')}
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
      }}
    >
      {thread.length === 0 ? (
        <Text size="sm" c="dimmed" ta="center" py="md">
          {t('thread.noMessages')}
        </Text>
      ) : null}
      <ol className="thread" role="log" aria-live="polite" aria-relevant="additions">
        {thread.map((m) => {
          const out = m.from !== 'visitor';
          const delivery = out ? deliveryOf(m, visitorReadSeq) : null;
          return (
            <li
              key={m.key}
              className="bubble"
              data-direction={out ? 'out' : 'in'}
              data-failed={delivery === 'failed' || undefined}
              data-testid="chat-message"
              data-from={m.from}
              data-delivery={delivery ?? undefined}
            >
              <span className="visually-hidden">
                {m.from === 'visitor' ? t('thread.fromVisitor') : t('thread.fromOperator')}:{' '}
              </span>
              <div className="bubble-text" lang="und">
                {m.body}
              </div>
              <Group gap={6} justify={out ? 'flex-end' : 'flex-start'} mt={2}>
                {m.at ? (
                  <Text size="xs" c="dimmed">
                    {formatDateTime(m.at)}
                  </Text>
                ) : null}
                {delivery ? (
                  <Text
                    size="xs"
                    c={delivery === 'failed' ? 'red.8' : delivery === 'read' ? 'green.8' : 'dimmed'}
                    data-testid="delivery"
                  >
                    {t(`delivery.${delivery}`)}
                  </Text>
                ) : null}
                {delivery === 'failed' ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => onRetry(m)}>
                    {t('delivery.retry')}
                  </Button>
                ) : null}
              </Group>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
