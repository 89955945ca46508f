// What a text costs and risks, while it is typed: characters, GSM-7 or UCS-2 (and the characters
// that forced UCS-2), SMS parts and what is left in the last one, from POST /api/outreach/preview
// after a short pause in typing; and the words that could endanger the person if a controller reads
// the phone, marked in the text. The figures are the server's (the same code that sends), never a
// second count in the browser.
import { Badge, Group, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { previewText, setupKeys, type SafetyHit, type SmsEncoding, type TextPreview } from './api';
import { languageName } from '../ui/format';
import { useOptionalSetupT, useSetupT } from './i18n';

const PREVIEW_DELAY_MS = 350;
/** The preview endpoint examines texts up to this length. */
const PREVIEW_MAX = 4000;

export interface LivePreview {
  /** The figures and hits, and the text they are for (hits' offsets point into that text). */
  result: (TextPreview & { text: string }) | null;
  /** The text on screen differs from the one measured, or a measurement is on its way. */
  pending: boolean;
  error: unknown;
}

/** The server's figures for `text`, asked for once typing pauses. */
export function usePreview(
  text: string,
  language: string | undefined,
  { firstMessage = true, enabled = true }: { firstMessage?: boolean; enabled?: boolean } = {},
): LivePreview {
  const [settled] = useDebouncedValue(text, PREVIEW_DELAY_MS);
  const lang = language ?? '';
  const query = useQuery({
    queryKey: setupKeys.preview(settled, lang, firstMessage),
    queryFn: async () => ({
      ...(await previewText(settled, language, firstMessage)),
      text: settled,
    }),
    enabled: enabled && settled.trim() !== '' && settled.length <= PREVIEW_MAX,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  const empty = text.trim() === '';
  return {
    result: empty ? null : (query.data ?? null),
    pending: !empty && (settled !== text || query.isFetching),
    error: empty ? null : query.error,
  };
}

export interface Figures {
  characters: number;
  encoding: SmsEncoding;
  segments: number;
  perSegment?: number;
  remainingInSegment?: number;
  nonGsmChars?: string[];
}

/** One line of figures: "212 characters · UCS-2 because of ł · 4 SMS · 56 left in this SMS". */
export function SmsFigures({
  figures,
  pending = false,
  testId = 'sms-figures',
}: {
  figures: Figures | null;
  pending?: boolean;
  testId?: string;
}) {
  const t = useSetupT();
  if (!figures) {
    return pending ? (
      <Group gap={6} data-testid={testId}>
        <Loader size={12} aria-hidden />
        <Text size="xs" c="dimmed">
          {t('live.counting')}
        </Text>
      </Group>
    ) : null;
  }
  const ucs2 = figures.encoding === 'UCS-2';
  return (
    <Group
      gap="xs"
      wrap="wrap"
      data-testid={testId}
      data-encoding={figures.encoding}
      data-segments={figures.segments}
      aria-live="polite"
      aria-busy={pending}
    >
      <Text size="xs" data-testid="sms-characters">
        {t('live.characters', { count: figures.characters })}
      </Text>
      <Badge
        size="sm"
        variant="light"
        color={ucs2 ? 'orange' : 'gray'}
        data-testid="sms-encoding"
        title={ucs2 ? t('live.ucs2Hint') : t('live.gsmHint')}
      >
        {figures.encoding}
      </Badge>
      {ucs2 && figures.nonGsmChars && figures.nonGsmChars.length > 0 ? (
        <Text size="xs" c="orange.8" data-testid="non-gsm">
          {t('live.becauseOf')}{' '}
          {figures.nonGsmChars.map((ch) => (
            <Text key={ch} span ff="monospace" fw={700} mx={2} title={codePoint(ch)}>
              {visible(ch)}
            </Text>
          ))}
        </Text>
      ) : null}
      <Text size="xs" fw={figures.segments > 1 ? 700 : undefined} data-testid="sms-segments">
        {t('live.segments', { count: figures.segments })}
      </Text>
      {figures.remainingInSegment !== undefined && figures.segments > 0 ? (
        <Text size="xs" c="dimmed" data-testid="sms-remaining">
          {t('live.remaining', {
            count: figures.remainingInSegment,
            per: figures.perSegment ?? '',
          })}
        </Text>
      ) : null}
      {pending ? <Loader size={10} role="status" aria-label={t('live.counting')} /> : null}
    </Group>
  );
}

const codePoint = (ch: string) =>
  Array.from(ch)
    .map((c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`)
    .join(' ');

/** Invisible characters (a non-breaking space, a zero-width joiner) shown by their code point. */
const visible = (ch: string) => (/^[\p{L}\p{N}\p{P}\p{S}]+$/u.test(ch) ? ch : codePoint(ch));

/** The text with the safety hits marked; React text nodes only, never HTML. */
export function MarkedText({ text, hits }: { text: string; hits: readonly SafetyHit[] }) {
  const o = useOptionalSetupT();
  const spans = hits
    .map((h) => ({ ...h, start: Math.max(0, h.start), end: Math.min(text.length, h.end) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start);
  const out: ReactNode[] = [];
  let at = 0;
  for (const h of spans) {
    if (h.start < at) continue;
    out.push(text.slice(at, h.start));
    out.push(
      <mark
        key={h.start}
        className="safety-hit"
        data-testid="safety-mark"
        title={o(`safety.categories.${h.category}`, h.why)}
      >
        {text.slice(h.start, h.end)}
      </mark>,
    );
    at = h.end;
  }
  out.push(text.slice(at));
  return (
    <Text size="sm" className="safety-text" component="div">
      {out}
    </Text>
  );
}

/** The hits as a list: the words and why each could endanger the person. */
export function SafetyHitList({ hits }: { hits: readonly SafetyHit[] }) {
  const t = useSetupT();
  const o = useOptionalSetupT();
  // One line per word and reason, however often it occurs.
  const seen = new Map<string, SafetyHit>();
  for (const h of hits) {
    const key = `${h.text.toLowerCase()}|${h.category}`;
    if (!seen.has(key)) seen.set(key, h);
  }
  return (
    <Stack gap={4} component="ul" m={0} pl="md">
      {[...seen.values()].map((h) => (
        <Text component="li" size="sm" key={`${h.text}|${h.category}`} data-testid="safety-hit">
          <Text span fw={700}>
            “{h.text}”
          </Text>{' '}
          — {o(`safety.categories.${h.category}`, h.why)}
          {h.language ? (
            <Text span size="xs" c="dimmed">
              {' '}
              ({t('safety.fromList', { language: languageName(h.language) })})
            </Text>
          ) : null}
        </Text>
      ))}
    </Stack>
  );
}
