// Internal notes on a chat: for colleagues, never shown to the visitor (they look nothing like a
// message). Read once when the chat opens (audited on the server) and after adding one.
import { Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDateTime } from '../ui/format';
import { useStaffNames } from '../outreach/hooks';
import { addNote, chatKeys, listNotes } from './api';
import { useChatT } from './i18n';

const NOTE_MAX = 4000;

export function NotesPanel({ chatId }: { chatId: string }) {
  const t = useChatT();
  const qc = useQueryClient();
  const staff = useStaffNames();
  const [text, setText] = useState('');
  const notes = useQuery({
    queryKey: chatKeys.notes(chatId),
    queryFn: () => listNotes(chatId),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const add = useMutation({
    mutationFn: (body: string) => addNote(chatId, body),
    onSuccess: (note) => {
      qc.setQueryData(chatKeys.notes(chatId), (old: typeof notes.data) => [...(old ?? []), note]);
      setText('');
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (body && body.length <= NOTE_MAX) add.mutate(body);
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="chat-notes-title">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id="chat-notes-title">
            {t('notes.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('notes.hint')}
          </Text>
        </div>
        {notes.isError ? <ErrorAlert error={notes.error} /> : null}
        {notes.data && notes.data.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notes.none')}
          </Text>
        ) : null}
        {notes.data && notes.data.length > 0 ? (
          <ol className="thread" aria-label={t('notes.title')}>
            {notes.data.map((n) => (
              <li key={n.id} className="bubble" data-direction="note" data-testid="chat-note">
                <div className="bubble-text">{n.body}</div>
                <Text size="xs" c="dimmed" mt={2}>
                  {staff.nameOf(n.authorId)} · {formatDateTime(n.at)}
                </Text>
              </li>
            ))}
          </ol>
        ) : null}
        <form onSubmit={submit}>
          <Stack gap={6}>
            <Textarea
              label={t('notes.add')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              maxRows={6}
              error={text.length > NOTE_MAX ? t('notes.tooLong', { max: NOTE_MAX }) : undefined}
              data-testid="note-input"
            />
            {add.error ? <ErrorAlert error={add.error} onClose={() => add.reset()} /> : null}
            <Button
              type="submit"
              size="xs"
              variant="default"
              disabled={!text.trim() || text.length > NOTE_MAX}
              loading={add.isPending}
              style={{ alignSelf: 'flex-start' }}
              data-testid="note-save"
            >
              {t('notes.save')}
            </Button>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
