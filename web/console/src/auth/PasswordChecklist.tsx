// Every rule for a new password, ticked off while it is typed, and a strength meter: the user sees
// what is asked before saving, not one refusal at a time after it.
import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconCheck } from '../ui/icons';
import type { PasswordReport } from './password-strength';

const METER_COLOR = ['red', 'red', 'orange', 'teal', 'green'] as const;

export function PasswordChecklist({ report, typed }: { report: PasswordReport; typed: boolean }) {
  const { t } = useTranslation();
  // "At most 256 characters" is only worth a line when it is broken.
  const shown = report.checks.filter((c) => c.rule !== 'max_length' || c.ok === false);
  const score = report.estimate?.score ?? null;
  return (
    <Stack gap={6} data-testid="password-checklist">
      <Group gap="xs" wrap="nowrap">
        <Progress
          value={score === null ? 0 : (score + 1) * 20}
          color={score === null ? 'gray' : METER_COLOR[score]}
          size="sm"
          style={{ flex: 1 }}
          aria-label={t('password.strengthLabel')}
        />
        <Text size="xs" c="dimmed" miw={90} ta="right" data-testid="password-strength">
          {score === null ? '' : t(`password.strength.${score}`)}
        </Text>
      </Group>
      <ul className="password-rules" aria-label={t('password.rulesLabel')}>
        {shown.map((c) => {
          const state = !typed ? 'open' : c.ok === null ? 'checking' : c.ok ? 'met' : 'unmet';
          return (
            <li key={c.rule} data-rule={c.rule} data-state={state}>
              <span className="password-rule-mark" aria-hidden="true">
                {state === 'met' ? <IconCheck size={14} /> : state === 'unmet' ? '✕' : '·'}
              </span>
              <Text
                span
                size="sm"
                c={state === 'unmet' ? 'red.8' : state === 'met' ? 'teal.8' : 'dimmed'}
              >
                {t(`password.rules.${c.rule}`)}
              </Text>
              <span className="visually-hidden">{t(`password.ruleState.${state}`)}</span>
            </li>
          );
        })}
      </ul>
      {report.estimatorFailed ? (
        <Text size="xs" c="dimmed">
          {t('password.estimatorFailed')}
        </Text>
      ) : null}
    </Stack>
  );
}
