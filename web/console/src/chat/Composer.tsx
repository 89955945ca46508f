// Writing to the visitor: Enter sends, Shift+Enter starts a new line; typing is told to the
// visitor (on at the first key, off after a pause or on sending); quick replies in the chat's
// language (English where that language has none yet) are put into the box, never sent unread.
import { Button, Group, Menu, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { languageName } from '../ui/format';
import { CHAT_MESSAGE_MAX } from '../../../../src/contracts/chat-protocol';
import { useChatT } from './i18n';
import { useChatLive } from './live';
import { quickRepliesFor } from './quick-replies';

/** Typing counts as stopped after this long without a key. */
const TYPING_IDLE_MS = 4000;

export function Composer({
  chatId,
  language,
  onSend,
}: {
  chatId: string;
  language: string;
  onSend: (body: string) => void;
}) {
  const t = useChatT();
  const live = useChatLive();
  const [text, setText] = useState('');
  const box = useRef<HTMLTextAreaElement>(null);
  const typingOn = useRef(false);
  const idle = useRef<number | undefined>(undefined);
  const quick = quickRepliesFor(language);

  const typing = (on: boolean) => {
    if (typingOn.current === on) return;
    typingOn.current = on;
    live.client.send({ type: 'typing', chatId, on });
  };
  useEffect(
    () => () => {
      window.clearTimeout(idle.current);
      if (typingOn.current) live.client.send({ type: 'typing', chatId, on: false });
    },
    [live.client, chatId],
  );

  const change = (value: string) => {
    setText(value);
    window.clearTimeout(idle.current);
    if (value.trim() === '') {
      typing(false);
      return;
    }
    typing(true);
    idle.current = window.setTimeout(() => typing(false), TYPING_IDLE_MS);
  };

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    const body = text.trim();
    if (!body || body.length > CHAT_MESSAGE_MAX) return;
    window.clearTimeout(idle.current);
    typingOn.current = false; // the server clears typing with a message
    onSend(body);
    setText('');
    box.current?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) submit(e);
  };

  const tooLong = text.length > CHAT_MESSAGE_MAX;
  return (
    <form onSubmit={submit} aria-label={t('composer.label')}>
      <Stack gap={6}>
        <Textarea
          ref={box}
          label={t('composer.label')}
          description={t('composer.hint')}
          value={text}
          onChange={(e) => change(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autosize
          minRows={2}
          maxRows={8}
          error={tooLong ? t('composer.tooLong', { max: CHAT_MESSAGE_MAX }) : undefined}
          data-testid="chat-composer"
        />
        <Group justify="space-between" gap="xs">
          <Menu position="top-start" withinPortal>
            <Menu.Target>
              <Button variant="default" size="xs" data-testid="quick-replies">
                {t('composer.quickReplies')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown maw={420} aria-label={t('composer.quickReplies')}>
              <Menu.Label>
                {t('composer.quickRepliesIn', { language: languageName(quick.language) })}
              </Menu.Label>
              {quick.replies.map((r) => (
                <Menu.Item
                  key={r.key}
                  onClick={() => {
                    change(text ? `${text.trimEnd()} ${r.text}` : r.text);
                    box.current?.focus();
                  }}
                >
                  <Text size="sm">{r.text}</Text>
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
          <Button
            type="submit"
            size="xs"
            disabled={!text.trim() || tooLong}
            data-testid="chat-send"
          >
            {t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
