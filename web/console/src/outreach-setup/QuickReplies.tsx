// Quick replies: the organisation's short answers a worker drops into a reply (opening hours, how
// to reach us), per language. Workers and supervisors add them, with the SMS figures while typing;
// the author or a supervisor removes one; admins only read them. They go only into replies, once the person has written,
// so the first-message safety words are not flagged here.
import {
  Button,
  Center,
  EmptyState,
  Group,
  Loader,
  Modal,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCurrentSession } from '../auth/session';
import { ErrorAlert } from '../ui/ErrorAlert';
import { IconInbox } from '../ui/icons';
import { canDeleteQuickReply, canWriteTemplates } from './access';
import {
  createQuickReply,
  deleteQuickReply,
  listQuickReplies,
  OUTREACH_LANGUAGES,
  setupKeys,
  type OutreachLanguage,
  type QuickReply,
} from './api';
import { formatDateTime, languageName } from '../ui/format';
import { useSetupT } from './i18n';
import { SmsFigures, usePreview } from './live';
import { useNameOf } from './people';

const MAX_TITLE = 80;
const MAX_TEXT = 1000;

export function QuickReplies({ defaultLanguage }: { defaultLanguage: OutreachLanguage }) {
  const t = useSetupT();
  const { user, capabilities } = useCurrentSession();
  const nameOf = useNameOf();
  const qc = useQueryClient();
  const [language, setLanguage] = useState('');
  const [removing, setRemoving] = useState<QuickReply | null>(null);
  const replies = useQuery({
    queryKey: setupKeys.quickReplies(language),
    queryFn: () => listQuickReplies(language),
  });
  const remove = useMutation({
    mutationFn: (id: string) => deleteQuickReply(id),
    onSettled: () => {
      setRemoving(null);
      void qc.invalidateQueries({ queryKey: setupKeys.allQuickReplies });
    },
  });
  const write = canWriteTemplates(capabilities);

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed" maw={720}>
        {t('quick.intro')}
      </Text>
      {write ? <NewQuickReply defaultLanguage={defaultLanguage} /> : null}
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h4">
          {t('quick.listTitle')}
        </Title>
        <NativeSelect
          label={t('list.language')}
          value={language}
          onChange={(e) => setLanguage(e.currentTarget.value)}
          data={[
            { value: '', label: t('list.allLanguages') },
            ...OUTREACH_LANGUAGES.map((l) => ({ value: l, label: languageName(l) })),
          ]}
        />
      </Group>
      <ErrorAlert error={remove.error} onClose={() => remove.reset()} />
      {replies.isPending ? (
        <Center py="xl">
          <Loader size="sm" role="status" aria-label={t('common.loading')} />
        </Center>
      ) : replies.isError ? (
        <ErrorAlert error={replies.error} />
      ) : replies.data.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            py={48}
            px="xl"
            icon={<IconInbox size={28} />}
            withIndicatorBackground
            title={language ? t('quick.noneInLanguage') : t('quick.empty')}
            description={write ? t('quick.emptyHint') : undefined}
          />
        </Paper>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {replies.data.map((r) => (
            <Paper
              component="li"
              key={r.id}
              withBorder
              radius="md"
              p="md"
              data-testid="quick-reply"
              data-title={r.title}
            >
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fw={600}>{r.title}</Text>
                    <Text size="xs" c="dimmed">
                      {languageName(r.language)}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.text}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('quick.addedBy', {
                      name: nameOf(r.createdBy),
                      date: formatDateTime(r.createdAt),
                    })}
                  </Text>
                </Stack>
                {canDeleteQuickReply(r.createdBy, user) ? (
                  <Button
                    variant="subtle"
                    color="red"
                    size="xs"
                    onClick={() => setRemoving(r)}
                    aria-label={t('quick.deleteNamed', { title: r.title })}
                  >
                    {t('quick.delete')}
                  </Button>
                ) : null}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
      <Modal
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        title={t('quick.deleteTitle', { title: removing?.title ?? '' })}
      >
        <Stack gap="md">
          <Text size="sm">{t('quick.deleteBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => removing && remove.mutate(removing.id)}
            >
              {t('quick.delete')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function NewQuickReply({ defaultLanguage }: { defaultLanguage: OutreachLanguage }) {
  const t = useSetupT();
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<OutreachLanguage>(defaultLanguage);
  const [text, setText] = useState('');
  const [checked, setChecked] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const live = usePreview(text, language, { firstMessage: false });
  const create = useMutation({
    mutationFn: createQuickReply,
    onSuccess: (r) => {
      setTitle('');
      setText('');
      setChecked(false);
      setAdded(r.title);
      void qc.invalidateQueries({ queryKey: setupKeys.allQuickReplies });
    },
  });

  return (
    <Paper withBorder radius="md" p="md">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          setChecked(true);
          setAdded(null);
          if (!title.trim() || !text.trim()) return;
          create.mutate({ title: title.trim(), language, text: text.trim() });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('quick.newTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('quick.title')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={MAX_TITLE}
              required
              error={checked && !title.trim() ? t('editor.required') : undefined}
            />
            <NativeSelect
              label={t('editor.language')}
              value={language}
              onChange={(e) => setLanguage(e.currentTarget.value as OutreachLanguage)}
              data={OUTREACH_LANGUAGES.map((l) => ({ value: l, label: languageName(l) }))}
            />
          </SimpleGrid>
          <Textarea
            label={t('quick.text')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={MAX_TEXT}
            required
            error={checked && !text.trim() ? t('editor.required') : undefined}
          />
          <SmsFigures figures={live.result} pending={live.pending} testId="quick-figures" />
          {live.error ? (
            <Text size="xs" c="red" role="status">
              {t('live.unavailable')}
            </Text>
          ) : null}
          <ErrorAlert error={create.error} onClose={() => create.reset()} />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('quick.add')}
            </Button>
            {added ? (
              <Text size="sm" c="teal.8" role="status">
                {t('quick.added', { title: added })}
              </Text>
            ) : null}
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
