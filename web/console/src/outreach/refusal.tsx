// A send the contact rules refused, told plainly: which rule, the server's reason, and for rules
// that pass with time, from when sending is possible. Any other error is shown as usual.
import { Alert, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Schemas } from '../api/contract';
import { formatDateTime } from '../ui/format';
import { ErrorAlert } from '../ui/ErrorAlert';
import { SendRefusal } from './api';
import { useOutreachT, type OutreachKey } from './i18n';

const RULES = [
  'opt_out_confirmation_not_allowed',
  'do_not_contact',
  'no_contact_consent',
  'invalid_recipient',
  'template_required',
  'template_not_approved',
  'whatsapp_no_opt_in',
  'whatsapp_template_required',
  'whatsapp_template_not_approved',
  'one_thread_per_entity',
  'shared_number_name',
  'safety_confirmation_required',
  'unanswered_limit',
  'min_gap',
  'quiet_hours',
  'rate_limit',
] as const;
type Rule = (typeof RULES)[number];
/** Refusals no one can lift in the console: the person's own word. */
const ABSOLUTE: readonly string[] = ['do_not_contact', 'no_contact_consent'];
const isRule = (r: string | null): r is Rule =>
  r !== null && (RULES as readonly string[]).includes(r);

export type RefusalText = Schemas['RefusalText'];

/**
 * A refusal's message in the worker's language: the server sends a key and parameters of the
 * "refusals" block beside its English message; an unknown key (or none) shows the English.
 */
export function useRefusalText(): (
  text: RefusalText | null | undefined,
  message: string,
) => string {
  const { t, i18n } = useTranslation('outreach');
  return useCallback(
    (text, message) => {
      const key = text ? `refusals.${text.key}` : null;
      if (!key || !i18n.exists(key, { ns: 'outreach' })) return message;
      const translate = t as unknown as (k: string, o?: Record<string, unknown>) => string;
      return translate(key, text?.params ?? {});
    },
    [t, i18n],
  );
}

export function ruleOf(error: unknown): string | null {
  return error instanceof SendRefusal ? error.rule : null;
}

export function SendErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useOutreachT();
  const refusalText = useRefusalText();
  if (!(error instanceof SendRefusal)) return <ErrorAlert error={error} onClose={onClose} />;
  const title: string = isRule(error.rule)
    ? t(`rules.${error.rule}` satisfies OutreachKey)
    : t('rules.other');
  return (
    <Alert
      color={ABSOLUTE.includes(error.rule ?? '') ? 'red' : 'orange'}
      variant="light"
      role="alert"
      title={title}
      data-testid="send-refused"
      data-rule={error.rule ?? ''}
      withCloseButton={Boolean(onClose)}
      onClose={onClose}
    >
      <Text size="sm">{refusalText(error.text, error.message)}</Text>
      {error.notBefore ? (
        <Text size="sm" fw={600} mt={6} data-testid="not-before">
          {t('rules.notBefore', { time: formatDateTime(error.notBefore) })}
        </Text>
      ) : null}
    </Alert>
  );
}
