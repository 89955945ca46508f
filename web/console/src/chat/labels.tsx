// How a chat's first answers, urgency and language read in the lists and the thread: the same
// badges everywhere. An answer the visitor left out says so ("not answered"), never a guess.
import { Badge, Group, Text } from '@mantine/core';
import { languageName } from '../ui/format';
import type { ChatSummary } from './api';
import { useChatT } from './i18n';

const URGENCY_COLOR: Record<ChatSummary['urgency'], string> = {
  not_safe: 'red',
  minor: 'orange',
  unsure: 'yellow',
  other: 'gray',
};

export function UrgencyBadge({ urgency }: { urgency: ChatSummary['urgency'] }) {
  const t = useChatT();
  return (
    <Badge color={URGENCY_COLOR[urgency]} variant="light" size="sm" data-testid="chat-urgency">
      {t(`urgency.${urgency}`)}
    </Badge>
  );
}

/** The first answers as one line: safe now?, age group, topic, language. */
export function TriageLine({ chat }: { chat: Pick<ChatSummary, 'triage' | 'language'> }) {
  const t = useChatT();
  const { safeNow, ageGroup, topic } = chat.triage;
  return (
    <Group gap={6} wrap="wrap" data-testid="chat-triage">
      <Text size="xs" c={safeNow === 'no' ? 'red.8' : 'dimmed'} fw={safeNow === 'no' ? 700 : 400}>
        {t('triage.safeNow')}: {safeNow ? t(`triage.safe.${safeNow}`) : t('triage.notAnswered')}
      </Text>
      <Text size="xs" c="dimmed" aria-hidden="true">
        ·
      </Text>
      <Text size="xs" c={ageGroup === 'under_18' ? 'orange.8' : 'dimmed'}>
        {t('triage.age')}: {ageGroup ? t(`triage.ages.${ageGroup}`) : t('triage.notAnswered')}
      </Text>
      <Text size="xs" c="dimmed" aria-hidden="true">
        ·
      </Text>
      <Text size="xs" c="dimmed">
        {t('triage.topic')}: {topic ? t(`triage.topics.${topic}`) : t('triage.notAnswered')}
      </Text>
      <Text size="xs" c="dimmed" aria-hidden="true">
        ·
      </Text>
      <Text size="xs" c="dimmed">
        {t('triage.language')}: {languageName(chat.language)}
      </Text>
    </Group>
  );
}
