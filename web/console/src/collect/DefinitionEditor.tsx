// The source definition as JSON in a plain monospace editor. Syntax errors are caught here with
// their line; everything else is the server's to judge (one zod schema for console, API and
// import), and its problems are listed by path with the line they point at — a click selects it.
import { Alert, Button, Group, List, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { ErrorAlert } from '../ui/ErrorAlert';
import { isIssue } from '../ui/error-text';
import { useIssueReason } from '../ui/errors';
import { saveSource, type Source } from './api';
import { formatDefinition } from './definition';
import { useCollectT } from './i18n';
import {
  jsonPathLines,
  lineOfPath,
  parseProblems,
  syntaxErrorLine,
  type PathProblem,
} from './json-lines';

interface Problem extends PathProblem {
  line: number | null;
}

export function DefinitionEditor({
  initial,
  currentName,
  readOnly,
  existingNames,
  onSaved,
}: {
  initial: string;
  /** The source's name now; a different name in the text saves a new source. Null when new. */
  currentName: string | null;
  readOnly: boolean;
  /** Names of all sources: saving under one of them replaces that source's definition. */
  existingNames: string[];
  onSaved: (source: Source, created: boolean) => void;
}) {
  const t = useCollectT();
  const reason = useIssueReason();
  // What the server has now: the text as loaded, then as saved (with the defaults it filled in).
  const [baseline, setBaseline] = useState(initial);
  const [text, setText] = useState(initial);
  const [problems, setProblems] = useState<Problem[] | null>(null);
  const [syntax, setSyntax] = useState<{ message: string; line: number | null } | null>(null);
  const [saved, setSaved] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const dirty = text !== baseline;

  const parsed = useMemo((): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      return { ok: false };
    }
  }, [text]);
  const nameInText =
    parsed.ok && typeof parsed.value === 'object' && parsed.value !== null
      ? (parsed.value as { name?: unknown }).name
      : undefined;
  const otherName =
    typeof nameInText === 'string' && nameInText !== currentName ? nameInText : null;
  const replacesOther = otherName !== null && existingNames.includes(otherName);
  const renaming = currentName !== null && otherName !== null && !replacesOther;

  const save = useMutation({
    mutationFn: (definition: unknown) => saveSource(definition),
    onSuccess: ({ source, created }) => {
      const savedText = formatDefinition(source.definition);
      setBaseline(savedText);
      setText(savedText);
      setProblems(null);
      setSaved(true);
      onSaved(source, created);
    },
    onError: (err) => {
      if (err instanceof ApiError && err.code === 'validation_failed') {
        const lines = jsonPathLines(text);
        // The failed checks (error.issues) are said in the user's language; only a server that
        // sends none leaves the English lines of its message to list.
        const issues = Array.isArray(err.details.issues)
          ? (err.details.issues as unknown[]).filter(isIssue)
          : [];
        const listed: PathProblem[] =
          issues.length > 0
            ? issues.map((i) => ({ path: i.path.join('.'), message: reason(i) }))
            : parseProblems(err.message);
        setProblems(
          listed.map((p) => ({
            ...p,
            line: p.path ? lineOfPath(lines, p.path) : null,
          })),
        );
      }
    },
  });

  const selectLine = (line: number) => {
    const el = area.current;
    if (!el) return;
    const lines = el.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    el.focus();
    el.setSelectionRange(start, end);
    const lineHeight = Number.parseFloat(getComputedStyle(el).lineHeight) || 20;
    el.scrollTop = Math.max(0, (line - 4) * lineHeight);
  };

  const submit = () => {
    setSaved(false);
    setProblems(null);
    try {
      const value = JSON.parse(text) as unknown;
      setSyntax(null);
      save.mutate(value);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setSyntax({ message, line: syntaxErrorLine(text, message)?.line ?? null });
    }
  };

  const format = () => {
    try {
      setText(formatDefinition(JSON.parse(text)));
      setSyntax(null);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      setSyntax({ message, line: syntaxErrorLine(text, message)?.line ?? null });
    }
  };

  const lineButton = (line: number | null) =>
    line === null ? null : (
      <UnstyledButton
        onClick={() => selectLine(line)}
        c="blue.8"
        fz="sm"
        td="underline"
        mr={6}
        aria-label={t('definition.goToLine', { line })}
      >
        {t('definition.line', { line })}
      </UnstyledButton>
    );

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        {readOnly ? t('definition.introReadOnly') : t('definition.intro')}
      </Text>
      <Textarea
        ref={area}
        label={t('definition.label')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setSaved(false);
        }}
        readOnly={readOnly}
        autosize
        minRows={16}
        maxRows={36}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        data-testid="definition-editor"
        styles={{
          input: {
            fontFamily: 'var(--mantine-font-family-monospace)',
            fontSize: 13,
            lineHeight: 1.5,
            whiteSpace: 'pre',
            overflowX: 'auto',
          },
        }}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 's' && !readOnly) {
            e.preventDefault();
            submit();
          }
        }}
      />
      {syntax ? (
        <Alert color="red" variant="light" role="alert" title={t('definition.syntaxTitle')}>
          {lineButton(syntax.line)}{' '}
          <Text span size="sm">
            {syntax.message}
          </Text>
        </Alert>
      ) : null}
      {problems ? (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title={t('definition.problemsTitle', { count: problems.length })}
          data-testid="definition-problems"
        >
          <List size="sm" spacing={4}>
            {problems.map((p, i) => (
              <List.Item key={i}>
                {lineButton(p.line)}
                {p.line !== null ? ' ' : null}
                {p.path ? (
                  <Text span ff="monospace" fw={600} size="sm">
                    {p.path}
                  </Text>
                ) : null}
                {p.path ? ': ' : ''}
                {p.message}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {save.error &&
      !(save.error instanceof ApiError && save.error.code === 'validation_failed') ? (
        <ErrorAlert error={save.error} onClose={() => save.reset()} />
      ) : null}
      {replacesOther ? (
        <Alert color="red" variant="light" data-testid="replaces-other">
          {t('definition.replacesNote', { name: otherName })}
        </Alert>
      ) : null}
      {renaming ? (
        <Alert color="orange" variant="light">
          {t('definition.renameNote', { from: currentName, to: nameInText })}
        </Alert>
      ) : null}
      {saved && !dirty ? (
        <Text size="sm" c="green.8" role="status">
          {t('definition.saved')}
        </Text>
      ) : null}
      {readOnly ? null : (
        <Group gap="sm">
          <Button
            onClick={submit}
            loading={save.isPending}
            disabled={!dirty && currentName !== null}
          >
            {currentName === null ? t('definition.create') : t('definition.save')}
          </Button>
          <Button variant="default" onClick={format}>
            {t('definition.format')}
          </Button>
          {dirty ? (
            <Button
              variant="subtle"
              color="gray"
              onClick={() => {
                setText(baseline);
                setProblems(null);
                setSyntax(null);
              }}
            >
              {t('definition.discard')}
            </Button>
          ) : null}
          {dirty ? (
            <Text size="sm" c="dimmed">
              {t('definition.unsaved')}
            </Text>
          ) : null}
        </Group>
      )}
    </Stack>
  );
}
