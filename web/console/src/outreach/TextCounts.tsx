// Live counts of a text as it will travel by SMS: characters, encoding, segments and room left in
// the last one, characters that force UCS-2, and words that could endanger the person in a first
// message. Asked of the server (POST /api/outreach/preview, the same rules that send) a moment
// after typing stops.
import { Group, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { outreachKeys, previewText, type TextPreview } from './api';
import { useOutreachT } from './i18n';

const DEBOUNCE_MS = 350;

export function useTextPreview(text: string, language: string | undefined, firstMessage: boolean) {
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const trimmed = debounced.trim();
  return useQuery({
    queryKey: outreachKeys.preview(debounced, language ?? '', firstMessage),
    queryFn: () => previewText(debounced, { firstMessage, ...(language ? { language } : {}) }),
    enabled: trimmed.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function TextCounts({
  text,
  language,
  showSafety = false,
  testId = 'text-counts',
}: {
  text: string;
  language?: string;
  /**
   * A first message: safety words are looked for and shown. A reply to someone who wrote is not
   * checked for them (the server's rule is the same).
   */
  showSafety?: boolean;
  testId?: string;
}) {
  const preview = useTextPreview(text, language, showSafety);
  if (!text.trim()) return null;
  if (preview.isError) return null;
  if (!preview.data) return null;
  return <CountsLine p={preview.data} showSafety={showSafety} testId={testId} />;
}

export function CountsLine({
  p,
  showSafety,
  testId,
}: {
  p: TextPreview;
  showSafety: boolean;
  testId: string;
}) {
  const t = useOutreachT();
  return (
    <div aria-live="polite" data-testid={testId}>
      <Group gap="xs" wrap="wrap">
        <Text size="xs" c="dimmed" data-testid="counts-summary">
          {t('counts.summary', {
            characters: p.characters,
            encoding: p.encoding,
            segments: p.segments,
            remaining: p.remainingInSegment,
          })}
        </Text>
        {p.nonGsmChars.length > 0 ? (
          <Text size="xs" c="orange.8">
            {t('counts.nonGsm', { chars: p.nonGsmChars.join(' ') })}
          </Text>
        ) : null}
      </Group>
      {showSafety && p.safetyHits.length > 0 ? (
        <Text size="xs" c="red.8" mt={2} data-testid="safety-hits">
          {t('counts.safety', {
            words: [...new Set(p.safetyHits.map((h) => `“${h.text}”`))].join(', '),
          })}
        </Text>
      ) : null}
    </div>
  );
}
