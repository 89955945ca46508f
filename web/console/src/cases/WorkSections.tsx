// The working parts of a case page: the dated risk assessment (short answers and a note), tasks
// and follow-ups (a due one is marked, and shows on the Cases page as a reminder), and the notes,
// which are read only when asked for, since reading them is recorded as a view of the case.
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useStaffNames } from '../outreach/hooks';
import { ErrorAlert } from '../ui/ErrorAlert';
import { formatDate, formatDateTime } from '../ui/format';
import { Loading } from '../ui/Loading';
import {
  addNote,
  addTask,
  assessRisk,
  caseKeys,
  deleteTask,
  fetchNotes,
  RISK_ANSWERS,
  RISK_LEVELS,
  RISK_QUESTIONS,
  updateTask,
  type CaseDetail,
  type RiskAnswer,
  type RiskLevel,
  type RiskQuestion,
  type TaskView,
} from './api';
import { useCaseChanged } from './hooks';
import { useCasesT } from './i18n';

export function RiskSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const [latest] = detail.risk;
  const editable = detail.actions.includes('edit');
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-risk-title">
      <Title order={2} size="h4" id="case-risk-title" mb="sm">
        {t('risk.title')}
      </Title>
      {latest ? (
        <Stack gap={4} mb="sm" data-testid="risk-latest">
          <Text size="sm" fw={600}>
            {t('risk.latest', {
              level: t(`risk.${latest.level}`),
              date: formatDateTime(latest.assessedAt),
            })}
          </Text>
          {RISK_QUESTIONS.filter((q) => latest.answers[q]).map((q) => (
            <Text size="sm" key={q}>
              {t(`risk.q.${q}`)} <strong>{t(`risk.${latest.answers[q]!}`)}</strong>
            </Text>
          ))}
          {latest.note ? <Text size="sm">{latest.note}</Text> : null}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed" mb="sm">
          {t('risk.none')}
        </Text>
      )}
      {editable ? <RiskForm caseId={detail.case.id} /> : null}
    </Paper>
  );
}

function RiskForm({ caseId }: { caseId: string }) {
  const t = useCasesT();
  const changed = useCaseChanged(caseId);
  const [level, setLevel] = useState<RiskLevel>('medium');
  const [answers, setAnswers] = useState<Partial<Record<RiskQuestion, RiskAnswer>>>({});
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () =>
      assessRisk(caseId, { level, answers, ...(note.trim() ? { note: note.trim() } : {}) }),
    onSuccess: async () => {
      setNote('');
      await changed();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit}>
      <Stack gap="xs">
        {RISK_QUESTIONS.map((q) => (
          <Group key={q} justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" id={`risk-q-${q}`}>
              {t(`risk.q.${q}`)}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby={`risk-q-${q}`}
              value={answers[q] ?? 'unknown'}
              onChange={(v) => setAnswers({ ...answers, [q]: v })}
              data={RISK_ANSWERS.map((a) => ({ value: a, label: t(`risk.${a}`) }))}
            />
          </Group>
        ))}
        <Group gap="sm" align="center">
          <Text size="sm" fw={600} id="risk-level-label">
            {t('risk.level')}
          </Text>
          <SegmentedControl
            aria-labelledby="risk-level-label"
            value={level}
            onChange={(v) => setLevel(v)}
            data={RISK_LEVELS.map((l) => ({ value: l, label: t(`risk.${l}`) }))}
          />
        </Group>
        <Textarea
          label={t('risk.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        <ErrorAlert error={save.error} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('risk.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function TasksSection({ detail }: { detail: CaseDetail }) {
  const t = useCasesT();
  const caseId = detail.case.id;
  const editable = detail.actions.includes('edit');
  const changed = useCaseChanged(caseId);
  const [title, setTitle] = useState('');
  const [due, setDue] = useState('');
  const add = useMutation({
    mutationFn: () =>
      addTask(caseId, {
        title: title.trim(),
        ...(due ? { dueAt: new Date(`${due}T09:00`).toISOString() } : {}),
      }),
    onSuccess: async () => {
      setTitle('');
      setDue('');
      await changed();
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-tasks-title">
      <Title order={2} size="h4" id="case-tasks-title" mb="sm">
        {t('tasks.title')}
      </Title>
      {detail.tasks.length === 0 ? (
        <Text size="sm" c="dimmed" mb="sm">
          {t('tasks.none')}
        </Text>
      ) : (
        <Stack gap={6} mb="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {detail.tasks.map((task) => (
            <TaskItem key={task.id} caseId={caseId} task={task} editable={editable} />
          ))}
        </Stack>
      )}
      {editable ? (
        <form onSubmit={submit}>
          <Group gap="sm" align="flex-end">
            <TextInput
              label={t('tasks.newTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              maxLength={300}
              style={{ flex: 1 }}
            />
            <TextInput
              type="date"
              label={t('tasks.dueDate')}
              value={due}
              onChange={(e) => setDue(e.currentTarget.value)}
            />
            <Button type="submit" loading={add.isPending} disabled={!title.trim()}>
              {t('tasks.add')}
            </Button>
          </Group>
          <ErrorAlert error={add.error} />
        </form>
      ) : null}
    </Paper>
  );
}

function TaskItem({
  caseId,
  task,
  editable,
}: {
  caseId: string;
  task: TaskView;
  editable: boolean;
}) {
  const t = useCasesT();
  const changed = useCaseChanged(caseId);
  const toggle = useMutation({
    mutationFn: (done: boolean) => updateTask(caseId, task.id, { done }),
    onSuccess: changed,
  });
  const remove = useMutation({ mutationFn: () => deleteTask(caseId, task.id), onSuccess: changed });
  return (
    <li data-testid="case-task">
      <Group gap="sm" wrap="nowrap">
        <Checkbox
          checked={task.doneAt !== null}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
          disabled={!editable}
          label={
            <Text size="sm" td={task.doneAt ? 'line-through' : undefined}>
              {task.title}
              {task.dueAt ? (
                <Text span c="dimmed" size="xs">
                  {' '}
                  · {t('tasks.dueOn', { date: formatDate(task.dueAt) })}
                </Text>
              ) : null}
            </Text>
          }
        />
        {task.due ? (
          <Badge color="red" variant="light" size="sm">
            {t('tasks.due')}
          </Badge>
        ) : null}
        {editable ? (
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('tasks.deleteLabel', { title: task.title })}
            onClick={() => remove.mutate()}
            loading={remove.isPending}
          >
            ×
          </ActionIcon>
        ) : null}
      </Group>
      <ErrorAlert error={toggle.error ?? remove.error} />
    </li>
  );
}

export function NotesSection({ caseId, writable }: { caseId: string; writable: boolean }) {
  const t = useCasesT();
  const [shown, setShown] = useState(false);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="case-notes-title">
      <Title order={2} size="h4" id="case-notes-title" mb="xs">
        {t('notes.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('notes.intro')}
      </Text>
      {shown ? (
        <Notes caseId={caseId} writable={writable} />
      ) : (
        <Button variant="default" onClick={() => setShown(true)} data-testid="show-notes">
          {t('notes.show')}
        </Button>
      )}
    </Paper>
  );
}

function Notes({ caseId, writable }: { caseId: string; writable: boolean }) {
  const t = useCasesT();
  const staff = useStaffNames();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const notes = useQuery({ queryKey: caseKeys.notes(caseId), queryFn: () => fetchNotes(caseId) });
  const add = useMutation({
    mutationFn: () => addNote(caseId, text.trim()),
    onSuccess: async () => {
      setText('');
      await qc.invalidateQueries({ queryKey: caseKeys.notes(caseId) });
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate();
  };
  if (notes.isPending) return <Loading />;
  if (notes.isError) return <ErrorAlert error={notes.error} />;
  return (
    <Stack gap="sm">
      {notes.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('notes.none')}
        </Text>
      ) : (
        notes.data.map((n) => (
          <Paper key={n.id} withBorder radius="sm" p="sm" data-testid="case-note">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {n.text}
            </Text>
            <Text size="xs" c="dimmed">
              {t('notes.by', { name: staff.nameOf(n.authorId), date: formatDateTime(n.createdAt) })}
            </Text>
          </Paper>
        ))
      )}
      {writable ? (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Textarea
              label={t('notes.new')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              autosize
              minRows={2}
              maxLength={8000}
            />
            <ErrorAlert error={add.error} />
            <Group>
              <Button type="submit" loading={add.isPending} disabled={!text.trim()}>
                {t('notes.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
