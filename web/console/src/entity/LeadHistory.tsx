// The lead's history, newest first: who did what and when (queued, assigned, moved, snoozed,
// merged), with the reason given for "no action".
import { Stack, Text, Timeline } from '@mantine/core';
import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { LeadEvent, LeadState } from '../triage/api';
import { LEAD_STATES } from '../triage/api';
import { formatDateTime, formatDate } from '../ui/format';
import { useTriageT, type TriageKey } from '../triage/i18n';
import type { Staff } from '../triage/people';
import { Section } from './Section';

const KNOWN_ACTIONS = [
  'queued',
  'dropped',
  'reopened',
  'merged',
  'split',
  'assign',
  'state',
  'snooze',
  'seen',
] as const;
const isState = (s: unknown): s is LeadState => LEAD_STATES.some((x) => x === s);

export function LeadHistory({ history, staff }: { history: LeadEvent[]; staff: Staff }) {
  const t = useTriageT();
  const stateName = (s: unknown) =>
    isState(s) ? t(`states.${s}`) : typeof s === 'string' ? s : '—';
  const describe = (e: LeadEvent): ReactNode[] => {
    const parts: ReactNode[] = [];
    const d = e.detail;
    if (e.action === 'assign') {
      const to = typeof d.assigneeId === 'string' ? d.assigneeId : null;
      parts.push(
        to ? t('history.assignedTo', { name: staff.nameOf(to) }) : t('history.unassigned'),
      );
    } else if (e.action === 'state' || e.action === 'reopened' || e.action === 'merged') {
      if (e.fromState && e.toState && e.fromState !== e.toState) {
        parts.push(
          t('history.transition', { from: stateName(e.fromState), to: stateName(e.toState) }),
        );
      }
    } else if (e.action === 'snooze') {
      parts.push(
        typeof d.until === 'string'
          ? t('history.until', { date: formatDate(d.until) })
          : t('history.woken'),
      );
    }
    if (typeof d.reason === 'string' && d.reason)
      // The worker's own words, in the language they wrote them in; placed, not interpolated.
      parts.push(
        <Trans
          ns="triage"
          i18nKey="history.reason"
          components={{ reason: <span lang="und">{d.reason}</span> }}
        />,
      );
    return parts;
  };
  const events = [...history].filter((e) => e.action !== 'seen').reverse();
  return (
    <Section title={t('entity.sections.history')} testId="history">
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('history.empty')}
        </Text>
      ) : (
        <Timeline bulletSize={10} lineWidth={2} role="list" aria-label={t('history.label')}>
          {events.map((e) => {
            const action = (KNOWN_ACTIONS as readonly string[]).includes(e.action)
              ? t(`history.actions.${e.action}` as TriageKey)
              : e.action;
            return (
              <Timeline.Item
                key={e.id}
                role="listitem"
                data-testid="history-event"
                title={
                  <Text size="sm" fw={600}>
                    {action}
                  </Text>
                }
              >
                <Stack gap={0}>
                  {describe(e).map((p, i) => (
                    <Text key={i} size="sm">
                      {p}
                    </Text>
                  ))}
                  <Text size="xs" c="dimmed">
                    {formatDateTime(e.at)} ·{' '}
                    {e.actorId
                      ? t('history.by', { name: staff.nameOf(e.actorId) })
                      : t('history.by', { name: t('people.system') })}
                  </Text>
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
    </Section>
  );
}
