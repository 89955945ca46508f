// One variant of a template: its text (with buttons that insert a placeholder where the cursor is),
// the live figures, placeholder problems, and the text again with the risky words marked and
// explained. Read-only, it shows the stored figures and the hits as they were saved or approved.
import { ActionIcon, Button, Group, Paper, Stack, Text, Textarea, Tooltip } from '@mantine/core';
import { useRef } from 'react';
import { MAX_VARIANT_CHARS, PLACEHOLDERS, type SafetyHit, type TemplateVariant } from './api';
import { useSetupT, type SetupT } from './i18n';
import { MarkedText, SafetyHitList, SmsFigures, usePreview } from './live';
import { placeholderProblems, type PlaceholderProblem } from './placeholders';

function problemText(t: SetupT, p: PlaceholderProblem): string {
  const at = p.at + 1;
  switch (p.code) {
    case 'unknown':
      return t('editor.placeholders.unknown', { found: p.found, at });
    case 'misspelt':
      return t('editor.placeholders.misspelt', { found: p.found, expected: `{${p.expected}}`, at });
    case 'unclosed':
      return t('editor.placeholders.unclosed', { at });
    case 'stray':
      return t('editor.placeholders.stray', { at });
  }
}

export function VariantEditor({
  index,
  text,
  language,
  onChange,
  onRemove,
  error,
}: {
  index: number;
  text: string;
  language: string;
  onChange: (text: string) => void;
  onRemove: (() => void) | null;
  error?: string | null;
}) {
  const t = useSetupT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const live = usePreview(text, language);
  const problems = placeholderProblems(text);
  const hits = live.result?.safetyHits ?? [];
  const label = t('editor.variant', { n: index + 1 });

  const insert = (placeholder: string) => {
    const el = ref.current;
    const token = `{${placeholder}}`;
    const start = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? text.length;
    onChange(text.slice(0, start) + token + text.slice(end));
    // Put the cursor after the placeholder once React has rendered the new text.
    requestAnimationFrame(() => {
      if (!el) return;
      el.focus();
      el.setSelectionRange(start + token.length, start + token.length);
    });
  };

  return (
    <Paper withBorder radius="md" p="md" data-testid="variant" data-variant={index}>
      <Stack gap="xs">
        <Textarea
          ref={ref}
          label={label}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={12}
          maxLength={MAX_VARIANT_CHARS}
          required
          error={error ?? undefined}
          spellCheck
        />
        <Group justify="space-between" gap="xs">
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('editor.insert')}
            </Text>
            {PLACEHOLDERS.map((p) => (
              <Button
                key={p}
                size="compact-xs"
                variant="default"
                ff="monospace"
                onClick={() => insert(p)}
                aria-label={t('editor.insertInto', { placeholder: `{${p}}`, variant: label })}
              >
                {`{${p}}`}
              </Button>
            ))}
          </Group>
          {onRemove ? (
            <Tooltip label={t('editor.removeVariant', { n: index + 1 })}>
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={onRemove}
                aria-label={t('editor.removeVariant', { n: index + 1 })}
              >
                ×
              </ActionIcon>
            </Tooltip>
          ) : null}
        </Group>
        <SmsFigures figures={live.result} pending={live.pending} />
        {live.error ? (
          <Text size="xs" c="red" role="status">
            {t('live.unavailable')}
          </Text>
        ) : null}
        {text.includes('{') ? (
          <Text size="xs" c="dimmed">
            {t('live.placeholderNote')}
          </Text>
        ) : null}
        {problems.length > 0 ? (
          <Stack gap={2} role="status" data-testid="placeholder-problems">
            {problems.map((p) => (
              <Text key={`${p.code}-${p.at}`} size="xs" c="red.8">
                {problemText(t, p)}
              </Text>
            ))}
          </Stack>
        ) : null}
        {live.result && hits.length > 0 ? <SafetyBox text={live.result.text} hits={hits} /> : null}
      </Stack>
    </Paper>
  );
}

/** A stored variant, as saved or approved. */
export function VariantView({
  index,
  variant,
  hits,
}: {
  index: number;
  variant: TemplateVariant;
  hits: readonly SafetyHit[];
}) {
  const t = useSetupT();
  return (
    <Paper withBorder radius="md" p="md" data-testid="variant" data-variant={index}>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('editor.variant', { n: index + 1 })}
        </Text>
        <Paper bg="gray.0" p="sm" radius="sm">
          <MarkedText text={variant.text} hits={hits} />
        </Paper>
        <SmsFigures figures={variant} />
        {hits.length > 0 ? <SafetyHitList hits={hits} /> : null}
      </Stack>
    </Paper>
  );
}

function SafetyBox({ text, hits }: { text: string; hits: readonly SafetyHit[] }) {
  const t = useSetupT();
  return (
    <Paper
      radius="sm"
      p="sm"
      bg="orange.0"
      data-testid="safety-box"
      role="region"
      aria-label={t('safety.boxLabel')}
    >
      <Stack gap="xs">
        <Text size="sm" fw={600} c="orange.9">
          {t('safety.found', { count: new Set(hits.map((h) => h.text.toLowerCase())).size })}
        </Text>
        <Text size="xs">{t('safety.risk')}</Text>
        <MarkedText text={text} hits={hits} />
        <SafetyHitList hits={hits} />
      </Stack>
    </Paper>
  );
}
